import { createRequire } from 'node:module';
import {
  describeSqliteFailure,
  migrateSqlite,
  type SqliteDatabase,
  type SqliteStatement,
  StatementCache,
} from '@motcua/sql/sqlite';
import {
  type ClaimOptions,
  type ClaimOutcome,
  type ClaimState,
  checkedNoticeRecord,
  claimVerdict,
  type NoticeLog,
  type NoticeLogQuery,
  type NoticeRecord,
  type NoticeRowState,
  sameRowState,
  type UpdateOutcome,
} from '../delivery/notice-log.js';
import {
  checkedIdentifier,
  DEFAULT_NOTICE_TABLE_PREFIX,
  type NoticeLogMigration,
  type NoticeLogMigrationResult,
  type NoticeLogTables,
} from '../delivery/notice-log-migration.js';
import { NOTICE_LOG_CODES, NoticeLogError, SmsError } from '../errors.js';
import { sqliteNoticeLogMigrations } from './sqlite-notice-log-migrations.js';

export type { SqliteDatabase, SqliteStatement };

/** Options of {@link SqliteNoticeLog}. */
export interface SqliteNoticeLogOptions {
  /**
   * Start of the table names (default `sms_`: `sms_notices`, `sms_notice_parts`,
   * `sms_notice_migrations`), so the log can live in the engine's database file beside its tables.
   */
  readonly tablePrefix?: string;
  /** How long a write waits for another connection's lock, in ms (default 5000; a file it opens). */
  readonly busyTimeoutMs?: number;
}

const nodeRequire = createRequire(import.meta.url);

