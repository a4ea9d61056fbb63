import { CalendarError } from '../errors/calendar-error.js';
import type { DayInfo, DayKind } from './day-kind.js';
import {
  buildDayTable,
  type DayTable,
  lowerBound,
  midnightOf,
  upperBound,
  workedWithinDay,
} from './day-table.js';
import { type DueDateExplanation, type ExplainOptions, explainDueDate, noNoticeWarning } from './explain.js';
import { isoWeekdayOf, type LocalDate, localDateOf, parseLocalDate, yearOf } from './local-date.js';
import { type ResolvedLimit, resolveTimeLimit, type TimeLimit } from './time-limit.js';
import { type CalendarZone, formatLocalMinute } from './time-zone.js';
import { type HolidaySources, type ResolvedYear, resolveYear } from './year-resolution.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
/** Years a calendar can answer for. */
export const CALENDAR_MIN_YEAR = 1976;
/** Years a calendar can answer for. */
export const CALENDAR_MAX_YEAR = 2200;
/**
 * The first and last instants (ms since the epoch) a calendar takes: its years with a day's margin
 * for the time zone. Anything outside is refused before it reaches the calendar's tables.
 */
export const CALENDAR_INSTANT_RANGE = {
  first: Date.UTC(CALENDAR_MIN_YEAR - 1, 11, 31),
  last: Date.UTC(CALENDAR_MAX_YEAR + 1, 0, 2) - 1,
} as const;

/** What is known about one year's data. */
export interface YearInfo {
  readonly year: number;
  /** Ids of the official yearly notices loaded for the year. */
  readonly officialSchedules: readonly string[];
  /** True when no official notice is loaded: Tết and compensatory days are computed. */
  readonly provisional: boolean;
  readonly warnings: readonly string[];
}

/** Everything a {@link WorkingCalendar} is built from (see {@link vietnamCalendar}). */
export interface WorkingCalendarConfig extends HolidaySources {
  readonly timeZone: string;
  readonly zone: CalendarZone;
  /** Default cut-off of `sameDay` limits, ms after midnight. */
  readonly sameDayCutoffMs: number;
}

/**
 * A working-time calendar (lịch làm việc) of one office: which days are worked, the working
 * sessions of each, and deadline arithmetic in working time. Build one with {@link vietnamCalendar}.
 *
 * Instants are `Date`s; dates are `'YYYY-MM-DD'` strings in the calendar's time zone
 * (`Asia/Ho_Chi_Minh` by default), whatever the process's own time zone. Queries run on a
 * precomputed table (O(1) day lookup, one binary search): no query walks day by day.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core/calendar';
 * const calendar = vietnamCalendar();
 * calendar.isWorkingDay('2026-02-17');                 // false — Tết, mùng 1
 * calendar.dueDate(new Date('2026-02-13T09:00:00+07:00'), { workingDays: 3 });
 * // → 2026-02-25T17:00+07:00: Tết (16–20/02) and two weekends are skipped
 * ```
 */
export class WorkingCalendar {
  /** IANA time zone of the office. */
  readonly timeZone: string;
  private readonly config: WorkingCalendarConfig;
  private table: DayTable | undefined;
  private readonly years = new Map<number, ResolvedYear>();
  /** The day number {@link WorkingCalendar.localDate} answered last, and its text. */
  private lastDay = Number.NaN;
  private lastDate: LocalDate = '';

  constructor(config: WorkingCalendarConfig) {
    this.config = config;
    this.timeZone = config.timeZone;
  }

  /** Working minutes that make one working day in `'elapsed'` counting (default 480). */
  get workingDayMinutes(): number {
    return this.config.office.workingDayMs / MS_PER_MINUTE;
  }

  // ---------------------------------------------------------------- days

  /**
   * Whether `date` is a working day (ngày làm việc). A `Date` stands for its local date.
   * @throws {@link CalendarError} `INVALID_DATE` for a malformed or impossible date.
   * @example
   * ```ts
   * calendar.isWorkingDay('2026-01-10'); // true — make-up Saturday for Friday 02/01
   * calendar.isWorkingDay('2026-11-24'); // false — Ngày Văn hóa Việt Nam
   * ```
   */
  isWorkingDay(date: Date | LocalDate): boolean {
    const day = this.dayOf(date, 'date');
    const table = this.cover(day);
    return table.tpl[day - table.first] !== 0;
  }

