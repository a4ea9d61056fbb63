import { parseTimeOfDay } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { indexPicker, poisson, seededRandom } from './seeded-random.js';
import { serviceTimeSampler } from './service-time.js';
import type { Desk } from './staffing-scenario.js';
import { waitSummary } from './wait-summary.js';

/** Default weights of the arrival hour 0…23: a morning peak within 7…16. */
export const DEFAULT_VISITOR_HOURS: readonly number[] = [
  0, 0, 0, 0, 0, 0, 0, 4, 6, 6, 5, 2, 1, 3, 4, 3, 2, 0, 0, 0, 0, 0, 0, 0,
];
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Waits in minutes of the visitors served: mean, 90th percentile, maximum, and the share within a target. */
export interface WaitFigures {
  readonly served: number;
  readonly mean: number;
  readonly p90: number;
  readonly max: number;
  /** Share (0–1) of the visitors served who waited at most `withinMinutes`. */
  readonly withinShare: number;
  /** Share (0–1) of the visitors served who waited at all (the `C` of Erlang C). */
  readonly waitedShare: number;
}

/** What the desk queue gave for one field or the whole desk. */
export interface DeskQueueFigures {
  /** Visitors who took a ticket (arrived), those served, sent home at closing, and those who left waiting. */
  readonly arrived: number;
  readonly served: number;
  readonly sentHome: number;
  readonly leftWaiting: number;
  /** Visitors who only asked (among the served). */
  readonly askedOnly: number;
  /** Visitors whose service began after the day's close (served after hours). */
  readonly servedAfterHours: number;
  /** Officer minutes worked after the close. */
  readonly overtimeMinutes: number;
  readonly waits: WaitFigures;
  /** Mean visitors waiting at each hour mark 0…23 over the working days. */
  readonly queueByHour: readonly number[];
}

/** The desk queue's figures: the whole desk and each field. */
export interface DeskQueueResult {
  readonly workingDays: number;
  readonly desk: DeskQueueFigures;
  readonly fields: Readonly<Record<string, DeskQueueFigures>>;
}

/** Options of {@link simulateDeskQueue}. */
export interface DeskQueueOptions {
  readonly desk: Desk;
  readonly calendar: WorkingCalendar;
  readonly start: string;
  readonly days: number;
  readonly seed: number;
  /** The wait counted as "within target" (default 15 minutes). */
  readonly withinMinutes?: number;
}

