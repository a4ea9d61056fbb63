/**
 * How the PostgreSQL tests of notify-sms find their server (test helper, not part of the API).
 * - `MOTCUA_PG_URL` names the server (default `postgres://postgres@127.0.0.1:5432/test`).
 * - Each test run works in a fresh schema `sms_test_<pid>_<random>_<n>`, dropped at the end.
 * - Unreachable server: under `CI=true` the tests FAIL; otherwise they are skipped with a message.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/** The server the PostgreSQL tests use. */
export const PG_URL = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
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

const unreachable = await probe();
const ci = process.env.CI === 'true' || process.env.CI === '1';
const mode = unreachable === null ? 'run' : ci ? 'fail' : 'skip';
if (mode === 'skip') {
  console.warn(
    `[motcua] notify-sms PostgreSQL tests SKIPPED: no server at ${PG_URL} (${unreachable}). Set MOTCUA_PG_URL to run them; under CI=true this fails the run.`,
  );
}

const run = randomBytes(3).toString('hex');
let counter = 0;

/** A schema name unique to this process and call. */
export function freshSchema(): string {
  return `sms_test_${process.pid}_${run}_${++counter}`;
}

/** A pool on {@link PG_URL} (errors of idle connections ignored). */
export function testPool(max = 6): pg.Pool {
  const pool = new pg.Pool({ connectionString: PG_URL, max, application_name: 'motcua-sms-test' });
  pool.on('error', () => {});
  return pool;
}

/**
 * `describe` for tests needing the server: runs them, skips them (no server, not CI), or replaces
 * them with one failing test (no server under CI=true).
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
