/**
 * Two engine workers on one PostgreSQL schema (the test server at 127.0.0.1:5432, a fresh schema
 * per run; under CI=true a missing server fails): each with its own pool, PostgresStore and
 * PostgresSyncLog, delivering at once to the portal simulator through a seeded mix of faults. None
 * lost, no record created twice, each dossier's history complete and in order.
 */
import { PostgresStore } from '@motcua/adapters/postgres';
import { type Engine, SimulatedClock } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import { afterAll, expect, it } from 'vitest';
import { PostgresSyncLog } from '../postgres/postgres-sync-log.js';
import { type SimFault, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { dvcqgSync } from './dvcqg-sync.js';
import { lgspEnvelope } from './transport.js';

const { desk, police } = sampleActors;

describePostgres('dvcqgSync with two workers on PostgreSQL', () => {
  const pools = [
    testPool({ applicationName: 'motcua-dvcqg-w1' }),
    testPool({ applicationName: 'motcua-dvcqg-w2' }),
  ];
  const schema = freshSchema('dvcqg_workers');
  afterAll(async () => {
    await dropSchema(pools[0]!, schema);
    await Promise.all(pools.map((p) => p.end()));
  });

  it('syncs a batch once each, in order per dossier, with both workers delivering at once', async () => {
    const sim = await startDvcqgSimulator();
    try {
      let seed = 20261202;
      const random = () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      };
      const kinds: SimFault[] = [
        { kind: 'http500' },
        { kind: 'reset-before-apply' },
        { kind: 'apply-then-reset' },
      ];
      for (let i = 0; i < 300; i++)
        sim.fault(random() < 0.2 ? kinds[Math.floor(random() * kinds.length)]! : { kind: 'none' });

      const clock = new SimulatedClock('2026-03-02T09:30:00+07:00');
      const workers: { engine: Engine; syncLog: PostgresSyncLog }[] = [];
      for (const [w, pool] of pools.entries()) {
        const store = new PostgresStore({ pool, schema });
        const syncLog = new PostgresSyncLog({ pool, schema });
        await store.migrate();
        await syncLog.migrate();
        const plugin = dvcqgSync({
          transport: lgspEnvelope({
            url: sim.url,
            unitCode: '000.00.14.H56',
            credentials: { username: sim.username, password: sim.password },
            timeoutMs: 2000,
          }),
          syncLog,
        });
        const { engine } = sampleEngine(store, {
          clock,
          workerId: `worker-${w + 1}`,
          backoff: { baseDelayMs: 1000, maxAttempts: 10, maxDelayMs: 60_000 },
          plugins: [plugin],
        });
        await plugin.attach(engine);
        workers.push({ engine, syncLog });
      }
      const [one, two] = workers as [(typeof workers)[0], (typeof workers)[0]];
      const deliveredBy = [0, 0];
      const both = async () => {
        const runs = await Promise.all(workers.map((w) => w.engine.deliverOutbox()));
        runs.forEach((r, w) => {
          deliveredBy[w]! += r.delivered;
        });
      };

      // 60 dossiers received by either worker, each handed on twice; a few rounds of delivery
      // between the receipts, the rest at the end: more items than one claim (100), so the two
      // workers hold items of the same dossier at once, and the later ones wait for the earlier.
      const codes: string[] = [];
      for (let i = 0; i < 60; i++) {
        const { engine } = i % 2 === 0 ? one : two;
        const d = await engine.receive({
          procedure: '1.004194',
          channel: 'in-person',
          actor: desk,
          ...sampleReceipt,
        });
        codes.push(d.code);
        if (i % 20 === 19) await both();
        clock.advance({ minutes: 1 });
      }
      for (const [i, code] of codes.entries())
        await (i % 2 === 0 ? two : one).engine.send(code, { type: 'HAND_OVER', actor: desk });
      clock.advance({ minutes: 20 });
      for (const [i, code] of codes.entries())
        await (i % 3 === 0 ? one : two).engine.send(code, { type: 'HAND_OVER', actor: police });
      for (let round = 0; round < 60; round++) {
        await both();
        if ((await one.engine.store.outbox({ status: 'pending' })).length === 0) break;
        clock.advance({ minutes: 1 });
      }

      expect(await one.engine.store.outbox({ status: 'pending' })).toEqual([]);
      expect(await one.engine.deadLetters()).toEqual([]);
      expect(sim.calls.filter((c) => c.fault !== 'none').length).toBeGreaterThan(10);
      // Every item delivered once, by one worker or the other, and both took their share.
      expect(await one.engine.store.outbox({ status: 'delivered' })).toHaveLength(codes.length * 3);
      expect(deliveredBy[0]! + deliveredBy[1]!).toBe(codes.length * 3);
      expect(Math.min(...deliveredBy)).toBeGreaterThan(0);
      // The per-dossier gate held some items back for an earlier one the other worker had.
      const waited = (await one.engine.store.outbox({ status: 'delivered' })).filter((i) =>
        i.lastError?.startsWith('waiting for'),
      );
      expect(waited.length).toBeGreaterThan(0);
      // 0 lost, 0 duplicate records: every dossier on the portal once, at its last state.
      expect([...sim.records.keys()].sort()).toEqual([...codes].sort());
      expect(sim.duplicates()).toBe(0);
      expect(sim.stepsOutOfOrder).toBe(0);
      for (const code of codes) {
        expect(sim.creates.get(code)).toBe(1);
        expect(sim.records.get(code)).toMatchObject({ TrangThaiHoSo: '4' });
        // Order: the first record call the portal applied for a dossier is its create.
        const applied = sim.calls.filter(
          (c) =>
            c.service === 'DongBoHoSoMC' && c.codes.includes(code) && c.status === 200 && c.fault === 'none',
        );
        expect(applied[0]?.isUpdating).toBe('False');
        expect(sim.steps.get(code)?.map((s) => s.NoiDungXuLy)).toEqual([
          'Tiếp nhận hồ sơ',
          'Chuyển xử lý: Cán bộ đăng ký cư trú',
          'Chuyển xử lý: Lãnh đạo Công an xã',
        ]);
        // Both workers' logs read the one row the portal acknowledged.
        for (const { syncLog } of workers) {
          expect(await syncLog.row(code)).toMatchObject({ ackVersion: 3 });
          expect(await syncLog.steps(code, 'pending')).toEqual([]);
        }
      }
    } finally {
      await sim.close();
    }
  }, 120_000);
});
