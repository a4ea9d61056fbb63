import type { DvcqgInbound } from '@motcua/connectors/dvcqg';
import type { SectorWebhook } from '@motcua/connectors/sector-webhook';
import type { FastifyInstance } from 'fastify';
import { requireActor, type ServerContext } from './server-context.js';

/**
 * The connectors' endpoints: the national portal's filings and requests (for the portal's account,
 * identified like any caller), and sector systems' callbacks (authenticated by their signature over
 * the raw body, so that route reads the body as text).
 */
export function registerConnectorRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  connectors: { readonly dvcqgInbound?: DvcqgInbound; readonly sector?: SectorWebhook },
): void {
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
