export { aggregateReport } from './aggregate-report.js';
export {
  type FeeRevenueInput,
  type FeeRevenueQuery,
  type FeeRevenueRow,
  feeRevenueReport,
} from './fee-revenue.js';
export {
  aggregateLateEntries,
  type EnteredEntry,
  entryDelayMs,
  finishLateEntryRows,
  LATE_ENTRY_MIN_THRESHOLD_MS,
  LATE_ENTRY_PERIOD_UNIT_MS,
  type LateEntryQuery,
  type LateEntryRow,
  type LateEntryTotals,
} from './late-entries.js';
export type { ReportQuery, ReportRow, UnitReportRow } from './report-types.js';
