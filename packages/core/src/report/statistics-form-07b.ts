import { z } from 'zod';
import {
  ADMINISTRATIVE_LEVELS,
  type AdministrativeLevel,
  type InternalProcessApproval,
  type ProcedureImplementation,
} from '../model/procedure-implementation.js';
import { inForceOn } from '../procedure/registry.js';
import { breakdownRows, compareCodes } from './breakdown-rows.js';
import type { ResolvedReportPeriod } from './report-period.js';

/**
 * How Biểu II.07b's rows break down: by the competent agency (cơ quan, đơn vị) or the field
 * (lĩnh vực) of each procedure, nested in the order given; `[]` for the total only.
 */
export const StatisticsForm07bGroupKeySchema = z.enum(['agency', 'field']);
/** See {@link StatisticsForm07bGroupKeySchema}. */
export type StatisticsForm07bGroupKey = z.infer<typeof StatisticsForm07bGroupKeySchema>;

/** What Biểu II.07b reads of one procedure version (a `ProcedureDefinition` fits). */
export interface CatalogueVersionFacts {
  /** National procedure code (mã TTHC): procedures are counted once per code. */
  readonly code: string;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | undefined;
  readonly name: { readonly vi: string };
  /** The competent agency (rows by agency). */
  readonly agency: string;
  /** The field (rows by field). */
  readonly sector?: { readonly code: string; readonly name: string } | undefined;
  readonly implementation?: ProcedureImplementation | undefined;
}

/**
 * The column groups of Biểu II.07b, as data: each is a total followed by one column per level of
 * local government existing during the period (see `ADMINISTRATIVE_LEVELS`). Labels as the form
 * prints them (Thanh Hóa's one-stop system's copy of the form; the official annex was not read).
 */
export const STATISTICS_FORM_07B_COLUMN_GROUPS = [
  {
    id: 'procedures',
    vi: 'Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương',
    en: 'Procedures within the local authorities’ competence',
    totalVi: 'Tổng số TTHC',
    totalEn: 'Total procedures',
    levelVi: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
    levelEn: { province: 'Province', district: 'District', commune: 'Commune' },
  },
  {
    id: 'oneStop',
    vi: 'TTHC được thực hiện theo cơ chế một cửa, một cửa liên thông',
    en: 'Procedures handled under the one-stop or inter-agency one-stop mechanism',
    totalVi: 'Tổng số TTHC',
    totalEn: 'Total procedures',
    levelVi: {
      province: 'Tại Bộ phận Một cửa cấp tỉnh',
      district: 'Tại Bộ phận Một cửa cấp huyện',
      commune: 'Tại Bộ phận Một cửa cấp xã',
    },
    levelEn: {
      province: 'At provincial one-stop desks',
      district: 'At district one-stop desks',
      commune: 'At commune one-stop desks',
    },
  },
  {
    id: 'processes',
    vi: 'Quy trình nội bộ giải quyết TTHC theo cơ chế một cửa, một cửa liên thông được ban hành',
    en: 'Internal processes for one-stop handling approved',
    totalVi: 'Tổng số quy trình',
    totalEn: 'Total processes',
    levelVi: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
    levelEn: { province: 'Province', district: 'District', commune: 'Commune' },
  },
] as const;

/** The id of a column group of Biểu II.07b. */
export type StatisticsForm07bColumnGroup = (typeof STATISTICS_FORM_07B_COLUMN_GROUPS)[number]['id'];

/** A group's cells: its total and one count per level (levels not existing in the period absent). */
export interface LevelCounts {
  readonly total: number;
  readonly byLevel: Readonly<Partial<Record<AdministrativeLevel, number>>>;
}

/** The cells of one row of Biểu II.07b, by column group. */
export type StatisticsForm07bFigures = Readonly<Record<StatisticsForm07bColumnGroup, LevelCounts>>;

