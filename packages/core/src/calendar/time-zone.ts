/**
 * IANA time zones read through `Intl` (built into Node and every browser): the offset from UTC at
 * an instant and local formatting, without a date library.
 */

/** A time zone as the calendar uses it. */
export interface CalendarZone {
  /** The IANA name, e.g. `Asia/Ho_Chi_Minh`. */
  readonly name: string;
  /** Minutes the zone is ahead of UTC at `ms` (+420 for Vietnam), rounded to the minute. */
  offset(ms: number): number;
  /** Milliseconds the zone is ahead of UTC at `ms`, exact (old local mean times have seconds). */
  offsetMs(ms: number): number;
}

const HOUR_MS = 3_600_000;
/** Hours of offsets a zone keeps (about 11 years of distinct hours), then starts over. */
const MAX_CACHED_HOURS = 100_000;
const zones = new Map<string, CalendarZone | null>();

function formatterOf(name: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
}

/** The offset in milliseconds read from Intl at `ms` (exact; one `formatToParts` call). */
function intlOffset(format: Intl.DateTimeFormat, ms: number): number {
  const p = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(ms)) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Date.UTC maps years 0–99 to 1900–1999; the calendar's years are 1976–2200, so no correction.
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The zone named `name`, or `undefined` when this runtime does not know it. Offsets are read from
 * Intl once per zone and UTC hour and kept when the offset is the same at both ends of the hour
 * (a zone changes its offset at most once in an hour); an hour with a change is read each time.
 *
 * @example
 * ```ts
 * import { timeZoneOf } from '@motcua/core/calendar';
 * timeZoneOf('Asia/Ho_Chi_Minh')?.offset(Date.now()); // 420
 * timeZoneOf('Mars/Olympus');                         // undefined
 * ```
 */
export function timeZoneOf(name: string): CalendarZone | undefined {
  const known = zones.get(name);
  if (known !== undefined) return known ?? undefined;
  const format = formatterOf(name);
  if (!format) {
    zones.set(name, null);
    return undefined;
  }
  const hours = new Map<number, number>();
  const offsetMs = (ms: number): number => {
    const hour = Math.floor(ms / HOUR_MS);
    const cached = hours.get(hour);
    if (cached !== undefined) return cached;
    const start = intlOffset(format, hour * HOUR_MS);
    if (start !== intlOffset(format, hour * HOUR_MS + HOUR_MS - 1)) return intlOffset(format, ms);
    if (hours.size >= MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, start);
    return start;
  };
  const zone: CalendarZone = {
    name,
    offsetMs,
    offset: (ms) => Math.round(offsetMs(ms) / 60_000),
  };
  zones.set(name, zone);
  return zone;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `ms` as local `'YYYY-MM-DD HH:mm'` in `zone` (seconds dropped). */
export function formatLocalMinute(ms: number, zone: CalendarZone): string {
  const wall = new Date(ms + zone.offset(ms) * 60_000);
  return (
    `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())} ` +
    `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`
  );
}
