import { createRequire } from 'node:module';
import {
  describeSqliteFailure,
  migrateSqlite,
  type SqliteDatabase,
  type SqliteStatement,
  StatementCache,
} from '@motcua/sql/sqlite';
import { ConnectorError, invalidOption, syncLogError } from '../shared/connector-error.js';
import type { StepRow, StepStatus, SyncAck, SyncFailure, SyncLog, SyncRow } from '../shared/sync-log.js';
import {
  canonicalInstant,
  checkedIdentifier,
  checkedTarget,
  checkSyncInput,
  DEFAULT_SYNC_TABLE_PREFIX,
  lagFrom,
  type SyncLogMigration,
  type SyncLogMigrationResult,
  type SyncLogTables,
} from '../shared/sync-log-migration.js';
import { sqliteSyncLogMigrations } from './sqlite-sync-log-migrations.js';

export type { SqliteDatabase, SqliteStatement };

/** Options of {@link SqliteSyncLog}. */
export interface SqliteSyncLogOptions {
  /** The target whose state the log keeps (default `dvcqg`); several targets share the tables. */
  readonly target?: string;
  /**
   * Start of the table names (default `dvcqg_`: `dvcqg_sync_dossiers`, `dvcqg_sync_steps`,
   * `dvcqg_sync_migrations`), so the log can live in the engine's database file beside its tables.
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
    throw new ConnectorError(
      'SYNC_LOG_UNAVAILABLE',
      'SqliteSyncLog needs the better-sqlite3 driver: install it beside @motcua/connectors (npm install better-sqlite3@12)',
      { cause: e },
    );
  }
  try {
    return new Driver(filename, { timeout });
  } catch (e) {
    throw new ConnectorError(
      'SYNC_LOG_UNAVAILABLE',
      `cannot open the SQLite database: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
}

interface DossierColumns {
  code: string;
  received_at: string | null;
  ack_version: number | null;
  acked_at: string | null;
  first_ack_lag_ms: number | null;
  last_ack_lag_ms: number | null;
  last_attempt_at: string | null;
  last_error: string | null;
  last_error_field: string | null;
}

interface StepColumns {
  code: string;
  version: number;
  entry: string;
  status: StepStatus;
  created_at: string;
  synced_at: string | null;
  lag_ms: number | null;
}

/**
 * The {@link SyncLog} in SQLite (better-sqlite3), nhật ký đồng bộ bền vững: what a target (the
 * national portal) acknowledged survives restarts and is shared by every process on the file, so
 * after a restart the connector neither pushes an acknowledged record again nor loses a step entry
 * still to send. Give it a file name (it opens the file in WAL mode, as the engine's `SqliteStore`
 * does: the engine's database file is the natural home) or a `Database` the application already
 * has open. Run {@link SqliteSyncLog.migrate} once before use.
 *
 * Rows hold codes, versions, instants, lags, field paths and error texts that carry no value; a
 * step entry holds the officer's and units' names, never the applicant's data. An acknowledgement
 * is one conditional upsert, so the acknowledged version never moves back, whichever process
 * writes last; a step row is inserted once per `(target, code, version)`.
 *
 * @example
 * ```ts
 * import { SqliteStore } from '@motcua/adapters/sqlite';
 * import { dvcqgSync, lgspEnvelope } from '@motcua/connectors/dvcqg';
 * import { SqliteSyncLog } from '@motcua/connectors/sqlite';
 * const store = new SqliteStore('motcua.db');
 * const syncLog = new SqliteSyncLog('motcua.db'); // beside the engine's tables
 * await store.migrate();
 * await syncLog.migrate();
 * const dvcqg = dvcqgSync({
 *   transport: lgspEnvelope({
 *     url: 'https://lgsp.example.gov.vn/XrdAdapter/RestService/forward',
 *     unitCode: '000.00.14.H56',
 *     credentials: { username: 'motcua-h56', password: process.env.DVCQG_PASSWORD ?? '' },
 *   }),
 *   syncLog,
 * });
 * ```
 */
export class SqliteSyncLog implements SyncLog {
  /** The migrations this log runs, in order. */
  static readonly migrations: readonly SyncLogMigration[] = sqliteSyncLogMigrations;
  readonly target: string;
  private readonly db: SqliteDatabase;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly t: SyncLogTables;
  private readonly busyTimeoutMs: number;
  private readonly statements: StatementCache<SqliteStatement>;