  /** Status, sessions and reason of one day. */
  dayInfo(date: Date | LocalDate): DayInfo {
    const day = this.dayOf(date, 'date');
    return this.infoOf(day, this.cover(day));
  }

  /** Every day from `from` to `to`, both included. */
  days(from: Date | LocalDate, to: Date | LocalDate): DayInfo[] {
    const a = this.dayOf(from, 'from');
    const b = this.dayOf(to, 'to');
    if (b < a) throw new CalendarError('INVALID_DATE', 'to', to, 'is before from');
    const table = this.cover(a, b);
    const out: DayInfo[] = [];
    for (let d = a; d <= b; d++) out.push(this.infoOf(d, table));
    return out;
  }

  /** Which official notices are loaded for `year`, and whether its data is provisional. */
  yearInfo(year: number): YearInfo {
    if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
      throw new CalendarError(
        'OUT_OF_RANGE',
        'year',
        year,
        `expected ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`,
      );
    }
    const y = this.resolved(year);
    return {
      year,
      officialSchedules: y.officialSchedules,
      provisional: y.officialSchedules.length === 0,
      warnings: y.warnings,
    };
  }

  /** The local date (`'YYYY-MM-DD'`) of an instant in the calendar's time zone. */
  localDate(instant: Date): LocalDate {
    const t = this.instant(instant, 'instant');
    const table = this.cover(this.dayOfInstant(t));
    const day = table.first + this.indexIn(table, t);
    // The text of the day asked last is kept: callers ask for the same day many times in a row.
    if (day !== this.lastDay) {
      this.lastDate = localDateOf(day);
      this.lastDay = day;
    }
    return this.lastDate;
  }

  /**
   * The local day of an instant as a day number (days since 1970-01-01), for fast comparisons of
   * local dates on hot paths (no string is built).
   */
  localDayNumber(instant: Date): number {
    return this.dayNumberAt(this.instant(instant, 'instant'));
  }

  /**
   * {@link WorkingCalendar.localDayNumber} of an instant given as milliseconds since the epoch:
   * the same answer, no `Date` read (for hot paths that keep instants as numbers).
   */
  localDayNumberMs(instant: number): number {
    return this.dayNumberAt(this.instantNumber(instant, 'instant'));
  }

  /** Local midnight at the start of `date`. */
  startOfDay(date: Date | LocalDate): Date {
    return new Date(midnightOf(this.dayOf(date, 'date'), this.config.zone));
  }

  /** The close of `date` (the end of its last session), or `null` when it is not a working day. */
  closeOfDay(date: Date | LocalDate): Date | null {
    const day = this.dayOf(date, 'date');
    const table = this.cover(day);
    const i = day - table.first;
    const tpl = table.templates[table.tpl[i]!]!;
    return tpl.total === 0 ? null : new Date(table.start[i]! + tpl.close);
  }

  /** The `n`-th working day after `date` (n ≥ 1), or the first working day on or after it (n = 0). */
  nextWorkingDay(date: Date | LocalDate, n = 1): LocalDate {
    if (!Number.isInteger(n) || n < 0)
      throw new CalendarError('INVALID_LIMIT', 'n', n, 'expected a whole number ≥ 0');
    const day = this.dayOf(date, 'date');
    let table = this.cover(day);
    const i = day - table.first;
    const target = n === 0 ? table.cumDays[i]! + 1 : table.cumDays[i + 1]! + n;
    let k = lowerBound(table.cumDays, target, i + 1, table.n);
    while (k > table.n) {
      table = this.extendForward(table);
      k = lowerBound(table.cumDays, target, i + 1, table.n);
    }
    return localDateOf(table.first + k - 1);
  }

  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: Date | LocalDate, to: Date | LocalDate): number {
    const a = this.dayOf(from, 'from');
    const b = this.dayOf(to, 'to');
    const table = this.cover(Math.min(a, b), Math.max(a, b));
    return table.cumDays[b - table.first + 1]! - table.cumDays[a - table.first + 1]!;
  }

  // ---------------------------------------------------------------- instants

  /** Whether `instant` falls inside a working session (start included, end excluded). */
  isWorkingTime(instant: Date): boolean {
    const t = this.instant(instant, 'instant');
    const table = this.cover(this.dayOfInstant(t));
    const i = this.indexIn(table, t);
    const b = table.templates[table.tpl[i]!]!.bounds;
    const offset = t - table.start[i]!;
    for (let k = 0; k < b.length; k += 2) if (offset >= b[k]! && offset < b[k + 1]!) return true;
    return false;
  }

  /** `instant` itself when it is working time, otherwise the start of the next working session. */
  nextWorkingMoment(instant: Date): Date {
    const t = this.instant(instant, 'instant');
    let table = this.cover(this.dayOfInstant(t));
    const p = this.position(table, t);
    if (p >= table.cumWork[table.n]!) table = this.extendForward(table);
    return new Date(this.instantAt(table, p, 'start'));
  }

  /**
   * Adds working minutes (negative subtracts). A start outside working time counts from the next
   * working moment; a result on a session boundary is the end of the session (e.g. 17:00, not
   * 07:30 the next morning). Fractions are kept to the millisecond. `0` gives the next working moment.
   */
  addWorkingMinutes(instant: Date, minutes: number): Date {
    return new Date(this.addMinutes(this.instant(instant, 'instant'), minutes));
  }

  /**
   * {@link WorkingCalendar.addWorkingMinutes} on milliseconds since the epoch: the same instant,
   * as a number, with no `Date` made (the same table arithmetic underneath).
   * @example
   * ```ts
   * const at = Date.parse('2026-02-13T16:00:00+07:00');            // Friday before Tết
   * new Date(calendar.addWorkingMinutesMs(at, 120)).toISOString(); // '2026-02-23T01:30:00.000Z' (08:30 after Tết)
   * ```
   */
  addWorkingMinutesMs(instant: number, minutes: number): number {
    return this.addMinutes(this.instantNumber(instant, 'instant'), minutes);
  }

  /** Adds working hours; see {@link WorkingCalendar.addWorkingMinutes}. */
  addWorkingHours(instant: Date, hours: number): Date {
    if (typeof hours !== 'number' || !Number.isFinite(hours)) {
      throw new CalendarError('INVALID_LIMIT', 'hours', hours, 'expected a finite number');
    }
    return this.addWorkingMinutes(instant, hours * 60);
  }

  /** Working minutes from `from` to `to` (negative when `to` is earlier). */
  workingMinutesBetween(from: Date, to: Date): number {
    return this.minutesBetween(this.instant(from, 'from'), this.instant(to, 'to'));
  }

  /**
   * {@link WorkingCalendar.workingMinutesBetween} on milliseconds since the epoch (no `Date` read).
   */
  workingMinutesBetweenMs(from: number, to: number): number {
    return this.minutesBetween(this.instantNumber(from, 'from'), this.instantNumber(to, 'to'));
  }

  /**
   * The due time (thời hạn trả kết quả) of a dossier received at `receivedAt` under `limit`.
   * See {@link TimeLimit} for the counting rules.
   * @throws {@link CalendarError} `INVALID_LIMIT` / `INVALID_DATE` naming the bad field.
   * @example
   * ```ts
   * const at = new Date('2026-08-28T10:00:00+07:00');             // Friday
   * calendar.dueDate(at, { workingDays: 2 });                     // Fri 04/09 17:00 (31/08–02/09 off)
   * calendar.dueDate(at, { workingDays: 0.5, counting: 'elapsed' }); // Fri 28/08 15:30
   * calendar.dueDate(at, { workingHours: 8 });                    // Thu 03/09 10:00
   * calendar.dueDate(new Date('2026-08-28T15:30:00+07:00'), { sameDay: true }); // Thu 03/09 17:00
   * ```
   */
  dueDate(receivedAt: Date, limit: TimeLimit): Date {
    const t = this.instant(receivedAt, 'receivedAt');
    return new Date(this.dueMs(t, resolveTimeLimit(limit, this.config.sameDayCutoffMs)));
  }

  /**
   * {@link WorkingCalendar.dueDate} on milliseconds since the epoch: the same due time, as a number.
   */
  dueDateMs(receivedAt: number, limit: TimeLimit): number {
    const t = this.instantNumber(receivedAt, 'receivedAt');
    return this.dueMs(t, resolveTimeLimit(limit, this.config.sameDayCutoffMs));
  }

  /**
   * Why a due date is what it is: every day from receipt to due, whether it counted and why
   * not (weekend, holiday and its name, swap day and its notice), plus warnings for years whose
   * official notice is not loaded.
   * The text, the notes and the warnings are in Vietnamese, the language officers read, unless
   * `options.language` is `'en'`; holiday names and notices are quoted as the schedules give them.
   * @example
   * ```ts
   * console.log(calendar.explain(new Date('2026-02-13T09:00:00+07:00'), { workingDays: 3 }).text);
   * // Tiếp nhận 2026-02-13 09:00; thời hạn: 3 ngày làm việc, tính đến hết ngày. …
   * calendar.explain(new Date('2026-02-13T09:00:00+07:00'), { workingDays: 3 }, { language: 'en' }).text;
   * // Received 2026-02-13 09:00; limit: 3 working day(s), counted to the end of the day. …
   * ```
   */
  explain(receivedAt: Date, limit: TimeLimit, options: ExplainOptions = {}): DueDateExplanation {
    const language = options.language ?? 'vi';
    if (language !== 'vi' && language !== 'en')
      throw new CalendarError('INVALID_OPTION', 'options.language', language, "expected 'vi' or 'en'");
    const t = this.instant(receivedAt, 'receivedAt');
    const resolved = resolveTimeLimit(limit, this.config.sameDayCutoffMs);
    const due = this.dueMs(t, resolved);
    const start = this.countStart(t, resolved);
    const firstDay = this.dayOfInstant(t);
    const lastDay = this.dayOfInstant(due);
    const days = this.days(localDateOf(firstDay), localDateOf(Math.max(firstDay, lastDay)));
    const years = new Set(days.map((d) => Number(d.date.slice(0, 4))));
    const warnings = [...years].flatMap((y) =>
      this.yearInfo(y).warnings.map((w) =>
        language === 'vi' && w === noNoticeWarning(y, 'en') ? noNoticeWarning(y, 'vi') : w,
      ),
    );
    return explainDueDate({
      receivedAt: t,
      countFrom: start.at,
      cutoffApplied: start.cutoffApplied,
      due,
      limit,
      resolved,
      days,
      warnings,
      workedMs: (a, b) => this.minutesBetween(a, b) * MS_PER_MINUTE,
      dayBounds: (date) => {
        const day = parseLocalDate(date);
        return [midnightOf(day, this.config.zone), midnightOf(day + 1, this.config.zone)] as const;
      },
      format: (ms) => formatLocalMinute(ms, this.config.zone),
      receiptDay: localDateOf(firstDay),
      countDay: localDateOf(this.dayOfInstant(start.at)),
      language,
    });
  }

  /** Formats an instant as local `'YYYY-MM-DD HH:mm'`. */
  format(instant: Date): string {
    const t = this.instant(instant, 'instant');
    return formatLocalMinute(t, this.config.zone);
  }

  // ---------------------------------------------------------------- internals

  private dueMs(t: number, limit: ResolvedLimit): number {
    const start = this.countStart(t, limit);
    let table = this.cover(this.dayOfInstant(start.at));
    const i0 = this.indexIn(table, start.at);
    let due: number;
    switch (limit.kind) {
      case 'workingHours':
        return this.addMs(start.at, Math.round(limit.amount * 3_600_000));
      case 'workingDays': {
        if (limit.counting === 'elapsed') {
          return this.addMs(start.at, Math.round(limit.amount * this.config.office.workingDayMs));
        }
        const target = limit.amount === 0 ? table.cumDays[i0]! + 1 : table.cumDays[i0 + 1]! + limit.amount;
        due = this.closeOfCount(table, target, i0);
        break;
      }
      case 'calendarDays': {
        while (i0 + limit.amount >= table.n) table = this.extendForward(table);
        const d = i0 + limit.amount;
        due = this.closeOfCount(table, table.cumDays[d]! + 1, d);
        break;
      }
      case 'sameDay':
        due = this.closeOfCount(table, table.cumDays[i0]! + 1, i0);
        break;
    }
    if (due >= start.at) return due;
    // A zero-length period that starts after the day's close ends at the close of the next working day.
    const table2 = this.cover(this.dayOfInstant(start.at));
    const i = this.indexIn(table2, start.at);
    return this.closeOfCount(table2, table2.cumDays[i + 1]! + 1, i);
  }

  /** Close of the day on which the working-day count reaches `target`, searching from index `from`. */
  private closeOfCount(table: DayTable, target: number, from: number): number {
    let k = lowerBound(table.cumDays, target, from + 1, table.n);
    while (k > table.n) {
      table = this.extendForward(table);
      k = lowerBound(table.cumDays, target, from + 1, table.n);
    }
    const j = k - 1;
    return table.start[j]! + table.templates[table.tpl[j]!]!.close;
  }

  /**
   * Where counting starts: the receipt, or the next working day's opening after the cut-off. The
   * cut-off of a day is never later than its close: a receipt after a short day's close (e.g. 14:00
   * on a Saturday-morning desk, cut-off 15:00) is after the cut-off too.
   */
  private countStart(t: number, limit: ResolvedLimit): { at: number; cutoffApplied: boolean } {
    if (limit.cutoffMs < 0) return { at: t, cutoffApplied: false };
    let table = this.cover(this.dayOfInstant(t));
    const i = this.indexIn(table, t);
    const today = table.templates[table.tpl[i]!]!;
    if (today.total > 0 && t - table.start[i]! <= Math.min(limit.cutoffMs, today.close)) {
      return { at: t, cutoffApplied: false };
    }
    const target = table.cumDays[i + 1]! + 1;
    let k = lowerBound(table.cumDays, target, i + 1, table.n);
    while (k > table.n) {
      table = this.extendForward(table);
      k = lowerBound(table.cumDays, target, i + 1, table.n);
    }
    const j = k - 1;
    return { at: table.start[j]! + table.templates[table.tpl[j]!]!.bounds[0]!, cutoffApplied: true };
  }

  private addMs(t: number, delta: number): number {
    let table = this.cover(this.dayOfInstant(t));
    const p = this.position(table, t);
    const q = p + delta;
    if (delta === 0) {
      if (q >= table.cumWork[table.n]!) table = this.extendForward(table);
      return this.instantAt(table, q, 'start');
    }
    while (q > table.cumWork[table.n]!) table = this.extendForward(table);
    if (q <= 0) {
      // Before the table's first working moment: extend backwards and measure again.
      table = this.extendBackward(table);
      return this.addMs(t, delta);
    }
    return this.instantAt(table, q, 'end');
  }

  /** Working ms from the table's start to `t`. */
  private position(table: DayTable, t: number): number {
    const i = this.indexIn(table, t);
    return table.cumWork[i]! + workedWithinDay(table, i, t - table.start[i]!);
  }

  /**
   * The instant at working position `p`. `end`: the earliest such instant (a session's end on a
   * boundary); `start`: the latest (the next session's start on a boundary).
   */
  private instantAt(table: DayTable, p: number, mode: 'start' | 'end'): number {
    const k =
      mode === 'end' ? lowerBound(table.cumWork, p, 1, table.n) : upperBound(table.cumWork, p, 1, table.n);
    const i = k - 1;
    let r = p - table.cumWork[i]!;
    const b = table.templates[table.tpl[i]!]!.bounds;
    for (let s = 0; s < b.length; s += 2) {
      const len = b[s + 1]! - b[s]!;
      if (mode === 'end' ? r <= len : r < len) return table.start[i]! + b[s]! + r;
      r -= len;
    }
    /* c8 ignore next */
    throw new Error('unreachable: working position outside its day');
  }

  /** Index of the day holding `t` in a table that covers it. */
  private indexIn(table: DayTable, t: number): number {
    let i = Math.floor((t - table.start[0]!) / MS_PER_DAY);
    if (i < 0) i = 0;
    if (i >= table.n) i = table.n - 1;
    while (i > 0 && t < table.start[i]!) i--;
    while (i < table.n - 1 && t >= table.start[i + 1]!) i++;
    return i;
  }

  private dayOfInstant(t: number): number {
    const table = this.table;
    if (table && t >= table.start[0]! && t < table.start[table.n]!)
      return table.first + this.indexIn(table, t);
    return Math.floor((t + this.config.zone.offset(t) * MS_PER_MINUTE) / MS_PER_DAY);
  }

  private dayOf(date: Date | LocalDate, field: string): number {
    if (typeof date === 'string') return parseLocalDate(date, field);
    return this.dayOfInstant(this.instant(date, field));
  }

  /** An instant given as milliseconds, checked as {@link WorkingCalendar.instant} checks a `Date`'s. */
  /** The local day number of a checked instant. */
  private dayNumberAt(t: number): number {
    const table = this.cover(this.dayOfInstant(t));
    return table.first + this.indexIn(table, t);
  }

  /** Working minutes between two checked instants. */
  private minutesBetween(a: number, b: number): number {
    const table = this.cover(this.dayOfInstant(Math.min(a, b)), this.dayOfInstant(Math.max(a, b)));
    return (this.position(table, b) - this.position(table, a)) / MS_PER_MINUTE;
  }

  /** A checked instant plus working `minutes` (checked here: a finite number). */
  private addMinutes(t: number, minutes: number): number {
    if (typeof minutes !== 'number' || !Number.isFinite(minutes)) {
      throw new CalendarError('INVALID_LIMIT', 'minutes', minutes, 'expected a finite number');
    }
    return this.addMs(t, Math.round(minutes * MS_PER_MINUTE));
  }

  private instantNumber(value: number, field: string): number {
    // A non-finite number is what an invalid `Date` holds: refused as one.
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new CalendarError('INVALID_DATE', field, value, 'expected a finite number of milliseconds');
    }
    return this.checked(value, value, field);
  }

  private instant(value: Date, field: string): number {
    if (!(value instanceof Date)) throw new CalendarError('INVALID_DATE', field, value, 'expected a Date');
    return this.checked(value.getTime(), value, field);
  }

  private checked(t: number, value: unknown, field: string): number {
    if (Number.isNaN(t)) throw new CalendarError('INVALID_DATE', field, value, 'invalid Date');
    if (t < CALENDAR_INSTANT_RANGE.first || t > CALENDAR_INSTANT_RANGE.last) {
      throw new CalendarError(
        'OUT_OF_RANGE',
        field,
        value,
        `the calendar answers for years ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`,
      );
    }
    return t;
  }

  private infoOf(day: number, table: DayTable): DayInfo {
    const i = day - table.first;
    const tpl = table.templates[table.tpl[i]!]!;
    const reason = table.reasons.get(day);
    const weekday = isoWeekdayOf(day);
    const kind: DayKind = reason ? reason.kind : tpl.total > 0 ? 'working' : 'weekend';
    return {
      date: localDateOf(day),
      weekday,
      kind,
      working: tpl.total > 0,
      sessions: tpl.sessions,
      ...(reason ? { reason } : {}),
      provisional: this.resolved(yearOf(day)).officialSchedules.length === 0,
    };
  }

  private resolved(year: number): ResolvedYear {
    let y = this.years.get(year);
    if (!y) {
      y = resolveYear(year, this.config);
      this.years.set(year, y);
    }
    return y;
  }

  /** The table, rebuilt if needed so that it covers days `lo..hi`. */
  private cover(lo: number, hi = lo): DayTable {
    const table = this.table;
    if (table && lo >= table.first && hi < table.first + table.n) return table;
    const ylo = yearOf(lo);
    const yhi = yearOf(hi);
    const firstYear = table ? Math.min(table.firstYear, ylo) : ylo - 1;
    const lastYear = table ? Math.max(table.lastYear, yhi) : yhi + 2;
    return this.rebuild(firstYear, lastYear, ylo < CALENDAR_MIN_YEAR ? ylo : yhi);
  }

  private extendForward(table: DayTable): DayTable {
    return this.rebuild(table.firstYear, table.lastYear + 2, table.lastYear + 1);
  }

  private extendBackward(table: DayTable): DayTable {
    return this.rebuild(table.firstYear - 2, table.lastYear, table.firstYear - 1);
  }

  private rebuild(firstYear: number, lastYear: number, asked: number): DayTable {
    if (asked < CALENDAR_MIN_YEAR || asked > CALENDAR_MAX_YEAR) {
      throw new CalendarError(
        'OUT_OF_RANGE',
        'date',
        asked,
        `the calendar answers for years ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`,
      );
    }
    const table = buildDayTable(
      Math.max(firstYear, CALENDAR_MIN_YEAR),
      Math.min(lastYear, CALENDAR_MAX_YEAR),
      this.config,
      this.config.zone,
      (y) => this.resolved(y),
    );
    this.table = table;
    return table;
  }
}
