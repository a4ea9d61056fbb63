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
  LATE_ENTRY_MIN_THRESHOLD_MS,
  LATE_ENTRY_PERIOD_UNIT_MS,
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
import { migrateSqlite, StatementCache, sqliteFailureKind } from '@motcua/sql/sqlite';
import type BetterSqlite3 from 'better-sqlite3';
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
  indexColumnValues,
  indexCountsSql,
  indexDossiersSql,
  indexFactValues,
} from '../shared/national-index-sql.js';
import {
  assembleLateEntries,
  assembleReport,
  assembleUnitReport,
  byAtThenId,
  canonicalInstant,
  canonicalOrNull,
  claimParams,
  entryFacts,
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
import {
  type ArchivedOutboxItem,
  archivedIn,
  archivedResult,
  type DossierArchive,
  packArchive,
  packIfShorter,
  unpackArchive,
  unpackJson,
} from './dossier-archive.js';
import { sqliteMigrations } from './migrations.js';

/** Options of {@link SqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * How long a write waits for another connection's lock before failing with
   * {@link StoreLockedError} (SQLite `busy_timeout`, default 5000 ms).
   */
  readonly busyTimeoutMs?: number;
  /**
   * `'full'` (default): every commit is on disk before it returns. `'normal'`: faster in WAL mode;
   * a power cut may lose the last commits, but never leaves a half-written one.
   */
  readonly synchronous?: 'full' | 'normal';
  /**
   * Snapshots kept by dossier code and version (default 1000; 0 turns it off), so that loading a
   * dossier this store just wrote or read skips parsing its snapshot. Safe with other processes
   * on the file: the stored version is read every time.
   */
  readonly snapshotCache?: number;
}

type Db = BetterSqlite3.Database;
type Stmt = BetterSqlite3.Statement<unknown[], unknown>;
type DossierRowData = SummaryColumns<string> & {
  snapshot: string | null;
  archive: Uint8Array | null;
  slip: string | null;
  version: number;
  fired_timers: string;
};

const iso = (v: string): string => v;
/** The index of the snapshot in {@link PreparedCommit.dossier} (after the summary columns). */
const SNAPSHOT = 17;
/** A JSON column's value: text, or packed since migration 004 (see dossier-archive.ts). */
const parseJson = (v: string | Uint8Array | null): unknown => unpackJson(v);

const BOOTSTRAP = `CREATE TABLE IF NOT EXISTS motcua_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`;

/** The control slip of dossier `d`, as one JSON array of its rows in order. */
const SLIP_OF_DOSSIER = 'SELECT json_group_array(json(data) ORDER BY seq) FROM slip_rows WHERE code = d.code';

const OUTBOX_COLUMNS =
  'rowid AS pos, id, code, type, payload, created_at, not_before, status, attempts, next_attempt_at, last_error, lease_owner, lease_until';

/** Everything a commit writes, prepared (canonical instants, JSON text) before the transaction. */
interface PreparedCommit {
  readonly code: string;
  readonly expectedVersion: number;
  /** The summary columns, snapshot (at {@link SNAPSHOT}), version, fired timers and lookup secret, in column order. */
  readonly dossier: readonly unknown[];
  /** Whether the dossier is closed after this commit (its rows are archived). */
  readonly done: boolean;
  /** The snapshot with its slip and the journal entry, as an archive keeps them. */
  readonly persisted: PersistedDossier;
  readonly entry: JournalEntry;
  readonly journal: readonly unknown[];
  /** The late-entry report's facts of the entry (migration 006), or null without `enteredAt`. */
  readonly entryFacts: ReturnType<typeof entryFacts>;
  readonly slip: readonly (readonly unknown[])[];
  readonly timers: readonly (readonly [string, string, string, string, string | null])[];
  /** JSON array of the ids of `timers`. */
  readonly timerIds: string;
  readonly outbox: readonly (readonly unknown[])[];
  readonly idempotency: readonly [string, string | Buffer | null] | null;
  readonly firedTimer: { readonly id: string; readonly leaseOwner: string } | null;
}

const nodeRequire = createRequire(import.meta.url);

/** Loads better-sqlite3 (an optional peer dependency) only when a SqliteStore is made. */
function loadDriver(): typeof BetterSqlite3 {
  try {
    return nodeRequire('better-sqlite3') as typeof BetterSqlite3;
  } catch (e) {
    throw new StoreUnavailableError(
      'SqliteStore needs the better-sqlite3 driver: install it beside @motcua/adapters (npm install better-sqlite3@12)',
      e,
    );
  }
}

/**
 * The dossiers as the national index, its drill-down and the statistics forms read them: through
 * migration 009's covering index only (the planner, which cannot see how wide the archive makes a
 * row, would otherwise pick a narrower index for a GROUP BY and read every row beside it).
 */
const INDEX_READS = 'dossiers INDEXED BY dossiers_index_facts';

/**
 * The embedded store: one SQLite file (or `':memory:'`) through better-sqlite3, in WAL mode with a
 * busy timeout. Each commit is one `BEGIN IMMEDIATE` transaction; timer and outbox claims are one
 * immediate transaction each, so several processes sharing the file never fire a timer twice.
 * Create the tables with {@link SqliteStore.migrate} before use.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { SqliteStore } from '@motcua/adapters/sqlite';
 * import { createCatalogue } from '@motcua/procedures';
 * const store = new SqliteStore('motcua.db');
 * await store.migrate();
 * const calendar = vietnamCalendar();
 * const engine = createEngine({ store, procedures: createCatalogue({ calendar }), calendar, agency: 'H56' });
 * ```
 */
export class SqliteStore implements DossierStore {
  /** The file this store opened (`':memory:'` for an in-memory database). */
  readonly filename: string;
  private readonly db: Db;
  private readonly busyTimeoutMs: number;
  private readonly statements: StatementCache<Stmt>;
  private readonly commitTx: (w: PreparedCommit) => void;
  private readonly cache: SnapshotCache;