  /**
   * @throws `ConnectorError` `INVALID_OPTION` naming a bad `tablePrefix`, `target` or `database`;
   * `SYNC_LOG_UNAVAILABLE` when the file cannot be opened.
   */
  constructor(database: string | SqliteDatabase, options: SqliteSyncLogOptions = {}) {
    this.prefix = checkedIdentifier('tablePrefix', options.tablePrefix ?? DEFAULT_SYNC_TABLE_PREFIX, true);
    this.target = checkedTarget(options.target ?? 'dvcqg');
    this.t = {
      dossiers: `${this.prefix}sync_dossiers`,
      steps: `${this.prefix}sync_steps`,
      migrations: `${this.prefix}sync_migrations`,
    };
    const timeout = options.busyTimeoutMs ?? 5000;
    if (!Number.isSafeInteger(timeout) || timeout < 0)
      throw invalidOption('busyTimeoutMs', 'a non-negative integer');
    this.busyTimeoutMs = timeout;
    if (typeof database === 'string' && database !== '') {
      this.db = openDatabase(database, this.busyTimeoutMs);
      this.owned = true;
      try {
        this.db.pragma('journal_mode = WAL');
      } catch (e) {
        this.db.close();
        throw this.translate(e, 'open');
      }
    } else if (database && typeof database === 'object' && typeof database.prepare === 'function') {
      this.db = database;
      this.owned = false;
    } else {
      throw invalidOption('database', 'a file name or a better-sqlite3 Database');
    }
    this.statements = new StatementCache(this.db);
  }

  /**
   * Creates or upgrades the tables: in one immediate transaction, runs each migration not yet
   * recorded in `<prefix>sync_migrations`. Running it again does nothing.
   */
  async migrate(): Promise<SyncLogMigrationResult> {
    return this.guard('migrate', () =>
      migrateSqlite(this.db, {
        versionsTable: this.t.migrations,
        createVersionsTable: `CREATE TABLE IF NOT EXISTS ${this.t.migrations} (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT`,
        migrations: sqliteSyncLogMigrations.map((m) => ({
          version: m.version,
          name: m.name,
          sql: m.sql({ ...this.t, prefix: this.prefix }),
        })),
      }),
    );
  }

  async row(code: string): Promise<SyncRow | undefined> {
    return this.guard('row', () => {
      const found = this.stmt(`SELECT * FROM ${this.t.dossiers} WHERE target = ? AND code = ?`).get(
        this.target,
        code,
      ) as DossierColumns | undefined;
      return found && this.toRow(found);
    });
  }

  async rows(): Promise<SyncRow[]> {
    return this.guard('rows', () =>
      (
        this.stmt(`SELECT * FROM ${this.t.dossiers} WHERE target = ? ORDER BY code`).all(
          this.target,
        ) as DossierColumns[]
      ).map((r) => this.toRow(r)),
    );
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
    this.guard('ack', () =>
      this.stmt(
        `INSERT INTO ${this.t.dossiers}
           (target, code, received_at, ack_version, acked_at, first_ack_lag_ms, last_ack_lag_ms, last_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (target, code) DO UPDATE SET
           received_at = excluded.received_at, ack_version = excluded.ack_version,
           acked_at = excluded.acked_at,
           first_ack_lag_ms = coalesce(${this.t.dossiers}.first_ack_lag_ms, excluded.first_ack_lag_ms),
           last_ack_lag_ms = excluded.last_ack_lag_ms, last_attempt_at = excluded.last_attempt_at,
           last_error = NULL, last_error_field = NULL
         WHERE ${this.t.dossiers}.ack_version IS NULL OR ${this.t.dossiers}.ack_version < excluded.ack_version`,
      ).run(this.target, code, canonicalInstant(ack.receivedAt), ack.version, at, ack.lagMs, ack.lagMs, at),
    );
  }

  async fail(code: string, failure: SyncFailure): Promise<void> {
    checkSyncInput({ code, at: failure?.at, error: failure?.error });
    this.guard('fail', () =>
      this.stmt(
        `INSERT INTO ${this.t.dossiers} (target, code, last_attempt_at, last_error, last_error_field)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (target, code) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
           last_error = excluded.last_error, last_error_field = excluded.last_error_field`,
      ).run(this.target, code, failure.at.toISOString(), failure.error, failure.field ?? null),
    );
  }

