/**
 * @packageDocumentation
 * `@motcua/adapters/sqlite` — {@link SqliteStore}, the embedded default store (needs the
 * `better-sqlite3` driver).
 */
export {
  StoreError,
  type StoreErrorCode,
  StoreFullError,
  StoreLockedError,
  StoreNotMigratedError,
  StoreUnavailableError,
} from '../shared/errors.js';
export type { Migration, MigrationResult } from '../shared/migration.js';
export { sqliteMigrations } from './migrations.js';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
