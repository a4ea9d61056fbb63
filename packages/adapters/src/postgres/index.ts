/**
 * @packageDocumentation
 * `@motcua/adapters/postgres` — {@link PostgresStore}, for many engine processes sharing one
 * PostgreSQL database (needs the `pg` driver unless you pass your own pool).
 */

export {
  isTransientPostgresError,
  type TransientPostgresCondition,
  type TransientPostgresMatch,
  transientPostgresConditions,
} from '@motcua/sql/postgres';
export {
  StoreError,
  type StoreErrorCode,
  StoreFullError,
  StoreLockedError,
  StoreNotMigratedError,
  StoreUnavailableError,
} from '../shared/errors.js';
export type { Migration, MigrationResult } from '../shared/migration.js';
export { postgresMigrations } from './migrations.js';
export {
  type PgPool,
  type PgPoolClient,
  type PgQuery,
  type PgResult,
  PostgresStore,
  type PostgresStoreOptions,
} from './postgres-store.js';
