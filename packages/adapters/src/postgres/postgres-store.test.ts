import { storeConformanceSuite } from '@motcua/core/testing';
import { afterAll, expect, it } from 'vitest';
import {
  describePostgres,
  dropSchema,
  freshSchema,
  pgTestMode,
  testPool,
} from '../testing/pg-test-server.js';
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
    disposeStore: async (store) => {
      const schema = schemas.get(store as PostgresStore)!;
      schemas.delete(store as PostgresStore);
      await store.close?.();
      await dropSchema(pool, schema);
    },
  });
});
