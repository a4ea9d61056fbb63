import { z } from 'zod';
import { dayNumberOf, localDateOf, parseLocalDate } from '../calendar/local-date.js';
import { LocalDateSchema } from '../calendar/schedule-schema.js';
import { timeZoneOf } from '../calendar/time-zone.js';
import { ValidationError } from '../errors/dossier-errors.js';
import { parseOrThrow } from '../validation/zod-issues.js';

/** The time zone report periods are cut in (Vietnam, no daylight saving). */
const REPORT_ZONE = 'Asia/Ho_Chi_Minh';
const MS_PER_DAY = 86_400_000;

/**
 * The day a periodic report period starts on in the month before its last month (ngày chốt số
 * liệu): `1` cuts periods on calendar months (no month before: a month runs from the 1st to its
 * last day); `15` is the official convention of 15th → 14th (a month's report runs from the 15th
 * of the previous month to the 14th, a year's from 15/12 to 14/12). Days 2–28 exist in every month.
 */
const StartDaySchema = z
  .number({ error: 'expected a whole day of the month from 1 to 28' })
  .int('expected a whole day of the month from 1 to 28')
  .min(1, 'expected a whole day of the month from 1 to 28')
  .max(28, 'expected a whole day of the month from 1 to 28');

const YearSchema = z
  .number({ error: 'expected a year from 1976 to 2200' })
  .int('expected a year from 1976 to 2200')
  .min(1976, 'expected a year from 1976 to 2200')
  .max(2200, 'expected a year from 1976 to 2200');

/** The kinds of periodic report periods (kỳ báo cáo): month, quarter, half-year, year. */
export const PeriodicReportKindSchema = z.enum(['month', 'quarter', 'half-year', 'year']);
/** See {@link PeriodicReportKindSchema}. */
export type PeriodicReportKind = z.infer<typeof PeriodicReportKindSchema>;

/** Months a period of each kind spans. */
const MONTHS: Record<PeriodicReportKind, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

/**
 * A report period (kỳ báo cáo), as configuration: a periodic one named by its year and number
 * (month 1–12, quarter 1–4, half 1–2) with the day it starts on (`startDay`, default 1 = calendar
 * months; 15 = the 15th → 14th convention), or a custom one from a first to a last local day
 * (both included). Local days are in Asia/Ho_Chi_Minh.
 */
export const ReportPeriodSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('month'),
      year: YearSchema,
      month: z.number().int().min(1).max(12),
      startDay: StartDaySchema.default(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('quarter'),
      year: YearSchema,
      quarter: z.number().int().min(1).max(4),
      startDay: StartDaySchema.default(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('half-year'),
      year: YearSchema,
      half: z.number().int().min(1).max(2),
      startDay: StartDaySchema.default(1),
    })
    .strict(),
  z.object({ kind: z.literal('year'), year: YearSchema, startDay: StartDaySchema.default(1) }).strict(),
  z
    .object({
      kind: z.literal('custom'),
      /** First day included. */
      from: LocalDateSchema,
      /** Last day included; not before `from`. */
      to: LocalDateSchema,
    })
    .strict()
    .refine((p) => p.to >= p.from, { message: 'must not be before from', path: ['to'] }),
]);
/** A report period as written by a caller (`startDay` optional). */
export type ReportPeriodInput = z.input<typeof ReportPeriodSchema>;
/** A parsed {@link ReportPeriodSchema}. */
export type ReportPeriod = z.output<typeof ReportPeriodSchema>;

/**
 * A report period resolved to days and instants: what the figures cover.
 * `from` and `to` are the UTC instants of the local midnights that start the first day and the
 * day after the last (`to` excluded), as reports and stores take them.
 */
export interface ResolvedReportPeriod {
  readonly period: ReportPeriod;
  /** First local day, `'YYYY-MM-DD'`. */
  readonly firstDay: string;
  /** Last local day (included). */
  readonly lastDay: string;
  /** Start instant (included), ISO UTC. */
  readonly from: string;
  /** End instant (excluded), ISO UTC. */
  readonly to: string;
  /** How the period is called on a form, e.g. "Tháng 3 năm 2026" / "March 2026". */
  readonly label: { readonly vi: string; readonly en: string };
}

