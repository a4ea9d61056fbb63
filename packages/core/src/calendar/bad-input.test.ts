/**
 * Bad input throws a CalendarError with a stable `code` and the `field` that was wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  CalendarError,
  type HolidayScheduleInput,
  MotcuaError,
  parseHolidaySchedule,
  type TimeLimit,
  type VietnamCalendarOptions,
  vietnamCalendar,
  vnCivilService2026,
} from '../index.js';

const calendar = vietnamCalendar();

/** The CalendarError thrown by `fn` (fails the test when it throws nothing or something else). */
function thrown(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError, nothing was thrown');
}

const asDate = (value: unknown) => value as Date;
const asLimit = (value: unknown) => value as TimeLimit;
const asOptions = (value: unknown) => value as VietnamCalendarOptions;
const at = new Date('2026-02-13T09:00:00+07:00');

describe('CalendarError', () => {
  it('is a MotcuaError whose message names the field and the value', () => {
    const e = thrown(() => calendar.isWorkingDay('2026-02-30'));
    expect(e).toBeInstanceOf(MotcuaError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CalendarError');
    expect(e.message).toContain('date');
    expect(e.message).toContain('"2026-02-30"');
    expect(e.value).toBe('2026-02-30');
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-30', 'no such calendar date'],
    ['2025-02-29', 'not a leap year'],
    ['2026-13-01', 'month 13'],
    ['2026-2-3', 'not zero-padded'],
    ['03/02/2026', 'Vietnamese order'],
    ['2026-02-03T00:00', 'a date-time'],
    ['', 'empty'],
  ])('%s (%s) is INVALID_DATE on field "date"', (value) => {
    expect(thrown(() => calendar.isWorkingDay(value))).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
    expect(thrown(() => calendar.dayInfo(value))).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
  });

  it.each([[42], [null], [undefined], [{}]])('a non-date %j is INVALID_DATE', (value) => {
    expect(thrown(() => calendar.isWorkingDay(asDate(value)))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'date',
    });
  });

  it('an invalid Date is INVALID_DATE everywhere, naming the argument', () => {
    const bad = new Date('not a date');
    expect(thrown(() => calendar.dueDate(bad, { workingDays: 1 }))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'receivedAt',
    });
    expect(thrown(() => calendar.explain(bad, { workingDays: 1 }))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'receivedAt',
    });
    expect(thrown(() => calendar.isWorkingDay(bad))).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
    expect(thrown(() => calendar.isWorkingTime(bad))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'instant',
    });
    expect(thrown(() => calendar.nextWorkingMoment(bad))).toMatchObject({ field: 'instant' });
    expect(thrown(() => calendar.addWorkingMinutes(bad, 1))).toMatchObject({ field: 'instant' });
    expect(thrown(() => calendar.localDate(bad))).toMatchObject({ field: 'instant' });
    expect(thrown(() => calendar.format(bad))).toMatchObject({ field: 'instant' });
    expect(thrown(() => calendar.workingMinutesBetween(bad, at))).toMatchObject({ field: 'from' });
    expect(thrown(() => calendar.workingMinutesBetween(at, bad))).toMatchObject({ field: 'to' });
  });

  it('a date string where a Date is needed is INVALID_DATE', () => {
    expect(
      thrown(() => calendar.dueDate(asDate('2026-02-13T09:00:00+07:00'), { workingDays: 1 })),
    ).toMatchObject({ code: 'INVALID_DATE', field: 'receivedAt' });
    expect(thrown(() => calendar.dueDate(asDate(Date.now()), { workingDays: 1 }))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'receivedAt',
    });
  });

  it('ranges name from and to', () => {
    expect(thrown(() => calendar.days('2026-02-30', '2026-03-01'))).toMatchObject({ field: 'from' });
    expect(thrown(() => calendar.days('2026-02-01', '2026-2-3'))).toMatchObject({ field: 'to' });
    expect(thrown(() => calendar.days('2026-02-20', '2026-02-13'))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'to',
    });
    expect(thrown(() => calendar.workingDaysBetween('x', '2026-02-13'))).toMatchObject({ field: 'from' });
    expect(thrown(() => calendar.workingDaysBetween('2026-02-13', 'x'))).toMatchObject({ field: 'to' });
  });
});

