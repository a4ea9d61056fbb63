import type { TimeLimit } from '../calendar/time-limit.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Actor } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import type { DossierContext } from '../model/dossier-context.js';
import { formatInstant, instantMs } from '../model/instant-format.js';
import type { SlipParty, SlipRow } from '../model/slip-row.js';
import { appendSlipRow } from '../slip/hash-chain.js';
import type { ProcedureDefinition, Step, StepBudget } from './definition-schema.js';

/** What the lifecycle rules and actions of one procedure need: its definition and a calendar. */
export interface LifecycleEnv {
  readonly def: ProcedureDefinition;
  readonly calendar: WorkingCalendar;
}

/** The party standing for the applicant on the control slip. */
export const APPLICANT_PARTY: SlipParty = Object.freeze({
  unitId: 'applicant',
  unitName: 'Tổ chức, cá nhân',
});

/** The time limit of a dossier filed on `channel`: the procedure's `channelTimeLimits` entry, else its `timeLimit`. */
export function timeLimitFor(def: ProcedureDefinition, channel: Channel): TimeLimit {
  return def.channelTimeLimits?.[channel] ?? def.timeLimit;
}

/** Index of a step by id, or -1. */
export function stepIndex(env: LifecycleEnv, stepId: string): number {
  return env.def.steps.findIndex((s) => s.id === stepId);
}

/** A step by id (throws if the definition has no such step). */
export function stepById(env: LifecycleEnv, stepId: string): Step {
  const step = env.def.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`procedure ${env.def.code}: no step ${stepId}`);
  return step;
}

/** The display name of a unit. */
function unitName(env: LifecycleEnv, unitId: string): string {
  return env.def.units[unitId]?.name ?? unitId;
}

/** A new slip party for a unit and, optionally, an officer. */
function newParty(
  env: LifecycleEnv,
  unitId: string,
  officer?: { officerId: string; name?: string | undefined },
): SlipParty {
  return {
    unitId,
    unitName: unitName(env, unitId),
    ...(officer
      ? { officerId: officer.officerId, ...(officer.name ? { officerName: officer.name } : {}) }
      : {}),
  };
}

/** The parties made for a definition: unit → officer id ('' for none) → officer name → party. */
interface PartyCache {
  size: number;
  readonly byUnit: Map<string, Map<string, Map<string, SlipParty>>>;
}
const partyCaches = new WeakMap<ProcedureDefinition, PartyCache>();
/** Parties kept per definition at most; past it, parties are made afresh (the same content). */
const MAX_PARTIES = 10_000;

/**
 * A slip party for a unit and, optionally, an officer. The same unit and officer give the same
 * frozen object, made once per definition: every row a dossier's slip gains shares it (fewer
 * objects kept per dossier), and the slip's hashing writes a frozen party's text once.
 */
export function party(
  env: LifecycleEnv,
  unitId: string,
  officer?: { officerId: string; name?: string | undefined },
): SlipParty {
  let cache = partyCaches.get(env.def);
  if (!cache) {
    cache = { size: 0, byUnit: new Map() };
    partyCaches.set(env.def, cache);
  }
  let byOfficer = cache.byUnit.get(unitId);
  if (!byOfficer) {
    if (cache.size >= MAX_PARTIES) return newParty(env, unitId, officer);
    byOfficer = new Map();
    cache.byUnit.set(unitId, byOfficer);
  }
  const officerId = officer ? officer.officerId : '';
  let byName = byOfficer.get(officerId);
  if (!byName) {
    if (cache.size >= MAX_PARTIES) return newParty(env, unitId, officer);
    byName = new Map();
    byOfficer.set(officerId, byName);
  }
  // No name and an empty name both leave officerName out.
  const name = officer?.name || '';
  let made = byName.get(name);
  if (!made) {
    made = newParty(env, unitId, officer);
    if (cache.size >= MAX_PARTIES) return made;
    Object.freeze(made);
    byName.set(name, made);
    cache.size++;
  }
  return made;
}

/** The slip party of an acting officer. */
export function actorParty(env: LifecycleEnv, actor: Actor): SlipParty {
  return party(env, actor.unitId, actor);
}

/** Working minutes of a step budget. */
export function budgetMinutes(env: LifecycleEnv, budget: StepBudget): number {
  return 'workingHours' in budget
    ? budget.workingHours * 60
    : budget.workingDays * env.calendar.workingDayMinutes;
}

/** Due time (ms since the epoch) of a step started at `start` (ms since the epoch). */
export function stepDue(env: LifecycleEnv, start: number, budget: StepBudget): number {
  return env.calendar.addWorkingMinutesMs(start, budgetMinutes(env, budget));
}

/**
 * `[...list, item]` without spare room: an array grown by `push` (as a spread builds it) keeps
 * room for about 16 more entries, and a dossier's context keeps its arrays until its next change.
 */
