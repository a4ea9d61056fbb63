/**
 * The shipped table of statutory holidays is what date-holidays computes, for every year the
 * calendar answers for: regenerate it (`pnpm --filter @motcua/core generate:holidays`) after an
 * upgrade of date-holidays. Its lunar holidays are checked against the independent lunar calendar
 * in lunar-holidays.test.ts (through the calendar, which reads this table).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateHolidaysOf } from '../../scripts/holiday-table/date-holidays-source.js';
import { holidayTableSource } from '../../scripts/holiday-table/generate.js';
import {
  STATUTORY_HOLIDAY_TABLE_FIRST_YEAR,
  STATUTORY_HOLIDAY_TABLE_LAST_YEAR,
} from './statutory-holiday-table.js';
import { statutoryHolidaysOf } from './statutory-holidays.js';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from './working-calendar.js';

describe('the statutory holiday table', () => {
  it('covers exactly the years the calendar answers for', () => {
    expect(STATUTORY_HOLIDAY_TABLE_FIRST_YEAR).toBe(CALENDAR_MIN_YEAR);
    expect(STATUTORY_HOLIDAY_TABLE_LAST_YEAR).toBe(CALENDAR_MAX_YEAR);
  });

  it('gives, year by year, the holidays date-holidays computes (names, kinds, sources included)', () => {
    for (let year = CALENDAR_MIN_YEAR; year <= CALENDAR_MAX_YEAR; year++) {
      expect(statutoryHolidaysOf(year), String(year)).toEqual(dateHolidaysOf(year));
    }
  });

  it('is the file the generator writes today (regenerate it after upgrading date-holidays)', () => {
    const file = readFileSync(new URL('./statutory-holiday-table.ts', import.meta.url), 'utf8');
    // The file is formatted by Biome; compare the data, not the quotes.
    const data = (s: string) => s.replace(/["']/g, '').replace(/\s+/g, '');
    expect(data(file)).toBe(data(holidayTableSource()));
  });

  it('answers no holidays outside its years', () => {
    expect(statutoryHolidaysOf(CALENDAR_MIN_YEAR - 1)).toEqual([]);
    expect(statutoryHolidaysOf(CALENDAR_MAX_YEAR + 1)).toEqual([]);
  });
});
