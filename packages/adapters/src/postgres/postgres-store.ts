import { createRequire } from 'node:module';
import {
  type ClaimedTimer,
  type ClaimRequest,
  type CommitRequest,
  checkClaimRequest,
  checkCommitRequest,
  checkIndexFactsGapQuery,
  checkIndexFactsWrites,
  checkLookupAttemptRequest,
  checkOutboxQuery,
  checkSettlement,
  checkStoreIndexCountQuery,
  checkStoreIndexDossierQuery,
  checkStoreInstant,
  checkStoreLateEntryQuery,
  checkStoreListQuery,
  checkStoreLocalDate,
  checkStorePeriod,
  checkStoreReportQuery,
  checkStoreStatisticsQuery,
  checkStoreText,
  type DossierStore,
  type DossierSummary,
  type IndexCountQuery,
  type IndexCounts,
  type IndexDossierQuery,
  type IndexFactsGapQuery,
  type IndexFactsWrite,
  type JournalEntry,
  type LateEntryQuery,
  type LateEntryRow,
  type ListQuery,
  type LookupAttemptRequest,
  type LookupWindow,
  MotcuaError,
  type OutboxItem,
  type OutboxSettlement,
  type PersistedDossier,
  type ReportQuery,
  type ReportRow,
  type SlipRow,
  type StatisticsCountQuery,
  type StatisticsCountRow,
  StoreConflictError,
  type StoredDossier,
  type TimerRow,
  type UnitReportRow,
} from '@motcua/core';
import {
  guardPool,
  migratePostgres,
  type PgPool,
  type PgPoolClient,
  type PgQuery,
  type PgResult,
  PreparedNames,
  postgresFailureKind,
  withTransaction,
} from '@motcua/sql/postgres';
import {
  StoreError,
  StoreFullError,
  StoreLockedError,
  StoreNotMigratedError,
  StoreUnavailableError,
} from '../shared/errors.js';
import type { Migration, MigrationResult } from '../shared/migration.js';
import {
  assembleIndexCounts,
  codesWithoutIndexFactsSql,
  INDEX_COLUMN_NAMES,
  INDEX_COLUMNS,
  indexColumnsJson,
  indexColumnsObject,
  indexCountsSql,
  indexDossiersSql,
  pgIndexValuesFromJson,
} from '../shared/national-index-sql.js';
import {
  assembleLateEntries,
  assembleReport,
  assembleUnitReport,
  byAtThenId,
  canonicalInstant,
  canonicalOrNull,
  claimParams,
  type JournalColumns,
  journalFromColumns,
  type LateEntryFigures,
  type OutboxColumns,
  outboxFromColumns,
  type ReportFigures,
  reportSql,
  SUMMARY_COLUMNS,
  type SummaryColumns,
  slipColumns,
  snapshotJson,
  summaryFromColumns,
  type TimerColumns,
  timerFromColumns,
  unitReportSql,
  withSlip,
} from '../shared/rows.js';
import { SnapshotCache } from '../shared/snapshot-cache.js';
import {
  assembleStatisticsCounts,
  type StatisticsCountsSqlRow,
  statisticsCountsSql,
} from '../shared/statistics-counts-sql.js';
import { postgresMigrations } from './migrations.js';

export type { PgPool, PgPoolClient, PgQuery, PgResult };

/** Options of {@link PostgresStore}: a pool passed in, or a connection string to make one. */
export interface PostgresStoreOptions {
  /** A pool the application owns (a node-postgres `Pool`); {@link PostgresStore.close} leaves it open. */
  readonly pool?: PgPool;
  /**
   * Or a connection string (`postgres://user@host:5432/db`): the store creates its own pool
   * (with the `pg` driver) and ends it on {@link PostgresStore.close}.
   */
  readonly connectionString?: string;
  /** Connections of the pool created from `connectionString` (default 10). */
  readonly max?: number;
  /** `application_name` of the created pool's connections (default `'motcua'`). */
  readonly applicationName?: string;
  /**
   * How long to wait for a connection of the created pool, to connect and be handed out (default
   * 10,000 ms; pg `connectionTimeoutMillis`). A server that does not answer in time is
   * `STORE_UNAVAILABLE`.
   */
  readonly connectionTimeoutMs?: number;
  /**
   * Server-side limit on one statement (default 30,000 ms; PostgreSQL `statement_timeout`, set on
   * each connection of the created pool; 0: the server's setting). A statement cancelled by it
   * (SQLSTATE 57014) is `STORE_UNAVAILABLE`, its transaction rolled back. Migrations lift it.
   */
  readonly statementTimeoutMs?: number;
  /**
   * Client-side limit on waiting for one statement's answer (default `statementTimeoutMs` + 5,000 ms;
   * pg `query_timeout`; 0: none). It catches what the server cannot: a half-open or black-holed
   * connection. The command fails with `STORE_UNAVAILABLE` and the connection is destroyed.
   */
  readonly queryTimeoutMs?: number;
  /**
   * The server ends a session that stays idle inside a transaction this long (default 60,000 ms;
   * PostgreSQL `idle_in_transaction_session_timeout`; 0: the server's setting), so a transaction
   * whose client vanished rolls back and releases its row locks instead of blocking every worker.
   */
  readonly idleInTransactionTimeoutMs?: number;
  /** TCP keepalive on the created pool's connections (default true; pg `keepAlive`). */
  readonly keepAlive?: boolean;
  /** Idle time before the first keepalive probe (default 10,000 ms; pg `keepAliveInitialDelayMillis`). */
  readonly keepAliveInitialDelayMs?: number;
  /**
   * Told of every connection fault of the pool (an idle connection lost, a session terminated while
   * in use); default: ignored, since the pool replaces lost connections and the operation that was
   * running fails with `STORE_UNAVAILABLE`. Whatever the pool, the store makes sure no fault is ever
   * an unhandled `'error'` event (the first store or log to guard a shared pool sets the hook).
   */
  readonly onPoolError?: (error: Error) => void;
  /** The schema holding every motcua table (default `'motcua'`); {@link PostgresStore.migrate} creates it. */
  readonly schema?: string;
  /**
   * Use named prepared statements for the hot queries (default true). Turn off behind a pooler
   * that does not support them (PgBouncer before 1.21 in transaction mode).
   */
  readonly preparedStatements?: boolean;
  /**
   * Snapshots kept by dossier code and version (default 1000; 0 turns it off), so that loading a
   * dossier this process just wrote or read skips transferring and parsing its snapshot. Safe
   * with many processes: the stored version is read every time, and a version is committed once.
   */
  readonly snapshotCache?: number;
}

