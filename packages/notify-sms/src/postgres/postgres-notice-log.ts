import { createRequire } from 'node:module';
import {
  describePostgresFailure,
  guardPool,
  migratePostgres,
  type PgPool,
  type PgPoolClient,
  type PgQuery,
  type PgResult,
  PreparedNames,
  withTransaction,
} from '@motcua/sql/postgres';
import {
  type ClaimOptions,
  type ClaimOutcome,
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
import { postgresNoticeLogMigrations } from './postgres-notice-log-migrations.js';

export type { PgPool, PgPoolClient, PgQuery, PgResult };

/** Options of {@link PostgresNoticeLog}: a pool passed in, or a connection string to make one. */
export interface PostgresNoticeLogOptions {
  /** A pool the application owns (a node-postgres `Pool`, `store.pool`); {@link PostgresNoticeLog.close} leaves it open. */
  readonly pool?: PgPool;
  /** Or a connection string: the log makes its own small pool (4 connections) and ends it on close. */
  readonly connectionString?: string;
  /**
   * Limits of the pool made from `connectionString`, as the engine `PostgresStore`'s (same defaults):
   * `connectionTimeoutMs` 10,000; `statementTimeoutMs` 30,000 (PostgreSQL `statement_timeout`);
   * `queryTimeoutMs` statement + 5,000 (client-side, catches a black-holed connection);
   * `idleInTransactionTimeoutMs` 60,000; `keepAlive` true. 0 turns a timeout off. A command past a
   * limit fails with the retryable `NOTICE_LOG_UNAVAILABLE`, its transaction rolled back.
   */
  readonly limits?: {
    readonly connectionTimeoutMs?: number;
    readonly statementTimeoutMs?: number;
    readonly queryTimeoutMs?: number;
    readonly idleInTransactionTimeoutMs?: number;
    readonly keepAlive?: boolean;
  };
  /** The schema of the tables (default `'motcua'`, the engine `PostgresStore`'s); `migrate` creates it. */
  readonly schema?: string;
  /** Start of the table names (default `sms_`: `sms_notices`, `sms_notice_parts`, `sms_notice_migrations`). */
  readonly tablePrefix?: string;
  /**
   * Named prepared statements for the hot queries (default true). Turn off behind a pooler that
   * does not support them (PgBouncer before 1.21 in transaction mode).
   */
  readonly preparedStatements?: boolean;
}

const nodeRequire = createRequire(import.meta.url);

type Row = { record: NoticeRecord };

/**
 * The {@link NoticeLog} in PostgreSQL: one log for every engine worker sharing the database, so a
 * notice a gateway accepted is never sent again, whichever worker retries it. Pass the pool of the
 * engine's `PostgresStore` to keep the notices in its database and schema. Run
 * {@link PostgresNoticeLog.migrate} once before use (it creates the schema and tables if absent,
 * serialised between workers).
 *
 * A claim is one transaction that first takes a transaction-scoped advisory lock on the number
 * (the notice's `number_ref`), then reads the row `FOR UPDATE`, counts the number's notices of the
 * day (an index range count on `(number_ref, sent_at)`) and writes: two workers never both claim
 * a notice, and two notices to one number never both pass its daily cap.
 *
 * @example
 * ```ts
 * import { PostgresStore } from '@motcua/adapters/postgres';
 * import { PostgresNoticeLog } from '@motcua/notify-sms/postgres';
 * const store = new PostgresStore({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * const noticeLog = new PostgresNoticeLog({ pool: store.pool, schema: store.schema });
 * await store.migrate();
 * await noticeLog.migrate();
 * ```
 */
export class PostgresNoticeLog implements NoticeLog {
  /** The migrations this log runs, in order. */
  static readonly migrations: readonly NoticeLogMigration[] = postgresNoticeLogMigrations;
  /** The schema holding the tables. */
  readonly schema: string;
  private readonly pool: PgPool;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly t: NoticeLogTables;
  private readonly names: PreparedNames;
  private closed = false;

  /** @throws `SmsError` `INVALID_OPTION` without a pool or connection string, or for a bad name. */
  constructor(options: PostgresNoticeLogOptions) {
    this.schema = checkedIdentifier('schema', options?.schema ?? 'motcua');
    this.prefix = checkedIdentifier('tablePrefix', options?.tablePrefix ?? DEFAULT_NOTICE_TABLE_PREFIX, true);
    this.names = new PreparedNames('motcua_sms_', options?.preparedStatements ?? true);
    const q = (name: string) => `"${this.schema}"."${this.prefix}${name}"`;
    this.t = { notices: q('notices'), parts: q('notice_parts'), migrations: q('notice_migrations') };
    if (options?.pool) {
      this.pool = options.pool;
      this.owned = false;
    } else if (options?.connectionString) {
      let pg: { Pool: new (config: object) => PgPool };
      try {
        pg = nodeRequire('pg');
      } catch (e) {
        throw new NoticeLogError(
          'NOTICE_LOG_UNAVAILABLE',
          'PostgresNoticeLog needs the pg driver to create a pool: install it beside @motcua/notify-sms (npm install pg@8)',
          { cause: e },
        );
      }
      const l = options.limits ?? {};
      const statement = l.statementTimeoutMs ?? 30_000;
      const query = l.queryTimeoutMs ?? (statement === 0 ? 0 : statement + 5_000);
      const idle = l.idleInTransactionTimeoutMs ?? 60_000;
      const pool = new pg.Pool({
        connectionString: options.connectionString,
        max: 4,
        application_name: 'motcua-sms',
        connectionTimeoutMillis: l.connectionTimeoutMs ?? 10_000,
        ...(statement > 0 ? { statement_timeout: statement } : {}),
        ...(query > 0 ? { query_timeout: query } : {}),
        ...(idle > 0 ? { idle_in_transaction_session_timeout: idle } : {}),
        keepAlive: l.keepAlive ?? true,
        keepAliveInitialDelayMillis: 10_000,
      });
      this.pool = pool;
      this.owned = true;
    } else {
      throw new SmsError('INVALID_OPTION', 'pool: PostgresNoticeLog needs a pool or a connectionString', {
        field: 'pool',
      });
    }
    guardPool(this.pool);
  }

  /**
   * Creates the schema and tables, or upgrades them: in one transaction (serialised between
   * workers by an advisory lock), runs each migration not yet recorded in
   * `<prefix>notice_migrations`. Running it again does nothing.
   */
  async migrate(): Promise<NoticeLogMigrationResult> {
    return this.transaction('migrate', (client) =>
      migratePostgres(client, {
        lockKey: `motcua-sms:${this.schema}.${this.prefix}`,
        schema: this.schema,
        searchPath: false,
        versionsTable: this.t.migrations,
        migrations: postgresNoticeLogMigrations.map((m) => ({
          version: m.version,
          name: m.name,
          sql: m.sql({ ...this.t, prefix: this.prefix, schema: this.schema }),
        })),
      }),
    );
  }

  async get(id: string): Promise<NoticeRecord | undefined> {
    const rows = (await this.run('get', `SELECT record FROM ${this.t.notices} WHERE id = $1`, [id])) as Row[];
    return rows[0]?.record;
  }

  async put(record: NoticeRecord): Promise<void> {
    const row = checkedNoticeRecord(record);
    await this.run('put', this.upsertSql, this.values(row));
  }

  async update(record: NoticeRecord, expected: NoticeRowState): Promise<UpdateOutcome> {
    const row = checkedNoticeRecord(record);
    return this.transaction('update', async (client) => {
      const found = (
        await client.query(
          this.query(`SELECT record FROM ${this.t.notices} WHERE id = $1 FOR UPDATE`, [row.id]),
        )
      ).rows[0] as Row | undefined;
      if (!sameRowState(found?.record, expected)) return 'changed';
      await client.query(this.query(this.upsertSql, this.values(row)));
      return 'updated';
    });
  }

  async claim(record: NoticeRecord, options: ClaimOptions): Promise<ClaimOutcome> {
    const row = checkedNoticeRecord(record);
    return this.transaction('claim', async (client) => {
      // Every claim of a notice and every claim under its number's cap, one at a time.
      await client.query(
        this.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `motcua-sms:${this.schema}.${this.prefix}:${row.numberRef}`,
        ]),
      );
      const current = (
        await client.query(
          this.query(
            `SELECT attempts, sent_at AS "sentAt", claimed_until AS "claimedUntil"
             FROM ${this.t.notices} WHERE id = $1 FOR UPDATE`,
            [row.id],
          ),
        )
      ).rows[0] as { attempts: number; sentAt: Date | null; claimedUntil: Date | null } | undefined;
      const refused = claimVerdict(
        current && {
          attempts: current.attempts,
          sentAt: current.sentAt?.toISOString() ?? null,
          claimedUntil: current.claimedUntil?.toISOString() ?? null,
        },
        options.previousAttempts,
        options.now,
      );
      if (refused) return refused;
      const cap = options.dailyCap;
      if (cap) {
        const { n } = (
          await client.query(
            this.query(
              `SELECT (SELECT count(*) FROM ${this.t.notices}
                        WHERE number_ref = $1 AND sent_at >= $2 AND sent_at < $3)
                    + (SELECT count(*) FROM ${this.t.notices}
                        WHERE number_ref = $1 AND claimed_until > $4 AND sent_at IS NULL AND id <> $5) AS n`,
              [
                row.numberRef,
                cap.from.toISOString(),
                cap.to.toISOString(),
                options.now.toISOString(),
                row.id,
              ],
            ),
          )
        ).rows[0] as { n: string };
        if (Number(n) >= cap.limit) return 'daily-cap';
      }
      await client.query(this.query(this.upsertSql, this.values(row)));
      return 'claimed';
    });
  }

  async findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined> {
    const rows = (
      provider === undefined
        ? await this.run(
            'findByProviderMessageId',
            `SELECT n.record FROM ${this.t.parts} p JOIN ${this.t.notices} n ON n.id = p.notice_id
             WHERE p.message_id = $1 LIMIT 1`,
            [messageId],
          )
        : await this.run(
            'findByProviderMessageId',
            `SELECT n.record FROM ${this.t.parts} p JOIN ${this.t.notices} n ON n.id = p.notice_id
             WHERE p.message_id = $1 AND p.provider = $2`,
            [messageId, provider],
          )
    ) as Row[];
    return rows[0]?.record;
  }

  async countSent(numberRef: string, from: Date, to: Date): Promise<number> {
    const rows = (await this.run(
      'countSent',
      `SELECT count(*) AS n FROM ${this.t.notices} WHERE number_ref = $1 AND sent_at >= $2 AND sent_at < $3`,
      [numberRef, from.toISOString(), to.toISOString()],
    )) as { n: string }[];
    return Number(rows[0]!.n);
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
    const rows = (await this.run(
      'list',
      `SELECT record FROM ${this.t.notices}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at, id COLLATE "C"`,
      values,
      false,
    )) as Row[];
    return rows.map((r) => r.record);
  }

  /** Ends the pool if the log made it (a pool passed in stays open). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.owned) await this.pool.end();
  }

  /**
   * The row and the index of its part message ids, in one statement (a data-modifying CTE). Index
   * entries are only added: a notice's parts only gain ids.
   */
  private get upsertSql(): string {
    return `WITH written AS (
        INSERT INTO ${this.t.notices} AS t
          (id, code, notice, status, number_ref, provider, attempts, created_at, sent_at, claimed_until, record)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, notice = excluded.notice,
          status = excluded.status, number_ref = excluded.number_ref, provider = excluded.provider,
          attempts = excluded.attempts, created_at = excluded.created_at, sent_at = excluded.sent_at,
          claimed_until = excluded.claimed_until, record = excluded.record
        RETURNING id
      )
      INSERT INTO ${this.t.parts} (message_id, provider, notice_id)
      SELECT m, $6, w.id FROM written w, unnest($12::text[]) AS m
      ON CONFLICT (message_id, provider) DO UPDATE SET notice_id = excluded.notice_id`;
  }

  private values(row: NoticeRecord): unknown[] {
    return [
      row.id,
      row.code,
      row.notice,
      row.status,
      row.numberRef,
      row.provider,
      row.attempts,
      row.createdAt,
      row.sentAt,
      row.claimedUntil,
      JSON.stringify(row),
      row.parts.map((p) => p.messageId).filter((m): m is string => m !== null),
    ];
  }

  /** A query object, named (prepared once per connection) when prepared statements are on. */
  private query(text: string, values: unknown[], prepare = true): PgQuery {
    return this.names.query(text, values, prepare);
  }

  private async run(what: string, text: string, values: unknown[], prepare = true): Promise<unknown[]> {
    try {
      return (await this.pool.query(this.query(text, values, prepare))).rows;
    } catch (e) {
      throw this.translate(e, what);
    }
  }

  /** Runs `fn` in one transaction on one client: `BEGIN`, then `COMMIT`, or `ROLLBACK` on any error. */
  private transaction<T>(what: string, fn: (client: PgPoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn, {
      translate: (e) => this.translate(e, what),
      // Lost, black-holed or cancelled: no ROLLBACK round trip; the connection is destroyed.
      connectionLost: (error) => error instanceof NoticeLogError && error.code === 'NOTICE_LOG_UNAVAILABLE',
    });
  }

  private translate(e: unknown, what: string): unknown {
    if (e instanceof SmsError) return e;
    const failure = describePostgresFailure(e, {
      where: `PostgresNoticeLog.${what}`,
      notMigrated: `schema "${this.schema}" has no ${this.prefix}notices table: run await noticeLog.migrate()`,
    });
    return new NoticeLogError(NOTICE_LOG_CODES[failure.kind], failure.message, { cause: e });
  }
}
