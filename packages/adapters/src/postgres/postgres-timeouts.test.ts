import { randomBytes } from 'node:crypto';
import { handOverCommit, newDossierCommit, tcpCutProxy } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, PG_URL, testPool } from '@motcua/sql/testing';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';

const CODE = 'H56-260302-0001';

describePostgres('PostgresStore limits: statement, query and idle-in-transaction timeouts', () => {
  const admin = testPool();
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropSchema(admin, s);
    await admin.end();
  });

  /** A session that holds the dossier row's lock until released. */
  const holdRow = async (schema: string) => {
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM "${schema}".dossiers WHERE code = $1 FOR UPDATE`, [CODE]);
    return async () => {
      await holder.query('ROLLBACK');
      await holder.end();
    };
  };
  /** Waits until a session of `applicationName` waits on a lock. */
  const waitingOnLock = async (applicationName: string) => {
    for (;;) {
      const r = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [applicationName],
      );
      if (r.rows.length) return;
      await new Promise((res) => setTimeout(res, 10));
    }
  };
  const stateOf = async (store: PostgresStore, schema: string) => ({
    version: (await store.load(CODE))?.version,
    journal: (await store.journal(CODE)).length,
    rows: Number(
      (
        await admin.query(
          `SELECT (SELECT count(*) FROM "${schema}".journal) + (SELECT count(*) FROM "${schema}".slip_rows) AS n`,
        )
      ).rows[0].n,
    ),
  });

  it('cancels a statement past statementTimeoutMs (57014): retryable STORE_UNAVAILABLE, nothing written', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const store = new PostgresStore({ connectionString: PG_URL, schema, statementTimeoutMs: 300, max: 2 });
    await store.migrate();
    const first = newDossierCommit(CODE);
    await store.commit(first);
    const before = await stateOf(store, schema);
    const release = await holdRow(schema);
    try {
      await expect(store.commit(handOverCommit(first))).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        retryable: true,
      });
    } finally {
      await release();
    }
    expect(await stateOf(store, schema)).toEqual(before);
    // The same command, retried, commits.
    await store.commit(handOverCommit(first));
    expect(await stateOf(store, schema)).toMatchObject({ version: 2, journal: 2 });
    await store.close();
  }, 30_000);

  it('fails a command whose connection is black-holed mid-transaction (queryTimeoutMs): STORE_UNAVAILABLE, nothing half-written', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const proxy = await tcpCutProxy({ target: { port: Number(new URL(PG_URL).port || 5432) } });
    const url = new URL(PG_URL);
    url.host = proxy.url;
    const applicationName = `motcua-hole-${randomBytes(4).toString('hex')}`;
    const store = new PostgresStore({
      connectionString: url.toString(),
      schema,
      applicationName,
      max: 2,
      queryTimeoutMs: 1_000,
      idleInTransactionTimeoutMs: 1_000,
    });
    await store.migrate();
    const first = newDossierCommit(CODE);
    await store.commit(first);
    const before = await stateOf(store, schema);
    const release = await holdRow(schema);
    const started = Date.now();
    const outcome = store.commit(handOverCommit(first)).then(
      () => null,
      (e: unknown) => e,
    );
    // The commit's statement waits on the row lock inside its transaction: now the network goes
    // silent, and the lock is released (the server's answer goes into the black hole).
    await waitingOnLock(applicationName);
    proxy.stall();
    await release();
    expect(await outcome).toMatchObject({ code: 'STORE_UNAVAILABLE', retryable: true });
    const failedAfterMs = Date.now() - started;
    // The server ends the abandoned transaction (idle_in_transaction_session_timeout): rolled back.
    for (;;) {
      const r = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state LIKE 'idle in transaction%'`,
        [applicationName],
      );
      if (r.rows.length === 0) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(await stateOf(store, schema)).toEqual(before);
    expect(proxy.stats().stalled).toBeGreaterThan(0);
    // New connections are forwarded: the retried command commits.
    await store.commit(handOverCommit(first));
    expect(await stateOf(store, schema)).toMatchObject({ version: 2, journal: 2 });
    await store.close();
    await proxy.close();
    console.info(
      `[motcua] black-holed connection: the command failed with STORE_UNAVAILABLE after ${failedAfterMs} ms (queryTimeoutMs 1000); nothing written`,
    );
  }, 30_000);

  it('refuses a negative or fractional limit, naming the option', () => {
    expect(() => new PostgresStore({ connectionString: PG_URL, statementTimeoutMs: -1 })).toThrow(
      /statementTimeoutMs/,
    );
    expect(() => new PostgresStore({ connectionString: PG_URL, queryTimeoutMs: 1.5 })).toThrow(
      /queryTimeoutMs/,
    );
  });
});
