import type { DayInfo } from './day-kind.js';
import type { LocalDate } from './local-date.js';
import type { ResolvedLimit, TimeLimit } from './time-limit.js';

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

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
}

function describeLimit(r: ResolvedLimit): string {
  switch (r.kind) {
    case 'workingDays':
      return `${r.amount} working day(s), counted ${r.counting === 'elapsed' ? 'as elapsed working hours' : 'to the end of the day'}`;
    case 'workingHours':
      return `${r.amount} working hour(s)`;
    case 'calendarDays':
      return `${r.amount} calendar day(s)`;
    case 'sameDay':
      return 'the same working day';
  }
}

function describeDay(day: DayInfo): string {
  if (day.reason) {
    const r = day.reason;
    const single = r.confidence === 'single-source' ? ', single source' : '';
    return `${r.kind}: ${r.name} [${r.source}${single}]`;
  }
  return day.kind;
}

/** Builds the explanation of a due date (used by {@link WorkingCalendar.explain}). */
export function explainDueDate(input: ExplainInput): DueDateExplanation {
  const { resolved, days } = input;
  const dayCount = resolved.kind === 'workingDays' && resolved.counting === 'end-of-day';
  const timeBased = resolved.kind === 'workingHours' || (resolved.kind === 'workingDays' && !dayCount);
  let ordinal = 0;
  const out: ExplainedDay[] = [];
  const warnings = [...input.warnings];
  for (const day of days) {
    let note: string;
    let extra: { counted?: number; countedMinutes?: number } = {};
    if (!day.working) {
      note = 'not a working day, skipped';
    } else if (day.date < input.countDay) {
      note = input.cutoffApplied
        ? 'received after the cut-off: counting starts the next working day'
        : 'not counted';
    } else if (dayCount) {
      if (day.date === input.countDay) note = 'day of receipt, not counted';
      else {
        ordinal += 1;
        extra = { counted: ordinal };
        note = `working day ${ordinal} of ${resolved.amount}`;
      }
    } else if (timeBased) {
      const [dayStart, dayEnd] = input.dayBounds(day.date);
      const from = Math.max(input.countFrom, dayStart);
      const to = Math.min(input.due, dayEnd);
      const minutes = to > from ? Math.round(input.workedMs(from, to) / 60_000) : 0;
      extra = { countedMinutes: minutes };
      note = `${minutes} working minute(s) counted`;
    } else {
      note = day.date === days[days.length - 1]!.date ? 'the period ends on this day' : 'calendar day';
    }
    if (day.reason?.confidence === 'single-source') {
      warnings.push(`${day.date}: ${day.reason.name} rests on a single source (${day.reason.source}).`);
    }
    out.push({ ...day, ...extra, note });
  }
  const lines = [
    `Received ${input.format(input.receivedAt)}; limit: ${describeLimit(resolved)}.`,
    ...(input.cutoffApplied
      ? [`Received after the cut-off or on a day off: counted from ${input.format(input.countFrom)}.`]
      : []),
    ...out.map((d) => `  ${d.date} ${WEEKDAYS[d.weekday]}  ${describeDay(d)} — ${d.note}`),
    `Due: ${input.format(input.due)}.`,
    ...warnings.map((w) => `Warning: ${w}`),
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
