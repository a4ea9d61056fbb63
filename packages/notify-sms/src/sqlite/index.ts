export {
  type SqliteDatabase,
  SqliteNoticeLog,
  type SqliteNoticeLogOptions,
  type SqliteStatement,
} from './sqlite-notice-log.js';
export { sqliteNoticeLogMigrations } from './sqlite-notice-log-migrations.js';
