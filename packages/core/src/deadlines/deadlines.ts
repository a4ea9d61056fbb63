import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DossierContext } from '../model/dossier-context.js';
import { formatInstant, instantMs } from '../model/instant-format.js';

/** A deadline the engine must fire: stored as an absolute instant, never as an in-memory timer. */
export interface Deadline {
  readonly kind: 'dossier-warning' | 'dossier-due' | 'step-due' | 'supplement-expiry' | 'intake-due';
  readonly at: string;
  /** For `step-due`: the step. */
  readonly stepId?: string;
}

/** Options of {@link pendingDeadlines}. */
export interface DeadlineOptions {
  readonly calendar: WorkingCalendar;
  /** Warn this many working minutes before the dossier's due time (default one working day). */
  readonly warnBeforeMinutes?: number;
}

/** A warning instant worked out, with every input it was worked out from. */
interface WarningEntry {
  readonly current: string;
  readonly receivedAt: string;
  readonly calendar: WorkingCalendar;
  readonly warnBefore: number;
  readonly at: string | null;
}

/**
 * The last warning worked out for each `due` object: a context keeps its `due` object from one
 * transition to the next until the due time changes, so the working-time arithmetic runs once per
 * due time, not once per transition. Every input is compared, so a hit gives the same instant.
 */
const warnings = new WeakMap<object, WarningEntry>();

/**
 * The last warning worked out for one dossier, kept on a record its caller holds (the store-less
 * core's dossier record): fields written in place, so a due time's warning costs no object and no
 * weak-map entry. Every input is compared, so a hit gives the same instant.
 */
export interface WarningMemo {
  warnCurrent: string;
  warnReceivedAt: string;
  warnCalendar: WorkingCalendar | undefined;
  warnBefore: number;
  warnAt: string | null;
}

/** The warning instant, `warnBefore` working minutes before the due time in force; `null` when not after receipt. */
function warningAt(
  ctx: DossierContext,
  calendar: WorkingCalendar,
  warnBefore: number,
  memo: WarningMemo | undefined,
): string | null {
  const current = ctx.due.current;
  if (memo !== undefined) {
    if (
      memo.warnCalendar === calendar &&
      memo.warnCurrent === current &&
      memo.warnReceivedAt === ctx.receivedAt &&
      memo.warnBefore === warnBefore
    ) {
      return memo.warnAt;
    }
    const at = workWarning(ctx, current, calendar, warnBefore);
    memo.warnCurrent = current;
    memo.warnReceivedAt = ctx.receivedAt;
    memo.warnCalendar = calendar;
    memo.warnBefore = warnBefore;
    memo.warnAt = at;
    return at;
  }
  const cached = warnings.get(ctx.due);
  if (
    cached !== undefined &&
    cached.current === current &&
    cached.receivedAt === ctx.receivedAt &&
    cached.calendar === calendar &&
    cached.warnBefore === warnBefore
  ) {
    return cached.at;
  }
  const at = workWarning(ctx, current, calendar, warnBefore);
  warnings.set(ctx.due, { current, receivedAt: ctx.receivedAt, calendar, warnBefore, at });
  return at;
}

/** The warning instant worked out (the working-time arithmetic). */
function workWarning(
  ctx: DossierContext,
  current: string,
  calendar: WorkingCalendar,
  warnBefore: number,
): string | null {
  const warning = calendar.addWorkingMinutesMs(instantMs(current), -warnBefore);
  return warning > instantMs(ctx.receivedAt) ? formatInstant(warning) : null;
}

/**
 * The deadlines of a dossier still owed, derived from its context alone: a warning before the due
 * time in force (owed until fired, even once overdue: the engine leaves out timers already fired),
 * the legal due time itself (until marked overdue), the open step's due time (for a liaison's
 * parent: each member agency's due time), and the
 * applicant's supplementation limit. For an online filing not yet accepted, only its intake
 * deadline (`intake-due`, fired for plugins: it changes nothing) or the limit to complete it. None while the clock is paused, except the last; none once
 * the dossier is closed.
 *
 * @example
 * ```ts
 * import { pendingDeadlines, vietnamCalendar } from '@motcua/core';
 * import type { Engine } from '@motcua/core';
 * declare const engine: Engine;
 * const { context } = await engine.get('000.00.14.H56-260302-0001');
 * for (const d of pendingDeadlines(context, { calendar: vietnamCalendar(), warnBeforeMinutes: 240 })) {
 *   console.log(d.kind, d.at); // 'dossier-warning' …, 'dossier-due' …, 'step-due' …
 * }
 * ```
 */
export function pendingDeadlines(ctx: DossierContext, options: DeadlineOptions): Deadline[] {
  const out: Deadline[] = [];
  visitPendingDeadlines(ctx, options, (kind, at, stepId) => {
    out.push(stepId === undefined ? { kind, at } : { kind, at, stepId });
  });
  return out;
}

/**
 * Calls `visit` with each deadline {@link pendingDeadlines} lists, in its order, without making
 * the list (the engine's timer rows are made from it on every transition). With `memo`, the
 * warning instant is remembered on the caller's record of this dossier instead of a weak map.
 */
export function visitPendingDeadlines(
  ctx: DossierContext,
  options: DeadlineOptions,
  visit: (kind: Deadline['kind'], at: string, stepId: string | undefined) => void,
  memo?: WarningMemo,
): void {
  if (ctx.outcome) return;
  // An online filing not yet accepted: the limit to complete it when asked, else the intake deadline.
  if (ctx.intake && ctx.intake.acceptedAt === undefined) {
    const last = ctx.intake.requests[ctx.intake.requests.length - 1];
    if (last && last.receivedAt === null) {
      if (last.respondBy) visit('supplement-expiry', last.respondBy, undefined);
    } else if (ctx.intake.dueAt) visit('intake-due', ctx.intake.dueAt, undefined);
    return;
  }
  if (ctx.pause) {
    const last = ctx.supplements[ctx.supplements.length - 1];
    if (last?.respondBy && !last.receivedAt) visit('supplement-expiry', last.respondBy, undefined);
    return;
  }
  const warnBefore = options.warnBeforeMinutes ?? options.calendar.workingDayMinutes;
  // The warning stays owed until it fires, also once the dossier is overdue (a worker may fire the
  // due time before another fires the warning): the engine drops a fired timer by its id.
  const warning = warningAt(ctx, options.calendar, warnBefore, memo);
  if (warning !== null) visit('dossier-warning', warning, undefined);
  if (!ctx.overdue) visit('dossier-due', ctx.due.legal, undefined);
  const step = ctx.steps[ctx.steps.length - 1];
  if (step && step.endedAt === null) visit('step-due', step.due, step.stepId);
  // A liaison's parent: each member agency holding the dossier has its own due time (step = member).
  if (ctx.liaison?.role === 'parent') {
    for (const m of ctx.liaison.members) {
      if (m.due && (m.status === 'handed-off' || m.status === 'accepted')) visit('step-due', m.due, m.id);
    }
  }
}
