export {
  type PgNoticeLogClient,
  type PgNoticeLogPool,
  type PgQueryConfig,
  type PgQueryResult,
  PostgresNoticeLog,
  type PostgresNoticeLogOptions,
} from './postgres-notice-log.js';
export { postgresNoticeLogMigrations } from './postgres-notice-log-migrations.js';
