/**
 * What a database failure means for the caller, whatever the driver. Each store or log turns it
 * into its own typed error (`StoreError` codes, `NoticeLogError` codes) with its own message.
 * - `full` — the disk or the database's size limit is full: nothing was written.
 * - `locked` — another connection held a lock too long: nothing was written; retryable.
 * - `conflict` — the transaction was aborted by a serialization failure or a deadlock: retryable.
 * - `unavailable` — the database cannot be reached, the connection was lost, the pool or the
 *   connection was closed: retryable.
 * - `not-migrated` — the tables (or the schema) are missing.
 * - `failed` — any other failure of the database.
 */
export type SqlFailureKind = 'full' | 'locked' | 'conflict' | 'unavailable' | 'not-migrated' | 'failed';

/**
 * A database failure as a log reports it: its kind (`conflict` reported as `locked`: retry) and
 * the message to put in the log's own typed error. Built by `describeSqliteFailure`
 * (`@motcua/sql/sqlite`) and `describePostgresFailure` (`@motcua/sql/postgres`); the message names
 * where it happened and never a value the caller wrote.
 */
export interface SqlFailure {
  readonly kind: Exclude<SqlFailureKind, 'conflict'>;
  readonly message: string;
}
