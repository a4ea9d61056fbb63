export {
  type PgQueryable,
  type PgRows,
  PostgresNoticeLog,
  type PostgresNoticeLogOptions,
} from './postgres-notice-log.js';
