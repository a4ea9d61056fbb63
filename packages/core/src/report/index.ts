export { aggregateReport } from './aggregate-report.js';
export {
  type FeeRevenueInput,
  type FeeRevenueQuery,
  type FeeRevenueRow,
  feeRevenueReport,
} from './fee-revenue.js';
export type { ReportQuery, ReportRow, UnitReportRow } from './report-types.js';
