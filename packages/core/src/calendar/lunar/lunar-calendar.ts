import { CalendarError } from '../../errors/calendar-error.js';
import { lunationNear, newMoonJde } from './new-moon.js';
import { jdeOfSolarLongitude } from './sun-longitude.js';
import { instantOfJde, JD_UNIX_EPOCH } from './time-scales.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Lunar years a {@link LunarCalendar} answers for (the Gregorian year in which each one begins). */
export const LUNAR_MIN_YEAR = 1950;
/** Lunar years a {@link LunarCalendar} answers for (the Gregorian year in which each one begins). */
export const LUNAR_MAX_YEAR = 2300;

/** One month of the lunisolar calendar. */
export interface LunarMonth {
  /** The lunar year: the Gregorian year in which its month 1 (Tết) begins. */
  readonly year: number;
  /** 1–12; a leap month (tháng nhuận) repeats the number of the month before it. */
  readonly month: number;
  readonly leap: boolean;
  /** Day number (days since 1970-01-01) of its first day (mùng 1), in the calendar's time zone. */
  readonly firstDay: number;
  /** 29 or 30. */
  readonly length: number;
  /** The new moon (sóc) that begins the month, epoch milliseconds (UTC). */
  readonly newMoon: number;
  /**
   * Seconds between that new moon and the nearest local midnight. Within a minute or so, the
   * month's first day depends on the precision of the new moon and of the ΔT prediction.
   */
  readonly newMoonMarginSeconds: number;
  /**
   * Seconds between a major solar term (trung khí) that decides the month numbers and the nearest
   * local midnight that begins a month, over the months from one month 11 to the next: the winter
   * solstices (they fix the months 11) and, when 13 months begin in between, every term (they fix
   * the leap month). A term that close to a month's boundary could move month 11 or the leap month.
   */
  readonly solarTermMarginSeconds: number;
}

/** One lunar year: its months in order, from month 1 to month 12, a leap month in its place. */
export interface LunarYear {
  readonly year: number;
  readonly months: readonly LunarMonth[];
  /** The number of the leap month, or 0 when the year has none. */
  readonly leapMonth: number;
}

/** A date of the lunisolar calendar. */
export interface LunarDate {
  /** The lunar year: the Gregorian year in which its month 1 (Tết) begins. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

/**
 * A lunisolar calendar computed astronomically by the rules of the Vietnamese calendar as set
 * out by Hồ Ngọc Đức ("Thuật toán tính âm lịch", informatik.uni-leipzig.de/~duc/amlich), in a
 * fixed UTC offset:
 *
 * 1. a month begins on the local day that contains the new moon (sóc);
 * 2. the winter solstice (Đông chí) always falls in month 11;
 * 3. when 13 months begin from one month 11 to the next, one of them is leap: the first after
 *    the first month 11 that contains no major solar term (trung khí); it repeats the number of
 *    the month before it;
 * 4. Vietnam computes its calendar for the meridian 105° E, UTC+7 (since 1968; UTC+8 before).
 *
 * New moons after Meeus chapter 49, the Sun after Meeus chapter 25 with VSOP87, ΔT after
 * Espenak–Meeus. Built per year on demand and cached (a few milliseconds per year).
 *
 * @example
 * ```ts
 * const vn = new LunarCalendar();   // UTC+7
 * localDateOf(vn.toSolar({ year: 2026, month: 1, day: 1, leap: false }));  // '2026-02-17'
 * localDateOf(vn.toSolar({ year: 2050, month: 3, day: 10, leap: false })); // '2050-04-01'
 * ```
 */
export class LunarCalendar {
  /** The UTC offset of the calendar's days, minutes (Vietnam: 420). */
  readonly offsetMinutes: number;
  private readonly offsetMs: number;
  /** Per Gregorian year: the months from the month 11 of the year before up to its own. */
  private readonly segments = new Map<number, readonly LunarMonth[]>();
  private readonly years = new Map<number, LunarYear>();

  /** @throws {@link CalendarError} `INVALID_OPTION` for an offset that is not whole minutes within ±14 h. */
  constructor(offsetMinutes = 420) {
    if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
      throw new CalendarError(
        'INVALID_OPTION',
        'offsetMinutes',
        offsetMinutes,
        'expected whole minutes within ±14 h',
      );
    }
    this.offsetMinutes = offsetMinutes;
    this.offsetMs = offsetMinutes * MS_PER_MINUTE;
  }

