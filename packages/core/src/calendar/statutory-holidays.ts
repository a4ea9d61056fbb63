import { dayNumberOf, parseLocalDate } from './local-date.js';
import type { StatutoryHolidayRule } from './schedule-schema.js';
import {
  STATUTORY_HOLIDAY_NAMES,
  STATUTORY_HOLIDAY_TABLE,
  STATUTORY_HOLIDAY_TABLE_FIRST_YEAR,
} from './statutory-holiday-table.js';

/** A statutory holiday on one day, before the yearly notices are applied. */
export interface ComputedHoliday {
  readonly day: number;
  readonly kind: 'holiday' | 'tet';
  readonly name: string;
  readonly nameEn?: string;
  readonly source: string;
  /** Whether art. 111(3) gives a compensatory day when it falls on a weekly rest day. */
  readonly compensatory: boolean;
}

/** The source named on every holiday of the table. */
export const LABOUR_CODE = 'Bộ luật Lao động 45/2019/QH14, điều 112 (tính bằng date-holidays)';

const byYear = new Map<number, readonly ComputedHoliday[]>();
let rows: readonly string[] | undefined;

/**
 * The Labour Code art. 112 holidays of `year` (ngày nghỉ lễ, Tết): the fixed-date ones and the lunar
 * Tết block (1 day before mùng 1 to mùng 4) and Giỗ Tổ Hùng Vương (10/3), one per day, sorted.
 * They come from a table generated from date-holidays (its VN public holidays, lunar dates by the
 * conversion it uses, rounded to the local day) and checked against it and against an independent
 * Vietnamese lunar calendar for every year the calendar answers for; `[]` outside that range.
 * Cached per year.
 */
export function statutoryHolidaysOf(year: number): readonly ComputedHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  rows ??= STATUTORY_HOLIDAY_TABLE.split('|');
  const row = rows[year - STATUTORY_HOLIDAY_TABLE_FIRST_YEAR];
  const out: ComputedHoliday[] = [];
  if (row !== undefined) {
    const jan1 = dayNumberOf(year, 1, 1);
    for (let i = 0; i + 3 <= row.length; i += 3) {
      const day = jan1 + Number.parseInt(row.slice(i, i + 2), 36);
      const [kind, name, nameEn] = STATUTORY_HOLIDAY_NAMES[Number.parseInt(row[i + 2]!, 36)]!;
      out.push({
        day,
        kind,
        name,
        ...(nameEn ? { nameEn } : {}),
        source: LABOUR_CODE,
        compensatory: true,
      });
    }
  }
  byYear.set(year, out);
  return out;
}

/** The days of `year` on which a statutory addition (e.g. 24/11 from 2026) is in force. */
export function statutoryAdditionsOf(
  year: number,
  rules: readonly StatutoryHolidayRule[],
): ComputedHoliday[] {
  const out: ComputedHoliday[] = [];
  for (const rule of rules) {
    const day = dayNumberOf(year, rule.month, rule.day);
    if (day < parseLocalDate(rule.effectiveFrom)) continue;
    if (rule.effectiveTo !== undefined && day > parseLocalDate(rule.effectiveTo)) continue;
    out.push({
      day,
      kind: 'holiday',
      name: rule.name,
      ...(rule.nameEn ? { nameEn: rule.nameEn } : {}),
      source: rule.source,
      compensatory: rule.compensatory,
    });
  }
  return out;
}
