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
import { htmlDocument, type Paper, signatures, title } from './html-page.js';
import { type OfficeInfoInput, OfficeInfoSchema } from './office-info.js';
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

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const group3 = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

const VI = {
  formNumber: 'Biểu số II.07b/VPCP/KSTT',
  issuedBy: 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ',
  title: 'Tổng hợp số lượng thủ tục hành chính',
  period: (label: string, first: string, last: string) =>
    `Kỳ báo cáo: ${label} (từ ngày ${dmy(first)} đến ngày ${dmy(last)})`,
  asOf: (day: string) => `Danh mục thủ tục hành chính có hiệu lực ngày ${dmy(day)}`,
  reporter: 'Đơn vị báo cáo',
  recipient: 'Đơn vị nhận báo cáo',
  unit: 'Đơn vị tính: Số thủ tục hành chính, số quy trình',
  no: 'STT',
  group: { agency: 'Cơ quan, đơn vị', field: 'Lĩnh vực' } as Record<StatisticsForm07bGroupKey, string>,
  grandTotal: 'Tổng cộng',
  noField: 'Chưa xác định lĩnh vực',
  notes: 'Ghi chú',
  notDeclared: {
    levels: (n: number) =>
      `${n} thủ tục hành chính chưa khai báo cấp thực hiện (không tính vào các cột theo cấp)`,
    mechanism: (n: number) =>
      `${n} thủ tục hành chính chưa khai báo có thực hiện theo cơ chế một cửa, một cửa liên thông hay không (không tính vào nhóm cột thứ hai)`,
    internalProcesses: (n: number) => `${n} thủ tục hành chính chưa khai báo quy trình nội bộ được phê duyệt`,
  },
  preparer: 'Người lập biểu',
  head: 'Thủ trưởng đơn vị',
  signHint: '(Ký và ghi rõ họ tên)',
  placeDateBlank: '……, ngày … tháng … năm ……',
  number: (n: number) => group3(n, '.'),
};

type Labels = typeof VI;

const EN: Labels = {
  formNumber: 'Form II.07b/VPCP/KSTT',
  issuedBy: 'Issued with Circular 01/2020/TT-VPCP of 21/10/2020 of the Government Office',
  title: 'Number of administrative procedures',
  period: (label, first, last) => `Report period: ${label} (${first} to ${last})`,
  asOf: (day) => `Procedure catalogue in force on ${day}`,
  reporter: 'Reporting unit',
  recipient: 'Reported to',
  unit: 'Unit: procedures, processes',
  no: 'No.',
  group: { agency: 'Agency, unit', field: 'Field' },
  grandTotal: 'Total',
  noField: 'No field',
  notes: 'Notes',
  notDeclared: {
    levels: (n) => `${n} procedure(s) with no level declared (in no level column)`,
    mechanism: (n) =>
      `${n} procedure(s) not declared as under one-stop or not (not in the second column group)`,
    internalProcesses: (n) => `${n} procedure(s) with no approved internal process declared`,
  },
  preparer: 'Prepared by',
  head: 'Head of unit',
  signHint: '(Signature and full name)',
  placeDateBlank: '……, date ……',
  number: (n) => group3(n, ','),
};

const CSS = `
table.stat-head { width: 100%; border-collapse: collapse; font-size: 0.92em; }
table.stat-head td { vertical-align: top; padding: 0; }
table.stat-head td.right { text-align: left; padding-left: 40%; }
.stat-form-no { font-weight: bold; }
.stat-issued { font-style: italic; }
.stat-period { text-align: center; }
.stat-unit { text-align: right; font-style: italic; font-size: 0.92em; }
table.grid.stat { font-size: 0.9em; }
table.grid.stat td.n { text-align: right; white-space: nowrap; }
table.grid.stat tr.total td { font-weight: bold; }
.stat-notes { font-size: 0.9em; margin-top: 4pt; }
.place-date { text-align: right; font-style: italic; margin-top: 6pt; }
`;

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
    .map(
      (k) =>
        `<li>${escapeHtml(`${L.notDeclared[k](form.notDeclared[k].length)}: ${form.notDeclared[k].join(', ')}`)}</li>`,
    );
  const notesHtml = notes.length
    ? `<div class="stat-notes"><b>${escapeHtml(L.notes)}:</b><ul>${notes.join('')}</ul></div>\n`
    : '';
  const placeDate =
    options.reportDate !== undefined && options.calendar && !en
      ? formatPlaceDate(office.placeName, options.reportDate, options.calendar)
      : L.placeDateBlank;
  const label = en ? form.period.label.en : form.period.label.vi;
  const body = `<table class="stat-head"><tr>
<td><div class="stat-form-no">${escapeHtml(L.formNumber)}</div><div class="stat-issued">${escapeHtml(L.issuedBy)}</div></td>
<td class="right"><div>${escapeHtml(L.reporter)}: <b>${escapeHtml(office.agencyName)}</b></div><div>${escapeHtml(L.recipient)}: <b>${escapeHtml(office.governingBody)}</b></div></td>
</tr></table>
${title(L.title)}
<div class="stat-period">${escapeHtml(L.period(label, form.period.firstDay, form.period.lastDay))}</div>
<div class="stat-period">${escapeHtml(L.asOf(form.asOfDay))}</div>
<div class="stat-unit">${escapeHtml(L.unit)}</div>
<table class="grid stat">
${head}
${rows}
${total}
</table>
${notesHtml}<div class="place-date">${escapeHtml(placeDate)}</div>
${signatures({ title: L.preparer, hint: L.signHint, name: null }, { title: L.head, hint: L.signHint, name: null })}`;
  return htmlDocument(`${L.formNumber} – ${label}`, options.paper ?? 'A4-landscape', CSS, body).replace(
    '<html lang="vi">',
    `<html lang="${en ? 'en' : 'vi'}">`,
  );
}
