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
import { ConnectorError, invalidOption, syncLogError } from '../shared/connector-error.js';
import type { StepRow, StepStatus, SyncAck, SyncFailure, SyncLog, SyncRow } from '../shared/sync-log.js';
import {
  checkedIdentifier,
  checkedTarget,
  checkSyncInput,
  DEFAULT_SYNC_TABLE_PREFIX,
  type SyncLogMigration,
  type SyncLogMigrationResult,
  type SyncLogTables,
} from '../shared/sync-log-migration.js';
import { postgresSyncLogMigrations } from './postgres-sync-log-migrations.js';

export type { PgPool, PgPoolClient, PgQuery, PgResult };

/** Options of {@link PostgresSyncLog}: a pool passed in, or a connection string to make one. */
export interface PostgresSyncLogOptions {
  /** A pool the application owns (a node-postgres `Pool`, `store.pool`); {@link PostgresSyncLog.close} leaves it open. */
  readonly pool?: PgPool;
  /** Or a connection string: the log makes its own small pool (4 connections) and ends it on close. */
  readonly connectionString?: string;
  /**
   * Limits of the pool made from `connectionString`, as the engine `PostgresStore`'s (same defaults):
   * `connectionTimeoutMs` 10,000; `statementTimeoutMs` 30,000 (PostgreSQL `statement_timeout`);
   * `queryTimeoutMs` statement + 5,000 (client-side); `idleInTransactionTimeoutMs` 60,000;
   * `keepAlive` true. 0 turns a timeout off. A command past a limit fails with the retryable
   * `SYNC_LOG_UNAVAILABLE`, its transaction rolled back.
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
  /** Start of the table names (default `dvcqg_`: `dvcqg_sync_dossiers`, `dvcqg_sync_steps`, `dvcqg_sync_migrations`). */
  readonly tablePrefix?: string;
  /** The target whose state the log keeps (default `dvcqg`); several targets share the tables. */
  readonly target?: string;
  /**
   * Named prepared statements (default true). Turn off behind a pooler that does not support them
   * (PgBouncer before 1.21 in transaction mode).
   */
  readonly preparedStatements?: boolean;
}

const nodeRequire = createRequire(import.meta.url);

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

interface DossierColumns {
  code: string;
  received_at: Date | null;
  ack_version: number | null;
  acked_at: Date | null;
  first_ack_lag_ms: string | null;
  last_ack_lag_ms: string | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  last_error_field: string | null;
}

interface StepColumns {
  code: string;
  version: number;
  entry: unknown;
  status: StepStatus;
  created_at: Date;
  synced_at: Date | null;
  lag_ms: string | null;
}

/**
 * The {@link SyncLog} in PostgreSQL, nhật ký đồng bộ bền vững: one log for every engine worker
 * sharing the database, so after a restart or on another worker the connector neither pushes an
 * acknowledged record again nor loses a step entry still to send. Pass the pool of the engine's
 * `PostgresStore` to keep the log in its database and schema. Run {@link PostgresSyncLog.migrate}
 * once before use (it creates the schema and tables if absent, serialised between workers).
 *
 * Rows hold codes, versions, instants, lags, field paths and error texts that carry no value; a
 * step entry holds the officer's and units' names, never the applicant's data. An acknowledgement
 * is one conditional upsert (the acknowledged version never moves back, whichever worker writes
 * last); a step row is inserted once per `(target, code, version)`.
 *
 * @example
 * ```ts
 * import { PostgresStore } from '@motcua/adapters/postgres';
 * import { PostgresSyncLog } from '@motcua/connectors/postgres';
 * const store = new PostgresStore({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * const syncLog = new PostgresSyncLog({ pool: store.pool, schema: store.schema });
 * await store.migrate();
 * await syncLog.migrate();
 * (await syncLog.row('000.00.14.H56-260302-0001'))?.ackVersion; // undefined until the portal acknowledged it
 * ```
 */
export class PostgresSyncLog implements SyncLog {
  /** The migrations this log runs, in order. */
  static readonly migrations: readonly SyncLogMigration[] = postgresSyncLogMigrations;
  readonly target: string;
  /** The schema holding the tables. */
  readonly schema: string;
  private readonly pool: PgPool;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly t: SyncLogTables;
  private readonly names: PreparedNames;
  private closed = false;