/** One row of Biểu II.07b: its group (agency and/or field) and its cells. */
export interface StatisticsForm07bRow {
  readonly agency?: string;
  /** The field's code; `null` for procedures without a field. */
  readonly field?: string | null;
  readonly fieldName?: string;
  readonly figures: StatisticsForm07bFigures;
}

/**
 * The procedures in force whose facts are not declared, by fact (codes, sorted): they are in the
 * total of procedures but in no cell that needs the fact.
 */
export interface StatisticsForm07bNotDeclared {
  /** No level declared: in no level column. */
  readonly levels: readonly string[];
  /** No mechanism declared: not in the one-stop group. */
  readonly mechanism: readonly string[];
  /** Under one-stop (or undeclared mechanism) with no internal processes declared. */
  readonly internalProcesses: readonly string[];
}

/** Biểu II.07b's figures for one period. */
export interface StatisticsForm07b {
  readonly form: '07b';
  readonly period: ResolvedReportPeriod;
  readonly by: readonly StatisticsForm07bGroupKey[];
  /** The local day the catalogue is counted on: the period's last day, or today for a period not over. */
  readonly asOfDay: string;
  /** The level columns of the period: the levels of local government existing on some day of it. */
  readonly levels: readonly AdministrativeLevel[];
  readonly rows: readonly StatisticsForm07bRow[];
  /** The total row (tổng cộng), counted over distinct procedures (not the sum of overlapping rows). */
  readonly total: StatisticsForm07bFigures;
  readonly notDeclared: StatisticsForm07bNotDeclared;
}

/** What {@link buildStatisticsForm07b} takes besides the catalogue. */
export interface StatisticsForm07bOptions {
  readonly period: ResolvedReportPeriod;
  readonly by: readonly StatisticsForm07bGroupKey[];
  /** The day to count on when before the period's last day (a period not over yet). */
  readonly asOfDay?: string;
}

/** One procedure code in force, its versions' facts merged. */
interface MergedProcedure {
  readonly code: string;
  readonly agency: string;
  readonly sector: { readonly code: string; readonly name: string } | undefined;
  levels: Set<AdministrativeLevel> | undefined;
  mechanism: 'under' | 'none' | undefined;
  processes: Map<string, InternalProcessApproval> | undefined;
}

/** The versions in force on `day`, one entry per code; variants' declared facts are united. */
function mergeInForce(versions: readonly CatalogueVersionFacts[], day: string): MergedProcedure[] {
  const byCode = new Map<string, MergedProcedure>();
  for (const v of versions) {
    if (!inForceOn(v, day)) continue;
    let p = byCode.get(v.code);
    if (!p) {
      p = {
        code: v.code,
        agency: v.agency,
        sector: v.sector,
        levels: undefined,
        mechanism: undefined,
        processes: undefined,
      };
      byCode.set(v.code, p);
    }
    const facts = v.implementation;
    if (facts?.levels) p.levels = new Set([...(p.levels ?? []), ...facts.levels]);
    if (facts?.mechanism)
      p.mechanism = facts.mechanism !== 'none' || p.mechanism === 'under' ? 'under' : 'none';
    if (facts?.internalProcesses) {
      p.processes ??= new Map();
      for (const a of facts.internalProcesses) {
        if (a.date > day) continue; // not approved yet on the day
        p.processes.set(JSON.stringify([a.level, a.decision, a.date, a.issuer, a.case ?? '']), a);
      }
    }
  }
  return [...byCode.values()];
}

/** The levels existing on some day of a period starting on `first`. */
function levelsOfPeriod(first: string): AdministrativeLevel[] {
  return ADMINISTRATIVE_LEVELS.filter((l) => l.until === undefined || first <= l.until).map((l) => l.level);
}

