import type { UnitCounts } from './aggregate-report.js';
import { emptyReportRow as emptyRow, finishReportRows as finishRows } from './report-rows.js';
import type { ReportRow, UnitReportRow } from './report-types.js';

const COUNTS = [
  'carriedOver',
  'received',
  'resolved',
  'early',
  'onTime',
  'late',
  'refused',
  'withdrawn',
  'stopped',
  'expired',
  'inProgressWithinTime',
  'inProgressOverdue',
] as const;

/**
 * Reports over disjoint sets of dossiers (for the same query) merged into the report over their
 * union: counts summed by group, rates recomputed from the sums as `aggregateReport` rounds them.
 */
export function mergeReports(reports: readonly (readonly ReportRow[])[]): ReportRow[] {
  const rows = new Map<string, ReturnType<typeof emptyRow>>();
  for (const report of reports) {
    for (const part of report) {
      let r = rows.get(part.group);
      if (!r) {
        r = emptyRow(part.group);
        rows.set(part.group, r);
      }
      for (const key of COUNTS) r[key] += part[key];
      for (const [channel, n] of Object.entries(part.receivedByChannel))
        r.receivedByChannel[channel] = (r.receivedByChannel[channel] ?? 0) + n;
    }
  }
  return finishRows([...rows.values()]);
}

/** Unit reports over disjoint sets of dossiers merged: counts summed by unit, sorted by unit. */
export function mergeUnitReports(reports: readonly (readonly UnitReportRow[])[]): UnitReportRow[] {
  const units = new Map<string, UnitCounts>();
  for (const report of reports) {
    for (const part of report) {
      let u = units.get(part.unit);
      if (!u) {
        u = { unit: part.unit, early: 0, onTime: 0, late: 0 };
        units.set(part.unit, u);
      }
      u.early += part.early;
      u.onTime += part.onTime;
      u.late += part.late;
    }
  }
  return [...units.values()].sort((a, b) => (a.unit < b.unit ? -1 : 1));
}
