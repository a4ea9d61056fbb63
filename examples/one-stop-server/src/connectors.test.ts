/**
 * The connectors' endpoints over HTTP on loopback: a filing from the national portal becomes an
 * online dossier once and can be withdrawn from the portal; a sector system's signed callback
 * moves the dossier, an unsigned one is refused.
 */
import { dvcqgInbound } from '@motcua/connectors/dvcqg';
import { SIGNATURE_HEADER, sectorWebhook, signBody } from '@motcua/connectors/sector-webhook';
import { CATALOGUE_CODES, samplePermanentResidence } from '@motcua/procedures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './server.js';
import { actorHeaders, officers, startTestOffice, type TestOffice } from './test-office.js';

const SECRET = 'bí-mật-của-hệ-thống-cư-trú-đủ-32-ký-tự';
const portal = { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng DVCQG' };

describe('connector endpoints', () => {
  let office: TestOffice;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    office = await startTestOffice();
    const sector = sectorWebhook({
      systems: [
        {
          id: 'csdl-cu-tru',
          name: 'Cơ sở dữ liệu về cư trú',
          url: 'https://cu-tru.example.gov.vn/handoffs',
          keyId: 'k1',
          secret: SECRET,
          handoff: { procedures: [CATALOGUE_CODES.permanentResidence], steps: ['appraise'] },
          actor: { officerId: 'csdl-cu-tru', unitId: 'police', name: 'Hệ thống cư trú' },
          statuses: { HOAN_THANH: { event: 'HAND_OVER' } },
        },
      ],
    });
    await sector.attach(office.engine);
    const app = createServer({
      engine: office.engine,
      connectors: { dvcqgInbound: dvcqgInbound(office.engine, { actor: portal }), sector },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await office.close();
  });

  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
    return { status: r.status, body: (await r.json()) as any };
  };

  it('takes a portal filing once (201, then 200), and the applicant’s withdrawal from the portal', async () => {
    const filing = JSON.stringify({
      id: 'G22-000777',
      procedure: CATALOGUE_CODES.permanentResidence,
      channel: 'online-full',
      submittedAt: '2026-03-02T07:30:00+07:00',
      applicant: samplePermanentResidence.applicant,
      application: samplePermanentResidence.application,
    });
    const first = await post('/api/connectors/dvcqg/filings', filing, actorHeaders(portal));
    expect(first).toMatchObject({ status: 201, body: { nationalStatus: { code: 1 }, duplicate: false } });
    expect(JSON.stringify(first.body)).not.toContain(samplePermanentResidence.applicant.fullName);
    const again = await post('/api/connectors/dvcqg/filings', filing, actorHeaders(portal));
    expect(again).toMatchObject({ status: 200, body: { code: first.body.code, duplicate: true } });
    const early = await post(
      '/api/connectors/dvcqg/requests',
      JSON.stringify({ filingId: 'G22-000999', kind: 'withdraw' }),
      actorHeaders(portal),
    );
    expect(early).toMatchObject({ status: 409, body: { code: 'FILING_NOT_FOUND', field: 'filingId' } });
    const withdrawn = await post(
      '/api/connectors/dvcqg/requests',
      JSON.stringify({ filingId: 'G22-000777', kind: 'withdraw' }),
      actorHeaders(portal),
    );
    expect(withdrawn).toMatchObject({ status: 200, body: { nationalStatus: { code: 7 } } });
    const bad = await post(
      '/api/connectors/dvcqg/filings',
      JSON.stringify({ id: 'x' }),
      actorHeaders(portal),
    );
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
    expect((await post('/api/connectors/dvcqg/filings', filing)).status).toBe(401);
  });

  it('moves a dossier on a signed sector callback and refuses an unsigned one', async () => {
    const received = await office.receive('permanentResidence');
    const code = received.body.code as string;
    await office.request('POST', `/api/dossiers/${code}/events`, {
      actor: officers.desk,
      body: { type: 'HAND_OVER' },
    });
    const body = JSON.stringify({ eventId: 'cu-tru-1', dossierCode: code, status: 'HOAN_THANH' });
    const unsigned = await post('/api/connectors/sector/csdl-cu-tru', body);
    expect(unsigned).toEqual({ status: 401, body: { code: 'BAD_SIGNATURE' } });
    const signed = await post('/api/connectors/sector/csdl-cu-tru', body, {
      [SIGNATURE_HEADER]: signBody(body, SECRET, office.clock.now()),
    });
    expect(signed).toMatchObject({ status: 200, body: { code, version: 3 } });
  });
});
