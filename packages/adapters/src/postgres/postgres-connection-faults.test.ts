import { newDossierCommit, pgDroppingServer } from '@motcua/core/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';

/** Errors no listener handled (a pg `Client` emitting `'error'` with no listener throws one). */
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

describe('PostgresStore when a session is terminated the moment it is ready', () => {
  let server: Awaited<ReturnType<typeof pgDroppingServer>>;
  beforeAll(async () => {
    server = await pgDroppingServer();
    process.on('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await server.close();
  });
  afterEach(() => {
    expect(uncaught.splice(0)).toEqual([]);
  });

  it('fails every operation with STORE_UNAVAILABLE and never leaves an error unhandled (own pool)', async () => {
    const store = new PostgresStore({ connectionString: server.url, max: 2, preparedStatements: false });
    for (let i = 0; i < 5; i++) {
      // A transaction (BEGIN … COMMIT on a checked-out client), then a single statement.
      await expect(store.commit(newDossierCommit(`H56-260302-000${i}`))).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        retryable: true,
      });
      await expect(store.migrate()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.load('H56-260302-0001')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    }
    // Let the last sockets close: a late 'error' must find a listener too.
    await new Promise((r) => setTimeout(r, 50));
    await store.close();
    expect(server.connections()).toBeGreaterThanOrEqual(15);
  });

  it('guards a pool passed in as well: no client of it is ever without an error listener', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    const store = new PostgresStore({ pool });
    for (let i = 0; i < 5; i++) {
      await expect(store.migrate()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    }
    await new Promise((r) => setTimeout(r, 50));
    await store.close();
    await pool.end();
  });
});
