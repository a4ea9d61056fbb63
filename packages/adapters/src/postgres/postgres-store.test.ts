import { sampleActors, sampleEngine, sampleReceipt, storeConformanceSuite } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, pgTestMode, testPool } from '@motcua/sql/testing';
import { afterAll, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';

it('fails the PostgreSQL tests under CI without a server, skips them elsewhere', () => {
  expect(pgTestMode({ ci: 'true', reachable: false })).toBe('fail');
  expect(pgTestMode({ ci: undefined, reachable: false })).toBe('skip');
  expect(pgTestMode({ ci: 'true', reachable: true })).toBe('run');
});

describePostgres('PostgresStore', () => {
  const pool = testPool({ max: 6 });
  const schemas = new Map<PostgresStore, string>();
  afterAll(async () => {
    for (const s of schemas.values()) await dropSchema(pool, s);
    await pool.end();
  });

  storeConformanceSuite('postgres', {
    makeStore: async () => {
      const schema = freshSchema();
      const store = new PostgresStore({ pool, schema });
      await store.migrate();
      schemas.set(store, schema);
      return store;
    },
    // Every row of every table of the store's schema: sequences and idempotency keys included.
    fingerprint: async (store) => {
      const schema = schemas.get(store as PostgresStore)!;
      const tables = await pool.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      const out: unknown[] = [];
      for (const { table_name: t } of tables.rows as { table_name: string }[]) {
        const rows = await pool.query(`SELECT to_jsonb(r)::text AS row FROM "${schema}"."${t}" r ORDER BY 1`);
        out.push(
          t,
          rows.rows.map((r: { row: string }) => r.row),
        );
      }
      return JSON.stringify(out);
    },
    fuzzRuns: 60,
    disposeStore: async (store) => {
      const schema = schemas.get(store as PostgresStore)!;
      schemas.delete(store as PostgresStore);
      await store.close?.();
      await dropSchema(pool, schema);
    },
  });
});

describePostgres(
  'PostgresStore: a store written at schema 4, upgraded by 005 (late entry, national status)',
  () => {
    const pool = testPool({ max: 4 });
    const schema = freshSchema();
    afterAll(async () => {
      await dropSchema(pool, schema);
      await pool.end();
    });

    it('keeps what was written and reports the entries entered from then on', async () => {
      const store = new PostgresStore({ pool, schema, snapshotCache: 0 });
      await store.migrate();
      const { desk, police } = sampleActors;
      const { engine, clock } = sampleEngine(store, { start: '2026-03-02T10:00:00+07:00' });
      const receive = (at: string) =>
        engine.receive({ procedure: '1.004194', channel: 'in-person', actor: desk, ...sampleReceipt, at });
      // Both receipts entered 3 hours late; C is withdrawn.
      const a = await receive('2026-03-02T07:00:00+07:00');
      const c = await receive('2026-03-02T07:00:00+07:00');
      await engine.send(a.code, { type: 'HAND_OVER', actor: desk });
      await engine.send(c.code, { type: 'WITHDRAW', actor: desk });
      const before = { a: await store.load(a.code), c: await store.load(c.code) };
      // The schema as 004 left it: 005's columns (and the index on one) gone.
      await pool.query(`ALTER TABLE "${schema}".journal DROP COLUMN entered_at;
      ALTER TABLE "${schema}".dossiers DROP COLUMN national_status;
      DELETE FROM "${schema}".motcua_migrations WHERE version = 5;`);

      expect(await store.migrate()).toEqual({ applied: ['005_late_entry'], version: 7 });
      expect((await store.load(a.code))?.persisted).toEqual(before.a?.persisted);
      expect((await store.load(c.code))?.persisted).toEqual(before.c?.persisted);
      for (const code of [a.code, c.code]) {
        expect((await store.journal(code)).map((e) => e.enteredAt)).toEqual([undefined, undefined]);
      }
      expect((await store.list({})).map((s) => s.nationalStatus)).toEqual([null, null]);
      const day = { from: '2026-03-02T00:00:00+07:00', to: '2026-03-03T00:00:00+07:00', thresholdMs: 60_000 };
      expect(await store.lateEntries(day)).toEqual([]);
      // The next commit writes both: police record at 12:00 a handover of 11:00 (1 hour late).
      clock.set('2026-03-02T12:00:00+07:00');
      await engine.send(a.code, { type: 'HAND_OVER', actor: police, at: '2026-03-02T11:00:00+07:00' });
      expect((await store.load(a.code))?.summary.nationalStatus).toBe(4);
      expect((await store.journal(a.code)).map((e) => e.enteredAt)).toEqual([
        undefined,
        undefined,
        '2026-03-02T05:00:00.000Z',
      ]);
      expect(await store.lateEntries(day)).toEqual([
        {
          unit: 'police',
          entries: 1,
          late: 1,
          maxDelayMs: 3_600_000,
          meanDelayMs: 3_600_000,
          lateCodes: [a.code],
        },
      ]);
      expect((await store.migrate()).applied).toEqual([]);
      await store.close();
    });
  },
);
