/**
 * The generic sector connector against a sector system on loopback (a real HTTP peer): signed
 * handoffs with a stable idempotency key through the outbox, and signed callbacks mapped to
 * dossier events by configuration, with replay protection and bad input named.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type SectorSystem, sectorWebhook } from './sector-webhook.js';
import { SIGNATURE_HEADER, signatureProblem, signBody } from './signature.js';

const SECRET = 'một-bí-mật-dùng-chung-đủ-dài-32-ký-tự';
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A sector system: verifies each handoff's signature, records it, answers as told. */
async function sectorPeer(answers: number[] = []) {
  const received: { key: string | undefined; body: unknown; signed: boolean }[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => resolve(text));
    });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const header = req.headers[SIGNATURE_HEADER] as string | undefined;
    const signed = signatureProblem(header, body, SECRET, new Date(), 10 * 365 * 86_400) === null;
    received.push({
      key: req.headers['idempotency-key'] as string | undefined,
      body: JSON.parse(body),
      signed,
    });
    res.statusCode = answers.shift() ?? 202;
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/handoffs`, received };
}

function system(url: string): SectorSystem {
  return {
    id: 'csdl-cu-tru',
    name: 'Cơ sở dữ liệu về cư trú',
    url,
    keyId: 'k1',
    secret: SECRET,
    timeoutMs: 500,
    handoff: { procedures: ['1.004194'], steps: ['appraise'] },
    actor: { officerId: 'csdl-cu-tru', unitId: 'police', name: 'Hệ thống cư trú' },
    project: (c) => ({ address: (c.application as { address: string }).address }),
    statuses: {
      DA_NHAN: { kind: 'ack' },
      HOAN_THANH: { event: 'HAND_OVER' },
      YEU_CAU_BO_SUNG: { event: 'REQUEST_SUPPLEMENT' },
      TU_CHOI: { event: 'REFUSE' },
    },
  };
}

async function setup(answers: number[] = []) {
  const peer = await sectorPeer(answers);
  const sector = sectorWebhook({ systems: [system(peer.url)] });
  const { engine, clock } = sampleEngine(new MemoryStore(), {
    start: '2026-03-02T09:00:00+07:00',
    plugins: [sector],
    backoff: { baseDelayMs: 1000, maxAttempts: 4, maxDelayMs: 60_000 },
  });
  await sector.attach(engine);
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      await engine.deliverOutbox();
      if ((await engine.store.outbox({ status: 'pending' })).length === 0) return;
      clock.advance({ minutes: 1 });
    }
  };
  const d = await engine.receive({
    procedure: '1.004194',
    channel: 'in-person',
    actor: sampleActors.desk,
    ...sampleReceipt,
  });
  const callback = (body: object, at = clock.now(), secret = SECRET) => {
    const text = JSON.stringify(body);
    return sector.handleCallback({
      system: 'csdl-cu-tru',
      headers: { [SIGNATURE_HEADER]: signBody(text, secret, at) },
      body: text,
    });
  };
  return { peer, sector, engine, clock, drain, code: d.code, callback };
}

describe('sectorWebhook', () => {
  it('posts a signed handoff when the dossier enters the system’s step, with one idempotency key across retries', async () => {
    const { peer, engine, drain, code } = await setup([500]);
    await engine.send(code, { type: 'HAND_OVER', actor: sampleActors.desk });
    await drain();
    expect(peer.received).toHaveLength(2);
    expect(peer.received.every((r) => r.signed)).toBe(true);
    expect(new Set(peer.received.map((r) => r.key)).size).toBe(1);
    expect(peer.received[1]?.body).toEqual({
      dossierCode: code,
      procedure: '1.004194',
      stepId: 'appraise',
      version: 2,
      data: { address: sampleReceipt.application.address },
    });
  });

  it('dead-letters a handoff the system refuses (4xx)', async () => {
    const { engine, drain, code } = await setup([400]);
    await engine.send(code, { type: 'HAND_OVER', actor: sampleActors.desk });
    await drain();
    expect((await engine.deadLetters())[0]?.lastError).toBe('SECTOR_REJECTED csdl-cu-tru: HTTP 400');
  });

  it('maps a signed callback to the dossier event, answers a replay once, and refuses a changed replay', async () => {
    const { engine, code, callback } = await setup();
    await engine.send(code, { type: 'HAND_OVER', actor: sampleActors.desk });
    expect(await callback({ eventId: 'e1', dossierCode: code, status: 'DA_NHAN' })).toEqual({
      status: 200,
      body: { code, recorded: true },
    });
    const done = await callback({
      eventId: 'e2',
      dossierCode: code,
      status: 'HOAN_THANH',
      note: 'Đã cập nhật',
    });
    expect(done).toMatchObject({ status: 200, body: { code, state: 'processing.approve' } });
    expect(
      await callback({ eventId: 'e2', dossierCode: code, status: 'HOAN_THANH', note: 'Đã cập nhật' }),
    ).toEqual(done);
    expect((await engine.get(code)).journal.filter((j) => j.type === 'HAND_OVER')).toHaveLength(2);
    expect(await callback({ eventId: 'e2', dossierCode: code, status: 'TU_CHOI', reasons: ['x'] })).toEqual({
      status: 409,
      body: { code: 'EVENT_CONFLICT', field: 'eventId' },
    });
  });

  it('refuses unsigned, wrongly signed and stale callbacks, bad bodies and unknown statuses, changing nothing', async () => {
    const { engine, clock, code, sector, callback } = await setup();
    await engine.send(code, { type: 'HAND_OVER', actor: sampleActors.desk });
    const body = { eventId: 'e9', dossierCode: code, status: 'HOAN_THANH' };
    expect(
      await sector.handleCallback({ system: 'csdl-cu-tru', headers: {}, body: JSON.stringify(body) }),
    ).toEqual({
      status: 401,
      body: { code: 'BAD_SIGNATURE' },
    });
    expect((await callback(body, clock.now(), `${SECRET}-khác`)).body).toEqual({ code: 'BAD_SIGNATURE' });
    expect((await callback(body, new Date(clock.now().getTime() - 301_000))).body).toEqual({
      code: 'STALE_SIGNATURE',
    });
    expect(await callback({ ...body, status: 'KHONG_BIET' })).toEqual({
      status: 422,
      body: { code: 'UNKNOWN_STATUS', field: 'status' },
    });
    expect(await callback({ ...body, extra: 1 })).toMatchObject({
      status: 422,
      body: { code: 'INVALID_INPUT' },
    });
    expect(await callback({ ...body, status: 'TU_CHOI' })).toEqual({
      status: 422,
      body: { code: 'INVALID_INPUT', field: 'reasons' },
    });
    expect(await sector.handleCallback({ system: 'khac', headers: {}, body: '{}' })).toMatchObject({
      status: 404,
    });
    // Not at the system's unit any more: the engine's own rules refuse it.
    await callback({ eventId: 'e10', dossierCode: code, status: 'HOAN_THANH' });
    expect(await callback({ eventId: 'e11', dossierCode: code, status: 'HOAN_THANH' })).toEqual({
      status: 409,
      body: { code: 'NOT_PERMITTED' },
    });
    expect((await engine.get(code)).version).toBe(3);
  });

  it('names a bad option when it is made', () => {
    const good = system('https://cu-tru.example.gov.vn/handoffs');
    expect(() =>
      sectorWebhook({ systems: [{ ...good, statuses: { X: { event: 'STOP' as never } } }] }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        field: expect.stringMatching(/^systems\[0\]\.statuses\.X/),
      }),
    );
    expect(() => sectorWebhook({ systems: [{ ...good, secret: 'ngắn' }] })).toThrow(
      expect.objectContaining({ field: 'systems[0].secret' }),
    );
  });
});