interface DossierRowData extends SummaryColumns<Date> {
  snapshot: PersistedDossier | null;
  slip: SlipRow[] | null;
  version: number;
  fired_timers: string[];
}

const iso = (v: Date): string => v.toISOString();
const json = (v: unknown): unknown => v;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

const nodeRequire = createRequire(import.meta.url);

interface PgModule {
  Pool: new (
    config: Record<string, unknown>,
  ) => PgPool & {
    on(event: 'error', listener: (error: Error) => void): unknown;
  };
}

/** Loads `pg` (an optional peer dependency) only when a pool must be created. */
function loadDriver(): PgModule {
  try {
    return nodeRequire('pg') as PgModule;
  } catch (e) {
    throw new StoreUnavailableError(
      'PostgresStore needs the pg driver to create a pool: install it beside @motcua/adapters (npm install pg@8)',
      e,
    );
  }
}

/** The defaults of the connection and statement limits of a pool {@link PostgresStore} creates. */
const POSTGRES_TIMEOUT_DEFAULTS = {
  connectionTimeoutMs: 10_000,
  statementTimeoutMs: 30_000,
  /** Added to `statementTimeoutMs` for the default `queryTimeoutMs`. */
  queryTimeoutMarginMs: 5_000,
  idleInTransactionTimeoutMs: 60_000,
  keepAlive: true,
  keepAliveInitialDelayMs: 10_000,
} as const;

const nonNegative = (value: number | undefined, field: string, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new MotcuaError('INVALID_OPTION', `${field}: expected a whole number of milliseconds >= 0`, {
      field,
    });
  }
  return value;
};

/** The node-postgres `Pool` configuration of a pool the store creates (limits and keepalive). */
function postgresPoolConfig(connectionString: string, o: PostgresStoreOptions): Record<string, unknown> {
  const d = POSTGRES_TIMEOUT_DEFAULTS;
  const statement = nonNegative(o.statementTimeoutMs, 'statementTimeoutMs', d.statementTimeoutMs);
  const query = nonNegative(
    o.queryTimeoutMs,
    'queryTimeoutMs',
    statement === 0 ? 0 : statement + d.queryTimeoutMarginMs,
  );
  const idle = nonNegative(
    o.idleInTransactionTimeoutMs,
    'idleInTransactionTimeoutMs',
    d.idleInTransactionTimeoutMs,
  );
  return {
    connectionString,
    max: o.max ?? 10,
    application_name: o.applicationName ?? 'motcua',
    connectionTimeoutMillis: nonNegative(o.connectionTimeoutMs, 'connectionTimeoutMs', d.connectionTimeoutMs),
    ...(statement > 0 ? { statement_timeout: statement } : {}),
    ...(query > 0 ? { query_timeout: query } : {}),
    ...(idle > 0 ? { idle_in_transaction_session_timeout: idle } : {}),
    keepAlive: o.keepAlive ?? d.keepAlive,
    keepAliveInitialDelayMillis: nonNegative(
      o.keepAliveInitialDelayMs,
      'keepAliveInitialDelayMs',
      d.keepAliveInitialDelayMs,
    ),
  };
}

/**
 * The store for many engine processes sharing one PostgreSQL database. Every table lives in one
 * schema (option `schema`). A commit is one transaction on one connection (`BEGIN … COMMIT`):
 * the dossier row is written only at the expected version (`UPDATE … WHERE version = $n`, or an
 * insert-if-absent for a new dossier), the idempotency key and outbox ids are unique keys, and a
 * fired timer must still be leased by the committing worker; on any conflict nothing is written
 * and core's `StoreConflictError` is thrown. Workers claim due timers and outbox items with
 * `FOR UPDATE SKIP LOCKED` under a lease, so none fires twice and a dead worker's leases expire.
 * Reports and lists are SQL over indexed summary columns.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { PostgresStore } from '@motcua/adapters/postgres';
 * import { createCatalogue } from '@motcua/procedures';
 * const store = new PostgresStore({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua', schema: 'motcua' });
 * await store.migrate();
 * const calendar = vietnamCalendar();
 * const engine = createEngine({ store, procedures: createCatalogue({ calendar }), calendar, agency: 'H56' });
 * ```
 */
export class PostgresStore implements DossierStore {
  /** The schema holding the tables. */
  readonly schema: string;
  /** The pool the store runs its queries on. */
  readonly pool: PgPool;
  /** The migrations this store runs, in order (the text of `sql/postgres/*.sql`). */
  static readonly migrations: readonly Migration[] = postgresMigrations;
  private readonly ownsPool: boolean;
  private readonly t: Record<
    'dossiers' | 'journal' | 'slip' | 'timers' | 'outbox' | 'idempotency' | 'sequences',
    string
  >;
  private readonly names: PreparedNames;
  private closed = false;
  /** Reservations made by this store: every 64th sweeps windows that ended. */
  private lookupWrites = 0;
  private readonly cache: SnapshotCache;
  /** The control slip of dossier `d`, as one jsonb array of its rows in order. */
  private readonly slipOfDossier: string;

