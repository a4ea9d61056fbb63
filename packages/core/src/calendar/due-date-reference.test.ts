/**
 * dueDate against a simple, obviously correct day-by-day model written from the rules
 * (Civil Code 2015 arts. 147–148, the 15:00 cut-off), using only calendar.dayInfo for the days.
 * The model assumes the fixed UTC+07:00 offset of Asia/Ho_Chi_Minh (no change since 1975).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TimeLimit, vietnamCalendar, type WorkingCalendar } from '../index.js';

const MS_PER_DAY = 86_400_000;
const OFFSET = 7 * 3_600_000;

const localDate = (t: number) => new Date(t + OFFSET).toISOString().slice(0, 10);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
/** The instant of a wall-clock time on a local date. */
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return Date.parse(`${date}T00:00:00+07:00`) + (h * 60 + m) * 60_000;
};

/** The model, day by day. */
function referenceDue(
  calendar: WorkingCalendar,
  receivedAt: Date,
  limit: TimeLimit,
  sameDayCutoff = '15:00',
) {
  const working = (date: string) => calendar.dayInfo(date).working;
  const close = (date: string) => Math.max(...calendar.dayInfo(date).sessions.map((s) => at(date, s.end)));
  /** The first working day on or after `date`. */
  const onOrAfter = (date: string) => {
    let d = date;
    while (!working(d)) d = addDays(d, 1);
    return d;
  };

  const t = receivedAt.getTime();
  let day = localDate(t);
  // A receipt after the cut-off (or after the close), or on a day off, counts from the next working day.
  const cutoff = 'sameDay' in limit ? (limit.cutoff ?? sameDayCutoff) : limit.cutoff;
  if (cutoff !== undefined) {
    const inTime = working(day) && t <= Math.min(at(day, cutoff), close(day));
    if (!inTime) day = onOrAfter(addDays(day, 1));
  }

  // A zero-length period that would end before the receipt ends at the next working day's close.
  const notBefore = (due: number) => new Date(due >= t ? due : close(onOrAfter(addDays(localDate(t), 1))));
  if ('workingDays' in limit) {
    // The day of receipt is not counted: the n-th working day after it, at its close.
    let d = day;
    for (let i = 0; i < limit.workingDays; i++) d = onOrAfter(addDays(d, 1));
    return notBefore(close(limit.workingDays === 0 ? onOrAfter(d) : d));
  }
  if ('calendarDays' in limit) {
    // The n-th day after receipt; not a working day → the next working day.
    return notBefore(close(onOrAfter(addDays(day, limit.calendarDays))));
  }
  if ('sameDay' in limit) return notBefore(close(onOrAfter(day)));
  throw new Error('the model covers workingDays (end-of-day), calendarDays and sameDay');
}

const START = Date.parse('2023-12-25T00:00:00+07:00');
const END = Date.parse('2028-01-01T00:00:00+07:00');
const instant = fc.oneof(
  fc.integer({ min: START, max: END }),
  // Whole quarter hours, to hit cut-offs and session ends exactly.
  fc.integer({ min: 0, max: Math.floor((END - START) / 900_000) }).map((q) => START + q * 900_000),
);
const cutoff = fc.option(fc.constantFrom('08:00', '11:30', '15:00', '16:59', '17:00', '18:00'), {
  nil: undefined,
});
const limit: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.record({ workingDays: fc.nat(40), cutoff }),
  fc.record({ calendarDays: fc.nat(60), cutoff }),
  fc.record({ sameDay: fc.constant(true as const), cutoff }),
);

const CALENDARS: readonly (readonly [string, WorkingCalendar, string])[] = [
  ['national calendar', vietnamCalendar(), '15:00'],
  [
    'Saturday-morning desk, short make-up days, cut-off 11:00',
    vietnamCalendar({
      officeHours: {
        weekdaySessions: { 6: [{ start: '07:30', end: '11:30' }] },
        makeUpDaySessions: [{ start: '08:00', end: '12:00' }],
      },
      sameDayCutoff: '11:00',
    }),
    '11:00',
  ],
  [
    'office with closures and 2027 notice',
    vietnamCalendar({
      extraSchedules: [
        {
          id: 'closures',
          version: '1',
          authority: 'UBND',
          scope: 'office',
          entries: [
            { date: '2026-10-27', kind: 'closure', name: 'Bão', source: 'x' },
            { date: '2026-01-10', kind: 'closure', name: 'Chuyển trụ sở', source: 'x' },
            { date: '2024-05-04', kind: 'closure', name: 'Chuyển trụ sở', source: 'x' },
          ],
        },
        {
          id: 'vn-2027',
          version: '1',
          authority: 'Bộ Nội vụ',
          officialYear: 2027,
          entries: [
            { date: '2027-02-04', kind: 'tet', name: 'Tết', source: 'x' },
            { date: '2027-02-05', kind: 'tet', name: 'Tết', source: 'x' },
            { date: '2027-02-08', kind: 'tet', name: 'Tết', source: 'x' },
            { date: '2027-02-13', kind: 'make-up-working-day', name: 'Làm bù', source: 'x' },
          ],
        },
      ],
    }),
    '15:00',
  ],
];

describe.each(CALENDARS)('dueDate equals the day-by-day model: %s', (_name, calendar, sameDayCutoff) => {
  it('on random receipts and limits (end-of-day working days, calendar days, same day)', () => {
    fc.assert(
      fc.property(instant, limit, (ms, l) => {
        const receivedAt = new Date(ms);
        expect(calendar.dueDate(receivedAt, l)).toEqual(referenceDue(calendar, receivedAt, l, sameDayCutoff));
      }),
      { numRuns: 400 },
    );
  });
});

describe('the model itself', () => {
  const calendar = vietnamCalendar();
  it('reproduces the hand-computed examples', () => {
    const fri = new Date('2026-02-13T09:00:00+07:00');
    expect(referenceDue(calendar, fri, { workingDays: 3 })).toEqual(new Date('2026-02-25T17:00:00+07:00'));
    expect(referenceDue(calendar, fri, { calendarDays: 3 })).toEqual(new Date('2026-02-23T17:00:00+07:00'));
    expect(referenceDue(calendar, new Date('2026-02-13T15:30:00+07:00'), { sameDay: true })).toEqual(
      new Date('2026-02-23T17:00:00+07:00'),
    );
  });
});
