/**
 * Properties of the calendar over random instants in 2024–2027 and random amounts, on the national
 * calendar and on two offices with other sessions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import {
  CalendarError,
  type TimeLimit,
  TimeLimitSchema,
  vietnamCalendar,
  type WorkingCalendar,
} from '../index.js';
import { resolveTimeLimit } from './time-limit.js';

const RUNS = { numRuns: laneCount(300, 100) };
const MS_PER_DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00+07:00');
const DAYS = 4 * 365 + 1; // 2024–2027

const CALENDARS: readonly (readonly [string, WorkingCalendar])[] = [
  ['national calendar', vietnamCalendar()],
  [
    'Saturday-morning ward desk',
    vietnamCalendar({
      officeHours: {
        sessions: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        weekdaySessions: { 6: [{ start: '07:30', end: '11:30' }] },
      },
    }),
  ],
  [
    'office with a storm closure, short make-up days and 7-hour elapsed days',
    vietnamCalendar({
      officeHours: { makeUpDaySessions: [{ start: '08:00', end: '12:00' }], workingDayHours: 7 },
      extraSchedules: [
        {
          id: 'storm',
          version: '1',
          authority: 'UBND tỉnh',
          scope: 'province',
          entries: [
            { date: '2025-09-29', kind: 'closure', name: 'Bão', source: 'Công điện' },
            { date: '2026-10-27', kind: 'closure', name: 'Bão', source: 'Công điện' },
            { date: '2026-10-28', kind: 'closure', name: 'Bão', source: 'Công điện' },
          ],
        },
      ],
    }),
  ],
];

/** Instants in 2024–2027, biased towards session boundaries, the cut-off and whole minutes. */
const instant = fc
  .tuple(
    fc.integer({ min: 0, max: DAYS - 1 }),
    fc.oneof(
      fc.constantFrom(
        '00:00',
        '07:00',
        '07:30',
        '11:30',
        '12:00',
        '13:00',
        '13:30',
        '15:00',
        '17:00',
        '23:59',
      ),
      fc
        .integer({ min: 0, max: 1439 })
        .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
    ),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59_999 })),
  )
  .map(([day, hhmm, ms]) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return new Date(START + day * MS_PER_DAY + (h * 60 + m) * 60_000 + ms);
  });

const cutoff = fc.option(fc.constantFrom('09:00', '11:00', '15:00', '16:30'), { nil: undefined });

/** A limit family: amount → limit, for monotonicity in the amount. */
type Family = { readonly name: string; readonly make: (amount: number) => TimeLimit };
const family: fc.Arbitrary<Family> = fc.oneof(
  cutoff.map((c) => ({
    name: 'workingDays',
    make: (n: number) => ({ workingDays: Math.floor(n), cutoff: c }),
  })),
  cutoff.map((c) => ({
    name: 'elapsed',
    make: (n: number) => ({ workingDays: n / 8, counting: 'elapsed' as const, cutoff: c }),
  })),
  cutoff.map((c) => ({ name: 'workingHours', make: (n: number) => ({ workingHours: n / 4, cutoff: c }) })),
  cutoff.map((c) => ({
    name: 'calendarDays',
    make: (n: number) => ({ calendarDays: Math.floor(n), cutoff: c }),
  })),
  cutoff.map((c) => ({ name: 'sameDay', make: (_n: number) => ({ sameDay: true as const, cutoff: c }) })),
);
const amount = fc.integer({ min: 0, max: 120 });
const limit = fc.tuple(family, amount).map(([f, n]) => f.make(n));

/** -x without a -0 (toBe compares with Object.is). */
const negate = (x: number) => (x === 0 ? 0 : -x);

/** Inside a session, a session's end included. */
function inWorkingTime(calendar: WorkingCalendar, t: Date): boolean {
  return calendar.isWorkingTime(t) || calendar.isWorkingTime(new Date(t.getTime() - 1));
}

