import { type CalendarZone, timeZoneOf } from '@motcua/core/calendar';
import { z } from 'zod';
import { SmsError } from '../errors.js';

/** The time zone of Vietnamese offices (UTC+7, no daylight saving). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Wall-clock parts of an instant in a time zone. */
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The zone named `timeZone`, or `INVALID_OPTION` naming the field. */
function zoneOf(timeZone: string): CalendarZone {
  const zone = timeZoneOf(timeZone);
  if (!zone) {
    throw new SmsError('INVALID_OPTION', `timeZone: unknown time zone ${JSON.stringify(timeZone)}`, {
      field: 'timeZone',
      value: timeZone,
    });
  }
  return zone;
}

/** Throws `INVALID_OPTION` unless `timeZone` is an IANA zone this runtime knows. */
export function checkTimeZone(timeZone: string): void {
  zoneOf(timeZone);
}

/**
 * Milliseconds `timeZone` is ahead of UTC at `instant` (+7 h for Vietnam): the calendar's time
 * zones (`timeZoneOf` of `@motcua/core/calendar`, read from Intl once per zone and UTC hour, exact
 * across daylight-saving switches).
 */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  return zoneOf(timeZone).offsetMs(typeof instant === 'number' ? instant : instant.getTime());
}

/**
 * The wall-clock date and time of `instant` in `timeZone` (offset arithmetic on
 * `zoneOffsetMs`: no Intl call once the hour's offset is known).
 *
 * @example
 * ```ts
 * import { localParts } from '@motcua/notify-sms';
 * localParts(new Date('2026-03-02T14:30:00Z'), 'Asia/Ho_Chi_Minh'); // { year: 2026, month: 3, day: 2, hour: 21, minute: 30, second: 0 }
 * ```
 */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const t = instant.getTime();
  const wall = new Date(t + zoneOffsetMs(t, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/**
 * The instant at a wall-clock time in `timeZone`. `day` may overflow (day 32 is the 1st of the
 * next month), as with `Date.UTC`. Where daylight saving applies, a wall time skipped by the
 * spring switch maps to an instant before the switch, and a repeated one to its first occurrence.
 */
export function instantAt(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  minutesOfDay: number,
): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutesOfDay);
  let t = wall - zoneOffsetMs(wall, timeZone);
  t = wall - zoneOffsetMs(t, timeZone); // once more, in case the offset changed in between
  return new Date(t);
}

/**
 * The local day of `instant` as `[start, next day's start)`.
 *
 * @example
 * ```ts
 * import { localDayBounds } from '@motcua/notify-sms';
 * localDayBounds(new Date('2026-03-02T09:00:00+07:00'), 'Asia/Ho_Chi_Minh');
 * // { start: 2026-03-01T17:00:00.000Z, end: 2026-03-02T17:00:00.000Z }
 * ```
 */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const p = localParts(instant, timeZone);
  return {
    start: instantAt(timeZone, p.year, p.month, p.day, 0),
    end: instantAt(timeZone, p.year, p.month, p.day + 1, 0),
  };
}

/** A local time of day written `HH:mm` (24-hour). */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day as HH:mm, e.g. 07:00' });

/** Minutes since midnight of an `HH:mm` time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Formats an instant as Vietnamese readers expect a return date on a receipt:
 * `'16 giờ 30 phút ngày 31/12/2026'` (`style: 'date-time'`, the default) or `'31/12/2026'`
 * (`style: 'date'`), in the office's time zone (default `Asia/Ho_Chi_Minh`), whatever the
 * process's own zone. Under the default policy the SMS carries it without diacritics
 * (`'16 gio 30 phut ngay 31/12/2026'`).
 *
 * @example
 * ```ts
 * import { formatReturnDate } from '@motcua/notify-sms';
 * formatReturnDate(new Date('2026-03-11T10:00:00Z')); // '17 giờ 00 phút ngày 11/03/2026'
 * ```
 */
export function formatReturnDate(
  instant: Date,
  options: { timeZone?: string; style?: 'date-time' | 'date' } = {},
): string {
  const p = localParts(instant, options.timeZone ?? VIETNAM_TIME_ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(p.day)}/${two(p.month)}/${p.year}`;
  if (options.style === 'date') return date;
  return `${two(p.hour)} giờ ${two(p.minute)} phút ngày ${date}`;
}
