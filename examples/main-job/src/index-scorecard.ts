/**
 * The Decision 766 index of the run's month (bảng điểm chỉ số 766): the month that holds the run's
 * first day, cut at the engine clock's now when the month is not over (open dossiers are judged
 * at the period's end, so a later end would judge them in the future). Counted by the store with
 * `engine.nationalIndex`; printed on the console and as a section of the HTML report, in the
 * labels' language.
 */
import {
  type Engine,
  type IndicatorFigure,
  indicatorName,
  localName,
  type NationalIndexResult,
  reportPeriodContaining,
} from '@motcua/core';
import { escapeHtml } from '@motcua/core/forms';
import type { JobLabels } from './labels.js';

/** The index of the month holding `start` (`YYYY-MM-DD`), to the month's end or now. */
export async function monthlyIndex(engine: Engine, start: string): Promise<NationalIndexResult> {
  const month = reportPeriodContaining('month', 1, start);
  const to = new Date(Math.min(Date.parse(month.to), engine.clock.now().getTime()));
  return engine.nationalIndex({ from: month.from, to, by: 'none' });
}

const figureText = (f: IndicatorFigure, t: JobLabels) =>
  f.value === null
    ? `${t.na} (${f.na ? t.naReason(f.na) : ''})`
    : f.unit === 'days'
      ? `${t.number(f.value, 2)} ${t.index.days} (${t.number(f.denominator ?? 0)} ${t.index.dossiers})`
      : `${t.percentValue(f.value)} (${t.number(f.numerator ?? 0)}/${t.number(f.denominator ?? 0)})`;
const pointsOf = (f: IndicatorFigure, t: JobLabels) =>
  f.points === null
    ? `${t.na}${f.value === null || !f.pointsNa ? '' : ` (${t.naReason(f.pointsNa)})`}`
    : `${t.number(f.points, 2)}/${t.number(f.maxPoints ?? 0, 2)}`;

/** The local day of an instant, as the labels write dates. */
function day(engine: Engine, instant: string, t: JobLabels, endExclusive = false): string {
  return t.date(engine.calendar.localDate(new Date(Date.parse(instant) - (endExclusive ? 1 : 0))));
}

/** The console lines: the period and version, the points per group, then every indicator. */
export function scorecardLines(index: NationalIndexResult, engine: Engine, t: JobLabels): string[] {
  const row = index.rows[0];
  const head = `${t.index.head.padEnd(18)}${day(engine, index.from, t)} – ${day(engine, index.to, t, true)}, ${t.index.version} ${index.version.id}, ${t.index.rule[index.rule]}`;
  if (!row) return [`${head}: ${t.index.noDossier}`];
  return [
    `${head}: ${row.groups.map((g) => `${t.index.group(g.group)} ${t.number(g.points, 2)}/${t.number(g.maxPoints, 2)}${g.complete ? '' : ` (${t.index.incomplete})`}`).join('; ')}`,
    ...row.figures.map(
      (f) =>
        `  ${f.id.padEnd(4)} ${indicatorName(f, t.language)}: ${figureText(f, t)}; ${t.index.points} ${pointsOf(f, t)}`,
    ),
  ];
}

/** The HTML report's section: points per group, and every indicator with its value and points. */
export function scorecardSection(index: NationalIndexResult, engine: Engine, t: JobLabels): string {
  const row = index.rows[0];
  const title = `<h2>${escapeHtml(t.index.title)} – ${escapeHtml(day(engine, index.from, t))} – ${escapeHtml(day(engine, index.to, t, true))}</h2>
<p>${escapeHtml(t.index.version)} ${escapeHtml(index.version.id)}, ${escapeHtml(t.index.ruleIn[index.rule])}. ${escapeHtml(t.index.note)}</p>`;
  if (!row) return `${title}<p>${escapeHtml(t.index.noDossier)}</p>`;
  const groups = row.groups
    .map(
      (g) =>
        `<tr data-group="${g.group}"><td>${g.group}. ${escapeHtml(localName(g, t.language))}</td><td class="n">${t.number(g.points, 2)} / ${t.number(g.maxPoints, 2)}</td><td>${g.complete ? '' : escapeHtml(t.index.incomplete)}</td></tr>`,
    )
    .join('');
  const figures = row.figures
    .map(
      (f) =>
        `<tr data-indicator="${escapeHtml(f.id)}"><td>${escapeHtml(f.id)}</td><td>${escapeHtml(indicatorName(f, t.language))}</td><td class="n">${escapeHtml(figureText(f, t))}</td><td class="n">${escapeHtml(pointsOf(f, t))}</td></tr>`,
    )
    .join('');
  return `${title}
<table><tr><th>${escapeHtml(t.index.groupColumn)}</th><th>${escapeHtml(t.index.pointsColumn)}</th><th></th></tr>${groups}</table>
<table><tr><th>${escapeHtml(t.index.idColumn)}</th><th>${escapeHtml(t.index.nameColumn)}</th><th>${escapeHtml(t.index.valueColumn)}</th><th>${escapeHtml(t.index.pointsColumn)}</th></tr>${figures}</table>`;
}