describe('time limits', () => {
  it.each([
    [{ workingDays: -1 }, 'limit.workingDays'],
    [{ workingDays: Number.NaN }, 'limit.workingDays'],
    [{ workingDays: Number.POSITIVE_INFINITY }, 'limit.workingDays'],
    [{ workingDays: '3' }, 'limit.workingDays'],
    [{ workingDays: 1.5 }, 'limit.workingDays'],
    [{ workingDays: 0.5, counting: 'end-of-day' }, 'limit.workingDays'],
    [{ workingDays: -0.5, counting: 'elapsed' }, 'limit.workingDays'],
    [{ workingHours: -0.25 }, 'limit.workingHours'],
    [{ workingHours: Number.NaN }, 'limit.workingHours'],
    [{ workingHours: Number.NEGATIVE_INFINITY }, 'limit.workingHours'],
    [{ calendarDays: 1.5 }, 'limit.calendarDays'],
    [{ calendarDays: -2 }, 'limit.calendarDays'],
    [{ calendarDays: 1e308 }, 'limit.calendarDays'],
    [{ sameDay: false }, 'limit.sameDay'],
    [{ sameDay: 'yes' }, 'limit.sameDay'],
    [{ workingDays: 1, workingHours: 8 }, 'limit'],
    [{ calendarDays: 1, sameDay: true }, 'limit'],
    [{ workingDays: 1, sameDay: undefined }, 'limit'],
    [{}, 'limit'],
    [null, 'limit'],
    [3, 'limit'],
    ['3 working days', 'limit'],
    [{ workingDays: 1, days: 2 }, 'limit.days'],
    [{ workingDays: 1, foo: undefined }, 'limit.foo'],
    [{ workingHours: 8, counting: 'elapsed' }, 'limit.counting'],
    [{ workingDays: 1, counting: 'calendar' }, 'limit.counting'],
  ])('%j is INVALID_LIMIT on %s', (limit, field) => {
    expect(thrown(() => calendar.dueDate(at, asLimit(limit)))).toMatchObject({
      code: 'INVALID_LIMIT',
      field,
    });
    expect(thrown(() => calendar.explain(at, asLimit(limit)))).toMatchObject({
      code: 'INVALID_LIMIT',
      field,
    });
  });

  it.each([
    [{ workingDays: 1, cutoff: '25:00' }],
    [{ workingHours: 1, cutoff: '3pm' }],
    [{ sameDay: true, cutoff: '15' }],
    [{ calendarDays: 1, cutoff: 900 }],
  ])('a bad cut-off %j is INVALID_TIME on limit.cutoff', (limit) => {
    expect(thrown(() => calendar.dueDate(at, asLimit(limit)))).toMatchObject({
      code: 'INVALID_TIME',
      field: 'limit.cutoff',
    });
  });

  it('working minutes and hours must be finite numbers', () => {
    expect(thrown(() => calendar.addWorkingMinutes(at, Number.NaN))).toMatchObject({
      code: 'INVALID_LIMIT',
      field: 'minutes',
    });
    expect(thrown(() => calendar.addWorkingMinutes(at, Number.POSITIVE_INFINITY))).toMatchObject({
      field: 'minutes',
    });
    expect(thrown(() => calendar.addWorkingHours(at, Number.NEGATIVE_INFINITY))).toMatchObject({
      code: 'INVALID_LIMIT',
      field: 'hours',
    });
    expect(thrown(() => calendar.addWorkingHours(at, asLimit('8') as unknown as number))).toMatchObject({
      field: 'hours',
    });
  });

  it('nextWorkingDay needs a whole n ≥ 0', () => {
    expect(thrown(() => calendar.nextWorkingDay('2026-02-13', -1))).toMatchObject({
      code: 'INVALID_LIMIT',
      field: 'n',
    });
    expect(thrown(() => calendar.nextWorkingDay('2026-02-13', 1.5))).toMatchObject({ field: 'n' });
  });
});

