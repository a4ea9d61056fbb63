import * as z from 'zod/mini';
import { CalendarError } from '../errors/calendar-error.js';
import { unknownKeys } from '../validation/zod-issues.js';
import { isLocalDate } from './local-date.js';
import { parseOptions } from './zod-messages.js';

/** A `'YYYY-MM-DD'` date that exists in the calendar. */
export const LocalDateSchema = z
  .string()
  .check(z.refine(isLocalDate, { message: "expected an existing date 'YYYY-MM-DD'" }));

/**
 * What a schedule entry does to its day.
 * - `holiday` — a statutory holiday (ngày lễ), Labour Code 45/2019/QH14 art. 112 or a later law.
 * - `tet` — one of the Lunar New Year days (Tết Âm lịch) picked by the Prime Minister.
 * - `compensatory` — a compensatory day off (nghỉ bù), art. 111(3), or a "day in lieu" in a notice.
 * - `swap-day-off` — a weekday off swapped for a make-up Saturday (hoán đổi ngày nghỉ).
 * - `make-up-working-day` — a working Saturday or Sunday (làm bù); it uses the make-up sessions.
 * - `closure` — a local closure decided by a province or office (a storm day, an office move).
 */
export const ScheduleEntryKindSchema = z.enum([
  'holiday',
  'tet',
  'compensatory',
  'swap-day-off',
  'make-up-working-day',
  'closure',
]);
/** See {@link ScheduleEntryKindSchema}. */
export type ScheduleEntryKind = z.infer<typeof ScheduleEntryKindSchema>;

/** One dated entry of a holiday schedule, with the document it comes from. */
export const ScheduleEntrySchema = z.strictObject({
  /** The day, `'YYYY-MM-DD'` in the office's time zone. */
  date: LocalDateSchema,
  kind: ScheduleEntryKindSchema,
  /** Name in Vietnamese, e.g. `'Tết Nguyên đán — mùng 1'`. */
  name: z.string().check(z.minLength(1)),
  /** Optional English name. */
  nameEn: z.optional(z.string().check(z.minLength(1))),
  /** The document that sets this day, e.g. `'Thông báo 9441/TB-BNV (16/10/2025)'`. */
  source: z.string().check(z.minLength(1)),
  /** `confirmed`: two or more independent sources agree; `single-source`: provisional. */
  confidence: z._default(z.enum(['confirmed', 'single-source']), 'confirmed'),
  note: z.optional(z.string()),
});
/** A validated schedule entry. */
export type ScheduleEntry = z.output<typeof ScheduleEntrySchema>;
/** A schedule entry as written by hand or read from JSON (defaults not yet applied). */
export type ScheduleEntryInput = z.input<typeof ScheduleEntrySchema>;

/**
 * A versioned set of dated entries: the official yearly notice for civil servants, a province's
 * decision, or one office's closures. Vendors add next year's notice as data, without a release.
 */
export const HolidayScheduleSchema = z.strictObject({
  /** Stable id, e.g. `'vn-civil-service-2026'`. */
  id: z.string().check(z.minLength(1)),
  /** Version of this data set (change it when an entry is corrected), e.g. `'2025-12-25'`. */
  version: z.string().check(z.minLength(1)),
  /** Who decided it, e.g. `'Bộ Nội vụ'` or `'UBND tỉnh Quảng Ngãi'`. */
  authority: z.string().check(z.minLength(1)),
  /** `national` for the civil-service notices; `province` or `office` for local closures. */
  scope: z._default(z.enum(['national', 'province', 'office']), 'national'),
  /**
   * Set on an official yearly notice: for that year the computed Tết block (date-holidays) and
   * the automatic compensatory days (art. 111(3)) are replaced by the notice's own entries.
   */
  officialYear: z.optional(z.int().check(z.minimum(1976), z.maximum(2200))),
  /** The documents cited by the entries. */
  documents: z._default(z.array(z.string().check(z.minLength(1))), []),
  entries: z.array(ScheduleEntrySchema),
});
/** A validated holiday schedule. */
export type HolidaySchedule = z.output<typeof HolidayScheduleSchema>;
/** A holiday schedule as written by hand or read from JSON. */
export type HolidayScheduleInput = z.input<typeof HolidayScheduleSchema>;

