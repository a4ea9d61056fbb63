/**
 * Late entry (hồ sơ cập nhật trễ hạn): journal entries entered well after the instant they record.
 * Every journal entry has the instant it happened (`at`) and, since the stores keep it, the instant
 * it was entered (`enteredAt`, the engine clock's now when it was committed). This module holds the
 * report's rules, its types and the in-memory aggregation; the SQL stores answer the same query
 * set-based and a conformance test keeps them equal.
 */

/** The smallest threshold of the report, and the delay below which stores need not keep an entry's own row: one minute. */
export const LATE_ENTRY_MIN_THRESHOLD_MS = 60_000;

/** One hour: the period of the late-entry report is given in whole hours. */
export const LATE_ENTRY_PERIOD_UNIT_MS = 3_600_000;

/**
 * What the late-entry report covers: the journal entries **entered** in [from, to) (so a period's
 * figures never change once it is over: nothing can be entered in the past), and the delay beyond
 * which an entry is late.
 */
export interface LateEntryQuery {
  /** Start of the period (inclusive), an instant on a whole hour. */
  readonly from: string;
  /** End of the period (exclusive), an instant on a whole hour, after `from`. */
  readonly to: string;
  /**
   * An entry is late when it was entered more than this many milliseconds after it happened:
   * at least {@link LATE_ENTRY_MIN_THRESHOLD_MS} (one minute), at most 366 days.
   */
  readonly thresholdMs: number;
}

/** The late-entry figures of one unit (the acting officer's unit of each entry) for a period. */
export interface LateEntryRow {
  readonly unit: string;
  /** Journal entries of the unit entered in the period. */
  readonly entries: number;
  /** Those entered more than `thresholdMs` after they happened. */
  readonly late: number;
  /** The longest delay (entered − happened; 0 when entered before or at the instant it records). */
  readonly maxDelayMs: number;
  /** The mean delay over all the unit's entries, rounded to the millisecond. */
  readonly meanDelayMs: number;
  /** The codes of the dossiers with a late entry of the unit, sorted, each once (the drill-down). */
  readonly lateCodes: readonly string[];
}

/** What the report reads of a journal entry. */
export interface EnteredEntry {
  readonly code: string;
  readonly at: string;
  /** Absent on entries written before the stores kept it: those are not counted. */
  readonly enteredAt?: string | undefined;
  readonly actor: { readonly unitId: string };
}

/** An entry's delay in milliseconds: entered − happened, never below 0. */
export function entryDelayMs(at: string, enteredAt: string): number {
  return Math.max(0, Date.parse(enteredAt) - Date.parse(at));
}

/** Running figures of one unit (a store's SQL gives the same four sums). */
export interface LateEntryTotals {
  readonly unit: string;
  readonly entries: number;
  readonly late: number;
  readonly maxDelayMs: number;
  readonly delaySumMs: number;
  readonly lateCodes: readonly string[];
}

/** Report rows from each unit's totals, sorted by unit; the mean rounded as every store rounds it. */
export function finishLateEntryRows(totals: Iterable<LateEntryTotals>): LateEntryRow[] {
  return [...totals]
    .map((t) => ({
      unit: t.unit,
      entries: t.entries,
      late: t.late,
      maxDelayMs: t.maxDelayMs,
      meanDelayMs: t.entries === 0 ? 0 : Math.round(t.delaySumMs / t.entries),
      lateCodes: [...new Set(t.lateCodes)].sort(),
    }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/**
 * The late-entry report computed from journal entries in memory (the in-memory store's answer, and
 * the reference the SQL stores are tested against): per unit, the entries entered in [from, to),
 * how many were entered more than `thresholdMs` after they happened, the longest and the mean
 * delay, and the dossiers with a late entry.
 *
 * @example
 * ```ts
 * import { aggregateLateEntries } from '@motcua/core';
 * const desk = { officerId: 'desk-1', unitId: 'desk' };
 * aggregateLateEntries(
 *   [
 *     // A receipt entered 3 hours after the applicant came, and a handover entered at once.
 *     { code: 'H56-260302-0001', at: '2026-03-02T02:00:00.000Z', enteredAt: '2026-03-02T05:00:00.000Z', actor: desk },
 *     { code: 'H56-260302-0001', at: '2026-03-02T05:10:00.000Z', enteredAt: '2026-03-02T05:10:00.000Z', actor: desk },
 *   ],
 *   { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z', thresholdMs: 3_600_000 },
 * );
 * // [{ unit: 'desk', entries: 2, late: 1, maxDelayMs: 10_800_000, meanDelayMs: 5_400_000, lateCodes: ['H56-260302-0001'] }]
 * ```
 */
export function aggregateLateEntries(entries: Iterable<EnteredEntry>, query: LateEntryQuery): LateEntryRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const byUnit = new Map<
    string,
    {
      unit: string;
      entries: number;
      late: number;
      maxDelayMs: number;
      delaySumMs: number;
      lateCodes: string[];
    }
  >();
  for (const e of entries) {
    if (e.enteredAt === undefined) continue;
    const entered = Date.parse(e.enteredAt);
    if (entered < from || entered >= to) continue;
    const delay = entryDelayMs(e.at, e.enteredAt);
    const unit = e.actor.unitId;
    let t = byUnit.get(unit);
    if (!t) {
      t = { unit, entries: 0, late: 0, maxDelayMs: 0, delaySumMs: 0, lateCodes: [] };
      byUnit.set(unit, t);
    }
    t.entries++;
    t.delaySumMs += delay;
    if (delay > t.maxDelayMs) t.maxDelayMs = delay;
    if (delay > query.thresholdMs) {
      t.late++;
      t.lateCodes.push(e.code);
    }
  }
  return finishLateEntryRows(byUnit.values());
}
