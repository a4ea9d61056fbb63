import { type DossierView, type EngineEvent, ValidationError } from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DossierCodeSchema,
  EventBodySchema,
  FilingBodySchema,
  IdempotencyKeySchema,
  LateEntryQuerySchema,
  ListQuerySchema,
  LookupQuerySchema,
  parseRequest,
  ReceiveBodySchema,
  ReportQuerySchema,
  UnitReportQuerySchema,
} from './api-schemas.js';
import { HttpProblem } from './problem.js';
import { reportPeriod } from './report-period.js';
import { requireActor, type ServerContext, throttled } from './server-context.js';

/** The `Idempotency-Key` header, checked, or `undefined`. */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (Array.isArray(value))
    throw new HttpProblem(
      400,
      'INVALID_IDEMPOTENCY_KEY',
      'idempotency-key: sent more than once',
      'idempotency-key',
    );
  const parsed = IdempotencyKeySchema.safeParse(value);
  if (!parsed.success)
    throw new HttpProblem(
      400,
      'INVALID_IDEMPOTENCY_KEY',
      `idempotency-key: ${parsed.error.issues[0]!.message}`,
      'idempotency-key',
    );
  return parsed.data;
}

/** What a command answers: where the dossier stands (its summary has no personal data). */
function dossierResponse(view: DossierView) {
  return {
    code: view.code,
    version: view.version,
    state: view.state,
    status: view.status,
    nationalStatus: view.nationalStatus,
    summary: view.summary,
  };
}

function codeParam(request: FastifyRequest): string {
  return parseRequest(DossierCodeSchema, (request.params as { code?: unknown }).code, 'code');
}

const cursorOf = (s: { currentDueAt: string; code: string }) =>
  Buffer.from(JSON.stringify([s.currentDueAt, s.code])).toString('base64url');

function parseCursor(cursor: string): { currentDueAt: string; code: string } {
  try {
    const [currentDueAt, code] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof currentDueAt === 'string' && typeof code === 'string') return { currentDueAt, code };
  } catch {
    // fall through
  }
  throw new ValidationError('query', [{ field: 'after', message: 'not a cursor from a previous page' }]);
}

/**
 * The JSON API. Staff endpoints need an officer ({@link ServerContext.resolveActor}); the lookup is
 * public. Idempotency keys are namespaced by command (`receive:` / `event:<code>:`), so a key
 * reused on another endpoint or dossier never replays an unrelated result.
 */
