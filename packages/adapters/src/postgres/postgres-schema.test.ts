import { newDossierCommit, sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import { afterAll, expect, it } from 'vitest';
import { StoreNotMigratedError, StoreUnavailableError } from '../shared/errors.js';
import { personalDataIn } from '../testing/personal-data.js';
import { postgresMigrations } from './migrations.js';
import { PostgresStore } from './postgres-store.js';

describePostgres('PostgresStore schema', () => {
  const pool = testPool();
  const schemas: string[] = [];
  const fresh = () => {
    const s = freshSchema();
    schemas.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of schemas) await dropSchema(pool, s);
    await pool.end();
  });

  it('migrates once: a second run, or a concurrent one, does nothing', async () => {
    const schema = fresh();
    const stores = [1, 2, 3].map(() => new PostgresStore({ pool, schema }));
    const results = await Promise.all(stores.map((s) => s.migrate()));
    expect(results.flatMap((r) => r.applied)).toEqual([
      '001_init',
      '002_lookup_limits',
      '003_slip_once',
      '004_compact',
      '005_late_entry',
      '006_national_index',
      '007_portal_sync',
    ]);
    expect(results.every((r) => r.version === 7)).toBe(true);
    await stores[0]!.commit(newDossierCommit('H56-260302-0001'));
    expect(await stores[1]!.migrate()).toEqual({ applied: [], version: 7 });
    expect((await stores[2]!.load('H56-260302-0001'))?.version).toBe(1);
    const { rows } = await pool.query(`SELECT version, name FROM "${schema}".motcua_migrations`);
    expect(rows).toEqual([
      { version: 1, name: '001_init' },
      { version: 2, name: '002_lookup_limits' },
      { version: 3, name: '003_slip_once' },
      { version: 4, name: '004_compact' },
      { version: 5, name: '005_late_entry' },
      { version: 6, name: '006_national_index' },
      { version: 7, name: '007_portal_sync' },
    ]);
  });

  it('accepts a schema a DBA created from the .sql files, and puts every table in that schema', async () => {
    const schema = fresh();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      for (const m of postgresMigrations) await client.query(m.sql);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const store = new PostgresStore({ pool, schema });
    expect(await store.migrate()).toEqual({ applied: [], version: 7 });
    const { rows } = await pool.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
      [schema],
    );
    expect(rows.map((r: { table_name: string }) => r.table_name)).toEqual([
      'dossiers',
      'idempotency',
      'journal',
      'lookup_attempts',
      'motcua_migrations',
      'outbox',
      'sequences',
      'slip_rows',
      'timers',
    ]);
  });

  it('says the tables are missing, or the server unreachable, with typed errors', async () => {
    const store = new PostgresStore({ pool, schema: fresh() });
    await expect(store.load('H56-260302-0001')).rejects.toBeInstanceOf(StoreNotMigratedError);
    await expect(store.commit(newDossierCommit('H56-260302-0001'))).rejects.toMatchObject({
      code: 'STORE_NOT_MIGRATED',
    });
    const nowhere = new PostgresStore({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      connectionTimeoutMs: 1000,
    });
    await expect(nowhere.load('H56-260302-0001')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(nowhere.commit(newDossierCommit('H56-260302-0001'))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      retryable: true,
    });
    await nowhere.close();
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresStore({ pool, schema: 'x"; DROP TABLE y; --' })).toThrow(/schema/);
  });

  it('keeps the applicant in the snapshot only: no other column, no index', async () => {
    const schema = fresh();
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    const { engine } = sampleEngine(store);
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk }, { idempotencyKey: 'p-1' });
    const indexes = await pool.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1', [schema]);
    expect(indexes.rows.length).toBeGreaterThan(8);
    expect(personalDataIn(JSON.stringify(indexes.rows))).toEqual([]);
    expect(indexes.rows.some((r: { indexdef: string }) => r.indexdef.includes('snapshot'))).toBe(false);
    const snapshots = await pool.query(`SELECT snapshot FROM "${schema}".dossiers`);
    expect(personalDataIn(JSON.stringify(snapshots.rows))).not.toEqual([]);
    for (const table of [
      'dossiers',
      'journal',
      'slip_rows',
      'timers',
      'outbox',
      'idempotency',
      'sequences',
    ]) {
      const { rows } = await pool.query(`SELECT to_jsonb(t) - 'snapshot' AS row FROM "${schema}".${table} t`);
      expect(personalDataIn(JSON.stringify(rows)), table).toEqual([]);
    }
  });
});
