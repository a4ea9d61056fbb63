import { CalendarVietnamese } from 'date-chinese';

/** Julian Day Number of 1970-01-01 (day number 0). */
const JDN_UNIX_EPOCH = 2_440_588;
/** UTC+7, the zone of the Vietnamese lunar calendar since 1968, as a fraction of a day. */
const UTC_PLUS_7 = 7 / 24;

let vietnamese: CalendarVietnamese | undefined;
const cache = new Map<string, number>();

/**
 * The day number (days since 1970-01-01) of a Vietnamese lunar date in lunar year `year` (the
 * Gregorian year in which its Tết falls), by the lunar-to-solar conversion date-holidays uses
 * (date-chinese's `CalendarVietnamese`, UTC+7), rounded to the nearest local midnight.
 *
 * date-chinese gives the lunar day as the Julian Ephemeris Day of its local midnight. date-holidays
 * turns that instant back into a date by truncation, and in some years the instant lands a
 * fraction of a second *before* midnight (the ΔT of the first day of the month and of the asked
 * day differ slightly), so the holiday comes out a day early: Giỗ Tổ Hùng Vương 2050, 2083, 2105,
 * 2109, 2110, 2155, 2157, 2192, 2196. Rounding to the nearest midnight gives the intended day.
 * Cached per date: the conversion takes a few milliseconds.
 */
export function dateHolidaysLunarDay(year: number, month: number, leap: boolean, day: number): number {
  const key = `${year}-${month}-${leap ? 1 : 0}-${day}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  vietnamese ??= new CalendarVietnamese();
  // The first two fields (60-year cycle, year in the cycle) are unused: toJDE takes the year.
  vietnamese.set(0, 0, month, leap ? 1 : 0, day);
  const jde = vietnamese.toJDE(year);
  // JDE of local midnight ≈ JDN − 0.5 − 7/24 (+ ΔT, minutes at most): round to the JDN.
  const result = Math.round(jde + 0.5 + UTC_PLUS_7) - JDN_UNIX_EPOCH;
  cache.set(key, result);
  return result;
}
