import { DateTime } from 'luxon';

/** The zone a portal's dates are written in: Vietnam's, whatever the server's zone. */
const ZONE = 'Asia/Ho_Chi_Minh';

/** The national portal's format, written without luxon (it is on every record and history entry). */
const COMPACT = 'yyyyMMddHHmmss';

/** From this instant on (1976-01-01Z), Vietnam's time is UTC+07:00 all year (no summer time since 1975). */
const FIXED_SINCE = Date.UTC(1976, 0, 1);
const OFFSET_MS = 7 * 3_600_000;

/** An extended ISO 8601 instant with seconds to milliseconds optional and an offset or `Z`. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant's epoch ms when the string is a plain ISO instant with valid fields, else `undefined`. */
function epochOf(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const [y, mo, d, h, mi, s, offH, offM] = [n(1), n(2), n(3), n(4), n(5), n(6), n(9), n(10)];
  const daysInMonth = new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 && !leap(y) ? 1 : 0);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return undefined;
  if (offH > 14 || offM > 59) return undefined;
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const offset = (m[8] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset;
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * An instant in a target's date format, in Vietnam's time zone: `yyyyMMddHHmmss` for the national
 * portal's dossier sync (a luxon format string; other targets use others, e.g. `yyyy-MM-dd HH:mm:ss`).
 * The portal's own format is written directly for instants from 1976 on (Vietnam is at UTC+07:00
 * all year since then); any other format or instant goes through luxon. Not an instant: `RangeError`.
 *
 * @example
 * ```ts
 * import { portalDate } from '@motcua/connectors';
 * portalDate('2026-03-02T02:30:00.000Z', 'yyyyMMddHHmmss'); // '20260302093000'
 * ```
 */
export function portalDate(instant: string | Date, format: string): string {
  if (format === COMPACT) {
    const ms =
      typeof instant === 'string'
        ? epochOf(instant)
        : instant instanceof Date
          ? instant.getTime()
          : undefined;
    if (ms !== undefined && ms >= FIXED_SINCE && ms < Date.UTC(9999, 0, 1)) {
      const t = new Date(ms + OFFSET_MS);
      return `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
    }
  }
  const dt =
    typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!dt.isValid) throw new RangeError('portalDate: not an instant');
  return dt.setZone(ZONE).toFormat(format);
}
