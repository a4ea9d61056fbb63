/**
 * An independent Vietnamese lunisolar calendar, computed astronomically (new moons after Meeus,
 * the Sun after VSOP87, ΔT after Espenak–Meeus) by the rules set out by Hồ Ngọc Đức. It shares no
 * code with date-holidays: the tests check date-holidays' lunar holidays against it over the whole
 * range of the working calendar.
 */
export { deltaTSeconds } from './delta-t.js';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  LunarCalendar,
  type LunarDate,
  type LunarMonth,
  type LunarYear,
} from './lunar-calendar.js';
export { type LunarHolidayDates, lunarHolidayDates, vietnameseLunarCalendar } from './lunar-holiday-dates.js';
export { lunationNear, newMoonJde, SYNODIC_MONTH } from './new-moon.js';
export { apparentSolarLongitude, jdeOfSolarLongitude } from './sun-longitude.js';
export { instantOfJde, jdeOfInstant } from './time-scales.js';
