import { randomBytes } from 'node:crypto';
import { StoreConflictError } from '@motcua/core';
import { handOverCommit, newDossierCommit } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, PG_URL, testPool } from '@motcua/sql/testing';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';

describePostgres('PostgresStore when PostgreSQL refuses or drops connections', () => {
  const admin = testPool();
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropSchema(admin, s);
    await admin.end();
  });

  it('answers a database that refuses connections (ALLOW_CONNECTIONS false, 55000) with retryable STORE_UNAVAILABLE', async () => {
    const db = `motcua_refuse_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE "${db}"`);
    const url = new URL(PG_URL);
    url.pathname = `/${db}`;
    const store = new PostgresStore({ connectionString: url.toString(), max: 2 });
    try {
      await admin.query(`ALTER DATABASE "${db}" ALLOW_CONNECTIONS false`);
      for (const op of [() => store.migrate(), () => store.load('H56-260302-0001')]) {
        await expect(op()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });
      }
      // The database comes back: the same store serves again.
      await admin.query(`ALTER DATABASE "${db}" ALLOW_CONNECTIONS true`);
      await store.migrate();
      await store.commit(newDossierCommit('H56-260302-0001'));
      expect((await store.load('H56-260302-0001'))?.version).toBe(1);
    } finally {
      await store.close();
      await admin.query(`ALTER DATABASE "${db}" ALLOW_CONNECTIONS true`);
      await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    }
  });

  it('answers a backend terminated mid-commit (57P01) with STORE_UNAVAILABLE, and writes nothing', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const applicationName = `motcua-kill-${randomBytes(4).toString('hex')}`;
    const store = new PostgresStore({ connectionString: PG_URL, schema, applicationName, max: 1 });
    await store.migrate();
    const first = newDossierCommit('H56-260302-0001');
    await store.commit(first);
    // Another session holds the dossier row: the commit waits on it, and its backend is terminated.
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM "${schema}".dossiers WHERE code = $1 FOR UPDATE`, ['H56-260302-0001']);
    const commit = store.commit(handOverCommit(first));
    const outcome = commit.then(
      () => null,
      (e: unknown) => e,
    );
    for (let i = 0; i < 100; i++) {
      const waiting = await admin.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [applicationName],
      );
      if (waiting.rows.length) {
        await admin.query('SELECT pg_terminate_backend($1)', [waiting.rows[0].pid]);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await outcome).toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });
    await holder.query('ROLLBACK');
    await holder.end();
    expect((await store.load('H56-260302-0001'))?.version).toBe(1);
    expect(await store.journal('H56-260302-0001')).toHaveLength(1);
    await store.close();
  });

  it('never crashes on a pool passed in without an error listener of its own, while its backends are terminated', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    const schema = freshSchema();
    schemas.push(schema);
    const applicationName = `motcua-raw-${randomBytes(4).toString('hex')}`;
    const pool = new pg.Pool({ connectionString: PG_URL, max: 4, application_name: applicationName });
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    let running = true;
    let terminated = 0;
    const killer = (async () => {
      while (running) {
        const r = await admin.query(
          'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        terminated += r.rows.filter((x: { ok: boolean }) => x.ok).length;
        // Every 20–120 ms: a commit slowed by a loaded machine still gets between two sweeps.
        await new Promise((res) => setTimeout(res, 20 + Math.random() * 100));
      }
    })();
    let retries = 0;
    // A real client backs off (5 ms doubling to 80 ms); retrying at once kept a client on a loaded
    // machine running into every sweep.
    const backOff = (attempt: number) =>
      new Promise((res) => setTimeout(res, Math.min(5 * 2 ** Math.min(attempt, 4), 80)));
    try {
      await Promise.all(
        [0, 1, 2, 3].map(async (lane) => {
          for (let i = 0; i < 30; i++) {
            const code = `H56-260302-${lane}${String(i).padStart(3, '0')}`;
            for (let attempt = 0; ; attempt++) {
              try {
                await store.commit(newDossierCommit(code));
                break;
              } catch (e) {
                // A commit whose acknowledgement was lost: its retry finds the dossier there.
                if (e instanceof StoreConflictError) break;
                if (attempt > 400 || (e as { code?: string }).code !== 'STORE_UNAVAILABLE') throw e;
                retries++;
                await backOff(attempt);
              }
            }
            for (let attempt = 0; ; attempt++) {
              try {
                await store.load(code);
                break;
              } catch (e) {
                if (attempt > 400 || (e as { code?: string }).code !== 'STORE_UNAVAILABLE') throw e;
                retries++;
                await backOff(attempt);
              }
            }
          }
        }),
      );
    } finally {
      running = false;
      await killer;
    }
    await new Promise((res) => setTimeout(res, 100));
    process.off('uncaughtException', onUncaught);
    expect(uncaught).toEqual([]);
    expect(terminated).toBeGreaterThan(0);
    expect(await store.list({})).toHaveLength(120);
    await store.close();
    await pool.end();
    console.info(
      `[motcua] raw pool under pg_terminate_backend: ${terminated} backends terminated, ${retries} retries`,
    );
  }, 300_000);
});
