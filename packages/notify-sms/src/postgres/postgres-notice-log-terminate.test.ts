import { randomBytes } from 'node:crypto';
import { describePostgres, freshSchema, PG_URL, testPool } from '@motcua/sql/testing';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { sampleNoticeRecord } from '../testing/notice-log-conformance.js';
import { PostgresNoticeLog } from './postgres-notice-log.js';

/** Errors no listener handled (a pg `Client` emitting `'error'` with no listener throws one). */
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

describePostgres('PostgresNoticeLog while its backends are terminated (pg_terminate_backend)', () => {
  const admin = testPool({ max: 2, applicationName: 'motcua-sms-test' });
  const schema = freshSchema('sms_test');
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('never crashes: each operation succeeds or fails with a retryable code, and retried, succeeds', async () => {
    process.on('uncaughtException', onUncaught);
    const applicationName = `motcua-sms-kill-${randomBytes(4).toString('hex')}`;
    // An application's pool with no 'error' listener of its own: the log must guard it.
    const pool = new pg.Pool({ connectionString: PG_URL, max: 4, application_name: applicationName });
    const log = new PostgresNoticeLog({ pool, schema });
    await log.migrate();
    let running = true;
    let terminated = 0;
    const killer = (async () => {
      while (running) {
        const r = await admin.query(
          'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        terminated += r.rows.filter((x: { ok: boolean }) => x.ok).length;
        // Every 20–120 ms: often enough that most operations meet a terminated backend, yet an
        // operation slowed by a loaded machine still gets through between two sweeps.
        await new Promise((res) => setTimeout(res, 20 + Math.random() * 100));
      }
    })();
    let failures = 0;
    const retry = async <T>(op: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await op();
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (attempt > 400 || (code !== 'NOTICE_LOG_UNAVAILABLE' && code !== 'NOTICE_LOG_LOCKED')) throw e;
          failures++;
          // Back off (5 ms doubling to 80 ms), as a real client would: a fixed 5 ms kept a client
          // on a loaded machine retrying into every sweep.
          await new Promise((res) => setTimeout(res, Math.min(5 * 2 ** Math.min(attempt, 4), 80)));
        }
      }
    };
    const now = new Date('2026-03-02T02:00:00.000Z');
    try {
      await Promise.all(
        [0, 1, 2, 3].map(async (lane) => {
          for (let i = 0; i < 40; i++) {
            const record = sampleNoticeRecord({
              id: `H56-260302-${lane}${String(i).padStart(3, '0')}:1:sms.notice:receipt`,
              numberRef: `ref-${lane}-${i}`,
            });
            await retry(() => log.put(record));
            await retry(() => log.claim(record, { previousAttempts: 0, now }));
            await retry(() => log.get(record.id));
          }
        }),
      );
    } finally {
      running = false;
      await killer;
    }
    await new Promise((res) => setTimeout(res, 100));
    process.off('uncaughtException', onUncaught);
    expect(uncaught.splice(0)).toEqual([]);
    expect(terminated).toBeGreaterThan(0);
    expect(await log.list({})).toHaveLength(160);
    await log.close();
    await pool.end();
    console.info(
      `[motcua] notice log under pg_terminate_backend: ${terminated} backends terminated, ${failures} operations retried, 0 unhandled errors`,
    );
  }, 300_000);
});
