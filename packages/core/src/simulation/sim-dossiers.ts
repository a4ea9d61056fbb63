import type { Engine } from '../engine/engine-types.js';
import type { Liaison } from '../liaison/define-liaison.js';
import type { Actor } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { Procedure } from '../procedure/define-procedure.js';
import { type CoreDossier, newCoreDossier } from './storeless-core.js';

/** What the simulation needs of a procedure, computed once. */
export interface ProcedurePlan {
  readonly procedure: Procedure;
  readonly desk: Actor;
  readonly stepIndex: ReadonlyMap<string, number>;
  /** Working minutes of each step's budget, and of the steps after it. */
  readonly budgets: readonly number[];
  readonly remainingAfter: readonly number[];
  readonly channels: {
    readonly pick: (random: () => number) => Channel;
    readonly any: boolean;
    readonly fallback: Channel;
  };
  /** The liaison, when the procedure is one. */
  readonly liaison: Liaison | undefined;
}

/** What every simulated dossier has: its arrival and (store-less) the core's record of it. */
interface DossierBase extends CoreDossier {
  /** The context and state as the last command left them; `undefined` and `''` before receipt and once closed. */
  ctx: DossierContext | undefined;
  state: string;
  readonly plan: ProcedurePlan;
  readonly channel: Channel;
  /** Arrival index, over all shares (given to the sample function). */
  readonly index: number;
  /** Working days after receipt the applicant withdraws, or -1. */
  withdrawAfterDays: number;
  closed: boolean;
}

/** What will happen to a dossier whose steps officers work (drawn at receipt). */
export interface Fate {
  /** Index of the step that runs slow, or -1; likewise the step asking for supplementation, the refusing step. */
  slowStep: number;
  supplementStep: number;
  refuseStep: number;
  /** Whether the agency apologises when it sees the dossier will be late. */
  apologise: boolean;
}

/** A dossier of one agency, start to end at the simulated desk. */
export interface PlainDossier extends DossierBase, Fate {
  readonly kind: 'plain';
}

/** A liaison's parent dossier at the focal desk (một cửa liên thông): its parts go to member agencies. */
export interface ParentDossier extends DossierBase {
  readonly kind: 'parent';
  readonly liaison: Liaison;
  readonly children: MemberDossier[];
  /** A handoff or return is queued. */
  planned: boolean;
}

/** A member agency's own dossier of a liaison, on that agency's engine. */
export interface MemberDossier extends DossierBase, Fate {
  readonly kind: 'member';
  readonly parent: ParentDossier;
  readonly engine: Engine;
}

/** One simulated dossier: one object, carried by the event queue. */
export type SimDossier = PlainDossier | ParentDossier | MemberDossier;

/** A dossier whose steps officers work: a plain one or a member agency's. */
export type WorkedDossier = PlainDossier | MemberDossier;

/** No fate drawn yet. */
const NO_FATE: Fate = { slowStep: -1, supplementStep: -1, refuseStep: -1, apologise: false };

/** A new arrival (every field set, written out: one shape per kind, no spread on the hot path). */
export function arrival(plan: ProcedurePlan, channel: Channel, index: number): PlainDossier | ParentDossier {
  if (plan.liaison) {
    return {
      code: '',
      persisted: undefined,
      procedure: undefined,
      version: 0,
      fired: [],
      timers: [],
      slot: -1,
      order: 0,
      warnCurrent: '',
      warnReceivedAt: '',
      warnCalendar: undefined,
      warnBefore: 0,
      warnAt: null,
      ctx: undefined,
      state: '',
      plan,
      channel,
      index,
      withdrawAfterDays: -1,
      closed: false,
      kind: 'parent',
      liaison: plan.liaison,
      children: [],
      planned: false,
    };
  }
  return {
    code: '',
    persisted: undefined,
    procedure: undefined,
    version: 0,
    fired: [],
    timers: [],
    slot: -1,
    order: 0,
    warnCurrent: '',
    warnReceivedAt: '',
    warnCalendar: undefined,
    warnBefore: 0,
    warnAt: null,
    ctx: undefined,
    state: '',
    plan,
    channel,
    index,
    withdrawAfterDays: -1,
    closed: false,
    slowStep: -1,
    supplementStep: -1,
    refuseStep: -1,
    apologise: false,
    kind: 'plain',
  };
}

/** A member agency's dossier as the parent's handoff created it. */
export function memberDossier(
  parent: ParentDossier,
  plan: ProcedurePlan,
  engine: Engine,
  view: {
    readonly code: string;
    readonly context: DossierContext;
    readonly state: string;
    readonly done: boolean;
  },
): MemberDossier {
  return {
    ...newCoreDossier(),
    code: view.code,
    ctx: view.context,
    state: view.state,
    plan,
    channel: view.context.channel,
    index: parent.index,
    withdrawAfterDays: -1,
    closed: view.done,
    ...NO_FATE,
    kind: 'member',
    parent,
    engine,
  };
}

/** The context of an open dossier (a dossier the loop acts on has one). */
export function openContext(d: SimDossier): DossierContext {
  const ctx = d.ctx;
  if (!ctx) throw new Error(`simulate: dossier ${d.code || d.index} has no context here`);
  return ctx;
}
