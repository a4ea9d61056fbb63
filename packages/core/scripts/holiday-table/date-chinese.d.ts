/**
 * The part of date-chinese 2.1.4 this package uses. Its own declarations (types/index.d.ts) are
 * not reachable through its package.json "exports", so TypeScript cannot find them.
 */
declare module 'date-chinese' {
  /** The Vietnamese lunisolar calendar (UTC+7 from 1968, UTC+8 before). */
  export class CalendarVietnamese {
    /** Sets the lunar date: 60-year cycle, year in the cycle, month, leap (0/1), day. */
    set(cycle: number, year: number, month: number, leap: number, day: number): this;
    /** Julian Ephemeris Day of the local midnight that begins the set date in lunar year `gyear`. */
    toJDE(gyear?: number): number;
  }
}
