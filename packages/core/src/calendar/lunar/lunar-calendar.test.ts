/**
 * The Vietnamese lunar calendar (UTC+7) against published Vietnamese calendars, its difference
 * with the Chinese one (UTC+8), and its invariants. Sources of the dates:
 * - the official civil-service notices: Tết 10/02/2024 (Thông báo 5015/TB-LĐTBXH), 29/01/2025
 *   (Thông báo 6150/TB-BLĐTBXH), 17/02/2026 (Thông báo 9441/TB-BNV); Giỗ Tổ 18/04/2024,
 *   07/04/2025, 26/04/2026 (the same notices, "10/3 âm lịch");
 * - H. Aslaksen, "The Mathematics of the Chinese Calendar" (NUS): Tết Mậu Thân 1968 on 29/01 in
 *   the North (UTC+7), 30/01 in the South (still UTC+8);
 * - Hồ Ngọc Đức, "Computing the Vietnamese lunar calendar"
 *   (informatik.uni-leipzig.de/~duc/amlich/calrules_en.html): Tết Ất Sửu 1985 came a month before
 *   China's (21/01/1985 against 20/02/1985);
 * - Wikipedia "Vietnamese calendar", quoted by kientruc2014.com, and scienceinfo.net ("in 2030 and
 *   2053, Vietnam will eat Tết sooner than China"): Tết 17/02/2007 (China 18/02), 02/02/2030
 *   (03/02), 18/02/2053 (19/02);
 * - ThS. Trần Tiến Bình (formerly Ban Lịch nhà nước, author of "Lịch Việt Nam thế kỷ XX–XXI"),
 *   in Báo Hải Dương / VTC News, 03/02/2025: "năm 2033 sẽ có 2 tháng 11 âm lịch"; Mậu Thân 2148
 *   has a leap month 1, with two mùng 1 tháng Giêng: Sunday 21/01/2148 and Tuesday 20/02/2148.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from '../../errors/calendar-error.js';
import { isoWeekdayOf, localDateOf, parseLocalDate } from '../local-date.js';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, LunarCalendar } from './lunar-calendar.js';
import { lunarHolidayDates, vietnameseLunarCalendar } from './lunar-holiday-dates.js';

const vn = vietnameseLunarCalendar();
const cn = new LunarCalendar(480);
const tetOf = (calendar: LunarCalendar, year: number) => localDateOf(calendar.year(year).months[0]!.firstDay);
const YEARS = fc.integer({ min: 1968, max: 2299 });

describe('published Vietnamese dates', () => {
  it.each([
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
  ])('%i: Tết %s and Giỗ Tổ %s, as in the official notices', (year, tet, hungKings) => {
    const dates = lunarHolidayDates(year);
    expect(localDateOf(dates.tet)).toBe(tet);
    expect(localDateOf(dates.hungKings)).toBe(hungKings);
  });

  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('%i: Tết %s in Vietnam (UTC+7), %s in China (UTC+8)', (year, vietnam, china) => {
    expect(tetOf(vn, year)).toBe(vietnam);
    expect(tetOf(cn, year)).toBe(china);
  });

  it('25/06/2006 is mùng 1 in Vietnam (new moon at 23:05), the day before China', () => {
    expect(vn.fromSolar(parseLocalDate('2006-06-25'))).toMatchObject({ day: 1 });
    expect(cn.fromSolar(parseLocalDate('2006-06-25')).day).toBe(30);
  });

  it('2033 has two months 11 (a leap month 11)', () => {
    const months = vn.year(2033).months.filter((m) => m.month === 11);
    expect(months.map((m) => m.leap)).toEqual([false, true]);
    expect(vn.year(2033).leapMonth).toBe(11);
  });

  it('2148 has a leap month 1: mùng 1 tháng Giêng on Sunday 21/01/2148 and Tuesday 20/02/2148', () => {
    const [first, leap] = vn.year(2148).months;
    expect(
      [first, leap].map((m) => [localDateOf(m!.firstDay), isoWeekdayOf(m!.firstDay), m!.month, m!.leap]),
    ).toEqual([
      ['2148-01-21', 7, 1, false],
      ['2148-02-20', 2, 1, true],
    ]);
  });

  it('issue #13: Giỗ Tổ Hùng Vương 2050 is Friday 01/04 and 2083 Monday 26/04', () => {
    expect(localDateOf(lunarHolidayDates(2050).hungKings)).toBe('2050-04-01');
    expect(localDateOf(lunarHolidayDates(2083).hungKings)).toBe('2083-04-26');
  });
});

describe('invariants (random years and days, 1968–2299)', () => {
  it('a year has 12 or 13 months of 29 or 30 days, one after another, and Tết between 21/01 and 20/02', () => {
    fc.assert(
      fc.property(YEARS, (year) => {
        const y = vn.year(year);
        expect(y.months.length).toBe(y.leapMonth ? 13 : 12);
        expect(y.months.filter((m) => !m.leap).map((m) => m.month)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
        ]);
        y.months.forEach((m, i) => {
          expect([29, 30]).toContain(m.length);
          expect(m.year).toBe(year);
          if (i > 0) expect(m.firstDay).toBe(y.months[i - 1]!.firstDay + y.months[i - 1]!.length);
        });
        const next = vn.year(year + 1);
        const last = y.months.at(-1)!;
        expect(last.firstDay + last.length).toBe(next.months[0]!.firstDay);
        const tet = localDateOf(y.months[0]!.firstDay);
        expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('the winter solstice (21 or 22 December) falls in month 11', () => {
    fc.assert(
      fc.property(YEARS, (year) => {
        const months11 = vn.year(year).months.filter((m) => m.month === 11 && !m.leap);
        const m = months11[0]!;
        const solstice = [parseLocalDate(`${year}-12-21`), parseLocalDate(`${year}-12-22`)];
        expect(solstice.some((d) => d >= m.firstDay && d < m.firstDay + m.length)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('fromSolar and toSolar are inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseLocalDate('1968-03-01'), max: parseLocalDate('2299-12-31') }),
        (day) => {
          expect(vn.toSolar(vn.fromSolar(day))).toBe(day);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a month begins on the local day of its new moon', () => {
    fc.assert(
      fc.property(YEARS, fc.integer({ min: 0, max: 11 }), (year, i) => {
        const m = vn.year(year).months[i]!;
        expect(Math.floor((m.newMoon + 7 * 3_600_000) / 86_400_000)).toBe(m.firstDay);
        expect(m.newMoonMarginSeconds).toBeLessThanOrEqual(43_200);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bad input', () => {
  it('rejects years outside the range, a missing leap month, a day 30 of a 29-day month, a bad offset', () => {
    expect(() => vn.year(LUNAR_MIN_YEAR - 1)).toThrow(CalendarError);
    expect(() => vn.year(LUNAR_MAX_YEAR + 1)).toThrow(/expected 1950–2300/);
    expect(() => vn.year(2026.5)).toThrow(CalendarError);
    expect(() => vn.toSolar({ year: 2026, month: 4, day: 1, leap: true })).toThrow(/no such month/);
    const short = vn.year(2026).months.find((m) => m.length === 29)!;
    expect(() => vn.toSolar({ year: 2026, month: short.month, day: 30, leap: short.leap })).toThrow(
      /expected 1–29/,
    );
    expect(() => new LunarCalendar(7.5)).toThrow(/offsetMinutes/);
  });
});