  /** @throws `ConnectorError` `INVALID_OPTION` without a pool or connection string, or naming a bad `schema`, `tablePrefix` or `target`. */
  constructor(options: PostgresSyncLogOptions) {
    this.schema = checkedIdentifier('schema', options?.schema ?? 'motcua');
    this.prefix = checkedIdentifier('tablePrefix', options?.tablePrefix ?? DEFAULT_SYNC_TABLE_PREFIX, true);
    this.target = checkedTarget(options?.target ?? 'dvcqg');
    this.names = new PreparedNames('motcua_sync_', options?.preparedStatements ?? true);
    const q = (name: string) => `"${this.schema}"."${this.prefix}${name}"`;
    this.t = { dossiers: q('sync_dossiers'), steps: q('sync_steps'), migrations: q('sync_migrations') };
    if (options?.pool) {
      this.pool = options.pool;
      this.owned = false;
    } else if (options?.connectionString) {
      let pg: { Pool: new (config: object) => PgPool };
      try {
        pg = nodeRequire('pg');
      } catch (e) {
        throw new ConnectorError(
          'SYNC_LOG_UNAVAILABLE',
          'PostgresSyncLog needs the pg driver to create a pool: install it beside @motcua/connectors (npm install pg@8)',
          { cause: e },
        );
      }
      const l = options.limits ?? {};
      const statement = l.statementTimeoutMs ?? 30_000;
      const query = l.queryTimeoutMs ?? (statement === 0 ? 0 : statement + 5_000);
      const idle = l.idleInTransactionTimeoutMs ?? 60_000;
      this.pool = new pg.Pool({
        connectionString: options.connectionString,
        max: 4,
        application_name: 'motcua-sync',
        connectionTimeoutMillis: l.connectionTimeoutMs ?? 10_000,
        ...(statement > 0 ? { statement_timeout: statement } : {}),
        ...(query > 0 ? { query_timeout: query } : {}),
        ...(idle > 0 ? { idle_in_transaction_session_timeout: idle } : {}),
        keepAlive: l.keepAlive ?? true,
        keepAliveInitialDelayMillis: 10_000,
      });
      this.owned = true;
    } else {
      throw invalidOption('pool', 'PostgresSyncLog needs a pool or a connectionString');
    }
    guardPool(this.pool);
  }

  /**
   * Creates the schema and tables, or upgrades them: in one transaction (serialised between
   * workers by an advisory lock), runs each migration not yet recorded in
   * `<prefix>sync_migrations`. Running it again does nothing.
   */
  async migrate(): Promise<SyncLogMigrationResult> {
    return this.transaction('migrate', (client) =>
      migratePostgres(client, {
        lockKey: `motcua-sync:${this.schema}.${this.prefix}`,
        schema: this.schema,
        searchPath: false,
        versionsTable: this.t.migrations,
        migrations: postgresSyncLogMigrations.map((m) => ({
          version: m.version,
          name: m.name,
          sql: m.sql({ ...this.t, prefix: this.prefix }),
        })),
      }),
    );
  }

  async row(code: string): Promise<SyncRow | undefined> {
    const rows = (await this.run('row', `SELECT * FROM ${this.t.dossiers} WHERE target = $1 AND code = $2`, [
      this.target,
      code,
    ])) as DossierColumns[];
    return rows[0] && this.toRow(rows[0]);
  }

  async rows(): Promise<SyncRow[]> {
    const rows = (await this.run(
      'rows',
      `SELECT * FROM ${this.t.dossiers} WHERE target = $1 ORDER BY code COLLATE "C"`,
      [this.target],
    )) as DossierColumns[];
    return rows.map((r) => this.toRow(r));
  }

  async ack(code: string, ack: SyncAck): Promise<void> {
    checkSyncInput({
      code,
      version: ack?.version,
      at: ack?.at,
      lagMs: ack?.lagMs,
      receivedAt: ack?.receivedAt,
    });
    const at = ack.at.toISOString();
    // One statement: an acknowledgement of an older version than the one held changes nothing.
    await this.run(
      'ack',
      `INSERT INTO ${this.t.dossiers} AS d
         (target, code, received_at, ack_version, acked_at, first_ack_lag_ms, last_ack_lag_ms, last_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $5)
       ON CONFLICT (target, code) DO UPDATE SET
         received_at = excluded.received_at, ack_version = excluded.ack_version, acked_at = excluded.acked_at,
         first_ack_lag_ms = coalesce(d.first_ack_lag_ms, excluded.first_ack_lag_ms),
         last_ack_lag_ms = excluded.last_ack_lag_ms, last_attempt_at = excluded.last_attempt_at,
         last_error = NULL, last_error_field = NULL
       WHERE d.ack_version IS NULL OR d.ack_version < excluded.ack_version`,
      [this.target, code, ack.receivedAt, ack.version, at, ack.lagMs],
    );
  }

