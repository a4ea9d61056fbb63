/**
 * The statutory holidays as date-holidays computes them: the source of the generated table
 * `src/calendar/statutory-holiday-table.ts` (see ./generate.ts) and of the tests that check it.
 * Not published: the calendar ships the table, so it needs neither date-holidays nor date-chinese.
 */
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { parseLocalDate } from '../../src/calendar/local-date.js';
import type { ComputedHoliday } from '../../src/calendar/statutory-holidays.js';
import { dateHolidaysLunarDay } from './date-holidays-lunar.js';

/**
 * A lunar rule of date-holidays' VN data, e.g. `vietnamese 3-0-10` (10/3) or
 * `1 day before vietnamese 1-0-1 P5D` (the Tết block: 5 days from the last day of the year).
 */
export interface DateHolidaysLunarRule {
  /** The rule as date-holidays writes it. */
  readonly rule: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly month: number;
  readonly leap: boolean;
  readonly day: number;
  /** Days from the lunar date to the first day of the holiday (−1: the day before). */
  readonly offset: number;
  /** Number of days. */
  readonly span: number;
  /** Whether the holiday is part of the Tết block (its lunar date is 1/1). */
  readonly tet: boolean;
}

import { LABOUR_CODE } from '../../src/calendar/statutory-holidays.js';

const MS_PER_DAY = 86_400_000;
/** `[N day(s) before|after ]vietnamese M-L-D[ PnD]`: the lunar grammar of date-holidays' VN data. */
const LUNAR_RULE = /^(?:(\d+) days? (before|after) )?vietnamese (\d{1,2})-([01])-(\d{1,2})(?: P(\d+)D)?$/;

interface Source {
  /** date-holidays for VN with its lunar rules switched off: the fixed-date holidays. */
  readonly fixed: Holidays;
  /** Its lunar rules, evaluated by {@link dateHolidaysLunarDay}. */
  readonly lunar: readonly DateHolidaysLunarRule[];
}

let source: Source | undefined;
const byYear = new Map<number, readonly ComputedHoliday[]>();
const lunarByYear = new Map<number, readonly ComputedHoliday[]>();

/**
 * Parses a lunar rule of date-holidays (`vietnamese 3-0-10`, `1 day before vietnamese 1-0-1 P5D`);
 * `undefined` for any other rule.
 */
function parseDateHolidaysLunarRule(
  rule: string,
  name: string,
  nameEn?: string,
): DateHolidaysLunarRule | undefined {
  const m = LUNAR_RULE.exec(rule);
  if (!m) return undefined;
  const shift = m[1] ? Number(m[1]) * (m[2] === 'before' ? -1 : 1) : 0;
  const month = Number(m[3]);
  const day = Number(m[5]);
  return {
    rule,
    name,
    ...(nameEn ? { nameEn } : {}),
    month,
    leap: m[4] === '1',
    day,
    offset: shift,
    span: m[6] ? Number(m[6]) : 1,
    tet: month === 1 && day === 1,
  };
}

function vietnamSource(): Source {
  if (source) return source;
  const fixed = new Holidays('VN', { types: ['public'] });
  const lunar: DateHolidaysLunarRule[] = [];
  for (const r of fixed.getRules() as unknown as HolidaysTypes.HolidayRule[]) {
    // A rule with year-by-year options (active ranges, disabled or moved days) stays with date-holidays.
    if (r.type !== 'public' || r.active || r.disabled || r.enabled || r.substitute) continue;
    const names = typeof r.name === 'string' ? { vi: r.name } : r.name;
    const parsed = parseDateHolidaysLunarRule(r.rule, names.vi ?? r.rule, names.en);
    if (!parsed) continue;
    lunar.push(parsed);
    fixed.unsetRule(r.rule);
  }
  source = { fixed, lunar };
  return source;
}

/** The lunar rules of date-holidays' VN public holidays, as {@link dateHolidaysOf} evaluates them. */
export function dateHolidaysLunarRules(): readonly DateHolidaysLunarRule[] {
  return vietnamSource().lunar;
}

/**
 * The lunar Labour Code art. 112 holidays of Gregorian year `year` (the Tết block, Giỗ Tổ Hùng
 * Vương): date-holidays' VN rules, each lunar date converted by {@link dateHolidaysLunarDay}
 * (date-holidays' own conversion, rounded to the local day). Cached per year.
 */
export function dateHolidaysLunarOf(year: number): readonly ComputedHoliday[] {
  const cached = lunarByYear.get(year);
  if (cached) return cached;
  const out: ComputedHoliday[] = [];
  for (const r of vietnamSource().lunar) {
    const first = dateHolidaysLunarDay(year, r.month, r.leap, r.day) + r.offset;
    for (let d = first; d < first + r.span; d++) {
      out.push({
        day: d,
        kind: r.tet ? 'tet' : 'holiday',
        name: r.tet ? 'Tết Nguyên đán' : r.name,
        ...(r.tet ? { nameEn: 'Lunar New Year' } : {}),
        source: LABOUR_CODE,
        compensatory: true,
      });
    }
  }
  const unique = dedupe(out);
  lunarByYear.set(year, unique);
  return unique;
}

/**
 * Labour Code art. 112 holidays of `year` from date-holidays (country VN, public holidays only):
 * the fixed-date ones as date-holidays computes them, the lunar ones by {@link dateHolidaysLunarOf}.
 * Tết comes as the 5-day block 1 day before mùng 1 to mùng 4. Cached per year: date-holidays
 * takes milliseconds per year.
 */
export function dateHolidaysOf(year: number): readonly ComputedHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  const out: ComputedHoliday[] = [...dateHolidaysLunarOf(year)];
  for (const h of vietnamSource().fixed.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const first = parseLocalDate(h.date.slice(0, 10), 'date-holidays');
    const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
    for (let d = first; d < first + span; d++) {
      out.push({ day: d, kind: 'holiday', name: h.name, source: LABOUR_CODE, compensatory: true });
    }
  }
  const unique = dedupe(out);
  byYear.set(year, unique);
  return unique;
}

/** One holiday per day (the first listed wins), sorted by day. */
function dedupe(holidays: readonly ComputedHoliday[]): ComputedHoliday[] {
  const seen = new Set<number>();
  const out: ComputedHoliday[] = [];
  for (const h of holidays) {
    if (seen.has(h.day)) continue;
    seen.add(h.day);
    out.push(h);
  }
  out.sort((a, b) => a.day - b.day);
  return out;
}
