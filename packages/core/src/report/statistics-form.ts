import { z } from 'zod';
import { breakdownRows } from './breakdown-rows.js';
import type { ResolvedReportPeriod } from './report-period.js';
import {
  emptyStatisticsCounts,
  STATISTICS_COUNT_KEYS,
  type StatisticsCountingRule,
  type StatisticsCountRow,
  type StatisticsCounts,
} from './statistics-counts.js';

/**
 * The official statistics forms motcua fills (Circular 01/2020/TT-VPCP):
 * - `'06'`: Biểu 06/VPCP/KSTT, the situation and results of handling administrative procedures
 *   at the agency that handles them (tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực
 *   tiếp giải quyết): received, resolved, in progress;
 * - `'07a'`: the same with the dossiers given back without a result (trả lại) and those waiting
 *   for supplementation (chờ bổ sung).
 */
export const StatisticsFormKindSchema = z.enum(['06', '07a']);
/** See {@link StatisticsFormKindSchema}. */
export type StatisticsFormKind = z.infer<typeof StatisticsFormKindSchema>;

/** How a form's rows break down: by agency (cơ quan, đơn vị), field (lĩnh vực), procedure (thủ tục). */
export const StatisticsGroupKeySchema = z.enum(['agency', 'field', 'procedure']);
/** See {@link StatisticsGroupKeySchema}. */
export type StatisticsGroupKey = z.infer<typeof StatisticsGroupKeySchema>;

/** The cells of one row of a statistics form, in the form's column order. */
export interface StatisticsFigures {
  /** Tổng số hồ sơ tiếp nhận: carried over + received in the period. */
  readonly receivedTotal: number;
  /** Số kỳ trước chuyển qua. */
  readonly carriedOver: number;
  /** Số mới tiếp nhận trực tuyến. */
  readonly receivedOnline: number;
  /** Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích. */
  readonly receivedInPersonOrPostal: number;
  /** Tổng số hồ sơ đã giải quyết: early + on time + late (on Biểu 06, written refusals included). */
  readonly resolvedTotal: number;
  /** Trước hạn. */
  readonly resolvedEarly: number;
  /** Đúng hạn. */
  readonly resolvedOnTime: number;
  /** Quá hạn. */
  readonly resolvedLate: number;
  /** Tổng số hồ sơ đang giải quyết: within time + overdue. */
  readonly inProgressTotal: number;
  /** Trong hạn. */
  readonly inProgressWithinTime: number;
  /** Quá hạn. */
  readonly inProgressOverdue: number;
  /**
   * Given back without the result asked for (trả lại): withdrawn, stopped, not supplemented in
   * time, and on 07a also refused. Printed on 07a only.
   */
  readonly returned: number;
  /** Form 07a: of those in progress, chờ bổ sung. */
  readonly waitingSupplement: number;
}

/** One row of a statistics form: its group (the keys asked for) and its cells. */
export interface StatisticsFormRow {
  /** The agency code, when grouped by agency. */
  readonly agency?: string;
  /** The field (lĩnh vực) code when grouped by field; `null` for procedures without one. */
  readonly field?: string | null;
  /** The field's name, when known. */
  readonly fieldName?: string;
  /** The procedure code, when grouped by procedure. */
  readonly procedure?: string;
  /** The procedure's name, when known. */
  readonly procedureName?: string;
  readonly figures: StatisticsFigures;
}

/** A statistics form's figures for one period. */
export interface StatisticsForm {
  readonly form: StatisticsFormKind;
  readonly period: ResolvedReportPeriod;
  readonly rule: StatisticsCountingRule;
  readonly by: readonly StatisticsGroupKey[];
  /**
   * The instant the figures are counted to (excluded): the period's end, or the time of the report
   * for a period not over yet (dossiers open then are judged within time or overdue at it).
   */
  readonly asOf: string;
  /** Rows sorted by their keys in the order of `by`; empty when `by` is empty. */
  readonly rows: readonly StatisticsFormRow[];
  /** The total row (tổng cộng). */
  readonly total: StatisticsFigures;
}

/** What the form knows of a procedure code: its name and field, from the procedure registry. */
export interface StatisticsProcedureInfo {
  readonly name?: string;
  readonly field?: { readonly code: string; readonly name: string };
}

