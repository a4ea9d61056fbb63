import { CalendarError } from '../errors/calendar-error.js';

/**
 * A calendar date in the office's time zone, written `'YYYY-MM-DD'` (e.g. `'2026-02-17'`).
 * Plain strings cross module borders; instants are `Date`s.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (no time zone involved). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/**
 * Parses `'YYYY-MM-DD'` to its day number (days since 1970-01-01), rejecting impossible dates
 * such as `'2026-02-30'`.
 * @throws {@link CalendarError} `INVALID_DATE` naming `field`.
 *
 * @example
 * ```ts
 * import { parseLocalDate } from '@motcua/core/calendar';
 * parseLocalDate('2026-03-02'); // 20514 (days since 1970-01-01)
 * parseLocalDate('2026-02-30', 'receivedOn'); // throws CalendarError INVALID_DATE naming 'receivedOn'
 * ```
 */
export function parseLocalDate(value: unknown, field = 'date'): number {
  if (typeof value !== 'string')
    throw new CalendarError('INVALID_DATE', field, value, "expected 'YYYY-MM-DD'");
  const m = LOCAL_DATE_RE.exec(value);
  if (!m) throw new CalendarError('INVALID_DATE', field, value, "expected 'YYYY-MM-DD'");
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const n = dayNumberOf(year, month, day);
  const check = new Date(n * MS_PER_DAY);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() + 1 !== month || check.getUTCDate() !== day) {
    throw new CalendarError('INVALID_DATE', field, value, 'no such calendar date');
  }
  return n;
}

/**
 * Whether `value` is a valid `'YYYY-MM-DD'` date.
 *
 * @example
 * ```ts
 * import { isLocalDate } from '@motcua/core/calendar';
 * isLocalDate('2026-03-02'); // true
 * isLocalDate('2026-02-30'); // false
 * ```
 */
export function isLocalDate(value: unknown): value is LocalDate {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * `'YYYY-MM-DD'` of a day number.
 *
 * @example
 * ```ts
 * import { localDateOf, parseLocalDate } from '@motcua/core/calendar';
 * localDateOf(parseLocalDate('2026-03-02')); // '2026-03-02'
 * ```
 */
export function localDateOf(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Gregorian year of a day number. */
export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/**
 * Parses a wall-clock time `'HH:mm'` (00:00–24:00) to milliseconds after midnight.
 * @throws {@link CalendarError} `INVALID_TIME` naming `field`.
 */
export function parseTimeOfDay(value: unknown, field = 'time'): number {
  if (typeof value !== 'string' || !TIME_RE.test(value)) {
    throw new CalendarError('INVALID_TIME', field, value, "expected a time 'HH:mm' between 00:00 and 24:00");
  }
  const [h, m] = value.split(':').map(Number) as [number, number];
  return (h * 60 + m) * 60_000;
}
