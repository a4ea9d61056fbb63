export type { DayInfo, DayKind, DayReason } from './day-kind.js';
export type { DueDateExplanation, ExplainedDay, ExplainLanguage, ExplainOptions } from './explain.js';
export { isLocalDate, type LocalDate, localDateOf, parseLocalDate } from './local-date.js';
export {
  type DayTemplate,
  DEFAULT_SESSIONS,
  type OfficeHoursInput,
  OfficeHoursSchema,
  type ResolvedOfficeHours,
  type Session,
  SessionSchema,
} from './office-hours.js';
export {
  type HolidaySchedule,
  type HolidayScheduleInput,
  HolidayScheduleSchema,
  parseHolidaySchedule,
  type ScheduleEntry,
  type ScheduleEntryInput,
  type ScheduleEntryKind,
  ScheduleEntryKindSchema,
  ScheduleEntrySchema,
  type StatutoryHolidayRule,
  StatutoryHolidayRuleSchema,
} from './schedule-schema.js';
export {
  VIETNAM_CIVIL_SERVICE_SCHEDULES,
  VIETNAM_STATUTORY_ADDITIONS,
  vnCivilService2024,
  vnCivilService2025,
  vnCivilService2026,
} from './schedules/index.js';
export {
  type DayCounting,
  DayCountingSchema,
  extendLimit,
  limitWorkingMinutes,
  type ResolvedLimit,
  type TimeLimit,
  TimeLimitSchema,
} from './time-limit.js';
export { type CalendarZone, timeZoneOf } from './time-zone.js';
export {
  type VietnamCalendarOptions,
  VietnamCalendarOptionsSchema,
  vietnamCalendar,
} from './vietnam-calendar.js';
export {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  WorkingCalendar,
  type WorkingCalendarConfig,
  type YearInfo,
} from './working-calendar.js';
export type { HolidaySources, ResolvedYear } from './year-resolution.js';
