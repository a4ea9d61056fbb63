/**
 * Instants and working time: sessions, the next working moment, adding and measuring working
 * minutes, counting working days. Default sessions 07:30–11:30 and 13:00–17:00.
 */
import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../index.js';

const calendar = vietnamCalendar();
const d = (iso: string) => new Date(iso);

describe('isWorkingTime', () => {
  it.each([
    ['2026-02-13T07:29:59+07:00', false],
    ['2026-02-13T07:30:00+07:00', true], // session start included
    ['2026-02-13T11:29:59.999+07:00', true],
    ['2026-02-13T11:30:00+07:00', false], // session end excluded
    ['2026-02-13T12:15:00+07:00', false], // lunch
    ['2026-02-13T13:00:00+07:00', true],
    ['2026-02-13T16:59:00+07:00', true],
    ['2026-02-13T17:00:00+07:00', false],
    ['2026-02-13T22:00:00+07:00', false],
    ['2026-02-17T09:00:00+07:00', false], // Tết
    ['2026-02-14T09:00:00+07:00', false], // Saturday
    ['2026-01-10T09:00:00+07:00', true], // make-up Saturday
    ['2026-01-02T09:00:00+07:00', false], // swap day off
  ])('%s → %s', (iso, expected) => {
    expect(calendar.isWorkingTime(d(iso))).toBe(expected);
  });
});

describe('nextWorkingMoment', () => {
  it.each([
    ['2026-02-13T10:00:00+07:00', '2026-02-13T10:00:00+07:00'], // already working time
    ['2026-02-13T06:00:00+07:00', '2026-02-13T07:30:00+07:00'],
    ['2026-02-13T11:30:00+07:00', '2026-02-13T13:00:00+07:00'], // a session end is not working time
    ['2026-02-13T12:00:00+07:00', '2026-02-13T13:00:00+07:00'],
    ['2026-02-13T17:00:00+07:00', '2026-02-23T07:30:00+07:00'], // over Tết
    ['2025-01-24T17:30:00+07:00', '2025-02-03T07:30:00+07:00'],
    ['2026-01-09T18:00:00+07:00', '2026-01-10T07:30:00+07:00'], // make-up Saturday
    ['2026-08-28T17:00:00+07:00', '2026-09-03T07:30:00+07:00'],
    ['2026-12-31T17:00:00+07:00', '2027-01-04T07:30:00+07:00'], // 01/01/2027 Friday, then a weekend
  ])('%s → %s', (from, expected) => {
    expect(calendar.nextWorkingMoment(d(from))).toEqual(d(expected));
  });
});

describe('addWorkingMinutes and addWorkingHours', () => {
  it.each([
    ['2026-02-13T16:00:00+07:00', 60, '2026-02-13T17:00:00+07:00'], // ends at the close, not 07:30 next day
    ['2026-02-13T16:00:00+07:00', 61, '2026-02-23T07:31:00+07:00'],
    ['2026-02-13T11:00:00+07:00', 30, '2026-02-13T11:30:00+07:00'],
    ['2026-02-13T11:00:00+07:00', 31, '2026-02-13T13:01:00+07:00'],
    ['2026-02-13T12:00:00+07:00', 30, '2026-02-13T13:30:00+07:00'], // from lunch: counts from 13:00
    ['2026-02-13T12:00:00+07:00', 0, '2026-02-13T13:00:00+07:00'], // 0: the next working moment
    ['2026-02-13T09:00:00+07:00', 0.5, '2026-02-13T09:00:30+07:00'], // fractions to the millisecond
    ['2026-02-23T08:00:00+07:00', -60, '2026-02-13T16:30:00+07:00'], // back over Tết: 30 min Mon + 30 min Fri
    ['2026-02-23T07:30:00+07:00', -30, '2026-02-13T16:30:00+07:00'],
    ['2026-02-13T13:30:00+07:00', -30, '2026-02-13T11:30:00+07:00'], // back to a session end
    ['2026-01-12T08:00:00+07:00', -60, '2026-01-10T16:30:00+07:00'], // back onto a make-up Saturday
  ])('%s %s min → %s', (from, minutes, expected) => {
    expect(calendar.addWorkingMinutes(d(from), minutes)).toEqual(d(expected));
  });

  it('adds hours like minutes', () => {
    expect(calendar.addWorkingHours(d('2026-02-13T09:00:00+07:00'), 8)).toEqual(
      d('2026-02-23T09:00:00+07:00'),
    );
    expect(calendar.addWorkingHours(d('2026-02-13T09:00:00+07:00'), 1.25)).toEqual(
      d('2026-02-13T10:15:00+07:00'),
    );
  });

  it('crosses years in both directions (the table grows forwards and backwards)', () => {
    const fresh = vietnamCalendar();
    const from = d('2026-06-01T09:00:00+07:00');
    const minutes = 480 * 700; // about 2.8 years of working days
    const later = fresh.addWorkingMinutes(from, minutes);
    const earlier = fresh.addWorkingMinutes(from, -minutes);
    expect(later.getTime()).toBeGreaterThan(d('2029-01-01T00:00:00+07:00').getTime());
    expect(earlier.getTime()).toBeLessThan(d('2024-01-01T00:00:00+07:00').getTime());
    expect(fresh.workingMinutesBetween(from, later)).toBe(minutes);
    expect(fresh.workingMinutesBetween(from, earlier)).toBe(-minutes);
    expect(fresh.addWorkingMinutes(later, -minutes)).toEqual(from);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only session time, skipping Tết', () => {
    const fri = d('2026-02-13T09:00:00+07:00');
    const mon = d('2026-02-23T09:00:00+07:00');
    expect(calendar.workingMinutesBetween(fri, mon)).toBe(390 + 90);
    expect(calendar.workingMinutesBetween(mon, fri)).toBe(-480);
    expect(calendar.workingMinutesBetween(fri, fri)).toBe(0);
  });

  it('is 0 across a block of days off and over lunch', () => {
    expect(
      calendar.workingMinutesBetween(d('2026-02-13T17:00:00+07:00'), d('2026-02-23T07:30:00+07:00')),
    ).toBe(0);
    expect(
      calendar.workingMinutesBetween(d('2026-02-13T11:30:00+07:00'), d('2026-02-13T13:00:00+07:00')),
    ).toBe(0);
  });

  it('counts a whole make-up Saturday', () => {
    expect(
      calendar.workingMinutesBetween(d('2026-01-09T17:00:00+07:00'), d('2026-01-12T07:30:00+07:00')),
    ).toBe(480);
  });
});

