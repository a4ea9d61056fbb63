import type { ReportRow } from './report-types.js';

/** A report row being counted (its channel counts and rates writable). */
export type MutableReportRow = {
  -readonly [K in keyof ReportRow]: ReportRow[K] extends Readonly<Record<string, number>>
    ? Record<string, number>
    : ReportRow[K];
};

/** An empty report row of `group`: every count and rate at zero. */
export function emptyReportRow(group: string): MutableReportRow {
  return {
    group,
    carriedOver: 0,
    received: 0,
    receivedByChannel: {},
    resolved: 0,
    early: 0,
    onTime: 0,
    late: 0,
    refused: 0,
    withdrawn: 0,
    stopped: 0,
    expired: 0,
    inProgressWithinTime: 0,
    inProgressOverdue: 0,
    earlyRate: 0,
    onTimeRate: 0,
    lateRate: 0,
    timelyRate: 0,
  };
}

/** Rounds a rate to 4 decimals (55.7% = 0.557); 0 when there is nothing to divide by. */
function rate(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000;
}

/** Rows sorted by group, with their rates computed from their counts (every report does this last). */
export function finishReportRows(rows: MutableReportRow[]): ReportRow[] {
  rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  for (const r of rows) {
    r.earlyRate = rate(r.early, r.resolved);
    r.onTimeRate = rate(r.onTime, r.resolved);
    r.lateRate = rate(r.late, r.resolved);
    r.timelyRate = rate(r.early + r.onTime, r.resolved);
  }
  return rows;
}
