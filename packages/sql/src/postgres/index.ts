/**
 * @packageDocumentation
 * `@motcua/sql/postgres` — what the PostgreSQL stores share (`PostgresStore`, `PostgresNoticeLog`):
 * the pool types (a node-postgres `Pool` fits), the guard that keeps connection faults from
 * crashing the process, transactions that destroy a lost connection, named prepared statements,
 * the classification of driver errors with the table of transient conditions, and the migration
 * runner. No driver is loaded here.
 */
export { guardPool, isLostClient } from './guard-pool.js';
export { migratePostgres, type PostgresMigrationPlan } from './migrate-postgres.js';
export type { PgPool, PgPoolClient, PgQuery, PgResult } from './pg-pool.js';
export { describePostgresFailure, postgresFailureKind } from './postgres-failure.js';
export { PreparedNames } from './prepared-names.js';
export {
  isTransientPostgresError,
  type TransientPostgresCondition,
  type TransientPostgresMatch,
  transientPostgresConditions,
} from './transient-conditions.js';
export { type TransactionOptions, withTransaction } from './with-transaction.js';
