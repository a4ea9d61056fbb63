/**
 * @packageDocumentation
 * `@motcua/connectors/sqlite` — the durable sync log in SQLite ({@link SqliteSyncLog}), with its
 * migrations: what a target acknowledged survives restarts and is shared by every process on the
 * file. Needs the optional peer `better-sqlite3`.
 */
export {
  type SqliteDatabase,
  type SqliteStatement,
  SqliteSyncLog,
  type SqliteSyncLogOptions,
} from './sqlite-sync-log.js';
export { sqliteSyncLogMigrations } from './sqlite-sync-log-migrations.js';
