import * as z from 'zod/mini';
import { CalendarError } from '../errors/calendar-error.js';
import { parseTimeOfDay } from './local-date.js';
import { toCalendarError } from './schedule-schema.js';
import { parseOptions } from './zod-messages.js';

/** A wall-clock time `'HH:mm'`. */
export const TimeOfDaySchema = z
  .string()
  .check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "expected 'HH:mm'"));

/** One working session (buổi làm việc), e.g. `{ start: '07:30', end: '11:30' }`. */
export const SessionSchema = z.strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema });
/** See {@link SessionSchema}. */
export type Session = z.infer<typeof SessionSchema>;

/** The default sessions: 07:30–11:30 and 13:00–17:00, 8 working hours a day. */
export const DEFAULT_SESSIONS: readonly Session[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

/**
 * An office's working week. Weekdays are ISO numbers (1 = Monday … 7 = Sunday).
 * @example
 * ```ts
 * // A ward desk open Monday–Friday, plus Saturday morning as a working day:
 * const hours = { sessions: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
 *                 weekdaySessions: { 6: [{ start: '07:30', end: '11:30' }] } };
 * ```
 */
export const OfficeHoursSchema = z.strictObject({
  /** Sessions of every working weekday (default {@link DEFAULT_SESSIONS}). */
  sessions: z.optional(z.array(SessionSchema)),
  /** Working weekdays (default Monday–Friday, Decision 188/1999/QĐ-TTg). */
  workingWeekdays: z.optional(z.array(z.int().check(z.minimum(1), z.maximum(7)))),
  /**
   * Per-weekday sessions that replace `sessions` for that weekday (an empty list: day off). Any
   * subset of weekdays (zod 4's `z.record` over an enum would demand all seven).
   */
  weekdaySessions: z.optional(
    z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(SessionSchema)),
  ),
  /** Sessions of a make-up working Saturday (làm bù); default: `sessions`. */
  makeUpDaySessions: z.optional(z.array(SessionSchema)),
  /** Working hours that make one working day in `'elapsed'` counting (default 8). */
  workingDayHours: z.optional(z.number().check(z.positive(), z.maximum(24))),
});
/** See {@link OfficeHoursSchema}. */
export type OfficeHoursInput = z.input<typeof OfficeHoursSchema>;

/** Sessions of one day as milliseconds after local midnight: `[s0, e0, s1, e1, …]`, sorted. */
export interface DayTemplate {
  readonly bounds: readonly number[];
  /** Working milliseconds in the day. */
  readonly total: number;
  /** End of the last session (the close of the working day), ms after midnight. */
  readonly close: number;
  readonly sessions: readonly Session[];
}

/** Office hours resolved to per-weekday templates. */
export interface ResolvedOfficeHours {
  /** Index 1..7 (ISO weekday); a template with `total` 0 is a day off. */
  readonly weekday: readonly DayTemplate[];
  readonly makeUp: DayTemplate;
  readonly workingDayMs: number;
}

function toTemplate(sessions: readonly Session[], field: string): DayTemplate {
  const parsed = sessions.map((s, i) => {
    const start = parseTimeOfDay(s.start, `${field}[${i}].start`);
    const end = parseTimeOfDay(s.end, `${field}[${i}].end`);
    if (end <= start) {
      throw new CalendarError(
        'INVALID_OFFICE_HOURS',
        `${field}[${i}].end`,
        s.end,
        `must be after start ${s.start}`,
      );
    }
    return { start, end, i };
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let k = 1; k < parsed.length; k++) {
    const prev = parsed[k - 1]!;
    const cur = parsed[k]!;
    if (cur.start < prev.end) {
      throw new CalendarError(
        'INVALID_OFFICE_HOURS',
        `${field}[${cur.i}]`,
        sessions[cur.i],
        `overlaps ${field}[${prev.i}] (${sessions[prev.i]!.start}–${sessions[prev.i]!.end})`,
      );
    }
  }
  const bounds = parsed.flatMap((p) => [p.start, p.end]);
  const total = parsed.reduce((sum, p) => sum + p.end - p.start, 0);
  const sorted = parsed.map((p) => sessions[p.i]!);
  return { bounds, total, close: parsed.length ? parsed[parsed.length - 1]!.end : 0, sessions: sorted };
}

/**
 * Validates office hours and resolves them to per-weekday templates.
 * @throws {@link CalendarError} `INVALID_OFFICE_HOURS` for a bad time, an end before its start,
 * overlapping sessions, or an office with no working session in the week.
 */
export function resolveOfficeHours(
  input: OfficeHoursInput | undefined,
  field = 'officeHours',
): ResolvedOfficeHours {
  const result = OfficeHoursSchema.safeParse(input ?? {}, parseOptions);
  if (!result.success) throw toCalendarError(result.error, input, field, 'INVALID_OFFICE_HOURS');
  const options = result.data;
  const sessions = options.sessions ?? DEFAULT_SESSIONS;
  const base = toTemplate(sessions, `${field}.sessions`);
  const workingWeekdays = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const empty = toTemplate([], field);
  const weekday: DayTemplate[] = [empty];
  for (let d = 1; d <= 7; d++) {
    const own = options.weekdaySessions?.[String(d) as '1'];
    if (own) weekday.push(toTemplate(own, `${field}.weekdaySessions.${d}`));
    else weekday.push(workingWeekdays.has(d) ? base : empty);
  }
  if (weekday.every((t) => t.total === 0)) {
    throw new CalendarError(
      'INVALID_OFFICE_HOURS',
      `${field}.sessions`,
      input,
      'the office has no working session',
    );
  }
  const makeUp = options.makeUpDaySessions
    ? toTemplate(options.makeUpDaySessions, `${field}.makeUpDaySessions`)
    : base.total > 0
      ? base
      : weekday.find((t) => t.total > 0)!;
  if (makeUp.total === 0) {
    throw new CalendarError(
      'INVALID_OFFICE_HOURS',
      `${field}.makeUpDaySessions`,
      options.makeUpDaySessions,
      'a make-up working day needs at least one session',
    );
  }
  return { weekday, makeUp, workingDayMs: (options.workingDayHours ?? 8) * 3_600_000 };
}
