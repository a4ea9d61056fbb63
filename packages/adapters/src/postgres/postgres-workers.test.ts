import { SimulatedClock } from '@motcua/core';
import { newDossierCommit, sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import { afterAll, expect, it } from 'vitest';
import { integrityProblems } from '../testing/verify-integrity.js';
import { PostgresStore } from './postgres-store.js';

describePostgres('PostgresStore with several workers', () => {
  const pools = [testPool(), testPool(), testPool(), testPool()];
  const schema = freshSchema();
  afterAll(async () => {
    await dropSchema(pools[0]!, schema);
    await Promise.all(pools.map((p) => p.end()));
  });

  it('lets concurrent workers claim each due timer and outbox item once, and fire each timer once', async () => {
    const stores = pools.map((pool) => new PostgresStore({ pool, schema }));
    await stores[0]!.migrate();
    // 60 dossiers through the engine, each with its step, warning and due timers.
    const { engine } = sampleEngine(stores[0]!, { workerId: 'receiver' });
    for (let i = 0; i < 60; i++) {
      await engine.receive({
        procedure: '1.004194',
        channel: 'in-person',
        actor: sampleActors.desk,
        ...sampleReceipt,
      });
    }
    const timers = (
      await Promise.all((await stores[0]!.list({})).map((s) => stores[0]!.timers(s.code)))
    ).flat();
    expect(timers.length).toBe(180);
    // Raw claims, all at once from 4 connections: every timer exactly once.
    const now = '2026-03-20T00:00:00.000Z';
    const claims = await Promise.all(
      stores.flatMap((s, w) =>
        [0, 1, 2].map(() => s.claimTimers({ due: now, now, limit: 20, owner: `w${w}`, leaseMs: 60_000 })),
      ),
    );
    const ids = claims.flat().map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(180);
    // Leases expire: after a minute, four engines fire them all at once. Two timers of one dossier
    // fired together by two engines race on its version: the loser's timer stays leased until its
    // lease expires, and a later round fires it (or drops it, if the winner made it moot).
    const clock = new SimulatedClock('2026-03-20T00:02:00.000Z');
    const engines = stores.map((s, w) => sampleEngine(s, { clock, workerId: `engine-${w}` }).engine);
    let fired = 0;
    for (let round = 0; round < 10; round++) {
      const runs = await Promise.all(engines.map((e) => e.runDueTimers()));
      const n = runs.reduce((k, r) => k + r.fired, 0);
      fired += n;
      clock.advance({ seconds: 61 });
      if (n === 0) break;
    }
    expect(
      await stores[0]!.claimTimers({
        due: '2026-12-31T00:00:00.000Z',
        now: '2026-12-31T00:00:00.000Z',
        limit: 1000,
        owner: 'check',
        leaseMs: 1000,
      }),
    ).toEqual([]);
    let recorded = 0;
    for (const s of await stores[0]!.list({})) {
      const stored = (await stores[0]!.load(s.code))!;
      const journal = await stores[0]!.journal(s.code);
      // Each timer fired at most once, each firing one journal entry; the dossier went overdue once.
      expect(new Set(stored.firedTimers).size).toBe(stored.firedTimers.length);
      expect(journal).toHaveLength(1 + stored.firedTimers.length);
      expect(journal.filter((e) => e.type === 'MARK_OVERDUE')).toHaveLength(1);
      expect(stored.summary.lateUnit).not.toBeNull();
      recorded += stored.firedTimers.length;
    }
    expect(fired).toBe(recorded);
    expect(fired).toBeGreaterThanOrEqual(120);
    expect(await integrityProblems(stores[0]!)).toEqual([]);
  }, 60_000);

  it('hands out outbox items once across workers and ignores a settlement from a non-owner', async () => {
    const store = new PostgresStore({ pool: pools[0]!, schema: `${schema}_o` });
    await store.migrate();
    const at = '2026-03-02T02:00:00.000Z';
    for (let i = 1; i <= 40; i++) {
      const code = `H56-260302-${String(i).padStart(4, '0')}`;
      await store.commit(
        newDossierCommit(code, {
          outbox: [
            { id: `${code}:sms`, code, type: 'sms.notice', payload: { i }, createdAt: at, notBefore: at },
          ],
        }),
      );
    }
    const others = pools.map((pool) => new PostgresStore({ pool, schema: `${schema}_o` }));
    const claims = await Promise.all(
      others.flatMap((s, w) =>
        [0, 1].map(() =>
          s.claimOutbox({
            due: '2026-03-02T03:00:00.000Z',
            now: '2026-03-02T03:00:00.000Z',
            limit: 7,
            owner: `w${w}`,
            leaseMs: 60_000,
          }),
        ),
      ),
    );
    const ids = claims.flat().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    const first = claims.flat()[0]!;
    await store.settleOutbox(first.id, 'intruder', { delivered: true });
    expect((await store.outbox({ status: 'delivered' })).length).toBe(0);
    await store.settleOutbox(first.id, first.leaseOwner!, { delivered: true });
    expect((await store.outbox({ status: 'delivered' })).map((i) => i.id)).toEqual([first.id]);
    await dropSchema(pools[0]!, `${schema}_o`);
  });
});
