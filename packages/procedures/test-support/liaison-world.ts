import {
  type ActorInput,
  createEngine,
  type DossierStore,
  type Engine,
  type InProcessTransport,
  inProcessTransport,
  type LiaisonPlugin,
  type LiaisonTransport,
  liaisonPlugin,
  MemoryStore,
  type Procedure,
  SimulatedClock,
  vietnamCalendar,
  type WorkingCalendar,
} from '@motcua/core';
import type { BirthLiaisonApplication } from '../src/liaison/birth-liaison.js';

/*
 * Test support (not exported by the package): agencies on engines of their own, each with its own
 * store and its liaison plugin, connected by a transport, under one simulated clock.
 */

let calendar: WorkingCalendar | undefined;

/** The national civil-service calendar, built once. */
export function liaisonCalendar(): WorkingCalendar {
  calendar ??= vietnamCalendar();
  return calendar;
}

/** One agency's engine. */
interface AgencyNode {
  readonly agency: string;
  engine: Engine;
  plugin: LiaisonPlugin;
  readonly store: DossierStore;
  readonly procedures: readonly Procedure[];
  transport: LiaisonTransport;
}

/** Officers: the desk, an officer, a leader (agency head), the engine's own actor. */
export const actors = {
  desk: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An' },
  officer: { officerId: 'officer-1', unitId: 'officer', name: 'Trần Thị Bình' },
  leader: { officerId: 'leader-1', unitId: 'leader', name: 'Lê Văn Cường', roles: ['agency-head'] },
} satisfies Record<string, ActorInput>;

/** A made-up applicant (every value invented). */
export const applicant = { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' };

/** A made-up birth liaison application. */
export function birthApplication(overrides: Partial<BirthLiaisonApplication> = {}): BirthLiaisonApplication {
  return {
    child: {
      fullName: 'Phạm Minh Khang',
      sex: 'male',
      birthDate: '2026-01-20',
      birthPlace: 'Bệnh viện Phụ sản Hà Nội',
      ethnicity: 'Kinh',
    },
    mother: { fullName: 'Phạm Thị Dung', idNumber: '001190012345' },
    father: { fullName: 'Trần Văn Hùng', idNumber: '001088054321' },
    birthProof: 'birth-certificate',
    declarantRelation: 'mother',
    residence: {
      address: '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
      householdHead: 'Trần Văn Hùng',
      relationToHead: 'con',
    },
    healthInsurance: { initialClinic: 'Trạm y tế phường Cửa Nam' },
    ...overrides,
  };
}

/** Options of {@link liaisonWorld}. */
export interface WorldOptions {
  readonly start: string;
  /** Agencies and the procedures each runs; the first is the focal desk. */
  readonly agencies: readonly { readonly agency: string; readonly procedures: readonly Procedure[] }[];
  /** Default: one in-process transport for all. */
  readonly transport?: (agency: string) => LiaisonTransport | Promise<LiaisonTransport>;
}

/** Agencies on separate engines and stores, connected by a transport. */
export interface LiaisonWorld {
  readonly clock: SimulatedClock;
  readonly nodes: Record<string, AgencyNode>;
  readonly shared: InProcessTransport | undefined;
  /** Delivers outboxes and waits for the transport until nothing moves. */
  settle(): Promise<void>;
  /** Stops an agency's engine, plugin and (own) transport; a new engine on the same store replaces it. */
  restart(agency: string, transport?: LiaisonTransport): Promise<AgencyNode>;
  close(): Promise<void>;
}

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** Builds the world: an engine per agency (its own MemoryStore), a liaison plugin on each, attached. */
export async function liaisonWorld(options: WorldOptions): Promise<LiaisonWorld> {
  const clock = new SimulatedClock(options.start);
  const shared = options.transport ? undefined : inProcessTransport({ retryDelayMs: 1 });
  const nodes: Record<string, AgencyNode> = {};
  let n = 0;
  const build = async (
    agency: string,
    procedures: readonly Procedure[],
    store: DossierStore,
    transport: LiaisonTransport,
  ) => {
    const plugin = liaisonPlugin({ agency, transport });
    const engine = createEngine({
      procedures,
      calendar: liaisonCalendar(),
      agency: `A${++n}`,
      store,
      clock,
      plugins: [plugin],
      random: seeded(n * 7919),
      leaseMs: 1000,
      backoff: { baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 50 },
    });
    await plugin.attach(engine);
    const node: AgencyNode = { agency, engine, plugin, store, procedures, transport };
    nodes[agency] = node;
    return node;
  };
  for (const a of options.agencies) {
    const transport = shared ?? (await options.transport!(a.agency));
    await build(a.agency, a.procedures, new MemoryStore(), transport);
  }
  return {
    clock,
    nodes,
    shared,
    async settle() {
      for (let round = 0; round < 50; round++) {
        let moved = 0;
        for (const node of Object.values(nodes)) moved += (await node.engine.deliverOutbox()).delivered;
        if (shared) await shared.idle();
        else await new Promise((r) => setTimeout(r, 50));
        if (moved === 0) {
          if (shared) return;
          // A remote transport may still be delivering: one more quiet round.
          let again = 0;
          for (const node of Object.values(nodes)) again += (await node.engine.deliverOutbox()).delivered;
          if (again === 0) return;
        }
      }
      throw new Error('the liaison did not settle');
    },
    async restart(agency, transport) {
      const old = nodes[agency]!;
      await old.plugin.detach();
      await old.engine.stop();
      if (!shared) await old.transport.close();
      return build(agency, old.procedures, old.store, transport ?? shared ?? old.transport);
    },
    async close() {
      for (const node of Object.values(nodes)) {
        await node.plugin.detach();
        await node.engine.stop();
        if (!shared) await node.transport.close();
      }
      await shared?.close();
    },
  };
}

/** The member agency's dossier of a parent's member. */
export async function childOf(world: LiaisonWorld, parent: Engine, code: string, member: string) {
  const view = await parent.get(code);
  const section = view.context.liaison;
  if (section?.role !== 'parent') throw new Error('not a parent');
  const m = section.members.find((x) => x.id === member)!;
  const node = world.nodes[m.agency]!;
  if (!m.childCode) throw new Error(`member ${member} has no child dossier yet`);
  return { engine: node.engine, code: m.childCode };
}

/** Takes a member agency's dossier through its two steps and returns the result (to the focal desk). */
export async function finishChild(
  engine: Engine,
  code: string,
  at?: { sign?: string; done?: string; ret?: string },
) {
  await engine.send(code, { type: 'HAND_OVER', actor: actors.officer, ...(at?.sign ? { at: at.sign } : {}) });
  await engine.send(code, { type: 'HAND_OVER', actor: actors.leader, ...(at?.done ? { at: at.done } : {}) });
  return engine.send(code, {
    type: 'RETURN_RESULT',
    actor: actors.desk,
    delivery: 'online',
    ...(at?.ret ? { at: at.ret } : {}),
  });
}
