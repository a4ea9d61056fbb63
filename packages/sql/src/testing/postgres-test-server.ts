/**
 * How the PostgreSQL tests find their server.
 * - `MOTCUA_PG_URL` names the server (default `postgres://postgres@127.0.0.1:5432/test`).
 * - Each test run works in fresh schemas (`<prefix>_<pid>_<random>_<n>`), dropped at the end.
 * - Unreachable server: under `CI=true` the run FAILS; otherwise the tests are skipped with a message.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/** The server the PostgreSQL tests use: `MOTCUA_PG_URL`, or `postgres://postgres@127.0.0.1:5432/test`. */
export const PG_URL = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What to do with the PostgreSQL tests. */
export type PgTestMode = 'run' | 'skip' | 'fail';

/**
 * Run when the server answers; otherwise fail under CI, skip elsewhere.
 *
 * @example
 * ```ts
 * import { pgTestMode } from '@motcua/sql/testing';
 * pgTestMode({ ci: 'true', reachable: false }); // 'fail'
 * ```
 */
export function pgTestMode(env: { ci: string | undefined; reachable: boolean }): PgTestMode {
  if (env.reachable) return 'run';
  return env.ci === 'true' || env.ci === '1' ? 'fail' : 'skip';
}

/** Connects once to {@link PG_URL}; `null` when it answers, else why not. */
async function probePostgres(url = PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await client.end().catch(() => {});
  }
}

const run = randomBytes(3).toString('hex');
let counter = 0;

/**
 * A schema name unique to this process and call.
 *
 * @example
 * ```ts
 * import { freshSchema } from '@motcua/sql/testing';
 * freshSchema('sms_test'); // 'sms_test_4242_a1b2c3_1'
 * ```
 */
export function freshSchema(prefix = 'motcua_test'): string {
  return `${prefix}_${process.pid}_${run}_${++counter}`;
}

/**
 * Drops a test schema and everything in it.
 *
 * @example
 * ```ts
 * import { dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
 * import { afterAll } from 'vitest';
 * const pool = testPool();
 * const schema = freshSchema('sms_test');
 * afterAll(async () => {
 *   await dropSchema(pool, schema);
 *   await pool.end();
 * });
 * ```
 */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/**
 * A pool on {@link PG_URL} for a test file (errors of idle connections are expected in fault
 * tests, and ignored).
 *
 * @example
 * ```ts
 * import { testPool } from '@motcua/sql/testing';
 * const pool = testPool({ max: 6, applicationName: 'motcua-sms-test' });
 * ```
 */
export function testPool(options: { max?: number; applicationName?: string } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: PG_URL,
    max: options.max ?? 4,
    application_name: options.applicationName ?? 'motcua-test',
  });
  pool.on('error', () => {});
  return pool;
}

const unreachable = await probePostgres();
const mode = pgTestMode({ ci: process.env.CI, reachable: unreachable === null });
if (mode === 'skip') {
  console.warn(
    `[motcua] PostgreSQL tests SKIPPED: no server at ${PG_URL} (${unreachable}). Set MOTCUA_PG_URL to run them; under CI=true this fails the run.`,
  );
}

/**
 * `describe` for tests needing the server: runs them, skips them (no server, not CI), or replaces
 * them with one failing test (no server under CI=true).
 *
 * @example
 * ```ts
 * import { describePostgres } from '@motcua/sql/testing';
 * import { it } from 'vitest';
 * describePostgres('PostgresNoticeLog', () => {
 *   it('claims a notice once', async () => {});
 * });
 * ```
 */
export function describePostgres(name: string, body: () => void): void {
  if (mode === 'fail') {
    describe(name, () => {
      it('reaches the PostgreSQL server (CI=true)', () => {
        throw new Error(
          `PostgreSQL is unreachable at ${PG_URL} (${unreachable}); under CI=true the PostgreSQL tests must run. Set MOTCUA_PG_URL.`,
        );
      });
    });
    return;
  }
  describe.skipIf(mode === 'skip')(name, body);
}
