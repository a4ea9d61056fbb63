import { z } from 'zod';
import { instantAt, LocalTimeSchema, localParts, minutesOf } from './local-time.js';

/**
 * Hours in which no SMS is sent, local time. `start` may be later than `end` (the window runs
 * over midnight, as the default 21:00–07:00 does). `start` is inside the window, `end` is not.
 */
export const QuietHoursSchema = z
  .object({ start: LocalTimeSchema, end: LocalTimeSchema })
  .strict()
  .refine((q) => q.start !== q.end, { message: 'start and end must differ' });
/** See {@link QuietHoursSchema}. */
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** The default quiet hours: 21:00–07:00 (Decree 91/2020 allows advertising only 07:00–22:00). */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '07:00' };

/**
 * Whether `instant` falls in the quiet hours, in `timeZone`.
 *
 * @example
 * ```ts
 * import { DEFAULT_QUIET_HOURS, isQuietTime } from '@motcua/notify-sms';
 * isQuietTime(new Date('2026-03-02T21:30:00+07:00'), DEFAULT_QUIET_HOURS, 'Asia/Ho_Chi_Minh'); // true
 * isQuietTime(new Date('2026-03-03T07:00:00+07:00'), DEFAULT_QUIET_HOURS, 'Asia/Ho_Chi_Minh'); // false
 * ```
 */
export function isQuietTime(instant: Date, quiet: QuietHours, timeZone: string): boolean {
  const p = localParts(instant, timeZone);
  const m = p.hour * 60 + p.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start > end ? m >= start || m < end : m >= start && m < end;
}

/**
 * The end of the quiet hours `instant` is in: the next local `end` time (07:00 by default) after
 * it. Call it for an instant inside the quiet hours.
 *
 * @example
 * ```ts
 * import { DEFAULT_QUIET_HOURS, quietHoursEnd } from '@motcua/notify-sms';
 * quietHoursEnd(new Date('2026-03-02T21:30:00+07:00'), DEFAULT_QUIET_HOURS, 'Asia/Ho_Chi_Minh');
 * // 2026-03-03T07:00:00+07:00
 * ```
 */
export function quietHoursEnd(instant: Date, quiet: QuietHours, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const end = minutesOf(quiet.end);
  const today = instantAt(timeZone, p.year, p.month, p.day, end);
  return today.getTime() > instant.getTime() ? today : instantAt(timeZone, p.year, p.month, p.day + 1, end);
}

/**
 * When the next local day's sending may start: its quiet hours' end (07:00), or local midnight
 * without quiet hours. Used to hold a notice over the daily cap.
 *
 * @example
 * ```ts
 * import { DEFAULT_QUIET_HOURS, nextDayStart } from '@motcua/notify-sms';
 * nextDayStart(new Date('2026-03-02T15:00:00+07:00'), DEFAULT_QUIET_HOURS, 'Asia/Ho_Chi_Minh');
 * // 2026-03-03T07:00:00+07:00: a notice over the daily cap waits for it
 * ```
 */
export function nextDayStart(instant: Date, quiet: QuietHours | false, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const startMinutes = quiet === false ? 0 : minutesOf(quiet.end);
  // With quiet hours ending before midnight (e.g. 12:00–13:00) the day's sending starts at 00:00.
  const begins = quiet !== false && minutesOf(quiet.start) > minutesOf(quiet.end) ? startMinutes : 0;
  return instantAt(timeZone, p.year, p.month, p.day + 1, begins);
}