describe.each(CALENDARS)('%s', (_name, calendar) => {
  it('adding working minutes then measuring them gives the same amount back', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -300 * 480 * 60_000, max: 300 * 480 * 60_000 }), (t, ms) => {
        const minutes = ms / 60_000;
        const r = calendar.addWorkingMinutes(t, minutes);
        expect(calendar.workingMinutesBetween(t, r) * 60_000).toBeCloseTo(ms, 3);
        expect(Math.sign(r.getTime() - t.getTime()) * Math.sign(ms)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('whole minutes round-trip exactly, in both directions', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -50_000, max: 50_000 }), (t, minutes) => {
        const r = calendar.addWorkingMinutes(t, minutes);
        expect(calendar.workingMinutesBetween(t, r)).toBe(minutes);
        expect(calendar.workingMinutesBetween(r, t)).toBe(negate(minutes));
        // Back to t itself when t is inside a session; from a session start (13:00) subtracting
        // lands on the previous session's end (11:30), the same working position.
        if (minutes !== 0 && calendar.isWorkingTime(t) && calendar.isWorkingTime(new Date(t.getTime() - 1))) {
          expect(calendar.addWorkingMinutes(r, -minutes)).toEqual(t);
        }
      }),
      RUNS,
    );
  });

  it('added working time lands in working time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -50_000, max: 50_000 }), (t, minutes) => {
        const r = calendar.addWorkingMinutes(t, minutes);
        expect(inWorkingTime(calendar, r)).toBe(true);
        if (minutes === 0) expect(r).toEqual(calendar.nextWorkingMoment(t));
      }),
      RUNS,
    );
  });

  it('nextWorkingMoment is idempotent, in working time, not earlier, with no working time skipped', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const m = calendar.nextWorkingMoment(t);
        expect(calendar.isWorkingTime(m)).toBe(true);
        expect(calendar.nextWorkingMoment(m)).toEqual(m);
        expect(m.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(calendar.workingMinutesBetween(t, m)).toBe(0);
        if (calendar.isWorkingTime(t)) expect(m).toEqual(t);
      }),
      RUNS,
    );
  });

  it('every due date lands in working time and is not before receipt', () => {
    fc.assert(
      fc.property(instant, limit, (t, l) => {
        const due = calendar.dueDate(t, l);
        expect(inWorkingTime(calendar, due)).toBe(true);
        // Zero end-of-day days and zero calendar days mean "the close of the day of receipt", which
        // is before a receipt after the close (see the report); every other limit is never early.
        const zeroDays =
          ('workingDays' in l && l.workingDays === 0 && l.counting !== 'elapsed') ||
          ('calendarDays' in l && l.calendarDays === 0);
        if (!zeroDays) expect(due.getTime()).toBeGreaterThanOrEqual(t.getTime());
      }),
      RUNS,
    );
  });

  it('dueDate is non-decreasing in the amount, for every kind of limit', () => {
    fc.assert(
      fc.property(instant, family, amount, amount, (t, f, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calendar.dueDate(t, f.make(lo)).getTime()).toBeLessThanOrEqual(
          calendar.dueDate(t, f.make(hi)).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('dueDate is non-decreasing in the receipt instant, for every kind of limit', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * MS_PER_DAY }), limit, (t, gap, l) => {
        const later = new Date(t.getTime() + gap);
        expect(calendar.dueDate(t, l).getTime()).toBeLessThanOrEqual(calendar.dueDate(later, l).getTime());
      }),
      RUNS,
    );
  });

  it('dueDate is non-decreasing for receipts a few minutes apart (around cut-offs and closes)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 120 * 60_000 }), limit, (t, gap, l) => {
        const later = new Date(t.getTime() + gap);
        expect(calendar.dueDate(t, l).getTime()).toBeLessThanOrEqual(calendar.dueDate(later, l).getTime());
      }),
      RUNS,
    );
  });

  it('workingDaysBetween agrees with a day-by-day count using isWorkingDay', () => {
    const dateArb = fc
      .integer({ min: -30, max: DAYS + 30 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * MS_PER_DAY).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (from, span) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + span * MS_PER_DAY).toISOString().slice(0, 10);
        let count = 0;
        const [lo, hi] = span >= 0 ? [from, to] : [to, from];
        for (
          let t = Date.parse(`${lo}T00:00:00Z`) + MS_PER_DAY;
          t <= Date.parse(`${hi}T00:00:00Z`);
          t += MS_PER_DAY
        ) {
          if (calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
        }
        expect(calendar.workingDaysBetween(from, to)).toBe(span >= 0 ? count : negate(count));
      }),
      RUNS,
    );
  });

  it('nextWorkingDay(date, n) is the n-th working day after date', () => {
    const dateArb = fc
      .integer({ min: 0, max: DAYS - 1 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * MS_PER_DAY).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), (date, n) => {
        const next = calendar.nextWorkingDay(date, n);
        expect(calendar.isWorkingDay(next)).toBe(true);
        if (n === 0)
          expect(calendar.workingDaysBetween(date, next)).toBe(calendar.isWorkingDay(date) ? 0 : 1);
        else expect(calendar.workingDaysBetween(date, next)).toBe(n);
      }),
      RUNS,
    );
  });
});

