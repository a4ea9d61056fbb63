/**
 * The official statistics form of the run's month: Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP)
 * for the report period on the 15th → 14th cut-off that holds the run's first day, counted by the
 * store, printed on the console, as a printable form and as a section of the HTML report.
 */
import { type Engine, reportPeriodContaining, type StatisticsForm } from '@motcua/core';
import { escapeHtml, type OfficeInfoInput, renderStatisticsFormHtml } from '@motcua/core/forms';

/** Numbers as on Vietnamese forms: 1.234. */
const vn = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Biểu 06 of the month (15th → 14th) that holds `start`, by field and procedure. */
export async function monthlyForm06(engine: Engine, start: string): Promise<StatisticsForm> {
  const period = reportPeriodContaining('month', 15, start);
  return engine.statisticsForm({ form: '06', period: period.period, by: ['field', 'procedure'] });
}

/** The console line of the form's totals. */
export function form06Line(form: StatisticsForm): string {
  const t = form.total;
  return (
    `Biểu 06           ${form.period.label.vi} (${form.period.firstDay} – ${form.period.lastDay}): ` +
    `tiếp nhận ${vn(t.receivedTotal)} (kỳ trước chuyển qua ${vn(t.carriedOver)}, trực tuyến ${vn(t.receivedOnline)}, ` +
    `trực tiếp và bưu chính ${vn(t.receivedInPersonOrPostal)}); đã giải quyết ${vn(t.resolvedTotal)} ` +
    `(trước hạn ${vn(t.resolvedEarly)}, đúng hạn ${vn(t.resolvedOnTime)}, quá hạn ${vn(t.resolvedLate)}); ` +
    `đang giải quyết ${vn(t.inProgressTotal)} (trong hạn ${vn(t.inProgressWithinTime)}, quá hạn ${vn(t.inProgressOverdue)})`
  );
}

/** The printable form (A4 landscape, Vietnamese). */
export function form06Html(form: StatisticsForm, office: OfficeInfoInput, engine: Engine): string {
  return renderStatisticsFormHtml(form, {
    office,
    reportDate: engine.clock.now(),
    calendar: engine.calendar,
  });
}

/** The HTML report's section: the totals and a link to the printable form. */
export function form06Section(form: StatisticsForm, href: string): string {
  const t = form.total;
  const row = (label: string, n: number) =>
    `<tr><th>${escapeHtml(label)}</th><td class="n">${vn(n)}</td></tr>`;
  return `<h2>Biểu số 06/VPCP/KSTT – ${escapeHtml(form.period.label.vi)} (từ ${escapeHtml(form.period.firstDay)} đến ${escapeHtml(form.period.lastDay)})</h2>
<table>
${row('Tổng số hồ sơ tiếp nhận', t.receivedTotal)}
${row('— kỳ trước chuyển qua', t.carriedOver)}
${row('— mới tiếp nhận trực tuyến', t.receivedOnline)}
${row('— mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích', t.receivedInPersonOrPostal)}
${row('Số hồ sơ đã giải quyết', t.resolvedTotal)}
${row('— trả trước hạn', t.resolvedEarly)}
${row('— trả đúng thời hạn', t.resolvedOnTime)}
${row('— trả quá hạn', t.resolvedLate)}
${row('Số hồ sơ đang giải quyết', t.inProgressTotal)}
${row('— trong hạn', t.inProgressWithinTime)}
${row('— quá hạn', t.inProgressOverdue)}
</table>
<p><a href="${escapeHtml(href)}">Biểu 06 in được (theo lĩnh vực, thủ tục)</a></p>`;
}
