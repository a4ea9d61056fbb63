import type { Clock } from '../clock/clock.js';
import type { Engine } from '../engine/engine-types.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { isLiaison, type Liaison } from '../liaison/define-liaison.js';
import { readyMembers } from '../liaison/liaison-rules.js';
import type { Actor } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { LiaisonParent } from '../model/liaison-context.js';
import { type Procedure, stateName } from '../procedure/define-procedure.js';
import type { SimulationView } from './simulation-view.js';

/**
 * The member agencies of the liaisons (một cửa liên thông) in a simulation's traffic: their
 * engines, each with a `liaisonPlugin` attached, on one transport.
 */
export interface SimulationLiaison {
  /**
   * Every member agency's engine by its address on the liaison transport (the agency ids the
   * liaison definitions name); the simulated engine too when it is a member itself. All on the
   * simulation's clock.
   */
  readonly agencies: Readonly<Record<string, Engine>>;
  /** Resolves once the transport has handed every published message to its handler (e.g. `inProcessTransport().idle`). */
  readonly idle: () => Promise<void>;
  /** Working minutes from receipt until the desk hands the parts off (default [5, 60]). */
  readonly handOffMinutes?: readonly [number, number];
  /** Working minutes from a member agency's result being ready to its return to the focal desk (default [0, 60]). */
  readonly returnMinutes?: readonly [number, number];
}

/** One member of a liaison simulated, counted over the parents that closed. */
export interface LiaisonMemberTally {
  /** The liaison's procedure code. */
  readonly liaison: string;
  /** Member id of the liaison definition, e.g. `residence`. */
  readonly member: string;
  readonly agency: string;
  /** Parts handed off to the agency. */
  handedOff: number;
  returned: number;
  refused: number;
  /** Cancelled, or never handed off, when the liaison closed. */
  cancelled: number;
  /** Early / on time / late against the member's own due time. */
  early: number;
  onTime: number;
  late: number;
  /** Parts the agency asked to supplement. */
  supplemented: number;
  /** Parts whose agency apologised with a new date. */
  apologized: number;
}

/** What a simulation's liaisons did. */
export interface SimulationLiaisonResult {
  /** Parent dossiers received at the focal desk. */
  readonly parents: number;
  /** Parts handed off (child dossiers received by member agencies). */
  readonly handoffs: number;
  /** How the closed parents ended: every part done, some refused, all refused. */
  readonly outcomes: { complete: number; partial: number; refused: number };
  /** Per liaison and member (in the order first seen), over the parents that closed. */
  readonly members: readonly LiaisonMemberTally[];
}

/** A parent dossier as read back after the transport settled. */
export interface ParentView extends SimulationView {
  readonly done: boolean;
  readonly section: LiaisonParent;
  /** The desk may hand a member off now (its turn in a sequential liaison, its `after` members done). */
  readonly handOffReady: boolean;
}

const sameRange = (r: readonly [number, number] | undefined, d: readonly [number, number]) => r ?? d;

/**
 * The simulation's side of the liaisons: commands to parent and child dossiers on their engines,
 * waiting for the liaison messages to settle after each, and the member tallies.
 */
export class LiaisonTraffic {
  readonly handOffMinutes: readonly [number, number];
  readonly returnMinutes: readonly [number, number];
  private readonly engines: readonly Engine[];
  private readonly members: readonly Engine[];
  private readonly byAgency: ReadonlyMap<string, Engine>;
  private parents = 0;
  private handoffs = 0;
  private readonly outcomes = { complete: 0, partial: 0, refused: 0 };
  private readonly tallies = new Map<string, LiaisonMemberTally>();

  constructor(
    private readonly main: Engine,
    private readonly options: SimulationLiaison,
    clock: Clock,
  ) {
    this.byAgency = new Map(Object.entries(options.agencies));
    for (const [agency, engine] of this.byAgency) {
      if (engine.clock !== clock) {
        throw new MotcuaError(
          'INVALID_OPTION',
          `simulate: the engine of liaison agency ${agency} must run on the simulation's clock`,
          { field: `liaison.agencies.${agency}` },
        );
      }
    }
    this.engines = [main, ...new Set(this.byAgency.values())].filter((e, i, all) => all.indexOf(e) === i);
    this.members = this.engines.filter((e) => e !== main);
    this.handOffMinutes = sameRange(options.handOffMinutes, [5, 60]);
    this.returnMinutes = sameRange(options.returnMinutes, [0, 60]);
  }

  /**
   * Delivers the outbox of the engines that just committed (default: all), waits for the
   * transport, and goes on with the engines the messages went to, until nothing moves. Parents
   * live on the simulated engine: its messages go to `peers` (default: every agency), theirs come
   * back to it.
   */
  async settle(
    from: readonly Engine[] = this.engines,
    peers: readonly Engine[] = this.members,
  ): Promise<void> {
    let dirty = from;
    for (let round = 0; round < 20; round++) {
      let moved = 0;
      const next = new Set<Engine>();
      for (const e of dirty) {
        const delivered = (await e.deliverOutbox()).delivered;
        if (delivered === 0) continue;
        moved += delivered;
        if (e === this.main) for (const m of peers) next.add(m);
        else next.add(this.main);
      }
      if (moved === 0) return;
      await this.options.idle();
      dirty = [...next];
    }
    throw new Error('simulate: the liaison messages did not settle');
  }