  async recordStep(code: string, version: number, entry: unknown, createdAt: string): Promise<void> {
    checkSyncInput({ code, version, createdAt });
    const json = JSON.stringify(entry ?? null);
    this.guard('recordStep', () =>
      this.stmt(
        `INSERT INTO ${this.t.steps} (target, code, version, entry, status, created_at)
         VALUES (?, ?, ?, ?, 'pending', ?)
         ON CONFLICT (target, code, version) DO NOTHING`,
      ).run(this.target, code, version, json, canonicalInstant(createdAt)),
    );
  }

  async steps(code: string, status?: StepStatus): Promise<StepRow[]> {
    return this.guard('steps', () => {
      const rows = (
        status === undefined
          ? this.stmt(`SELECT * FROM ${this.t.steps} WHERE target = ? AND code = ? ORDER BY version`).all(
              this.target,
              code,
            )
          : this.stmt(
              `SELECT * FROM ${this.t.steps} WHERE target = ? AND code = ? AND status = ? ORDER BY version`,
            ).all(this.target, code, status)
      ) as StepColumns[];
      return rows.map((r) => ({
        code: r.code,
        version: r.version,
        entry: JSON.parse(r.entry) as unknown,
        status: r.status,
        createdAt: r.created_at,
        syncedAt: r.synced_at,
        lagMs: r.lag_ms,
      }));
    });
  }

  async markStepsSynced(
    code: string,
    versions: readonly number[],
    at: Date,
    keep?: readonly unknown[],
  ): Promise<void> {
    checkSyncInput({ code, versions, at, ...(keep === undefined ? {} : { keep }) });
    const when = at.toISOString();
    this.guard('markStepsSynced', () =>
      this.db
        .transaction(() => {
          const read = this.stmt(
            `SELECT created_at FROM ${this.t.steps} WHERE target = ? AND code = ? AND version = ? AND status = 'pending'`,
          );
          const write = this.stmt(
            `UPDATE ${this.t.steps} SET status = 'synced', synced_at = ?, lag_ms = ?, entry = coalesce(?, entry)
             WHERE target = ? AND code = ? AND version = ? AND status = 'pending'`,
          );
          let moved = false;
          for (const [i, v] of versions.entries()) {
            const found = read.get(this.target, code, v) as { created_at: string } | undefined;
            const kept = keep ? JSON.stringify(keep[i] ?? null) : null;
            if (found) {
              write.run(when, lagFrom(found.created_at, at), kept, this.target, code, v);
              moved = true;
            }
          }
          // A confirmation clears the last error, as an acknowledgement of the record does.
          if (moved)
            this.stmt(
              `UPDATE ${this.t.dossiers} SET last_attempt_at = ?, last_error = NULL, last_error_field = NULL
               WHERE target = ? AND code = ?`,
            ).run(when, this.target, code);
        })
        .immediate(),
    );
  }

  /** Closes the database if the log opened it (a `Database` passed in stays open). */
  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }

  private toRow(r: DossierColumns): SyncRow {
    return {
      target: this.target,
      code: r.code,
      receivedAt: r.received_at,
      ackVersion: r.ack_version,
      ackedAt: r.acked_at,
      firstAckLagMs: r.first_ack_lag_ms,
      lastAckLagMs: r.last_ack_lag_ms,
      lastAttemptAt: r.last_attempt_at,
      lastError: r.last_error,
      lastErrorField: r.last_error_field,
    };
  }

  private stmt(sql: string): SqliteStatement {
    return this.statements.get(sql);
  }

  /** Runs `fn`, translating driver errors into {@link ConnectorError}s. */
  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw this.translate(e, what);
    }
  }

  private translate(e: unknown, what: string): unknown {
    if (e instanceof ConnectorError) return e;
    const failure = describeSqliteFailure(e, {
      where: `SqliteSyncLog.${what}`,
      busyTimeoutMs: this.busyTimeoutMs,
      notMigrated: `no ${this.t.dossiers} table: run await syncLog.migrate()`,
    });
    return failure ? syncLogError(failure, e) : e;
  }
}
