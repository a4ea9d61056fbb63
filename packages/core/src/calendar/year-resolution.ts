import type { DayReason } from './day-kind.js';
import { noNoticeWarning } from './explain.js';
import { dayNumberOf, isoWeekdayOf, parseLocalDate, yearOf } from './local-date.js';
import type { ResolvedOfficeHours } from './office-hours.js';
import type { HolidaySchedule, StatutoryHolidayRule } from './schedule-schema.js';
import { type ComputedHoliday, statutoryAdditionsOf, statutoryHolidaysOf } from './statutory-holidays.js';

/** Where a calendar's holiday data comes from. */
export interface HolidaySources {
  readonly office: ResolvedOfficeHours;
  readonly schedules: readonly HolidaySchedule[];
  readonly statutoryAdditions: readonly StatutoryHolidayRule[];
  readonly useDateHolidays: boolean;
}

/** The resolved exceptions of one year: days whose status differs from the plain weekly pattern. */
export interface ResolvedYear {
  readonly year: number;
  /** Day number → reason. A `make-up-working-day` reason makes the day working; every other, a day off. */
  readonly days: ReadonlyMap<number, DayReason>;
  /** Ids of the official yearly notices loaded for this year (empty: provisional year). */
  readonly officialSchedules: readonly string[];
  readonly warnings: readonly string[];
}

const AUTO_COMPENSATORY_SOURCE =
  'Bộ luật Lao động 45/2019/QH14, điều 111(3) (tính tự động, chưa có thông báo)';

/**
 * Resolves the days off and make-up days of one year, in layers:
 * 1. statutory holidays (date-holidays, then additions in force that year);
 * 2. without an official notice for the year: compensatory days by art. 111(3);
 * 3. every schedule's entries for the year, in order (a later entry wins on the same date).
 * An official notice for the year replaces the computed Tết block and the automatic compensatory days.
 */
export function resolveYear(year: number, sources: HolidaySources): ResolvedYear {
  const official = sources.schedules.filter((s) => s.officialYear === year);
  const days = new Map<number, DayReason>();
  const warnings: string[] = [];
  const computed: ComputedHoliday[] = [
    ...(sources.useDateHolidays ? statutoryHolidaysOf(year) : []),
    ...statutoryAdditionsOf(year, sources.statutoryAdditions),
  ].filter((h) => !(official.length > 0 && h.kind === 'tet'));
  computed.sort((a, b) => a.day - b.day);
  for (const h of computed) {
    if (!days.has(h.day)) days.set(h.day, { kind: h.kind, name: h.name, nameEn: h.nameEn, source: h.source });
  }
  if (official.length === 0) {
    const restDay = (d: number) => sources.office.weekday[isoWeekdayOf(d)]!.total === 0;
    for (const h of computed) {
      if (!h.compensatory || !restDay(h.day)) continue;
      let d = h.day + 1;
      while (restDay(d) || days.has(d)) d++;
      days.set(d, {
        kind: 'compensatory',
        name: `Nghỉ bù ${h.name}`,
        nameEn: h.nameEn ? `${h.nameEn}, compensatory day` : undefined,
        source: AUTO_COMPENSATORY_SOURCE,
      });
    }
    if (sources.useDateHolidays) {
      warnings.push(noNoticeWarning(year, 'en'));
    }
  }
  const first = dayNumberOf(year, 1, 1);
  const last = dayNumberOf(year, 12, 31);
  for (const schedule of sources.schedules) {
    for (const entry of schedule.entries) {
      const d = parseLocalDate(entry.date);
      if (d < first || d > last) continue;
      days.set(d, {
        kind: entry.kind,
        name: entry.name,
        nameEn: entry.nameEn,
        source: entry.source,
        confidence: entry.confidence,
        scheduleId: schedule.id,
        note: entry.note,
      });
    }
  }
  for (const [d] of days) if (yearOf(d) !== year) days.delete(d);
  return { year, days, officialSchedules: official.map((s) => s.id), warnings };
}
