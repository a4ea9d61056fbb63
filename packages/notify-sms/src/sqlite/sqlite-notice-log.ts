import { createRequire } from 'node:module';
import {
  checkedNoticeRecord,
  type NoticeLog,
  type NoticeLogQuery,
  type NoticeRecord,
} from '../delivery/notice-log.js';
import { SmsError } from '../errors.js';

/** What the log needs of a better-sqlite3 `Database` (one the application already has fits). */
export interface SqliteDatabase {
  prepare(sql: string): {
    run(...params: unknown[]): { changes: number };
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  };
  exec(sql: string): unknown;
  transaction<T>(fn: () => T): () => T;
  pragma(source: string): unknown;
  close(): unknown;
}

/** Options of {@link SqliteNoticeLog}. */
export interface SqliteNoticeLogOptions {
  /** Name of the table (default `sms_notices`; a second table `<name>_parts` indexes message ids). */
  readonly table?: string;
  /** How long a write waits for another connection's lock, in ms (default 5000; a file it opens). */
  readonly busyTimeoutMs?: number;
}

const nodeRequire = createRequire(import.meta.url);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function instant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * The {@link NoticeLog} in SQLite (better-sqlite3): survives restarts and is shared by every
 * process using the same file, so a notice the gateway accepted is never sent again. Give it a
 * file name (it opens the file in WAL mode, as the engine's `SqliteStore` does) or a `Database`
 * the application already has — the engine's database file is the natural home. The tables are
 * created when it is built (`CREATE TABLE IF NOT EXISTS`).
 *
 * @example
 * ```ts
 * import { SqliteNoticeLog } from '@motcua/notify-sms/sqlite';
 * const noticeLog = new SqliteNoticeLog('motcua.db');
 * const sms = smsNotices({ provider, noticeLog, numberKey: process.env.SMS_NUMBER_KEY });
 * ```
 */
export class SqliteNoticeLog implements NoticeLog {
  private readonly db: SqliteDatabase;
  private readonly owned: boolean;
  private readonly table: string;
  private readonly parts: string;

  constructor(database: string | SqliteDatabase, options: SqliteNoticeLogOptions = {}) {
    this.table = options.table ?? 'sms_notices';
    if (!IDENTIFIER.test(this.table)) {
      throw new SmsError('INVALID_OPTION', 'table: letters, digits and _ only', { field: 'table' });
    }
    this.parts = `${this.table}_parts`;
    if (typeof database === 'string') {
      let Driver: new (file: string, options: { timeout: number }) => SqliteDatabase;
      try {
        Driver = nodeRequire('better-sqlite3');
      } catch {
        throw new SmsError(
          'INVALID_OPTION',
          'SqliteNoticeLog needs the better-sqlite3 driver: install it beside @motcua/notify-sms (npm install better-sqlite3@12)',
          { field: 'database' },
        );
      }
      this.db = new Driver(database, { timeout: options.busyTimeoutMs ?? 5000 });
      this.db.pragma('journal_mode = WAL');
      this.owned = true;
    } else {
      this.db = database;
      this.owned = false;
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${this.table} (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        number_ref TEXT NOT NULL,
        provider TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        record TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${this.table}_number_sent ON ${this.table} (number_ref, sent_at);
      CREATE INDEX IF NOT EXISTS ${this.table}_code ON ${this.table} (code);
      CREATE TABLE IF NOT EXISTS ${this.parts} (
        message_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        notice_id TEXT NOT NULL,
        PRIMARY KEY (message_id, provider)
      );
      CREATE INDEX IF NOT EXISTS ${this.parts}_notice ON ${this.parts} (notice_id);
    `);
  }

  private write(row: NoticeRecord): void {
    this.db
      .prepare(
        `INSERT INTO ${this.table} (id, code, status, number_ref, provider, attempts, created_at, sent_at, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, status = excluded.status,
           number_ref = excluded.number_ref, provider = excluded.provider, attempts = excluded.attempts,
           created_at = excluded.created_at, sent_at = excluded.sent_at, record = excluded.record`,
      )
      .run(
        row.id,
        row.code,
        row.status,
        row.numberRef,
        row.provider,
        row.attempts,
        instant(row.createdAt),
        instant(row.sentAt),
        JSON.stringify(row),
      );
    this.db.prepare(`DELETE FROM ${this.parts} WHERE notice_id = ?`).run(row.id);
    const insert = this.db.prepare(
      `INSERT INTO ${this.parts} (message_id, provider, notice_id) VALUES (?, ?, ?)
       ON CONFLICT (message_id, provider) DO UPDATE SET notice_id = excluded.notice_id`,
    );
    for (const part of row.parts) if (part.messageId) insert.run(part.messageId, row.provider, row.id);
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    const found = this.db.prepare(`SELECT record FROM ${this.table} WHERE id = ?`).get(id) as
      | { record: string }
      | undefined;
    return found ? (JSON.parse(found.record) as NoticeRecord) : undefined;
  }

  async put(record: NoticeRecord): Promise<void> {
    const row = checkedNoticeRecord(record);
    this.db.transaction(() => this.write(row))();
  }

  async claimAttempt(record: NoticeRecord, previousAttempts: number): Promise<boolean> {
    const row = checkedNoticeRecord(record);
    return this.db.transaction(() => {
      const current = this.db
        .prepare(`SELECT attempts, sent_at FROM ${this.table} WHERE id = ?`)
        .get(row.id) as { attempts: number; sent_at: string | null } | undefined;
      const free = current
        ? current.attempts === previousAttempts && current.sent_at === null
        : previousAttempts === 0;
      if (free) this.write(row);
      return free;
    })();
  }

  async findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined> {
    const found = (
      provider === undefined
        ? this.db.prepare(`SELECT notice_id FROM ${this.parts} WHERE message_id = ? LIMIT 1`).get(messageId)
        : this.db
            .prepare(`SELECT notice_id FROM ${this.parts} WHERE message_id = ? AND provider = ?`)
            .get(messageId, provider)
    ) as { notice_id: string } | undefined;
    return found ? this.get(found.notice_id) : undefined;
  }

  async countSent(numberRef: string, from: Date, to: Date): Promise<number> {
    const found = this.db
      .prepare(
        `SELECT count(*) AS n FROM ${this.table} WHERE number_ref = ? AND sent_at >= ? AND sent_at < ?`,
      )
      .get(numberRef, from.toISOString(), to.toISOString()) as { n: number };
    return found.n;
  }

  async list(query: NoticeLogQuery = {}): Promise<NoticeRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.code) {
      where.push('code = ?');
      params.push(query.code);
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    const sql = `SELECT record FROM ${this.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
    return (this.db.prepare(sql).all(...params) as { record: string }[]).map(
      (r) => JSON.parse(r.record) as NoticeRecord,
    );
  }

  /** Closes the database if the log opened it (a `Database` passed in stays open). */
  close(): void {
    if (this.owned) this.db.close();
  }
}