describe('office hours', () => {
  it.each([
    [{ sessions: [] }, 'officeHours.sessions', 'no working session'],
    [{ workingWeekdays: [] }, 'officeHours.sessions', 'no working session'],
    [
      {
        sessions: [{ start: '07:30', end: '11:30' }],
        weekdaySessions: { 1: [], 2: [], 3: [], 4: [], 5: [] },
      },
      'officeHours.sessions',
      'no working session',
    ],
    [
      {
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '11:00', end: '17:00' },
        ],
      },
      'officeHours.sessions[1]',
      'overlaps',
    ],
    [
      {
        sessions: [
          { start: '13:00', end: '17:00' },
          { start: '07:30', end: '13:30' },
        ],
      },
      'officeHours.sessions[0]',
      'overlaps',
    ],
    [{ sessions: [{ start: '11:30', end: '07:30' }] }, 'officeHours.sessions[0].end', 'after start'],
    [{ sessions: [{ start: '09:00', end: '09:00' }] }, 'officeHours.sessions[0].end', 'after start'],
    [{ sessions: [{ start: '7:30', end: '11:30' }] }, 'officeHours.sessions[0].start', 'HH:mm'],
    [{ sessions: [{ start: '07:30', end: '24:01' }] }, 'officeHours.sessions[0].end', 'HH:mm'],
    [{ sessions: [{ start: '07:60', end: '11:30' }] }, 'officeHours.sessions[0].start', 'HH:mm'],
    [{ sessions: [{ start: '07:30' }] }, 'officeHours.sessions[0].end', ''],
    [
      {
        weekdaySessions: {
          6: [
            { start: '07:30', end: '11:30' },
            { start: '08:00', end: '09:00' },
          ],
        },
      },
      'officeHours.weekdaySessions.6[1]',
      'overlaps',
    ],
    [{ weekdaySessions: { 8: [] } }, 'officeHours.weekdaySessions.8', 'unknown key'],
    [{ workingWeekdays: [0] }, 'officeHours.workingWeekdays[0]', ''],
    [{ makeUpDaySessions: [] }, 'officeHours.makeUpDaySessions', 'at least one session'],
    [{ workingDayHours: 0 }, 'officeHours.workingDayHours', ''],
    [{ workingDayHours: 25 }, 'officeHours.workingDayHours', ''],
    [{ sesions: [] }, 'officeHours.sesions', 'unknown key'],
  ])('%j is INVALID_OFFICE_HOURS on %s', (officeHours, field, message) => {
    const e = thrown(() => vietnamCalendar(asOptions({ officeHours })));
    expect(e).toMatchObject({ code: 'INVALID_OFFICE_HOURS', field });
    expect(e.message).toContain(message);
  });
});

const storm = (entries: unknown[], extra: Record<string, unknown> = {}): HolidayScheduleInput =>
  ({
    id: 'quang-ngai-storm-2026',
    version: '1',
    authority: 'UBND tỉnh Quảng Ngãi',
    scope: 'province',
    entries,
    ...extra,
  }) as HolidayScheduleInput;
const closure = {
  date: '2026-10-27',
  kind: 'closure',
  name: 'Nghỉ tránh bão',
  source: 'Công điện 12/CĐ-UBND',
};

