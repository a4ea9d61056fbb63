import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { NoticeLog } from '../delivery/notice-log.js';
import { noticeLogConformanceSuite, sampleNoticeRecord } from '../testing/notice-log-conformance.js';
import { SqliteNoticeLog } from './sqlite-notice-log.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sms-log-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = new WeakMap<NoticeLog, string>();
async function open(file: string): Promise<SqliteNoticeLog> {
  const log = new SqliteNoticeLog(file);
  await log.migrate();
  files.set(log, file);
  return log;
}

noticeLogConformanceSuite('SqliteNoticeLog (file)', {
  makeLog: () => open(join(dir, `log-${n++}.db`)),
  openAgain: (log) => open(files.get(log)!),
  closeLog: (log) => (log as SqliteNoticeLog).close(),
});

/** Runs the claim-race worker in its own Node process; resolves with the ids it won. */
function raceWorker(file: string, worker: number, notices: number): Promise<string[]> {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const script = fileURLToPath(new URL('../test-support/claim-race-worker.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: {
      ...process.env,
      MOTCUA_SMS_DB: file,
      MOTCUA_SMS_WORKER: String(worker),
      MOTCUA_SMS_NOTICES: String(notices),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${worker} exited with ${code}: ${out}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as string[]);
    }),
  );
}

describe('SqliteNoticeLog', () => {
  // The timeout is a safety net for starting three Node processes on a busy machine, not a measure.
  it('gives each notice to one of several processes racing on the file, one per number under a cap of one', {
    tags: ['slow'],
    timeout: 120_000,
  }, async () => {
    const file = join(dir, 'race.db');
    (await open(file)).close();
    const notices = 200;
    const won = await Promise.all([0, 1, 2].map((w) => raceWorker(file, w, notices)));
    const all = won.flat();
    expect(new Set(all).size).toBe(all.length);
    const numbers = all.map((id) => Math.floor(Number(id.slice('notice-'.length)) / 4));
    expect(new Set(numbers).size).toBe(notices / 4);
    expect(all).toHaveLength(notices / 4);
    const log = await open(file);
    expect((await log.list()).filter((r) => r.claimedUntil !== null)).toHaveLength(notices / 4);
    log.close();
  });

  it('migrates once, beside the tables of an application database it shares, and survives reopening', async () => {
    const file = join(dir, 'shared.db');
    const db = new Database(file);
    db.exec('CREATE TABLE dossiers (code TEXT PRIMARY KEY)');
    const log = new SqliteNoticeLog(db, { tablePrefix: 'notify_' });
    expect(await log.migrate()).toEqual({ applied: ['001_init'], version: 1 });
    expect(await log.migrate()).toEqual({ applied: [], version: 1 });
    await log.put(sampleNoticeRecord({ status: 'sent', sentAt: '2026-03-02T02:00:10.000Z', attempts: 1 }));
    log.close(); // leaves the application's database open
    expect(db.prepare('SELECT count(*) AS n FROM notify_notices').get()).toEqual({ n: 1 });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(['dossiers', 'notify_notice_migrations', 'notify_notice_parts', 'notify_notices']);
    db.close();
    const reopened = new SqliteNoticeLog(file, { tablePrefix: 'notify_' });
    expect((await reopened.migrate()).applied).toEqual([]);
    expect((await reopened.get(sampleNoticeRecord().id))?.status).toBe('sent');
    reopened.close();
  });

  it('counts the daily cap and finds receipts through indexes', async () => {
    const file = join(dir, 'plan.db');
    const log = await open(file);
    log.close();
    const db = new Database(file);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(
      plan("SELECT count(*) FROM sms_notices WHERE number_ref = 'x' AND sent_at >= 'a' AND sent_at < 'b'"),
    ).toMatch(/USING COVERING INDEX sms_notices_number_sent/);
    expect(
      plan(
        "SELECT count(*) FROM sms_notices WHERE number_ref = 'x' AND claimed_until > 'a' AND sent_at IS NULL AND id <> 'y'",
      ),
    ).toMatch(/USING INDEX sms_notices_number_claimed/);
    expect(plan("SELECT notice_id FROM sms_notice_parts WHERE message_id = 'm'")).toMatch(/INDEX/);
    db.close();
  });

  it('says to migrate when the tables are missing, and refuses bad names', async () => {
    const log = new SqliteNoticeLog(join(dir, 'empty.db'));
    await expect(log.get('x')).rejects.toMatchObject({ code: 'NOTICE_LOG_NOT_MIGRATED', retryable: false });
    await expect(log.countSent('x', new Date(0), new Date())).rejects.toThrow(/migrate\(\)/);
    log.close();
    expect(() => new SqliteNoticeLog(':memory:', { tablePrefix: 'x; DROP' })).toThrow(/tablePrefix/);
    expect(() => new SqliteNoticeLog(42 as never)).toThrow(/database/);
  });

  it('reports a lock held by another connection as NOTICE_LOG_LOCKED (retryable), writing nothing', async () => {
    const file = join(dir, 'locked.db');
    (await open(file)).close();
    const blocker = new Database(file);
    blocker.exec('BEGIN IMMEDIATE');
    const log = new SqliteNoticeLog(file, { busyTimeoutMs: 50 });
    const now = new Date('2026-03-02T02:00:00.000Z');
    await expect(log.claim(sampleNoticeRecord(), { previousAttempts: 0, now })).rejects.toMatchObject({
      code: 'NOTICE_LOG_LOCKED',
      retryable: true,
    });
    blocker.exec('ROLLBACK');
    blocker.close();
    expect(await log.get(sampleNoticeRecord().id)).toBeUndefined();
    expect(await log.claim(sampleNoticeRecord(), { previousAttempts: 0, now })).toBe('claimed');
    log.close();
  });
});
