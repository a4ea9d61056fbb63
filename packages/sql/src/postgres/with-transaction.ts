import { isLostClient } from './guard-pool.js';
import type { PgPool, PgPoolClient } from './pg-pool.js';

/** How {@link withTransaction} runs and reports. */
export interface TransactionOptions {
  /** The statement that opens the transaction (default `BEGIN`). */
  readonly begin?: string;
  /** Turns a driver error into the caller's typed error (it is thrown). */
  readonly translate: (error: unknown) => unknown;
  /**
   * Whether a translated error means the connection is lost or black-holed: then no `ROLLBACK` is
   * sent (it could wait a whole query timeout again) and the connection is destroyed; the server
   * rolls the transaction back.
   */
  readonly connectionLost: (error: unknown) => boolean;
}

/**
 * Runs `fn` in one transaction on one client of the pool: `begin`, then `COMMIT`, or `ROLLBACK`
 * on any error (errors are thrown translated). A client whose connection failed (see
 * {@link guardPool}) is destroyed, never handed back to the pool.
 *
 * @example
 * ```ts
 * import { postgresFailureKind, withTransaction } from '@motcua/sql/postgres';
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * await withTransaction(pool, (client) => client.query({ text: 'UPDATE notes SET seen = true WHERE id = $1', values: ['n-1'] }), {
 *   translate: (e) => new Error(`notes: ${postgresFailureKind(e) ?? 'failed'}`),
 *   connectionLost: (e) => postgresFailureKind(e) === 'unavailable',
 * });
 * ```
 */
export async function withTransaction<T>(
  pool: PgPool,
  fn: (client: PgPoolClient) => Promise<T>,
  options: TransactionOptions,
): Promise<T> {
  let client: PgPoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw options.translate(e);
  }
  // A connection lost between two queries is reported as an event: note it, never crash on it
  // (a guarded pool's client already has a listener from birth: this one only notes the loss).
  let destroy = isLostClient(client);
  const onError = () => {
    destroy = true;
  };
  client.on?.('error', onError);
  try {
    await client.query({ text: options.begin ?? 'BEGIN' });
    const result = await fn(client);
    await client.query({ text: 'COMMIT' });
    return result;
  } catch (e) {
    const error = options.translate(e);
    if (options.connectionLost(error)) {
      destroy = true;
      throw error;
    }
    try {
      await client.query({ text: 'ROLLBACK' });
    } catch {
      destroy = true;
    }
    throw error;
  } finally {
    client.removeListener?.('error', onError);
    client.release(destroy);
  }
}