  /** The engines of the agencies a parent's parts go to. */
  peersOf(ctx: DossierContext | undefined): Engine[] {
    const section = ctx?.liaison;
    if (section?.role !== 'parent') return [...this.members];
    const out = new Set<Engine>();
    for (const m of section.members) {
      if (m.status === 'not-requested') continue;
      const engine = this.byAgency.get(m.agency);
      if (engine && engine !== this.main) out.add(engine);
    }
    return [...out];
  }

  /** End of a day at the member agencies: their timers (the simulated engine ran its own), then the messages. */
  async endOfDay(): Promise<void> {
    await this.options.idle(); // what the simulated engine delivered at its end of day
    for (const e of this.members) await e.runDueTimers();
    await this.settle();
  }

  /** The engine of a member agency. */
  engineOf(agency: string): Engine {
    const engine = this.byAgency.get(agency);
    if (!engine) {
      throw new MotcuaError('INVALID_OPTION', `simulate: no engine for liaison agency ${agency}`, {
        field: 'liaison.agencies',
      });
    }
    return engine;
  }

  /** A parent was received. */
  received(): void {
    this.parents++;
  }

  /** A part was handed off and received by its agency. */
  handedOff(): void {
    this.handoffs++;
  }

  /** A dossier on an engine, as the loop keeps it. */
  async view(engine: Engine, code: string): Promise<SimulationView & { done: boolean }> {
    const stored = await engine.store.load(code);
    if (!stored) throw new Error(`simulate: dossier ${code} is gone`);
    const p = stored.persisted;
    return { code, state: stateName(p.value), context: p.context, done: p.status === 'done' };
  }

  /** The parent dossier now. */
  async parent(procedure: Liaison, code: string): Promise<ParentView> {
    const v = await this.view(this.main, code);
    const section = v.context.liaison;
    if (section?.role !== 'parent') throw new Error(`simulate: ${code} is not a liaison parent`);
    return {
      ...v,
      section,
      handOffReady: v.state === 'processing' && readyMembers(procedure.liaison, section).length > 0,
    };
  }

  /**
   * A child dossier's supplement came in: at the focal desk when the liaison waits for it (the
   * desk tells the agency), or at the agency's own desk otherwise. Returns the child now.
   */
  async supplemented(
    procedure: Liaison,
    parentCode: string,
    child: { engine: Engine; code: string },
    desks: { focal: Actor; member: Actor },
  ): Promise<SimulationView & { done: boolean }> {
    const before = await this.view(child.engine, child.code);
    // Another part's supplement may have resumed it already (the desk tells every agency that asked).
    if (before.state !== 'supplementing') return before;
    const parent = await this.parent(procedure, parentCode);
    const peers = this.peersOf(parent.context);
    if (parent.state === 'supplementing') {
      await this.main.send(parentCode, { type: 'SUPPLEMENT_RECEIVED', actor: desks.focal });
      await this.settle([this.main], peers);
    } else {
      await child.engine.send(child.code, { type: 'SUPPLEMENT_RECEIVED', actor: desks.member });
      await this.settle([child.engine], peers);
    }
    return this.view(child.engine, child.code);
  }

  /** Counts a closed parent's members. */
  closed(ctx: DossierContext): void {
    const section = ctx.liaison;
    if (section?.role !== 'parent') return;
    if (section.outcome) this.outcomes[section.outcome]++;
    const liaison = ctx.procedure.code;
    for (const m of section.members) {
      if (m.status === 'not-requested') continue;
      const key = `${liaison}/${m.id}`;
      let t = this.tallies.get(key);
      if (!t) {
        t = {
          liaison,
          member: m.id,
          agency: m.agency,
          handedOff: 0,
          returned: 0,
          refused: 0,
          cancelled: 0,
          early: 0,
          onTime: 0,
          late: 0,
          supplemented: 0,
          apologized: 0,
        };
        this.tallies.set(key, t);
      }
      if (m.handedAt) t.handedOff++;
      if (m.outcome === 'returned') t.returned++;
      else if (m.outcome === 'refused') t.refused++;
      else t.cancelled++;
      if (m.timeliness === 'EARLY') t.early++;
      else if (m.timeliness === 'ON_TIME') t.onTime++;
      else if (m.timeliness === 'LATE') t.late++;
      if (m.supplementRequests > 0) t.supplemented++;
      if (m.apology) t.apologized++;
    }
  }

  result(): SimulationLiaisonResult {
    return {
      parents: this.parents,
      handoffs: this.handoffs,
      outcomes: { ...this.outcomes },
      members: [...this.tallies.values()].map((t) => ({ ...t })),
    };
  }
}

/** Procedure codes that the liaisons among `procedures` hand to member agencies. */
export function memberProcedureCodes(procedures: readonly Procedure[]): Set<string> {
  const codes = new Set<string>();
  for (const p of procedures) if (isLiaison(p)) for (const m of p.liaison.members) codes.add(m.procedure);
  return codes;
}