/** What {@link buildStatisticsForm} takes besides the counts. */
export interface StatisticsFormOptions {
  readonly form: StatisticsFormKind;
  readonly period: ResolvedReportPeriod;
  readonly rule: StatisticsCountingRule;
  readonly by: readonly StatisticsGroupKey[];
  /** The instant the counts were taken to, when before the period's end (default: the period's end). */
  readonly asOf?: string;
  /** Names and fields of procedures (e.g. from the engine's registry); unknown codes have no field. */
  readonly procedureInfo?: (procedureCode: string) => StatisticsProcedureInfo | undefined;
}

/**
 * The form cells of summed counts. On Biểu 06 a refusal is resolved (it answers the application);
 * on 07a it is returned (trả lại: given back as not eligible) with the dossiers closed without a
 * result, and resolved counts the results returned only. On both, received = resolved + returned
 * + in progress.
 */
function statisticsFigures(c: StatisticsCounts, form: StatisticsFormKind): StatisticsFigures {
  const withRefusals = form === '06';
  const early = c.resolvedEarly + (withRefusals ? c.refusedEarly : 0);
  const onTime = c.resolvedOnTime + (withRefusals ? c.refusedOnTime : 0);
  const late = c.resolvedLate + (withRefusals ? c.refusedLate : 0);
  const refused = c.refusedEarly + c.refusedOnTime + c.refusedLate;
  return {
    receivedTotal: c.carriedOver + c.receivedOnline + c.receivedInPerson + c.receivedPostal,
    carriedOver: c.carriedOver,
    receivedOnline: c.receivedOnline,
    receivedInPersonOrPostal: c.receivedInPerson + c.receivedPostal,
    resolvedTotal: early + onTime + late,
    resolvedEarly: early,
    resolvedOnTime: onTime,
    resolvedLate: late,
    inProgressTotal: c.inProgressWithinTime + c.inProgressOverdue,
    inProgressWithinTime: c.inProgressWithinTime,
    inProgressOverdue: c.inProgressOverdue,
    returned: c.closedWithoutResult + (withRefusals ? 0 : refused),
    waitingSupplement: c.waitingSupplement,
  };
}

/**
 * The figures of a statistics form (Biểu 06 or 07a) from a store's counts per agency × procedure:
 * the rows of the breakdown asked for (any of agency, field, procedure, in that nesting order as
 * given) and the total row. A field is a function of the procedure, so summing procedures into
 * fields is exact.
 *
 * @example
 * ```ts
 * import { buildStatisticsForm, resolveReportPeriod, type DossierStore } from '@motcua/core';
 * declare const store: DossierStore;
 * const period = resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 15 });
 * const counts = await store.statisticsCounts({ from: period.from, to: period.to, rule: 'at-return' });
 * const form = buildStatisticsForm(counts, { form: '06', period, rule: 'at-return', by: ['agency'] });
 * console.log(form.total.receivedTotal, form.total.resolvedEarly);
 * ```
 */
export function buildStatisticsForm(
  counts: readonly StatisticsCountRow[],
  options: StatisticsFormOptions,
): StatisticsForm {
  const by = [...new Set(options.by)];
  const total = emptyStatisticsCounts();
  for (const c of counts) for (const k of STATISTICS_COUNT_KEYS) total[k] += c[k];
  const rowOf = (c: StatisticsCountRow) => {
    const info = options.procedureInfo?.(c.procedureCode);
    const row: {
      agency?: string;
      field?: string | null;
      fieldName?: string;
      procedure?: string;
      procedureName?: string;
    } = {};
    for (const key of by) {
      if (key === 'agency') row.agency = c.agency;
      else if (key === 'field') {
        row.field = info?.field?.code ?? null;
        if (info?.field) row.fieldName = info.field.name;
      } else {
        row.procedure = c.procedureCode;
        if (info?.name) row.procedureName = info.name;
      }
    }
    return row;
  };
  const keyOf = (r: ReturnType<typeof rowOf>, k: StatisticsGroupKey) =>
    k === 'agency' ? r.agency : k === 'field' ? r.field : r.procedure;
  const rows = (by.length > 0 ? breakdownRows(counts, by, rowOf, keyOf) : []).map((g) => {
    const sum = emptyStatisticsCounts();
    for (const c of g.members) for (const k of STATISTICS_COUNT_KEYS) sum[k] += c[k];
    return { ...g.row, figures: statisticsFigures(sum, options.form) };
  });
  return {
    form: options.form,
    period: options.period,
    rule: options.rule,
    by,
    asOf: options.asOf ?? options.period.to,
    rows,
    total: statisticsFigures(total, options.form),
  };
}
