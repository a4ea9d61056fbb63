export { aggregateReport } from './aggregate-report.js';
export {
  type FeeRevenueInput,
  type FeeRevenueQuery,
  type FeeRevenueRow,
  feeRevenueReport,
} from './fee-revenue.js';
export { indicatorName } from './indicator-name.js';
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
export {
  type IndicatorFigure,
  mergeIndexCounts,
  type NationalIndexRow,
  type NotApplicable,
  type NotApplicableKind,
  nationalIndexFigures,
} from './national-index.js';
export {
  DECISION_766_2022,
  F766_OPERATIONAL,
  INDEX_VERSIONS,
  IndexQueryError,
  type IndexVersion,
  IndexVersionSchema,
  type Indicator,
  type IndicatorMeasure,
  IndicatorMeasureSchema,
  IndicatorSchema,
  indexVersion,
} from './national-index-config.js';
export {
  countIndex,
  INDEX_COUNT_NAMES,
  type IndexCountGroupBy,
  type IndexCountName,
  type IndexCountQuery,
  type IndexCounts,
  type IndexDossierQuery,
  type IndexDossierSet,
  type IndexRule,
  indexDossiers,
} from './national-index-counts.js';
export {
  INDEX_DRILL_SETS,
  type IndexDrillPart,
  type IndexDrillSets,
  indexDrillParts,
} from './national-index-drill.js';
export {
  type PeriodicReportKind,
  PeriodicReportKindSchema,
  REPORT_PERIOD_CONVENTIONS,
  type ReportPeriod,
  type ReportPeriodConvention,
  type ReportPeriodInput,
  ReportPeriodSchema,
  type ResolvedReportPeriod,
  reportPeriodContaining,
  resolveReportPeriod,
} from './report-period.js';
export type { ReportQuery, ReportRow, UnitReportRow } from './report-types.js';
export {
  countStatistics,
  type StatisticsCountingRule,
  StatisticsCountingRuleSchema,
  type StatisticsCountQuery,
  type StatisticsCountRow,
  type StatisticsCounts,
} from './statistics-counts.js';
export {
  buildStatisticsForm,
  type StatisticsFigures,
  type StatisticsForm,
  type StatisticsFormKind,
  StatisticsFormKindSchema,
  type StatisticsFormOptions,
  type StatisticsFormRow,
  type StatisticsGroupKey,
  StatisticsGroupKeySchema,
  type StatisticsProcedureInfo,
} from './statistics-form.js';
export {
  buildStatisticsForm07b,
  type CatalogueVersionFacts,
  type LevelCounts,
  STATISTICS_FORM_07B_COLUMN_GROUPS,
  type StatisticsForm07b,
  type StatisticsForm07bColumnGroup,
  type StatisticsForm07bFigures,
  type StatisticsForm07bGroupKey,
  StatisticsForm07bGroupKeySchema,
  type StatisticsForm07bNotDeclared,
  type StatisticsForm07bOptions,
  type StatisticsForm07bRow,
} from './statistics-form-07b.js';
