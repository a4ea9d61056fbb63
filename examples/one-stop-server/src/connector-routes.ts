import type { DvcqgInbound, DvcqgSync } from '@motcua/connectors/dvcqg';
import type { SectorWebhook } from '@motcua/connectors/sector-webhook';
import type { FastifyInstance } from 'fastify';
import { parseRequest, UnitReportQuerySchema } from './api-schemas.js';
import { html } from './html.js';
import { page } from './layout.js';
import { reportPeriod } from './report-period.js';
import { requireActor, type ServerContext } from './server-context.js';

/**
 * The connectors' endpoints: the national portal's filings and requests (for the portal's account,
 * identified like any caller), and sector systems' callbacks (authenticated by their signature over
 * the raw body, so that route reads the body as text).
 */
export function registerConnectorRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  connectors: {
    readonly dvcqgInbound?: DvcqgInbound;
    readonly dvcqgSync?: DvcqgSync;
    readonly sector?: SectorWebhook;
  },
): void {
  const sync = connectors.dvcqgSync;
  if (sync) {
    // Hồ sơ chưa đồng bộ lên Cổng DVCQG: indicator 1.4 of a period and the dossiers behind it.
    app.get('/connectors/dvcqg/unsynced', async (request, reply) => {
      await requireActor(ctx, request);
      const q = parseRequest(UnitReportQuerySchema, request.query, 'query');
      const report = await sync.report(reportPeriod(q.from, q.to, ctx.engine.calendar));
      const rows = report.unsynced.map(
        (u) => html`<tr><td>${u.code}</td><td>${u.state}</td><td>${u.lastErrorField ?? ''}</td></tr>`,
      );
      const body = html`<h1>Hồ sơ chưa đồng bộ lên Cổng Dịch vụ công quốc gia</h1>
<p>Từ ${q.from} đến ${q.to}: ${report.synced} / ${report.received} hồ sơ đã đồng bộ (tỷ lệ ${report.ratio === null ? 'không áp dụng' : `${Math.round(report.ratio * 100)}%`}, chỉ tiêu 1.4 của Quyết định 766/QĐ-TTg).</p>
<table><thead><tr><th>Mã hồ sơ</th><th>Tình trạng</th><th>Trường bị từ chối</th></tr></thead><tbody>${rows}</tbody></table>`;
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page({ title: 'Hồ sơ chưa đồng bộ', body, audience: 'staff', path: '/connectors/dvcqg/unsynced' }),
        );
    });
  }
  const inbound = connectors.dvcqgInbound;
  if (inbound) {
    // Nộp hồ sơ trực tuyến trên Cổng DVCQG: the filing becomes an online dossier (status 1).
    app.post('/api/connectors/dvcqg/filings', async (request, reply) => {
      await requireActor(ctx, request);
      const answer = await inbound.filing(request.body as never);
      return reply.status(answer.duplicate ? 200 : 201).send(answer);
    });
    // The applicant's withdrawal or stop request made on the portal.
    app.post('/api/connectors/dvcqg/requests', async (request) => {
      await requireActor(ctx, request);
      return inbound.request(request.body as never);
    });
  }
  const sector = connectors.sector;
  if (sector) {
    app.register(async (child) => {
      // The signature covers the body exactly as sent: keep it as text.
      child.addContentTypeParser(
        'application/json',
        { parseAs: 'string', bodyLimit: 256 * 1024 },
        (_r, body, done) => done(null, body),
      );
      child.post('/api/connectors/sector/:system', async (request, reply) => {
        const system = String((request.params as { system?: unknown }).system ?? '');
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(request.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
        const answer = await sector.handleCallback({ system, headers, body: String(request.body ?? '') });
        return reply.status(answer.status).send(answer.body);
      });
    });
  }
}
