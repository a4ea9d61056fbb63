import { MotcuaError } from '@motcua/core';
import type { SqlFailure } from '@motcua/sql';

/**
 * Codes of {@link ConnectorError}:
 * - `INVALID_OPTION` — a connector's option is missing or out of range (`field` names it; a secret
 *   is never repeated).
 * - `INVALID_INPUT` — an inbound message (a portal filing or request) is malformed (`field` names
 *   it; its values are not repeated).
 * - `FILING_NOT_FOUND` — an inbound request names a filing not received yet (the sender retries).
 * - `SYNC_LOG_UNAVAILABLE` — a durable sync log's database cannot be reached or opened (its driver
 *   missing, the file closed, the server down); retry later.
 * - `SYNC_LOG_LOCKED` — another connection held the lock too long; nothing was written, retry.
 * - `SYNC_LOG_NOT_MIGRATED` — the sync log's tables are missing: run `migrate()`.
 * - `SYNC_LOG_FULL` — the disk (or SQLite's page limit) is full; nothing was written.
 * - `SYNC_LOG_FAILED` — any other database failure.
 */
export type ConnectorErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'FILING_NOT_FOUND'
  | 'SYNC_LOG_UNAVAILABLE'
  | 'SYNC_LOG_LOCKED'
  | 'SYNC_LOG_NOT_MIGRATED'
  | 'SYNC_LOG_FULL'
  | 'SYNC_LOG_FAILED';

/**
 * Thrown by `@motcua/connectors` for bad configuration, before anything is sent, and by the
 * durable sync logs when their database fails. `code` is stable, `field` names the option; values
 * are not repeated (they may be credentials). Thrown from a delivery, a `SYNC_LOG_*` error makes
 * the engine retry the outbox item later.
 *
 * @example
 * ```ts
 * import { ConnectorError } from '@motcua/connectors';
 * import { lgspEnvelope } from '@motcua/connectors/dvcqg';
 * try {
 *   lgspEnvelope({ url: 'lgsp.example.gov.vn', unitCode: 'H56', credentials: { username: 'u', password: 'p' } });
 * } catch (e) {
 *   if (e instanceof ConnectorError) console.log(e.code, e.field); // INVALID_OPTION url
 * }
 * ```
 */
export class ConnectorError extends MotcuaError {
  declare readonly code: ConnectorErrorCode;

  constructor(
    code: ConnectorErrorCode,
    message: string,
    details: { readonly field?: string; readonly cause?: unknown } = {},
  ) {
    super(code, message, {
      ...(details.field === undefined ? {} : { field: details.field }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
  }
}

/** A {@link ConnectorError} `INVALID_OPTION` naming `field`. */
export function invalidOption(field: string, rule: string): ConnectorError {
  return new ConnectorError('INVALID_OPTION', `${field}: ${rule}`, { field });
}

/** The `SYNC_LOG_*` code of each kind of database failure. */
const SYNC_LOG_CODES = {
  full: 'SYNC_LOG_FULL',
  locked: 'SYNC_LOG_LOCKED',
  unavailable: 'SYNC_LOG_UNAVAILABLE',
  'not-migrated': 'SYNC_LOG_NOT_MIGRATED',
  failed: 'SYNC_LOG_FAILED',
} as const satisfies Record<SqlFailure['kind'], ConnectorErrorCode>;

/** A sync log's database failure (`describeSqliteFailure`, `describePostgresFailure`) as a {@link ConnectorError}. */
export function syncLogError(failure: SqlFailure, cause: unknown): ConnectorError {
  return new ConnectorError(SYNC_LOG_CODES[failure.kind], failure.message, { cause });
}
