/**
 * The main job's HTML report (báo cáo tình hình giải quyết hồ sơ): the figures, the sections the
 * other modules build, the daily chart and links to the documents, every text from the labels of
 * the run's language (Vietnamese by default).
 */
import { localName, type ReportRow } from '@motcua/core';
import { escapeHtml } from '@motcua/core/forms';
import type { LiaisonMemberTally, SimulationDay } from '@motcua/core/simulation';
import type { JobLabels } from './labels.js';
import type { NationalFacts, Showcase } from './national-facts.js';
import type { OnlineAndBoundary } from './online-and-boundary.js';
import type { PortalSyncFigures } from './portal-sync.js';
import type { ProvinceProcess } from './province-process.js';

/** A header cell, a text cell and a number cell. */
const th = (text: string) => `<th>${escapeHtml(text)}</th>`;
const td = (text: string) => `<td>${escapeHtml(text)}</td>`;
const tn = (text: string) => `<td class="n">${escapeHtml(text)}</td>`;
const h2 = (text: string) => `<h2>${escapeHtml(text)}</h2>`;
const p = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** An inline SVG line chart of the daily on-time rate (early or on time / resolved). */
function dailyRateChart(days: readonly SimulationDay[], t: JobLabels): string {
  const points = days.filter((d) => d.resolved > 0);
  const width = 760;
  const height = 240;
  const pad = 40;
  if (points.length === 0) return p(t.html.noneResolved);
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (rate: number) => height - pad - rate * (height - 2 * pad);
  const path = points
    .map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.timely / d.resolved).toFixed(1)}`)
    .join(' ');
  const dots = points
    .map(
      (d, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(d.timely / d.resolved).toFixed(1)}" r="3"><title>${escapeHtml(t.html.dayRate(d.date, d.timely / d.resolved, d.resolved))}</title></circle>`,
    )
    .join('');
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (r) =>
        `<line x1="${pad}" x2="${width - pad}" y1="${y(r)}" y2="${y(r)}" class="grid"/><text x="4" y="${y(r) + 4}">${escapeHtml(t.percent(r))}</text>`,
    )
    .join('');
  const labels = points
    .filter((_, i) => i % Math.ceil(points.length / 8) === 0)
    .map(
      (d) =>
        `<text x="${x(points.indexOf(d))}" y="${height - 10}" text-anchor="middle">${escapeHtml(t.date(d.date).slice(0, 5))}</text>`,
    )
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(t.html.dailyRate)}">${grid}<path d="${path}" class="line"/>${dots}${labels}</svg>`;
}

/** The liaisons of a run: parents at the centre's desk, their parts at the member agencies. */
export interface LiaisonSection {
  readonly parents: number;
  readonly handoffs: number;
  readonly outcomes: { readonly complete: number; readonly partial: number; readonly refused: number };
  readonly byLiaison: readonly { name: string; row: ReportRow | undefined }[];
  readonly members: readonly (LiaisonMemberTally & {
    liaisonName: string;
    memberName: string;
    agencyName: string;
  })[];
}

function liaisonHtml(l: LiaisonSection, t: JobLabels): string {
  const h = t.html;
  const liaisons = l.byLiaison
    .map(
      ({ name, row }) =>
        `<tr>${td(name)}${tn(t.number(row?.received ?? 0))}${tn(t.number(row?.resolved ?? 0))}${tn(t.percent(row?.earlyRate ?? 0))}${tn(t.percent(row?.onTimeRate ?? 0))}${tn(t.percent(row?.lateRate ?? 0))}</tr>`,
    )
    .join('');
  const members = l.members
    .map(
      (m) =>
        `<tr>${td(`${m.liaisonName}: ${m.memberName}`)}${td(m.agencyName)}${[m.handedOff, m.early, m.onTime, m.late, m.refused, m.supplemented, m.apologized].map((n) => tn(t.number(n))).join('')}</tr>`,
    )
    .join('');
  return `${h2(h.liaison)}
${p(h.liaisonSummary({ parents: l.parents, handoffs: l.handoffs, ...l.outcomes }))}
<table><tr>${[h.liaisonColumn, h.received, h.resolved, h.early, h.onTime, h.late].map(th).join('')}</tr>${liaisons}</table>
<h3>${escapeHtml(h.parts)}</h3>
<table><tr>${[h.part, h.agency, h.handedOff, h.early, h.onTime, h.late, h.refused, h.supplemented, h.apologized].map(th).join('')}</tr>${members}</table>`;
}

