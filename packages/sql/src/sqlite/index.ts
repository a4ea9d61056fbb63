/**
 * @packageDocumentation
 * `@motcua/sql/sqlite` — what the SQLite stores share (`SqliteStore`, `SqliteNoticeLog`): the
 * shape of a better-sqlite3 database, a statement cache, the classification of driver errors and
 * the migration runner. No driver is loaded here.
 */
export { migrateSqlite, type SqliteMigrationPlan } from './migrate-sqlite.js';
export type { SqliteDatabase, SqliteStatement } from './sqlite-database.js';
export { describeSqliteFailure, type SqliteFailureKind, sqliteFailureKind } from './sqlite-failure.js';
export { StatementCache } from './statement-cache.js';
