/** The longest message an error keeps; the rest is cut. */
const MAX_MESSAGE = 500;
/** The longest field path an error keeps. */
const MAX_FIELD = 200;

/** Control characters (NUL, escape, …) and lone surrogates, shown as `\u…` in messages. */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is replaced.
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A text an error may carry: control characters escaped, at most `max` characters (an input of
 * 2 MB never comes back whole in an error, a log line or an HTTP answer).
 */
export function safeText(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value an error may carry: plain scalars and short lists of them as they are (texts cut at 60
 * characters), anything else described in at most 80.
 */
function safeValue(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return safeText(value, 60);
  if (
    Array.isArray(value) &&
    value.length <= 10 &&
    value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  ) {
    return value.map(safeValue);
  }
  return describeValue(value);
}

/**
 * The base class of every error motcua throws on purpose. `code` is stable and machine-readable;
 * `field` and `value` name the input that was wrong, when there is one.
 *
 * Values that may hold personal data are never copied into an error: callers pass a masked value.
 * What an error carries is capped and sanitised: the message at 500 characters, `value` at 60
 * (objects are described in at most 80), control characters escaped.
 *
 * @example
 * ```ts
 * import {
 *   ConflictError, type Engine, IdempotencyKeyError, LookupLockedError, MotcuaError, NotFoundError,
 *   PermissionError, ValidationError,
 * } from '@motcua/core';
 * declare const engine: Engine;
 * // One place that turns motcua's errors into HTTP answers: `code` is stable, `field` names the input.
 * function statusOf(e: MotcuaError): number {
 *   if (e instanceof ValidationError) return 400;
 *   if (e instanceof PermissionError) return 403;
 *   if (e instanceof NotFoundError) return 404;
 *   if (e instanceof ConflictError) return 409; // load again and retry
 *   if (e instanceof IdempotencyKeyError) return 422;
 *   if (e instanceof LookupLockedError) return 429; // Retry-After: e.retryAfterSeconds
 *   return 422;
 * }
 * try {
 *   await engine.send('000.00.14.H56-260302-0001', { type: 'HAND_OVER', actor: { officerId: 'desk-1', unitId: 'desk' } });
 * } catch (e) {
 *   if (!(e instanceof MotcuaError)) throw e;
 *   console.log(statusOf(e), { code: e.code, field: e.field, message: e.message }); // no personal data in it
 * }
 * ```
 */
export class MotcuaError extends Error {
  /** Stable, machine-readable code, e.g. `INVALID_DATE`. */
  readonly code: string;
  /** Path of the offending input, e.g. `limit.workingDays` or `entries[3].kind`. */
  readonly field: string | undefined;
  /** The offending value (already masked if it could hold personal data). */
  readonly value: unknown;

  constructor(
    code: string,
    message: string,
    details: { field?: string | undefined; value?: unknown; cause?: unknown } = {},
  ) {
    super(
      safeText(String(message), MAX_MESSAGE),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = new.target.name;
    this.code = code;
    this.field = details.field === undefined ? undefined : safeText(String(details.field), MAX_FIELD);
    this.value = safeValue(details.value);
  }
}

/** Renders a value for an error message: short, JSON-like, never huge. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function')
    return typeof value;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? typeof value : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