  /** @throws {@link StoreError} when neither a pool nor a connection string is given, or the schema name is invalid. */
  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'motcua';
    if (!IDENTIFIER.test(schema)) {
      throw new MotcuaError(
        'INVALID_OPTION',
        `schema: expected lower-case letters, digits and _ (got ${JSON.stringify(schema)})`,
        { field: 'schema', value: schema },
      );
    }
    this.schema = schema;
    this.names = new PreparedNames('motcua_', options.preparedStatements ?? true);
    this.cache = new SnapshotCache(options.snapshotCache ?? 1000);
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else if (options.connectionString) {
      const { Pool } = loadDriver();
      const pool = new Pool(postgresPoolConfig(options.connectionString, options));
      this.pool = pool;
      this.ownsPool = true;
    } else {
      throw new MotcuaError('INVALID_OPTION', 'PostgresStore needs a pool or a connectionString', {
        field: 'pool',
      });
    }
    guardPool(this.pool, options.onPoolError);
    const q = (table: string) => `"${schema}".${table}`;
    this.t = {
      dossiers: q('dossiers'),
      journal: q('journal'),
      slip: q('slip_rows'),
      timers: q('timers'),
      outbox: q('outbox'),
      idempotency: q('idempotency'),
      sequences: q('sequences'),
    };
    this.slipOfDossier = `SELECT coalesce(jsonb_agg(s.data ORDER BY s.seq), '[]'::jsonb) FROM ${this.t.slip} s WHERE s.code = d.code`;
  }

  /**
   * Creates the schema and tables, or upgrades them: in one transaction (serialised between
   * processes by an advisory lock), runs each shipped migration not yet recorded in
   * `motcua_migrations` (see `sql/postgres/*.sql`). Running it again does nothing.
   */
  async migrate(): Promise<MigrationResult> {
    return this.transaction('migrate', 'BEGIN', (client) =>
      migratePostgres(client, {
        lockKey: `motcua:${this.schema}`,
        schema: this.schema,
        searchPath: true,
        versionsTable: 'motcua_migrations',
        migrations: postgresMigrations,
      }),
    );
  }

  /** The dossier `code` with its summary, snapshot, version and fired timers, or `null`. */
  async load(code: string): Promise<StoredDossier | null> {
    checkStoreText(code, 'code');
    // The snapshot and its slip rows (migration 003: the slip is kept once, in slip_rows) are
    // sent, by the same statement, only when the cached snapshot is not at the stored version.
    const rows = (await this.run(
      'load',
      `SELECT ${SUMMARY_COLUMNS}, ${INDEX_COLUMNS}, version, fired_timers,
         CASE WHEN version = $2::int THEN NULL ELSE snapshot END AS snapshot,
         CASE WHEN version = $2::int THEN NULL ELSE (${this.slipOfDossier}) END AS slip
       FROM ${this.t.dossiers} d WHERE code = $1`,
      [code, this.cache.version(code)],
    )) as DossierRowData[];
    const row = rows[0];
    if (!row) return null;
    let persisted =
      row.snapshot === null ? this.cache.get(code, row.version) : withSlip(row.snapshot, row.slip ?? []);
    if (!persisted) {
      const again = (await this.run(
        'load',
        `SELECT snapshot, (${this.slipOfDossier}) AS slip FROM ${this.t.dossiers} d WHERE code = $1`,
        [code],
      )) as { snapshot: PersistedDossier; slip: SlipRow[] }[];
      persisted = withSlip(again[0]!.snapshot, again[0]!.slip);
    }
    this.cache.set(code, row.version, persisted);
    return {
      summary: summaryFromColumns(row, iso),
      persisted,
      version: row.version,
      firedTimers: row.fired_timers,
    };
  }

  /** The result stored under an idempotency key, or `undefined`. */
  async idempotentResult(key: string): Promise<unknown | undefined> {
    checkStoreText(key, 'key', 500);
    const rows = (await this.run(
      'idempotentResult',
      `SELECT result FROM ${this.t.idempotency} WHERE key = $1`,
      [key],
    )) as { result: unknown }[];
    return rows.length === 0 ? undefined : rows[0]!.result;
  }

  /** Atomically the next number of the agency's daily dossier sequence (1, 2, …), one upsert. */
  async nextSequence(agency: string, date: string): Promise<number> {
    checkStoreText(agency, 'agency', 64);
    checkStoreLocalDate(date, 'date');
    const rows = (await this.run(
      'nextSequence',
      `INSERT INTO ${this.t.sequences} AS q (agency, date, value) VALUES ($1, $2, 1)
       ON CONFLICT (agency, date) DO UPDATE SET value = q.value + 1 RETURNING value`,
      [agency, date],
    )) as { value: number }[];
    return rows[0]!.value;
  }

  /**
   * Writes one transition in one transaction: dossier row at the expected version, journal entry,
   * control-slip rows, the dossier's timers (replaced; an unchanged timer keeps its lease), outbox
   * items, idempotency key, and removes the fired timer. @throws core's `StoreConflictError`
   * (`version`, `idempotency` or `timer`) with nothing written; a {@link StoreError} when the
   * database fails.
   */
  async commit(request: CommitRequest): Promise<void> {
    checkCommitRequest(request);
    const d = request.dossier;
    const s = d.summary;
    const code = s.code;
    const fired = request.firedTimer;
    // Timers are kept under the dossier's code (as the in-memory store keys them).
    const timers: { id: string; kind: string; at: string; step_id: string | null }[] = [];
    const seen = new Set<string>();
    for (const t of request.timers) {
      if (t.id === fired?.id || seen.has(t.id)) continue;
      seen.add(t.id);
      timers.push({
        id: t.id,
        kind: t.kind,
        at: canonicalInstant(t.at, 'timers[].at'),
        step_id: t.stepId ?? null,
      });
    }
    // The fired timer is kept out of the replacement: it is deleted below, under its lease check.
    const keep = fired ? [...seen, fired.id] : [...seen];
    const dossier = [
      code,
      s.agency,
      s.procedureCode,
      s.procedureVersion,
      s.channel,
      s.state,
      s.status,
      s.holder,
      canonicalInstant(s.receivedAt, 'summary.receivedAt'),
      canonicalInstant(s.legalDueAt, 'summary.legalDueAt'),
      canonicalInstant(s.currentDueAt, 'summary.currentDueAt'),
      canonicalOrNull(s.closedAt, 'summary.closedAt'),
      s.outcome,
      s.result,
      s.lateUnit,
      s.paused,
      snapshotJson(d.persisted),
      d.version,
      [...d.firedTimers],
    ];
    const j = request.journal;
    const rest = [
      j.seq,
      canonicalInstant(j.at, 'journal.at'),
      j.type,
      JSON.stringify(j.actor),
      j.before,
      j.after,
      JSON.stringify(j.event ?? null),
      j.idempotencyKey,
      JSON.stringify(
        request.slipRows.map((row) => {
          const c = slipColumns(row);
          return {
            seq: c.seq,
            at: c.at,
            from_unit: c.fromUnit,
            step_id: c.stepId,
            result: c.result,
            data: row,
          };
        }),
      ),
      JSON.stringify(timers),
      keep,
      j.enteredAt === undefined ? null : canonicalInstant(j.enteredAt, 'journal.enteredAt'),
      s.nationalStatus ?? null,
      indexColumnsJson(s, canonicalInstant),
    ];
    const isNew = d.expectedVersion === 0;
    const values = isNew ? [...dossier, ...rest] : [...dossier, d.expectedVersion, ...rest];
    const outbox = request.outbox.map((o) => ({
      id: o.id,
      code: o.code,
      type: o.type,
      ...(o.payload === undefined ? {} : { payload: o.payload }),
      created_at: canonicalInstant(o.createdAt, 'outbox[].createdAt'),
      not_before: canonicalInstant(o.notBefore, 'outbox[].notBefore'),
    }));
    const idem = request.idempotency;

    await this.transaction('commit', 'BEGIN', async (client) => {
      const main = await client.query(this.query(this.commitSql(isNew), values));
      if ((main.rows[0] as { ok: number }).ok !== 1) {
        throw new StoreConflictError(
          'version',
          isNew
            ? `dossier ${code} already exists, expected none`
            : `dossier ${code} is no longer at version ${d.expectedVersion}`,
        );
      }
      if (idem) {
        const r = await client.query(
          this.query(
            `INSERT INTO ${this.t.idempotency} (key, result) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING`,
            [idem.key, idem.result === undefined ? null : JSON.stringify(idem.result)],
          ),
        );
        if (r.rowCount !== 1) {
          throw new StoreConflictError('idempotency', `idempotency key ${idem.key} is already used`);
        }
      }
      if (fired) {
        const r = await client.query(
          this.query(`DELETE FROM ${this.t.timers} WHERE id = $1 AND code = $2 AND lease_owner = $3`, [
            fired.id,
            code,
            fired.leaseOwner,
          ]),
        );
        if (r.rowCount !== 1) {
          throw new StoreConflictError(
            'timer',
            `timer ${fired.id} is no longer leased by ${fired.leaseOwner}`,
          );
        }
      }
      if (outbox.length) {
        const r = await client.query(
          this.query(
            `INSERT INTO ${this.t.outbox} (id, code, type, payload, created_at, not_before, next_attempt_at)
               SELECT e.v->>'id', e.v->>'code', e.v->>'type', e.v->'payload', (e.v->>'created_at')::timestamptz,
                 (e.v->>'not_before')::timestamptz, (e.v->>'not_before')::timestamptz
               FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, ord)
               ORDER BY e.ord
               ON CONFLICT (id) DO NOTHING`,
            [JSON.stringify(outbox)],
          ),
        );
        if (r.rowCount !== outbox.length) {
          throw new StoreConflictError('idempotency', `an outbox item of dossier ${code} exists`);
        }
      }
    });
    this.cache.set(code, d.version, d.persisted);
  }

  /** The statement that writes the dossier, its journal entry, slip rows and timers, if the version matches. */
  private commitSql(isNew: boolean): string {
    const t = this.t;
    const p = (n: number) => `$${isNew ? n - 1 : n}`;
    const ix = pgIndexValuesFromJson(`${p(34)}::jsonb`);
    const write = isNew
      ? `INSERT INTO ${t.dossiers} (${SUMMARY_COLUMNS}, snapshot, version, fired_timers, ${INDEX_COLUMNS})
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, $11::timestamptz, $12::timestamptz,
      $13, $14, $15, $16::boolean, $32::smallint, $17::jsonb, $18::int, $19::text[], ${ix.join(', ')})
    ON CONFLICT (code) DO NOTHING
    RETURNING code`
      : `UPDATE ${t.dossiers} SET agency = $2, procedure_code = $3, procedure_version = $4, channel = $5, state = $6,
      status = $7, holder = $8, received_at = $9::timestamptz, legal_due_at = $10::timestamptz,
      current_due_at = $11::timestamptz, closed_at = $12::timestamptz, outcome = $13, result = $14, late_unit = $15,
      paused = $16::boolean, national_status = $33::smallint, snapshot = $17::jsonb, version = $18::int,
      fired_timers = $19::text[], ${INDEX_COLUMN_NAMES.map((c, i) => `${c} = ${ix[i]}`).join(', ')}
    WHERE code = $1 AND version = $20::int
    RETURNING code`;
    return `WITH d AS (
  ${write}
), j AS (
  INSERT INTO ${t.journal} (code, seq, at, type, actor, before, after, event, idempotency_key, entered_at)
  SELECT d.code, ${p(21)}::int, ${p(22)}::timestamptz, ${p(23)}::text, ${p(24)}::jsonb, ${p(25)}::text,
    ${p(26)}::text, ${p(27)}::jsonb, ${p(28)}::text, ${p(32)}::timestamptz
  FROM d
), s AS (
  INSERT INTO ${t.slip} (code, seq, at, from_unit, step_id, result, data)
  SELECT d.code, r.seq, r.at, r.from_unit, r.step_id, r.result, r.data
  FROM d, jsonb_to_recordset(${p(29)}::jsonb) AS r(seq int, at timestamptz, from_unit text, step_id text, result text, data jsonb)
), gone AS (
  DELETE FROM ${t.timers}
  WHERE code = (SELECT code FROM d) AND NOT (id = ANY (${p(31)}::text[]))
), kept AS (
  INSERT INTO ${t.timers} AS x (id, code, kind, at, step_id)
  SELECT r.id, d.code, r.kind, r.at, r.step_id
  FROM d, jsonb_to_recordset(${p(30)}::jsonb) AS r(id text, kind text, at timestamptz, step_id text)
  ON CONFLICT (id) DO UPDATE SET code = excluded.code, kind = excluded.kind, at = excluded.at, step_id = excluded.step_id
  WHERE (x.code, x.kind, x.at, x.step_id) IS DISTINCT FROM (excluded.code, excluded.kind, excluded.at, excluded.step_id)
)
SELECT count(*)::int AS ok FROM d`;
  }

  /** The journal of a dossier, in order (seq 1..version). */
  async journal(code: string): Promise<JournalEntry[]> {
    checkStoreText(code, 'code');
    const rows = (await this.run(
      'journal',
      `SELECT code, seq, at, type, actor, before, after, event, idempotency_key, entered_at FROM ${this.t.journal}
       WHERE code = $1 ORDER BY seq`,
      [code],
    )) as JournalColumns<Date, unknown>[];
    return rows.map((r) => journalFromColumns(r, iso, json));
  }

  /** The control-slip rows of a dossier, in order. */
  async slip(code: string): Promise<SlipRow[]> {
    checkStoreText(code, 'code');
    const rows = (await this.run('slip', `SELECT data FROM ${this.t.slip} WHERE code = $1 ORDER BY seq`, [
      code,
    ])) as { data: SlipRow }[];
    return rows.map((r) => r.data);
  }

  /** Dossier summaries matching the filters, by due time in force then code (one indexed query). */
  async list(query: ListQuery): Promise<DossierSummary[]> {
    query = checkStoreListQuery(query);
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    if (query.status) where.push(`status = ${param(query.status)}`);
    if (query.agency) where.push(`agency = ${param(query.agency)}`);
    if (query.holder) where.push(`holder = ${param(query.holder)}`);
    if (query.procedureCode) where.push(`procedure_code = ${param(query.procedureCode)}`);
    if (query.dueBefore !== undefined) {
      where.push(
        `status = 'active' AND current_due_at < ${param(canonicalInstant(query.dueBefore, 'dueBefore'))}::timestamptz`,
      );
    }
    if (query.receivedFrom !== undefined)
      where.push(
        `received_at >= ${param(canonicalInstant(query.receivedFrom, 'receivedFrom'))}::timestamptz`,
      );
    if (query.receivedBefore !== undefined)
      where.push(
        `received_at < ${param(canonicalInstant(query.receivedBefore, 'receivedBefore'))}::timestamptz`,
      );
    if (query.after) {
      const due = param(canonicalInstant(query.after.currentDueAt, 'after.currentDueAt'));
      const code = param(query.after.code);
      where.push(
        `(current_due_at > ${due}::timestamptz OR (current_due_at = ${due}::timestamptz AND code COLLATE "C" > ${code}))`,
      );
    }
    let sql = `SELECT ${SUMMARY_COLUMNS}, ${INDEX_COLUMNS} FROM ${this.t.dossiers}`;
    if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
    sql += ' ORDER BY current_due_at, code COLLATE "C"';
    if (query.limit !== undefined) sql += ` LIMIT ${param(Math.max(0, Math.floor(query.limit)))}::int`;
    const rows = (await this.run('list', sql, values, false)) as SummaryColumns<Date>[];
    return rows.map((r) => summaryFromColumns(r, iso));
  }

  /**
   * Leases up to `limit` timers due at `now` that are not leased or whose lease expired, in due
   * order: each goes to one worker only.
   */
  async claimTimers(request: ClaimRequest): Promise<ClaimedTimer[]> {
    request = checkClaimRequest(request);
    const { limit, owner, due, until, now } = claimParams(request);
    if (limit <= 0) return [];
    const rows = (await this.run(
      'claimTimers',
      `WITH due AS (
         SELECT id FROM ${this.t.timers}
         WHERE at < $1::timestamptz AND (lease_until IS NULL OR lease_until <= $5::timestamptz)
         ORDER BY at, id
         LIMIT $2::int
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.t.timers} AS t SET lease_owner = $3, lease_until = $4::timestamptz
       FROM due WHERE t.id = due.id
       RETURNING t.id, t.code, t.kind, t.at, t.step_id`,
      [due, limit, owner, until, now],
    )) as TimerColumns<Date>[];
    return rows
      .map((r) => ({ ...timerFromColumns(r, iso), leaseOwner: owner, leaseUntil: until }))
      .sort(byAtThenId);
  }

  /** The pending timers of a dossier, by due instant. */
  async timers(code: string): Promise<TimerRow[]> {
    checkStoreText(code, 'code');
    const rows = (await this.run(
      'timers',
      `SELECT id, code, kind, at, step_id FROM ${this.t.timers} WHERE code = $1 ORDER BY at, id`,
      [code],
    )) as TimerColumns<Date>[];
    return rows.map((r) => timerFromColumns(r, iso));
  }

  /** Leases up to `limit` outbox items due at `now` (pending, lease free or expired), oldest first. */
  async claimOutbox(request: ClaimRequest): Promise<OutboxItem[]> {
    request = checkClaimRequest(request);
    const { limit, owner, due, until, now } = claimParams(request);
    if (limit <= 0) return [];
    const rows = (await this.run(
      'claimOutbox',
      `WITH due AS (
         SELECT id FROM ${this.t.outbox}
         WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz
           AND (lease_until IS NULL OR lease_until <= $5::timestamptz)
         ORDER BY seq
         LIMIT $2::int
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.t.outbox} AS o SET lease_owner = $3, lease_until = $4::timestamptz
       FROM due WHERE o.id = due.id
       RETURNING o.seq, ${OUTBOX_COLUMNS.map((c) => `o.${c}`).join(', ')}`,
      [due, limit, owner, until, now],
    )) as (OutboxColumns<Date, unknown> & { seq: string })[];
    return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => outboxFromColumns(r, iso, json));
  }

  /**
   * Records a delivery attempt of an item this owner leased (ignored from any other worker); a
   * deferral asked for by the plugin is not counted as an attempt.
   */
  async settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<void> {
    checkStoreText(id, 'id', 500);
    checkStoreText(owner, 'owner');
    settlement = checkSettlement(settlement);
    if (settlement.delivered) {
      await this.run(
        'settleOutbox',
        `UPDATE ${this.t.outbox} SET status = 'delivered', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL
         WHERE id = $1 AND lease_owner = $2`,
        [id, owner],
      );
      return;
    }
    await this.run(
      'settleOutbox',
      `UPDATE ${this.t.outbox} SET status = $3, attempts = attempts + $6::int,
         next_attempt_at = coalesce($4::timestamptz, next_attempt_at), last_error = $5,
         lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2`,
      [
        id,
        owner,
        settlement.retryAt === null ? 'dead' : 'pending',
        canonicalOrNull(settlement.retryAt, 'retryAt'),
        settlement.error,
        // A deferral asked for by the plugin (quiet hours, a cap) is not counted as an attempt.
        settlement.deferred ? 0 : 1,
      ],
    );
  }

  /** Outbox items, optionally by status and dossier, in the order they were written. */
  async outbox(query: { status?: OutboxItem['status']; code?: string }): Promise<OutboxItem[]> {
    query = checkOutboxQuery(query);
    // One statement per filter, so a dossier's items are read through the code index.
    const values: string[] = [];
    const where: string[] = [];
    if (query.status) where.push(`status = $${values.push(query.status)}`);
    if (query.code) where.push(`code = $${values.push(query.code)}`);
    const rows = (await this.run(
      'outbox',
      `SELECT ${OUTBOX_COLUMNS.join(', ')} FROM ${this.t.outbox}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`,
      values,
    )) as OutboxColumns<Date, unknown>[];
    return rows.map((r) => outboxFromColumns(r, iso, json));
  }

  /** Puts a dead letter back in the queue, due at `at`, with its attempts reset. */
  async retryDeadLetter(id: string, at: string): Promise<void> {
    checkStoreText(id, 'id', 500);
    at = checkStoreInstant(at, 'at');
    await this.run(
      'retryDeadLetter',
      `UPDATE ${this.t.outbox} SET status = 'pending', next_attempt_at = $2::timestamptz, attempts = 0
       WHERE id = $1 AND status = 'dead'`,
      [id, canonicalInstant(at, 'at')],
    );
  }

  /**
   * Report figures for a period, as core's `aggregateReport` computes them, in SQL over the summary
   * columns (received, carried over, resolved early / on time / late, refused, withdrawn, stopped,
   * expired, in progress within time or overdue; rates to 4 decimals).
   */
  async report(query: ReportQuery): Promise<ReportRow[]> {
    query = checkStoreReportQuery(query);
    const values = [canonicalInstant(query.from, 'from'), canonicalInstant(query.to, 'to')];
    const sql = reportSql(this.t.dossiers, query.groupBy, { from: '$1::timestamptz', to: '$2::timestamptz' });
    // Both queries read one snapshot, so the channel counts add up to the received count.
    return this.transaction('report', 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const figures = (await client.query({ text: sql.figures, values })).rows as ReportFigures[];
      const channels = (await client.query({ text: sql.channels, values })).rows as {
        grp: string;
        channel: string;
        n: string;
      }[];
      return assembleReport(figures, channels);
    });
  }

  /**
   * The Decision 766 index's counts (see core's `IndexCounts`) in one `GROUP BY` query over the
   * summary and index-fact columns (migration 006); no dossier is loaded.
   */
  async nationalIndexCounts(query: IndexCountQuery): Promise<IndexCounts[]> {
    const q = checkStoreIndexCountQuery(query);
    const text = indexCountsSql(
      this.t.dossiers,
      q.rule,
      q.by,
      { from: '$1::timestamptz', to: '$2::timestamptz' },
      ' OFFSET 0',
    );
    const values = [canonicalInstant(q.from, 'from'), canonicalInstant(q.to, 'to')];
    // JIT compiling the query's many expressions costs more than it saves on a province-year (about
    // 15 % slower in paired runs of 500,000 rows): off for this query only.
    return this.transaction('nationalIndexCounts', 'BEGIN READ ONLY', async (client) => {
      await client.query({ text: 'SET LOCAL jit = off' });
      return assembleIndexCounts((await client.query({ text, values })).rows as Record<string, unknown>[]);
    });
  }

  /**
   * Records the national portal's first acknowledgement of a dossier (`ix_synced_at`, migration
   * 007), once, beside the dossier: version, snapshot and journal untouched. One indexed update.
   */
  async recordPortalSync(code: string, at: string): Promise<boolean> {
    checkStoreText(code, 'code');
    at = checkStoreInstant(at, 'at');
    const rows = await this.run(
      'recordPortalSync',
      `UPDATE ${this.t.dossiers} SET ix_synced_at = $2::timestamptz WHERE code = $1 AND ix_synced_at IS NULL
       RETURNING 1 AS recorded`,
      [code, canonicalInstant(at, 'at')],
    );
    return rows.length === 1;
  }

  /** The codes behind an index count, in code order, one page (one query). */
  async nationalIndexDossiers(query: IndexDossierQuery): Promise<string[]> {
    const q = checkStoreIndexDossierQuery(query);
    const values: unknown[] = [canonicalInstant(q.from, 'from'), canonicalInstant(q.to, 'to'), q.limit];
    const filters: Record<string, string> = {};
    for (const key of ['agency', 'unit', 'procedure', 'after'] as const) {
      if (q[key] !== undefined) {
        values.push(q[key]);
        filters[key] = `$${values.length}::text`;
      }
    }
    const sql = indexDossiersSql(
      this.t.dossiers,
      q.rule,
      q.set,
      { from: '$1::timestamptz', to: '$2::timestamptz', limit: '$3::int' },
      filters,
      ' COLLATE "C"',
    );
    const rows = (await this.run('nationalIndexDossiers', sql, values, false)) as { code: string }[];
    return rows.map((r) => r.code);
  }

  /** The codes of the dossiers without index facts, in code order, one page (a walk of the primary key). */
  async codesWithoutIndexFacts(query: IndexFactsGapQuery): Promise<string[]> {
    const q = checkIndexFactsGapQuery(query);
    const values: unknown[] = [q.limit];
    if (q.after !== undefined) values.push(q.after);
    const sql = codesWithoutIndexFactsSql(
      this.t.dossiers,
      { after: q.after === undefined ? undefined : '$2::text', limit: '$1::int' },
      ' COLLATE "C"',
    );
    const rows = (await this.run('codesWithoutIndexFacts', sql, values)) as { code: string }[];
    return rows.map((r) => r.code);
  }

  /** Writes the index facts of dossiers without them, each at its version, in one statement. */
  async writeIndexFacts(writes: readonly IndexFactsWrite[]): Promise<number> {
    const ws = checkIndexFactsWrites(writes);
    if (ws.length === 0) return 0;
    const rows = ws.map((w) => ({
      ...indexColumnsObject(w.facts, canonicalInstant),
      code: w.code,
      version: w.version,
    }));
    const sql = `UPDATE ${this.t.dossiers} d SET (${INDEX_COLUMN_NAMES.join(', ')}) = (${pgIndexValuesFromJson('e.v').join(', ')})
      FROM jsonb_array_elements($1::jsonb) AS e(v)
      WHERE d.code = e.v->>'code' AND d.version = (e.v->>'version')::bigint AND d.ix_version IS NULL
      RETURNING 1`;
    return (await this.run('writeIndexFacts', sql, [JSON.stringify(rows)])).length;
  }

  /** Steps closed per giving unit in [from, to), early / on time / late, in SQL over the slip rows. */
  async unitReport(query: { from: string; to: string }): Promise<UnitReportRow[]> {
    query = checkStorePeriod(query);
    const rows = (await this.run(
      'unitReport',
      unitReportSql(this.t.slip, { from: '$1::timestamptz', to: '$2::timestamptz' }),
      [canonicalInstant(query.from, 'from'), canonicalInstant(query.to, 'to')],
    )) as { unit: string; early: string; on_time: string; late: string }[];
    return assembleUnitReport(rows);
  }

  /**
   * The statistics forms' counts per agency × procedure (see core's `countStatistics`), as one
   * GROUP BY over the summary columns.
   */
  async statisticsCounts(query: StatisticsCountQuery): Promise<StatisticsCountRow[]> {
    query = checkStoreStatisticsQuery(query);
    const rows = (await this.run(
      'statisticsCounts',
      statisticsCountsSql(this.t.dossiers, query.rule, { from: '$1::timestamptz', to: '$2::timestamptz' }),
      [canonicalInstant(query.from, 'from'), canonicalInstant(query.to, 'to')],
    )) as StatisticsCountsSqlRow[];
    return assembleStatisticsCounts(rows);
  }

  /**
   * Late entries per unit for the entries entered in a period of whole hours (see core's
   * `LateEntryQuery`), in SQL over the journal rows by their instant of entry (migration 005; the
   * PostgreSQL store keeps every journal row): entries, delay sum and longest delay, the late ones
   * (more than `thresholdMs`) and their dossiers.
   */
  async lateEntries(query: LateEntryQuery): Promise<LateEntryRow[]> {
    query = checkStoreLateEntryQuery(query);
    const rows = (await this.run(
      'lateEntries',
      `SELECT unit, count(*) AS entries, sum(delay) AS delay_sum, max(delay) AS delay_max,
         count(*) FILTER (WHERE delay > $3) AS late, array_agg(DISTINCT code) FILTER (WHERE delay > $3) AS codes
       FROM (SELECT code, actor->>'unitId' AS unit,
               greatest(0, round(extract(epoch FROM entered_at - at) * 1000))::bigint AS delay
             FROM ${this.t.journal} WHERE entered_at >= $1::timestamptz AND entered_at < $2::timestamptz) e
       GROUP BY unit`,
      [canonicalInstant(query.from, 'from'), canonicalInstant(query.to, 'to'), query.thresholdMs],
    )) as LateEntryFigures[];
    return assembleLateEntries(rows);
  }

  /**
   * The lookup secret of dossier `code` (or `null`), from the `lookup_secret` column (migration
   * 002, computed from the snapshot on every write): the snapshot is never read, so a known code
   * costs what an unknown one does.
   */
  async lookupSecret(code: string): Promise<string | null> {
    checkStoreText(code, 'code');
    try {
      const rows = (await this.run(
        'lookupSecret',
        `SELECT lookup_secret FROM ${this.t.dossiers} WHERE code = $1`,
        [code],
      )) as { lookup_secret: string | null }[];
      return rows[0]?.lookup_secret ?? null;
    } catch (e) {
      if ((e as { cause?: { code?: unknown } }).cause?.code === '42703') {
        throw new StoreNotMigratedError(
          `lookupSecret: schema "${this.schema}" is older than migration 002: run await store.migrate()`,
          e,
        );
      }
      throw e;
    }
  }

  /**
   * Counts one attempt in the key's window in one statement (an upsert that admits the attempt only
   * while the window holds fewer than `maxAttempts`: row-locked, so concurrent processes never
   * admit more). Every 64th call also deletes up to 500 windows that ended, in a statement of its
   * own that skips locked rows (so it never waits for, nor deadlocks with, a reservation).
   */
  async reserveLookupAttempt(request: LookupAttemptRequest): Promise<LookupWindow> {
    const { key, now: nowInput, maxAttempts, windowMs } = checkLookupAttemptRequest(request);
    const now = canonicalInstant(nowInput, 'now');
    const end = new Date(Date.parse(now) + windowMs).toISOString();
    const table = `"${this.schema}".lookup_attempts`;
    const rows = (await this.run(
      'reserveLookupAttempt',
      `INSERT INTO ${table} AS w (key, attempts, window_ends_at) VALUES ($1, 1, $3::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN w.window_ends_at <= $2::timestamptz THEN 1 ELSE w.attempts + 1 END,
         window_ends_at = CASE WHEN w.window_ends_at <= $2::timestamptz THEN $3::timestamptz
                               ELSE w.window_ends_at END
       WHERE w.window_ends_at <= $2::timestamptz OR w.attempts < $4::int
       RETURNING true AS admitted, attempts, window_ends_at`,
      [key, now, end, maxAttempts],
    )) as { admitted: boolean; attempts: number; window_ends_at: Date }[];
    let row = rows[0];
    if (!row) {
      // Refused: the window is full. Read it in a new statement (it may have been written after
      // the first statement's snapshot was taken).
      const full = (await this.run(
        'reserveLookupAttempt',
        `SELECT false AS admitted, attempts, window_ends_at FROM ${table} WHERE key = $1`,
        [key],
      )) as { admitted: boolean; attempts: number; window_ends_at: Date }[];
      row = full[0] ?? { admitted: false, attempts: maxAttempts, window_ends_at: new Date(end) };
    }
    if (++this.lookupWrites % 64 === 0) {
      await this.run(
        'reserveLookupAttempt',
        `DELETE FROM ${table} WHERE key IN (
           SELECT key FROM ${table} WHERE window_ends_at <= $1::timestamptz
           ORDER BY window_ends_at LIMIT 500 FOR UPDATE SKIP LOCKED)`,
        [now],
      );
    }
    return { admitted: row.admitted, attempts: row.attempts, windowEndsAt: iso(row.window_ends_at) };
  }

  /** Takes an admitted attempt back, if the key's window is still the one ending at `windowEndsAt`. */
  async releaseLookupAttempt(key: string, windowEndsAt: string): Promise<void> {
    checkStoreText(key, 'key', 300);
    const ends = canonicalInstant(checkStoreInstant(windowEndsAt, 'windowEndsAt'), 'windowEndsAt');
    await this.run(
      'releaseLookupAttempt',
      `UPDATE "${this.schema}".lookup_attempts SET attempts = attempts - 1
       WHERE key = $1 AND window_ends_at = $2::timestamptz AND attempts > 0`,
      [key, ends],
    );
  }

  /** Forgets the key's window. */
  async clearLookupAttempts(key: string): Promise<void> {
    checkStoreText(key, 'key', 300);
    await this.run('clearLookupAttempts', `DELETE FROM "${this.schema}".lookup_attempts WHERE key = $1`, [
      key,
    ]);
  }

  /** Ends the pool if the store created it (a pool passed in is left to its owner). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }

  /** A query object, named (prepared once per connection) when prepared statements are on. */
  private query(text: string, values: unknown[], prepare = true): PgQuery {
    return this.names.query(text, values, prepare);
  }

  /** Runs one statement on the pool and returns its rows, translating driver errors. */
  private async run(what: string, text: string, values: unknown[], prepare = true): Promise<unknown[]> {
    try {
      return (await this.pool.query(this.query(text, values, prepare))).rows;
    } catch (e) {
      throw this.translate(e, what);
    }
  }

  /**
   * Runs `fn` in one transaction on one client of the pool: `begin`, then `COMMIT`, or `ROLLBACK` on
   * any error. A client whose connection failed is destroyed, never handed back to the pool.
   */
  private transaction<T>(what: string, begin: string, fn: (client: PgPoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn, {
      begin,
      translate: (e) => this.translate(e, what),
      connectionLost: (error) => error instanceof StoreUnavailableError,
    });
  }

  private translate(e: unknown, what: string): unknown {
    if (e instanceof MotcuaError || e instanceof StoreConflictError) return e;
    const message = e instanceof Error ? e.message : String(e);
    switch (postgresFailureKind(e)) {
      case 'full':
        return new StoreFullError(`${what}: the PostgreSQL disk is full; nothing was written`, e);
      case 'unavailable':
        return /Cannot use a pool after calling end/i.test(message)
          ? new StoreUnavailableError(`${what}: the store's pool was ended (${message})`, e)
          : new StoreUnavailableError(`${what}: PostgreSQL is unavailable for now (${message}); retry`, e);
      case 'locked':
        return new StoreLockedError(`${what}: ${message}`, e);
      case 'conflict':
        return new StoreConflictError(
          'version',
          `${what}: transaction aborted by PostgreSQL (${message}); retry`,
        );
      case 'not-migrated':
        return new StoreNotMigratedError(
          `${what}: schema "${this.schema}" has no motcua tables: run await store.migrate()`,
          e,
        );
      default:
        return new StoreError('STORE_FAILED', `${what}: ${message}`, { cause: e });
    }
  }
}

const OUTBOX_COLUMNS = [
  'id',
  'code',
  'type',
  'payload',
  'created_at',
  'not_before',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'lease_owner',
  'lease_until',
];
