import { escapeHtml } from './html-escape.js';
import { htmlDocument, type Paper, signatures, title } from './html-page.js';
import type { OfficeInfo } from './office-info.js';

/** `YYYY-MM-DD` written `DD/MM/YYYY`. */
export const dmy = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** An integer with its thousands grouped by `sep` (`.` in Vietnamese, `,` in English). */
const group3 = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** The labels both statistics forms' pages print alike (Vietnamese). */
export const COMMON_LABELS_VI = {
  issuedBy: 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ',
  reporter: 'Đơn vị báo cáo',
  recipient: 'Đơn vị nhận báo cáo',
  no: 'STT',
  grandTotal: 'Tổng cộng',
  noField: 'Chưa xác định lĩnh vực',
  preparer: 'Người lập biểu',
  head: 'Thủ trưởng đơn vị',
  signHint: '(Ký và ghi rõ họ tên)',
  placeDateBlank: '……, ngày … tháng … năm ……',
  number: (n: number): string => group3(n, '.'),
};

/** {@link COMMON_LABELS_VI} in English. */
export const COMMON_LABELS_EN: typeof COMMON_LABELS_VI = {
  issuedBy: 'Issued with Circular 01/2020/TT-VPCP of 21/10/2020 of the Government Office',
  reporter: 'Reporting unit',
  recipient: 'Reported to',
  no: 'No.',
  grandTotal: 'Total',
  noField: 'No field',
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

/** The printed labels a statistics form's page frames its grid with. */
interface StatisticsPageLabels {
  readonly formNumber: string;
  readonly issuedBy: string;
  readonly reporter: string;
  readonly recipient: string;
  readonly title: string;
  readonly unit: string;
  readonly preparer: string;
  readonly head: string;
  readonly signHint: string;
}

/** What {@link statisticsFormPage} puts around a statistics form's grid. */
export interface StatisticsPage {
  readonly office: OfficeInfo;
  readonly language: 'vi' | 'en';
  readonly paper: Paper;
  readonly labels: StatisticsPageLabels;
  /** The period's label, for the document's title. */
  readonly periodLabel: string;
  /** Lines under the title (the period, the day or instant counted to), as text. */
  readonly periodLines: readonly string[];
  /** The grid's rows, as HTML (headers, numbered columns, rows, total). */
  readonly grid: string;
  /** Notes under the grid, as text, under their heading; none printed when absent or empty. */
  readonly notes?: { readonly heading: string; readonly items: readonly string[] };
  /** The place-and-date line, as text. */
  readonly placeDate: string;
}

/**
 * The page of a statistics form of Circular 01/2020/TT-VPCP (Biểu 06, II.07a, II.07b): the form
 * number and its circular beside the reporting and receiving units, the title, the period lines,
 * the unit, the grid, the notes, the place-and-date line and the signatures of the preparer and
 * the head of unit, as a self-contained HTML document.
 */
export function statisticsFormPage(page: StatisticsPage): string {
  const L = page.labels;
  const notes = page.notes?.items.length
    ? `<div class="stat-notes"><b>${escapeHtml(page.notes.heading)}:</b><ul>${page.notes.items.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>\n`
    : '';
  const body = `<table class="stat-head"><tr>
<td><div class="stat-form-no">${escapeHtml(L.formNumber)}</div><div class="stat-issued">${escapeHtml(L.issuedBy)}</div></td>
<td class="right"><div>${escapeHtml(L.reporter)}: <b>${escapeHtml(page.office.agencyName)}</b></div><div>${escapeHtml(L.recipient)}: <b>${escapeHtml(page.office.governingBody)}</b></div></td>
</tr></table>
${title(L.title)}
${page.periodLines.map((t) => `<div class="stat-period">${escapeHtml(t)}</div>\n`).join('')}<div class="stat-unit">${escapeHtml(L.unit)}</div>
<table class="grid stat">
${page.grid}
</table>
${notes}<div class="place-date">${escapeHtml(page.placeDate)}</div>
${signatures({ title: L.preparer, hint: L.signHint, name: null }, { title: L.head, hint: L.signHint, name: null })}`;
  return htmlDocument(`${L.formNumber} – ${page.periodLabel}`, page.paper, CSS, body).replace(
    '<html lang="vi">',
    `<html lang="${page.language}">`,
  );
}
