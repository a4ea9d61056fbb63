/**
 * The statutory lunar holidays of the calendar (the computed Tết block and Giỗ Tổ Hùng Vương,
 * 10/3) against the independent Vietnamese lunar calendar of ./lunar (Hồ Ngọc Đức's rules, UTC+7,
 * no code shared with date-holidays), over every year the calendar answers for.
 */

import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateHolidaysLunarOf,
  dateHolidaysLunarRules,
  dateHolidaysOf,
} from '../../scripts/holiday-table/date-holidays-source.js';
import { localDateOf, parseLocalDate } from './local-date.js';
import { type LunarHolidayDates, lunarHolidayDates } from './lunar/index.js';
import { vietnamCalendar } from './vietnam-calendar.js';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from './working-calendar.js';

const calendar = vietnamCalendar();
const YEARS = Array.from(
  { length: CALENDAR_MAX_YEAR - CALENDAR_MIN_YEAR + 1 },
  (_, i) => CALENDAR_MIN_YEAR + i,
);
/** The reference, computed once for the whole range (about 0.2 s; cached by the lunar calendar). */
const reference = new Map<number, LunarHolidayDates>(YEARS.map((y) => [y, lunarHolidayDates(y)]));
const ref = (year: number) => reference.get(year)!;
/** Years in which date-holidays 3.37 puts Giỗ Tổ a day early (its conversion lands just before midnight). */
const DATE_HOLIDAYS_A_DAY_EARLY = [2050, 2083, 2105, 2109, 2110, 2155, 2157, 2192, 2196];

describe('issue #13: Giỗ Tổ Hùng Vương where date-holidays lands a second before midnight', () => {
  it('2050: Fri 01/04 (10/3 Canh Ngọ), not Thu 31/03', () => {
    expect(calendar.dayInfo('2050-03-31').kind).toBe('working');
    const day = calendar.dayInfo('2050-04-01');
    expect(day.kind).toBe('holiday');
    expect(day.reason?.name).toBe('Giỗ tổ Hùng Vương');
  });

  it('2083: Mon 26/04 alone, not Sun 25/04 plus a compensatory Mon 26/04', () => {
    expect(calendar.dayInfo('2083-04-25').kind).toBe('weekend');
    const day = calendar.dayInfo('2083-04-26');
    expect(day.kind).toBe('holiday');
    expect(day.reason?.name).toBe('Giỗ tổ Hùng Vương');
    expect(calendar.dayInfo('2083-04-27').kind).toBe('working');
  });

  it('date-holidays itself still gives the day before in the nine years (the bug this corrects)', () => {
    const raw = new Holidays('VN', { types: ['public'] });
    for (const year of DATE_HOLIDAYS_A_DAY_EARLY) {
      const hung = raw.getHolidays(year).find((h) => h.rule === 'vietnamese 3-0-10')!;
      expect([year, parseLocalDate(hung.date.slice(0, 10))]).toEqual([year, ref(year).hungKings - 1]);
    }
  });
});

