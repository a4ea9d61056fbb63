/**
 * @packageDocumentation
 * `@motcua/adapters` — where an engine keeps its dossiers:
 * - {@link SqliteStore} (`@motcua/adapters/sqlite`): the embedded default, one file, driver `better-sqlite3`;
 * - {@link PostgresStore} (`@motcua/adapters/postgres`): many engine processes on one database, driver `pg`;
 * - {@link MemoryStore} (`@motcua/adapters/memory`): core's in-memory store, re-exported.
 *
 * Each passes core's store conformance suite. Drivers are optional peer dependencies, loaded only
 * when a store that needs one is created: install the one you use.
 */

export {
  isTransientPostgresError,
  type TransientPostgresCondition,
  type TransientPostgresMatch,
  transientPostgresConditions,
} from '@motcua/sql/postgres';
export { MemoryStore } from './memory/index.js';
export { postgresMigrations } from './postgres/migrations.js';
export {
  type PgPool,
  type PgPoolClient,
  type PgQuery,
  type PgResult,
  PostgresStore,
  type PostgresStoreOptions,
} from './postgres/postgres-store.js';
export {
  StoreError,
  type StoreErrorCode,
  StoreFullError,
  StoreLockedError,
  StoreNotMigratedError,
  StoreUnavailableError,
} from './shared/errors.js';
export type { Migration, MigrationResult } from './shared/migration.js';
export { sqliteMigrations } from './sqlite/migrations.js';
export { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