/**
 * A stopped clock's resume (`resume` supplementation, the end of a wait for payments): moves a due
 * time later by the working minutes the clock stood still, from the pause to `atMs`. No working
 * time stopped moves nothing (adding 0 would move a due time at a session's end, e.g. 17:00, to
 * the next session's start).
 */
export function resumeShift(env: LifecycleEnv, ctx: DossierContext, atMs: number): (iso: string) => string {
  const { calendar } = env;
  const paused = ctx.pause
    ? Math.max(0, calendar.workingMinutesBetweenMs(instantMs(ctx.pause.since), atMs))
    : 0;
  return (iso) => (paused > 0 ? formatInstant(calendar.addWorkingMinutesMs(instantMs(iso), paused)) : iso);
}

/** The later of two instants (the first when they are equal): due times never move earlier. */
export function laterInstant(a: string, b: string): string {
  return instantMs(a) >= instantMs(b) ? a : b;
}

export function appended<T>(list: readonly T[], item: T): T[] {
  return list.concat([item]);
}

/** `[...list.slice(0, -1), item]` without spare room (see {@link appended}). */
export function withLast<T>(list: readonly T[], item: T): T[] {
  if (list.length === 0) return [item];
  const out = list.slice();
  out[out.length - 1] = item;
  return out;
}

/** Appends a row to a dossier's control slip, hashed and chained (one behaviour everywhere). */
export function appendSlip(
  _env: LifecycleEnv,
  slip: readonly SlipRow[],
  row: Omit<SlipRow, 'seq' | 'prevHash' | 'hash'>,
): SlipRow[] {
  return appendSlipRow(slip, row);
}

/** The keys of a context as a receipt makes it (without a liaison or a reception), in its order. */
const RECEIPT_KEYS: readonly string[] = [
  'code',
  'secret',
  'procedure',
  'agency',
  'channel',
  'applicant',
  'application',
  'receivedAt',
  'receivedBy',
  'due',
  'pause',
  'holder',
  'steps',
  'supplements',
  'apology',
  'decisionIssued',
  'overdue',
  'slip',
  'outcome',
  'updatedAt',
];

/**
 * A copy of `ctx` for an action to change, equal to `{ ...ctx }`: the same keys in the same
 * order. A spread of a context whose keys are stored outside the object (contexts that went
 * through a few actions) grows the copy's key store a key at a time: about 660 bytes for a
 * 20-key context, where an object literal of the same keys takes about 190. A context with the
 * receipt's keys only (most of a dossier's life), or with `finishedAt` after them (back at the
 * desk with the result), is copied as a literal; any other as a spread.
 */
export function copyContext(ctx: DossierContext): DossierContext {
  // The keys read in place (`for…in` over a plain object: its own keys in order, and no list
  // made, as `Object.keys` would); a key inherited from elsewhere falls back to the spread.
  if (Object.getPrototypeOf(ctx) !== Object.prototype) return { ...ctx };
  let i = 0;
  let finished = false;
  for (const key in ctx) {
    if (i < RECEIPT_KEYS.length) {
      if (key !== RECEIPT_KEYS[i]) return { ...ctx };
    } else if (i === RECEIPT_KEYS.length && key === 'finishedAt') {
      finished = true;
    } else {
      return { ...ctx };
    }
    i++;
  }
  if (i < RECEIPT_KEYS.length) return { ...ctx };
  // Two literals, not one and a key added after: an added key would go to a separate key store.
  return finished
    ? {
        code: ctx.code,
        secret: ctx.secret,
        procedure: ctx.procedure,
        agency: ctx.agency,
        channel: ctx.channel,
        applicant: ctx.applicant,
        application: ctx.application,
        receivedAt: ctx.receivedAt,
        receivedBy: ctx.receivedBy,
        due: ctx.due,
        pause: ctx.pause,
        holder: ctx.holder,
        steps: ctx.steps,
        supplements: ctx.supplements,
        apology: ctx.apology,
        decisionIssued: ctx.decisionIssued,
        overdue: ctx.overdue,
        slip: ctx.slip,
        outcome: ctx.outcome,
        updatedAt: ctx.updatedAt,
        finishedAt: ctx.finishedAt,
      }
    : {
        code: ctx.code,
        secret: ctx.secret,
        procedure: ctx.procedure,
        agency: ctx.agency,
        channel: ctx.channel,
        applicant: ctx.applicant,
        application: ctx.application,
        receivedAt: ctx.receivedAt,
        receivedBy: ctx.receivedBy,
        due: ctx.due,
        pause: ctx.pause,
        holder: ctx.holder,
        steps: ctx.steps,
        supplements: ctx.supplements,
        apology: ctx.apology,
        decisionIssued: ctx.decisionIssued,
        overdue: ctx.overdue,
        slip: ctx.slip,
        outcome: ctx.outcome,
        updatedAt: ctx.updatedAt,
      };
}
