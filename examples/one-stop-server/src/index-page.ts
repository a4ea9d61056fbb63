import {
  type IndexDrillPart,
  type IndicatorFigure,
  indexDrillParts,
  indicatorName,
  localName,
  type NationalIndexResult,
  type NationalIndexResultRow,
} from '@motcua/core';
import { html, type SafeHtml } from './html.js';
import { formatNumber, formatValue, INDEX_TEXTS, type IndexLanguage, naReason } from './index-labels.js';
import { barChart, lineChart } from './svg-charts.js';

/** How the index page ranks: by unit (default), agency or procedure. */
export type RankingBy = 'unit' | 'agency' | 'procedure';

/** What {@link renderIndexPage} shows. */
export interface IndexPageView {
  readonly lang: IndexLanguage;
  /** The period as the query gave it: local days, both included. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** The index of the whole period (`by: 'none'`), its months and its ranking rows. */
  readonly total: NationalIndexResult;
  readonly trend: NationalIndexResult;
  /** The trend's months (`YYYY-MM`), every one shown: a month without dossiers has no index row. */
  readonly trendMonths: readonly string[];
  readonly ranking: NationalIndexResult;
  readonly rankingBy: RankingBy;
  /** The indicator the ranking and the trend follow. */
  readonly indicator: string;
  /** The name of a ranking group (a procedure's name), or the group itself. */
  readonly groupLabel: (group: string) => string;
}

/** The part of a figure whose dossiers a link lists (core's `IndexDrillPart`). */
export type DrillPart = IndexDrillPart;

/** The link to the dossiers behind a figure's part (see the drill-down route). */
function drillHref(
  view: Pick<IndexPageView, 'lang' | 'firstDay' | 'lastDay' | 'total'>,
  indicator: string,
  part: DrillPart,
  filter?: { key: RankingBy; value: string },
): string {
  const q = new URLSearchParams({
    from: view.firstDay,
    to: view.lastDay,
    rule: view.total.rule,
    version: view.total.version.id,
    indicator,
    part,
  });
  if (filter) q.set(filter.key, filter.value);
  if (view.lang !== 'vi') q.set('lang', view.lang);
  return `/reports/index/dossiers?${q.toString()}`;
}

const fmtDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** A figure's value cell: the value, or N/A with the reason. */
function valueCell(f: IndicatorFigure, lang: IndexLanguage): SafeHtml {
  if (f.value !== null) return html`<td class="n" data-value="${f.value}">${formatValue(f, lang)}</td>`;
  const reason = f.na ? naReason(f.na, lang) : '';
  return html`<td class="na" data-value="NA">${INDEX_TEXTS[lang].na}${reason ? html`<div class="hint">${reason}</div>` : ''}</td>`;
}

function pointsCell(f: IndicatorFigure, lang: IndexLanguage): SafeHtml {
  if (f.points !== null)
    return html`<td class="n" data-points="${f.points}">${formatNumber(f.points, lang)}${f.maxPoints === null ? '' : ` / ${formatNumber(f.maxPoints, lang)}`}</td>`;
  const reason = f.pointsNa && f.pointsNa !== f.na ? naReason(f.pointsNa, lang) : '';
  return html`<td class="na" data-points="NA">${INDEX_TEXTS[lang].na}${reason ? html`<div class="hint">${reason}</div>` : ''}</td>`;
}

/** The numerator or denominator cell, linked to its dossiers. */
function countCell(
  view: IndexPageView,
  f: IndicatorFigure,
  part: 'numerator' | 'denominator',
  filter?: { key: RankingBy; value: string },
): SafeHtml {
  const n = f[part];
  if (n === null) return html`<td class="n">—</td>`;
  const text = formatNumber(n, view.lang);
  if (!indexDrillParts(f.measure).includes(part)) return html`<td class="n" data-${part}="${n}">${text}</td>`;
  return html`<td class="n" data-${part}="${n}"><a href="${drillHref(view, f.id, part, filter)}">${text}</a></td>`;
}