/** The national facts: dossiers by the portal's status, and the applicants' ratings at return. */
function nationalHtml(n: NationalFacts, t: JobLabels): string {
  const h = t.html;
  const statuses = n.statuses
    .map(
      (st) =>
        `<tr>${tn(String(st.status.code))}${td(localName(st.status, t.language))}${tn(t.number(st.dossiers))}</tr>`,
    )
    .join('');
  const scores = n.meanScores
    // Numbered criteria show their number; the two named ones (convenience, overall) their name only.
    .map(
      ({ criterion: c, mean }) =>
        `<tr>${td(/^\d+$/.test(c.id) ? c.id : '')}${td(localName(c, t.language))}${tn(t.fixed(mean, 2))}</tr>`,
    )
    .join('');
  return `${h2(h.nationalStatus)}
<table><tr>${[h.code, h.status, h.dossiers].map(th).join('')}</tr>${statuses}</table>
${h2(h.ratings)}
${p(t.facts.ratings(n))}
<table><tr>${th(h.criterion)}<th></th>${th(h.meanScore)}</tr>${scores}</table>`;
}

/** The dossier taken through every national fact. */
function showcaseHtml(s: Showcase, t: JobLabels): string {
  return `${h2(t.html.showcase)}
${p(`${s.code}: ${t.facts.showcase({ ...s, statuses: s.statuses.map(t.status).join(' → ') })}.`)}
${p(t.html.showcaseNote)}`;
}

/** The online filings and the cross-boundary dossier. */
function onlineHtml(o: OnlineAndBoundary, t: JobLabels): string {
  const h = t.html;
  const rows = o.filings
    .map(
      (f) =>
        `<tr>${td(f.code)}${td(f.statuses.map(t.status).join(' → '))}${td(f.paidVnd === undefined ? '' : t.facts.paid(f.paidVnd))}</tr>`,
    )
    .join('');
  const c = o.crossBoundary;
  return `${h2(h.online)}
${p(h.onlineNote)}
<table><tr>${[h.code, h.nationalStatuses, h.payment].map(th).join('')}</tr>${rows}</table>
${h2(h.crossBoundary)}
${p(`${c.code}: ${t.facts.crossBoundary(c)}. ${h.crossBoundaryNote}`)}`;
}

/** The procedure imported from a province's process table, and its dossier. */
function provinceHtml(x: ProvinceProcess, name: string, t: JobLabels): string {
  return `${h2(t.html.provinceProcess)}
<ol>${x.steps.map((s) => `<li>${escapeHtml(t.facts.step(s))}</li>`).join('')}</ol>
${p(`${t.html.provinceDossier} ${x.code}: ${t.facts.provinceProcess({ ...x, name })}.`)}`;
}

/** The sync with the national portal (simulated, through faults). */
function portalHtml(x: PortalSyncFigures, t: JobLabels): string {
  const h = t.html;
  const r = x.report;
  const minutes = (ms: number | undefined) => Math.round((ms ?? 0) / 60_000);
  return `${h2(h.portalSync)}
<table>
<tr>${th(h.portalSynced)}${tn(`${t.number(r.synced)} / ${t.number(r.received)} (${r.ratio === null ? t.na : t.percent(r.ratio)})`)}</tr>
<tr>${th(h.portalLag)}${tn(`${t.number(minutes(r.lagMs?.p50))} / ${h.minutes(minutes(r.lagMs?.p99))}`)}</tr>
<tr>${th(h.portalRecords)}${tn(`${t.number(x.records)}; ${t.number(x.duplicates)}`)}</tr>
<tr>${th(h.portalDead)}${tn(`${t.number(x.deadLetters)}; ${t.number(r.unsynced.length)}`)}</tr>
</table>`;
}

/** Entries recorded over an hour after they happened, per unit. */
function lateHtml(
  rows: readonly { unit: string; entries: number; late: number; maxDelayMs: number }[],
  t: JobLabels,
): string {
  const h = t.html;
  const body = rows
    .map(
      (r) =>
        `<tr>${td(r.unit)}${tn(t.number(r.entries))}${tn(t.number(r.late))}${tn(h.hours(r.maxDelayMs / 3_600_000))}</tr>`,
    )
    .join('');
  return `${h2(h.lateEntries)}
<table><tr>${[h.unit, h.entries, h.lateColumn, h.longestDelay].map(th).join('')}</tr>${body}</table>`;
}

