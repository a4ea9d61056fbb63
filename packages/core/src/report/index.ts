export { aggregateReport } from './aggregate-report.js';
export type { ReportQuery, ReportRow, UnitReportRow } from './report-types.js';