/**
 * A dated convention of report-period cut-off, as data with its source: which `startDay` a
 * province's reports use and since when. See the guide "Official report forms".
 */
export interface ReportPeriodConvention {
  readonly id: string;
  readonly startDay: number;
  /** First day the convention applies (local date). */
  readonly effectiveFrom: string;
  readonly source: string;
}

/**
 * The known report-period conventions. `official-15th`: data is cut on the 14th, a month's report
 * running from the 15th of the previous month to the 14th, a year's from 15/12 to 14/12 (as
 * provincial reporting regulations set it, e.g. Khánh Hòa Decision 01/2023/QĐ-UBND, art. 4; the
 * convention is commonly attributed to Decree 09/2019/NĐ-CP on the reporting regime of state
 * administrative agencies). `calendar`: calendar months.
 *
 * @example
 * ```ts
 * import { REPORT_PERIOD_CONVENTIONS, resolveReportPeriod } from '@motcua/core';
 * const official = REPORT_PERIOD_CONVENTIONS.find((c) => c.id === 'official-15th')!;
 * resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: official.startDay }).firstDay; // '2026-02-15'
 * ```
 */
export const REPORT_PERIOD_CONVENTIONS: readonly ReportPeriodConvention[] = [
  {
    id: 'official-15th',
    startDay: 15,
    effectiveFrom: '2019-03-12',
    source:
      'Provincial reporting regulations, e.g. Khánh Hòa Decision 01/2023/QĐ-UBND art. 4 (monthly 15th of the previous month to the 14th; yearly 15/12 to 14/12)',
  },
  { id: 'calendar', startDay: 1, effectiveFrom: '1976-01-01', source: 'Calendar months' },
];

/** The UTC instant of local midnight starting day `dayNumber` in Asia/Ho_Chi_Minh. */
function localMidnight(dayNumber: number): number {
  const zone = timeZoneOf(REPORT_ZONE);
  const wall = dayNumber * MS_PER_DAY;
  // The offset at the wall time read as UTC, then corrected once (the zone has no DST since 1975).
  const guess = wall - (zone ? zone.offsetMs(wall) : 7 * 3_600_000);
  return wall - (zone ? zone.offsetMs(guess) : 7 * 3_600_000);
}

/** Day number of day `day` of month index `m` (0-based, may run below 0 or past 11) of `year`. */
function dayOfMonth(year: number, m: number, day: number): number {
  const y = year + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  return dayNumberOf(y, month, day);
}

const MONTH_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function periodLabel(p: ReportPeriod, first: string, last: string): { vi: string; en: string } {
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  switch (p.kind) {
    case 'month':
      return { vi: `Tháng ${p.month} năm ${p.year}`, en: `${MONTH_EN[p.month - 1]} ${p.year}` };
    case 'quarter':
      return {
        vi: `Quý ${['I', 'II', 'III', 'IV'][p.quarter - 1]} năm ${p.year}`,
        en: `Q${p.quarter} ${p.year}`,
      };
    case 'half-year':
      return {
        vi: `${p.half === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${p.year}`,
        en: `H${p.half} ${p.year}`,
      };
    case 'year':
      return { vi: `Năm ${p.year}`, en: `Year ${p.year}` };
    case 'custom':
      return { vi: `Từ ngày ${dmy(first)} đến ngày ${dmy(last)}`, en: `${first} to ${last}` };
  }
}

