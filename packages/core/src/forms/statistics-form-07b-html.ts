import type { WorkingCalendar } from '../calendar/working-calendar.js';
import {
  STATISTICS_FORM_07B_COLUMN_GROUPS,
  type StatisticsForm07b,
  type StatisticsForm07bFigures,
  type StatisticsForm07bGroupKey,
  type StatisticsForm07bRow,
} from '../report/statistics-form-07b.js';
import { parseOrThrow } from '../validation/zod-issues.js';
import { escapeHtml } from './html-escape.js';
import type { Paper } from './html-page.js';
import { type OfficeInfoInput, OfficeInfoSchema } from './office-info.js';
import { COMMON_LABELS_EN, COMMON_LABELS_VI, dmy, statisticsFormPage } from './statistics-form-page.js';
import { formatPlaceDate } from './vietnamese-date.js';

/** Options of {@link renderStatisticsForm07bHtml}. */
export interface StatisticsForm07bRenderOptions {
  /** The reporting agency (`agencyName`) and the one it reports to (`governingBody`). */
  readonly office: OfficeInfoInput;
  /** Label language: Vietnamese (default) or English. Names of agencies and fields are printed as given. */
  readonly language?: 'vi' | 'en';
  /** Default A4 landscape. */
  readonly paper?: Paper;
  /** The report's date, for the place-and-date line (with `calendar`); dots to fill by hand when absent. */
  readonly reportDate?: Date | string;
  /** The calendar whose time zone dates the report (needed with `reportDate`). */
  readonly calendar?: WorkingCalendar;
}

const VI = {
  ...COMMON_LABELS_VI,
  formNumber: 'Biểu số II.07b/VPCP/KSTT',
  title: 'Tổng hợp số lượng thủ tục hành chính',
  period: (label: string, first: string, last: string) =>
    `Kỳ báo cáo: ${label} (từ ngày ${dmy(first)} đến ngày ${dmy(last)})`,
  asOf: (day: string) => `Danh mục thủ tục hành chính có hiệu lực ngày ${dmy(day)}`,
  unit: 'Đơn vị tính: Số thủ tục hành chính, số quy trình',
  group: { agency: 'Cơ quan, đơn vị', field: 'Lĩnh vực' } as Record<StatisticsForm07bGroupKey, string>,
  notes: 'Ghi chú',
  notDeclared: {
    levels: (n: number) =>
      `${n} thủ tục hành chính chưa khai báo cấp thực hiện (không tính vào các cột theo cấp)`,
    mechanism: (n: number) =>
      `${n} thủ tục hành chính chưa khai báo có thực hiện theo cơ chế một cửa, một cửa liên thông hay không (không tính vào nhóm cột thứ hai)`,
    internalProcesses: (n: number) => `${n} thủ tục hành chính chưa khai báo quy trình nội bộ được phê duyệt`,
  },
};

type Labels = typeof VI;

const EN: Labels = {
  ...COMMON_LABELS_EN,
  formNumber: 'Form II.07b/VPCP/KSTT',
  title: 'Number of administrative procedures',
  period: (label, first, last) => `Report period: ${label} (${first} to ${last})`,
  asOf: (day) => `Procedure catalogue in force on ${day}`,
  unit: 'Unit: procedures, processes',
  group: { agency: 'Agency, unit', field: 'Field' },
  notes: 'Notes',
  notDeclared: {
    levels: (n) => `${n} procedure(s) with no level declared (in no level column)`,
    mechanism: (n) =>
      `${n} procedure(s) not declared as under one-stop or not (not in the second column group)`,
    internalProcesses: (n) => `${n} procedure(s) with no approved internal process declared`,
  },
};

/** A row's cells in column order: per column group, its total then one cell per level. */
function cells(f: StatisticsForm07bFigures, form: StatisticsForm07b): number[] {
  return STATISTICS_FORM_07B_COLUMN_GROUPS.flatMap((g) => [
    f[g.id].total,
    ...form.levels.map((l) => f[g.id].byLevel[l] ?? 0),
  ]);
}

function groupText(row: StatisticsForm07bRow, key: StatisticsForm07bGroupKey, L: Labels): string {
  if (key === 'agency') return row.agency ?? '';
  return row.field === null ? L.noField : (row.fieldName ?? row.field ?? '');
}