describe('schedules', () => {
  it.each([
    [[{ ...closure, kind: 'festival' }], 'extraSchedules[0].entries[0].kind'],
    [[closure, { ...closure, date: '2026-02-30' }], 'extraSchedules[0].entries[1].date'],
    [[{ ...closure, date: '27/10/2026' }], 'extraSchedules[0].entries[0].date'],
    [[{ ...closure, source: '' }], 'extraSchedules[0].entries[0].source'],
    [[{ date: '2026-10-27', kind: 'closure', source: 'x' }], 'extraSchedules[0].entries[0].name'],
    [[{ ...closure, confidence: 'rumour' }], 'extraSchedules[0].entries[0].confidence'],
    [[{ ...closure, color: 'red' }], 'extraSchedules[0].entries[0].color'],
  ])('an entry %j is INVALID_SCHEDULE on %s', (entries, field) => {
    expect(thrown(() => vietnamCalendar({ extraSchedules: [storm(entries)] }))).toMatchObject({
      code: 'INVALID_SCHEDULE',
      field,
    });
  });

  it('names the schedule itself for schedule-level fields', () => {
    expect(thrown(() => vietnamCalendar({ extraSchedules: [storm([closure], { id: '' })] }))).toMatchObject({
      code: 'INVALID_SCHEDULE',
      field: 'extraSchedules[0].id',
    });
    expect(
      thrown(() => vietnamCalendar({ extraSchedules: [storm([closure], { scope: 'district' })] })),
    ).toMatchObject({ field: 'extraSchedules[0].scope' });
    expect(
      thrown(() => vietnamCalendar({ extraSchedules: [storm([closure], { officialYear: 1975 })] })),
    ).toMatchObject({ field: 'extraSchedules[0].officialYear' });
    expect(
      thrown(() => vietnamCalendar({ extraSchedules: [storm([closure], { officialYear: 2027 })] })),
    ).toMatchObject({ code: 'INVALID_SCHEDULE', field: 'extraSchedules[0].entries[0].date' });
    expect(
      thrown(() => vietnamCalendar({ extraSchedules: [storm([closure], { published: true })] })),
    ).toMatchObject({ field: 'extraSchedules[0].published' });
    expect(
      thrown(() => vietnamCalendar({ extraSchedules: [storm([closure]), 'not a schedule'] })),
    ).toMatchObject({ field: 'extraSchedules[1]' });
  });

  it('names the replacing schedules as schedules[i]', () => {
    expect(thrown(() => vietnamCalendar({ schedules: [storm([{ ...closure, kind: 'x' }])] }))).toMatchObject({
      code: 'INVALID_SCHEDULE',
      field: 'schedules[0].entries[0].kind',
    });
  });

  it('rejects duplicate schedule ids, naming the duplicate', () => {
    const again = { ...vnCivilService2026, version: 'again' };
    expect(thrown(() => vietnamCalendar({ extraSchedules: [again] }))).toMatchObject({
      code: 'INVALID_SCHEDULE',
      field: 'extraSchedules[0].id',
      value: 'vn-civil-service-2026',
    });
    expect(thrown(() => vietnamCalendar({ schedules: [vnCivilService2026, again] }))).toMatchObject({
      code: 'INVALID_SCHEDULE',
      field: 'schedules[1].id',
    });
    expect(
      thrown(() => vietnamCalendar({ extraSchedules: [storm([closure]), storm([closure])] })),
    ).toMatchObject({ field: 'extraSchedules[1].id' });
  });

  it('parseHolidaySchedule names fields from "schedule"', () => {
    expect(thrown(() => parseHolidaySchedule(storm([{ ...closure, kind: 'x' }])))).toMatchObject({
      code: 'INVALID_SCHEDULE',
      field: 'schedule.entries[0].kind',
    });
  });
});

