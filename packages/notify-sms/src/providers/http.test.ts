import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HttpGateway, startHttpGateway } from '../test-support/http-gateway.js';
import { leakCheck } from '../test-support/wait.js';
import { createDevelopmentProvider } from './development.js';
import { createHttpProvider, type HttpProviderOptions, parseHttpDeliveryReceipt } from './http.js';
import type { OutgoingSms } from './provider.js';

const gateways: HttpGateway[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});
const leaks = leakCheck();
beforeAll(() => leaks.baseline());
afterAll(() => leaks.check());

async function gateway() {
  const g = await startHttpGateway();
  gateways.push(g);
  return g;
}

const message: OutgoingSms = {
  id: 'H56-260302-0001:1:sms.notice:receipt',
  to: '+84912345678',
  text: 'Ho so 000.00.14.H56-260302-0001 da duoc tiep nhan.',
  encoding: 'GSM-7',
  segments: 1,
};

function provider(g: HttpGateway, options: Partial<HttpProviderOptions> = {}) {
  const sleeps: number[] = [];
  const p = createHttpProvider({
    url: g.url,
    auth: { bearer: 'token-1' },
    headers: { 'x-brandname': 'UBND-BENNGHE' },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { p, sleeps };
}

describe('HTTP provider against a real HTTP server on loopback', () => {
  it('POSTs JSON with auth, extra headers and the outbox id as idempotency key', async () => {
    const g = await gateway();
    const { p } = provider(g);
    await expect(p.send(message)).resolves.toEqual({ providerMessageId: 'gw-000001' });
    expect(g.requests).toHaveLength(1);
    const [req] = g.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/send', body: { ...message } });
    expect(req!.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-brandname': 'UBND-BENNGHE',
      'idempotency-key': message.id,
      'content-type': 'application/json',
    });
  });

  it('maps the body and reads the message id as configured, with basic auth', async () => {
    const g = await gateway();
    const { p } = provider(g, {
      auth: { basic: { username: 'ubnd', password: 'pw' } },
      idempotencyHeader: 'X-Request-Id',
      body: (m) => ({ phone: m.to.slice(1), sms: m.text, unicode: m.encoding === 'UCS-2' ? 1 : 0 }),
      messageId: (body) => `ext-${(body as { messageId: string }).messageId}`,
    });
    await expect(p.send(message)).resolves.toEqual({ providerMessageId: 'ext-gw-000001' });
    expect(g.requests[0]!.body).toEqual({ phone: '84912345678', sms: message.text, unicode: 0 });
    expect(g.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ubnd:pw').toString('base64')}`);
    expect(g.requests[0]!.headers['x-request-id']).toBe(message.id);
  });

  it('retries 500, 429 and 503 with backoff and the same idempotency key', async () => {
    const g = await gateway();
    g.next('error-500', 'error-429', 'error-503-retry-after');
    const { p, sleeps } = provider(g, { retries: 3, retryDelayMs: 100 });
    await expect(p.send(message)).resolves.toEqual({ providerMessageId: 'gw-000001' });
    expect(g.requests.map((r) => r.behaviour)).toEqual([
      'error-500',
      'error-429',
      'error-503-retry-after',
      'ok',
    ]);
    expect(new Set(g.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([message.id]));
    expect(sleeps).toEqual([100, 200, 0]); // Retry-After: 0 wins over the backoff
  });

  it('gives up after its retries with a retryable error', async () => {
    const g = await gateway();
    g.next('error-500', 'error-500', 'error-500');
    const { p } = provider(g, { retries: 2 });
    await expect(p.send(message)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
      status: 500,
      message: 'gateway answered HTTP 500 Internal Server Error after 3 attempts',
    });
    expect(g.requests).toHaveLength(3);
  });

  it('does not retry a 400: permanent, and the echoed number stays out of the error', async () => {
    const g = await gateway();
    g.next('error-400');
    const { p } = provider(g);
    const error = await p.send(message).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_REJECTED', retryable: false, status: 400 });
    expect(JSON.stringify(error)).not.toMatch(/912345678/);
    expect((error as Error).message).not.toMatch(/912345678/);
    expect(g.requests).toHaveLength(1);
  });

  it('aborts a request that gets no answer and retries it', async () => {
    const g = await gateway();
    g.next('hang');
    const { p } = provider(g, { timeoutMs: 50 });
    await expect(p.send(message)).resolves.toEqual({ providerMessageId: 'gw-000001' });
    expect(g.requests.map((r) => r.behaviour)).toEqual(['hang', 'ok']);
    g.next('hang', 'hang');
    await expect(provider(g, { timeoutMs: 30, retries: 1 }).p.send(message)).rejects.toMatchObject({
      retryable: true,
      message: 'gateway unreachable (no answer within 30 ms) after 2 attempts',
    });
  });

  it('sends once to the handset when the answer to an accepted request is lost', async () => {
    const g = await gateway();
    g.next('drop-after-accept');
    const { p } = provider(g);
    await expect(p.send(message)).resolves.toEqual({ providerMessageId: 'gw-000001' });
    expect(g.requests.map((r) => r.behaviour)).toEqual(['drop-after-accept', 'ok']);
    expect(g.handset.size).toBe(1);
  });

  it('treats a gateway that is not there as retryable', async () => {
    const g = await gateway();
    const url = g.url;
    await g.close();
    gateways.splice(0);
    const p = createHttpProvider({ url, retries: 1, sleep: async () => {} });
    await expect(p.send(message)).rejects.toMatchObject({
      retryable: true,
      message: expect.stringMatching(
        /^gateway unreachable \(network error: ECONNREFUSED\) after 2 attempts$/,
      ),
    });
  });
});

describe('parseHttpDeliveryReceipt', () => {
  it('reads the usual field names and status words', () => {
    expect(parseHttpDeliveryReceipt('{"messageId":"gw-1","status":"DELIVERED"}')).toEqual({
      providerMessageId: 'gw-1',
      status: 'delivered',
      raw: 'DELIVERED',
    });
    expect(parseHttpDeliveryReceipt({ message_id: 7, stat: 'UNDELIV', err: '012' })).toEqual({
      providerMessageId: '7',
      status: 'failed',
      raw: 'UNDELIV',
      error: '012',
    });
    expect(parseHttpDeliveryReceipt({ id: 'a', state: 'expired' }).status).toBe('expired');
  });

  it('follows a mapping with nested fields and gateway-specific codes', () => {
    const receipt = parseHttpDeliveryReceipt(
      { data: { ref: 'gw-9', code: '0' } },
      { idField: 'data.ref', statusField: 'data.code', statuses: { '0': 'delivered', '2': 'failed' } },
    );
    expect(receipt).toMatchObject({ providerMessageId: 'gw-9', status: 'delivered' });
  });

  it('refuses what it cannot read, without repeating the body', () => {
    expect(() => parseHttpDeliveryReceipt('not json 0912345678')).toThrow(/not JSON/);
    expect(() => parseHttpDeliveryReceipt('[1]')).toThrow(/JSON object/);
    expect(() => parseHttpDeliveryReceipt({ status: 'DELIVRD' })).toThrow(/no message id/);
    expect(() => parseHttpDeliveryReceipt({ id: '1', status: 'maybe' })).toThrow(/unknown status/);
    try {
      parseHttpDeliveryReceipt('{"to":"0912345678"}');
    } catch (e) {
      expect(JSON.stringify(e)).not.toContain('0912345678');
    }
  });
});

describe('development provider', () => {
  it('writes one console line per message with the number masked', async () => {
    const lines: string[] = [];
    const p = createDevelopmentProvider({ write: (line) => lines.push(line) });
    await expect(p.send(message)).resolves.toEqual({ providerMessageId: `dev:${message.id}` });
    expect(lines).toEqual([`[sms] 09******78 (GSM-7, 1 part) ${message.id}: ${message.text}`]);
  });

  it('appends JSON lines to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-sms-'));
    try {
      const file = join(dir, 'sms.jsonl');
      const p = createDevelopmentProvider({ output: { file }, now: () => new Date('2026-03-02T02:00:00Z') });
      await p.send(message);
      await p.send({ ...message, id: 'second' });
      const rows = (await readFile(file, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows).toEqual([
        {
          at: '2026-03-02T02:00:00.000Z',
          id: message.id,
          to: '09******78',
          encoding: 'GSM-7',
          segments: 1,
          text: message.text,
        },
        expect.objectContaining({ id: 'second' }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
