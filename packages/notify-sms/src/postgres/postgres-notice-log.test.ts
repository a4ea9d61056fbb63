import { PostgresStore } from '@motcua/adapters/postgres';
import { describePostgres, freshSchema, PG_URL, testPool } from '@motcua/sql/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NoticeLog } from '../delivery/notice-log.js';
import { noticeLogConformanceSuite, sampleNoticeRecord } from '../testing/notice-log-conformance.js';
import { PostgresNoticeLog } from './postgres-notice-log.js';

describePostgres('PostgresNoticeLog', () => {
  const schema = freshSchema('sms_test');
  const pool = testPool({ max: 8, applicationName: 'motcua-sms-test' });
  let n = 0;
  const prefixes = new WeakMap<NoticeLog, string>();

  beforeAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  noticeLogConformanceSuite('PostgresNoticeLog', {
    makeLog: async () => {
      const tablePrefix = `t${n++}_`;
      const log = new PostgresNoticeLog({ pool, schema, tablePrefix });
      await log.migrate();
      prefixes.set(log, tablePrefix);
      return log;
    },
    // Another worker: its own pool on the same tables.
    openAgain: (log) =>
      new PostgresNoticeLog({ connectionString: PG_URL, schema, tablePrefix: prefixes.get(log)! }),
    closeLog: (log) => (log as PostgresNoticeLog).close(),
  });

  it('shares the engine PostgresStore pool and schema; migrates from several workers at once', async () => {
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    const logs = [0, 1, 2].map(() => new PostgresNoticeLog({ pool: store.pool, schema: store.schema }));
    const results = await Promise.all(logs.map((l) => l.migrate()));
    expect(results.flatMap((r) => r.applied)).toEqual(['001_init']);
    expect(results.map((r) => r.version)).toEqual([1, 1, 1]);
    await logs[0]!.put(
      sampleNoticeRecord({ status: 'sent', sentAt: '2026-03-02T02:00:10.000Z', attempts: 1 }),
    );
    const other = new PostgresNoticeLog({ connectionString: PG_URL, schema });
    expect((await other.get(sampleNoticeRecord().id))?.status).toBe('sent');
    await other.close();
    const tables = await pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE 'sms_%' ORDER BY 1`,
      [schema],
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'sms_notice_migrations',
      'sms_notice_parts',
      'sms_notices',
    ]);
  });

  it('counts the daily cap on the (number_ref, sent_at) index', async () => {
    const log = new PostgresNoticeLog({ pool, schema, tablePrefix: 'plan_' });
    await log.migrate();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = await client.query(
        `EXPLAIN SELECT count(*) FROM "${schema}".plan_notices WHERE number_ref = 'x' AND sent_at >= now() AND sent_at < now()`,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/plan_notices_number_sent/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('says to migrate when the tables are missing; needs a pool and valid names', async () => {
    const log = new PostgresNoticeLog({ pool, schema, tablePrefix: 'never_' });
    await expect(log.get('x')).rejects.toMatchObject({ code: 'NOTICE_LOG_NOT_MIGRATED' });
    await expect(log.claim(sampleNoticeRecord(), { previousAttempts: 0, now: new Date() })).rejects.toThrow(
      /migrate\(\)/,
    );
    expect(() => new PostgresNoticeLog({})).toThrow(/pool/);
    expect(() => new PostgresNoticeLog({ pool, schema: 'a-b' })).toThrow(/schema/);
    expect(() => new PostgresNoticeLog({ pool, tablePrefix: 'Sms' })).toThrow(/tablePrefix/);
  });

  it('reports an unreachable server as NOTICE_LOG_UNAVAILABLE (retryable)', async () => {
    const log = new PostgresNoticeLog({ connectionString: 'postgres://postgres@127.0.0.1:1/none', schema });
    await expect(log.countSent('x', new Date(0), new Date())).rejects.toMatchObject({
      code: 'NOTICE_LOG_UNAVAILABLE',
      retryable: true,
    });
    await log.close();
  });
});
