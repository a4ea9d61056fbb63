import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import type { DossierContext, LiaisonTransport } from '@motcua/core';
import { type NatsTransport, natsTransport } from '@motcua/core/liaison-nats';
import { afterAll, describe, expect, it } from 'vitest';
import { birthLiaison2024 } from './birth-liaison.js';
import {
  actors,
  applicant,
  birthApplication,
  childOf,
  finishChild,
  liaisonCalendar,
  liaisonWorld,
} from './liaison-test-world.js';

/*
 * The liaison across engines that share nothing but a NATS JetStream server (127.0.0.1:4222, or
 * MOTCUA_NATS_URL). Each run uses its own stream and subjects (random suffix), deleted at the end.
 * Under CI=true an unreachable server fails the run; elsewhere these tests are skipped, saying so.
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
if (!up && !ci) {
  console.warn(
    `[liaison-nats] skipped: no NATS server at ${SERVER} (set MOTCUA_NATS_URL, or start nats-server -js)`,
  );
}

if (!up && ci) {
  describe('NATS JetStream liaison (CI)', () => {
    it(`needs a NATS JetStream server at ${SERVER}`, () => {
      throw new Error(`no NATS server at ${SERVER}: CI requires it (nats-server -js)`);
    });
  });
}

const FOCAL = 'ubnd-xa';
const POLICE = 'cong-an-xa';
const BHXH = 'bhxh-co-so';

describe.runIf(up)('"3 in 1" birth liaison over NATS JetStream, engines with separate stores', () => {
  const suffix = randomBytes(4).toString('hex');
  const stream = `MOTCUA_LIAISON_TEST_${suffix}`;
  const transports: NatsTransport[] = [];
  const make = async () => {
    const t = await natsTransport({
      servers: SERVER,
      stream,
      subjectPrefix: `motcua.test.${suffix}`,
      durablePrefix: `t-${suffix}`,
      retryDelayMs: 50,
      ackWaitMs: 5000,
    });
    transports.push(t);
    return t;
  };

  afterAll(async () => {
    const admin = await make();
    await (await admin.connection.jetstreamManager()).streams.delete(stream).catch(() => false);
    for (const t of transports) await t.close().catch(() => {});
  });

  it('hands off, survives either side restarting, and applies every message once', async () => {
    const pkg = birthLiaison2024({ calendar: liaisonCalendar() });
    const w = await liaisonWorld({
      start: '2026-03-02T09:00:00+07:00',
      transport: make,
      agencies: [
        { agency: FOCAL, procedures: [pkg.liaison, pkg.members.birth] },
        { agency: POLICE, procedures: [pkg.members.residence] },
        { agency: BHXH, procedures: [pkg.members.healthInsurance] },
      ],
    });
    const until = async (what: string, check: (ctx: DossierContext) => boolean, code: string) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        for (const node of Object.values(w.nodes)) await node.engine.deliverOutbox().catch(() => {});
        const ctx = (await w.nodes[FOCAL]!.engine.get(code)).context;
        if (check(ctx)) return ctx;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    const status = (ctx: DossierContext, id: string) =>
      ctx.liaison?.role === 'parent' ? ctx.liaison.members.find((m) => m.id === id)?.status : undefined;

    try {
      // The police side is down when the desk hands off.
      await w.nodes[POLICE]!.plugin.detach();
      await w.nodes[POLICE]!.engine.stop();
      await w.nodes[POLICE]!.transport.close();

      const focal = () => w.nodes[FOCAL]!.engine;
      const d = await focal().receive({
        procedure: pkg.liaison.code,
        channel: 'online-full',
        actor: actors.desk,
        applicant,
        application: birthApplication(),
      });
      await focal().send(d.code, { type: 'HAND_OFF', actor: actors.desk });
      await until(
        'birth and card accepted',
        (c) => status(c, 'birth') === 'accepted' && status(c, 'healthInsurance') === 'accepted',
        d.code,
      );
      expect(status((await focal().get(d.code)).context, 'residence')).toBe('handed-off');

      // The police come back on the same store; the first delivery crashes after applying, before the ack.
      const fresh = await make();
      let crashes = 0;
      const crashing: LiaisonTransport = {
        publish: (m) => fresh.publish(m),
        close: () => fresh.close(),
        subscribe: (agency, handler) =>
          fresh.subscribe(agency, async (m) => {
            await handler(m);
            if (m.kind === 'handoff' && crashes === 0) {
              crashes++;
              throw new Error('crash before the ack');
            }
          }),
      };
      await w.restart(POLICE, crashing);
      await until('residence accepted', (c) => status(c, 'residence') === 'accepted', d.code);
      expect(crashes).toBe(1);
      const police = w.nodes[POLICE]!.engine;
      const children = await police.list({});
      expect(children).toHaveLength(1);
      expect((await police.get(children[0]!.code)).journal.map((j) => j.type)).toEqual(['RECEIVE']);

      // The focal desk goes down; the agencies finish meanwhile; their results wait in the stream.
      const birth = await childOf(w, focal(), d.code, 'birth');
      const residence = await childOf(w, focal(), d.code, 'residence');
      const card = await childOf(w, focal(), d.code, 'healthInsurance');
      await w.nodes[FOCAL]!.plugin.detach();
      await w.nodes[FOCAL]!.engine.stop();
      await w.nodes[FOCAL]!.transport.close();
      w.clock.set('2026-03-02T14:00:00+07:00');
      await finishChild(residence.engine, residence.code);
      await finishChild(card.engine, card.code);
      await w.nodes[POLICE]!.engine.deliverOutbox();
      await w.nodes[BHXH]!.engine.deliverOutbox();

      // A new focal engine on the same store picks them up.
      await w.restart(FOCAL, await make());
      await finishChild(focal(), birth.code);
      const ready = await until(
        'every result back',
        (c) => c.liaison?.role === 'parent' && c.liaison.outcome !== null,
        d.code,
      );
      expect(ready.liaison).toMatchObject({ outcome: 'complete' });
      const done = await focal().send(d.code, {
        type: 'RETURN_RESULT',
        actor: actors.desk,
        delivery: 'online',
      });
      expect(done.state).toBe('returned');
      expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'EARLY' });

      // Nothing lost, nothing applied twice: the journals.
      const types = (await focal().get(d.code)).journal.map((j) => j.type);
      expect(types.filter((t) => t === 'HAND_OFF')).toHaveLength(1);
      expect(types.filter((t) => t === 'MEMBER_ACCEPTED')).toHaveLength(3);
      expect(types.filter((t) => t === 'MEMBER_RESULT')).toHaveLength(3);
      for (const child of [residence, card]) {
        const j = (await w.nodes[child.engine === residence.engine ? POLICE : BHXH]!.engine.get(child.code))
          .journal;
        expect(j.map((e) => e.type)).toEqual(['RECEIVE', 'HAND_OVER', 'HAND_OVER', 'RETURN_RESULT']);
      }
      expect(await w.nodes[BHXH]!.engine.list({})).toHaveLength(1);
    } finally {
      await w.close();
    }
  }, 60_000);
});
