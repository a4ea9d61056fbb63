/**
 * The base class of every error motcua throws on purpose. `code` is stable and machine-readable;
 * `field` and `value` name the input that was wrong, when there is one.
 *
 * Values that may hold personal data are never copied into an error: callers pass a masked value.
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
    details: { field?: string; value?: unknown; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = details.field;
    this.value = details.value;
  }
}

/** Renders a value for an error message: short, JSON-like, never huge. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
