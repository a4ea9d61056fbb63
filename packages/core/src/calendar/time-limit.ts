import * as z from 'zod/mini';
import { CalendarError } from '../errors/calendar-error.js';
import { parseTimeOfDay } from './local-date.js';
import { TimeOfDaySchema } from './office-hours.js';

/**
 * How `workingDays` are counted.
 * - `end-of-day` (default; Civil Code 2015 arts. 147–148): the day of receipt is not counted; the
 *   period ends at the close of the n-th working day after it.
 * - `elapsed`: n × 8 working hours counted exactly from the moment of receipt (what many one-stop
 *   systems do); fractions such as `0.5` work.
 */
export const DayCountingSchema = z.enum(['end-of-day', 'elapsed']);
/** See {@link DayCountingSchema}. */
export type DayCounting = z.infer<typeof DayCountingSchema>;

const amount = z.number().check(z.nonnegative());
const cutoff = z.optional(TimeOfDaySchema);

/**
 * A time limit (thời hạn giải quyết). One of:
 * - `{ workingDays: n, counting?, cutoff? }` — n working days (ngày làm việc);
 * - `{ workingHours: n, cutoff? }` — exact working time from the moment of receipt;
 * - `{ calendarDays: n, cutoff? }` — ends at the close of the n-th day, moved to the close of the
 *   next working day when that day is not one;
 * - `{ sameDay: true, cutoff? }` — the close of the day of receipt (trong ngày).
 *
 * `cutoff` (`'HH:mm'`): a receipt after it, or on a day off, counts as received at the start of the
 * next working day (Decree 61 art. 18, Decree 63/2024 art. 7: "sau 15 giờ"). `sameDay` has the
 * calendar's cut-off (default `'15:00'`) unless it names its own.
 */
export const TimeLimitSchema = z.union([
  z.strictObject({ workingDays: amount, counting: z.optional(DayCountingSchema), cutoff }).check(
    z.refine((l) => l.counting === 'elapsed' || Number.isInteger(l.workingDays), {
      message: "fractions of a day need counting: 'elapsed' (end-of-day counting uses whole days)",
      path: ['workingDays'],
    }),
  ),
  z.strictObject({ workingHours: amount, cutoff }),
  z.strictObject({ calendarDays: z.int().check(z.nonnegative()), cutoff }),
  z.strictObject({ sameDay: z.literal(true), cutoff }),
]);
/** See {@link TimeLimitSchema}. */
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

/** A time limit checked and reduced to numbers, for the hot path. */
export interface ResolvedLimit {
  readonly kind: 'workingDays' | 'workingHours' | 'calendarDays' | 'sameDay';
  readonly amount: number;
  readonly counting: DayCounting;
  /** Cut-off in ms after midnight, or -1 for none. */
  readonly cutoffMs: number;
}

const cutoffCache = new Map<string, number>();

function cutoffOf(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'string') {
    const hit = cutoffCache.get(value);
    if (hit !== undefined) return hit;
    const ms = parseTimeOfDay(value, field);
    cutoffCache.set(value, ms);
    return ms;
  }
  return parseTimeOfDay(value, field);
}

function amountOf(value: unknown, field: string, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new CalendarError('INVALID_LIMIT', field, value, 'expected a finite number ≥ 0');
  }
  // Number.isSafeInteger, as zod's .int(): 1e308 is not a whole number of days.
  if (integer && !Number.isSafeInteger(value)) {
    throw new CalendarError('INVALID_LIMIT', field, value, 'expected a whole number');
  }
  return value;
}

/**
 * Checks a {@link TimeLimit} without zod (it runs on every deadline query) and resolves it.
 * Agrees with {@link TimeLimitSchema} on what is valid.
 * @throws {@link CalendarError} `INVALID_LIMIT` naming the field, e.g. `limit.workingDays`.
 */
