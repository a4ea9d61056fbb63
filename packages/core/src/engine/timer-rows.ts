import {
  type Deadline,
  type DeadlineOptions,
  visitPendingDeadlines,
  type WarningMemo,
} from '../deadlines/deadlines.js';
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
 * as the same object, without writing its id again, and when every row is owed again in the same
 * order, `previous` itself is returned. `memo` (the store-less core's dossier record) remembers the
 * warning instant. The array has no spare room.
 */
export function timerRows(
  ctx: DossierContext,
  fired: readonly string[],
  options: DeadlineOptions,
  previous?: readonly TimerRow[],
  memo?: WarningMemo,
): TimerRow[] {
  return makeRows(ctx, fired, options, previous, memo, false);
}

/**
 * {@link timerRows} for the store-less core, which keeps its rows in memory: a new row writes its
 * id only when the id is read ({@link OwedTimer}; most rows are replaced before then, and an id
 * is a string of about 60 characters built from five pieces). The rows are equal to
 * {@link timerRows}' field for field, `id` included; not for a store (the id is not an own
 * property, so `JSON.stringify` leaves it out).
 */
export function owedTimerRows(
  ctx: DossierContext,
  fired: readonly string[],
  options: DeadlineOptions,
  previous: readonly TimerRow[],
  memo: WarningMemo,
): TimerRow[] {
  return makeRows(ctx, fired, options, previous, memo, true);
}

/** A timer row whose id is written when first read: the same text as a store's row. */
class OwedTimer implements TimerRow {
  private written: string | undefined;
  constructor(
    readonly code: string,
    readonly kind: Deadline['kind'],
    readonly at: string,
    readonly stepId: string | undefined,
    id: string | undefined,
  ) {
    this.written = id;
  }

  get id(): string {
    if (this.written === undefined) this.written = timerId(this.code, this.kind, this.at, this.stepId);
    return this.written;
  }
}

/** A timer row's id: stable for the same dossier, kind, step and instant. */
function timerId(code: string, kind: Deadline['kind'], at: string, stepId: string | undefined): string {
  return stepId ? `${code}:${kind}:${stepId}:${at}` : `${code}:${kind}:${at}`;
}

/** The length of {@link timerId}'s text, without writing it. */
export function timerIdLength(code: string, kind: string, at: string, stepId: string | undefined): number {
  return code.length + kind.length + at.length + 2 + (stepId ? stepId.length + 1 : 0);
}

function makeRows(
  ctx: DossierContext,
  fired: readonly string[],
  options: DeadlineOptions,
  previous: readonly TimerRow[] | undefined,
  memo: WarningMemo | undefined,
  lazy: boolean,
): TimerRow[] {
  building.lazy = lazy;
  building.code = ctx.code;
  building.fired = fired;
  building.previous = previous !== undefined && previous.length > 0 ? previous : undefined;
  building.count = 0;
  // The deadlines are visited, not listed: no list, no deadline objects and no closure per transition.
  visitPendingDeadlines(ctx, options, addRow, memo);
  const n = building.count;
  const found = building.rows;
  let rows: TimerRow[];
  if (previous !== undefined && previous.length === n && sameRows(previous, found, n))
    rows = previous as TimerRow[];
  else if (n === 0) rows = [];
  else if (n === 1) rows = [found[0] as TimerRow];
  else if (n === 2) rows = [found[0] as TimerRow, found[1] as TimerRow];
  else if (n === 3) rows = [found[0] as TimerRow, found[1] as TimerRow, found[2] as TimerRow];
  else rows = found.slice(0, n);
  // Let the dossier's objects go.
  building.previous = undefined;
  building.fired = NONE;
  found.fill(undefined as unknown as TimerRow, 0, n);
  return rows;
}

const NONE: readonly string[] = [];

/** The rows being made by {@link timerRows} (one at a time: the visit is synchronous and does not nest). */
const building = {
  code: '',
  fired: NONE,
  previous: undefined as readonly TimerRow[] | undefined,
  rows: [] as TimerRow[],
  count: 0,
  lazy: false,
};

/** Adds the row of one pending deadline to {@link building}, unless already fired. */
function addRow(kind: Deadline['kind'], at: string, stepId: string | undefined): void {
  const code = building.code;
  const previous = building.previous;
  const kept = previous !== undefined ? sameTimer(previous, code, kind, at, stepId) : undefined;
  const fired = building.fired;
  if (building.lazy) {
    // The id is read or written only if a fired id has its length (and it may be that one).
    let id: string | undefined;
    if (fired.length > 0) {
      const length = timerIdLength(code, kind, at, stepId);
      for (const f of fired) {
        if (f.length !== length) continue;
        id ??= kept ? kept.id : timerId(code, kind, at, stepId);
        if (f === id) return;
      }
    }
    building.rows[building.count++] = kept ?? new OwedTimer(code, kind, at, stepId, id);
    return;
  }
  const id = kept ? kept.id : timerId(code, kind, at, stepId);
  if (fired.length > 0 && fired.includes(id)) return;
  building.rows[building.count++] =
    kept ?? (stepId ? { id, code, kind, at, stepId } : { id, code, kind, at });
}

/** Whether the first `n` of `found` are `previous`, in order. */
function sameRows(previous: readonly TimerRow[], found: readonly TimerRow[], n: number): boolean {
  for (let i = 0; i < n; i++) if (previous[i] !== found[i]) return false;
  return true;
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
