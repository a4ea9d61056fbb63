/**
 * The calendar's millisecond methods (`addWorkingMinutesMs`, `workingMinutesBetweenMs`,
 * `dueDateMs`, `localDayNumberMs`) against the `Date` methods they stand for, over random instants
 * (2024–2027 with Tết and make-up days, and 1990–2060), amounts and limits, on
 * separate calendars (each builds its own tables, so neither answer leans on the other's cache).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { CalendarError, type TimeLimit, vietnamCalendar, type WorkingCalendar } from '../index.js';
import { localDateOf } from './local-date.js';
import { CALENDAR_INSTANT_RANGE } from './working-calendar.js';

const RUNS = { numRuns: laneCount(200, 60) };
const MS_PER_DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00+07:00');
const DAYS = 4 * 365 + 1; // 2024–2027

const OFFICES: readonly (readonly [string, () => WorkingCalendar])[] = [
  ['national calendar', () => vietnamCalendar()],
  [
    'Saturday-morning ward desk with short make-up days',
    () =>
      vietnamCalendar({
        officeHours: {
          sessions: [
            { start: '07:00', end: '11:30' },
            { start: '13:30', end: '17:00' },
          ],
          weekdaySessions: { 6: [{ start: '07:30', end: '11:30' }] },
          makeUpDaySessions: [{ start: '08:00', end: '12:00' }],
        },
      }),
  ],
];

/** Instants in 2024–2027 (Tết, make-up Saturdays), biased towards session boundaries. */
const near = fc
  .tuple(
    fc.integer({ min: 0, max: DAYS - 1 }),
    fc.oneof(
      fc.constantFrom(0, 7 * 60, 7 * 60 + 30, 11 * 60 + 30, 12 * 60, 13 * 60 + 30, 17 * 60, 1439),
      fc.integer({ min: 0, max: 1439 }),
    ),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59_999 })),
  )
  .map(([day, minute, ms]) => START + day * MS_PER_DAY + minute * 60_000 + ms);
/** Instants of other years, 1990–2060 (a calendar's table grows to cover what it is asked). */
const anyYear = fc.integer({
  min: Date.parse('1990-01-01T00:00:00Z'),
  max: Date.parse('2060-12-31T00:00:00Z'),
});
const instant = fc.oneof(near, near, anyYear);
const minutes = fc.oneof(
  fc.integer({ min: -60_000, max: 60_000 }),
  fc.double({ min: -60_000, max: 60_000, noNaN: true }),
  fc.constant(0),
);
const cutoff = fc.option(fc.constantFrom('09:00', '15:00', '16:30'), { nil: undefined });
const limit: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 120 }), cutoff).map(([n, c]) => ({ workingDays: n, cutoff: c })),
  fc
    .tuple(fc.integer({ min: 0, max: 960 }), cutoff)
    .map(([n, c]) => ({ workingDays: n / 8, counting: 'elapsed' as const, cutoff: c })),
  fc.tuple(fc.integer({ min: 0, max: 400 }), cutoff).map(([n, c]) => ({ workingHours: n / 4, cutoff: c })),
  fc.tuple(fc.integer({ min: 0, max: 120 }), cutoff).map(([n, c]) => ({ calendarDays: n, cutoff: c })),
  cutoff.map((c) => ({ sameDay: true as const, cutoff: c })),
);

/** The answer or the error's code, so that both paths must fail alike. */
function outcome<T>(run: () => T): T | string {
  try {
    return run();
  } catch (error) {
    if (error instanceof CalendarError) return `error ${error.code}`;
    throw error;
  }
}

describe.each(OFFICES)('%s', (_name, make) => {
  it('addWorkingMinutesMs equals addWorkingMinutes', () => {
    const byDate = make();
    const byMs = make();
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(outcome(() => byMs.addWorkingMinutesMs(t, m))).toEqual(
          outcome(() => byDate.addWorkingMinutes(new Date(t), m).getTime()),
        );
      }),
      RUNS,
    );
  });

  it('workingMinutesBetweenMs equals workingMinutesBetween', () => {
    const byDate = make();
    const byMs = make();
    fc.assert(
      fc.property(instant, fc.integer({ min: -90 * MS_PER_DAY, max: 90 * MS_PER_DAY }), (a, span) => {
        expect(byMs.workingMinutesBetweenMs(a, a + span)).toBe(
          byDate.workingMinutesBetween(new Date(a), new Date(a + span)),
        );
      }),
      RUNS,
    );
  });

  it('dueDateMs equals dueDate', () => {
    const byDate = make();
    const byMs = make();
    fc.assert(
      fc.property(instant, limit, (t, l) => {
        expect(outcome(() => byMs.dueDateMs(t, l))).toEqual(
          outcome(() => byDate.dueDate(new Date(t), l).getTime()),
        );
      }),
      RUNS,
    );
  });

  it("localDate answers a run of instants with each one's day (the last day's text kept)", () => {
    const kept = make();
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 8 }), (ts) => {
        // Each instant twice, and again after the others: the kept text must follow the day.
        for (const t of [...ts, ...ts.slice().reverse()]) {
          const expected = localDateOf(kept.localDayNumber(new Date(t)));
          expect(kept.localDate(new Date(t))).toBe(expected);
          expect(kept.localDate(new Date(t + 1))).toBe(localDateOf(kept.localDayNumber(new Date(t + 1))));
        }
      }),
      RUNS,
    );
  });

  it('localDayNumberMs equals localDayNumber', () => {
    const byDate = make();
    const byMs = make();
    fc.assert(
      fc.property(instant, (t) => {
        expect(byMs.localDayNumberMs(t)).toBe(byDate.localDayNumber(new Date(t)));
      }),
      RUNS,
    );
  });
});

describe('millisecond methods refuse what the Date methods refuse', () => {
  const calendar = vietnamCalendar();
  it.each([
    ['NaN', Number.NaN, 'INVALID_DATE'],
    ['before the range', CALENDAR_INSTANT_RANGE.first - 1, 'OUT_OF_RANGE'],
    ['after the range', CALENDAR_INSTANT_RANGE.last + 1, 'OUT_OF_RANGE'],
    ['infinity', Number.POSITIVE_INFINITY, 'INVALID_DATE'],
  ])('%s', (_label, t, code) => {
    for (const run of [
      () => calendar.addWorkingMinutesMs(t, 10),
      () => calendar.workingMinutesBetweenMs(t, 0),
      () => calendar.dueDateMs(t, { workingDays: 1 }),
      () => calendar.localDayNumberMs(t),
    ]) {
      expect(outcome(run)).toBe(`error ${code}`);
    }
    expect(outcome(() => calendar.addWorkingMinutes(new Date(t), 10))).toBe(`error ${code}`);
  });

  it('names the field and refuses a non-number', () => {
    expect(() => calendar.addWorkingMinutesMs('2026-01-01' as unknown as number, 1)).toThrow(/instant/);
    expect(() => calendar.workingMinutesBetweenMs(Date.now(), Number.NaN)).toThrow(/^to:/);
    expect(() => calendar.addWorkingMinutesMs(Date.now(), Number.NaN)).toThrow(/^minutes:/);
  });
});
