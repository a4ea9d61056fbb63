import { deltaTSeconds } from './delta-t.js';

/** Julian Day of the Unix epoch, 1970-01-01 00:00 UTC. */
export const JD_UNIX_EPOCH = 2_440_587.5;
/** Julian Day of J2000.0 (2000-01-01 12:00 TT). */
const J2000 = 2_451_545;
const MS_PER_DAY = 86_400_000;

/** Decimal year of a Julian Day (precise enough to pick ΔT). */
function decimalYearOf(jd: number): number {
  return 2000 + (jd - J2000) / 365.25;
}

/** Epoch milliseconds (UTC) of a Julian Ephemeris Day (TT). */
export function instantOfJde(jde: number): number {
  const jd = jde - deltaTSeconds(decimalYearOf(jde)) / 86_400;
  return (jd - JD_UNIX_EPOCH) * MS_PER_DAY;
}

/** Julian Ephemeris Day (TT) of epoch milliseconds (UTC). */
export function jdeOfInstant(ms: number): number {
  const jd = ms / MS_PER_DAY + JD_UNIX_EPOCH;
  return jd + deltaTSeconds(decimalYearOf(jd)) / 86_400;
}
