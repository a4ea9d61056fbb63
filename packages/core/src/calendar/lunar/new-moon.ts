/**
 * The instant of a new moon (conjunction of Sun and Moon in longitude), after J. Meeus,
 * *Astronomical Algorithms* (2nd ed., 1998), chapter 49: the mean phase plus the periodic terms
 * and the fourteen planetary corrections. Meeus gives its error against the full lunar theory as
 * a few seconds (under 20 s at worst) within a few centuries of 2000.
 */

const RAD = Math.PI / 180;
/** Mean synodic month in days. */
export const SYNODIC_MONTH = 29.530588861;
/** JDE of the mean new moon of lunation 0 (2000-01-06). */
const MEAN_NEW_MOON_0 = 2_451_550.09766;

/** Periodic terms of a new moon: [coefficient, power of E, multiples of M, M′, F, Ω]. */
const TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

/** Planetary corrections: [coefficient, argument at k = 0 (degrees), degrees per lunation]. */
const PLANETARY: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/**
 * Julian Ephemeris Day (TT) of new moon number `k` (an integer; `k = 0` is the new moon of
 * 2000-01-06, negative before it).
 */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const mean = MEAN_NEW_MOON_0 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * RAD;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * RAD;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * RAD;
  const om = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * RAD;
  let correction = 0;
  for (const [c, ePow, nm, nmp, nf, nom] of TERMS) {
    correction += c * e ** ePow * Math.sin(nm * m + nmp * mp + nf * f + nom * om);
  }
  const a1 = (299.77 + 0.107408 * k - 0.009173 * t2) * RAD;
  correction += 0.000325 * Math.sin(a1);
  for (let i = 1; i < PLANETARY.length; i++) {
    const [c, a0, rate] = PLANETARY[i]!;
    correction += c * Math.sin((a0 + rate * k) * RAD);
  }
  return mean + correction;
}

/** The lunation number whose mean new moon is nearest to `jde`. */
export function lunationNear(jde: number): number {
  return Math.round((jde - MEAN_NEW_MOON_0) / SYNODIC_MONTH);
}