describe(`every year ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR} against the independent lunar calendar`, () => {
  it('date-holidays’ lunar rules are all evaluated by the corrected conversion', () => {
    expect(dateHolidaysLunarRules().map((r) => r.rule)).toEqual([
      'vietnamese 1-0-1',
      '1 day before vietnamese 1-0-1 P5D',
      'vietnamese 3-0-10',
    ]);
  });

  it('the Tết block (the last day of the year and mùng 1–4) and Giỗ Tổ (10/3) match in every year', () => {
    const mismatches: string[] = [];
    for (const year of YEARS) {
      const lunar = dateHolidaysLunarOf(year);
      const tet = lunar.filter((h) => h.kind === 'tet').map((h) => localDateOf(h.day));
      const hung = lunar.filter((h) => h.kind === 'holiday').map((h) => `${localDateOf(h.day)} ${h.name}`);
      const expected = ref(year);
      const expectedTet = expected.tetBlock.map(localDateOf);
      const expectedHung = [`${localDateOf(expected.hungKings)} Giỗ tổ Hùng Vương`];
      if (JSON.stringify([tet, hung]) !== JSON.stringify([expectedTet, expectedHung])) {
        mismatches.push(
          `${year}: ${JSON.stringify([tet, hung])} ≠ ${JSON.stringify([expectedTet, expectedHung])}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lists the years whose new moon (months 1, 3) or major solar term falls within 10 minutes of midnight', () => {
    const near: string[] = [];
    const clock = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    for (const year of YEARS) {
      const r = ref(year);
      if (r.tetNewMoonMarginSeconds < 600) {
        near.push(
          `${year} Tết ${localDateOf(r.tet)}: new moon ${clock(r.tetNewMoon)}, ${Math.round(r.tetNewMoonMarginSeconds)} s`,
        );
      }
      if (r.hungKingsNewMoonMarginSeconds < 600) {
        near.push(
          `${year} Giỗ Tổ ${localDateOf(r.hungKings)}: new moon ${clock(r.hungKingsNewMoon)}, ${Math.round(r.hungKingsNewMoonMarginSeconds)} s`,
        );
      }
      if (r.solarTermMarginSeconds < 600) {
        near.push(
          `${year} solar term ${Math.round(r.solarTermMarginSeconds)} s from a month's first midnight`,
        );
      }
    }
    // UTC+7 wall clock. ΔT is a prediction after 2025: about a minute uncertain by 2100, several by 2200.
    expect(near).toEqual([
      '1976 Giỗ Tổ 1976-04-09: new moon 1976-03-31 00:08:01, 481 s',
      '2086 Giỗ Tổ 2086-04-22: new moon 2086-04-13 23:52:53, 426 s',
      '2114 Giỗ Tổ 2114-04-15: new moon 2114-04-06 00:03:52, 232 s',
      '2117 Tết 2117-02-02: new moon 2117-02-02 00:09:35, 575 s',
      '2138 Giỗ Tổ 2138-04-19: new moon 2138-04-10 00:03:30, 210 s',
      '2175 Tết 2175-01-22: new moon 2175-01-22 23:59:36, 24 s',
      '2179 Tết 2179-02-07: new moon 2179-02-07 00:04:33, 274 s',
      '2199 Tết 2199-01-26: new moon 2199-01-26 23:57:52, 127 s',
      '2199 Giỗ Tổ 2199-04-05: new moon 2199-03-27 00:09:58, 598 s',
    ]);
  });

  it('the solar terms that decide a month 11 or a leap month come no nearer than 2148 (32 min) and 1985 (37 min)', () => {
    const nearest = YEARS.map((y) => [y, Math.round(ref(y).solarTermMarginSeconds / 60)] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 2);
    expect(nearest).toEqual([
      [2148, 32],
      [1985, 37],
    ]);
  });

  it('dateHolidaysOf holds those lunar days and the fixed-date holidays (random years)', () => {
    fc.assert(
      fc.property(fc.integer({ min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR }), (year) => {
        const all = dateHolidaysOf(year).map((h) => `${localDateOf(h.day)} ${h.kind}`);
        const lunar = dateHolidaysLunarOf(year).map((h) => `${localDateOf(h.day)} ${h.kind}`);
        const fixed = ['01-01', '04-30', '05-01', '09-02'].map((md) => `${year}-${md} holiday`);
        expect(all).toEqual([...lunar, ...fixed].sort());
      }),
      { numRuns: 15 },
    );
  });

  it('the calendar shows them in years without a notice (random years 2027–2200)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2027, max: CALENDAR_MAX_YEAR }), (year) => {
        const fresh = vietnamCalendar();
        const r = ref(year);
        for (const d of r.tetBlock) expect(fresh.dayInfo(localDateOf(d)).kind).toBe('tet');
        expect(fresh.dayInfo(localDateOf(r.tetBlock[0]! - 1)).kind).not.toBe('tet');
        expect(fresh.dayInfo(localDateOf(r.tetBlock[4]! + 1)).kind).not.toBe('tet');
        const hung = fresh.dayInfo(localDateOf(r.hungKings));
        expect([hung.kind, hung.reason?.name]).toEqual(['holiday', 'Giỗ tổ Hùng Vương']);
        expect(fresh.dayInfo(localDateOf(r.hungKings - 1)).reason?.name).not.toBe('Giỗ tổ Hùng Vương');
      }),
      { numRuns: 12 },
    );
  });
});