function scorecard(view: IndexPageView, row: NationalIndexResultRow): SafeHtml {
  const t = INDEX_TEXTS[view.lang];
  const max = Math.max(...row.groups.map((g) => g.maxPoints));
  const chart = barChart({
    title: t.scorecard,
    max,
    bars: row.groups.map((g) => ({
      label: `${g.group}. ${localName(g, view.lang)}`,
      value: g.points,
      max: g.maxPoints,
      text: `${formatNumber(g.points, view.lang)} / ${formatNumber(g.maxPoints, view.lang)}${g.complete ? '' : ` (${t.incomplete})`}`,
    })),
    labelWidth: 280,
    width: 760,
  });
  const groups = row.groups.map(
    (g) =>
      html`<tr data-group="${g.group}"><td>${g.group}. ${localName(g, view.lang)}</td><td class="n" data-points="${g.points}">${formatNumber(g.points, view.lang)} / ${formatNumber(g.maxPoints, view.lang)}</td><td>${g.complete ? '' : html`<span class="badge soon">${t.incomplete}</span>`}</td></tr>`,
  );
  const indicators = row.figures.map((f) => {
    const lowering = indexDrillParts(f.measure).includes('lowering')
      ? html` · <a href="${drillHref(view, f.id, 'lowering')}">${t.lowering}</a>`
      : '';
    return html`<tr data-indicator="${f.id}"><td class="code">${f.id}</td><td>${indicatorName(f, view.lang)}${lowering}</td>${valueCell(f, view.lang)}${countCell(view, f, 'numerator')}${countCell(view, f, 'denominator')}${pointsCell(f, view.lang)}</tr>`;
  });
  return html`<section id="diem" class="card">
<h2>${t.scorecard}</h2>
<p class="hint">${t.scorecardNote}</p>
${chart}
<table data-table="groups"><thead><tr><th>${t.group}</th><th>${t.points}</th><th></th></tr></thead><tbody>${groups}</tbody></table>
<h2>${t.indicators}</h2>
<table data-table="indicators"><thead><tr><th>${t.id}</th><th>${t.name}</th><th>${t.value}</th><th>${t.numerator}</th><th>${t.denominator}</th><th>${t.points}</th></tr></thead><tbody>${indicators}</tbody></table>
</section>`;
}

