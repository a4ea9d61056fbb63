import { renderStatisticsForm07bHtml, renderStatisticsFormHtml } from '@motcua/core/forms';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseRequest } from './api-schemas.js';
import { FORM_CSP } from './page-routes.js';
import { requireActor, type ServerContext } from './server-context.js';

const GroupKeys = z
  .string()
  .regex(
    /^(agency|field|procedure)(,(agency|field|procedure)){0,2}$/,
    'expected agency, field, procedure joined by commas',
  )
  .transform((s) => s.split(',') as ('agency' | 'field' | 'procedure')[]);

/**
 * Query of `GET /reports/forms/06`, `/07a` and `/07b` (kỳ báo cáo): `kind` month (default),
 * quarter, half-year, year or custom; `year` and `number` (the month 1–12, quarter 1–4 or half 1–2)
 * with `startDay` (default 15: the 15th → 14th convention; 1 for calendar months), or `from` and `to`
 * (local days, both included) for a custom period; `by` the breakdown (default field,procedure; on
 * 07b, which counts procedures, agency and/or field, default agency); `lang` vi (default) or en.
 */
const StatisticsFormPageQuerySchema = z
  .object({
    kind: z.enum(['month', 'quarter', 'half-year', 'year', 'custom']).default('month'),
    year: z.coerce.number().int().optional(),
    number: z.coerce.number().int().optional(),
    startDay: z.coerce.number().default(15),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    by: GroupKeys.optional(),
    lang: z.enum(['vi', 'en']).default('vi'),
  })
  .strict();

/** The report period of a page query, as core's `ReportPeriodSchema` takes it (core checks it). */
function periodOf(q: z.output<typeof StatisticsFormPageQuerySchema>, today: string): unknown {
  const year = q.year ?? Number(today.slice(0, 4));
  switch (q.kind) {
    case 'custom':
      return { kind: 'custom', from: q.from, to: q.to };
    case 'month':
      return { kind: 'month', year, month: q.number ?? Number(today.slice(5, 7)), startDay: q.startDay };
    case 'quarter':
      return { kind: 'quarter', year, quarter: q.number, startDay: q.startDay };
    case 'half-year':
      return { kind: 'half-year', year, half: q.number, startDay: q.startDay };
    case 'year':
      return { kind: 'year', year, startDay: q.startDay };
  }
}

/**
 * The official statistics forms as printable pages for officers (Circular 01/2020/TT-VPCP):
 * Biểu 06/VPCP/KSTT at `/reports/forms/06` and II.07a at `/reports/forms/07a` (dossiers), II.07b at
 * `/reports/forms/07b` (the procedure catalogue: procedures by level, under one-stop, approved
 * internal processes), for the period the query chooses (see {@link StatisticsFormPageQuerySchema});
 * a bad period is a 400 problem naming the field.
 */
export function registerStatisticsFormRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { engine } = ctx;
  app.get('/reports/forms/:form', async (request, reply) => {
    await requireActor(ctx, request);
    const form = parseRequest(
      z.enum(['06', '07a', '07b']),
      (request.params as { form?: unknown }).form,
      'form',
    );
    const q = parseRequest(StatisticsFormPageQuerySchema, request.query, 'query');
    const today = engine.calendar.localDate(engine.clock.now());
    const period = periodOf(q, today) as never;
    const render = {
      office: ctx.office,
      language: q.lang,
      reportDate: engine.clock.now(),
      calendar: engine.calendar,
    };
    const html =
      form === '07b'
        ? renderStatisticsForm07bHtml(
            await engine.statisticsForm({ form, period, by: (q.by ?? ['agency']) as never }),
            render,
          )
        : renderStatisticsFormHtml(
            await engine.statisticsForm({ form, period, by: q.by ?? ['field', 'procedure'] }),
            render,
          );
    return reply.header('content-security-policy', FORM_CSP).type('text/html; charset=utf-8').send(html);
  });
}
