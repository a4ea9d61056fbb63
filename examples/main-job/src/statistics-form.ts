/**
 * The official statistics form of the run's month: Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP)
 * for the report period on the 15th → 14th cut-off that holds the run's first day, counted by the
 * store, printed on the console, as a printable form and as a section of the HTML report, in the
 * labels' language.
 */
import { type Engine, reportPeriodContaining, type StatisticsForm } from '@motcua/core';
import { escapeHtml, type OfficeInfoInput, renderStatisticsFormHtml } from '@motcua/core/forms';
import type { JobLabels } from './labels.js';

/** Biểu 06 of the month (15th → 14th) that holds `start`, by field and procedure. */
export async function monthlyForm06(engine: Engine, start: string): Promise<StatisticsForm> {
  const period = reportPeriodContaining('month', 15, start);
  return engine.statisticsForm({ form: '06', period: period.period, by: ['field', 'procedure'] });
}

const periodLabel = (form: StatisticsForm, t: JobLabels) => form.period.label[t.language];

/** The console line of the form's totals. */
export function form06Line(form: StatisticsForm, t: JobLabels): string {
  const x = form.total;
  return (
    `${t.form06.line.padEnd(18)}${periodLabel(form, t)} (${t.date(form.period.firstDay)} – ${t.date(form.period.lastDay)}): ` +
    t.form06.totals({
      received: x.receivedTotal,
      carriedOver: x.carriedOver,
      online: x.receivedOnline,
      inPersonOrPostal: x.receivedInPersonOrPostal,
      resolved: x.resolvedTotal,
      early: x.resolvedEarly,
      onTime: x.resolvedOnTime,
      late: x.resolvedLate,
      inProgress: x.inProgressTotal,
      within: x.inProgressWithinTime,
      overdue: x.inProgressOverdue,
    })
  );
}

/** The printable form (A4 landscape), in the labels' language. */
export function form06Html(
  form: StatisticsForm,
  office: OfficeInfoInput,
  engine: Engine,
  t: JobLabels,
): string {
  return renderStatisticsFormHtml(form, {
    office,
    reportDate: engine.clock.now(),
    calendar: engine.calendar,
    language: t.language,
  });
}

/** The HTML report's section: the totals and a link to the printable form. */
export function form06Section(form: StatisticsForm, href: string, t: JobLabels): string {
  const x = form.total;
  const r = t.form06.rows;
  const row = (label: string, n: number) =>
    `<tr><th>${escapeHtml(label)}</th><td class="n">${t.number(n)}</td></tr>`;
  return `<h2>${escapeHtml(t.form06.title(periodLabel(form, t), form.period.firstDay, form.period.lastDay))}</h2>
<table>
${row(r.received, x.receivedTotal)}
${row(r.carriedOver, x.carriedOver)}
${row(r.online, x.receivedOnline)}
${row(r.inPersonOrPostal, x.receivedInPersonOrPostal)}
${row(r.resolved, x.resolvedTotal)}
${row(r.early, x.resolvedEarly)}
${row(r.onTime, x.resolvedOnTime)}
${row(r.late, x.resolvedLate)}
${row(r.inProgress, x.inProgressTotal)}
${row(r.within, x.inProgressWithinTime)}
${row(r.overdue, x.inProgressOverdue)}
</table>
<p><a href="${escapeHtml(href)}">${escapeHtml(t.form06.printable)}</a></p>`;
}
