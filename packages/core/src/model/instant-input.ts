import {
  CALENDAR_INSTANT_RANGE,
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
} from '../calendar/working-calendar.js';
import { ValidationError } from '../errors/dossier-errors.js';
import { canonicalInstant, type Instant, InstantSchema } from './actor.js';
import { instantMs, isOwnInstant } from './instant-format.js';

/**
 * Why `value` is not an instant motcua takes, or `null` when it is one: a valid `Date`, or an ISO 8601
 * string with an explicit offset or `Z` naming a real calendar instant (`'2026-02-30T10:00:00+07:00'`
 * and `'2026-03-02T09:30:00'` without an offset are refused, never read in the server's zone or
 * rolled over), within the years the calendar answers for.
 */
export function instantProblem(value: unknown): string | null {
  let ms: number;
  if (value instanceof Date) {
    ms = value.getTime();
    if (Number.isNaN(ms)) return 'an invalid Date';
  } else if (typeof value === 'string') {
    // motcua's own form (what the engine writes) is checked by a round trip: no schema on hot paths.
    ms = instantMs(value);
    const canonical = isOwnInstant(value);
    if (!canonical && (value.length > 40 || !InstantSchema.safeParse(value).success)) {
      return "expected an ISO 8601 instant with an offset, e.g. '2026-03-02T09:30:00+07:00'";
    }
  } else {
    return 'expected an ISO 8601 instant string or a Date';
  }
  if (ms < CALENDAR_INSTANT_RANGE.first || ms > CALENDAR_INSTANT_RANGE.last) {
    return `outside the years ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`;
  }
  return null;
}

/**
 * An instant as motcua keeps it (`YYYY-MM-DDTHH:mm:ss.sssZ`) from what a caller passed (see
 * `instantProblem`). @throws {@link ValidationError} naming `field`, the value not echoed.
 * @example
 * ```ts
 * import { parseInstant } from '@motcua/core';
 * parseInstant('2026-03-02T09:30:00+07:00', 'at'); // '2026-03-02T02:30:00.000Z'
 * parseInstant('2026-02-30T10:00:00+07:00', 'at'); // throws ValidationError (field 'at')
 * ```
 */
export function parseInstant(value: unknown, field: string): Instant {
  const problem = instantProblem(value);
  if (problem !== null) throw new ValidationError(field, [{ field, message: problem }]);
  return value instanceof Date ? value.toISOString() : canonicalInstant(value as string);
}
