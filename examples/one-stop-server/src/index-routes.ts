import {
  type Engine,
  indexVersion,
  localDateOf,
  parseLocalDate,
  reportPeriodContaining,
  ValidationError,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseRequest } from './api-schemas.js';
import { INDEX_TEXTS } from './index-labels.js';
import { type RankingBy, renderDossierListBody, renderIndexBody } from './index-page.js';
import { page } from './layout.js';
import { reportPeriod } from './report-period.js';
import { requireActor, type ServerContext } from './server-context.js';

const IndicatorId = z.string().regex(/^\d\.\d{1,2}$/, 'expected an indicator id such as 2.1');
const Version = z.string().regex(/^[a-z0-9-]{1,40}$/, 'expected an index version id such as f766-2025');
const Rule = z.enum(['national', 'at-return']).default('national');
const Lang = z.enum(['vi', 'en']).default('vi');

/**
 * Query of `GET /reports/index` (bảng chỉ số 766): `from` and `to` local days, both included
 * (default the current month); `version` an index version id (default the one in force on
 * `from`); `rule` national (default) or at-return; `by` what the ranking ranks: unit (default),
 * agency or procedure; `indicator` the indicator the ranking and the trend follow (default 2.1);
 * `months` how many months the trend shows, ending with the period's (default 6, 1–24); `lang`
 * vi (default) or en.
 */
const IndexPageQuerySchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    version: Version.optional(),
    rule: Rule,
    by: z.enum(['unit', 'agency', 'procedure']).default('unit'),
    indicator: IndicatorId.default('2.1'),
    months: z.coerce.number().int().min(1).max(24).default(6),
    lang: Lang,
  })
  .strict();

/**
 * Query of `GET /reports/index/dossiers` (danh sách hồ sơ của một chỉ số): the figure's period
 * (`from`, `to`, local days, both included), `rule`, `version`, `indicator` and `part` (numerator,
 * denominator or lowering), optionally one `unit`, `agency` or `procedure`, and the page: `after`
 * the last code of the previous page, `limit` (default 50, at most 500).
 */
const DossierListQuerySchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    version: Version.optional(),
    rule: Rule,
    indicator: IndicatorId,
    part: z.enum(['numerator', 'denominator', 'lowering']),
    unit: z.string().min(1).max(200).optional(),
    agency: z.string().min(1).max(200).optional(),
    procedure: z.string().min(1).max(200).optional(),
    after: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    lang: Lang,
  })
  .strict();

/** The calendar month holding local day `day` (`from` or today); a day report periods lack names `from`. */
function monthOf(day: string) {
  try {
    return reportPeriodContaining('month', 1, day);
  } catch {
    throw new ValidationError('query', [
      { field: 'from', message: 'expected a day in the years 1976 to 2200' },
    ]);
  }
}

/** The first day of the month `back` months before the month holding `day`. */
function monthsBefore(day: string, back: number): string {
  let month = monthOf(day);
  for (let i = 0; i < back; i++) month = monthOf(localDateOf(parseLocalDate(month.firstDay) - 1));
  return month.firstDay;
}

/** The months (`YYYY-MM`) from the one holding `firstDay` through the one holding `lastDay`. */
function monthsThrough(firstDay: string, lastDay: string): string[] {
  const last = lastDay.slice(0, 7);
  const months: string[] = [];
  for (let month = monthOf(firstDay); month.firstDay.slice(0, 7) <= last; ) {
    months.push(month.firstDay.slice(0, 7));
    month = monthOf(localDateOf(parseLocalDate(month.lastDay) + 1));
  }
  return months;
}

/** The name of a procedure (its newest version's), or the code. */
function procedureName(engine: Engine, code: string, lang: 'vi' | 'en'): string {
  const name = engine.procedures.versions(code).at(-1)?.definition.name;
  if (name === undefined) return code;
  return typeof name === 'string' ? name : lang === 'en' ? (name.en ?? name.vi) : name.vi;
}

/** The name of a unit as the first procedure naming it gives it, or the unit's id. */
function unitName(engine: Engine, unitId: string): string {
  for (const p of engine.procedures.all()) {
    const name = p.definition.units[unitId]?.name;
    if (name !== undefined) return name;
  }
  return unitId;
}

/** A ranking group's label: a procedure's or unit's name, an agency's code. */
function groupLabel(engine: Engine, by: RankingBy, group: string, lang: 'vi' | 'en'): string {
  if (by === 'procedure') return procedureName(engine, group, lang);
  if (by === 'unit') return unitName(engine, group);
  return group;
}

