import Holidays from 'date-holidays';
import { dayNumberOf, parseLocalDate } from './local-date.js';
import type { StatutoryHolidayRule } from './schedule-schema.js';

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

const LABOUR_CODE = 'Bộ luật Lao động 45/2019/QH14, điều 112 (tính bằng date-holidays)';
const MS_PER_DAY = 86_400_000;

let vietnam: Holidays | undefined;
const byYear = new Map<number, readonly ComputedHoliday[]>();

/**
 * Labour Code art. 112 holidays of `year` from date-holidays (country VN, public holidays only;
 * lunar dates on the Vietnamese calendar, UTC+7). Tết comes as the 5-day block 1 day before
 * mùng 1 to mùng 4. Cached per year: date-holidays takes milliseconds per year.
 */
export function dateHolidaysOf(year: number): readonly ComputedHoliday[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  vietnam ??= new Holidays('VN', { types: ['public'] });
  const seen = new Set<number>();
  const out: ComputedHoliday[] = [];
  for (const h of vietnam.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const first = parseLocalDate(h.date.slice(0, 10), 'date-holidays');
    const span = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
    const tet = /vietnamese 1-0-1/.test(h.rule ?? '');
    for (let d = first; d < first + span; d++) {
      if (seen.has(d)) continue;
      seen.add(d);
      out.push({
        day: d,
        kind: tet ? 'tet' : 'holiday',
        name: tet ? 'Tết Nguyên đán' : h.name,
        nameEn: tet ? 'Lunar New Year' : undefined,
        source: LABOUR_CODE,
        compensatory: true,
      } as ComputedHoliday);
    }
  }
  out.sort((a, b) => a.day - b.day);
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
