import { createRequire } from 'node:module';
import {
  checkedNoticeRecord,
  type NoticeLog,
  type NoticeLogQuery,
  type NoticeRecord,
} from '../delivery/notice-log.js';
import { SmsError } from '../errors.js';

/** A query result of node-postgres. */
export interface PgRows {
  readonly rows: Record<string, unknown>[];
  readonly rowCount: number | null;
}

/** What the log needs of a node-postgres `Pool` (the one the engine's store uses fits). */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<PgRows>;
  end(): Promise<void>;
}

/** Options of {@link PostgresNoticeLog}: a pool passed in, or a connection string to make one. */
export interface PostgresNoticeLogOptions {
  /** A pool the application owns (a node-postgres `Pool`); {@link PostgresNoticeLog.close} leaves it open. */
  readonly pool?: PgQueryable;
  /** Or a connection string: the log makes its own small pool and ends it on close. */
  readonly connectionString?: string;
  /** The schema of the tables (default `'motcua'`, as the engine's `PostgresStore`). */
  readonly schema?: string;
  /** Name of the table (default `sms_notices`; `<name>_parts` indexes message ids). */
  readonly table?: string;
}

const nodeRequire = createRequire(import.meta.url);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const fromRow = (row: Record<string, unknown>): NoticeRecord => row.record as NoticeRecord;

/**
 * The {@link NoticeLog} in PostgreSQL: one log for every engine worker sharing the database, so a
 * notice the gateway accepted is never sent again, whichever worker retries it; attempts are
 * claimed with a conditional write, so two workers never both send one notice. Call
 * {@link PostgresNoticeLog.migrate} once before use (it creates the schema and tables if absent).
 *
 * @example
 * ```ts
 * import { PostgresNoticeLog } from '@motcua/notify-sms/postgres';
 * const noticeLog = new PostgresNoticeLog({ pool });   // the engine store's pool
 * await noticeLog.migrate();
 * ```
 */
export class PostgresNoticeLog implements NoticeLog {
  private readonly pool: PgQueryable;
  private readonly owned: boolean;
  private readonly table: string;
  private readonly parts: string;
  private readonly schema: string;

  constructor(options: PostgresNoticeLogOptions) {
    const schema = options.schema ?? 'motcua';
    const table = options.table ?? 'sms_notices';
    for (const [field, value] of [
      ['schema', schema],
      ['table', table],
    ] as const) {
      if (!IDENTIFIER.test(value))
        throw new SmsError('INVALID_OPTION', `${field}: letters, digits and _ only`, { field });
    }
    this.schema = schema;
    this.table = `"${schema}"."${table}"`;
    this.parts = `"${schema}"."${table}_parts"`;
    if (options.pool) {
      this.pool = options.pool;
      this.owned = false;
    } else if (options.connectionString) {
      let pg: { Pool: new (config: object) => PgQueryable };
      try {
        pg = nodeRequire('pg');
      } catch {
        throw new SmsError(
          'INVALID_OPTION',
          'PostgresNoticeLog needs the pg driver: install it beside @motcua/notify-sms (npm install pg@8)',
          { field: 'connectionString' },
        );
      }
      this.pool = new pg.Pool({ connectionString: options.connectionString, max: 4 });
      this.owned = true;
    } else {
      throw new SmsError('INVALID_OPTION', 'give a pool or a connectionString', { field: 'pool' });
    }
  }

  /** Creates the schema and tables if absent; safe to run from several workers at once. */
  async migrate(): Promise<void> {
    const name = this.table.split('.')[1]!.replaceAll('"', '');
    // One migration at a time across workers (transaction-scoped advisory lock).
    await this.pool.query(`
      DO $$ BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('motcua-sms-notice-log'));
        CREATE SCHEMA IF NOT EXISTS "${this.schema}";
        CREATE TABLE IF NOT EXISTS ${this.table} (
          id text PRIMARY KEY,
          code text NOT NULL,
          status text NOT NULL,
          number_ref text NOT NULL,
          provider text NOT NULL,
          attempts integer NOT NULL,
          created_at timestamptz NOT NULL,
          sent_at timestamptz,
          record jsonb NOT NULL
        );
        CREATE INDEX IF NOT EXISTS "${name}_number_sent" ON ${this.table} (number_ref, sent_at);
        CREATE INDEX IF NOT EXISTS "${name}_code" ON ${this.table} (code);
        CREATE TABLE IF NOT EXISTS ${this.parts} (
          message_id text NOT NULL,
          provider text NOT NULL,
          notice_id text NOT NULL,
          PRIMARY KEY (message_id, provider)
        );
        CREATE INDEX IF NOT EXISTS "${name}_parts_notice" ON ${this.parts} (notice_id);
      END $$;`);
  }

