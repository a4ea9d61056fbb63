import type { SqlFailure, SqlFailureKind } from '../failure-kind.js';

/** How {@link sqliteFailureKind} reads a better-sqlite3 error: a {@link SqlFailureKind}, or `closed`. */
export type SqliteFailureKind = SqlFailureKind | 'closed';

/**
 * Classifies an error thrown by better-sqlite3: `full` (`SQLITE_FULL…`), `locked` (`SQLITE_BUSY…`,
 * `SQLITE_LOCKED…`: the busy timeout ran out), `not-migrated` (no such table or index), `unavailable` (the
 * file cannot be opened or read, `SQLITE_READONLY`), `closed` (a call on a closed database),
 * `failed` (any other SQLite error), or `undefined` for an error that did not come from SQLite
 * (the caller rethrows it as it is).
 *
 * @example
 * ```ts
 * import { sqliteFailureKind } from '@motcua/sql/sqlite';
 * import Database from 'better-sqlite3';
 * const db = new Database(':memory:');
 * try {
 *   db.prepare('SELECT 1 FROM missing').get();
 * } catch (e) {
 *   sqliteFailureKind(e); // 'not-migrated'
 * }
 * ```
 */
export function sqliteFailureKind(error: unknown): SqliteFailureKind | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') {
    return error instanceof TypeError && /not open/.test(message) ? 'closed' : undefined;
  }
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (/no such (table|index)/.test(message)) return 'not-migrated';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY') {
    return 'unavailable';
  }
  return 'failed';
}

/**
 * What a log on SQLite reports for a better-sqlite3 error: its kind and message, `where` first
 * (e.g. `SqliteSyncLog.ack`): a closed database is `unavailable`, a full one or one locked longer
 * than `busyTimeoutMs` says nothing was written, a missing table says `notMigrated` (what to run).
 * `undefined` for an error that did not come from SQLite (the caller rethrows it as it is).
 *
 * @example
 * ```ts
 * import { describeSqliteFailure } from '@motcua/sql/sqlite';
 * declare const error: unknown;
 * const failure = describeSqliteFailure(error, {
 *   where: 'SqliteSyncLog.ack', busyTimeoutMs: 5000, notMigrated: 'no dvcqg_sync_dossiers table: run await syncLog.migrate()',
 * });
 * failure?.kind; // 'not-migrated'
 * ```
 */
export function describeSqliteFailure(
  error: unknown,
  context: { readonly where: string; readonly busyTimeoutMs: number; readonly notMigrated: string },
): SqlFailure | undefined {
  const { where } = context;
  const message = error instanceof Error ? error.message : String(error);
  switch (sqliteFailureKind(error)) {
    case undefined:
      return undefined;
    case 'closed':
      return { kind: 'unavailable', message: `${where}: the database is closed` };
    case 'full':
      return {
        kind: 'full',
        message: `${where}: the SQLite database is full (disk or max_page_count); nothing was written`,
      };
    case 'locked':
      return {
        kind: 'locked',
        message: `${where}: the SQLite database stayed locked by another connection for ${context.busyTimeoutMs} ms; nothing was written`,
      };
    case 'not-migrated':
      return { kind: 'not-migrated', message: `${where}: ${context.notMigrated}` };
    case 'unavailable':
      return { kind: 'unavailable', message: `${where}: ${message}` };
    default:
      return { kind: 'failed', message: `${where}: ${message}` };
  }
}
