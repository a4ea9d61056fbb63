import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { connect } from 'nats';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiaisonMessage } from '../liaison/liaison-message.js';
import { agencyToken, type NatsTransport, type NatsTransportOptions, natsTransport } from './index.js';
import { tcpCutProxy } from './tcp-cut-proxy.js';

/*
 * The NATS JetStream transport against a real server (127.0.0.1:4222, or MOTCUA_NATS_URL), on a
 * stream of its own per run, deleted at the end. Under CI=true an unreachable server fails the
 * run; elsewhere these tests are skipped, saying so.
 */

const SERVER = process.env.MOTCUA_NATS_URL ?? '127.0.0.1:4222';

function reachable(server: string, ms = 1500): Promise<boolean> {
  const [host, port] = server.replace(/^nats:\/\//, '').split(':');
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: host ?? '127.0.0.1', port: Number(port ?? 4222) });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const up = await reachable(SERVER);
const ci = !!process.env.CI && process.env.CI !== 'false';
if (!up && !ci) console.warn(`[liaison-nats] skipped: no NATS server at ${SERVER}`);

if (!up && ci) {
  describe('NATS transport (CI)', () => {
    it(`needs a NATS JetStream server at ${SERVER}`, () => {
      throw new Error(`no NATS server at ${SERVER}: CI requires it (nats-server -js)`);
    });
  });
}

const message = (id: string, to: string): LiaisonMessage => ({
  kind: 'accepted',
  id,
  from: 'ubnd-xa',
  to,
  at: '2026-03-02T02:00:00.000Z',
  parentCode: 'H56-260302-0001',
  memberId: 'residence',
  childCode: 'CA-260302-0001',
});

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

it('encodes agency ids as single subject tokens, distinct ids distinct', () => {
  expect(agencyToken('000.00.14.H56')).toBe('000_2e_00_2e_14_2e_H56');
  expect(agencyToken('a_b')).not.toBe(agencyToken('a.b'));
  expect(agencyToken('cong-an-xa')).toBe('cong-an-xa');
});

describe.runIf(up)('natsTransport (JetStream)', () => {
  const suffix = randomBytes(4).toString('hex');
  const stream = `MOTCUA_TRANSPORT_TEST_${suffix}`;
  const open: NatsTransport[] = [];
  const make = async (extra: NatsTransportOptions = {}) => {
    const t = await natsTransport({
      servers: SERVER,
      stream,
      subjectPrefix: `motcua.ttest.${suffix}`,
      durablePrefix: `tt-${suffix}`,
      retryDelayMs: 30,
      ...extra,
    });
    open.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of open) await t.close().catch(() => {});
    const admin = await connect({ servers: SERVER });
    try {
      await (await admin.jetstreamManager()).streams.delete(stream).catch(() => false);
    } finally {
      await admin.close();
    }
  });

  it('keeps messages for an agency nobody listens to, redelivers after a failure, drops duplicates by id', async () => {
    const t = await make();
    await t.publish(message('m1', '000.00.14.H56'));
    await t.publish(message('m1', '000.00.14.H56')); // a republished outbox item: same id
    await t.publish(message('m2', '000.00.14.H56'));
    const seen: string[] = [];
    let failed = false;
    const sub = await t.subscribe('000.00.14.H56', async (m) => {
      seen.push(m.id);
      if (m.id === 'm2' && !failed) {
        failed = true;
        throw new Error('handler failed');
      }
    });
    await waitFor(() => seen.filter((id) => id === 'm2').length === 2);
    await sub.stop();
    expect(seen).toEqual(['m1', 'm2', 'm2']);
  });

  it('a durable consumer resumes after its subscriber and connection went away', async () => {
    const first = await make();
    const seen: string[] = [];
    const sub = await first.subscribe('cong-an-xa', async (m) => {
      seen.push(m.id);
    });
    await first.publish(message('a', 'cong-an-xa'));
    await waitFor(() => seen.length === 1);
    await sub.stop();
    await first.close();
    const second = await make();
    await second.publish(message('b', 'cong-an-xa'));
    const again = await make();
    await again.subscribe('cong-an-xa', async (m) => {
      seen.push(m.id);
    });
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual(['a', 'b']);
  });

  it('reconnects after a cut longer than the client gives up by default: every message arrives once after it heals', async () => {
    const [host, port] = SERVER.replace(/^nats:\/\//, '').split(':');
    const proxy = await tcpCutProxy({ target: { host: host!, port: Number(port ?? 4222) } });
    const states: string[] = [];
    try {
      // Short waits between attempts: with the client's default of 10 attempts, it would give up
      // within about 2 s; the cut lasts longer. The number of attempts is left at the transport's default.
      const timing = {
        servers: proxy.url,
        reconnectTimeWaitMs: 100,
        ackWaitMs: 1000,
        onError: (_e: unknown, info: { connection?: string }) => {
          if (info.connection) states.push(info.connection);
        },
      };
      const desk = await make(timing);
      const agency = await make(timing);
      const seen: string[] = [];
      await agency.subscribe('so-tu-phap', async (m) => {
        seen.push(m.id);
      });
      await desk.publish(message('before', 'so-tu-phap'));
      await waitFor(() => seen.length === 1);
      // Its ack is in (otherwise the server rightly delivers it again after the cut).
      const other = await make();
      const jsm = await other.connection.jetstreamManager();
      const info = () => jsm.consumers.info(stream, agency.durable('so-tu-phap'));
      for (let i = 0; (await info()).num_ack_pending > 0; i++) {
        if (i > 100) throw new Error('the first message was never acknowledged');
        await new Promise((r) => setTimeout(r, 20));
      }

      proxy.cut();
      // Published by another engine (not behind the proxy) while this one is cut off.
      await other.publish(message('during', 'so-tu-phap'));
      await new Promise((r) => setTimeout(r, 3000));
      proxy.heal();

      // The desk's outbox tries again until the transport takes the message (bounded).
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await desk.publish(message('after', 'so-tu-phap'));
          break;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await waitFor(() => seen.includes('during') && seen.includes('after'), 15_000);
      await new Promise((r) => setTimeout(r, 200));
      expect([...seen].sort()).toEqual(['after', 'before', 'during']);
      expect(proxy.stats().severed).toBeGreaterThanOrEqual(2);
      expect(states).toContain('reconnecting');
      const health = await desk.health();
      expect(health).toMatchObject({ state: 'connected', healthy: true });
      expect(health.reconnects).toBeGreaterThanOrEqual(1);
      expect((await agency.health()).subscriptions).toEqual([{ agency: 'so-tu-phap', consuming: true }]);
    } finally {
      await proxy.close();
    }
  }, 40_000);

  it('sets up again a durable consumer the server lost, and keeps reading', async () => {
    const errors: string[] = [];
    const t = await make({
      pullExpiresMs: 2000,
      onError: (e) => errors.push((e as { code?: string }).code ?? String(e)),
    });
    const seen: string[] = [];
    await t.subscribe('bhxh', async (m) => {
      seen.push(m.id);
    });
    await t.publish(message('x1', 'bhxh'));
    await waitFor(() => seen.length === 1);
    const jsm = await t.connection.jetstreamManager();
    await jsm.consumers.delete(stream, t.durable('bhxh'));
    await t.publish(message('x2', 'bhxh'));
    await waitFor(() => seen.includes('x2'), 20_000);
    expect(errors).toContain('LIAISON_CONSUMER_LOST');
    expect((await t.health()).subscriptions).toEqual([{ agency: 'bhxh', consuming: true }]);
  }, 30_000);
});
