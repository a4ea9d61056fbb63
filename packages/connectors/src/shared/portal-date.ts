import { DateTime } from 'luxon';

/** The zone a portal's dates are written in: Vietnam's, whatever the server's zone. */
const ZONE = 'Asia/Ho_Chi_Minh';

/**
 * An instant in a target's date format, in Vietnam's time zone: `yyyyMMddHHmmss` for the national
 * portal's dossier sync (a luxon format string; other targets use others, e.g. `yyyy-MM-dd HH:mm:ss`).
 *
 * @example
 * ```ts
 * import { portalDate } from '@motcua/connectors';
 * portalDate('2026-03-02T02:30:00.000Z', 'yyyyMMddHHmmss'); // '20260302093000'
 * ```
 */
export function portalDate(instant: string | Date, format: string): string {
  const dt =
    typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!dt.isValid) throw new RangeError('portalDate: not an instant');
  return dt.setZone(ZONE).toFormat(format);
}