  async fail(code: string, failure: SyncFailure): Promise<void> {
    checkSyncInput({ code, at: failure?.at, error: failure?.error });
    await this.run(
      'fail',
      `INSERT INTO ${this.t.dossiers} (target, code, last_attempt_at, last_error, last_error_field)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target, code) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
         last_error = excluded.last_error, last_error_field = excluded.last_error_field`,
      [this.target, code, failure.at.toISOString(), failure.error, failure.field ?? null],
    );
  }

  async recordStep(code: string, version: number, entry: unknown, createdAt: string): Promise<void> {
    checkSyncInput({ code, version, createdAt });
    await this.run(
      'recordStep',
      `INSERT INTO ${this.t.steps} (target, code, version, entry, status, created_at)
       VALUES ($1, $2, $3, $4::jsonb, 'pending', $5)
       ON CONFLICT (target, code, version) DO NOTHING`,
      [this.target, code, version, JSON.stringify(entry ?? null), createdAt],
    );
  }

  async steps(code: string, status?: StepStatus): Promise<StepRow[]> {
    const rows = (await (status === undefined
      ? this.run('steps', `SELECT * FROM ${this.t.steps} WHERE target = $1 AND code = $2 ORDER BY version`, [
          this.target,
          code,
        ])
      : this.run(
          'steps',
          `SELECT * FROM ${this.t.steps} WHERE target = $1 AND code = $2 AND status = $3 ORDER BY version`,
          [this.target, code, status],
        ))) as StepColumns[];
    return rows.map((r) => ({
      code: r.code,
      version: r.version,
      entry: r.entry,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      syncedAt: iso(r.synced_at),
      lagMs: num(r.lag_ms),
    }));
  }

  async markStepsSynced(
    code: string,
    versions: readonly number[],
    at: Date,
    keep?: readonly unknown[],
  ): Promise<void> {
    checkSyncInput({ code, versions, at, ...(keep === undefined ? {} : { keep }) });
    if (versions.length === 0) return;
    // One statement: each version with the entry to keep (NULL: the entry stays as recorded); when
    // one moved from pending to synced, the dossier's last error is cleared, as an acknowledgement
    // of the record clears it.
    await this.run(
      'markStepsSynced',
      `WITH moved AS (
         UPDATE ${this.t.steps} s SET status = 'synced', synced_at = $3,
           lag_ms = greatest(0, round(extract(epoch FROM ($3::timestamptz - s.created_at)) * 1000))::bigint,
           entry = coalesce(k.entry, s.entry)
         FROM unnest($4::int[], $5::jsonb[]) AS k(version, entry)
         WHERE s.target = $1 AND s.code = $2 AND s.version = k.version AND s.status = 'pending'
         RETURNING 1)
       UPDATE ${this.t.dossiers} SET last_attempt_at = $3, last_error = NULL, last_error_field = NULL
       WHERE target = $1 AND code = $2 AND EXISTS (SELECT 1 FROM moved)`,
      [
        this.target,
        code,
        at.toISOString(),
        [...versions],
        versions.map((_, i) => (keep ? JSON.stringify(keep[i] ?? null) : null)),
      ],
    );
  }

  /** Ends the pool if the log made it (a pool passed in stays open). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.owned) await this.pool.end();
  }

  private toRow(r: DossierColumns): SyncRow {
    return {
      target: this.target,
      code: r.code,
      receivedAt: iso(r.received_at),
      ackVersion: r.ack_version,
      ackedAt: iso(r.acked_at),
      firstAckLagMs: num(r.first_ack_lag_ms),
      lastAckLagMs: num(r.last_ack_lag_ms),
      lastAttemptAt: iso(r.last_attempt_at),
      lastError: r.last_error,
      lastErrorField: r.last_error_field,
    };
  }

  private async run(what: string, text: string, values: unknown[]): Promise<unknown[]> {
    try {
      return (await this.pool.query(this.names.query(text, values))).rows;
    } catch (e) {
      throw this.translate(e, what);
    }
  }

  /** Runs `fn` in one transaction on one client: `BEGIN`, then `COMMIT`, or `ROLLBACK` on any error. */
  private transaction<T>(what: string, fn: (client: PgPoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn, {
      translate: (e) => this.translate(e, what),
      connectionLost: (error) => error instanceof ConnectorError && error.code === 'SYNC_LOG_UNAVAILABLE',
    });
  }

  private translate(e: unknown, what: string): unknown {
    if (e instanceof ConnectorError) return e;
    const failure = describePostgresFailure(e, {
      where: `PostgresSyncLog.${what}`,
      notMigrated: `schema "${this.schema}" has no ${this.prefix}sync_dossiers table: run await syncLog.migrate()`,
    });
    return syncLogError(failure, e);
  }
}
