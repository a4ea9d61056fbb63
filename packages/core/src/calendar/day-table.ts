import type { DayReason } from './day-kind.js';
import { dayNumberOf, isoWeekdayOf } from './local-date.js';
import type { DayTemplate } from './office-hours.js';
import type { CalendarZone } from './time-zone.js';
import type { HolidaySources, ResolvedYear } from './year-resolution.js';

const MS_PER_DAY = 86_400_000;

/**
 * The precomputed working-time structure of a range of whole years: for each day its local
 * midnight, its sessions, and prefix sums of working time and working days. Every query is an
 * O(1) index plus at most one binary search: no query walks day by day.
 */
export interface DayTable {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day number (days since 1970-01-01) of index 0. */
  readonly first: number;
  /** Number of days. */
  readonly n: number;
  /** Local midnight of each day as epoch ms; `start[n]` is the midnight after the last day. */
  readonly start: Float64Array;
  /** Index into `templates` of each day's sessions (0: no session, a day off). */
  readonly tpl: Uint8Array;
  readonly templates: readonly DayTemplate[];
  /** Working ms before each day; `cumWork[n]` is the total. */
  readonly cumWork: Float64Array;
  /** Working days before each day; `cumDays[n]` is the total. */
  readonly cumDays: Int32Array;
  /** Day number → reason, for every day whose status is not the plain weekly pattern. */
  readonly reasons: ReadonlyMap<number, DayReason>;
}

/** Local midnight of a day number in `zone` as epoch ms. */
export function midnightOf(day: number, zone: CalendarZone): number {
  const utc = day * MS_PER_DAY;
  const guess = utc - zone.offset(utc) * 60_000;
  return utc - zone.offset(guess) * 60_000;
}

/** Builds the table for whole years `firstYear..lastYear`, resolving each year through `resolve`. */
export function buildDayTable(
  firstYear: number,
  lastYear: number,
  sources: HolidaySources,
  zone: CalendarZone,
  resolve: (year: number) => ResolvedYear,
): DayTable {
  const first = dayNumberOf(firstYear, 1, 1);
  const n = dayNumberOf(lastYear + 1, 1, 1) - first;
  const start = new Float64Array(n + 1);
  const tpl = new Uint8Array(n);
  const cumWork = new Float64Array(n + 1);
  const cumDays = new Int32Array(n + 1);
  const templates: DayTemplate[] = [];
  const indexOf = (t: DayTemplate) => {
    if (t.total === 0) return 0;
    let i = templates.indexOf(t);
    if (i < 0) i = templates.push(t) - 1;
    return i;
  };
  templates.push({ bounds: [], total: 0, close: 0, sessions: [] });
  const reasons = new Map<number, DayReason>();
  for (let y = firstYear; y <= lastYear; y++) for (const [d, r] of resolve(y).days) reasons.set(d, r);
  for (let i = 0; i < n; i++) {
    const day = first + i;
    start[i] = midnightOf(day, zone);
    const weekly = sources.office.weekday[isoWeekdayOf(day)]!;
    const reason = reasons.get(day);
    let t: DayTemplate;
    if (reason === undefined) t = weekly;
    // A make-up day (làm bù) replaces a whole weekday: it has the make-up sessions even where the
    // office also opens on that weekday (e.g. a Saturday-morning desk).
    else if (reason.kind === 'make-up-working-day') t = sources.office.makeUp;
    else t = templates[0]!;
    const k = indexOf(t);
    tpl[i] = k;
    const total = templates[k]!.total;
    cumWork[i + 1] = cumWork[i]! + total;
    cumDays[i + 1] = cumDays[i]! + (total > 0 ? 1 : 0);
  }
  start[n] = midnightOf(first + n, zone);
  return { firstYear, lastYear, first, n, start, tpl, templates, cumWork, cumDays, reasons };
}

/** Working ms of day `i` elapsed at `offset` ms after its midnight. */
export function workedWithinDay(table: DayTable, i: number, offset: number): number {
  const b = table.templates[table.tpl[i]!]!.bounds;
  let worked = 0;
  for (let k = 0; k < b.length; k += 2) {
    const s = b[k]!;
    if (offset <= s) break;
    const e = b[k + 1]!;
    worked += Math.min(offset, e) - s;
  }
  return worked;
}

/** Smallest k in [lo, hi] with `arr[k] >= target`, or hi + 1 when there is none. */
export function lowerBound(arr: Float64Array | Int32Array, target: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (arr[mid]! < target) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Smallest k in [lo, hi] with `arr[k] > target`, or hi + 1 when there is none.
 */
export function upperBound(arr: Float64Array | Int32Array, target: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (arr[mid]! <= target) a = mid + 1;
    else b = mid;
  }
  return a;
}