/**
 * A report period resolved to its first and last local days and the instants `[from, to)`.
 * A periodic period ends on the last day of its last month (`startDay` 1) or on the day before
 * `startDay` in its last month, starting on `startDay` of the month before its first month: with
 * `startDay: 15`, March 2026 is 15/02/2026 – 14/03/2026, quarter I is 15/12/2025 – 14/03/2026 and
 * the year 2026 is 15/12/2025 – 14/12/2026. Consecutive periods of one kind and start day tile
 * time without gaps or overlaps.
 * @throws `ValidationError` naming the field (`period.startDay` for a bad cut-off day, `period.to`
 * for a custom period ending before it starts, …); nothing is echoed.
 *
 * @example
 * ```ts
 * import { resolveReportPeriod } from '@motcua/core';
 * const march = resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 15 });
 * march.firstDay; // '2026-02-15'
 * march.lastDay;  // '2026-03-14'
 * march.from;     // '2026-02-14T17:00:00.000Z' (00:00 on 15/02 in Vietnam)
 * march.label.vi; // 'Tháng 3 năm 2026'
 * ```
 */
export function resolveReportPeriod(input: ReportPeriodInput): ResolvedReportPeriod {
  const period = parseOrThrow(ReportPeriodSchema, input, 'period');
  let first: number;
  let last: number;
  if (period.kind === 'custom') {
    first = parseLocalDate(period.from, 'period.from');
    last = parseLocalDate(period.to, 'period.to');
  } else {
    const span = MONTHS[period.kind];
    const number =
      period.kind === 'month'
        ? period.month
        : period.kind === 'quarter'
          ? period.quarter
          : period.kind === 'half-year'
            ? period.half
            : 1;
    const lastMonth = number * span - 1; // 0-based month index of the period's last month
    if (period.startDay === 1) {
      first = dayOfMonth(period.year, lastMonth - span + 1, 1);
      last = dayOfMonth(period.year, lastMonth + 1, 1) - 1;
    } else {
      first = dayOfMonth(period.year, lastMonth - span, period.startDay);
      last = dayOfMonth(period.year, lastMonth, period.startDay) - 1;
    }
  }
  const firstDay = localDateOf(first);
  const lastDay = localDateOf(last);
  return {
    period,
    firstDay,
    lastDay,
    from: new Date(localMidnight(first)).toISOString(),
    to: new Date(localMidnight(last + 1)).toISOString(),
    label: periodLabel(period, firstDay, lastDay),
  };
}

/**
 * The periodic report period of `kind` and `startDay` that holds local day `date`.
 * @throws `ValidationError` naming `date` or `startDay`.
 *
 * @example
 * ```ts
 * import { reportPeriodContaining } from '@motcua/core';
 * reportPeriodContaining('month', 15, '2026-03-20').label.vi; // 'Tháng 4 năm 2026' (15/03 – 14/04)
 * reportPeriodContaining('year', 15, '2026-12-20').label.vi;  // 'Năm 2027'
 * ```
 */
export function reportPeriodContaining(
  kind: PeriodicReportKind,
  startDay: number,
  date: string,
): ResolvedReportPeriod {
  try {
    parseLocalDate(date, 'date');
  } catch {
    throw new ValidationError('date', [{ field: 'date', message: "expected a calendar date 'YYYY-MM-DD'" }]);
  }
  const day = date;
  const start = parseOrThrow(StartDaySchema, startDay, 'startDay');
  const k = parseOrThrow(PeriodicReportKindSchema, kind, 'kind');
  let year = Number(day.slice(0, 4));
  let month = Number(day.slice(5, 7)); // 1-based
  // From the start day on, a day belongs to the next month's period.
  if (start > 1 && Number(day.slice(8, 10)) >= start) {
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  const span = MONTHS[k];
  const number = Math.ceil(month / span);
  switch (k) {
    case 'month':
      return resolveReportPeriod({ kind: 'month', year, month, startDay: start });
    case 'quarter':
      return resolveReportPeriod({ kind: 'quarter', year, quarter: number, startDay: start });
    case 'half-year':
      return resolveReportPeriod({ kind: 'half-year', year, half: number, startDay: start });
    case 'year':
      return resolveReportPeriod({ kind: 'year', year, startDay: start });
  }
}
