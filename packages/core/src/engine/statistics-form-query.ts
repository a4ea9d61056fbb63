import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import { ReportPeriodSchema, resolveReportPeriod } from '../report/report-period.js';
import { StatisticsCountingRuleSchema } from '../report/statistics-counts.js';
import {
  buildStatisticsForm,
  type StatisticsForm,
  StatisticsFormKindSchema,
  StatisticsGroupKeySchema,
  type StatisticsProcedureInfo,
} from '../report/statistics-form.js';
import {
  buildStatisticsForm07b,
  type StatisticsForm07b,
  StatisticsForm07bGroupKeySchema,
} from '../report/statistics-form-07b.js';
import type { DossierStore } from '../store/store-types.js';
import { parseOrThrow } from '../validation/zod-issues.js';

const DossierFormQuerySchema = z
  .object({
    form: StatisticsFormKindSchema,
    period: ReportPeriodSchema,
    by: z.array(StatisticsGroupKeySchema).max(3).default(['agency', 'field', 'procedure']),
    rule: StatisticsCountingRuleSchema.default('at-return'),
  })
  .strict();

const CatalogueFormQuerySchema = z
  .object({
    form: z.literal('07b'),
    period: ReportPeriodSchema,
    by: z.array(StatisticsForm07bGroupKeySchema).max(2).default(['agency']),
  })
  .strict();

/**
 * What `Engine.statisticsForm` takes, by `form`:
 * - `'06'` or `'07a'` (counts of dossiers): the report period (see `ReportPeriodSchema`), the
 *   breakdown (default agency × field × procedure; `[]` for the total only) and the counting rule
 *   (default `'at-return'`);
 * - `'07b'` (counts of the procedure catalogue): the report period and the breakdown (agency
 *   and/or field, default agency).
 */
export const EngineStatisticsFormQuerySchema = z.discriminatedUnion('form', [
  DossierFormQuerySchema,
  CatalogueFormQuerySchema,
]);
/** See {@link EngineStatisticsFormQuerySchema}. */
export type EngineStatisticsFormQuery = z.input<typeof EngineStatisticsFormQuerySchema>;

/** A procedure's name and field (lĩnh vực) from its newest registered version. */
function registryInfo(procedures: ProcedureRegistry) {
  return (code: string): StatisticsProcedureInfo | undefined => {
    const newest = procedures.versions(code).at(-1)?.definition;
    if (!newest) return undefined;
    return { name: newest.name.vi, ...(newest.sector ? { field: newest.sector } : {}) };
  };
}

/**
 * The figures of a statistics form for a period: Biểu 06 / 07a counted by the store and named from
 * the registry, Biểu 07b counted over the registry's procedure versions (in force on the period's
 * last day, or today for a period not over).
 * A period not over at `now` is counted to `now` included (nothing is received or closed after it; open
 * dossiers are judged at it, not at the period's future end).
 */
export async function statisticsFormOf(
  store: DossierStore,
  procedures: ProcedureRegistry,
  calendar: WorkingCalendar,
  now: Date,
  input: unknown,
): Promise<StatisticsForm | StatisticsForm07b> {
  const query = parseOrThrow(EngineStatisticsFormQuerySchema, input, 'query');
  const period = resolveReportPeriod(query.period);
  if (query.form === '07b')
    return buildStatisticsForm07b(
      procedures.all().map((p) => p.definition),
      { period, by: query.by, asOfDay: calendar.localDate(now) },
    );
  const end = Math.min(Date.parse(period.to), Math.max(Date.parse(period.from), now.getTime()) + 1);
  const asOf = new Date(end).toISOString();
  const counts = await store.statisticsCounts({ from: period.from, to: asOf, rule: query.rule });
  return buildStatisticsForm(counts, {
    form: query.form,
    period,
    rule: query.rule,
    by: query.by,
    asOf,
    procedureInfo: registryInfo(procedures),
  });
}
