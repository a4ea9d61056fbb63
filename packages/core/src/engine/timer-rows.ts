import { type Deadline, type DeadlineOptions, visitPendingDeadlines } from '../deadlines/deadlines.js';
import type { Actor } from '../model/actor.js';
import { toInstant } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { instantMs } from '../model/instant-format.js';
import type { TimerRow } from '../store/store-types.js';

/**
 * The timer rows a dossier owes after a transition: its pending deadlines
 * (`pendingDeadlines`) as rows with stable ids, less the timers already fired. The engine
 * commits them with every transition; the store-less simulation keeps them in memory and passes
 * its `previous` rows: a row owed again (same kind, step and instant, so the same id) is returned
 * as the same object, without writing its id again.
 */
export function timerRows(
  ctx: DossierContext,
  fired: readonly string[],
  options: DeadlineOptions,
  previous?: readonly TimerRow[],
): TimerRow[] {
  const rows: TimerRow[] = [];
  const code = ctx.code;
  const reuse = previous !== undefined && previous.length > 0;
  // The deadlines are visited, not listed: no list and no deadline objects on every transition.
  visitPendingDeadlines(ctx, options, (kind, at, stepId) => {
    const kept = reuse ? sameTimer(previous, code, kind, at, stepId) : undefined;
    const id = kept ? kept.id : stepId ? `${code}:${kind}:${stepId}:${at}` : `${code}:${kind}:${at}`;
    if (fired.length > 0 && fired.includes(id)) return;
    if (kept) rows.push(kept);
    else rows.push(stepId ? { id, code, kind, at, stepId } : { id, code, kind, at });
  });
  return rows;
}

/** The row among `rows` for the same deadline of the same dossier (hence the same id), if any. */
function sameTimer(
  rows: readonly TimerRow[],
  code: string,
  kind: Deadline['kind'],
  at: string,
  stepId: string | undefined,
): TimerRow | undefined {
  for (const row of rows) {
    if (row.kind === kind && row.at === at && row.stepId === stepId && row.code === code) return row;
  }
  return undefined;
}

/** The lifecycle event a fired timer sends, and when. */
export interface TimerFiring {
  /** `MARK_OVERDUE` for the legal due time, `EXPIRE` for the supplementation limit; `null` for the others. */
  readonly machineEvent: 'MARK_OVERDUE' | 'EXPIRE' | null;
  /** The event (for a timer with no machine event, the journal's record of the firing). */
  readonly event: DossierEventInput & { readonly at: string };
}

/**
 * The event of a timer fired at `now`: after the timer's instant (a timer at `T` fires only once
 * `T` has passed) and never before the dossier's last event, so the lifecycle's own rules
 * (overdue once the due time has passed, expired once the response limit has) accept it.
 */
export function timerFiring(
  timer: Pick<TimerRow, 'kind' | 'at'>,
  now: number,
  updatedAt: string,
  actor: Actor,
): TimerFiring {
  const atMs = Math.max(now, instantMs(timer.at) + 1, instantMs(updatedAt));
  const at = toInstant(new Date(atMs));
  const machineEvent =
    timer.kind === 'dossier-due' ? 'MARK_OVERDUE' : timer.kind === 'supplement-expiry' ? 'EXPIRE' : null;
  return {
    machineEvent,
    event: { type: machineEvent ?? 'MARK_OVERDUE', at, actor } as DossierEventInput & { at: string },
  };
}

/** Timer rows in the order a store claims them: by instant, then by id. */
export function byClaimOrder(a: Pick<TimerRow, 'at' | 'id'>, b: Pick<TimerRow, 'at' | 'id'>): number {
  return instantMs(a.at) - instantMs(b.at) || (a.id < b.id ? -1 : 1);
}
