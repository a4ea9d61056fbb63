import { pgDroppingServer } from '@motcua/core/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleNoticeRecord } from '../testing/notice-log-conformance.js';
import { PostgresNoticeLog } from './postgres-notice-log.js';

/** Errors no listener handled (a pg `Client` emitting `'error'` with no listener throws one). */
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

describe('PostgresNoticeLog when a session is terminated the moment it is ready', () => {
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

  it('fails with NOTICE_LOG_UNAVAILABLE and never leaves an error unhandled (own pool)', async () => {
    const log = new PostgresNoticeLog({ connectionString: server.url, preparedStatements: false });
    const record = sampleNoticeRecord();
    for (let i = 0; i < 5; i++) {
      await expect(log.migrate()).rejects.toMatchObject({ code: 'NOTICE_LOG_UNAVAILABLE' });
      await expect(
        log.claim(record, { previousAttempts: 0, now: new Date('2026-03-02T01:00:00Z') }),
      ).rejects.toMatchObject({ code: 'NOTICE_LOG_UNAVAILABLE' });
      await expect(log.get(record.id)).rejects.toMatchObject({ code: 'NOTICE_LOG_UNAVAILABLE' });
    }
    await new Promise((r) => setTimeout(r, 50));
    await log.close();
  });

  it('guards a pool passed in as well', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    const log = new PostgresNoticeLog({ pool });
    for (let i = 0; i < 5; i++) {
      await expect(log.migrate()).rejects.toMatchObject({ code: 'NOTICE_LOG_UNAVAILABLE' });
    }
    await new Promise((r) => setTimeout(r, 50));
    await log.close();
    await pool.end();
  });
});

describe('PostgresNoticeLog when PostgreSQL refuses connections for now', () => {
  it('answers 55000 (ALLOW_CONNECTIONS false), 57P03, 53300 and 08006 with retryable NOTICE_LOG_UNAVAILABLE', async () => {
    for (const code of ['55000', '57P03', '53300', '08006', '57014']) {
      const refuse = () => Promise.reject(Object.assign(new Error('refused'), { code }));
      const log = new PostgresNoticeLog({ pool: { connect: refuse, query: refuse, end: async () => {} } });
      await expect(log.get('H56-260302-0001:1:sms.notice:receipt'), code).rejects.toMatchObject({
        code: 'NOTICE_LOG_UNAVAILABLE',
      });
      await expect(log.migrate(), code).rejects.toMatchObject({ code: 'NOTICE_LOG_UNAVAILABLE' });
    }
  });
});
