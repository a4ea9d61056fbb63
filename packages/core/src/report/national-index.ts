import type { IndexVersion, Indicator, IndicatorMeasure } from './national-index-config.js';
import {
  emptyIndexCounts,
  INDEX_COUNT_NAMES,
  type IndexCounts,
  type IndexRule,
} from './national-index-counts.js';

/**
 * Why a figure or its points are N/A (không áp dụng), as a kind a reader translates by switching on
 * it (the `reason` beside it is English words for logs and developers):
 * - `'no-sync-state'`: the store keeps no portal sync state (indicator 1.4: no dossier was
 *   recorded as acknowledged by the portal; the portal connector records them);
 * - `'facts-missing'`: some dossiers were stored before the index facts were kept (`dossiers` says
 *   how many); they are counted once committed again;
 * - `'zero-denominator'`: no dossier in the denominator;
 * - `'no-points'`: the indicator earns no points (2.2, followed per procedure);
 * - `'weight-unconfirmed'`: the indicator's weight in its group is not confirmed.
 */
export type NotApplicableKind =
  | 'no-sync-state'
  | 'facts-missing'
  | 'zero-denominator'
  | 'no-points'
  | 'weight-unconfirmed';

/**
 * Why a figure is not a number (N/A): its {@link NotApplicableKind} and the reason in English
 * words; never shown as 0 %.
 */
export type NotApplicable =
  | {
      readonly kind: Exclude<NotApplicableKind, 'facts-missing'>;
      readonly reason: string;
    }
  | {
      readonly kind: 'facts-missing';
      /** The dossiers stored before the index facts were kept. */
      readonly dossiers: number;
      readonly reason: string;
    };

/** One indicator's figure for one group and period. */
export interface IndicatorFigure {
  readonly id: string;
  readonly group: number;
  /** The indicator's name in Vietnamese; `nameEn` in English (see {@link indicatorName}). */
  readonly name: string;
  readonly nameEn?: string | undefined;
  /** What the indicator measures (its dossier sets: `INDEX_DRILL_SETS`, `indexDrillParts`). */
  readonly measure: IndicatorMeasure;
  /** What was counted: the numerator and the denominator (for 2.2 the days summed and the dossiers). */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Percent to 2 decimals (2.2: mean days to 2 decimals); `null` when N/A. */
  readonly value: number | null;
  readonly unit: 'percent' | 'days';
  /** Points earned to 2 decimals, `null` when N/A (no data, or a weight not confirmed). */
  readonly points: number | null;
  readonly maxPoints: number | null;
  /** Set when `value` is N/A; `pointsNa` when only the points are. */
  readonly na: NotApplicable | null;
  readonly pointsNa: NotApplicable | null;
}

