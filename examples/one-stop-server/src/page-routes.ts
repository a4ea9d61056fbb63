import { LookupLockedError, MotcuaError, type PublicDossierView, ValidationError } from '@motcua/core';
import { receiptForm, renderReceiptHtml } from '@motcua/core/forms';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DeskQuerySchema, DossierCodeSchema, LookupQuerySchema, parseRequest } from './api-schemas.js';
import { loadDesk } from './desk.js';
import { renderDeskPage } from './desk-page.js';
import { STYLESHEET, STYLESHEET_PATH } from './layout.js';
import { renderLookupPage } from './lookup-page.js';
import { HttpProblem } from './problem.js';
import { requireActor, type ServerContext, throttled } from './server-context.js';

/** Content-Security-Policy of the printable forms, which carry their own inline styles. */
export const FORM_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const sendHtml = (reply: FastifyReply, status: number, text: string) =>
  reply.status(status).type('text/html; charset=utf-8').send(text);

/**
 * The HTML pages: the desk page for officers (`/desk`), the public lookup page (`/lookup`, a form
 * posted to itself) and the printable receipt (Form 01) of a dossier.
 */
export function registerPageRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { engine } = ctx;

  app.get('/', (_request, reply) => reply.redirect('/lookup'));

  app.get(STYLESHEET_PATH, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET),
  );

  app.get('/healthz', async () => ({ status: 'ok' }));

  // Danh sách hồ sơ đến hạn, quá hạn.
  app.get('/desk', async (request, reply) => {
    await requireActor(ctx, request);
    const q = parseRequest(DeskQuerySchema, request.query, 'query');
    const view = await loadDesk(engine, { horizonDays: q.days ?? ctx.deskHorizonDays, unit: q.unit });
    return sendHtml(reply, 200, renderDeskPage(view, engine.calendar));
  });

  app.get('/lookup', async (_request, reply) => sendHtml(reply, 200, renderLookupPage({}, engine.calendar)));

  app.post('/lookup', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const typed = typeof form.code === 'string' ? form.code.slice(0, 80) : '';
    let result: PublicDossierView;
    try {
      result = await throttled(ctx, request, async () => {
        const q = parseRequest(LookupQuerySchema, { code: form.code, secret: form.secret }, 'form');
        return engine.lookup(q.code, q.secret);
      });
    } catch (e) {
      if (e instanceof HttpProblem && e.status === 429) {
        if (e.retryAfter) reply.header('retry-after', String(e.retryAfter));
        const error = 'Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau ít phút.';
        return sendHtml(reply, 429, renderLookupPage({ code: typed, error }, engine.calendar));
      }
      if (e instanceof LookupLockedError) {
        reply.header('retry-after', String(e.retryAfterSeconds));
        const error =
          'Mã hồ sơ này đang tạm khóa tra cứu vì đã nhập sai mã tra cứu quá nhiều lần. Vui lòng thử lại sau, hoặc liên hệ bộ phận một cửa để được cấp lại mã tra cứu.';
        return sendHtml(reply, 429, renderLookupPage({ code: typed, error }, engine.calendar));
      }
      if (e instanceof ValidationError) {
        const error = 'Vui lòng nhập đúng mã hồ sơ và mã tra cứu.';
        return sendHtml(reply, 400, renderLookupPage({ code: typed, error }, engine.calendar));
      }
      if (e instanceof MotcuaError && e.code === 'LOOKUP_FAILED') {
        const error =
          'Không tìm thấy hồ sơ khớp với mã hồ sơ và mã tra cứu đã nhập. Vui lòng kiểm tra lại Giấy tiếp nhận.';
        return sendHtml(reply, 404, renderLookupPage({ code: typed, error }, engine.calendar));
      }
      throw e;
    }
    return sendHtml(reply, 200, renderLookupPage({ code: result.code, result }, engine.calendar));
  });

  // Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Form 01), to print for the applicant: holds personal data.
  app.get('/dossiers/:code/receipt', async (request, reply) => {
    await requireActor(ctx, request);
    const code = parseRequest(DossierCodeSchema, (request.params as { code?: unknown }).code, 'code');
    const record = await engine.get(code);
    const definition = engine.procedures.get(
      record.summary.procedureCode,
      record.summary.procedureVersion,
    ).definition;
    const form = receiptForm(definition, record.context, ctx.office, engine.calendar);
    return reply
      .header('content-security-policy', FORM_CSP)
      .type('text/html; charset=utf-8')
      .send(renderReceiptHtml(form));
  });
}
