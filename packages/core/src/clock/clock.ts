/**
 * Where the engine reads the time. Everything time-dependent goes through a clock, so a dossier's
 * whole life can run under a {@link SimulatedClock} in tests and simulations.
 */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that moves only when told: `set` and `advance`. Deterministic: the same moves give the
 * same times. (XState's own `SimulatedClock` drives in-memory `after` delays, which motcua never
 * uses for deadlines; this one drives the engine's durable timers.)
 * @example
 * ```ts
 * import { SimulatedClock } from '@motcua/core';
 * const clock = new SimulatedClock(new Date('2026-02-12T08:00:00+07:00'));
 * clock.advance({ hours: 2 });
 * ```
 */
export class SimulatedClock implements Clock {
  private t: number;

  constructor(start: Date | string = '2026-01-05T08:00:00+07:00') {
    this.t = new Date(start).getTime();
    if (Number.isNaN(this.t)) throw new RangeError(`SimulatedClock: invalid start ${String(start)}`);
  }

  now(): Date {
    return new Date(this.t);
  }

  /**
   * The time in milliseconds since the epoch: `now().getTime()` without making a `Date` (the
   * store-less simulation reads it on every command).
   * @example
   * ```ts
   * import { SimulatedClock } from '@motcua/core';
   * new SimulatedClock('2026-02-12T08:00:00+07:00').nowMs(); // 1770858000000
   * ```
   */
  nowMs(): number {
    return this.t;
  }

  /** Moves to an instant; moving backwards is refused (time in this domain never runs back). */
  set(instant: Date | string): void {
    const t = new Date(instant).getTime();
    if (Number.isNaN(t)) throw new RangeError(`SimulatedClock.set: invalid instant ${String(instant)}`);
    if (t < this.t) throw new RangeError(`SimulatedClock.set: ${new Date(t).toISOString()} is before now`);
    this.t = t;
  }

  /** Moves forward by a duration. */
  advance(
    by: number | { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number },
  ): void {
    const ms =
      typeof by === 'number'
        ? by
        : (by.days ?? 0) * 86_400_000 +
          (by.hours ?? 0) * 3_600_000 +
          (by.minutes ?? 0) * 60_000 +
          (by.seconds ?? 0) * 1000 +
          (by.ms ?? 0);
    if (!(ms >= 0)) throw new RangeError(`SimulatedClock.advance: expected a duration ≥ 0, got ${ms}`);
    this.t += ms;
  }
}