/** The index of one group (agency, unit, procedure, field, month or `'*'`) for a period. */
export interface NationalIndexRow {
  readonly group: string;
  readonly figures: readonly IndicatorFigure[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const DAY_MS = 86_400_000;

const NO_SYNC: NotApplicable = {
  kind: 'no-sync-state',
  reason:
    'the store has no sync state: no dossier was recorded as acknowledged by the national portal (the portal connector, dvcqgSync, records each first acknowledgement)',
};
const BEFORE_FACTS = (n: number): NotApplicable => ({
  kind: 'facts-missing',
  dossiers: n,
  reason: `${n} dossier(s) were stored before the index facts were kept (SQLite migration 007, PostgreSQL 006); they are counted once committed again`,
});

/** The numerator and denominator an indicator takes from the counts, or why it has none. */
function ratioOf(i: Indicator, c: IndexCounts, rule: IndexRule): { n: number; d: number } | NotApplicable {
  const receivedOnly = (n: number, d: number) =>
    c.receivedWithoutFacts > 0 ? BEFORE_FACTS(c.receivedWithoutFacts) : { n, d };
  switch (i.measure) {
    case 'synced':
      return c.syncKept > 0 ? { n: c.synced, d: c.filings } : NO_SYNC;
    case 'timely':
      if (rule === 'national' && c.judgedWithoutFacts > 0) return BEFORE_FACTS(c.judgedWithoutFacts);
      return { n: c.timely, d: c.judged };
    case 'average-time':
      if (c.receivedWithoutFacts > 0 || c.judgedWithoutFacts > 0)
        return BEFORE_FACTS(c.receivedWithoutFacts + c.judgedWithoutFacts);
      return { n: c.processingMs, d: c.completed };
    case 'online':
      return receivedOnly(c.online, c.received);
    case 'paid-online':
      return receivedOnly(c.paidOnline, c.feeBearing);
    case 'e-result':
      return receivedOnly(c.eResults, c.withResults);
    case 'digitised':
      return receivedOnly(c.digitised, c.received);
    case 'reused':
      return receivedOnly(c.reused, c.received);
    case 'national-store':
      return receivedOnly(c.nationalStore, c.received);
    case 'population-data':
      return receivedOnly(c.populationData, c.received);
    case 'satisfaction-union':
      if (c.judgedWithoutFacts > 0) return BEFORE_FACTS(c.judgedWithoutFacts);
      return { n: c.judged - c.lateOrDissatisfied, d: c.judged };
    case 'satisfaction-sum':
      if (c.judgedWithoutFacts > 0) return BEFORE_FACTS(c.judgedWithoutFacts);
      // 100 % − (late % + dissatisfied %) = (judged − late − dissatisfied) / judged; never below 0.
      return { n: Math.max(0, c.timely - c.dissatisfied), d: c.judged };
  }
}

/**
 * Points for a share: full points at or above the threshold, `share × points / threshold` below it
 * (proportional when the indicator has no threshold), to 2 decimals.
 */
function pointsOf(i: Indicator, share: number): number | null {
  if (i.points === null) return null;
  const full = i.fullPointsAt ?? 1;
  return round2(share >= full ? i.points : (share * i.points) / full);
}

/**
 * Turns a group's counts into the indicators' figures under an index version: shares in percent
 * to 2 decimals, mean days for 2.2, points by the version's thresholds and weights. The one place
 * of the index's arithmetic: every store's counts go through it. A zero denominator, data the
 * store lacks (1.4's sync state when no portal acknowledgement was recorded), dossiers stored before the facts were kept, and points whose
 * weight is not confirmed are N/A with the reason, never 0 %.
 *
 * @example
 * ```ts
 * import { F766_OPERATIONAL, nationalIndexFigures, type IndexCounts } from '@motcua/core';
 * declare const counts: IndexCounts; // from a store's nationalIndexCounts
 * const figures = nationalIndexFigures(counts, F766_OPERATIONAL, 'national');
 * figures.find((f) => f.id === '2.1')?.value; // e.g. 92.5 (%)
 * ```
 */
export function nationalIndexFigures(
  c: IndexCounts,
  version: IndexVersion,
  rule: IndexRule,
): IndicatorFigure[] {
  return version.indicators.map((i): IndicatorFigure => {
    const base = {
      id: i.id,
      group: i.group,
      name: i.name,
      nameEn: i.nameEn,
      measure: i.measure,
      unit: i.measure === 'average-time' ? ('days' as const) : ('percent' as const),
      maxPoints: i.points,
    };
    const r = ratioOf(i, c, rule);
    if ('kind' in r)
      return { ...base, numerator: null, denominator: null, value: null, points: null, na: r, pointsNa: r };
    if (r.d === 0) {
      const na: NotApplicable = {
        kind: 'zero-denominator',
        reason: 'no dossier in the denominator (zero denominator)',
      };
      return { ...base, numerator: r.n, denominator: 0, value: null, points: null, na, pointsNa: na };
    }
    if (i.measure === 'average-time') {
      return {
        ...base,
        numerator: round2(r.n / DAY_MS),
        denominator: r.d,
        value: round2(r.n / DAY_MS / r.d),
        points: null,
        na: null,
        pointsNa: { kind: 'no-points', reason: 'the indicator earns no points (shown per procedure)' },
      };
    }
    const share = r.n / r.d;
    const points = pointsOf(i, share);
    return {
      ...base,
      numerator: r.n,
      denominator: r.d,
      value: round2(share * 100),
      points,
      na: null,
      pointsNa:
        points === null
          ? { kind: 'weight-unconfirmed', reason: 'the indicator’s weight in its group is not confirmed' }
          : null,
    };
  });
}

/** Adds counts rows into rows keyed by `keyOf(row.group)` (e.g. procedures into their fields). */
export function mergeIndexCounts(
  rows: readonly IndexCounts[],
  keyOf: (group: string) => string,
): IndexCounts[] {
  const out = new Map<string, ReturnType<typeof emptyIndexCounts>>();
  for (const r of rows) {
    const key = keyOf(r.group);
    let m = out.get(key);
    if (!m) {
      m = emptyIndexCounts(key);
      out.set(key, m);
    }
    for (const n of INDEX_COUNT_NAMES) m[n] += r[n];
  }
  return [...out.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