/**
 * The index pages for officers: `/reports/index`, the Decision 766 scorecard with its points per
 * group, the trend per month and the ranking (see {@link IndexPageQuerySchema}), and
 * `/reports/index/dossiers`, the paged dossier codes behind any of its figures. Each is one
 * `engine.nationalIndex` (or `nationalIndexDossiers`) call per part, counted by the store. A bad
 * query (the period's end before its start, an unknown version, indicator or part) is a 400
 * problem naming the field.
 */
export function registerIndexRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { engine } = ctx;

  app.get('/reports/index', async (request, reply) => {
    await requireActor(ctx, request);
    const q = parseRequest(IndexPageQuerySchema, request.query, 'query');
    const today = engine.calendar.localDate(engine.clock.now());
    const firstDay = q.from ?? monthOf(today).firstDay;
    const lastDay = q.to ?? monthOf(firstDay).lastDay;
    const period = reportPeriod(firstDay, lastDay, engine.calendar);
    const base = { rule: q.rule, ...(q.version ? { version: q.version } : {}) };
    const total = await engine.nationalIndex({ ...period, ...base, by: 'none' });
    if (!indexVersion(total.version.id, firstDay).indicators.some((i) => i.id === q.indicator))
      throw new ValidationError('query', [
        { field: 'indicator', message: 'not an indicator of the index version' },
      ]);
    // The trend ends with the period and starts `months − 1` months before its first month.
    const trendFrom = engine.calendar.startOfDay(monthsBefore(firstDay, q.months - 1) as never).toISOString();
    const trend = await engine.nationalIndex({
      from: trendFrom,
      to: period.to,
      ...base,
      version: total.version.id,
      by: 'month',
    });
    const trendMonths = monthsThrough(monthsBefore(firstDay, q.months - 1), lastDay);
    const ranking = await engine.nationalIndex({ ...period, ...base, by: q.by });
    const by: RankingBy = q.by;
    const body = renderIndexBody({
      lang: q.lang,
      firstDay,
      lastDay,
      total,
      trend,
      trendMonths,
      ranking,
      rankingBy: by,
      indicator: q.indicator,
      groupLabel: (g) => groupLabel(engine, by, g, q.lang),
    });
    return reply.type('text/html; charset=utf-8').send(
      page({
        title: INDEX_TEXTS[q.lang].short,
        body,
        audience: 'staff',
        path: '/reports/index',
        lang: q.lang,
      }),
    );
  });

  app.get('/reports/index/dossiers', async (request, reply) => {
    await requireActor(ctx, request);
    const q = parseRequest(DossierListQuerySchema, request.query, 'query');
    const period = reportPeriod(q.from, q.to, engine.calendar);
    const filter = q.unit
      ? { unit: q.unit }
      : q.agency
        ? { agency: q.agency }
        : q.procedure
          ? { procedure: q.procedure }
          : {};
    // One more than a page, to know whether a next page exists.
    const codes = await engine.nationalIndexDossiers({
      ...period,
      rule: q.rule,
      ...(q.version ? { version: q.version } : {}),
      indicator: q.indicator,
      part: q.part,
      ...filter,
      limit: q.limit + 1,
      ...(q.after ? { after: q.after } : {}),
    });
    const shown = codes.slice(0, q.limit);
    const link = (after?: string) => {
      const p = new URLSearchParams({
        from: q.from,
        to: q.to,
        rule: q.rule,
        indicator: q.indicator,
        part: q.part,
      });
      if (q.version) p.set('version', q.version);
      for (const [k, v] of Object.entries(filter)) p.set(k, v);
      if (q.limit !== 50) p.set('limit', String(q.limit));
      if (after) p.set('after', after);
      if (q.lang !== 'vi') p.set('lang', q.lang);
      return `/reports/index/dossiers?${p.toString()}`;
    };
    const back = new URLSearchParams({ from: q.from, to: q.to, rule: q.rule });
    if (q.version) back.set('version', q.version);
    if (q.lang !== 'vi') back.set('lang', q.lang);
    const [filterKey, filterValue] = Object.entries(filter)[0] ?? [];
    const body = renderDossierListBody({
      lang: q.lang,
      indicator: q.indicator,
      part: q.part,
      codes: shown,
      nextHref: codes.length > q.limit ? link(shown.at(-1)) : null,
      firstHref: q.after ? link() : null,
      backHref: `/reports/index?${back.toString()}`,
      firstDay: q.from,
      lastDay: q.to,
      filter:
        filterKey && filterValue
          ? `${filterKey}: ${groupLabel(engine, filterKey as RankingBy, filterValue, q.lang)}`
          : null,
    });
    return reply.type('text/html; charset=utf-8').send(
      page({
        title: INDEX_TEXTS[q.lang].dossiers,
        body,
        audience: 'staff',
        path: '/reports/index',
        lang: q.lang,
      }),
    );
  });
}
