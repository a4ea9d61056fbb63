import {
  ConflictError,
  type DossierStore,
  type Engine,
  SimulatedClock,
  StoreConflictError,
} from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, PG_URL, testPool } from '@motcua/sql/testing';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { StoreUnavailableError } from '../shared/errors.js';
import { runAndKill } from '../testing/fault-harness.js';
import { sequenceProblems } from '../testing/sequence-check.js';
import { integrityProblems } from '../testing/verify-integrity.js';
import { PostgresStore } from './postgres-store.js';

const actorOf = (unit: string) =>
  unit === 'police' ? sampleActors.police : unit === 'leader' ? sampleActors.leader : sampleActors.desk;

/** Walks every open dossier to its end. */
async function finishAll(engine: Engine, store: DossierStore): Promise<void> {
  for (const { code } of await store.list({ status: 'active' })) {
    for (;;) {
      const d = await engine.get(code);
      if (d.status === 'done') break;
      if (d.state === 'resultReady')
        await engine.send(code, { type: 'RETURN_RESULT', actor: sampleActors.desk });
      else await engine.send(code, { type: 'HAND_OVER', actor: actorOf(d.summary.holder) });
    }
  }
}

describePostgres('PostgresStore under faults', () => {
  const pool = testPool();
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropSchema(pool, s);
    await pool.end();
  });

  const sequencesOf = async (schema: string) =>
    (await pool.query(`SELECT agency, date, value FROM "${schema}".sequences`)).rows as {
      agency: string;
      date: string;
      value: number;
    }[];

  it('loses and duplicates nothing when worker processes are killed (SIGKILL) mid-transition', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    const starts = ['2026-03-02T08:00:00+07:00', '2026-03-09T08:00:00+07:00', '2026-03-16T08:00:00+07:00'];
    for (const start of starts) {
      const killed = await runAndKill({
        store: 'postgres',
        target: schema,
        start,
        atLeast: 150,
        jitterMs: 300,
      });
      expect(killed.signal).toBe('SIGKILL');
    }
    const codes = (await store.list({})).map((s) => s.code);
    expect(codes.length).toBeGreaterThan(30);
    expect(await integrityProblems(store)).toEqual([]);
    expect(sequenceProblems(codes, await sequencesOf(schema))).toEqual([]);

    // A new engine carries on: it fires the timers the dead workers had leased and finishes every dossier.
    const { engine } = sampleEngine(store, {
      clock: new SimulatedClock('2026-04-20T08:00:00+07:00'),
      workerId: 'recovery',
    });
    await engine.runDueTimers();
    await finishAll(engine, store);
    expect(await store.list({ status: 'active' })).toEqual([]);
    expect(await integrityProblems(store)).toEqual([]);
    expect(
      await store.claimTimers({
        due: '2027-01-01T00:00:00.000Z',
        now: '2027-01-01T00:00:00.000Z',
        limit: 10,
        owner: 'late',
        leaseMs: 1000,
      }),
    ).toEqual([]);
  }, 120_000);

  it('recovers when PostgreSQL drops its connections under load (pg_terminate_backend)', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const applicationName = `motcua-drop-${schema.slice(-12)}`;
    const store = new PostgresStore({ connectionString: PG_URL, schema, max: 4, applicationName });
    await store.migrate();
    const { engine } = sampleEngine(store, { workerId: 'drop', random: Math.random });
    let failures = 0;
    let conflicts = 0;
    /**
     * Retries a command with the same idempotency key after a conflict or a lost connection, as a
     * client would: backing off (5 ms doubling to 80 ms) so that a command gets through between two
     * terminations even on a loaded machine (a fixed 5 ms for 100 attempts once ran out in CI).
     */
    const retry = async <T>(command: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await command();
        } catch (e) {
          if (attempt > 400) throw e;
          if (e instanceof ConflictError || e instanceof StoreConflictError) conflicts++;
          else if (e instanceof StoreUnavailableError) failures++;
          else throw e;
          await new Promise((r) => setTimeout(r, 5 * 2 ** Math.min(attempt, 4)));
        }
      }
    };
    let running = true;
    let terminated = 0;
    const killer = (async () => {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      while (running) {
        const r = await admin.query(
          'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        terminated += r.rows.filter((x: { ok: boolean }) => x.ok).length;
        await new Promise((res) => setTimeout(res, 25 + Math.random() * 50));
      }
      await admin.end();
    })();
    const lanes = 4;
    const perLane = 12;
    const drive = async (lane: number) => {
      for (let i = 0; i < perLane; i++) {
        const key = `drop-${lane}-${i}`;
        const d = await retry(() =>
          engine.receive({
            procedure: '1.004194',
            channel: 'in-person',
            actor: sampleActors.desk,
            ...sampleReceipt,
            idempotencyKey: `${key}-r`,
          }),
        );
        const steps = ['desk', 'police', 'leader', 'police'] as const;
        for (const [n, unit] of steps.entries()) {
          await retry(() =>
            engine.send(
              d.code,
              { type: 'HAND_OVER', actor: sampleActors[unit] },
              { idempotencyKey: `${key}-${n}` },
            ),
          );
        }
        await retry(() =>
          engine.send(
            d.code,
            { type: 'RETURN_RESULT', actor: sampleActors.desk },
            { idempotencyKey: `${key}-5` },
          ),
        );
      }
    };
    try {
      await Promise.all(Array.from({ length: lanes }, (_, lane) => drive(lane)));
    } finally {
      running = false;
      await killer;
    }
    expect(terminated).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
    // Every command happened exactly once: 48 dossiers, each returned after 6 journal entries.
    const all = await store.list({});
    expect(all).toHaveLength(lanes * perLane);
    expect(all.every((s) => s.status === 'done' && s.outcome === 'returned')).toBe(true);
    for (const s of all) expect(await store.journal(s.code)).toHaveLength(6);
    expect(await integrityProblems(store)).toEqual([]);
    expect(
      sequenceProblems(
        all.map((s) => s.code),
        await sequencesOf(schema),
      ),
    ).toEqual([]);
    // The pool opened new connections and serves again.
    expect(await store.load(all[0]!.code)).not.toBeNull();
    await store.close();
    console.info(
      `[motcua] connection drops: ${terminated} backends terminated, ${failures} commands failed with STORE_UNAVAILABLE and ${conflicts} with a conflict; all retried`,
    );
  }, 300_000);
});
