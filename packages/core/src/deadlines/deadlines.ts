import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { toInstant } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';

/** A deadline the engine must fire: stored as an absolute instant, never as an in-memory timer. */
export interface Deadline {
  readonly kind: 'dossier-warning' | 'dossier-due' | 'step-due' | 'supplement-expiry';
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

/**
 * The deadlines of a dossier still owed, derived from its context alone: a warning before the due
 * time in force (owed until fired, even once overdue: the engine leaves out timers already fired),
 * the legal due time itself (until marked overdue), the open step's due time (for a liaison's
 * parent: each member agency's due time), and the
 * applicant's supplementation limit. None while the clock is paused, except the last; none once
 * the dossier is closed.
 */
export function pendingDeadlines(ctx: DossierContext, options: DeadlineOptions): Deadline[] {
  if (ctx.outcome) return [];
  const out: Deadline[] = [];
  if (ctx.pause) {
    const last = ctx.supplements[ctx.supplements.length - 1];
    if (last?.respondBy && !last.receivedAt) out.push({ kind: 'supplement-expiry', at: last.respondBy });
    return out;
  }
  const warnBefore = options.warnBeforeMinutes ?? options.calendar.workingDayMinutes;
  // The warning stays owed until it fires, also once the dossier is overdue (a worker may fire the
  // due time before another fires the warning): the engine drops a fired timer by its id.
  const warning = options.calendar.addWorkingMinutes(new Date(ctx.due.current), -warnBefore);
  if (warning.getTime() > Date.parse(ctx.receivedAt))
    out.push({ kind: 'dossier-warning', at: toInstant(warning) });
  if (!ctx.overdue) out.push({ kind: 'dossier-due', at: ctx.due.legal });
  const step = ctx.steps[ctx.steps.length - 1];
  if (step && step.endedAt === null) out.push({ kind: 'step-due', at: step.due, stepId: step.stepId });
  // A liaison's parent: each member agency holding the dossier has its own due time (step = member).
  if (ctx.liaison?.role === 'parent') {
    for (const m of ctx.liaison.members) {
      if (m.due && (m.status === 'handed-off' || m.status === 'accepted'))
        out.push({ kind: 'step-due', at: m.due, stepId: m.id });
    }
  }
  return out;
}
