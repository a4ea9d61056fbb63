import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { absenceDraw } from './desk-queue.js';
import { serviceTimeSampler } from './service-time.js';
import type { ProcessingCapacity } from './staffing-scenario.js';
import { waitSummary } from './wait-summary.js';

/** What one processing unit did: steps worked, how long they waited for an officer, how busy its officers were. */
export interface UnitCapacityFigures {
  /** Officers processing (those at the desk on rotation left out). */
  readonly officers: number;
  readonly steps: number;
  /** Working minutes a step waited for an officer of the unit: mean, 90th percentile, maximum. */
  readonly meanWaitMinutes: number;
  readonly p90WaitMinutes: number;
  readonly maxWaitMinutes: number;
  /** Working minutes of work booked on the unit's officers. */
  readonly workMinutes: number;
}

/** The processing capacity's figures of a run: each unit, and the apologies (Form 04) sent. */
export interface CapacityResult {
  readonly units: Readonly<Record<string, UnitCapacityFigures>>;
  readonly apologies: number;
}

interface UnitState {
  readonly id: string;
  readonly free: number[];
  readonly absence: number;
  readonly sample: () => number;
  readonly byKey: Map<string, () => number>;
  readonly waits: number[];
  work: number;
}

/**
 * The officers of the processing units as a resource: a step opened at a unit waits for the officer
 * who can start it first (first come, first served; in working time; not on a day the officer is
 * absent), who then works it for a drawn number of working minutes. The step's end — and from it
 * the dossier's early, on-time or late outcome on the procedure's own lifecycle — comes out of the
 * queue instead of being drawn. Units not named have no limit.
 * @internal
 */
export class UnitCapacity {
  private readonly units = new Map<string, UnitState>();
  private readonly seed: number;
  private readonly hold = new Map<string, readonly [number, number]>();
  apologies = 0;

  constructor(
    capacity: ProcessingCapacity & { readonly atDesk?: Readonly<Record<string, number>> },
    private readonly calendar: WorkingCalendar,
    random: () => number,
    seed: number,
  ) {
    this.seed = seed;
    for (const [id, unit] of Object.entries(capacity.units)) {
      const officers = Math.max(0, unit.officers - (capacity.atDesk?.[id] ?? 0));
      if (unit.holdShareOfBudget) this.hold.set(id, unit.holdShareOfBudget);
      const byKey = new Map<string, () => number>();
      for (const [code, d] of Object.entries(unit.byProcedure ?? {}))
        byKey.set(code, serviceTimeSampler(d, random));
      for (const [key, d] of Object.entries(unit.byStep ?? {})) byKey.set(key, serviceTimeSampler(d, random));
      this.units.set(id, {
        id,
        free: Array.from({ length: officers }, () => 0),
        absence: unit.absenceShare ?? 0,
        sample: serviceTimeSampler(unit.serviceMinutes, random),
        byKey,
        waits: [],
        work: 0,
      });
    }
  }

  /** The share of its budget a step at `unit` stays open at least, if the unit says so. */
  holdShare(unit: string): readonly [number, number] | undefined {
    return this.hold.get(unit);
  }

  /** Whether `unit` has a capacity (else its steps take their drawn pace). */
  has(unit: string): boolean {
    return this.units.has(unit);
  }

  /**
   * Books step `stepId` of a dossier of `procedure` opened at `now` (ms) at `unit`: the first
   * officer able to start takes it. `atLeastUntil` (ms) holds the step open until then (a slow step
   * waiting on something outside the unit). Returns when the work starts and ends.
   */
  book(
    unit: string,
    procedure: string,
    stepId: string,
    now: number,
    atLeastUntil = 0,
  ): { start: number; end: number } {
    const u = this.units.get(unit) as UnitState;
    const minutes = (u.byKey.get(`${procedure}/${stepId}`) ?? u.byKey.get(procedure) ?? u.sample)();
    if (u.free.length === 0) {
      // No officer left to process: the step waits for ever (the scenario check refuses this where work arrives).
      return { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
    }
    let best = -1;
    let bestStart = Number.POSITIVE_INFINITY;
    for (let o = 0; o < u.free.length; o++) {
      const start = this.startOf(u, o, Math.max(u.free[o] as number, now));
      if (start < bestStart) {
        bestStart = start;
        best = o;
      }
    }
    let end = this.calendar.addWorkingMinutesMs(bestStart, minutes);
    u.free[best] = end;
    if (atLeastUntil > end) end = atLeastUntil;
    u.waits.push(this.calendar.workingMinutesBetweenMs(now, bestStart));
    u.work += minutes;
    return { start: bestStart, end };
  }

  /** The first working moment from `t` on a day officer `o` is present. */
  private startOf(u: UnitState, o: number, t: number): number {
    let at = this.calendar.nextWorkingMoment(new Date(t));
    for (let i = 0; i < 400 && u.absence > 0; i++) {
      const day = this.calendar.localDayNumber(at);
      if (absenceDraw(this.seed, u.id, o, day) >= u.absence) break;
      at = this.calendar.nextWorkingMoment(this.calendar.startOfDay(this.calendar.nextWorkingDay(at)));
    }
    return at.getTime();
  }

  /** The units' figures. */
  result(): CapacityResult {
    const units: Record<string, UnitCapacityFigures> = {};
    for (const u of this.units.values()) {
      const w = waitSummary(u.waits);
      units[u.id] = {
        officers: u.free.length,
        steps: w.count,
        meanWaitMinutes: w.mean,
        p90WaitMinutes: w.p90,
        maxWaitMinutes: w.max,
        workMinutes: u.work,
      };
    }
    return { units, apologies: this.apologies };
  }
}