describe('calendar options', () => {
  it.each(['Mars/Olympus', 'Asia/Hanoi', 'GMT+7 Indochina', ''])(
    'time zone %j is INVALID_OPTION',
    (timeZone) => {
      expect(thrown(() => vietnamCalendar({ timeZone }))).toMatchObject({
        code: 'INVALID_OPTION',
        field: 'timeZone',
      });
    },
  );

  it('names bad and unknown options', () => {
    expect(thrown(() => vietnamCalendar({ sameDayCutoff: '3pm' }))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'sameDayCutoff',
    });
    expect(thrown(() => vietnamCalendar(asOptions({ timezone: 'Asia/Ho_Chi_Minh' })))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'timezone',
    });
    expect(thrown(() => vietnamCalendar(asOptions({ useDateHolidays: 'no' })))).toMatchObject({
      field: 'useDateHolidays',
    });
    expect(thrown(() => vietnamCalendar(asOptions({ extraSchedules: {} })))).toMatchObject({
      field: 'extraSchedules',
    });
    expect(thrown(() => vietnamCalendar(asOptions({ statutoryAdditions: [{ id: 'x' }] })))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'statutoryAdditions[0].month',
    });
    expect(thrown(() => vietnamCalendar(asOptions(42)))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'options',
    });
  });
});

describe(`years outside ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`, () => {
  it('yearInfo rejects them', () => {
    for (const year of [1975, 2201, 2026.5, Number.NaN]) {
      expect(thrown(() => calendar.yearInfo(year))).toMatchObject({ code: 'OUT_OF_RANGE', field: 'year' });
    }
  });

  it('day queries reject them and accept the edges', () => {
    const c = vietnamCalendar();
    expect(thrown(() => c.isWorkingDay('1975-12-31'))).toMatchObject({ code: 'OUT_OF_RANGE', field: 'date' });
    expect(thrown(() => c.isWorkingDay('2201-01-01'))).toMatchObject({ code: 'OUT_OF_RANGE' });
    expect(thrown(() => c.dayInfo(new Date('1975-06-01T00:00:00Z')))).toMatchObject({ code: 'OUT_OF_RANGE' });
    // Separate calendars: one calendar asked for both edges would build a 225-year table.
    expect(vietnamCalendar().isWorkingDay('1976-01-02')).toBe(true); // a Friday
    expect(vietnamCalendar().isWorkingDay('2200-12-31')).toBe(true); // a Wednesday
  });

  it('deadline arithmetic that runs past the range is OUT_OF_RANGE', () => {
    const c = vietnamCalendar();
    const lastDay = new Date('2200-12-31T09:00:00+07:00');
    expect(c.dueDate(lastDay, { sameDay: true })).toEqual(new Date('2200-12-31T17:00:00+07:00'));
    expect(thrown(() => c.dueDate(lastDay, { workingDays: 1 }))).toMatchObject({ code: 'OUT_OF_RANGE' });
    expect(thrown(() => c.dueDate(lastDay, { workingHours: 10 }))).toMatchObject({ code: 'OUT_OF_RANGE' });
    expect(thrown(() => c.dueDate(lastDay, { calendarDays: 1 }))).toMatchObject({ code: 'OUT_OF_RANGE' });
    expect(thrown(() => c.nextWorkingDay('2200-12-31'))).toMatchObject({ code: 'OUT_OF_RANGE' });
    const first = new Date('1976-01-02T09:00:00+07:00');
    expect(thrown(() => vietnamCalendar().addWorkingMinutes(first, -120))).toMatchObject({
      code: 'OUT_OF_RANGE',
    });
  });

  it('an instant at the ends of the JavaScript date range is refused before it reaches the tables', () => {
    const c = vietnamCalendar();
    const t = c.dueDate(at, { workingDays: 3 });
    for (const ms of [8.64e15, 8.64e15 - 3_600_000, -8.64e15, -8.64e15 + 1]) {
      const edge = new Date(ms);
      expect(thrown(() => c.localDate(edge))).toMatchObject({ code: 'OUT_OF_RANGE', field: 'instant' });
      expect(thrown(() => c.dueDate(edge, { workingDays: 1 }))).toMatchObject({ code: 'OUT_OF_RANGE' });
      expect(thrown(() => c.isWorkingTime(edge))).toMatchObject({ code: 'OUT_OF_RANGE' });
    }
    // The calendar still answers afterwards, as before.
    expect(c.dueDate(at, { workingDays: 3 })).toEqual(t);
    expect(c.isWorkingDay('2026-01-10')).toBe(true);
  });
});
