import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { noticeLogConformanceSuite, sampleNoticeRecord } from '../testing/notice-log-conformance.js';
import { SqliteNoticeLog } from './sqlite-notice-log.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sms-log-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

noticeLogConformanceSuite('SqliteNoticeLog (file)', {
  makeLog: () => new SqliteNoticeLog(join(dir, `log-${n++}.db`)),
  closeLog: (log) => (log as SqliteNoticeLog).close(),
});

describe('SqliteNoticeLog', () => {
  it('shares a database the application opened, and survives reopening', async () => {
    const file = join(dir, 'shared.db');
    const db = new Database(file);
    const log = new SqliteNoticeLog(db, { table: 'notices' });
    await log.put(sampleNoticeRecord({ status: 'sent', sentAt: '2026-03-02T02:00:10.000Z', attempts: 1 }));
    log.close(); // leaves the application's database open
    expect(db.prepare('SELECT count(*) AS n FROM notices').get()).toEqual({ n: 1 });
    db.close();
    const reopened = new SqliteNoticeLog(file, { table: 'notices' });
    expect((await reopened.get(sampleNoticeRecord().id))?.status).toBe('sent');
    reopened.close();
  });

  it('refuses a table name that is not an identifier', () => {
    expect(() => new SqliteNoticeLog(':memory:', { table: 'x; DROP' })).toThrow(/table/);
  });
});