/**
 * A statutory holiday on a fixed solar date that holds from an effective date, for holidays that
 * date-holidays does not know (e.g. 24/11, Ngày Văn hóa Việt Nam, from 01/07/2026).
 */
export const StatutoryHolidayRuleSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  month: z.int().check(z.minimum(1), z.maximum(12)),
  day: z.int().check(z.minimum(1), z.maximum(31)),
  name: z.string().check(z.minLength(1)),
  nameEn: z.optional(z.string().check(z.minLength(1))),
  source: z.string().check(z.minLength(1)),
  /** First day the rule applies. */
  effectiveFrom: LocalDateSchema,
  /** Last day the rule applies, if it was repealed. */
  effectiveTo: z.optional(LocalDateSchema),
  /** Whether art. 111(3) gives a compensatory day when it falls on a weekly rest day. */
  compensatory: z.boolean(),
});
/** A validated statutory holiday rule. */
export type StatutoryHolidayRule = z.output<typeof StatutoryHolidayRuleSchema>;

/**
 * Turns a zod failure into a {@link CalendarError} naming the first bad field and its value. An
 * unknown key is named in the field (`officeHours.sesions`), as `resolveTimeLimit` does. An
 * empty `root` names top-level fields bare (`sameDayCutoff`); `fallback` names the input itself.
 */
export function toCalendarError(
  error: z.core.$ZodError,
  input: unknown,
  root: string,
  code: 'INVALID_SCHEDULE' | 'INVALID_OPTION' | 'INVALID_LIMIT' | 'INVALID_OFFICE_HOURS',
  fallback = root,
): CalendarError {
  const issue = error.issues[0];
  if (!issue) return new CalendarError(code, fallback, input, 'invalid');
  let value: unknown = input;
  let field = root;
  const path: PropertyKey[] = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  for (const key of path) {
    field += typeof key === 'number' ? `[${key}]` : field === '' ? String(key) : `.${String(key)}`;
    value =
      value != null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  const detail = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : issue.message;
  return new CalendarError(code, field === '' ? fallback : field, value, detail);
}

/**
 * Validates a holiday schedule (e.g. read from a JSON file) and applies defaults.
 * @throws {@link CalendarError} `INVALID_SCHEDULE` naming the field, e.g. `entries[3].kind`.
 * @example
 * ```ts
 * import { parseHolidaySchedule } from '@motcua/core/calendar';
 * const closure = parseHolidaySchedule({
 *   id: 'quang-ngai-storm-2026', version: '1', authority: 'UBND tỉnh Quảng Ngãi', scope: 'province',
 *   entries: [{ date: '2026-10-27', kind: 'closure', name: 'Nghỉ tránh bão', source: 'Công điện 12/CĐ-UBND' }],
 * });
 * ```
 */
export function parseHolidaySchedule(input: unknown, field = 'schedule'): HolidaySchedule {
  const result = HolidayScheduleSchema.safeParse(input, parseOptions);
  if (!result.success) throw toCalendarError(result.error, input, field, 'INVALID_SCHEDULE');
  const schedule = result.data;
  if (schedule.officialYear !== undefined) {
    schedule.entries.forEach((entry, i) => {
      if (Number(entry.date.slice(0, 4)) !== schedule.officialYear) {
        throw new CalendarError(
          'INVALID_SCHEDULE',
          `${field}.entries[${i}].date`,
          entry.date,
          `outside the schedule's officialYear ${schedule.officialYear}`,
        );
      }
    });
  }
  return schedule;
}