describe('resolveTimeLimit accepts exactly what TimeLimitSchema accepts', () => {
  const number = fc.oneof(
    fc.integer({ min: -5, max: 50 }),
    fc.double({ min: -10, max: 100, noNaN: true }),
    fc.constantFrom(0, -0, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308),
  );
  const time = fc.constantFrom(
    '15:00',
    '00:00',
    '24:00',
    '23:59',
    '7:30',
    '24:01',
    '15:60',
    '15:00 ',
    '',
    'noon',
  );
  const validTime = fc.constantFrom('15:00', '00:00', '24:00', '23:59', '07:30');
  const value = fc.oneof(
    number,
    time,
    fc.constantFrom(true, false, null, undefined, 'elapsed', 'end-of-day', 'calendar', '3', [], {}),
  );
  const key = fc.constantFrom(
    'workingDays',
    'workingHours',
    'calendarDays',
    'sameDay',
    'counting',
    'cutoff',
    'days',
  );

  const valid: fc.Arbitrary<unknown> = fc.oneof(
    fc.record(
      {
        workingDays: fc.nat(100),
        counting: fc.constantFrom('end-of-day' as const, undefined),
        cutoff: fc.option(validTime, { nil: undefined }),
      },
      { requiredKeys: ['workingDays'] },
    ),
    fc.record(
      {
        workingDays: fc.double({ min: 0, max: 100, noNaN: true }),
        counting: fc.constant('elapsed' as const),
        cutoff: fc.option(validTime, { nil: undefined }),
      },
      { requiredKeys: ['workingDays', 'counting'] },
    ),
    fc.record(
      {
        workingHours: fc.double({ min: 0, max: 1000, noNaN: true }),
        cutoff: fc.option(validTime, { nil: undefined }),
      },
      { requiredKeys: ['workingHours'] },
    ),
    fc.record(
      { calendarDays: fc.nat(100), cutoff: fc.option(validTime, { nil: undefined }) },
      { requiredKeys: ['calendarDays'] },
    ),
    fc.record(
      { sameDay: fc.constant(true), cutoff: fc.option(validTime, { nil: undefined }) },
      { requiredKeys: ['sameDay'] },
    ),
  );
  /** A valid limit with one field changed, added or removed. */
  const mutated = fc.tuple(valid, key, value, fc.boolean()).map(([l, k, v, remove]) => {
    const copy: Record<string, unknown> = { ...(l as Record<string, unknown>) };
    if (remove) delete copy[k];
    else copy[k] = v;
    return copy;
  });
  const random = fc.dictionary(key, value, { maxKeys: 4 });
  const anyLimit = fc.oneof(valid, mutated, random, value);

  function fastAccepts(l: unknown): boolean {
    try {
      resolveTimeLimit(l, 15 * 3_600_000);
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      return false;
    }
  }

  it('on generated valid and invalid limits', () => {
    fc.assert(
      fc.property(anyLimit, (l) => {
        expect(fastAccepts(l)).toBe(TimeLimitSchema.safeParse(l).success);
      }),
      { numRuns: laneCount(2000, 300) },
    );
  });

  it('on the edge cases', () => {
    const cases: unknown[] = [
      { workingDays: 1.5 },
      { workingDays: 1.5, counting: 'end-of-day' },
      { workingDays: 1.5, counting: 'elapsed' },
      { workingDays: 1, counting: undefined },
      { workingDays: 1, cutoff: undefined },
      { workingDays: 1, sameDay: undefined },
      { workingDays: 1, foo: undefined },
      { workingHours: 1, counting: undefined },
      { workingHours: 1, workingDays: undefined, counting: 'elapsed' },
      { workingDays: undefined },
      { workingDays: -0 },
      { calendarDays: 2.0 },
      { calendarDays: 1e308 },
      { calendarDays: 2 ** 53 },
      { workingDays: 1e308 },
      { sameDay: true, cutoff: '24:00' },
      [],
      null,
    ];
    for (const l of cases) expect([l, fastAccepts(l)]).toEqual([l, TimeLimitSchema.safeParse(l).success]);
  });

  it('valid limits are accepted and resolved to their kind', () => {
    fc.assert(
      fc.property(valid, (l) => {
        expect(TimeLimitSchema.safeParse(l).success).toBe(true);
        const resolved = resolveTimeLimit(l, 0);
        expect(Object.keys(l as object)).toContain(resolved.kind);
      }),
      RUNS,
    );
  });
});
