import { SmsError } from '../errors.js';

/** The tables of a notice log in a database, named from its `tablePrefix`. */
export interface NoticeLogTables {
  /** One row per notice (`<prefix>notices`). */
  readonly notices: string;
  /** The gateway message id of each part (`<prefix>notice_parts`), for delivery receipts. */
  readonly parts: string;
  /** The migrations applied (`<prefix>notice_migrations`). */
  readonly migrations: string;
}

/** One schema migration of a notice log: SQL for the given table names, applied once, in order. */
export interface NoticeLogMigration {
  /** 1, 2, …: recorded in the `<prefix>notice_migrations` table. */
  readonly version: number;
  /** E.g. `001_init`. */
  readonly name: string;
  /** The SQL text for these (already quoted) table names; idempotent by itself. */
  readonly sql: (tables: NoticeLogTables & { readonly prefix: string; readonly schema?: string }) => string;
}

/** What `migrate()` of a notice log did. */
export interface NoticeLogMigrationResult {
  /** Names of the migrations this call applied (empty when the tables were up to date). */
  readonly applied: readonly string[];
  /** The schema version after the call. */
  readonly version: number;
}

/** The default `tablePrefix` of the notice logs: tables `sms_notices`, `sms_notice_parts`, … */
export const DEFAULT_NOTICE_TABLE_PREFIX = 'sms_';

const PREFIX = /^([a-z_][a-z0-9_]{0,39})?$/;

/**
 * Checks a table prefix or schema name: lower-case letters, digits and `_`, so the names need no
 * quoting rules of their own. @throws {@link SmsError} `INVALID_OPTION` naming `field`.
 */
export function checkedIdentifier(field: string, value: string, allowEmpty = false): string {
  if (typeof value !== 'string' || !PREFIX.test(value) || (!allowEmpty && value === '')) {
    throw new SmsError(
      'INVALID_OPTION',
      `${field}: expected lower-case letters, digits and _, starting with a letter or _ (got ${JSON.stringify(String(value).slice(0, 40))})`,
      { field, value },
    );
  }
  return value;
}
