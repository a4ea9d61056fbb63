/**
 * The PostgreSQL sync log on the test server (127.0.0.1:5432, a fresh schema per run; under
 * CI=true a missing server fails): the conformance suite with a second pool as another worker,
 * migrations from several workers at once beside the engine store's tables, and its typed errors.
 */
import { PostgresStore } from '@motcua/adapters/postgres';
import { describePostgres, freshSchema, PG_URL, testPool } from '@motcua/sql/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncLog } from '../shared/sync-log.js';
import { syncLogConformanceSuite } from '../testing/sync-log-conformance.js';
import { PostgresSyncLog } from './postgres-sync-log.js';

describePostgres('PostgresSyncLog', () => {
  const schema = freshSchema('sync_test');
  const pool = testPool({ max: 8, applicationName: 'motcua-sync-test' });
  let n = 0;
  const prefixes = new WeakMap<SyncLog, string>();

  beforeAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  syncLogConformanceSuite('PostgresSyncLog', {
    makeLog: async () => {
      const tablePrefix = `t${n++}_`;
      const log = new PostgresSyncLog({ pool, schema, tablePrefix });
      await log.migrate();
      prefixes.set(log, tablePrefix);
      return log;
    },
    // Another worker: its own pool on the same tables.
    openAgain: (log, o) =>
      new PostgresSyncLog({
        connectionString: PG_URL,
        schema,
        tablePrefix: prefixes.get(log)!,
        target: o?.target ?? log.target,
      }),
    closeLog: (log) => (log as PostgresSyncLog).close(),
    migrate: (log) => (log as PostgresSyncLog).migrate(),
    withPrefix: (tablePrefix) => new PostgresSyncLog({ pool, schema, tablePrefix }),
  });

  it('shares the engine PostgresStore pool and schema; migrates from several workers at once', async () => {
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    const logs = [0, 1, 2].map(() => new PostgresSyncLog({ pool: store.pool, schema: store.schema }));
    const results = await Promise.all(logs.map((l) => l.migrate()));
    expect(results.flatMap((r) => r.applied)).toEqual(['001_init']);
    expect(results.map((r) => r.version)).toEqual([1, 1, 1]);
    await logs[0]!.ack('A', {
      version: 2,
      at: new Date('2026-03-02T02:31:00Z'),
      lagMs: 60_000,
      receivedAt: null,
    });
    const other = new PostgresSyncLog({ connectionString: PG_URL, schema });
    expect((await other.row('A'))?.ackVersion).toBe(2);
    await other.close();
    const tables = await pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE 'dvcqg_%' ORDER BY 1`,
      [schema],
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'dvcqg_sync_dossiers',
      'dvcqg_sync_migrations',
      'dvcqg_sync_steps',
    ]);
  });

  it('says to migrate when the tables are missing; needs a pool and valid names', async () => {
    const log = new PostgresSyncLog({ pool, schema, tablePrefix: 'never_' });
    await expect(log.row('A')).rejects.toMatchObject({
      name: 'ConnectorError',
      code: 'SYNC_LOG_NOT_MIGRATED',
    });
    const cases: [() => unknown, string][] = [
      [() => new PostgresSyncLog({}), 'pool'],
      [() => new PostgresSyncLog({ pool, schema: 'Motcua' }), 'schema'],
      [() => new PostgresSyncLog({ pool, schema: '' }), 'schema'],
      [() => new PostgresSyncLog({ pool, target: '' }), 'target'],
    ];
    for (const [make, field] of cases)
      expect(make, field).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field }));
  });
});
