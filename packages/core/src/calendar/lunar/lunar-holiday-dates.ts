import { LunarCalendar, type LunarMonth } from './lunar-calendar.js';

/**
 * The days of the statutory lunar holidays of one Gregorian year (Labour Code 45/2019/QH14
 * art. 112), as day numbers (days since 1970-01-01), with how safely they are known.
 */
export interface LunarHolidayDates {
  readonly year: number;
  /** The last day of the lunar year before (29 or 30 tháng Chạp): the first day of the Tết block. */
  readonly tetEve: number;
  /** Mùng 1 Tết (1/1). */
  readonly tet: number;
  /** The five days of the Tết block computed when no notice sets them: the last day of the year and mùng 1–4. */
  readonly tetBlock: readonly number[];
  /** Giỗ Tổ Hùng Vương, 10/3 (of the ordinary month 3 when there is a leap month 3). */
  readonly hungKings: number;
  /** The new moon that begins month 1, epoch milliseconds (UTC). */
  readonly tetNewMoon: number;
  /** Seconds between that new moon and the nearest local midnight. */
  readonly tetNewMoonMarginSeconds: number;
  /** The new moon that begins month 3, epoch milliseconds (UTC). */
  readonly hungKingsNewMoon: number;
  /** Seconds between that new moon and the nearest local midnight. */
  readonly hungKingsNewMoonMarginSeconds: number;
  /** The {@link LunarMonth.solarTermMarginSeconds} of months 1 and 3 (the same months 11 fix both). */
  readonly solarTermMarginSeconds: number;
}

let vietnam: LunarCalendar | undefined;

/** The Vietnamese lunar calendar (UTC+7), one shared instance with its per-year cache. */
export function vietnameseLunarCalendar(): LunarCalendar {
  vietnam ??= new LunarCalendar(420);
  return vietnam;
}

/**
 * The statutory lunar holidays of Gregorian year `year` by the independent lunar calendar
 * (default: the Vietnamese one, UTC+7).
 * @throws {@link CalendarError} `OUT_OF_RANGE` outside the lunar calendar's years.
 */
export function lunarHolidayDates(year: number, calendar = vietnameseLunarCalendar()): LunarHolidayDates {
  const here = calendar.year(year);
  const month1 = here.months[0]!;
  const month3 = here.months.find((m) => m.month === 3 && !m.leap)!;
  const tet = month1.firstDay;
  return {
    year,
    tetEve: tet - 1,
    tet,
    tetBlock: [tet - 1, tet, tet + 1, tet + 2, tet + 3],
    hungKings: month3.firstDay + 9,
    tetNewMoon: month1.newMoon,
    tetNewMoonMarginSeconds: month1.newMoonMarginSeconds,
    hungKingsNewMoon: month3.newMoon,
    hungKingsNewMoonMarginSeconds: month3.newMoonMarginSeconds,
    solarTermMarginSeconds: Math.min(month1.solarTermMarginSeconds, month3.solarTermMarginSeconds),
  };
}
