import * as z from 'zod/mini';
import { CalendarError } from '../errors/calendar-error.js';
import { parseTimeOfDay } from './local-date.js';
import { type OfficeHoursInput, resolveOfficeHours, TimeOfDaySchema } from './office-hours.js';
import { parseHolidaySchedule, StatutoryHolidayRuleSchema, toCalendarError } from './schedule-schema.js';
import { VIETNAM_CIVIL_SERVICE_SCHEDULES, VIETNAM_STATUTORY_ADDITIONS } from './schedules/index.js';
import { timeZoneOf } from './time-zone.js';
import { WorkingCalendar } from './working-calendar.js';
import { parseOptions } from './zod-messages.js';

/**
 * The options of {@link vietnamCalendar}, checked when the calendar is built: the source of
 * {@link VietnamCalendarOptions}. Office hours and schedules are checked by their own schemas
 * afterwards, with errors naming the field inside them.
 */
export const VietnamCalendarOptionsSchema = z.strictObject({
  /** IANA time zone of the office (default `'Asia/Ho_Chi_Minh'`). */
  timeZone: z.optional(z.string()),
  /** Working week and sessions of the office (default Monday–Friday, 07:30–11:30 and 13:00–17:00). */
  officeHours: z.optional(z.custom<OfficeHoursInput>()),
  /**
   * The yearly schedules to use instead of the shipped ones ({@link VIETNAM_CIVIL_SERVICE_SCHEDULES}).
   */
  schedules: z.optional(z.readonly(z.array(z.unknown()))),
  /** More schedules layered after `schedules`: next year's notice, a province's storm closure. */
  extraSchedules: z.optional(z.readonly(z.array(z.unknown()))),
  /** Statutory holidays on fixed dates with effective dates (default {@link VIETNAM_STATUTORY_ADDITIONS}). */
  statutoryAdditions: z.optional(z.readonly(z.array(StatutoryHolidayRuleSchema))),
  /**
   * Take the Labour Code holidays from date-holidays (default `true`); the lunar ones (Tết, Giỗ Tổ
   * Hùng Vương) by date-holidays' own conversion rounded to the local day (UTC+7).
   */
  useDateHolidays: z.optional(z.boolean()),
  /** Cut-off of `sameDay` limits (default `'15:00'`). */
  sameDayCutoff: z.optional(TimeOfDaySchema),
});

/** Options of {@link vietnamCalendar}, from {@link VietnamCalendarOptionsSchema}. Every option is optional. */
export interface VietnamCalendarOptions extends z.input<typeof VietnamCalendarOptionsSchema> {}

/**
 * The national civil-service working calendar of Vietnam (lịch làm việc của cơ quan hành chính):
 * Labour Code holidays (date-holidays, Vietnamese lunar calendar), overlaid by the shipped official
 * yearly schedules 2024–2026 (Tết days, compensatory days, swap days, make-up Saturdays, 24/11 from
 * 2026), with per-office sessions and closures.
 *
 * @throws {@link CalendarError} naming the bad option, e.g. `officeHours.sessions[1]` or
 * `extraSchedules[0].entries[2].kind`.
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core';
 *
 * const calendar = vietnamCalendar({
 *   officeHours: { sessions: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] },
 *   extraSchedules: [{
 *     id: 'quang-ngai-storm-2026', version: '1', authority: 'UBND tỉnh Quảng Ngãi', scope: 'province',
 *     entries: [{ date: '2026-10-27', kind: 'closure', name: 'Nghỉ tránh bão', source: 'Công điện 12/CĐ-UBND' }],
 *   }],
 * });
 * calendar.dueDate(new Date('2026-10-26T09:00:00+07:00'), { workingDays: 1 }); // Wed 28/10 17:00
 * ```
 */
export function vietnamCalendar(options: VietnamCalendarOptions = {}): WorkingCalendar {
  const parsed = VietnamCalendarOptionsSchema.safeParse(options, parseOptions);
  if (!parsed.success) throw toCalendarError(parsed.error, options, '', 'INVALID_OPTION', 'options');
  const o = parsed.data;
  const timeZone = o.timeZone ?? 'Asia/Ho_Chi_Minh';
  const zone = timeZoneOf(timeZone);
  if (!zone) throw new CalendarError('INVALID_OPTION', 'timeZone', timeZone, 'not an IANA time zone');
  const office = resolveOfficeHours(options.officeHours, 'officeHours');
  const fields = [
    ...(o.schedules ?? VIETNAM_CIVIL_SERVICE_SCHEDULES).map((_: unknown, i: number) => `schedules[${i}]`),
    ...(o.extraSchedules ?? []).map((_: unknown, i: number) => `extraSchedules[${i}]`),
  ];
  const schedules = [...(o.schedules ?? VIETNAM_CIVIL_SERVICE_SCHEDULES), ...(o.extraSchedules ?? [])].map(
    (s: unknown, i: number) => parseHolidaySchedule(s, fields[i]),
  );
  const ids = new Set<string>();
  schedules.forEach((s, i) => {
    if (ids.has(s.id))
      throw new CalendarError('INVALID_SCHEDULE', `${fields[i]}.id`, s.id, 'duplicate schedule id');
    ids.add(s.id);
  });
  return new WorkingCalendar({
    timeZone,
    zone,
    office,
    schedules,
    statutoryAdditions: o.statutoryAdditions ?? VIETNAM_STATUTORY_ADDITIONS,
    useDateHolidays: o.useDateHolidays ?? true,
    sameDayCutoffMs: parseTimeOfDay(o.sameDayCutoff ?? '15:00', 'sameDayCutoff'),
  });
}