export function resolveTimeLimit(limit: unknown, sameDayCutoffMs: number, field = 'limit'): ResolvedLimit {
  if (limit === null || typeof limit !== 'object') {
    throw new CalendarError(
      'INVALID_LIMIT',
      field,
      limit,
      'expected { workingDays } | { workingHours } | { calendarDays } | { sameDay: true }',
    );
  }
  const l = limit as Record<string, unknown>;
  let kind: ResolvedLimit['kind'] | undefined;
  let count = 0;
  // A key present with the value `undefined` still counts, as in the strict zod objects: only the
  // optional `cutoff` and `counting` may be `undefined`.
  for (const key in l) {
    if (key === 'workingDays' || key === 'workingHours' || key === 'calendarDays' || key === 'sameDay') {
      kind = key;
      count++;
    } else if (key !== 'cutoff' && !(key === 'counting' && 'workingDays' in l)) {
      throw new CalendarError('INVALID_LIMIT', `${field}.${key}`, l[key], 'unknown key');
    }
  }
  if (count !== 1 || kind === undefined) {
    throw new CalendarError(
      'INVALID_LIMIT',
      field,
      limit,
      'expected exactly one of workingDays, workingHours, calendarDays, sameDay',
    );
  }
  if (kind === 'sameDay') {
    if (l.sameDay !== true)
      throw new CalendarError('INVALID_LIMIT', `${field}.sameDay`, l.sameDay, 'expected true');
    return {
      kind,
      amount: 0,
      counting: 'end-of-day',
      cutoffMs: cutoffOf(l.cutoff, `${field}.cutoff`, sameDayCutoffMs),
    };
  }
  const value = amountOf(l[kind], `${field}.${kind}`, kind === 'calendarDays');
  let counting: DayCounting = 'end-of-day';
  if (kind === 'workingDays' && l.counting !== undefined) {
    if (l.counting !== 'end-of-day' && l.counting !== 'elapsed') {
      throw new CalendarError(
        'INVALID_LIMIT',
        `${field}.counting`,
        l.counting,
        "expected 'end-of-day' or 'elapsed'",
      );
    }
    counting = l.counting;
  }
  if (kind === 'workingDays' && counting === 'end-of-day' && !Number.isInteger(value)) {
    throw new CalendarError(
      'INVALID_LIMIT',
      `${field}.workingDays`,
      value,
      "fractions of a day need counting: 'elapsed' (end-of-day counting uses whole days)",
    );
  }
  return { kind, amount: value, counting, cutoffMs: cutoffOf(l.cutoff, `${field}.cutoff`, -1) };
}

/**
 * The working minutes a time limit allows at most, to compare step budgets with:
 * `workingDays` × a working day, `workingHours` × 60, one working day for `sameDay`, and
 * `calendarDays` × a working day (an upper bound: a calendar day is at most one working day).
 *
 * @example
 * ```ts
 * import { limitWorkingMinutes } from '@motcua/core/calendar';
 * limitWorkingMinutes({ workingDays: 3 }, 480); // 1440
 * limitWorkingMinutes({ sameDay: true }, 480);  // 480
 * ```
 */
export function limitWorkingMinutes(limit: TimeLimit, workingDayMinutes: number): number {
  if ('workingDays' in limit) return limit.workingDays * workingDayMinutes;
  if ('workingHours' in limit) return limit.workingHours * 60;
  if ('calendarDays' in limit) return Math.max(1, limit.calendarDays) * workingDayMinutes;
  return workingDayMinutes;
}

/**
 * A time limit in working days with `workingDays` more (an allowance such as a remote commune's
 * extra days). Throws {@link CalendarError} `INVALID_LIMIT` for a limit of another kind or a
 * negative or non-finite number of days; `0` returns the limit unchanged.
 *
 * @example
 * ```ts
 * import { extendLimit } from '@motcua/core/calendar';
 * extendLimit({ workingDays: 10 }, 5); // { workingDays: 15 }
 * ```
 */
export function extendLimit(limit: TimeLimit, workingDays: number, field = 'workingDays'): TimeLimit {
  amountOf(workingDays, field, false);
  if (workingDays === 0) return limit;
  if (!('workingDays' in limit)) {
    throw new CalendarError(
      'INVALID_LIMIT',
      field,
      workingDays,
      'extra working days need a limit in working days',
    );
  }
  return { ...limit, workingDays: limit.workingDays + workingDays };
}