function figuresOf(procedures: readonly MergedProcedure[], levels: readonly AdministrativeLevel[]) {
  const zero = () => Object.fromEntries(levels.map((l) => [l, 0])) as Record<AdministrativeLevel, number>;
  const out = {
    procedures: { total: 0, byLevel: zero() },
    oneStop: { total: 0, byLevel: zero() },
    processes: { total: 0, byLevel: zero() },
  };
  for (const p of procedures) {
    out.procedures.total += 1;
    const under = p.mechanism === 'under';
    if (under) out.oneStop.total += 1;
    for (const l of p.levels ?? []) {
      if (!(l in out.procedures.byLevel)) continue;
      out.procedures.byLevel[l] += 1;
      if (under) out.oneStop.byLevel[l] += 1;
    }
    if (p.mechanism === 'none') continue; // processes for one-stop handling only
    for (const a of p.processes?.values() ?? []) {
      out.processes.total += 1;
      if (a.level in out.processes.byLevel) out.processes.byLevel[a.level] += 1;
    }
  }
  return out;
}

/**
 * The figures of Biểu II.07b (Circular 01/2020/TT-VPCP; tổng hợp số lượng thủ tục hành chính): a
 * count over the procedure catalogue, not over dossiers. For the procedures in force on the
 * period's last day (each code once, its variants' facts united):
 * - the procedures, in total and by the level(s) of local government implementing them;
 * - those under the one-stop or inter-agency one-stop mechanism, in total and by level of desk;
 * - the internal processes approved by that day (their decision dated on or before it), in total
 *   and by level; processes of procedures declared outside one-stop are not counted.
 * A procedure implemented at several levels is in each level's column once, so the level cells may
 * add up to more than the total. Facts a version does not declare are never guessed: the
 * procedure stays in the total and is listed in `notDeclared`. Level columns are the levels
 * existing during the period (the district level ends on 30/06/2025).
 *
 * @example
 * ```ts
 * import { buildStatisticsForm07b, resolveReportPeriod } from '@motcua/core';
 * const period = resolveReportPeriod({ kind: 'year', year: 2026 });
 * const form = buildStatisticsForm07b(
 *   [{
 *     code: '1.001193', version: '2025.1', effectiveFrom: '2025-07-01', agency: 'UBND cấp xã',
 *     name: { vi: 'Đăng ký khai sinh' }, implementation: { levels: ['commune'], mechanism: 'one-stop' },
 *   }],
 *   { period, by: ['agency'] },
 * );
 * form.total.oneStop.byLevel.commune; // 1
 * form.notDeclared.internalProcesses; // ['1.001193']
 * ```
 */
export function buildStatisticsForm07b(
  versions: readonly CatalogueVersionFacts[],
  options: StatisticsForm07bOptions,
): StatisticsForm07b {
  const by = [...new Set(options.by)];
  const day =
    options.asOfDay !== undefined && options.asOfDay < options.period.lastDay
      ? options.asOfDay
      : options.period.lastDay;
  const levels = levelsOfPeriod(options.period.firstDay);
  const procedures = mergeInForce(versions, day);
  const rowOf = (p: MergedProcedure) => {
    const row: { agency?: string; field?: string | null; fieldName?: string } = {};
    for (const k of by) {
      if (k === 'agency') row.agency = p.agency;
      else {
        row.field = p.sector?.code ?? null;
        if (p.sector) row.fieldName = p.sector.name;
      }
    }
    return row;
  };
  const rows = (
    by.length > 0 ? breakdownRows(procedures, by, rowOf, (r, k) => (k === 'agency' ? r.agency : r.field)) : []
  ).map((g) => ({ ...g.row, figures: figuresOf(g.members, levels) }));
  const codes = (pick: (p: MergedProcedure) => boolean) =>
    procedures
      .filter(pick)
      .map((p) => p.code)
      .sort(compareCodes);
  return {
    form: '07b',
    period: options.period,
    by,
    asOfDay: day,
    levels,
    rows,
    total: figuresOf(procedures, levels),
    notDeclared: {
      levels: codes((p) => p.levels === undefined),
      mechanism: codes((p) => p.mechanism === undefined),
      internalProcesses: codes((p) => p.mechanism !== 'none' && p.processes === undefined),
    },
  };
}
