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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new SmsError('INVALID_OPTION', `timeZone: unknown time zone ${JSON.stringify(timeZone)}`, {
        field: 'timeZone',
        value: timeZone,
      });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws `INVALID_OPTION` unless `timeZone` is an IANA zone this runtime knows. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

const HOUR_MS = 3_600_000;

/** The offset of `timeZone` at `t` read from Intl (exact, slow: a `formatToParts` call). */
function intlOffsetMs(t: number, timeZone: string): number {
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(t)) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** Per zone: offsets by UTC hour, for the hours with no offset change inside them. */
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 100_000;

/**
 * Milliseconds `timeZone` is ahead of UTC at `instant` (+7 h for Vietnam). Intl is asked only
 * once per zone and UTC hour: when the offset is the same at both ends of the hour it holds for
 * the whole hour (time zones change offset at most once in an hour) and is cached; an hour with a
 * change (a daylight-saving switch) is read from Intl each time. Exact in every zone, and cheap
 * after the first call in an hour.
 */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  let cache = offsets.get(timeZone);
  if (!cache) {
    formatter(timeZone); // throws INVALID_OPTION for an unknown zone
    cache = new Map();
    offsets.set(timeZone, cache);
  }
  const hour = Math.floor(t / HOUR_MS);
  const cached = cache.get(hour);
  if (cached !== undefined) return cached;
  const start = intlOffsetMs(hour * HOUR_MS, timeZone);
  if (start !== intlOffsetMs(hour * HOUR_MS + HOUR_MS - 1, timeZone)) return intlOffsetMs(t, timeZone);
  if (cache.size >= MAX_CACHED_HOURS) cache.clear();
  cache.set(hour, start);
  return start;
}

/**
 * The wall-clock date and time of `instant` in `timeZone` (offset arithmetic on
 * {@link zoneOffsetMs}: no Intl call once the hour's offset is known).
 *
 * @example
 * ```ts
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

/** The local day of `instant` as `[start, next day's start)`. */
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
