export { type SqliteDatabase, SqliteNoticeLog, type SqliteNoticeLogOptions } from './sqlite-notice-log.js';
