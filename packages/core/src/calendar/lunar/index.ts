/**
 * An independent Vietnamese lunisolar calendar, computed astronomically (new moons after Meeus,
 * the Sun after VSOP87, ΔT after Espenak–Meeus) by the rules set out by Hồ Ngọc Đức. It shares no
 * code with date-holidays: the tests check date-holidays' lunar holidays against it over the whole
 * range of the working calendar.
 */

export { LunarCalendar } from './lunar-calendar.js';
export { type LunarHolidayDates, lunarHolidayDates } from './lunar-holiday-dates.js';
