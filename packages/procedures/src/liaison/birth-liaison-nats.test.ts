import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import type { DossierContext, LiaisonTransport } from '@motcua/core';
import { type NatsTransport, type NatsTransportOptions, natsTransport } from '@motcua/core/liaison-nats';
import { tcpCutProxy } from '@motcua/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  actors,
  applicant,
  birthApplication,
  childOf,
  finishChild,
  liaisonCalendar,
  liaisonWorld,
} from '../../test-support/liaison-world.js';
import { birthLiaison2024 } from './birth-liaison.js';

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
  const make = async (extra: NatsTransportOptions = {}) => {
    const t = await natsTransport({
      servers: SERVER,
      stream,
      subjectPrefix: `motcua.test.${suffix}`,
      durablePrefix: `t-${suffix}`,
      retryDelayMs: 50,
      ackWaitMs: 5000,
      ...extra,
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
      transport: () => make(),
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

  it('a network cut longer than the client gives up by default: every handoff and result arrives once after it heals', async () => {
    const [host, port] = SERVER.replace(/^nats:\/\//, '').split(':');
    const proxy = await tcpCutProxy({ target: { host: host!, port: Number(port ?? 4222) } });
    const connection: string[] = [];
    const pkg = birthLiaison2024({ calendar: liaisonCalendar() });
    // Every engine reaches NATS through the proxy. Short waits between reconnect attempts: the
    // client's default of 10 attempts would give up within about 2 s, and the cut lasts longer.
    // Another day than the test above: dossier codes, hence message ids, differ from its own (the
    // stream drops an id it saw within its duplicate window).
    const w = await liaisonWorld({
      start: '2026-03-03T08:00:00+07:00',
      transport: () =>
        make({
          servers: proxy.url,
          reconnectTimeWaitMs: 100,
          ackWaitMs: 1000,
          onError: (_e, info) => {
            if (info.connection) connection.push(info.connection);
          },
        }),
      agencies: [
        { agency: FOCAL, procedures: [pkg.liaison, pkg.members.birth] },
        { agency: POLICE, procedures: [pkg.members.residence] },
        { agency: BHXH, procedures: [pkg.members.healthInsurance] },
      ],
    });
    const focal = w.nodes[FOCAL]!.engine;
    const members = ['birth', 'residence', 'healthInsurance'];
    const section = async (code: string) => {
      const l = (await focal.get(code)).context.liaison;
      if (l?.role !== 'parent') throw new Error('not a parent');
      return l;
    };
    /** Delivers every engine's outbox (the simulated clock moves a minute a round) until `check` holds. */
    const until = async (what: string, check: () => Promise<boolean>) => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        w.clock.set(new Date(w.clock.now().getTime() + 60_000));
        for (const node of Object.values(w.nodes)) await node.engine.deliverOutbox();
        if (await check()) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const every = async (codes: string[], check: (l: Awaited<ReturnType<typeof section>>) => boolean) => {
      for (const code of codes) if (!check(await section(code))) return false;
      return true;
    };
    const accepted = (l: Awaited<ReturnType<typeof section>>) =>
      l.members.every((m) => m.status === 'accepted');
    const complete = (l: Awaited<ReturnType<typeof section>>) => l.outcome === 'complete';
    const finishAll = async (codes: string[]) => {
      for (const code of codes) {
        for (const id of members) {
          const c = await childOf(w, focal, code, id);
          await finishChild(c.engine, c.code);
        }
      }
    };

    try {
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) {
        const d = await focal.receive({
          procedure: pkg.liaison.code,
          channel: 'online-full',
          actor: actors.desk,
          applicant,
          application: birthApplication(),
        });
        codes.push(d.code);
      }
      const [early, late] = [codes.slice(0, 2), codes.slice(2)];
      for (const code of early) await focal.send(code, { type: 'HAND_OFF', actor: actors.desk });
      await until('the first parts accepted', () => every(early, accepted));

      // The network goes down. Meanwhile the desk hands the other dossiers off and the agencies
      // finish the first ones: the handoffs and the results wait in the outboxes.
      proxy.cut();
      for (const code of late) await focal.send(code, { type: 'HAND_OFF', actor: actors.desk });
      await finishAll(early);
      const stop = Date.now() + 3000;
      while (Date.now() < stop) {
        for (const node of Object.values(w.nodes)) await node.engine.deliverOutbox();
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await every(early, complete)).toBe(false);
      proxy.heal();

      await until('the late parts accepted and the first results back', async () => {
        return (await every(late, accepted)) && (await every(early, complete));
      });
      await finishAll(late);
      await until('every result back', () => every(codes, complete));

      for (const code of codes) {
        const types = (await focal.get(code)).journal.map((j) => j.type);
        expect(types.filter((t) => t === 'HAND_OFF')).toHaveLength(1);
        expect(types.filter((t) => t === 'MEMBER_ACCEPTED')).toHaveLength(3);
        expect(types.filter((t) => t === 'MEMBER_RESULT')).toHaveLength(3);
      }
      // One dossier per handoff at each agency (the focal desk also does the birth registrations).
      expect(await w.nodes[POLICE]!.engine.list({})).toHaveLength(4);
      expect(await w.nodes[BHXH]!.engine.list({})).toHaveLength(4);
      expect(await focal.list({})).toHaveLength(8);
      for (const node of Object.values(w.nodes)) {
        expect(await node.engine.deadLetters()).toEqual([]);
        expect(await (node.transport as NatsTransport).health()).toMatchObject({
          state: 'connected',
          healthy: true,
        });
      }
      expect(connection).toContain('reconnecting');
      expect(proxy.stats().severed).toBeGreaterThanOrEqual(3);
    } finally {
      await w.close();
      await proxy.close();
    }
  }, 60_000);
});
