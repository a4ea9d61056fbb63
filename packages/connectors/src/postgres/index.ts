/**
 * @packageDocumentation
 * `@motcua/connectors/postgres` — the durable sync log in PostgreSQL ({@link PostgresSyncLog}),
 * with its migrations: one log for every engine worker sharing the database. Needs the optional
 * peer `pg` when it makes its own pool.
 */
export {
  type PgPool,
  type PgPoolClient,
  type PgQuery,
  type PgResult,
  PostgresSyncLog,
  type PostgresSyncLogOptions,
} from './postgres-sync-log.js';
export { postgresSyncLogMigrations } from './postgres-sync-log-migrations.js';
