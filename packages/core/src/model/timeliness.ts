import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/** Early / on time / late (trước hạn / đúng hạn / quá hạn). */
export const TimelinessSchema = z.enum(['EARLY', 'ON_TIME', 'LATE']);
/** See {@link TimelinessSchema}. */
export type Timeliness = z.infer<typeof TimelinessSchema>;

/**
 * Classifies a completion against its due time: `EARLY` when done on an earlier local day than the
 * due day, `ON_TIME` when done on the due day at or before the due time, `LATE` after the due time.
 * Days are local days of the calendar's time zone.
 *
 * @example
 * ```ts
 * import { classifyTimeliness, vietnamCalendar } from '@motcua/core';
 * const calendar = vietnamCalendar();
 * const due = new Date('2026-03-11T17:00:00+07:00');
 * classifyTimeliness(new Date('2026-03-10T09:00:00+07:00'), due, calendar); // 'EARLY'
 * classifyTimeliness(new Date('2026-03-11T16:30:00+07:00'), due, calendar); // 'ON_TIME'
 * classifyTimeliness(new Date('2026-03-12T08:00:00+07:00'), due, calendar); // 'LATE'
 * ```
 */
export function classifyTimeliness(doneAt: Date, due: Date, calendar: WorkingCalendar): Timeliness {
  if (doneAt.getTime() > due.getTime()) return 'LATE';
  return calendar.localDayNumber(doneAt) < calendar.localDayNumber(due) ? 'EARLY' : 'ON_TIME';
}

/**
 * {@link classifyTimeliness} on instants given as milliseconds since the epoch: the same answer,
 * no `Date` made (the lifecycle keeps instants as text and reads them as numbers).
 */
export function classifyTimelinessMs(doneAt: number, due: number, calendar: WorkingCalendar): Timeliness {
  if (doneAt > due) return 'LATE';
  return calendar.localDayNumberMs(doneAt) < calendar.localDayNumberMs(due) ? 'EARLY' : 'ON_TIME';
}