/** Loads better-sqlite3 (an optional peer dependency) only when the log opens a file itself. */
function openDatabase(filename: string, timeout: number): SqliteDatabase {
  let Driver: new (file: string, options: { timeout: number }) => SqliteDatabase;
  try {
    Driver = nodeRequire('better-sqlite3');
  } catch (e) {
    throw new NoticeLogError(
      'NOTICE_LOG_UNAVAILABLE',
      'SqliteNoticeLog needs the better-sqlite3 driver: install it beside @motcua/notify-sms (npm install better-sqlite3@12)',
      { cause: e },
    );
  }
  try {
    return new Driver(filename, { timeout });
  } catch (e) {
    throw new NoticeLogError(
      'NOTICE_LOG_UNAVAILABLE',
      `cannot open SQLite database ${filename}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/** An instant as the canonical text the columns hold (`…T02:00:00.000Z`). */
const canonical = (value: string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * The {@link NoticeLog} in SQLite (better-sqlite3): it survives restarts and is shared by every
 * process using the same file, so a notice a gateway accepted is never sent again. Give it a file
 * name (it opens the file in WAL mode, as the engine's `SqliteStore` does: the engine's database
 * file is the natural home, beside the store's tables) or a `Database` the application already
 * has open. Run {@link SqliteNoticeLog.migrate} once before use.
 *
 * A claim is one `BEGIN IMMEDIATE` transaction (read the row, count the number's notices of the
 * day, write), so two processes on the file never both claim a notice, and the daily cap is
 * counted under the same write lock. The cap is a range count on an index of
 * `(number_ref, sent_at)`; receipts find their notice through the primary key of the parts table.
 *
 * @example
 * ```ts
 * import { smsNotices } from '@motcua/notify-sms';
 * import { createSmppProvider } from '@motcua/notify-sms/smpp';
 * import { SqliteNoticeLog } from '@motcua/notify-sms/sqlite';
 * const noticeLog = new SqliteNoticeLog('motcua.db'); // the engine's SqliteStore file
 * await noticeLog.migrate();
 * const provider = createSmppProvider({
 *   host: 'smsc.example.vn', port: 2775, systemId: 'ubnd-bennghe', password: 'secret', sourceAddr: 'UBND-BENNGHE',
 * });
 * const sms = smsNotices({ provider, noticeLog, numberKey: process.env.SMS_NUMBER_KEY ?? 'a long random key' });
 * ```
 */
export class SqliteNoticeLog implements NoticeLog {
  /** The migrations this log runs, in order. */
  static readonly migrations: readonly NoticeLogMigration[] = sqliteNoticeLogMigrations;
  private readonly db: SqliteDatabase;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly t: NoticeLogTables;
  private readonly busyTimeoutMs: number;
  private readonly statements: StatementCache<SqliteStatement>;

  /** @throws `SmsError` `INVALID_OPTION` for a bad prefix; {@link NoticeLogError} when the file cannot be opened. */
  constructor(database: string | SqliteDatabase, options: SqliteNoticeLogOptions = {}) {
    this.prefix = checkedIdentifier('tablePrefix', options.tablePrefix ?? DEFAULT_NOTICE_TABLE_PREFIX, true);
    this.t = {
      notices: `${this.prefix}notices`,
      parts: `${this.prefix}notice_parts`,
      migrations: `${this.prefix}notice_migrations`,
    };
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    if (typeof database === 'string') {
      this.db = openDatabase(database, this.busyTimeoutMs);
      this.owned = true;
      try {
        this.db.pragma('journal_mode = WAL');
      } catch (e) {
        this.db.close();
        throw this.translate(e, 'open');
      }
    } else if (database && typeof database.prepare === 'function') {
      this.db = database;
      this.owned = false;
    } else {
      throw new SmsError('INVALID_OPTION', 'database: expected a file name or a better-sqlite3 Database', {
        field: 'database',
      });
    }
    this.statements = new StatementCache(this.db);
  }

  /**
   * Creates or upgrades the tables: in one immediate transaction, runs each migration not yet
   * recorded in `<prefix>notice_migrations`. Running it again does nothing.
   */
  async migrate(): Promise<NoticeLogMigrationResult> {
    return this.guard('migrate', () =>
      migrateSqlite(this.db, {
        versionsTable: this.t.migrations,
        createVersionsTable: `CREATE TABLE IF NOT EXISTS ${this.t.migrations} (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT`,
        migrations: sqliteNoticeLogMigrations.map((m) => ({
          version: m.version,
          name: m.name,
          sql: m.sql({ ...this.t, prefix: this.prefix }),
        })),
      }),
    );
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    return this.guard('get', () => {
      const found = this.stmt(`SELECT record FROM ${this.t.notices} WHERE id = ?`).get(id) as
        | { record: string }
        | undefined;
      return found ? (JSON.parse(found.record) as NoticeRecord) : undefined;
    });
  }

  async put(record: NoticeRecord): Promise<void> {
    const row = checkedNoticeRecord(record);
    this.guard('put', () => this.db.transaction(() => this.write(row)).immediate());
  }

  async update(record: NoticeRecord, expected: NoticeRowState): Promise<UpdateOutcome> {
    const row = checkedNoticeRecord(record);
    return this.guard('update', () =>
      this.db
        .transaction((): UpdateOutcome => {
          const found = this.stmt(`SELECT record FROM ${this.t.notices} WHERE id = ?`).get(row.id) as
            | { record: string }
            | undefined;
          if (!sameRowState(found && (JSON.parse(found.record) as NoticeRecord), expected)) return 'changed';
          this.write(row);
          return 'updated';
        })
        .immediate(),
    );
  }

  async claim(record: NoticeRecord, options: ClaimOptions): Promise<ClaimOutcome> {
    const row = checkedNoticeRecord(record);
    const now = options.now.toISOString();
    return this.guard('claim', () =>
      this.db
        .transaction((): ClaimOutcome => {
          const current = this.stmt(
            `SELECT attempts, sent_at AS sentAt, claimed_until AS claimedUntil FROM ${this.t.notices} WHERE id = ?`,
          ).get(row.id) as ClaimState | undefined;
          const refused = claimVerdict(current, options.previousAttempts, options.now);
          if (refused) return refused;
          const cap = options.dailyCap;
          if (cap) {
            const sent = this.countIn(row.numberRef, cap.from, cap.to);
            const sending = this.stmt(
              `SELECT count(*) AS n FROM ${this.t.notices}
               WHERE number_ref = ? AND claimed_until > ? AND sent_at IS NULL AND id <> ?`,
            ).get(row.numberRef, now, row.id) as { n: number };
            if (sent + sending.n >= cap.limit) return 'daily-cap';
          }
          this.write(row);
          return 'claimed';
        })
        .immediate(),
    );
  }

  async findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined> {
    return this.guard('findByProviderMessageId', () => {
      const found = (
        provider === undefined
          ? this.stmt(
              `SELECT n.record FROM ${this.t.parts} p JOIN ${this.t.notices} n ON n.id = p.notice_id
               WHERE p.message_id = ? LIMIT 1`,
            ).get(messageId)
          : this.stmt(
              `SELECT n.record FROM ${this.t.parts} p JOIN ${this.t.notices} n ON n.id = p.notice_id
               WHERE p.message_id = ? AND p.provider = ?`,
            ).get(messageId, provider)
      ) as { record: string } | undefined;
      return found ? (JSON.parse(found.record) as NoticeRecord) : undefined;
    });
  }

  async countSent(numberRef: string, from: Date, to: Date): Promise<number> {
    return this.guard('countSent', () => this.countIn(numberRef, from, to));
  }

  async list(query: NoticeLogQuery = {}): Promise<NoticeRecord[]> {
    return this.guard('list', () => {
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
      const sql = `SELECT record FROM ${this.t.notices}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`;
      return (this.stmt(sql).all(...params) as { record: string }[]).map(
        (r) => JSON.parse(r.record) as NoticeRecord,
      );
    });
  }

  /** Closes the database if the log opened it (a `Database` passed in stays open). */
  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }

  private countIn(numberRef: string, from: Date, to: Date): number {
    const found = this.stmt(
      `SELECT count(*) AS n FROM ${this.t.notices} WHERE number_ref = ? AND sent_at >= ? AND sent_at < ?`,
    ).get(numberRef, from.toISOString(), to.toISOString()) as { n: number };
    return found.n;
  }

  /** The row and its part message ids; call inside a transaction. */
  private write(row: NoticeRecord): void {
    this.stmt(
      `INSERT INTO ${this.t.notices}
         (id, code, notice, status, number_ref, provider, attempts, created_at, sent_at, claimed_until, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, notice = excluded.notice,
         status = excluded.status, number_ref = excluded.number_ref, provider = excluded.provider,
         attempts = excluded.attempts, created_at = excluded.created_at, sent_at = excluded.sent_at,
         claimed_until = excluded.claimed_until, record = excluded.record`,
    ).run(
      row.id,
      row.code,
      row.notice,
      row.status,
      row.numberRef,
      row.provider,
      row.attempts,
      canonical(row.createdAt),
      canonical(row.sentAt),
      canonical(row.claimedUntil),
      JSON.stringify(row),
    );
    // A notice's parts only gain ids: index the new ones.
    const insert = this.stmt(
      `INSERT INTO ${this.t.parts} (message_id, provider, notice_id) VALUES (?, ?, ?)
       ON CONFLICT (message_id, provider) DO UPDATE SET notice_id = excluded.notice_id`,
    );
    for (const part of row.parts) if (part.messageId) insert.run(part.messageId, row.provider, row.id);
  }

  private stmt(sql: string): SqliteStatement {
    return this.statements.get(sql);
  }

  /** Runs `fn`, translating driver errors into {@link NoticeLogError}s. */
  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw this.translate(e, what);
    }
  }

  private translate(e: unknown, what: string): unknown {
    if (e instanceof SmsError) return e;
    const failure = describeSqliteFailure(e, {
      where: `SqliteNoticeLog.${what}`,
      busyTimeoutMs: this.busyTimeoutMs,
      notMigrated: `no ${this.t.notices} table: run await noticeLog.migrate()`,
    });
    return failure ? new NoticeLogError(NOTICE_LOG_CODES[failure.kind], failure.message, { cause: e }) : e;
  }
}
