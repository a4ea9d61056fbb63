import { MotcuaError, type StatisticsCountingRule, type StatisticsCountRow } from '@motcua/core';
import { RECEIVED_ONLY } from './received-only.js';

/**
 * The end instant of a dossier's processing under a counting rule, as an SQL column: the one place
 * the SQL stores choose it (core's `statisticsEnd` does the same in memory).
 */
function endColumn(rule: StatisticsCountingRule): string {
  switch (rule) {
    case 'at-return':
      return 'closed_at';
    default:
      throw new MotcuaError('INVALID_QUERY', 'rule: expected at-return', { field: 'query.rule' });
  }
}

/**
 * The statistics forms' counts per agency × procedure as one GROUP BY over the summary columns,
 * shared by both dialects; `p.from` and `p.to` are the adapter's placeholders. Mirrors core's
 * `countStatistics` line by line.
 */
export function statisticsCountsSql(
  table: string,
  rule: StatisticsCountingRule,
  p: { from: string; to: string },
): string {
  const end = endColumn(rule);
  const ended = `(${end} IS NOT NULL AND ${end} < ${p.to})`;
  const open = `(${end} IS NULL OR ${end} >= ${p.to})`;
  const fresh = `received_at >= ${p.from}`;
  return `SELECT agency, procedure_code,
  count(*) FILTER (WHERE received_at < ${p.from}) AS carried_over,
  count(*) FILTER (WHERE ${fresh} AND channel IN ('online-full', 'online-partial')) AS received_online,
  count(*) FILTER (WHERE ${fresh} AND channel = 'in-person') AS received_in_person,
  count(*) FILTER (WHERE ${fresh} AND channel = 'postal') AS received_postal,
  count(*) FILTER (WHERE ${ended} AND outcome = 'returned' AND result = 'EARLY') AS resolved_early,
  count(*) FILTER (WHERE ${ended} AND outcome = 'returned' AND result = 'ON_TIME') AS resolved_on_time,
  count(*) FILTER (WHERE ${ended} AND outcome = 'returned' AND result = 'LATE') AS resolved_late,
  count(*) FILTER (WHERE ${ended} AND outcome = 'refused' AND result = 'EARLY') AS refused_early,
  count(*) FILTER (WHERE ${ended} AND outcome = 'refused' AND result = 'ON_TIME') AS refused_on_time,
  count(*) FILTER (WHERE ${ended} AND outcome = 'refused' AND result = 'LATE') AS refused_late,
  count(*) FILTER (WHERE ${ended} AND outcome IN ('withdrawn', 'stopped', 'expired')) AS closed_without_result,
  count(*) FILTER (WHERE ${open} AND (paused OR legal_due_at >= ${p.to})) AS in_progress_within_time,
  count(*) FILTER (WHERE ${open} AND NOT (paused) AND legal_due_at < ${p.to}) AS in_progress_overdue,
  count(*) FILTER (WHERE ${open} AND (state = 'supplementing' OR national_status = 5)) AS waiting_supplement
FROM ${table}
WHERE received_at < ${p.to} AND (${end} IS NULL OR ${end} >= ${p.from}) AND ${RECEIVED_ONLY}
GROUP BY agency, procedure_code`;
}

/** One row as {@link statisticsCountsSql} returns it (PostgreSQL gives counts as text). */
export interface StatisticsCountsSqlRow {
  agency: string;
  procedure_code: string;
  carried_over: number | string;
  received_online: number | string;
  received_in_person: number | string;
  received_postal: number | string;
  resolved_early: number | string;
  resolved_on_time: number | string;
  resolved_late: number | string;
  refused_early: number | string;
  refused_on_time: number | string;
  refused_late: number | string;
  closed_without_result: number | string;
  in_progress_within_time: number | string;
  in_progress_overdue: number | string;
  waiting_supplement: number | string;
}

/** The store rows of the query's rows, sorted by agency then procedure code as core sorts them. */
export function assembleStatisticsCounts(rows: readonly StatisticsCountsSqlRow[]): StatisticsCountRow[] {
  return rows
    .map((r) => ({
      agency: r.agency,
      procedureCode: r.procedure_code,
      carriedOver: Number(r.carried_over),
      receivedOnline: Number(r.received_online),
      receivedInPerson: Number(r.received_in_person),
      receivedPostal: Number(r.received_postal),
      resolvedEarly: Number(r.resolved_early),
      resolvedOnTime: Number(r.resolved_on_time),
      resolvedLate: Number(r.resolved_late),
      refusedEarly: Number(r.refused_early),
      refusedOnTime: Number(r.refused_on_time),
      refusedLate: Number(r.refused_late),
      closedWithoutResult: Number(r.closed_without_result),
      inProgressWithinTime: Number(r.in_progress_within_time),
      inProgressOverdue: Number(r.in_progress_overdue),
      waitingSupplement: Number(r.waiting_supplement),
    }))
    .sort((a, b) =>
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
