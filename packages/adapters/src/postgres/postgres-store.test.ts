import { storeConformanceSuite } from '@motcua/core/testing';
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
