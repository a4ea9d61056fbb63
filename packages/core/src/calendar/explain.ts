import type { DayInfo } from './day-kind.js';
import type { LocalDate } from './local-date.js';
import type { ResolvedLimit, TimeLimit } from './time-limit.js';

/** The language of an explanation's text, notes and warnings: Vietnamese (default) or English. */
export type ExplainLanguage = 'vi' | 'en';

/** Options of {@link WorkingCalendar.explain}. */
export interface ExplainOptions {
  /** `'vi'` (default): the text an officer reads; `'en'`: the same in English. */
  readonly language?: ExplainLanguage;
}

const WEEKDAYS: Record<ExplainLanguage, readonly string[]> = {
  vi: ['', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'],
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** The kinds of day, in Vietnamese (English keeps the kind's name). */
const DAY_KINDS_VI: Readonly<Record<DayInfo['kind'], string>> = {
  working: 'ngày làm việc',
  weekend: 'nghỉ hằng tuần',
  holiday: 'ngày lễ',
  tet: 'Tết',
  compensatory: 'nghỉ bù',
  'swap-day-off': 'nghỉ hoán đổi',
  'make-up-working-day': 'làm bù',
  closure: 'ngày nghỉ của cơ quan',
};

/** Every phrase of an explanation, per language. */
const PHRASES = {
  vi: {
    workingDays: (n: number, elapsed: boolean) =>
      `${n} ngày làm việc, tính ${elapsed ? 'theo giờ làm việc đã trôi qua' : 'đến hết ngày'}`,
    workingHours: (n: number) => `${n} giờ làm việc`,
    calendarDays: (n: number) => `${n} ngày`,
    sameDay: 'trong ngày làm việc',
    singleSource: ', một nguồn',
    skipped: 'ngày nghỉ, không tính',
    afterCutoff: 'nhận sau giờ chốt: bắt đầu tính từ ngày làm việc tiếp theo',
    notCounted: 'không tính',
    receiptDay: 'ngày tiếp nhận, không tính',
    ordinal: (i: number, n: number) => `ngày làm việc thứ ${i}/${n}`,
    minutes: (m: number) => `tính ${m} phút làm việc`,
    periodEnds: 'thời hạn kết thúc vào ngày này',
    calendarDay: 'ngày theo lịch',
    oneSource: (date: string, name: string, source: string) =>
      `${date}: ${name} chỉ dựa trên một nguồn (${source}).`,
    received: (at: string, limit: string) => `Tiếp nhận ${at}; thời hạn: ${limit}.`,
    countedFrom: (at: string) => `Nhận sau giờ chốt hoặc vào ngày nghỉ: tính từ ${at}.`,
    due: (at: string) => `Hạn trả kết quả: ${at}.`,
    warning: 'Lưu ý',
  },
  en: {
    workingDays: (n: number, elapsed: boolean) =>
      `${n} working day(s), counted ${elapsed ? 'as elapsed working hours' : 'to the end of the day'}`,
    workingHours: (n: number) => `${n} working hour(s)`,
    calendarDays: (n: number) => `${n} calendar day(s)`,
    sameDay: 'the same working day',
    singleSource: ', single source',
    skipped: 'not a working day, skipped',
    afterCutoff: 'received after the cut-off: counting starts the next working day',
    notCounted: 'not counted',
    receiptDay: 'day of receipt, not counted',
    ordinal: (i: number, n: number) => `working day ${i} of ${n}`,
    minutes: (m: number) => `${m} working minute(s) counted`,
    periodEnds: 'the period ends on this day',
    calendarDay: 'calendar day',
    oneSource: (date: string, name: string, source: string) =>
      `${date}: ${name} rests on a single source (${source}).`,
    received: (at: string, limit: string) => `Received ${at}; limit: ${limit}.`,
    countedFrom: (at: string) => `Received after the cut-off or on a day off: counted from ${at}.`,
    due: (at: string) => `Due: ${at}.`,
    warning: 'Warning',
  },
} as const;
type Phrases = (typeof PHRASES)[ExplainLanguage];

/**
 * The warning of a year without an official civil-service notice, in a language.
 * @internal used by the year's resolution and by explain
 */
export function noNoticeWarning(year: number, language: ExplainLanguage): string {
  return language === 'vi'
    ? `Chưa nạp thông báo chính thức về ngày nghỉ của công chức năm ${year}: Tết là khối 5 ngày tính ` +
        'toán, ngày nghỉ bù theo điều 111 khoản 3 Bộ luật Lao động, chưa có ngày nghỉ thứ hai dịp Quốc ' +
        'khánh (do Thủ tướng quyết định). Thêm thông báo bằng vietnamCalendar({ extraSchedules }).'
    : `No official civil-service notice for ${year} is loaded: Tết is the computed 5-day block, compensatory ` +
        'days follow art. 111(3), and the second National Day day (chosen by the Prime Minister) is not ' +
        'included. Add the notice with vietnamCalendar({ extraSchedules }).';
}

/** One day in a {@link DueDateExplanation}. */
export interface ExplainedDay extends DayInfo {
  /** For `end-of-day` counting: the ordinal of this working day in the count (1, 2, …). */
  readonly counted?: number;
  /** For time-based counting: working minutes of this day inside the period. */
  readonly countedMinutes?: number;
  /** Why the day counts or not, in a few words. */
  readonly note: string;
}

/** The answer of {@link WorkingCalendar.explain}. */
export interface DueDateExplanation {
  readonly receivedAt: Date;
  readonly limit: TimeLimit;
  /** Where counting starts (after the cut-off, the next working day's opening). */
  readonly countFrom: Date;
  readonly cutoffApplied: boolean;
  readonly due: Date;
  /** Every day from the day of receipt to the due day. */
  readonly days: readonly ExplainedDay[];
  /** Days in the period that were skipped because they are not working days. */
  readonly skipped: readonly ExplainedDay[];
  /** E.g. a year without an official notice, or data resting on a single source. */
  readonly warnings: readonly string[];
  /** The same as a readable text, one line per day. */
  readonly text: string;
}

/** Input of {@link explainDueDate}, prepared by the calendar. */
export interface ExplainInput {
  readonly receivedAt: number;
  readonly countFrom: number;
  readonly cutoffApplied: boolean;
  readonly due: number;
  readonly limit: TimeLimit;
  readonly resolved: ResolvedLimit;
  readonly days: readonly DayInfo[];
  readonly warnings: readonly string[];
  readonly receiptDay: LocalDate;
  readonly countDay: LocalDate;
  readonly workedMs: (from: number, to: number) => number;
  /** Local midnight at the start and at the end of a day, as epoch ms. */
  readonly dayBounds: (date: LocalDate) => readonly [number, number];
  readonly format: (ms: number) => string;
  readonly language: ExplainLanguage;
}

function describeLimit(r: ResolvedLimit, t: Phrases): string {
  switch (r.kind) {
    case 'workingDays':
      return t.workingDays(r.amount, r.counting === 'elapsed');
    case 'workingHours':
      return t.workingHours(r.amount);
    case 'calendarDays':
      return t.calendarDays(r.amount);
    case 'sameDay':
      return t.sameDay;
  }
}

function describeDay(day: DayInfo, language: ExplainLanguage): string {
  const kind = language === 'vi' ? DAY_KINDS_VI[day.kind] : day.kind;
  if (day.reason) {
    const r = day.reason;
    const single = r.confidence === 'single-source' ? PHRASES[language].singleSource : '';
    return `${kind}: ${r.name} [${r.source}${single}]`;
  }
  return kind;
}

/** Builds the explanation of a due date (used by {@link WorkingCalendar.explain}). */
export function explainDueDate(input: ExplainInput): DueDateExplanation {
  const { resolved, days, language } = input;
  const t = PHRASES[language];
  const dayCount = resolved.kind === 'workingDays' && resolved.counting === 'end-of-day';
  const timeBased = resolved.kind === 'workingHours' || (resolved.kind === 'workingDays' && !dayCount);
  let ordinal = 0;
  const out: ExplainedDay[] = [];
  const warnings = [...input.warnings];
  for (const day of days) {
    let note: string;
    let extra: { counted?: number; countedMinutes?: number } = {};
    if (!day.working) {
      note = t.skipped;
    } else if (day.date < input.countDay) {
      note = input.cutoffApplied ? t.afterCutoff : t.notCounted;
    } else if (dayCount) {
      if (day.date === input.countDay) note = t.receiptDay;
      else {
        ordinal += 1;
        extra = { counted: ordinal };
        note = t.ordinal(ordinal, resolved.amount);
      }
    } else if (timeBased) {
      const [dayStart, dayEnd] = input.dayBounds(day.date);
      const from = Math.max(input.countFrom, dayStart);
      const to = Math.min(input.due, dayEnd);
      const minutes = to > from ? Math.round(input.workedMs(from, to) / 60_000) : 0;
      extra = { countedMinutes: minutes };
      note = t.minutes(minutes);
    } else {
      note = day.date === days[days.length - 1]!.date ? t.periodEnds : t.calendarDay;
    }
    if (day.reason?.confidence === 'single-source') {
      warnings.push(t.oneSource(day.date, day.reason.name, day.reason.source));
    }
    out.push({ ...day, ...extra, note });
  }
  const lines = [
    t.received(input.format(input.receivedAt), describeLimit(resolved, t)),
    ...(input.cutoffApplied ? [t.countedFrom(input.format(input.countFrom))] : []),
    ...out.map(
      (d) => `  ${d.date} ${WEEKDAYS[language][d.weekday]}  ${describeDay(d, language)} — ${d.note}`,
    ),
    t.due(input.format(input.due)),
    ...warnings.map((w) => `${t.warning}: ${w}`),
  ];
  return {
    receivedAt: new Date(input.receivedAt),
    limit: input.limit,
    countFrom: new Date(input.countFrom),
    cutoffApplied: input.cutoffApplied,
    due: new Date(input.due),
    days: out,
    skipped: out.filter((d) => !d.working),
    warnings,
    text: lines.join('\n'),
  };
}
