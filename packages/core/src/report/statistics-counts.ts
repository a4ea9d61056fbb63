import { z } from 'zod';
import type { DossierSummary } from '../model/dossier-summary.js';
import { INTAKE_STATES } from '../procedure/lifecycle-intake.js';

/**
 * When a dossier's processing counts as ended for the statistics forms, and so which period it is
 * resolved in and whether it is still in progress at a period's end:
 * - `'at-return'` (the default, as motcua's report counts): the instant it was closed (the result
 *   returned, the refusal, the withdrawal, the stop or the expiry), classified early / on time /
 *   late as recorded at that close against the legal due time.
 *
 * The national counting rule of Decision 766 (the "processing finished" instant when present,
 * else the close) is meant to be added here as a second member: the stores take the rule and
 * choose the end instant in one place each (`statisticsEnd` in core, the SQL builder's end column).
 */
export const StatisticsCountingRuleSchema = z.enum(['at-return']);
/** See {@link StatisticsCountingRuleSchema}. */
export type StatisticsCountingRule = z.infer<typeof StatisticsCountingRuleSchema>;

/** What a store counts for the statistics forms: a period `[from, to)` of instants and the rule. */
export interface StatisticsCountQuery {
  /** Start of the period (included), ISO instant. */
  readonly from: string;
  /** End of the period (excluded), ISO instant. */
  readonly to: string;
  readonly rule: StatisticsCountingRule;
}

/**
 * The counts of the statistics forms (Biểu 06 / 07a) of one agency and procedure for one period.
 * Every dossier received before the period's end and not ended before its start is counted once
 * in the received part and at most once in the resolved, refused, closed or in-progress part.
 */
export interface StatisticsCounts {
  /** Received before the period, not ended at its start (kỳ trước chuyển qua). */
  readonly carriedOver: number;
  /** Received in the period online (trực tuyến: `online-full`, `online-partial`). */
  readonly receivedOnline: number;
  /** Received in the period at the desk (trực tiếp). */
  readonly receivedInPerson: number;
  /** Received in the period by post (dịch vụ bưu chính công ích). */
  readonly receivedPostal: number;
  /** Ended in the period with the result returned, by timeliness against the legal due time. */
  readonly resolvedEarly: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  /**
   * Ended in the period with a written refusal (the dossier given back as not eligible), by the
   * timeliness recorded at the refusal: resolved on Biểu 06, returned (trả lại) on 07a.
   */
  readonly refusedEarly: number;
  readonly refusedOnTime: number;
  readonly refusedLate: number;
  /** Ended in the period without a result or a refusal: withdrawn, stopped, or not supplemented in time. */
  readonly closedWithoutResult: number;
  /** Not ended at the period's end and within the legal due time (or its clock stopped). */
  readonly inProgressWithinTime: number;
  /** Not ended at the period's end and past the legal due time. */
  readonly inProgressOverdue: number;
  /**
   * Of those in progress, those waiting for the applicant's supplementation (chờ bổ sung): by the
   * dossier's current state, so exact for a period that ends at or after the time of the report.
   */
  readonly waitingSupplement: number;
}

/** The statistics counts of one agency × procedure (see {@link StatisticsCounts}). */
export interface StatisticsCountRow extends StatisticsCounts {
  readonly agency: string;
  readonly procedureCode: string;
}

/** The names of the counts, in form order. */
export const STATISTICS_COUNT_KEYS = [
  'carriedOver',
  'receivedOnline',
  'receivedInPerson',
  'receivedPostal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'refusedEarly',
  'refusedOnTime',
  'refusedLate',
  'closedWithoutResult',
  'inProgressWithinTime',
  'inProgressOverdue',
  'waitingSupplement',
] as const satisfies readonly (keyof StatisticsCounts)[];

/** Counts at zero. */
export function emptyStatisticsCounts(): { -readonly [K in keyof StatisticsCounts]: number } {
  return Object.fromEntries(STATISTICS_COUNT_KEYS.map((k) => [k, 0])) as {
    -readonly [K in keyof StatisticsCounts]: number;
  };
}

/** The state of a dossier waiting for supplementation, and its national status (5 Yêu cầu bổ sung giấy tờ). */
const WAITING_SUPPLEMENT_STATE = 'supplementing';
const WAITING_SUPPLEMENT_NATIONAL_STATUS = 5;

/**
 * The instant a dossier's processing ended under `rule` (epoch ms; infinite while open): the one
 * place the counting rule chooses it in memory.
 */
function statisticsEnd(s: DossierSummary, rule: StatisticsCountingRule): number {
  switch (rule) {
    case 'at-return':
      return s.closedAt === null ? Number.POSITIVE_INFINITY : Date.parse(s.closedAt);
  }
}

/**
 * The statistics counts per agency × procedure of dossier summaries for a period, as every store
 * must compute them (the SQL stores do it with one GROUP BY; the conformance suite checks they
 * agree). Online filings the desk never accepted are left out. Rows sorted by agency, procedure.
 *
 * @example
 * ```ts
 * import { countStatistics, type DossierSummary } from '@motcua/core';
 * declare const summaries: DossierSummary[];
 * const rows = countStatistics(summaries, {
 *   from: '2026-02-14T17:00:00.000Z', to: '2026-03-14T17:00:00.000Z', rule: 'at-return',
 * });
 * ```
 */
export function countStatistics(
  summaries: Iterable<DossierSummary>,
  query: StatisticsCountQuery,
): StatisticsCountRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows = new Map<
    string,
    ReturnType<typeof emptyStatisticsCounts> & { readonly agency: string; readonly procedureCode: string }
  >();
  for (const s of summaries) {
    if (INTAKE_STATES.includes(s.state)) continue;
    const received = Date.parse(s.receivedAt);
    const end = statisticsEnd(s, query.rule);
    if (received >= to || end < from) continue;
    const key = `${s.agency}\u0000${s.procedureCode}`;
    let r = rows.get(key);
    if (!r) {
      r = { agency: s.agency, procedureCode: s.procedureCode, ...emptyStatisticsCounts() };
      rows.set(key, r);
    }
    if (received < from) r.carriedOver++;
    else if (s.channel === 'in-person') r.receivedInPerson++;
    else if (s.channel === 'postal') r.receivedPostal++;
    else r.receivedOnline++;
    if (end < to) {
      if (s.outcome === 'returned') {
        if (s.result === 'EARLY') r.resolvedEarly++;
        else if (s.result === 'ON_TIME') r.resolvedOnTime++;
        else if (s.result === 'LATE') r.resolvedLate++;
      } else if (s.outcome === 'refused') {
        if (s.result === 'EARLY') r.refusedEarly++;
        else if (s.result === 'ON_TIME') r.refusedOnTime++;
        else if (s.result === 'LATE') r.refusedLate++;
      } else if (s.outcome === 'withdrawn' || s.outcome === 'stopped' || s.outcome === 'expired') {
        r.closedWithoutResult++;
      }
    } else {
      if (!s.paused && Date.parse(s.legalDueAt) < to) r.inProgressOverdue++;
      else r.inProgressWithinTime++;
      if (s.state === WAITING_SUPPLEMENT_STATE || s.nationalStatus === WAITING_SUPPLEMENT_NATIONAL_STATUS)
        r.waitingSupplement++;
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.agency !== b.agency
      ? a.agency < b.agency
        ? -1
        : 1
      : a.procedureCode < b.procedureCode
        ? -1
        : a.procedureCode > b.procedureCode
          ? 1
          : 0,
  );
}