  /**
   * The row's write and its message-id index, in one statement (a data-modifying CTE). Index
   * entries are only added: a notice's parts only gain ids, and a lookup reads the row itself.
   */
  private upsertSql(condition: string): string {
    return `WITH written AS (
        INSERT INTO ${this.table} AS t (id, code, status, number_ref, provider, attempts, created_at, sent_at, record)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, status = excluded.status,
          number_ref = excluded.number_ref, provider = excluded.provider, attempts = excluded.attempts,
          created_at = excluded.created_at, sent_at = excluded.sent_at, record = excluded.record
        ${condition}
        RETURNING id
      ), indexed AS (
        INSERT INTO ${this.parts} (message_id, provider, notice_id)
        SELECT m, $5, w.id FROM written w, unnest($10::text[]) AS m
        ON CONFLICT (message_id, provider) DO UPDATE SET notice_id = excluded.notice_id
      )
      SELECT count(*)::int AS n FROM written`;
  }

  private values(row: NoticeRecord, extra: unknown[] = []): unknown[] {
    return [
      row.id,
      row.code,
      row.status,
      row.numberRef,
      row.provider,
      row.attempts,
      row.createdAt,
      row.sentAt,
      JSON.stringify(row),
      row.parts.map((p) => p.messageId).filter((m): m is string => m !== null),
      ...extra,
    ];
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    const r = await this.pool.query(`SELECT record FROM ${this.table} WHERE id = $1`, [id]);
    return r.rows[0] ? fromRow(r.rows[0]) : undefined;
  }

  async put(record: NoticeRecord): Promise<void> {
    const row = checkedNoticeRecord(record);
    await this.pool.query(this.upsertSql(''), this.values(row));
  }

  async claimAttempt(record: NoticeRecord, previousAttempts: number): Promise<boolean> {
    const row = checkedNoticeRecord(record);
    if (previousAttempts === 0) {
      // Absent (insert), or present with no attempt yet and not sent.
      const r = await this.pool.query(
        this.upsertSql('WHERE t.attempts = 0 AND t.sent_at IS NULL'),
        this.values(row),
      );
      return (r.rows[0]?.n as number) === 1;
    }
    const r = await this.pool.query(
      this.upsertSql('WHERE t.attempts = $11 AND t.sent_at IS NULL'),
      this.values(row, [previousAttempts]),
    );
    return (r.rows[0]?.n as number) === 1;
  }

  async findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined> {
    const r =
      provider === undefined
        ? await this.pool.query(
            `SELECT n.record FROM ${this.parts} p JOIN ${this.table} n ON n.id = p.notice_id WHERE p.message_id = $1 LIMIT 1`,
            [messageId],
          )
        : await this.pool.query(
            `SELECT n.record FROM ${this.parts} p JOIN ${this.table} n ON n.id = p.notice_id WHERE p.message_id = $1 AND p.provider = $2`,
            [messageId, provider],
          );
    return r.rows[0] ? fromRow(r.rows[0]) : undefined;
  }

  async countSent(numberRef: string, from: Date, to: Date): Promise<number> {
    const r = await this.pool.query(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE number_ref = $1 AND sent_at >= $2 AND sent_at < $3`,
      [numberRef, from.toISOString(), to.toISOString()],
    );
    return r.rows[0]!.n as number;
  }

  async list(query: NoticeLogQuery = {}): Promise<NoticeRecord[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (query.code) {
      values.push(query.code);
      where.push(`code = $${values.length}`);
    }
    if (query.status) {
      values.push(query.status);
      where.push(`status = $${values.length}`);
    }
    const r = await this.pool.query(
      `SELECT record FROM ${this.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`,
      values,
    );
    return r.rows.map(fromRow);
  }

  /** Ends the pool if the log made it (a pool passed in stays open). */
  async close(): Promise<void> {
    if (this.owned) await this.pool.end();
  }
}
