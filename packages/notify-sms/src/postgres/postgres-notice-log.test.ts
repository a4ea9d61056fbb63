import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeLogConformanceSuite, sampleNoticeRecord } from '../testing/notice-log-conformance.js';
import { PostgresNoticeLog } from './postgres-notice-log.js';

const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `sms_test_${process.pid}_${Date.now().toString(36)}`;
const pool = new pg.Pool({ connectionString: url, max: 6 });
let reachable = false;

beforeAll(async () => {
  try {
    await pool.query('SELECT 1');
    reachable = true;
  } catch (e) {
    if (process.env.CI === 'true')
      throw new Error(`PostgreSQL at ${url} is required under CI: ${(e as Error).message}`);
    console.warn(`[motcua] PostgreSQL at ${url} unreachable: PostgresNoticeLog tests skipped`);
  }
});

afterAll(async () => {
  if (reachable) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

let n = 0;
noticeLogConformanceSuite('PostgresNoticeLog', {
  makeLog: async () => {
    if (!reachable) throw new Error('PostgreSQL unreachable');
    const log = new PostgresNoticeLog({ pool, schema, table: `notices_${n++}` });
    await log.migrate();
    return log;
  },
});

describe('PostgresNoticeLog', () => {
  it('migrates from several workers at once and keeps rows across a new pool', async () => {
    if (!reachable) return;
    const logs = [0, 1, 2].map(() => new PostgresNoticeLog({ pool, schema, table: 'shared' }));
    await Promise.all(logs.map((l) => l.migrate()));
    await logs[0]!.put(
      sampleNoticeRecord({ status: 'sent', sentAt: '2026-03-02T02:00:10.000Z', attempts: 1 }),
    );
    const other = new PostgresNoticeLog({ connectionString: url, schema, table: 'shared' });
    expect((await other.get(sampleNoticeRecord().id))?.status).toBe('sent');
    await other.close();
  });

  it('needs a pool or a connection string, and identifiers for names', () => {
    expect(() => new PostgresNoticeLog({})).toThrow(/pool/);
    expect(() => new PostgresNoticeLog({ pool, schema: 'a-b' })).toThrow(/schema/);
  });
});