  /**
   * The lunar year that begins (month 1, day 1) in Gregorian year `year`.
   * @throws {@link CalendarError} `OUT_OF_RANGE` outside {@link LUNAR_MIN_YEAR}–{@link LUNAR_MAX_YEAR}.
   */
  year(year: number): LunarYear {
    if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
      throw new CalendarError('OUT_OF_RANGE', 'year', year, `expected ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
    }
    const cached = this.years.get(year);
    if (cached) return cached;
    const here = this.segment(year);
    const first = here.findIndex((m) => m.month === 1 && !m.leap);
    // Months 11 and 12 (and a leap 11 or 12) begin the next segment.
    const months = [...here.slice(first), ...this.segment(year + 1).filter((m) => m.month >= 11)];
    const leap = months.find((m) => m.leap);
    const out: LunarYear = { year, months, leapMonth: leap ? leap.month : 0 };
    this.years.set(year, out);
    return out;
  }

  /**
   * The day number (days since 1970-01-01, local) of a lunar date.
   * @throws {@link CalendarError} `INVALID_DATE` for a month or day the year does not have
   * (a leap month in a year without it, day 30 of a 29-day month); `OUT_OF_RANGE` for the year.
   */
  toSolar(date: LunarDate): number {
    const y = this.year(date.year);
    const month = y.months.find((m) => m.month === date.month && m.leap === date.leap);
    if (!month) {
      throw new CalendarError(
        'INVALID_DATE',
        'month',
        date.month,
        `lunar year ${date.year} has no such month`,
      );
    }
    if (!Number.isInteger(date.day) || date.day < 1 || date.day > month.length) {
      throw new CalendarError('INVALID_DATE', 'day', date.day, `expected 1–${month.length}`);
    }
    return month.firstDay + date.day - 1;
  }

  /**
   * The lunar date of a day number (days since 1970-01-01, local).
   * @throws {@link CalendarError} `OUT_OF_RANGE` outside the calendar's years.
   */
  fromSolar(dayNumber: number): LunarDate {
    const gy = new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
    let y = this.year(gy);
    if (dayNumber < y.months[0]!.firstDay) y = this.year(gy - 1);
    let i = y.months.length - 1;
    while (y.months[i]!.firstDay > dayNumber) i--;
    const m = y.months[i]!;
    return { year: y.year, month: m.month, day: dayNumber - m.firstDay + 1, leap: m.leap };
  }

  /** The months from the winter-solstice month of `year - 1` up to, not including, that of `year`. */
  private segment(year: number): readonly LunarMonth[] {
    const cached = this.segments.get(year);
    if (cached) return cached;
    const start = this.solsticeMonthLunation(year - 1);
    const end = this.solsticeMonthLunation(year);
    const lunations: { newMoon: number; firstDay: number }[] = [];
    for (let k = start; k <= end; k++) {
      const newMoon = instantOfJde(newMoonJde(k));
      lunations.push({ newMoon, firstDay: this.dayOf(newMoon) });
    }
    // The 13 major solar terms from the winter solstice of year − 1 to that of year.
    const terms: number[] = [];
    let jde = winterSolsticeJde(year - 1);
    for (let i = 0; i <= 12; i++) {
      if (i > 0) jde = jdeOfSolarLongitude((270 + 30 * i) % 360, jde + 30.44);
      terms.push(instantOfJde(jde));
    }
    const termDays = terms.map((t) => this.dayOf(t));
    const count = lunations.length - 1; // 12 or 13 months
    const hasTerm = (i: number) =>
      termDays.some((d) => d >= lunations[i]!.firstDay && d < lunations[i + 1]!.firstDay);
    let leapIndex = -1;
    if (count === 13) {
      for (let i = 1; i < 13 && leapIndex < 0; i++) if (!hasTerm(i)) leapIndex = i;
    }
    // The solstices fix the months 11; the other terms matter only where a month may be leap.
    const deciding = count === 13 ? terms : [terms[0]!, terms[12]!];
    let solarTermMarginSeconds = Number.POSITIVE_INFINITY;
    for (const t of deciding) {
      for (const l of lunations) {
        const midnight = l.firstDay * MS_PER_DAY - this.offsetMs;
        solarTermMarginSeconds = Math.min(solarTermMarginSeconds, Math.abs(t - midnight) / 1000);
      }
    }
    const months: LunarMonth[] = [];
    let number = 11;
    let lunarYear = year - 1;
    for (let i = 0; i < count; i++) {
      const leap = i === leapIndex;
      if (i > 0 && !leap) number = (number % 12) + 1;
      if (number === 1 && !leap) lunarYear = year;
      const l = lunations[i]!;
      months.push({
        year: lunarYear,
        month: number,
        leap,
        firstDay: l.firstDay,
        length: lunations[i + 1]!.firstDay - l.firstDay,
        newMoon: l.newMoon,
        newMoonMarginSeconds: this.midnightMarginSeconds(l.newMoon),
        solarTermMarginSeconds,
      });
    }
    this.segments.set(year, months);
    return months;
  }

  /** The lunation number of the new moon that begins the month containing the winter solstice. */
  private solsticeMonthLunation(year: number): number {
    const ws = winterSolsticeJde(year);
    const solsticeDay = this.dayOf(instantOfJde(ws));
    let k = lunationNear(ws);
    while (this.dayOf(instantOfJde(newMoonJde(k))) > solsticeDay) k--;
    while (this.dayOf(instantOfJde(newMoonJde(k + 1))) <= solsticeDay) k++;
    return k;
  }

  /** The local day number of an instant. */
  private dayOf(ms: number): number {
    return Math.floor((ms + this.offsetMs) / MS_PER_DAY);
  }

  /** Seconds from an instant to the nearest local midnight. */
  private midnightMarginSeconds(ms: number): number {
    const into = (((ms + this.offsetMs) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    return Math.min(into, MS_PER_DAY - into) / 1000;
  }
}

const solstices = new Map<number, number>();

/** JDE of the December solstice of `year` (an instant, the same in every zone: cached once). */
function winterSolsticeJde(year: number): number {
  let jde = solstices.get(year);
  if (jde === undefined) {
    jde = jdeOfSolarLongitude(270, julianDayOf(year, 12, 21));
    solstices.set(year, jde);
  }
  return jde;
}

/** Julian Day at 00:00 UT of a Gregorian date. */
function julianDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + JD_UNIX_EPOCH;
}
