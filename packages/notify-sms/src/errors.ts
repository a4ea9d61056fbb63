import { MotcuaError } from '@motcua/core';
import type { SqlFailure } from '@motcua/sql';

/**
 * Codes of {@link SmsError}.
 *
 * Phone numbers:
 * - `INVALID_PHONE` — not a phone number at all, a wrong length, or a range that is not allocated.
 * - `FOREIGN_PHONE` — a country calling code other than +84.
 * - `LANDLINE_PHONE` — a Vietnamese fixed-line number (02…): it cannot receive SMS.
 * - `NOT_MOBILE_PHONE` — a valid Vietnamese number that is not a mobile (1800/1900, VoIP, …).
 * - `LEGACY_PHONE` — an 11-digit pre-2018 mobile number while conversion is turned off.
 * - `UNKNOWN_LEGACY_PREFIX` — an 11-digit 01… number whose prefix is not in the 2018 table.
 *
 * Templates and messages:
 * - `INVALID_OPTION` — options or a template definition do not match their schema.
 * - `INVALID_TEMPLATE` — a malformed placeholder (`{`, `}` without a pair, `{1x}`).
 * - `UNKNOWN_VARIABLE` — a template uses a variable the catalogue does not define.
 * - `MISSING_VARIABLE` — a template leaves out a variable its notice requires.
 * - `UNKNOWN_TEMPLATE` — render was asked for a notice that has no template.
 * - `MISSING_VALUE` — render got no value (or an empty one) for a variable the template uses.
 * - `PERSONAL_ID_IN_TEXT` — a value or a template text looks like a personal ID number.
 * - `NOT_GSM7` — the text without diacritics still holds a character GSM-7 cannot carry.
 * - `TEMPLATE_TOO_LONG` — with the longest realistic values, a template needs more segments than allowed.
 * - `MESSAGE_TOO_LONG` — a rendered message needs more segments than allowed.
 *
 * Delivery:
 * - `INVALID_PAYLOAD` — an outbox item of the `sms` plugin does not match its schema (dead-lettered).
 * - `DELIVERY_DEFERRED` — not sent now (quiet hours, daily cap per number): retried later, never dropped.
 * - `PROVIDER_UNAVAILABLE` — the gateway could not be reached or answered with a temporary error
 *   (network, timeout, HTTP 5xx/408/429, SMPP throttling, disconnected): retryable.
 * - `PROVIDER_REJECTED` — the gateway refused the message for good (HTTP 4xx, an SMPP error status).
 * - `INVALID_RECEIPT` — a delivery receipt that cannot be read.
 *
 * Notice logs in a database (`NoticeLogError`):
 * - `NOTICE_LOG_UNAVAILABLE` — the database cannot be reached, the connection was lost or the
 *   file cannot be opened: retryable.
 * - `NOTICE_LOG_LOCKED` — another connection held the write lock too long: retryable.
 * - `NOTICE_LOG_FULL` — the disk or the database's size limit is full: nothing was written.
 * - `NOTICE_LOG_NOT_MIGRATED` — the tables are missing: run `await noticeLog.migrate()`.
 * - `NOTICE_LOG_CONFLICT` — a conditional write found the row changed again and again (other
 *   writers kept updating it): nothing was written; retryable.
 * - `NOTICE_LOG_FAILED` — any other database failure (the driver's error is the `cause`).
 */
export type SmsErrorCode =
  | 'INVALID_PHONE'
  | 'FOREIGN_PHONE'
  | 'LANDLINE_PHONE'
  | 'NOT_MOBILE_PHONE'
  | 'LEGACY_PHONE'
  | 'UNKNOWN_LEGACY_PREFIX'
  | 'INVALID_OPTION'
  | 'INVALID_TEMPLATE'
  | 'UNKNOWN_VARIABLE'
  | 'MISSING_VARIABLE'
  | 'UNKNOWN_TEMPLATE'
  | 'MISSING_VALUE'
  | 'PERSONAL_ID_IN_TEXT'
  | 'NOT_GSM7'
  | 'TEMPLATE_TOO_LONG'
  | 'MESSAGE_TOO_LONG'
  | 'INVALID_PAYLOAD'
  | 'DELIVERY_DEFERRED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_REJECTED'
  | 'INVALID_RECEIPT'
  | 'NOTICE_LOG_UNAVAILABLE'
  | 'NOTICE_LOG_LOCKED'
  | 'NOTICE_LOG_FULL'
  | 'NOTICE_LOG_NOT_MIGRATED'
  | 'NOTICE_LOG_CONFLICT'
  | 'NOTICE_LOG_FAILED';

/**
 * Thrown by `@motcua/notify-sms` for bad input. `code` is stable, `field` names the input.
 *
 * Personal data never reaches an error: a phone number appears only masked (`09******78`) in the
 * message and in `value`, and a value that looks like an ID number is not repeated at all.
 *
 * @example
 * ```ts
 * import { SmsError } from '@motcua/notify-sms';
 * import { normalizePhone } from '@motcua/notify-sms/phone';
 * try { normalizePhone('024 3825 1234', { field: 'applicant.phone' }); }
 * catch (e) { if (e instanceof SmsError) console.log(e.code, e.field, e.value); }
 * // LANDLINE_PHONE applicant.phone 02*******34
 * ```
 */
export class SmsError extends MotcuaError {
  declare readonly code: SmsErrorCode;

  constructor(
    code: SmsErrorCode,
    message: string,
    details: { field?: string; value?: unknown; cause?: unknown } = {},
  ) {
    super(code, message, details);
  }
}

/** Codes of {@link NoticeLogError}. */
export type NoticeLogErrorCode = Extract<SmsErrorCode, `NOTICE_LOG_${string}`>;

/**
 * A failure of the database under a notice log (`SqliteNoticeLog`, `PostgresNoticeLog`),
 * translated from the driver's error (kept as `cause`), or a conditional write that kept finding
 * the row changed (`NOTICE_LOG_CONFLICT`). Thrown from the plugin's delivery, it makes
 * the engine retry the outbox item later; nothing is sent on a failed claim.
 */
export class NoticeLogError extends SmsError {
  declare readonly code: NoticeLogErrorCode;
  /** True when the same operation may succeed if tried again later (locked, connection lost). */
  readonly retryable: boolean;

  constructor(code: NoticeLogErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options.cause === undefined ? {} : { cause: options.cause });
    this.retryable =
      code === 'NOTICE_LOG_UNAVAILABLE' || code === 'NOTICE_LOG_LOCKED' || code === 'NOTICE_LOG_CONFLICT';
  }
}

/** The `NOTICE_LOG_*` code of each kind of database failure. */
export const NOTICE_LOG_CODES = {
  full: 'NOTICE_LOG_FULL',
  locked: 'NOTICE_LOG_LOCKED',
  unavailable: 'NOTICE_LOG_UNAVAILABLE',
  'not-migrated': 'NOTICE_LOG_NOT_MIGRATED',
  failed: 'NOTICE_LOG_FAILED',
} as const satisfies Record<SqlFailure['kind'], NoticeLogErrorCode>;