function trend(view: IndexPageView): SafeHtml {
  const t = INDEX_TEXTS[view.lang];
  const figures = view.trendMonths.map((month) => ({
    month,
    figure: view.trend.rows.find((r) => r.group === month)?.figures.find((f) => f.id === view.indicator),
  }));
  const days = figures.some((x) => x.figure?.unit === 'days');
  const known = figures.map((x) => x.figure?.value ?? 0);
  const max = days ? Math.max(1, Math.ceil(Math.max(...known, 0))) : 100;
  const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
  const chart = lineChart({
    title: t.trendOf(view.indicator),
    max,
    unit: days ? '' : '%',
    points: figures.map((x) => ({
      label: monthLabel(x.month),
      value: x.figure?.value ?? null,
      text: x.figure ? formatValue(x.figure, view.lang) : t.na,
    })),
  });
  const rows = figures.map(
    (x) =>
      html`<tr data-month="${x.month}"><td>${monthLabel(x.month)}</td>${x.figure ? valueCell(x.figure, view.lang) : html`<td class="na" data-value="NA">${t.na}<div class="hint">${t.none}</div></td>`}<td class="n">${x.figure?.numerator ?? '—'}</td><td class="n">${x.figure?.denominator ?? '—'}</td></tr>`,
  );
  return html`<section id="xu-huong" class="card">
<h2>${t.trend}: ${view.indicator}</h2>
${chart}
<table data-table="trend"><thead><tr><th>${t.month}</th><th>${t.value}</th><th>${t.numerator}</th><th>${t.denominator}</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

/** The ranking rows, best first: by the indicator's value (shorter first for days), N/A last. */
export function rankRows(
  rows: readonly NationalIndexResultRow[],
  indicator: string,
): { row: NationalIndexResultRow; figure: IndicatorFigure | undefined }[] {
  const ranked = rows.map((row) => ({ row, figure: row.figures.find((f) => f.id === indicator) }));
  const lowerIsBetter = ranked.some((r) => r.figure?.unit === 'days');
  return ranked.sort((a, b) => {
    const x = a.figure?.value ?? null;
    const y = b.figure?.value ?? null;
    if (x === null || y === null)
      return x === null ? (y === null ? a.row.group.localeCompare(b.row.group) : 1) : -1;
    if (x !== y) return lowerIsBetter ? x - y : y - x;
    return a.row.group.localeCompare(b.row.group);
  });
}

function ranking(view: IndexPageView): SafeHtml {
  const t = INDEX_TEXTS[view.lang];
  const ranked = rankRows(view.ranking.rows, view.indicator);
  if (ranked.length === 0)
    return html`<section id="xep-hang" class="card"><h2>${t.ranking}</h2><p class="empty">${t.none}</p></section>`;
  const days = ranked.some((r) => r.figure?.unit === 'days');
  const max = days ? Math.max(1, ...ranked.map((r) => r.figure?.value ?? 0)) : 100;
  const chart = barChart({
    title: `${t.ranking} ${t.rankingBy[view.rankingBy]}: ${view.indicator}`,
    max,
    bars: ranked.map((r) => ({
      label: view.groupLabel(r.row.group),
      value: r.figure?.value ?? null,
      text: r.figure ? formatValue(r.figure, view.lang) : t.na,
    })),
    labelWidth: 320,
    width: 780,
  });
  const filter = (group: string) => ({ key: view.rankingBy, value: group });
  const rows = ranked.map((r, i) => {
    const f = r.figure;
    const known = r.row.groups.reduce((s, g) => s + g.points, 0);
    return html`<tr data-group="${r.row.group}"><td class="n">${f?.value === null || !f ? '—' : i + 1}</td><td>${view.groupLabel(r.row.group)}</td>${f ? valueCell(f, view.lang) : html`<td class="na">${t.na}</td>`}${f ? countCell(view, f, 'numerator', filter(r.row.group)) : html`<td></td>`}${f ? countCell(view, f, 'denominator', filter(r.row.group)) : html`<td></td>`}<td class="n">${formatNumber(Math.round(known * 100) / 100, view.lang)}</td></tr>`;
  });
  return html`<section id="xep-hang" class="card">
<h2>${t.ranking} ${t.rankingBy[view.rankingBy]}</h2>
<p class="hint">${t.rankingNote(view.indicator)}</p>
${chart}
<table data-table="ranking"><thead><tr><th>${t.rank}</th><th>${t.group}</th><th>${t.value}</th><th>${t.numerator}</th><th>${t.denominator}</th><th>${t.knownPoints}</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

/**
 * The index page's body (bảng điều khiển chỉ số 766): the period and version, the scorecard with
 * points per group and every indicator's value, numerator, denominator and points (N/A with the
 * reason), the trend of one indicator per month, and the ranking of units, agencies or procedures
 * by it. Every count links to the paged list of the dossier codes behind it.
 */
export function renderIndexBody(view: IndexPageView): SafeHtml {
  const t = INDEX_TEXTS[view.lang];
  const total = view.total.rows[0];
  const langLink = (lang: IndexLanguage, label: string) => {
    const q = new URLSearchParams({
      from: view.firstDay,
      to: view.lastDay,
      rule: view.total.rule,
      by: view.rankingBy,
      indicator: view.indicator,
    });
    if (lang !== 'vi') q.set('lang', lang);
    return html`<a href="/reports/index?${q.toString()}" hreflang="${lang}">${label}</a>`;
  };
  return html`<h1>${t.title}</h1>
<p class="lead">${t.period}: <strong data-field="period">${fmtDay(view.firstDay)} – ${fmtDay(view.lastDay)}</strong> · ${t.version}: <strong data-field="version">${view.total.version.id}</strong> · ${t.rule}: ${t.rules[view.total.rule]} · ${view.lang === 'vi' ? langLink('en', 'English') : langLink('vi', 'Tiếng Việt')}</p>
<form class="inline" method="get" action="/reports/index">
<div><label for="from">${t.from}</label><input id="from" name="from" type="date" value="${view.firstDay}"></div>
<div><label for="to">${t.to}</label><input id="to" name="to" type="date" value="${view.lastDay}"></div>
${view.lang === 'vi' ? '' : html`<input type="hidden" name="lang" value="${view.lang}">`}
<button type="submit">${t.filter}</button>
</form>
${total ? scorecard(view, total) : html`<p class="empty">${t.none}</p>`}
${trend(view)}
${ranking(view)}`;
}

/** The drill-down page's body: one page of dossier codes, and the link to the next. */
export function renderDossierListBody(view: {
  readonly lang: IndexLanguage;
  readonly indicator: string;
  readonly part: DrillPart;
  readonly codes: readonly string[];
  readonly nextHref: string | null;
  readonly firstHref: string | null;
  readonly backHref: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly filter: string | null;
}): SafeHtml {
  const t = INDEX_TEXTS[view.lang];
  const partLabel = { numerator: t.numerator, denominator: t.denominator, lowering: t.lowering }[view.part];
  const rows = view.codes.map(
    (c, i) => html`<tr><td class="num">${i + 1}</td><td class="code">${c}</td></tr>`,
  );
  return html`<h1>${t.dossiersOf(view.indicator, partLabel)}</h1>
<p class="lead">${t.period}: ${fmtDay(view.firstDay)} – ${fmtDay(view.lastDay)}${view.filter ? html` · ${view.filter}` : ''} · <a href="${view.backHref}">${t.back}</a></p>
${view.codes.length ? html`<table data-list="dossiers"><thead><tr><th></th><th>${t.code}</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="empty">${t.none}</p>`}
<p>${view.firstHref ? html`<a href="${view.firstHref}">${t.first}</a> ` : ''}${view.nextHref ? html`<a href="${view.nextHref}" rel="next">${t.next}</a>` : ''}</p>`;
}
