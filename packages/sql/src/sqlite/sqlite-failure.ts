import type { SqlFailureKind } from '../failure-kind.js';

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
