export {
  type PgPool,
  type PgPoolClient,
  type PgQuery,
  type PgResult,
  PostgresNoticeLog,
  type PostgresNoticeLogOptions,
} from './postgres-notice-log.js';
export { postgresNoticeLogMigrations } from './postgres-notice-log-migrations.js';