describe('working days', () => {
  it('nextWorkingDay', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(calendar.nextWorkingDay('2026-02-13', 3)).toBe('2026-02-25');
    expect(calendar.nextWorkingDay('2026-02-13', 0)).toBe('2026-02-13');
    expect(calendar.nextWorkingDay('2026-02-14', 0)).toBe('2026-02-23');
    expect(calendar.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
    expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-05');
    expect(calendar.nextWorkingDay('2024-02-07')).toBe('2024-02-15');
    expect(calendar.nextWorkingDay(d('2026-02-13T23:00:00+07:00'))).toBe('2026-02-23');
    expect(calendar.nextWorkingDay('2026-12-30', 300)).toBe(
      calendar.days('2026-12-31', '2028-06-30').filter((x) => x.working)[299]!.date,
    );
  });

  it('workingDaysBetween counts the days after from up to and including to', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-25')).toBe(3);
    expect(calendar.workingDaysBetween('2026-02-25', '2026-02-13')).toBe(-3);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
    expect(calendar.workingDaysBetween('2026-01-09', '2026-01-12')).toBe(2); // Sat 10/01 and Mon 12/01
    expect(calendar.workingDaysBetween('2024-04-26', '2024-05-06')).toBe(4); // 02, 03, 04 (Sat), 06/05
  });
});

describe('local dates and days', () => {
  it('localDate is the date in Vietnam, not in UTC', () => {
    expect(calendar.localDate(d('2026-02-13T16:59:59Z'))).toBe('2026-02-13');
    expect(calendar.localDate(d('2026-02-13T17:00:00Z'))).toBe('2026-02-14');
  });

  it('a Date stands for its Vietnamese local date', () => {
    expect(calendar.isWorkingDay(d('2026-02-15T17:30:00Z'))).toBe(false); // 16/02 00:30 in Vietnam: Tết
    expect(calendar.isWorkingDay(d('2026-02-13T16:30:00Z'))).toBe(true); // 13/02 23:30
    expect(calendar.dayInfo(d('2026-01-09T17:00:00Z')).kind).toBe('make-up-working-day');
  });

  it('startOfDay and closeOfDay', () => {
    expect(calendar.startOfDay('2026-02-13')).toEqual(d('2026-02-13T00:00:00+07:00'));
    expect(calendar.closeOfDay('2026-02-13')).toEqual(d('2026-02-13T17:00:00+07:00'));
    expect(calendar.closeOfDay(d('2026-02-13T20:00:00+07:00'))).toEqual(d('2026-02-13T17:00:00+07:00'));
    expect(calendar.closeOfDay('2026-02-17')).toBeNull();
  });

  it('format prints local time', () => {
    expect(calendar.format(d('2026-02-13T02:00:00Z'))).toBe('2026-02-13 09:00');
  });

  it('days lists every day with its weekday', () => {
    const days = calendar.days('2026-02-13', '2026-02-16');
    expect(days.map((x) => [x.date, x.weekday, x.working])).toEqual([
      ['2026-02-13', 5, true],
      ['2026-02-14', 6, false],
      ['2026-02-15', 7, false],
      ['2026-02-16', 1, false],
    ]);
  });
});
