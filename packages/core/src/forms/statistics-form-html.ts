import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type {
  StatisticsFigures,
  StatisticsForm,
  StatisticsFormKind,
  StatisticsFormRow,
  StatisticsGroupKey,
} from '../report/statistics-form.js';
import { parseOrThrow } from '../validation/zod-issues.js';
import { escapeHtml } from './html-escape.js';
import type { Paper } from './html-page.js';
import { type OfficeInfoInput, OfficeInfoSchema } from './office-info.js';
import { COMMON_LABELS_EN, COMMON_LABELS_VI, dmy, statisticsFormPage } from './statistics-form-page.js';
import { formatPlaceDate, formatVietnameseDateTime } from './vietnamese-date.js';

/** Options of {@link renderStatisticsFormHtml}. */
export interface StatisticsFormRenderOptions {
  /** The reporting agency (đơn vị báo cáo: `agencyName`) and the one it reports to (`governingBody`). */
  readonly office: OfficeInfoInput;
  /** Label language: Vietnamese (default) or English. Names of units, fields and procedures are printed as given. */
  readonly language?: 'vi' | 'en';
  /** Default A4 landscape. */
  readonly paper?: Paper;
  /** Names of agencies by code, printed instead of the codes. */
  readonly agencyNames?: Readonly<Record<string, string>>;
  /** The report's date, for the place-and-date line (with `calendar`); dots to fill by hand when absent. */
  readonly reportDate?: Date | string;
  /** The calendar whose time zone dates the report (needed with `reportDate`). */
  readonly calendar?: WorkingCalendar;
}

type Labels = typeof COMMON_LABELS_VI & {
  formNumber: Record<StatisticsFormKind, string>;
  title: Record<StatisticsFormKind, string>;
  period: (label: string, first: string, last: string) => string;
  asOf: (at: string) => string;
  unit: string;
  group: Record<StatisticsGroupKey, string>;
  received: string;
  total: string;
  ofWhich: string;
  carriedOver: string;
  online: string;
  inPersonOrPostal: string;
  resolved: string;
  early: string;
  onTime: string;
  late: string;
  inProgress: string;
  withinTime: string;
  overdue: string;
  returned: string;
  waiting: string;
};

const VI: Labels = {
  ...COMMON_LABELS_VI,
  formNumber: { '06': 'Biểu số 06/VPCP/KSTT', '07a': 'Biểu số II.07a' },
  title: {
    '06': 'Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết thủ tục hành chính',
    '07a':
      'Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết thủ tục hành chính (kèm hồ sơ trả lại và hồ sơ chờ bổ sung)',
  },
  period: (label, first, last) => `Kỳ báo cáo: ${label} (từ ngày ${dmy(first)} đến ngày ${dmy(last)})`,
  asOf: (at) => `Số liệu tính đến ${at}`,
  unit: 'Đơn vị tính: Số hồ sơ TTHC',
  group: { agency: 'Cơ quan, đơn vị', field: 'Lĩnh vực', procedure: 'Thủ tục hành chính' },
  received: 'Số hồ sơ nhận giải quyết',
  total: 'Tổng số',
  ofWhich: 'Trong đó',
  carriedOver: 'Số kỳ trước chuyển qua',
  online: 'Số mới tiếp nhận trực tuyến',
  inPersonOrPostal: 'Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích',
  resolved: 'Số hồ sơ đã giải quyết',
  early: 'Trả trước hạn',
  onTime: 'Trả đúng thời hạn',
  late: 'Trả quá hạn',
  inProgress: 'Số hồ sơ đang giải quyết',
  withinTime: 'Trong hạn',
  overdue: 'Quá hạn',
  returned: 'Số hồ sơ trả lại',
  waiting: 'Số hồ sơ chờ bổ sung',
};

const EN: Labels = {
  ...COMMON_LABELS_EN,
  formNumber: { '06': 'Form 06/VPCP/KSTT', '07a': 'Form II.07a' },
  title: {
    '06': 'Situation and results of handling administrative procedures at the agency that handles them',
    '07a':
      'Situation and results of handling administrative procedures at the agency that handles them (with dossiers returned and waiting for supplementation)',
  },
  period: (label, first, last) => `Report period: ${label} (${first} to ${last})`,
  asOf: (at) => `Figures as of ${at}`,
  unit: 'Unit: administrative procedure dossiers',
  group: { agency: 'Agency, unit', field: 'Field', procedure: 'Procedure' },
  received: 'Dossiers to handle',
  total: 'Total',
  ofWhich: 'Of which',
  carriedOver: 'Carried over from the previous period',
  online: 'Newly received online',
  inPersonOrPostal: 'Newly received in person and by post',
  resolved: 'Dossiers resolved',
  early: 'Early',
  onTime: 'On time',
  late: 'Late',
  inProgress: 'Dossiers in progress',
  withinTime: 'Within time',
  overdue: 'Overdue',
  returned: 'Dossiers returned',
  waiting: 'Dossiers waiting for supplementation',
};