/** A deterministic per-(seed, text, counter, day) draw in [0, 1): absence does not disturb the other streams. */
export function absenceDraw(seed: number, key: string, officer: number, day: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ officer, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ day, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** Collects one field's figures. */
class Tally {
  arrived = 0;
  served = 0;
  sentHome = 0;
  leftWaiting = 0;
  askedOnly = 0;
  servedAfterHours = 0;
  overtimeMinutes = 0;
  waits: number[] = [];
  queueHours = new Float64Array(24);

  add(other: Tally): void {
    this.arrived += other.arrived;
    this.served += other.served;
    this.sentHome += other.sentHome;
    this.leftWaiting += other.leftWaiting;
    this.askedOnly += other.askedOnly;
    this.servedAfterHours += other.servedAfterHours;
    this.overtimeMinutes += other.overtimeMinutes;
    for (const w of other.waits) this.waits.push(w);
    for (let h = 0; h < 24; h++) this.queueHours[h]! += other.queueHours[h]!;
  }

  figures(workingDays: number, within: number): DeskQueueFigures {
    const w = waitSummary(this.waits, within);
    const n = w.count;
    return {
      arrived: this.arrived,
      served: this.served,
      sentHome: this.sentHome,
      leftWaiting: this.leftWaiting,
      askedOnly: this.askedOnly,
      servedAfterHours: this.servedAfterHours,
      overtimeMinutes: this.overtimeMinutes,
      waits: {
        served: n,
        mean: w.mean,
        p90: w.p90,
        max: w.max,
        withinShare: n ? w.within / n : 1,
        waitedShare: n ? w.waited / n : 0,
      },
      queueByHour: Array.from(this.queueHours, (q) => (workingDays ? q / workingDays : 0)),
    };
  }
}

/**
 * Simulates the desk's ticket queue (lấy số thứ tự) over the calendar's working days: visitors
 * arrive by hour of day (Poisson per day), take a ticket for a field (some only ask) and wait for
 * the first free counter of that field, first come first served; counters work in the day's
 * sessions (a visitor waiting at the lunch break is served after it; a service begun runs to its
 * end); holidays have no visitors and make-up days are working days with their own sessions. An
 * officer is absent on a day with the field's `absenceShare`. At closing time the rule `serve`
 * serves every ticket taken (overtime), `send-home` sends those still waiting home; a visitor
 * arriving after the close is sent home. A visitor whose wait would pass their patience leaves.
 * Every visitor ends one way: arrived = served + sent home + left waiting. Deterministic for a seed.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core';
 * import { simulateDeskQueue } from '@motcua/core/simulation';
 * const result = simulateDeskQueue({
 *   calendar: vietnamCalendar(), start: '2019-07-18', days: 30, seed: 1,
 *   desk: {
 *     fields: { land: { officers: 3, serviceMinutes: { kind: 'lognormal', mean: 9, sd: 5 } } },
 *     visitors: { perWorkingDay: 150, fields: { land: 1 } },
 *     closing: 'serve',
 *   },
 * });
 * console.log(result.fields.land?.waits.p90, result.desk.servedAfterHours);
 * ```
 */
export function simulateDeskQueue(options: DeskQueueOptions): DeskQueueResult {
  const { desk, calendar, seed } = options;
  const within = options.withinMinutes ?? 15;
  const names = Object.keys(desk.fields);
  const random = seededRandom((seed ^ 0x3c6ef372) >>> 0);
  const serviceRandom = seededRandom((seed ^ 0xa54ff53a) >>> 0);
  const fieldWeights = names.map((n) => desk.visitors.fields[n] ?? 0);
  const pickField = indexPicker(fieldWeights);
  const pickHour = indexPicker(desk.visitors.byHour ?? DEFAULT_VISITOR_HOURS);
  const askShare = desk.visitors.askShare ?? 0.15;
  const patience = desk.visitors.patienceMinutes
    ? serviceTimeSampler(desk.visitors.patienceMinutes, random)
    : undefined;
  const fields = names.map((name) => {
    const f = desk.fields[name]!;
    return {
      name,
      officers: f.officers,
      absence: f.absenceShare ?? 0,
      service: serviceTimeSampler(f.serviceMinutes, serviceRandom),
      ask: serviceTimeSampler(f.askMinutes ?? { kind: 'fixed', minutes: 3 }, serviceRandom),
      tally: new Tally(),
    };
  });
  const sendHomeAtClose = desk.closing === 'send-home';
  const first = Date.parse(`${options.start}T00:00:00+07:00`);
  let workingDays = 0;
  for (let d = 0; d < options.days; d++) {
    const midnight = first + d * DAY;
    const info = calendar.dayInfo(new Date(midnight + 12 * HOUR));
    if (!info.working || info.sessions.length === 0) continue;
    workingDays++;
    const bounds = info.sessions.flatMap((s) => [
      midnight + parseTimeOfDay(s.start, 'start'),
      midnight + parseTimeOfDay(s.end, 'end'),
    ]);
    const open = bounds[0]!;
    const close = bounds[bounds.length - 1]!;
    /** `t` itself inside a session, else the next session's start, else `Infinity` (after the close). */
    const nextOpen = (t: number): number => {
      for (let i = 0; i < bounds.length; i += 2) {
        if (t < bounds[i]!) return bounds[i]!;
        if (t < bounds[i + 1]!) return t;
      }
      return Number.POSITIVE_INFINITY;
    };
    // The day's visitors, drawn in one stream: time, field, asking.
    const count = poisson(desk.visitors.perWorkingDay, random);
    const at = new Float64Array(count);
    const field = new Int32Array(count);
    const asks = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      at[i] = midnight + pickHour(random) * HOUR + Math.floor(random() * HOUR);
      field[i] = pickField(random);
      asks[i] = random() < askShare ? 1 : 0;
    }
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
    // Each field's counters present today and when each is next free.
    const free = fields.map((f, k) => {
      const counters: number[] = [];
      for (let c = 0; c < f.officers; c++)
        if (f.absence === 0 || absenceDraw(seed, names[k]!, c, d) >= f.absence) counters.push(open);
      return counters;
    });
    for (const i of order) {
      const k = field[i]!;
      const f = fields[k]!;
      const t = f.tally;
      const arrival = at[i]!;
      t.arrived++;
      const counters = free[k]!;
      const ask = asks[i] === 1;
      const minutes = ask ? f.ask() : f.service();
      if (counters.length === 0 || arrival >= close) {
        t.sentHome++;
        continue;
      }
      let c = 0;
      for (let j = 1; j < counters.length; j++) if (counters[j]! < counters[c]!) c = j;
      let start = nextOpen(Math.max(counters[c]!, arrival));
      if (start === Number.POSITIVE_INFINITY) {
        if (sendHomeAtClose) {
          t.sentHome++;
          queueHours(t.queueHours, arrival, close);
          continue;
        }
        start = Math.max(counters[c]!, arrival);
      }
      if (patience) {
        const p = patience() * MINUTE;
        if (start - arrival > p) {
          t.leftWaiting++;
          queueHours(t.queueHours, arrival, arrival + p);
          continue;
        }
      }
      const end = start + minutes * MINUTE;
      if (start >= close) t.servedAfterHours++;
      if (end > close) t.overtimeMinutes += (end - Math.max(close, counters[c]!)) / MINUTE;
      counters[c] = end;
      t.served++;
      if (ask) t.askedOnly++;
      t.waits.push((start - arrival) / MINUTE);
      queueHours(t.queueHours, arrival, start);
    }
  }
  const all = new Tally();
  const byField: Record<string, DeskQueueFigures> = {};
  for (const f of fields) {
    all.add(f.tally);
    byField[f.name] = f.tally.figures(workingDays, within);
  }
  return { workingDays, desk: all.figures(workingDays, within), fields: byField };
}

/** Adds 1 to every hour mark (h:00 local) in [from, to): the visitor was waiting then. */
function queueHours(hours: Float64Array, from: number, to: number): void {
  // Local hour marks: the office runs in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
  const offset = 7 * HOUR;
  let mark = Math.ceil((from + offset) / HOUR) * HOUR - offset;
  for (; mark < to; mark += HOUR) {
    const h = Math.floor(((((mark + offset) % DAY) + DAY) % DAY) / HOUR);
    hours[h]! += 1;
  }
}