/**
 * Biểu II.07b/VPCP/KSTT (Circular 01/2020/TT-VPCP; tổng hợp số lượng thủ tục hành chính) as a
 * printable HTML page: the form number and its circular, the reporting and receiving units, the
 * title, the report period and the day the catalogue is counted on, the grid (three column groups —
 * procedures, procedures under one-stop, approved internal processes — each a total and one column
 * per level of local government existing in the period, numbered (1)…(n)), one row per group and
 * the total row, the notes on procedures whose facts are not declared, the place-and-date line
 * and the signatures. Self-contained (no external resources).
 * @throws `ValidationError` when `options.office` is not valid office info.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderStatisticsForm07bHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const form = await engine.statisticsForm({ form: '07b', period: { kind: 'year', year: 2026, startDay: 15 } });
 * const html = renderStatisticsForm07bHtml(form, {
 *   office: {
 *     governingBody: 'UBND tỉnh Nghệ An', agencyName: 'Sở Tư pháp tỉnh Nghệ An',
 *     deskName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An', placeName: 'Nghệ An',
 *   },
 *   reportDate: new Date(), calendar: engine.calendar,
 * });
 * ```
 */
export function renderStatisticsForm07bHtml(
  form: StatisticsForm07b,
  options: StatisticsForm07bRenderOptions,
): string {
  const office = parseOrThrow(OfficeInfoSchema, options.office, 'office', 'options.office');
  const en = options.language === 'en';
  const L = en ? EN : VI;
  const by = form.by;
  const groupCols = Math.max(by.length, 1);
  const th = (text: string, attrs = '') => `<th${attrs}>${escapeHtml(text)}</th>`;
  const num = (n: number) => `<td class="n">${escapeHtml(L.number(n))}</td>`;
  const span = 1 + form.levels.length;
  const cellCount = STATISTICS_FORM_07B_COLUMN_GROUPS.length * span;

  const groupHeads =
    by.length === 0
      ? th(L.group.agency, ' rowspan="2"')
      : by.map((k) => th(L.group[k], ' rowspan="2"')).join('');
  const head = `<tr>${th(L.no, ' rowspan="2"')}${groupHeads}${STATISTICS_FORM_07B_COLUMN_GROUPS.map((g) => th(en ? g.en : g.vi, ` colspan="${span}"`)).join('')}</tr>
<tr>${STATISTICS_FORM_07B_COLUMN_GROUPS.map((g) => th(en ? g.totalEn : g.totalVi) + form.levels.map((l) => th(en ? g.levelEn[l] : g.levelVi[l])).join('')).join('')}</tr>
<tr>${Array.from({ length: 1 + groupCols + cellCount }, (_, i) => `<td class="num"><i>(${i + 1})</i></td>`).join('')}</tr>`;
  const rows = form.rows
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td>${by.map((k) => `<td>${escapeHtml(groupText(r, k, L))}</td>`).join('')}${cells(r.figures, form).map(num).join('')}</tr>`,
    )
    .join('\n');
  const total = `<tr class="total"><td></td><td colspan="${groupCols}">${escapeHtml(L.grandTotal)}</td>${cells(form.total, form).map(num).join('')}</tr>`;

  const notes = (['levels', 'mechanism', 'internalProcesses'] as const)
    .filter((k) => form.notDeclared[k].length > 0)
    .map((k) => `${L.notDeclared[k](form.notDeclared[k].length)}: ${form.notDeclared[k].join(', ')}`);
  const placeDate =
    options.reportDate !== undefined && options.calendar && !en
      ? formatPlaceDate(office.placeName, options.reportDate, options.calendar)
      : L.placeDateBlank;
  const label = en ? form.period.label.en : form.period.label.vi;
  return statisticsFormPage({
    office,
    language: en ? 'en' : 'vi',
    paper: options.paper ?? 'A4-landscape',
    labels: L,
    periodLabel: label,
    periodLines: [L.period(label, form.period.firstDay, form.period.lastDay), L.asOf(form.asOfDay)],
    grid: `${head}\n${rows}\n${total}`,
    notes: { heading: L.notes, items: notes },
    placeDate,
  });
}