/** The cells of a row in column order, 06 or 07a. */
function figureCells(f: StatisticsFigures, form: StatisticsFormKind): number[] {
  const base = [
    f.receivedTotal,
    f.carriedOver,
    f.receivedOnline,
    f.receivedInPersonOrPostal,
    f.resolvedTotal,
    f.resolvedEarly,
    f.resolvedOnTime,
    f.resolvedLate,
    f.inProgressTotal,
    f.inProgressWithinTime,
    f.inProgressOverdue,
  ];
  return form === '07a' ? [...base, f.returned, f.waitingSupplement] : base;
}

function groupText(
  row: StatisticsFormRow,
  key: StatisticsGroupKey,
  L: Labels,
  agencyNames: Readonly<Record<string, string>>,
): string {
  if (key === 'agency') return agencyNames[row.agency ?? ''] ?? row.agency ?? '';
  if (key === 'field')
    return row.field === null ? L.noField : row.fieldName ? row.fieldName : (row.field ?? '');
  return row.procedureName ? `${row.procedure} – ${row.procedureName}` : (row.procedure ?? '');
}

/**
 * A statistics form (Biểu 06/VPCP/KSTT or II.07a, Circular 01/2020/TT-VPCP) as a printable HTML
 * page: the form number and its circular, the reporting and receiving units, the official title,
 * the report period with its days, the grid with the form's column headers and numbers (1)…(n),
 * one row per group and the total row, numbers written the Vietnamese way (1.234), the
 * place-and-date line and the signatures of the preparer and the head of unit. Labels are
 * Vietnamese by default, English with `language: 'en'`. Self-contained (no external resources).
 * @throws `ValidationError` when `options.office` is not valid office info.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderStatisticsFormHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const form = await engine.statisticsForm({
 *   form: '06', period: { kind: 'month', year: 2026, month: 3, startDay: 15 }, by: ['field', 'procedure'],
 * });
 * const html = renderStatisticsFormHtml(form, {
 *   office: {
 *     governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *     deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 *   },
 *   reportDate: new Date(), calendar: engine.calendar,
 * });
 * ```
 */
export function renderStatisticsFormHtml(form: StatisticsForm, options: StatisticsFormRenderOptions): string {
  const office = parseOrThrow(OfficeInfoSchema, options.office, 'office', 'options.office');
  const L = options.language === 'en' ? EN : VI;
  const names = options.agencyNames ?? {};
  const by = form.by;
  const cellCount = form.form === '07a' ? 13 : 11;
  const groupCols = Math.max(by.length, 1);
  const th = (text: string, attrs = '') => `<th${attrs}>${escapeHtml(text)}</th>`;
  const num = (n: number) => `<td class="n">${escapeHtml(L.number(n))}</td>`;

  const groupHeads =
    by.length === 0
      ? th(L.group.agency, ' rowspan="3"')
      : by.map((k) => th(L.group[k], ' rowspan="3"')).join('');
  const extraHeads =
    form.form === '07a' ? th(L.returned, ' rowspan="3"') + th(L.waiting, ' rowspan="3"') : '';
  const head = `<tr>${th(L.no, ' rowspan="3"')}${groupHeads}${th(L.received, ' colspan="4"')}${th(L.resolved, ' colspan="4"')}${th(L.inProgress, ' colspan="3"')}${extraHeads}</tr>
<tr>${th(L.total, ' rowspan="2"')}${th(L.ofWhich, ' colspan="3"')}${th(L.total, ' rowspan="2"')}${th(L.ofWhich, ' colspan="3"')}${th(L.total, ' rowspan="2"')}${th(L.ofWhich, ' colspan="2"')}</tr>
<tr>${[L.carriedOver, L.online, L.inPersonOrPostal, L.early, L.onTime, L.late, L.withinTime, L.overdue].map((t) => th(t)).join('')}</tr>
<tr>${Array.from({ length: 1 + groupCols + cellCount }, (_, i) => `<td class="num"><i>(${i + 1})</i></td>`).join('')}</tr>`;

  const rows = form.rows
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td>${by.map((k) => `<td>${escapeHtml(groupText(r, k, L, names))}</td>`).join('')}${figureCells(r.figures, form.form).map(num).join('')}</tr>`,
    )
    .join('\n');
  const total = `<tr class="total"><td></td><td colspan="${groupCols}">${escapeHtml(L.grandTotal)}</td>${figureCells(form.total, form.form).map(num).join('')}</tr>`;

  const placeDate =
    options.reportDate !== undefined && options.calendar && options.language !== 'en'
      ? formatPlaceDate(office.placeName, options.reportDate, options.calendar)
      : L.placeDateBlank;
  const label = options.language === 'en' ? form.period.label.en : form.period.label.vi;
  const periodLines = [L.period(label, form.period.firstDay, form.period.lastDay)];
  if (form.asOf < form.period.to)
    periodLines.push(
      L.asOf(options.calendar ? formatVietnameseDateTime(form.asOf, options.calendar) : form.asOf),
    );
  return statisticsFormPage({
    office,
    language: options.language === 'en' ? 'en' : 'vi',
    paper: options.paper ?? 'A4-landscape',
    labels: { ...L, formNumber: L.formNumber[form.form], title: L.title[form.form] },
    periodLabel: label,
    periodLines,
    grid: `${head}\n${rows}\n${total}`,
    placeDate,
  });
}