/** The HTML report of a run: the figures, the daily chart and links to the documents. */
export function htmlReport(input: {
  labels: JobLabels;
  /** First and last day of the run (`YYYY-MM-DD`) and its seed. */
  period: { first: string; last: string; seed: number };
  report: ReportRow;
  byProcedure: readonly { name: string; row: ReportRow }[];
  days: readonly SimulationDay[];
  documents: readonly { href: string; label: string }[];
  liaison?: LiaisonSection;
  national?: NationalFacts;
  showcase?: Showcase;
  online?: OnlineAndBoundary;
  province?: { process: ProvinceProcess; name: string };
  /** The fee revenue of the sample dossiers that paid (core's feeRevenueReport). */
  feeRevenue?: Parameters<JobLabels['facts']['feeRevenue']>[0];
  portalSync?: PortalSyncFigures;
  lateEntries?: readonly { unit: string; entries: number; late: number; maxDelayMs: number }[];
  /** The section of the official statistics form (Biểu 06) of the run's month, as HTML. */
  statisticsForm?: string;
  /** The section of the Decision 766 index (points per group, indicators) of the run's month, as HTML. */
  index766?: string;
}): string {
  const t = input.labels;
  const h = t.html;
  const r = input.report;
  const channels = Object.entries(r.receivedByChannel)
    .map(([c, n]) => `<tr>${td(t.channel[c as keyof typeof t.channel] ?? c)}${tn(t.number(n))}</tr>`)
    .join('');
  const procedures = input.byProcedure
    .map(
      ({ name, row }) =>
        `<tr>${td(name)}${tn(t.number(row.received))}${tn(t.number(row.resolved))}${tn(t.percent(row.earlyRate))}${tn(t.percent(row.onTimeRate))}${tn(t.percent(row.lateRate))}${tn(t.number(row.inProgressWithinTime + row.inProgressOverdue))}</tr>`,
    )
    .join('');
  const docs = input.documents
    .map((d) => `<li><a href="${escapeHtml(d.href)}">${escapeHtml(d.label)}</a></li>`)
    .join('');
  const figure = (label: string, n: number, rate?: number) =>
    `<tr>${th(label)}${tn(rate === undefined ? t.number(n) : `${t.number(n)} (${t.percent(rate)})`)}</tr>`;
  return `<!doctype html>
<html lang="${t.language}"><head><meta charset="utf-8"><title>${escapeHtml(h.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.3rem .6rem}th{background:#f3f3f3}
.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{font-size:11px;fill:#555}.grid{stroke:#ddd}.line{fill:none;stroke:#0b6e4f;stroke-width:2}circle{fill:#0b6e4f}
</style></head><body>
<h1>${escapeHtml(h.title)}</h1>
${p(h.period(input.period.first, input.period.last, input.period.seed))}
${h2(h.report)}
<table>
${figure(h.carriedOver, r.carriedOver)}
${figure(h.received, r.received)}
${figure(h.resolved, r.resolved)}
${figure(`— ${t.console.early}`, r.early, r.earlyRate)}
${figure(`— ${t.console.onTime}`, r.onTime, r.onTimeRate)}
${figure(`— ${t.console.late}`, r.late, r.lateRate)}
${figure(h.refused, r.refused)}
${figure(h.withdrawn, r.withdrawn)}
${figure(h.inProgressWithin, r.inProgressWithinTime)}
${figure(h.inProgressOverdue, r.inProgressOverdue)}
</table>
${input.statisticsForm ?? ''}
${input.index766 ?? ''}
<h3>${escapeHtml(h.byChannel)}</h3><table><tr>${th(h.channel)}${th(h.dossiers)}</tr>${channels}</table>
<h3>${escapeHtml(h.byProcedure)}</h3><table><tr>${[h.procedure, h.received, h.resolved, h.early, h.onTime, h.late, h.open].map(th).join('')}</tr>${procedures}</table>
${input.liaison ? liaisonHtml(input.liaison, t) : ''}
${input.national ? nationalHtml(input.national, t) : ''}
${input.showcase ? showcaseHtml(input.showcase, t) : ''}
${input.online ? onlineHtml(input.online, t) : ''}
${input.province ? provinceHtml(input.province.process, input.province.name, t) : ''}
${input.feeRevenue ? `${h2(h.feeRevenue)}\n${p(`${t.facts.feeRevenue(input.feeRevenue)}.`)}` : ''}
${input.lateEntries ? lateHtml(input.lateEntries, t) : ''}
${input.portalSync ? portalHtml(input.portalSync, t) : ''}
${h2(h.dailyRate)}
${dailyRateChart(input.days, t)}
${h2(h.documents)}<ul>${docs}</ul>
</body></html>
`;
}
