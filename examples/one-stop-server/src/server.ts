import type { DvcqgInbound, DvcqgSync } from '@motcua/connectors/dvcqg';
import type { SectorWebhook } from '@motcua/connectors/sector-webhook';
import type { Engine } from '@motcua/core';
import type { OfficeInfoInput } from '@motcua/core/forms';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { type ActorResolver, headerActor } from './actor-headers.js';
import { registerApiRoutes } from './api-routes.js';
import { registerConnectorRoutes } from './connector-routes.js';
import { html } from './html.js';
import { registerIndexRoutes } from './index-routes.js';
import { page } from './layout.js';
import { LookupThrottle, type LookupThrottleOptions } from './lookup-throttle.js';
import { registerPageRoutes } from './page-routes.js';
import { type Problem, toProblem } from './problem.js';
import type { ServerContext } from './server-context.js';
import { registerStatisticsFormRoutes } from './statistics-form-routes.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The engine to serve: its store, procedures, calendar and clock. */
  readonly engine: Engine;
  /** Who is calling (default {@link headerActor}, a placeholder: replace it with your authentication). */
  readonly actor?: ActorResolver;
  /**
   * Fastify's logger (pino): `false` (default), `true`, or pino options. Request lines carry the
   * method, the path without its query and the request id; bodies and headers are never logged.
   */
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Throttle of failed public lookups per client address, counted in the engine's store so that
   * every server process on it shares the counts (default: 10 per 15 minutes, on the engine's
   * clock): a {@link LookupThrottle}, or its options without the store; `false` turns it off. The
   * engine's own limit per dossier code applies either way.
   */
  readonly lookupThrottle?: LookupThrottle | Omit<LookupThrottleOptions, 'store'> | false;
  /** "Due soon" on the desk page, in working days (default 2). */
  readonly deskHorizonDays?: number;
  /** The office printed on the receipt (Form 01). */
  readonly office?: OfficeInfoInput;
  /** Behind a reverse proxy, trust its `X-Forwarded-For` (Fastify's `trustProxy`) so limits apply per client. */
  readonly trustProxy?: FastifyServerOptions['trustProxy'];
  /** Largest accepted body in bytes (default 256 KiB). */
  readonly bodyLimit?: number;
  /**
   * Connectors to mount (see the connectors guide): the national portal's inbound filings and
   * requests (`POST /api/connectors/dvcqg/filings`, `/requests`, for the portal's account), and
   * sector systems' signed callbacks (`POST /api/connectors/sector/:system`).
   */
  readonly connectors?: {
    readonly dvcqgInbound?: DvcqgInbound;
    /** The portal sync plugin: the page `/connectors/dvcqg/unsynced` lists what it has not synced. */
    readonly dvcqgSync?: DvcqgSync;
    readonly sector?: SectorWebhook;
  };
}

/** Content-Security-Policy of the pages: no scripts at all, styles from this server only. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const DEFAULT_OFFICE: OfficeInfoInput = {
  governingBody: 'UBND tỉnh',
  agencyName: 'UBND xã',
  deskName: 'Trung tâm Phục vụ hành chính công',
  placeName: 'Việt Nam',
};

const PAGE_TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần xác định cán bộ',
  403: 'Không có quyền thực hiện',
  404: 'Không tìm thấy',
  409: 'Hồ sơ đã thay đổi',
  429: 'Quá nhiều yêu cầu',
  503: 'Hệ thống tạm thời bận',
};

const pathOf = (url: string) => url.split('?', 1)[0] ?? url;
const isApi = (request: FastifyRequest) => pathOf(request.url).startsWith('/api/');

/** What the log may say about an unexpected error: its type, code and stack frames, not its message. */
function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}), stack: frames.join('\n') };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  reply.status(problem.status);
  if (isApi(request))
    return reply.type('application/problem+json').send({ ...problem, requestId: request.id });
  const title = PAGE_TITLES[problem.status] ?? 'Đã có lỗi xảy ra';
  const body = html`<h1>${title}</h1><div class="alert error" role="alert">${problem.detail}</div>
${problem.field ? html`<p>Trường không hợp lệ: <code data-field="${problem.field}">${problem.field}</code></p>` : ''}
<p class="meta">Mã lỗi ${problem.code} · mã yêu cầu ${request.id}</p>`;
  return reply.type('text/html; charset=utf-8').send(page({ title, body, audience: 'public', path: '' }));
}

function loggerOption(logger: ServerOptions['logger']): NonNullable<FastifyServerOptions['logger']> {
  if (!logger) return false;
  const safe = {
    req: (request: FastifyRequest) => ({ method: request.method, url: pathOf(request.url), id: request.id }),
  };
  const base = logger === true ? {} : logger;
  return { level: 'info', ...base, serializers: { ...safe, ...(base.serializers ?? {}) } };
}

/**
 * The HTTP service around an engine (not listening yet: call `listen`). Fastify with:
 *
 * - the JSON API under `/api` (receive, act, staff view, list, public lookup, reports), with
 *   problem responses (`application/problem+json`) that name the field at fault and never echo
 *   values;
 * - the desk page `/desk`, the public lookup page `/lookup` and the printable receipt
 *   `/dossiers/:code/receipt`, the official statistics forms `/reports/forms/06`, `/07a` and `/07b` for a
 *   chosen period, the Decision 766 index page `/reports/index` (scorecard, trend per month,
 *   ranking, inline SVG charts) with its drill-down `/reports/index/dossiers`, all HTML escaped, served with a script-free Content-Security-Policy;
 * - no caching of dynamic answers, `nosniff`, no referrer, no framing, and an `X-Request-Id` on
 *   every answer.
 *
 * The engine's timers are not started here: see `startService`.
 * @example
 * ```ts
 * const app = createServer({ engine, logger: true });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 * ```
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: loggerOption(options.logger),
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    // The router's own refusals (a malformed URL, an over-long path parameter) quote the path:
    // answer them with a fixed problem instead.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'BAD_URL';
      return sendProblem(request, reply, toProblem({ statusCode: status, code, message: '' }).problem);
    },
  });
  const ctx: ServerContext = {
    engine: options.engine,
    resolveActor: options.actor ?? headerActor,
    throttle:
      options.lookupThrottle === false
        ? null
        : options.lookupThrottle instanceof LookupThrottle
          ? options.lookupThrottle
          : new LookupThrottle({
              store: options.engine.store,
              now: () => options.engine.clock.now().getTime(),
              ...options.lookupThrottle,
            }),
    deskHorizonDays: options.deskHorizonDays ?? 2,
    office: options.office ?? DEFAULT_OFFICE,
  };

  // JSON for the API, and the lookup form's application/x-www-form-urlencoded; nothing else.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', PAGE_CSP);
    }
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = toProblem(error);
    const { problem } = mapped;
    if (mapped.serverFault) {
      request.log.error({ err: loggableError(error), code: problem.code }, 'request failed');
    } else {
      request.log.info(
        { status: problem.status, code: problem.code, field: problem.field },
        'request refused',
      );
    }
    if (mapped.retryAfter) reply.header('retry-after', String(mapped.retryAfter));
    return sendProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, toProblem({ statusCode: 404, code: 'NOT_FOUND', message: '' }).problem),
  );

  registerApiRoutes(app, ctx);
  if (options.connectors) registerConnectorRoutes(app, ctx, options.connectors);
  registerPageRoutes(app, ctx);
  registerStatisticsFormRoutes(app, ctx);
  registerIndexRoutes(app, ctx);
  return app;
}
