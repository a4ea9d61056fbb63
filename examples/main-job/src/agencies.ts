import {
  type Clock,
  createEngine,
  type Engine,
  type Liaison,
  type LiaisonTransport,
  liaisonPlugin,
  type Procedure,
  type WorkingCalendar,
} from '@motcua/core';
import type { OfficeInfoInput } from '@motcua/core/forms';
import type { OpenedStore } from './store.js';

/** A liaison (một cửa liên thông) and the procedures its member agencies run. */
interface LiaisonPackage {
  readonly liaison: Liaison;
  readonly members: Readonly<Record<string, Procedure>>;
}

/** A member agency of the liaisons: its own engine and store, the liaison plugin on the shared transport. */
export interface MemberAgency {
  /** Its address on the liaison transport. */
  readonly id: string;
  readonly name: string;
  readonly engine: Engine;
  readonly store: OpenedStore;
  /** Its header on printed forms. */
  readonly office: OfficeInfoInput;
}

/** What {@link openAgencies} needs. */
export interface AgenciesInput {
  readonly packages: readonly LiaisonPackage[];
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  readonly transport: LiaisonTransport;
  /** Agency code that starts each agency's dossier codes, by agency id. */
  readonly codes: Readonly<Record<string, string>>;
  /** The commune the agencies serve (for the forms' headers). */
  readonly place: { readonly governingBody: string; readonly placeName: string; readonly address: string };
  readonly openStore: (name: string) => Promise<OpenedStore>;
}

/**
 * Starts the member agencies of the liaisons: each agency the definitions name gets an engine on
 * its own store with the member procedures it runs (its part of every liaison it belongs to).
 */
export async function openAgencies(input: AgenciesInput): Promise<MemberAgency[]> {
  const byId = new Map<string, { name: string; procedures: Procedure[] }>();
  for (const pkg of input.packages) {
    for (const m of pkg.liaison.liaison.members) {
      const procedure = pkg.members[m.id];
      if (!procedure) throw new Error(`liaison ${pkg.liaison.code}: no procedure for member ${m.id}`);
      const entry = byId.get(m.agency.id) ?? { name: m.agency.name, procedures: [] };
      if (!entry.procedures.includes(procedure)) entry.procedures.push(procedure);
      byId.set(m.agency.id, entry);
    }
  }
  const agencies: MemberAgency[] = [];
  for (const [id, { name, procedures }] of byId) {
    const code = input.codes[id];
    if (!code) throw new Error(`no dossier code prefix for liaison agency ${id}`);
    const store = await input.openStore(id);
    const plugin = liaisonPlugin({ agency: id, transport: input.transport });
    const engine = createEngine({
      procedures,
      calendar: input.calendar,
      clock: input.clock,
      store: store.store,
      agency: code,
      plugins: [plugin],
    });
    await plugin.attach(engine);
    agencies.push({
      id,
      name,
      engine,
      store,
      office: {
        governingBody: input.place.governingBody,
        agencyName: name.toUpperCase(),
        deskName: 'BỘ PHẬN TIẾP NHẬN LIÊN THÔNG',
        placeName: input.place.placeName,
        address: input.place.address,
      },
    });
  }
  return agencies;
}
