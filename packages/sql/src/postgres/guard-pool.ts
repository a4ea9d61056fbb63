import type { PgPool } from './pg-pool.js';

/** Clients whose connection failed (noted by the listener every client gets at birth). */
const lostClients = new WeakSet<object>();
/** Pools already guarded (a store and a notice log may share one). */
const guardedPools = new WeakSet<object>();

/**
 * Makes sure no connection fault of `pool` is ever an unhandled `'error'` event: the pool's own
 * `'error'` (an idle client lost) is handled, and every new client gets an `'error'` listener the
 * moment the pool creates it (`'connect'`), before the pool hands it out. Without it, a session
 * terminated in the same network read that made it ready emits `'error'` before any caller of
 * `await pool.connect()` can listen, and node crashes the process. A pool is guarded once, by the
 * first caller: its `onError` hears every fault (a failing hook is ignored).
 *
 * @example
 * ```ts
 * import { guardPool } from '@motcua/sql/postgres';
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * guardPool(pool, (error) => console.warn('postgres client lost', error.message));
 * ```
 */
export function guardPool(pool: PgPool, onError?: (error: Error) => void): void {
  if (typeof pool.on !== 'function' || guardedPools.has(pool)) return;
  guardedPools.add(pool);
  const report = (error: Error) => {
    try {
      onError?.(error);
    } catch {
      // A failing error hook must not turn a handled fault into a crash.
    }
  };
  const on = pool.on as (event: string, listener: (arg: unknown) => void) => unknown;
  on.call(pool, 'error', (e) => report(e as Error));
  on.call(pool, 'connect', (c) => {
    const client = c as { on?: (event: 'error', listener: (error: Error) => void) => unknown };
    client.on?.('error', (error) => {
      lostClients.add(client);
      report(error);
    });
  });
}

/**
 * Whether a client of a {@link guardPool guarded} pool lost its connection (it must be destroyed).
 *
 * @example
 * ```ts
 * import { guardPool, isLostClient } from '@motcua/sql/postgres';
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * guardPool(pool);
 * const client = await pool.connect();
 * try {
 *   await client.query('SELECT 1');
 * } finally {
 *   client.release(isLostClient(client)); // destroy a client whose connection failed
 * }
 * ```
 */
export function isLostClient(client: object): boolean {
  return lostClients.has(client);
}