  /**
   * Opens (or creates) the database. @throws {@link StoreError} when the file cannot be opened
   * (`STORE_UNAVAILABLE`) or is locked (`STORE_LOCKED`).
   */
  constructor(filename: string, options: SqliteStoreOptions = {}) {
    this.filename = filename;
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.cache = new SnapshotCache(options.snapshotCache ?? 1000);
    const Driver = loadDriver();
    try {
      this.db = new Driver(filename, { timeout: this.busyTimeoutMs });
    } catch (e) {
      throw new StoreUnavailableError(`cannot open SQLite database ${filename}: ${(e as Error).message}`, e);
    }
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    } catch (e) {
      this.db.close();
      throw this.translate(e, 'open');
    }
    this.statements = new StatementCache<Stmt>(this.db);
    const tx = this.db.transaction((w: PreparedCommit) => this.writeCommit(w));
    this.commitTx = (w) => tx.immediate(w);
  }

  /**
   * Creates or upgrades the tables: runs, in one transaction, each shipped migration not yet
   * recorded in `motcua_migrations` (see `sql/sqlite/*.sql`). Running it again does nothing.
   */
  async migrate(): Promise<MigrationResult> {
    const result = this.guard('migrate', () =>
      migrateSqlite(this.db, {
        versionsTable: 'motcua_migrations',
        createVersionsTable: BOOTSTRAP,
        migrations: sqliteMigrations,
      }),
    );
    // 004 archives dossiers as they close; those closed before are archived here (SQL cannot compress).
    // 005 keeps the idempotency results of archived dossiers in their archives: those archived before are moved here.
    // 008 keeps the delivered outbox items of archived dossiers in their archives: those delivered before are moved here.
    if (
      result.applied.includes('004_compact') ||
      result.applied.includes('005_results_in_archive') ||
      result.applied.includes('008_outbox_in_archive')
    )
      await this.compact();
    return result;
  }

  /**
   * Archives the closed dossiers still kept row by row (closed before migration 004): each one's
   * snapshot, slip and journal become one compressed value (see `sql/sqlite/004_compact.sql`),
   * 500 dossiers per transaction; moves the delivered outbox items of archived dossiers into their
   * archives (008); and packs the idempotency results and delivered outbox payloads still kept as
   * text. Returns how many dossiers it archived; `migrate()` runs it after applying
   * 004, and running it again does only what is left. `VACUUM` afterwards gives the freed pages
   * back to the disk.
   */
  async compact(): Promise<number> {
    return this.guard('compact', () => {
      let total = 0;
      for (;;) {
        const n = this.db
          .transaction(() => {
            const codes = this.stmt(
              "SELECT code FROM dossiers WHERE status = 'done' AND archive IS NULL LIMIT 500",
            )
              .pluck()
              .all() as string[];
            for (const code of codes) {
              const row = this.stmt(
                `SELECT snapshot, (${SLIP_OF_DOSSIER}) AS slip FROM dossiers d WHERE code = ?`,
              ).get(code) as { snapshot: string; slip: string };
              const persisted = withSlip(
                JSON.parse(row.snapshot) as PersistedDossier,
                JSON.parse(row.slip) as SlipRow[],
              );
              const archive = packArchive({ persisted, journal: this.journalRows(code) });
              this.stmt("UPDATE dossiers SET snapshot = '', archive = ? WHERE code = ?").run(archive, code);
              this.archiveRows(code);
            }
            return codes.length;
          })
          .immediate();
        total += n;
        if (n < 500) break;
      }
      this.moveResultsToArchives();
      this.moveDeliveredToArchives();
      // Idempotency results and delivered payloads written as text before 004.
      for (const [table, key, column, where] of [
        ['idempotency', 'key', 'result', ''],
        ['outbox', 'id', 'payload', "AND status = 'delivered'"],
      ] as const) {
        let after = '';
        for (;;) {
          const last = this.db
            .transaction(() => {
              const rows = this.stmt(
                `SELECT ${key} AS k, ${column} AS v FROM ${table}
                 WHERE ${key} > ? AND typeof(${column}) = 'text' ${where} ORDER BY ${key} LIMIT 500`,
              ).all(after) as { k: string; v: string }[];
              for (const r of rows) {
                const value = packIfShorter(r.v);
                if (typeof value !== 'string')
                  this.stmt(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`).run(value, r.k);
              }
              return rows.length === 500 ? rows[499]!.k : null;
            })
            .immediate();
          if (last === null) break;
          after = last;
        }
      }
      return total;
    });
  }

  /**
   * Moves into its archive each idempotency result still held in its row whose dossier (the
   * result's `code`, as the engine records it) is archived and has the key in its journal
   * (migration 005: the results of dossiers archived before it), 500 rows per transaction.
   */
  private moveResultsToArchives(): void {
    let after = '';
    for (;;) {
      const last = this.db
        .transaction(() => {
          const rows = this.stmt(
            `SELECT key, result FROM idempotency
             WHERE key > ? AND result IS NOT NULL AND NOT (typeof(result) = 'blob' AND substr(result, 1, 1) = x'02')
             ORDER BY key LIMIT 500`,
          ).all(after) as { key: string; result: string | Uint8Array }[];
          const byCode = new Map<string, Map<string, unknown>>();
          for (const r of rows) {
            const value = unpackJson(r.result);
            const code = (value as { code?: unknown } | null)?.code;
            if (typeof code !== 'string') continue;
            const keys = byCode.get(code) ?? new Map<string, unknown>();
            keys.set(r.key, value);
            byCode.set(code, keys);
          }
          for (const [code, values] of byCode) {
            const stored = this.stmt('SELECT archive FROM dossiers WHERE code = ?').pluck().get(code) as
              | Uint8Array
              | null
              | undefined;
            if (!stored) continue;
            const archive = unpackArchive(stored);
            const inJournal = new Set(archive.journal.map((e) => e.idempotencyKey));
            const moved = [...values].filter(([key]) => inJournal.has(key));
            if (moved.length === 0) continue;
            const results = { ...archive.results, ...Object.fromEntries(moved) };
            this.stmt('UPDATE dossiers SET archive = ? WHERE code = ?').run(
              packArchive({ ...archive, results }),
              code,
            );
            this.stmt('UPDATE idempotency SET result = ? WHERE key IN (SELECT value FROM json_each(?))').run(
              archivedResult(code),
              JSON.stringify(moved.map(([key]) => key)),
            );
          }
          return rows.length === 500 ? rows[499]!.key : null;
        })
        .immediate();
      if (last === null) return;
      after = last;
    }
  }

  /**
   * Moves into their archives the delivered outbox items of archived dossiers still in the table
   * (migration 008: those delivered before it), 500 dossiers per transaction.
   */
  private moveDeliveredToArchives(): void {
    let after = '';
    for (;;) {
      const last = this.db
        .transaction(() => {
          const codes = this.stmt(
            `SELECT DISTINCT o.code FROM outbox o JOIN dossiers d ON d.code = o.code
             WHERE o.code > ? AND o.status = 'delivered' AND d.archive IS NOT NULL ORDER BY o.code LIMIT 500`,
          )
            .pluck()
            .all(after) as string[];
          for (const code of codes) this.archiveDelivered(code);
          return codes.length === 500 ? codes[499]! : null;
        })
        .immediate();
      if (last === null) return;
      after = last;
    }
  }

  /** The migrations this store runs, in order (the text of `sql/sqlite/*.sql`). */
  static readonly migrations: readonly Migration[] = sqliteMigrations;

  /**
   * Runs a PRAGMA on this store's connection and returns its result (e.g. `'max_page_count = 5000'`
   * to cap the file size, or `'wal_checkpoint(TRUNCATE)'`).
   */
  pragma(source: string): unknown {
    return this.guard('pragma', () => this.db.pragma(source));
  }

  /** The dossier `code` with its summary, snapshot, version and fired timers, or `null`. */
  async load(code: string): Promise<StoredDossier | null> {
    checkStoreText(code, 'code');
    return this.guard('load', () => {
      // The snapshot and its slip rows (migration 003: the slip is kept once, in slip_rows), or the
      // archive of a closed dossier (migration 004: snapshot, slip and journal), are read in the
      // same statement, and only when the cached snapshot is not at the stored version.
      const row = this.stmt(
        `SELECT ${SUMMARY_COLUMNS}, ${INDEX_COLUMNS}, version, fired_timers, CASE WHEN version = ? THEN NULL ELSE snapshot END AS snapshot,
           CASE WHEN version = ? THEN NULL ELSE archive END AS archive,
           CASE WHEN version = ? OR archive IS NOT NULL THEN NULL ELSE (${SLIP_OF_DOSSIER}) END AS slip
         FROM dossiers d WHERE code = ?`,
      ).get(...Array(3).fill(this.cache.version(code)), code) as DossierRowData | undefined;
      if (!row) return null;
      let persisted = row.snapshot === null ? this.cache.get(code, row.version) : undefined;
      if (!persisted) {
        const full =
          row.snapshot === null
            ? (this.stmt(
                `SELECT snapshot, archive, CASE WHEN archive IS NULL THEN (${SLIP_OF_DOSSIER}) END AS slip
                 FROM dossiers d WHERE code = ?`,
              ).get(code) as Pick<DossierRowData, 'snapshot' | 'archive' | 'slip'>)
            : row;
        persisted = full.archive
          ? unpackArchive(full.archive).persisted
          : withSlip(
              JSON.parse(full.snapshot as string) as PersistedDossier,
              JSON.parse(full.slip as string) as SlipRow[],
            );
        this.cache.set(code, row.version, persisted);
      }
      return {
        summary: summaryFromColumns(row, iso),
        persisted,
        version: row.version,
        firedTimers: JSON.parse(row.fired_timers) as string[],
      };
    });
  }

  /** The result stored under an idempotency key, or `undefined`. */
  async idempotentResult(key: string): Promise<unknown | undefined> {
    checkStoreText(key, 'key', 500);
    return this.guard('idempotentResult', () => {
      const row = this.stmt('SELECT result FROM idempotency WHERE key = ?').get(key) as
        | { result: string | Uint8Array | null }
        | undefined;
      if (row === undefined) return undefined;
      const code = archivedIn(row.result);
      if (code === undefined) return parseJson(row.result);
      const results = this.archiveOf(code)?.results;
      if (!results || !Object.hasOwn(results, key))
        throw new Error(`the result of an idempotency key is missing from the archive of dossier ${code}`);
      return results[key];
    });
  }

  /** Atomically the next number of the agency's daily dossier sequence (1, 2, …), one upsert. */
  async nextSequence(agency: string, date: string): Promise<number> {
    checkStoreText(agency, 'agency', 64);
    checkStoreLocalDate(date, 'date');
    return this.guard(
      'nextSequence',
      () =>
        this.stmt(
          `INSERT INTO sequences (agency, date, value) VALUES (?, ?, 1)
           ON CONFLICT (agency, date) DO UPDATE SET value = value + 1 RETURNING value`,
        )
          .pluck()
          .get(agency, date) as number,
    );
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
    const w = prepareCommit(request);
    this.guard('commit', () => this.commitTx(w));
    this.cache.set(w.code, request.dossier.version, request.dossier.persisted);
  }

  /** The body of the commit transaction: checks in the in-memory store's order, then writes. */
  private writeCommit(w: PreparedCommit): void {
    const { code } = w;
    // Whether the dossier's rows go to (or already are in) its archive: from the commit that closes it on.
    let archived = w.done;
    // The ids of the dossier's delivered outbox items in its archive (migration 008): still taken.
    let archivedIds: ReadonlySet<string> | undefined;
    if (w.expectedVersion === 0) {
      const packed = w.done ? this.packWithResults(w, [w.entry], undefined) : null;
      archivedIds = packed?.outboxIds;
      const archive = packed?.archive ?? null;
      const r = this.stmt(
        `INSERT INTO dossiers (${SUMMARY_COLUMNS}, snapshot, version, fired_timers, lookup_secret, ${INDEX_COLUMNS}, archive)
         VALUES (${Array(22 + INDEX_COLUMN_NAMES.length)
           .fill('?')
           .join(', ')}) ON CONFLICT (code) DO NOTHING`,
      ).run(
        ...w.dossier.slice(0, SNAPSHOT),
        archive ? '' : w.dossier[SNAPSHOT],
        ...w.dossier.slice(SNAPSHOT + 1),
        archive,
      );
      if (r.changes === 0)
        throw new StoreConflictError('version', `dossier ${code} already exists, expected none`);
    } else {
      const update = (snapshot: unknown, archive: Buffer | null, onlyOpen: boolean) =>
        this.stmt(
          `UPDATE dossiers SET agency = ?, procedure_code = ?, procedure_version = ?, channel = ?, state = ?,
             status = ?, holder = ?, received_at = ?, legal_due_at = ?, current_due_at = ?, closed_at = ?,
             outcome = ?, result = ?, late_unit = ?, paused = ?, national_status = ?, snapshot = ?, version = ?,
             fired_timers = ?, lookup_secret = ?, ${INDEX_COLUMN_NAMES.map((c) => `${c} = ?`).join(', ')}, archive = ?
           WHERE code = ? AND version = ?${onlyOpen ? ' AND archive IS NULL' : ''}`,
        ).run(
          ...w.dossier.slice(1, SNAPSHOT),
          snapshot,
          ...w.dossier.slice(SNAPSHOT + 1),
          archive,
          code,
          w.expectedVersion,
        );
      // An open dossier that stays open: one statement (it changes nothing when the dossier is archived).
      const r = archived ? undefined : update(w.dossier[SNAPSHOT], null, true);
      if (r?.changes !== 1) {
        const current = this.stmt('SELECT version, archive FROM dossiers WHERE code = ?').get(code) as
          | { version: number; archive: Uint8Array | null }
          | undefined;
        if (current?.version !== w.expectedVersion) {
          throw new StoreConflictError(
            'version',
            `dossier ${code} is at version ${current?.version ?? 0}, expected ${w.expectedVersion}`,
          );
        }
        // The commit that closes the dossier archives it; a later one (a reissued secret) rewrites the archive.
        archived = true;
        const previous = current.archive ? unpackArchive(current.archive) : undefined;
        const journal = previous ? [...previous.journal] : this.journalRows(code);
        journal.push(w.entry);
        const packed = this.packWithResults(w, journal, previous);
        archivedIds = packed.outboxIds;
        update('', packed.archive, false);
        if (!current.archive) this.archiveRows(code);
      }
    }
    if (w.idempotency) {
      // An archived dossier's result is in its archive (migration 005; see packWithResults).
      const [key, result] = w.idempotency;
      const r = this.stmt(
        'INSERT INTO idempotency (key, result) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
      ).run(key, archived && result !== null ? archivedResult(code) : result);
      if (r.changes === 0) {
        throw new StoreConflictError('idempotency', `idempotency key ${w.idempotency[0]} is already used`);
      }
    }
    if (w.firedTimer) {
      const r = this.stmt('DELETE FROM timers WHERE id = ? AND code = ? AND lease_owner = ?').run(
        w.firedTimer.id,
        code,
        w.firedTimer.leaseOwner,
      );
      if (r.changes === 0) {
        throw new StoreConflictError(
          'timer',
          `timer ${w.firedTimer.id} is no longer leased by ${w.firedTimer.leaseOwner}`,
        );
      }
    }
    for (const o of w.outbox) {
      const [id, itemCode] = o as [string, string | null];
      const r = this.stmt(
        `INSERT INTO outbox (id, code, type, payload, created_at, not_before, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ).run(...o);
      // A delivered item of an archived dossier is in its archive (migration 008): its id is taken
      // too. An item names the committing dossier or none (checkCommitRequest); one without a code
      // is looked for in the archive of the dossier its id begins with, as the engine's ids do.
      const taken =
        r.changes === 0 ||
        (itemCode === code
          ? archivedIds?.has(id) === true
          : id.indexOf(':') > 0 && this.archivedOutboxIds(id.slice(0, id.indexOf(':'))).has(id));
      if (taken) throw new StoreConflictError('idempotency', `outbox item ${id} exists`);
    }
    if (!archived) {
      this.stmt(
        `INSERT INTO journal (code, seq, at, type, actor, before, after, event, idempotency_key, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...w.journal);
    }
    // The late-entry report's rows (migration 006), kept when the dossier is archived.
    const facts = w.entryFacts;
    if (facts) {
      this.stmt(
        `INSERT INTO entry_hours (hour, unit, entries, delay_sum_ms, delay_max_ms) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (hour, unit) DO UPDATE SET entries = entries + 1,
           delay_sum_ms = delay_sum_ms + excluded.delay_sum_ms, delay_max_ms = max(delay_max_ms, excluded.delay_max_ms)`,
      ).run(facts.hour, facts.unit, facts.delayMs, facts.delayMs);
      if (facts.delayMs > LATE_ENTRY_MIN_THRESHOLD_MS) {
        this.stmt(
          'INSERT INTO late_entries (entered_at, code, seq, unit, delay_ms) VALUES (?, ?, ?, ?, ?)',
        ).run(facts.enteredAt, code, w.entry.seq, facts.unit, facts.delayMs);
      }
    }
    for (const s of w.slip) {
      // An archived dossier keeps the unit report's columns of its closed steps only; the rows
      // themselves are in the archive.
      if (archived && (s[4] === null || s[5] === null)) continue;
      this.stmt(
        'INSERT INTO slip_rows (code, seq, at, from_unit, step_id, result, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(...(archived ? [...s.slice(0, 6), ''] : s));
    }
    // Replace the dossier's timers; a timer whose id stays keeps its lease (and is not rewritten).
    this.stmt('DELETE FROM timers WHERE code = ? AND id NOT IN (SELECT value FROM json_each(?))').run(
      code,
      w.timerIds,
    );
    for (const t of w.timers) {
      this.stmt(
        `INSERT INTO timers (id, code, kind, at, step_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, kind = excluded.kind, at = excluded.at,
           step_id = excluded.step_id
         WHERE code IS NOT excluded.code OR kind IS NOT excluded.kind OR at IS NOT excluded.at
           OR step_id IS NOT excluded.step_id`,
      ).run(...t);
    }
  }

  /**
   * The archive of a dossier that this commit closes (or of a closed one it rewrites), with the
   * results of its idempotency keys (migration 005): those already in its archive, those of its
   * journal's keys still held in their rows (marked as moved here), and this commit's (its row is
   * written next, marked). A replay reads them back whole (`idempotentResult`). With them, its
   * delivered outbox items (migration 008): those already in its archive and those still in the
   * table (their rows deleted here); the ids of all of them are returned.
   */
  private packWithResults(
    w: PreparedCommit,
    journal: readonly JournalEntry[],
    previous: DossierArchive | undefined,
  ): { archive: Buffer; outboxIds: ReadonlySet<string> } {
    const results: Record<string, unknown> = { ...previous?.results };
    const keys = journal
      .map((e) => e.idempotencyKey)
      .filter((k): k is string => typeof k === 'string' && !(k in results) && k !== w.idempotency?.[0]);
    if (keys.length > 0) {
      const rows = (
        this.stmt('SELECT key, result FROM idempotency WHERE key IN (SELECT value FROM json_each(?))').all(
          JSON.stringify(keys),
        ) as { key: string; result: string | Uint8Array | null }[]
      ).filter((r) => r.result !== null && archivedIn(r.result) === undefined);
      for (const r of rows) results[r.key] = unpackJson(r.result);
      if (rows.length > 0)
        this.stmt('UPDATE idempotency SET result = ? WHERE key IN (SELECT value FROM json_each(?))').run(
          archivedResult(w.code),
          JSON.stringify(rows.map((r) => r.key)),
        );
    }
    if (w.idempotency && w.idempotency[1] !== null) results[w.idempotency[0]] = unpackJson(w.idempotency[1]);
    const outbox = this.takeDelivered(w.code, previous?.outbox);
    const archive = packArchive({
      persisted: w.persisted,
      journal,
      ...(Object.keys(results).length > 0 ? { results } : {}),
      ...(outbox.length > 0 ? { outbox } : {}),
    });
    return { archive, outboxIds: new Set(outbox.map((o) => o.item.id)) };
  }

  /**
   * The delivered outbox items of dossier `code` to keep in its archive (migration 008): `kept`
   * (those already there) and those still in the table, whose rows are deleted; in the outbox's
   * order. Inside the caller's transaction.
   */
  private takeDelivered(code: string, kept: readonly ArchivedOutboxItem[] = []): ArchivedOutboxItem[] {
    const rows = this.stmt(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE code = ? AND status = 'delivered' ORDER BY rowid`,
    ).all(code) as (OutboxColumns<string, string> & { pos: number })[];
    if (rows.length === 0) return [...kept];
    this.stmt("DELETE FROM outbox WHERE code = ? AND status = 'delivered'").run(code);
    const moved = rows.map((r) => ({ pos: r.pos, item: outboxFromColumns(r, iso, parseJson) }));
    return [...kept, ...moved].sort((a, b) => a.pos - b.pos);
  }

  /**
   * Moves the delivered outbox items of dossier `code` still in the table into its archive, if it
   * is archived (migration 008: an item delivered after the commit that closed its dossier, or
   * one delivered before 008). Inside the caller's transaction.
   */
  private archiveDelivered(code: string): void {
    const stored = this.stmt('SELECT archive FROM dossiers WHERE code = ?').pluck().get(code) as
      | Uint8Array
      | null
      | undefined;
    if (!stored) return;
    const archive = unpackArchive(stored);
    const outbox = this.takeDelivered(code, archive.outbox);
    if (outbox.length === (archive.outbox?.length ?? 0)) return;
    this.stmt('UPDATE dossiers SET archive = ? WHERE code = ?').run(
      packArchive({ ...archive, outbox }),
      code,
    );
  }

  /** The ids of the outbox items in the archive of dossier `code` (none when it is not archived). */
  private archivedOutboxIds(code: string): ReadonlySet<string> {
    return new Set((this.archiveOf(code)?.outbox ?? []).map((o) => o.item.id));
  }

  /** The journal of a dossier, in order (seq 1..version). */
  async journal(code: string): Promise<JournalEntry[]> {
    checkStoreText(code, 'code');
    return this.guard('journal', () => {
      const rows = this.journalRows(code);
      return rows.length > 0 ? rows : [...(this.archiveOf(code)?.journal ?? [])];
    });
  }

  /** The journal rows of an open dossier, in order. */
  private journalRows(code: string): JournalEntry[] {
    return (
      this.stmt(
        'SELECT code, seq, at, type, actor, before, after, event, idempotency_key, entered_at FROM journal WHERE code = ? ORDER BY seq',
      ).all(code) as JournalColumns<string, string>[]
    ).map((r) => journalFromColumns(r, iso, parseJson));
  }

  /**
   * Leaves, of a dossier just archived, what its archive does not hold: no journal rows, and the
   * slip rows of its closed steps with their columns only (the unit report reads them).
   */
  private archiveRows(code: string): void {
    this.stmt('DELETE FROM journal WHERE code = ?').run(code);
    this.stmt('DELETE FROM slip_rows WHERE code = ? AND (step_id IS NULL OR result IS NULL)').run(code);
    this.stmt("UPDATE slip_rows SET data = '' WHERE code = ?").run(code);
  }

  /** The archive of a closed dossier, or undefined. */
  private archiveOf(code: string): DossierArchive | undefined {
    const archive = this.stmt('SELECT archive FROM dossiers WHERE code = ?').pluck().get(code) as
      | Uint8Array
      | null
      | undefined;
    return archive ? unpackArchive(archive) : undefined;
  }

  /** The control-slip rows of a dossier, in order (a closed dossier's from its archive). */
  async slip(code: string): Promise<SlipRow[]> {
    checkStoreText(code, 'code');
    return this.guard('slip', () => {
      const rows = this.stmt('SELECT data FROM slip_rows WHERE code = ? ORDER BY seq')
        .pluck()
        .all(code) as string[];
      // An archived dossier has the columns of its closed steps only, or no rows at all.
      if (rows.length === 0 || rows[0] === '')
        return [...(this.archiveOf(code)?.persisted.context.slip ?? [])];
      return rows.map((d) => JSON.parse(d) as SlipRow);
    });
  }

  /** Dossier summaries matching the filters, by due time in force then code (one indexed query). */
  async list(query: ListQuery): Promise<DossierSummary[]> {
    query = checkStoreListQuery(query);
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (query.status) {
      where.push('status = @status');
      params.status = query.status;
    }
    if (query.agency) {
      where.push('agency = @agency');
      params.agency = query.agency;
    }
    if (query.holder) {
      where.push('holder = @holder');
      params.holder = query.holder;
    }
    if (query.procedureCode) {
      where.push('procedure_code = @procedureCode');
      params.procedureCode = query.procedureCode;
    }
    if (query.dueBefore !== undefined) {
      where.push("status = 'active' AND current_due_at < @dueBefore");
      params.dueBefore = canonicalInstant(query.dueBefore, 'dueBefore');
    }
    if (query.receivedFrom !== undefined) {
      where.push('received_at >= @receivedFrom');
      params.receivedFrom = canonicalInstant(query.receivedFrom, 'receivedFrom');
    }
    if (query.receivedBefore !== undefined) {
      where.push('received_at < @receivedBefore');
      params.receivedBefore = canonicalInstant(query.receivedBefore, 'receivedBefore');
    }
    if (query.after) {
      where.push('(current_due_at, code) > (@afterDue, @afterCode)');
      params.afterDue = canonicalInstant(query.after.currentDueAt, 'after.currentDueAt');
      params.afterCode = query.after.code;
    }
    let sql = `SELECT ${SUMMARY_COLUMNS}, ${INDEX_COLUMNS} FROM dossiers`;
    if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
    sql += ' ORDER BY current_due_at, code';
    if (query.limit !== undefined) {
      sql += ' LIMIT @limit';
      params.limit = Math.max(0, Math.floor(query.limit));
    }
    return this.guard('list', () =>
      (this.stmt(sql).all(params) as SummaryColumns<string>[]).map((r) => summaryFromColumns(r, iso)),
    );
  }

  /**
   * Leases up to `limit` due timers (instant strictly before `due`) that are not leased or whose
   * lease ended at or before `now`, in due order: each goes to one worker only.
   */
  async claimTimers(request: ClaimRequest): Promise<ClaimedTimer[]> {
    request = checkClaimRequest(request);
    const { limit, owner, due, until, now } = claimParams(request);
    if (limit <= 0) return [];
    return this.guard('claimTimers', () => {
      const rows = this.db
        .transaction(
          () =>
            this.stmt(
              `UPDATE timers SET lease_owner = @owner, lease_until = @until
               WHERE id IN (SELECT id FROM timers WHERE at < @due AND (lease_until IS NULL OR lease_until <= @now)
                            ORDER BY at, id LIMIT @limit)
               RETURNING id, code, kind, at, step_id, lease_owner, lease_until`,
            ).all({ owner, until, due, now, limit }) as TimerColumns<string>[],
        )
        .immediate();
      return rows
        .map((r) => ({ ...timerFromColumns(r, iso), leaseOwner: owner, leaseUntil: until }))
        .sort(byAtThenId);
    });
  }

  /** The pending timers of a dossier, by due instant. */
  async timers(code: string): Promise<TimerRow[]> {
    checkStoreText(code, 'code');
    return this.guard('timers', () =>
      (
        this.stmt('SELECT id, code, kind, at, step_id FROM timers WHERE code = ? ORDER BY at, id').all(
          code,
        ) as TimerColumns<string>[]
      ).map((r) => timerFromColumns(r, iso)),
    );
  }

  /**
   * Leases up to `limit` pending outbox items whose next attempt is at or before `due` and whose
   * lease is free or ended at or before `now`, oldest first.
   */
  async claimOutbox(request: ClaimRequest): Promise<OutboxItem[]> {
    request = checkClaimRequest(request);
    const { limit, owner, due, until, now } = claimParams(request);
    if (limit <= 0) return [];
    return this.guard('claimOutbox', () => {
      const rows = this.db
        .transaction(
          () =>
            this.stmt(
              `UPDATE outbox SET lease_owner = @owner, lease_until = @until
               WHERE rowid IN (SELECT rowid FROM outbox
                               WHERE status = 'pending' AND next_attempt_at <= @due
                                 AND (lease_until IS NULL OR lease_until <= @now)
                               ORDER BY rowid LIMIT @limit)
               RETURNING ${OUTBOX_COLUMNS}`,
            ).all({ owner, until, due, now, limit }) as (OutboxColumns<string, string> & { pos: number })[],
        )
        .immediate();
      return rows.sort((a, b) => a.pos - b.pos).map((r) => outboxFromColumns(r, iso, parseJson));
    });
  }

  /**
   * Records a delivery attempt of an item this owner leased (ignored from any other worker); a
   * deferral asked for by the plugin is not counted as an attempt.
   */
  async settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<void> {
    checkStoreText(id, 'id', 500);
    checkStoreText(owner, 'owner');
    settlement = checkSettlement(settlement);
    this.guard('settleOutbox', () => {
      if (settlement.delivered) {
        // A delivered item is kept for the record only: its payload is packed (migration 004), and
        // the item moves into its dossier's archive if the dossier is archived (migration 008).
        this.db
          .transaction(() => {
            const row = this.stmt('SELECT code, payload FROM outbox WHERE id = ? AND lease_owner = ?').get(
              id,
              owner,
            ) as { code: string | null; payload: string | Uint8Array | null } | undefined;
            if (row === undefined) return;
            this.stmt(
              `UPDATE outbox SET status = 'delivered', attempts = attempts + 1, lease_owner = NULL, lease_until = NULL,
                 payload = ?
               WHERE id = ? AND lease_owner = ?`,
            ).run(typeof row.payload === 'string' ? packIfShorter(row.payload) : row.payload, id, owner);
            if (row.code !== null) this.archiveDelivered(row.code);
          })
          .immediate();
        return;
      }
      this.stmt(
        `UPDATE outbox SET status = ?, attempts = attempts + ?, next_attempt_at = coalesce(?, next_attempt_at),
           last_error = ?, lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND lease_owner = ?`,
      ).run(
        settlement.retryAt === null ? 'dead' : 'pending',
        // A deferral asked for by the plugin (quiet hours, a cap) is not counted as an attempt.
        settlement.deferred ? 0 : 1,
        canonicalOrNull(settlement.retryAt, 'retryAt'),
        settlement.error,
        id,
        owner,
      );
    });
  }

  /**
   * Outbox items, optionally by status and dossier, in the order they were written: the table's
   * and, for delivered ones, those kept in archives (migration 008; without a dossier code, every
   * archive is read).
   */
  async outbox(query: { status?: OutboxItem['status']; code?: string }): Promise<OutboxItem[]> {
    query = checkOutboxQuery(query);
    // One statement per filter, so a dossier's items are read through the code index (an
    // `@code IS NULL OR code = @code` filter scans the whole outbox: a plugin's per-dossier check
    // then grows with the outbox).
    const where = [...(query.status ? ['status = @status'] : []), ...(query.code ? ['code = @code'] : [])];
    const sql = `SELECT ${OUTBOX_COLUMNS} FROM outbox${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY rowid`;
    const params = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.code ? { code: query.code } : {}),
    };
    const { code, status } = query;
    return this.guard('outbox', () => {
      const rows = this.db.transaction(() => ({
        table: this.stmt(sql).all(params) as (OutboxColumns<string, string> & { pos: number })[],
        // Archives hold delivered items only.
        archived:
          status === undefined || status === 'delivered'
            ? code !== undefined
              ? (this.archiveOf(code)?.outbox ?? [])
              : (
                  this.stmt('SELECT archive FROM dossiers WHERE archive IS NOT NULL')
                    .pluck()
                    .all() as Uint8Array[]
                ).flatMap((a) => unpackArchive(a).outbox ?? [])
            : [],
      }));
      const { table, archived } = rows.deferred();
      const items = table.map((r) => ({ pos: r.pos, item: outboxFromColumns(r, iso, parseJson) }));
      if (archived.length === 0) return items.map((o) => o.item);
      return [...items, ...archived].sort((a, b) => a.pos - b.pos).map((o) => o.item);
    });
  }

  /** Puts a dead letter back in the queue, due at `at`, with its attempts reset. */
  async retryDeadLetter(id: string, at: string): Promise<void> {
    checkStoreText(id, 'id', 500);
    at = checkStoreInstant(at, 'at');
    const next = canonicalInstant(at, 'at');
    this.guard('retryDeadLetter', () => {
      this.stmt(
        `UPDATE outbox SET status = 'pending', next_attempt_at = ?, attempts = 0 WHERE id = ? AND status = 'dead'`,
      ).run(next, id);
    });
  }

  /**
   * Report figures for a period, as core's `aggregateReport` computes them, in SQL over the summary
   * columns (received, carried over, resolved early / on time / late, refused, withdrawn, stopped,
   * expired, in progress within time or overdue; rates to 4 decimals).
   */
  async report(query: ReportQuery): Promise<ReportRow[]> {
    query = checkStoreReportQuery(query);
    const params = { from: canonicalInstant(query.from, 'from'), to: canonicalInstant(query.to, 'to') };
    const sql = reportSql('dossiers', query.groupBy, { from: '@from', to: '@to' });
    return this.guard('report', () => {
      const read = this.db.transaction(() => ({
        figures: this.stmt(sql.figures).all(params) as ReportFigures[],
        channels: this.stmt(sql.channels).all(params) as { grp: string; channel: string; n: number }[],
      }));
      const { figures, channels } = read.deferred();
      return assembleReport(figures, channels);
    });
  }

  /**
   * The Decision 766 index's counts (see core's `IndexCounts`) in one `GROUP BY` query over the
   * summary and index-fact columns (migration 007); no dossier is loaded.
   */
  async nationalIndexCounts(query: IndexCountQuery): Promise<IndexCounts[]> {
    const q = checkStoreIndexCountQuery(query);
    const params = { from: canonicalInstant(q.from, 'from'), to: canonicalInstant(q.to, 'to') };
    const sql = indexCountsSql(
      INDEX_READS,
      q.rule,
      q.by,
      { from: '@from', to: '@to' },
      ' LIMIT -1 OFFSET 0',
      'dossiers INDEXED BY dossiers_ix_synced',
    );
    return this.guard('nationalIndexCounts', () =>
      assembleIndexCounts(this.stmt(sql).all(params) as Record<string, unknown>[]),
    );
  }

  /**
   * Records the national portal's first acknowledgement of a dossier (`ix_synced_at`, migration
   * 010), once, beside the dossier: version, snapshot and journal untouched. One indexed update.
   */
  async recordPortalSync(code: string, at: string): Promise<boolean> {
    checkStoreText(code, 'code');
    const instant = canonicalInstant(checkStoreInstant(at, 'at'), 'at');
    return this.guard(
      'recordPortalSync',
      () =>
        this.stmt('UPDATE dossiers SET ix_synced_at = ? WHERE code = ? AND ix_synced_at IS NULL').run(
          instant,
          code,
        ).changes === 1,
    );
  }

  /** The codes behind an index count, in code order, one page (one indexed query). */
  async nationalIndexDossiers(query: IndexDossierQuery): Promise<string[]> {
    const q = checkStoreIndexDossierQuery(query);
    const params: Record<string, unknown> = {
      from: canonicalInstant(q.from, 'from'),
      to: canonicalInstant(q.to, 'to'),
      limit: q.limit,
    };
    const filters: Record<string, string> = {};
    for (const key of ['agency', 'unit', 'procedure', 'after'] as const) {
      if (q[key] !== undefined) {
        params[key] = q[key];
        filters[key] = `@${key}`;
      }
    }
    const sql = indexDossiersSql(
      INDEX_READS,
      q.rule,
      q.set,
      { from: '@from', to: '@to', limit: '@limit' },
      filters,
      '',
    );
    return this.guard('nationalIndexDossiers', () => this.stmt(sql).pluck().all(params) as string[]);
  }

  /** The codes of the dossiers without index facts, in code order, one page (a walk of the primary key). */
  async codesWithoutIndexFacts(query: IndexFactsGapQuery): Promise<string[]> {
    const q = checkIndexFactsGapQuery(query);
    const sql = codesWithoutIndexFactsSql(
      'dossiers',
      { after: q.after === undefined ? undefined : '@after', limit: '@limit' },
      '',
    );
    const params = { limit: q.limit, ...(q.after === undefined ? {} : { after: q.after }) };
    return this.guard('codesWithoutIndexFacts', () => this.stmt(sql).pluck().all(params) as string[]);
  }

  /** Writes the index facts of dossiers without them, each at its version, in one transaction. */
  async writeIndexFacts(writes: readonly IndexFactsWrite[]): Promise<number> {
    const ws = checkIndexFactsWrites(writes);
    const rows = ws.map((w) => [...indexFactValues(w.facts, canonicalInstant), w.code, w.version]);
    return this.guard('writeIndexFacts', () =>
      this.db.transaction(() => {
        const update = this.stmt(
          `UPDATE dossiers SET ${INDEX_COLUMN_NAMES.map((c) => `${c} = ?`).join(', ')}
           WHERE code = ? AND version = ? AND ix_version IS NULL`,
        );
        let written = 0;
        for (const row of rows) written += update.run(...row).changes;
        return written;
      })(),
    );
  }

  /** Steps closed per giving unit in [from, to), early / on time / late, in SQL over the slip rows. */
  async unitReport(query: { from: string; to: string }): Promise<UnitReportRow[]> {
    query = checkStorePeriod(query);
    const params = { from: canonicalInstant(query.from, 'from'), to: canonicalInstant(query.to, 'to') };
    return this.guard('unitReport', () =>
      assembleUnitReport(
        this.stmt(unitReportSql('slip_rows', { from: '@from', to: '@to' })).all(params) as {
          unit: string;
          early: number;
          on_time: number;
          late: number;
        }[],
      ),
    );
  }

  /**
   * The statistics forms' counts per agency × procedure (see core's `countStatistics`), as one
   * GROUP BY over the summary columns; archived dossiers count as open ones do.
   */
  async statisticsCounts(query: StatisticsCountQuery): Promise<StatisticsCountRow[]> {
    query = checkStoreStatisticsQuery(query);
    const params = { from: canonicalInstant(query.from, 'from'), to: canonicalInstant(query.to, 'to') };
    return this.guard('statisticsCounts', () =>
      assembleStatisticsCounts(
        this.stmt(statisticsCountsSql(INDEX_READS, query.rule, { from: '@from', to: '@to' })).all(
          params,
        ) as StatisticsCountsSqlRow[],
      ),
    );
  }

  /**
   * Late entries per unit for the entries entered in a period of whole hours (see core's
   * `LateEntryQuery`), in SQL over the rows migration 006 keeps: the unit's entries, delay sum and
   * longest delay from `entry_hours`, the late ones (more than `thresholdMs`, at least a minute)
   * and their dossiers from `late_entries`. Archived dossiers count as open ones do.
   */
  async lateEntries(query: LateEntryQuery): Promise<LateEntryRow[]> {
    query = checkStoreLateEntryQuery(query);
    const from = canonicalInstant(query.from, 'from');
    const to = canonicalInstant(query.to, 'to');
    const params = {
      from,
      to,
      fromHour: Date.parse(from) / LATE_ENTRY_PERIOD_UNIT_MS,
      toHour: Date.parse(to) / LATE_ENTRY_PERIOD_UNIT_MS,
      threshold: query.thresholdMs,
    };
    return this.guard('lateEntries', () =>
      assembleLateEntries(
        this.stmt(
          `SELECT h.unit, h.entries, h.delay_sum, h.delay_max, l.late, l.codes
           FROM (SELECT unit, sum(entries) AS entries, sum(delay_sum_ms) AS delay_sum, max(delay_max_ms) AS delay_max
                 FROM entry_hours WHERE hour >= @fromHour AND hour < @toHour GROUP BY unit) h
           LEFT JOIN (SELECT unit, sum(n) AS late, json_group_array(code) AS codes
                      FROM (SELECT unit, code, count(*) AS n FROM late_entries
                            WHERE entered_at >= @from AND entered_at < @to AND delay_ms > @threshold
                            GROUP BY unit, code)
                      GROUP BY unit) l USING (unit)`,
        ).all(params) as LateEntryFigures[],
      ),
    );
  }

  /**
   * The lookup secret of dossier `code` (or `null`), read from the `dossiers_lookup_secret` index
   * alone (its own column since migration 004): the snapshot is never read, so a known code costs
   * what an unknown one does.
   */
  async lookupSecret(code: string): Promise<string | null> {
    checkStoreText(code, 'code');
    return this.guard('lookupSecret', () => {
      const secret = this.stmt(
        'SELECT lookup_secret FROM dossiers INDEXED BY dossiers_lookup_secret WHERE code = ?',
      )
        .pluck()
        .get(code) as string | null | undefined;
      return typeof secret === 'string' ? secret : null;
    });
  }

  /**
   * Counts one attempt in the key's window, in one immediate transaction (so processes sharing the
   * file never admit more than `maxAttempts` per window), and deletes windows that ended.
   */
  async reserveLookupAttempt(request: LookupAttemptRequest): Promise<LookupWindow> {
    const { key, now: nowInput, maxAttempts, windowMs } = checkLookupAttemptRequest(request);
    const now = canonicalInstant(nowInput, 'now');
    const end = new Date(Date.parse(now) + windowMs).toISOString();
    return this.guard('reserveLookupAttempt', () =>
      this.db
        .transaction((): LookupWindow => {
          this.stmt(
            `DELETE FROM lookup_attempts WHERE key IN
               (SELECT key FROM lookup_attempts WHERE window_ends_at <= @now ORDER BY window_ends_at LIMIT 100)`,
          ).run({ now });
          const row = this.stmt(
            `INSERT INTO lookup_attempts (key, attempts, window_ends_at) VALUES (@key, 1, @end)
             ON CONFLICT (key) DO UPDATE SET
               attempts = CASE WHEN window_ends_at <= @now THEN 1 ELSE attempts + 1 END,
               window_ends_at = CASE WHEN window_ends_at <= @now THEN @end ELSE window_ends_at END
             WHERE window_ends_at <= @now OR attempts < @max
             RETURNING attempts, window_ends_at`,
          ).get({ key, now, end, max: maxAttempts }) as
            | { attempts: number; window_ends_at: string }
            | undefined;
          if (row) return { admitted: true, attempts: row.attempts, windowEndsAt: row.window_ends_at };
          const full = this.stmt('SELECT attempts, window_ends_at FROM lookup_attempts WHERE key = ?').get(
            key,
          ) as { attempts: number; window_ends_at: string };
          return { admitted: false, attempts: full.attempts, windowEndsAt: full.window_ends_at };
        })
        .immediate(),
    );
  }

  /** Takes an admitted attempt back, if the key's window is still the one ending at `windowEndsAt`. */
  async releaseLookupAttempt(key: string, windowEndsAt: string): Promise<void> {
    checkStoreText(key, 'key', 300);
    const ends = canonicalInstant(checkStoreInstant(windowEndsAt, 'windowEndsAt'), 'windowEndsAt');
    this.guard('releaseLookupAttempt', () => {
      this.stmt(
        'UPDATE lookup_attempts SET attempts = attempts - 1 WHERE key = ? AND window_ends_at = ? AND attempts > 0',
      ).run(key, ends);
    });
  }

  /** Forgets the key's window. */
  async clearLookupAttempts(key: string): Promise<void> {
    checkStoreText(key, 'key', 300);
    this.guard('clearLookupAttempts', () => {
      this.stmt('DELETE FROM lookup_attempts WHERE key = ?').run(key);
    });
  }

  /** Closes the database connection. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private stmt(sql: string): Stmt {
    return this.statements.get(sql);
  }

  /** Runs `fn`, translating driver errors into {@link StoreError}s. */
  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw this.translate(e, what);
    }
  }

  private translate(e: unknown, what: string): unknown {
    if (e instanceof MotcuaError || e instanceof StoreConflictError) return e;
    const message = e instanceof Error ? e.message : String(e);
    switch (sqliteFailureKind(e)) {
      case undefined:
        return e;
      case 'closed':
        return new StoreUnavailableError(`${what}: the SQLite database ${this.filename} is closed`, e);
      case 'full':
        return new StoreFullError(
          `${what}: the SQLite database ${this.filename} is full (disk or max_page_count); nothing was written`,
          e,
        );
      case 'locked':
        return new StoreLockedError(
          `${what}: the SQLite database ${this.filename} stayed locked by another connection for ${this.busyTimeoutMs} ms; nothing was written`,
          e,
        );
      case 'not-migrated':
        return new StoreNotMigratedError(
          `${what}: the SQLite database ${this.filename} has no motcua tables: run await store.migrate()`,
          e,
        );
      case 'unavailable':
        return new StoreUnavailableError(`${what}: ${message} (${this.filename})`, e);
      default:
        return new StoreError('STORE_FAILED', `${what}: ${message}`, { cause: e });
    }
  }
}

/** Turns a commit request into column values: canonical instants, JSON text. */
function prepareCommit(req: CommitRequest): PreparedCommit {
  const d = req.dossier;
  const s = d.summary;
  const code = s.code;
  const firedId = req.firedTimer?.id;
  const seen = new Set<string>();
  const timers: [string, string, string, string, string | null][] = [];
  for (const t of req.timers) {
    if (t.id === firedId || seen.has(t.id)) continue;
    seen.add(t.id);
    // Timers are kept under the dossier's code (as the in-memory store keys them).
    timers.push([t.id, code, t.kind, canonicalInstant(t.at, 'timers[].at'), t.stepId ?? null]);
  }
  const facts = entryFacts(req.journal);
  return {
    code,
    expectedVersion: d.expectedVersion,
    dossier: [
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
      s.paused ? 1 : 0,
      s.nationalStatus ?? null,
      snapshotJson(d.persisted),
      d.version,
      JSON.stringify(d.firedTimers),
      typeof d.persisted.context.secret === 'string' ? d.persisted.context.secret : null,
      ...indexColumnValues(s, canonicalInstant),
    ],
    done: s.status === 'done',
    persisted: d.persisted,
    entry: {
      code,
      seq: req.journal.seq,
      at: canonicalInstant(req.journal.at, 'journal.at'),
      ...(facts ? { enteredAt: facts.enteredAt } : {}),
      type: req.journal.type,
      actor: req.journal.actor,
      before: req.journal.before,
      after: req.journal.after,
      event: req.journal.event ?? null,
      idempotencyKey: req.journal.idempotencyKey,
    },
    journal: [
      code,
      req.journal.seq,
      canonicalInstant(req.journal.at, 'journal.at'),
      req.journal.type,
      JSON.stringify(req.journal.actor),
      req.journal.before,
      req.journal.after,
      JSON.stringify(req.journal.event ?? null),
      req.journal.idempotencyKey,
      facts?.enteredAt ?? null,
    ],
    entryFacts: facts,
    slip: req.slipRows.map((row) => {
      const c = slipColumns(row);
      return [code, c.seq, c.at, c.fromUnit, c.stepId, c.result, JSON.stringify(row)];
    }),
    timers,
    timerIds: JSON.stringify(timers.map((t) => t[0])),
    outbox: req.outbox.map((o) => {
      const notBefore = canonicalInstant(o.notBefore, 'outbox[].notBefore');
      return [
        o.id,
        o.code,
        o.type,
        o.payload === undefined ? null : JSON.stringify(o.payload),
        canonicalInstant(o.createdAt, 'outbox[].createdAt'),
        notBefore,
        notBefore,
      ];
    }),
    idempotency: req.idempotency
      ? [
          req.idempotency.key,
          // Written once, read on a retry only: packed (migration 004).
          req.idempotency.result === undefined ? null : packIfShorter(JSON.stringify(req.idempotency.result)),
        ]
      : null,
    firedTimer: req.firedTimer,
  };
}
