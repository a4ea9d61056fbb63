import type { LocalDate } from '../calendar/local-date.js';
import type { TimeLimit } from '../calendar/time-limit.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { MotcuaError } from '../errors/motcua-error.js';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;
const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

interface LocalParts {
  readonly year: string;
  readonly month: number;
  readonly day: number;
  readonly hour: string;
  readonly minute: string;
}

function toDate(value: Date | string, field: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new MotcuaError('INVALID_DATE', `${field}: expected a Date or an ISO 8601 instant`, {
      field,
      value: String(value),
    });
  }
  return date;
}

function localParts(value: Date | string, calendar: WorkingCalendar, field: string): LocalParts {
  const text =
    typeof value === 'string' && DATE_ONLY_RE.test(value)
      ? `${value} 00:00`
      : calendar.format(toDate(value, field));
  const m = LOCAL_RE.exec(text);
  if (!m) throw new MotcuaError('INVALID_DATE', `${field}: cannot read ${text}`, { field, value: text });
  return { year: m[1]!, month: Number(m[2]), day: Number(m[3]), hour: m[4] ?? '00', minute: m[5] ?? '00' };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Day and month as written in Vietnamese official documents (Decree 30/2020/NĐ-CP, Annex I):
 * a day below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02", "ngày 12 tháng 3").
 */
function dayMonth(p: LocalParts): string {
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/**
 * Writes an instant as on the forms (ngày giờ tiếng Việt), in the calendar's time zone whatever
 * the process time zone is: `"10 giờ 05 phút, ngày 12 tháng 02 năm 2026"`.
 * Hours and minutes take two digits; days and months follow Decree 30/2020 (see
 * {@link formatVietnameseDate}).
 * @param date a `Date` or an ISO 8601 instant.
 * @throws `MotcuaError` `INVALID_DATE` for an unreadable date.
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core/calendar';
 * import { formatVietnameseDateTime } from '@motcua/core/forms';
 * formatVietnameseDateTime(new Date('2026-02-12T03:05:00Z'), vietnamCalendar());
 * // '10 giờ 05 phút, ngày 12 tháng 02 năm 2026'
 * ```
 */
export function formatVietnameseDateTime(date: Date | string, calendar: WorkingCalendar): string {
  const p = localParts(date, calendar, 'date');
  return `${p.hour} giờ ${p.minute} phút, ${dayMonth(p)}`;
}

/**
 * Writes a date as on the forms: `"ngày 12 tháng 02 năm 2026"`, `"ngày 04 tháng 3 năm 2026"`.
 * A day below 10 and the months 1 and 2 take a leading zero (Decree 30/2020/NĐ-CP, Annex I).
 * @param date a `Date` or ISO instant (its local date in the calendar's zone), or a `'YYYY-MM-DD'` local date.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core/calendar';
 * import { formatVietnameseDate } from '@motcua/core/forms';
 * formatVietnameseDate('2026-02-12', vietnamCalendar()); // 'ngày 12 tháng 02 năm 2026'
 * ```
 */
export function formatVietnameseDate(date: Date | string | LocalDate, calendar: WorkingCalendar): string {
  return dayMonth(localParts(date, calendar, 'date'));
}

/**
 * The place-and-date line of a letterhead: `"Hưng Nguyên, ngày 12 tháng 02 năm 2026"`.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core/calendar';
 * import { formatPlaceDate } from '@motcua/core/forms';
 * formatPlaceDate('Hưng Nguyên', '2026-02-12T09:00:00+07:00', vietnamCalendar()); // 'Hưng Nguyên, ngày 12 tháng 02 năm 2026'
 * ```
 */
export function formatPlaceDate(place: string, date: Date | string, calendar: WorkingCalendar): string {
  return `${place}, ${formatVietnameseDate(date, calendar)}`;
}

/**
 * A short local date and time for table cells: `"10:05 12/02/2026"`.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core/calendar';
 * import { formatShortDateTime } from '@motcua/core/forms';
 * formatShortDateTime('2026-02-12T10:05:00+07:00', vietnamCalendar()); // '10:05 12/02/2026'
 * ```
 */
export function formatShortDateTime(date: Date | string, calendar: WorkingCalendar): string {
  const p = localParts(date, calendar, 'date');
  return `${p.hour}:${p.minute} ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/**
 * A count as printed on forms: whole numbers below 10 with a leading zero ("01"), decimals with a comma.
 *
 * @example
 * ```ts
 * import { formatCount } from '@motcua/core/forms';
 * formatCount(3); // '03'
 * ```
 */
export function formatCount(n: number): string {
  if (Number.isInteger(n)) return n >= 0 && n < 10 ? two(n) : String(n);
  return String(n).replace('.', ',');
}

function cutoffText(cutoff: string | undefined): string {
  if (!cutoff) return '';
  const [h, m] = cutoff.split(':');
  return ` (hồ sơ nhận sau ${h} giờ ${m} phút được tính từ ngày làm việc tiếp theo)`;
}

/**
 * The legal time limit as written on Form 01, item (3) (thời hạn giải quyết):
 * `{ workingDays: 7 }` → `"07 ngày làm việc"`, `{ workingHours: 4 }` → `"04 giờ làm việc"`,
 * `{ calendarDays: 30 }` → `"30 ngày"`, `{ sameDay: true }` → `"Trong ngày"`. A cut-off the limit
 * names is added in brackets.
 *
 * @example
 * ```ts
 * import { describeTimeLimit } from '@motcua/core/forms';
 * describeTimeLimit({ workingDays: 7 }); // '07 ngày làm việc'
 * describeTimeLimit({ sameDay: true }); // 'Trong ngày'
 * ```
 */
export function describeTimeLimit(limit: TimeLimit): string {
  if ('workingDays' in limit)
    return `${formatCount(limit.workingDays)} ngày làm việc${cutoffText(limit.cutoff)}`;
  if ('workingHours' in limit)
    return `${formatCount(limit.workingHours)} giờ làm việc${cutoffText(limit.cutoff)}`;
  if ('calendarDays' in limit) return `${formatCount(limit.calendarDays)} ngày${cutoffText(limit.cutoff)}`;
  return `Trong ngày${cutoffText(limit.cutoff)}`;
}