export function registerApiRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { engine } = ctx;

  // Tiếp nhận hồ sơ.
  app.post('/api/dossiers', async (request, reply) => {
    const actor = await requireActor(ctx, request);
    const key = idempotencyKey(request);
    const body = parseRequest(ReceiveBodySchema, request.body, 'body');
    let view: DossierView;
    try {
      view = await engine.receive({
        procedure: body.procedure,
        ...(body.version ? { version: body.version } : {}),
        channel: body.channel,
        actor,
        applicant: body.applicant,
        application: body.application,
        ...(key ? { idempotencyKey: `receive:${key}` } : {}),
      });
    } catch (e) {
      // Only the desk receives: say so as a permission problem, not as bad data.
      if (e instanceof ValidationError && e.issues.some((i) => i.field === 'actor.unitId')) {
        throw new HttpProblem(
          403,
          'NOT_PERMITTED',
          'dossiers are received by the one-stop desk unit',
          'x-unit-id',
        );
      }
      throw e;
    }
    return reply
      .status(201)
      .header('location', `/api/dossiers/${encodeURIComponent(view.code)}`)
      .send({
        ...dossierResponse(view),
        secret: view.context.secret,
        receiptUrl: `/dossiers/${encodeURIComponent(view.code)}/receipt`,
      });
  });

  // Nộp hồ sơ trực tuyến: an online filing, kept as `submitted` until the desk accepts it (ACCEPT).
  app.post('/api/filings', async (request, reply) => {
    const actor = await requireActor(ctx, request);
    const key = idempotencyKey(request);
    const body = parseRequest(FilingBodySchema, request.body, 'body');
    const view = await engine.submit({
      procedure: body.procedure,
      ...(body.version ? { version: body.version } : {}),
      channel: body.channel,
      actor,
      applicant: body.applicant,
      application: body.application,
      ...(body.filing ? { filing: body.filing } : {}),
      ...(key ? { idempotencyKey: `filing:${key}` } : {}),
    });
    return reply
      .status(201)
      .header('location', `/api/dossiers/${encodeURIComponent(view.code)}`)
      .send({ ...dossierResponse(view), secret: view.context.secret });
  });

  // Xử lý hồ sơ: one officer event.
  app.post('/api/dossiers/:code/events', async (request) => {
    const actor = await requireActor(ctx, request);
    const code = codeParam(request);
    const key = idempotencyKey(request);
    const { expectedVersion, ...event } = parseRequest(EventBodySchema, request.body, 'body');
    const view = await engine.send(code, { ...event, actor } as EngineEvent, {
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(key ? { idempotencyKey: `event:${code}:${key}` } : {}),
    });
    return dossierResponse(view);
  });

  // The staff view: everything, with the journal, the control slip and the pending timers.
  app.get('/api/dossiers/:code', async (request) => {
    await requireActor(ctx, request);
    return engine.get(codeParam(request));
  });

  app.get('/api/dossiers', async (request) => {
    await requireActor(ctx, request);
    const q = parseRequest(ListQuerySchema, request.query, 'query');
    const items = await engine.list({
      ...(q.status ? { status: q.status } : {}),
      ...(q.holder ? { holder: q.holder } : {}),
      ...(q.procedure ? { procedureCode: q.procedure } : {}),
      ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore).toISOString() } : {}),
      ...(q.after ? { after: parseCursor(q.after) } : {}),
      limit: q.limit,
    });
    const last = items.at(-1);
    return { items, next: items.length === q.limit && last ? cursorOf(last) : null };
  });

  // Tra cứu hồ sơ: public, by code and secret; no personal data.
  // A code locked by too many failed guesses (from any address) answers 429 with Retry-After.
  app.get('/api/lookup', async (request) =>
    throttled(ctx, request, async () => {
      const q = parseRequest(LookupQuerySchema, request.query, 'query');
      return engine.lookup(q.code, q.secret);
    }),
  );

  // Cấp lại mã tra cứu: the desk issues a new lookup secret (the old one stops working, a locked
  // code is unlocked). The answer holds the new secret: hand it to the applicant only.
  app.post('/api/dossiers/:code/lookup-secret', async (request, reply) => {
    const actor = await requireActor(ctx, request);
    const code = codeParam(request);
    const key = idempotencyKey(request);
    const reissued = await engine.reissueSecret(code, {
      actor,
      ...(key ? { idempotencyKey: `reissue-secret:${code}:${key}` } : {}),
    });
    return reply.status(201).send(reissued);
  });

  // Báo cáo tình hình giải quyết TTHC.
  app.get('/api/reports', async (request) => {
    await requireActor(ctx, request);
    const q = parseRequest(ReportQuerySchema, request.query, 'query');
    const period = reportPeriod(q.from, q.to, engine.calendar);
    return { ...period, groupBy: q.groupBy, rows: await engine.report({ ...period, groupBy: q.groupBy }) };
  });

  // Steps closed per unit, early / on time / late, from the control slips.
  app.get('/api/reports/units', async (request) => {
    await requireActor(ctx, request);
    const q = parseRequest(UnitReportQuerySchema, request.query, 'query');
    const period = reportPeriod(q.from, q.to, engine.calendar);
    return { ...period, rows: await engine.unitReport(period) };
  });

  // Entries recorded late, per unit (hồ sơ cập nhật trễ hạn): counted by when they were entered.
  app.get('/api/reports/late-entries', async (request) => {
    await requireActor(ctx, request);
    const q = parseRequest(LateEntryQuerySchema, request.query, 'query');
    const period = reportPeriod(q.from, q.to, engine.calendar);
    const thresholdMs = q.thresholdMinutes * 60_000;
    return { ...period, thresholdMs, rows: await engine.lateEntries({ ...period, thresholdMs }) };
  });
}
