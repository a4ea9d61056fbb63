import { z } from 'zod';
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
import type { DossierStore } from '../store/store-types.js';
import { parseOrThrow } from '../validation/zod-issues.js';

/**
 * What `Engine.statisticsForm` takes: the form (`'06'` or `'07a'`), the report period (see
 * `ReportPeriodSchema`), the breakdown (default agency × field × procedure; `[]` for the total
 * only) and the counting rule (default `'at-return'`).
 */
export const EngineStatisticsFormQuerySchema = z
  .object({
    form: StatisticsFormKindSchema,
    period: ReportPeriodSchema,
    by: z.array(StatisticsGroupKeySchema).max(3).default(['agency', 'field', 'procedure']),
    rule: StatisticsCountingRuleSchema.default('at-return'),
  })
  .strict();
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
 * The figures of a statistics form for a period, counted by the store and named from the registry.
 * A period not over at `now` is counted to `now` included (nothing is received or closed after it; open
 * dossiers are judged at it, not at the period's future end).
 */
export async function statisticsFormOf(
  store: DossierStore,
  procedures: ProcedureRegistry,
  now: Date,
  input: unknown,
): Promise<StatisticsForm> {
  const query = parseOrThrow(EngineStatisticsFormQuerySchema, input, 'query');
  const period = resolveReportPeriod(query.period);
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
