/**
 * The Sun's apparent geocentric longitude, after J. Meeus, *Astronomical Algorithms* (2nd ed.,
 * 1998), chapter 25 "higher accuracy": the Earth's heliocentric longitude from the truncated
 * VSOP87 series of Meeus's Appendix III (about 1″ in longitude, i.e. the Sun's position within
 * about 25 s of time), turned geocentric, reduced to the FK5 frame, then corrected for nutation
 * in longitude (chapter 22, the four main terms) and for aberration.
 */

const RAD = Math.PI / 180;
const ARCSEC = RAD / 3600;

/** One VSOP87 term: amplitude (10⁻⁸ rad), phase (rad), frequency (rad per Julian millennium). */
type Term = readonly [number, number, number];

const L0: readonly Term[] = [
  [175347046, 0, 0],
  [3341656, 4.6692568, 6283.07585],
  [34894, 4.6261, 12566.1517],
  [3497, 2.7441, 5753.3849],
  [3418, 2.8289, 3.5231],
  [3136, 3.6277, 77713.7715],
  [2676, 4.4181, 7860.4194],
  [2343, 6.1352, 3930.2097],
  [1324, 0.7425, 11506.7698],
  [1273, 2.0371, 529.691],
  [1199, 1.1096, 1577.3435],
  [990, 5.233, 5884.927],
  [902, 2.045, 26.298],
  [857, 3.508, 398.149],
  [780, 1.179, 5223.694],
  [753, 2.533, 5507.553],
  [505, 4.583, 18849.228],
  [492, 4.205, 775.523],
  [357, 2.92, 0.067],
  [317, 5.849, 11790.629],
  [284, 1.899, 796.298],
  [271, 0.315, 10977.079],
  [243, 0.345, 5486.778],
  [206, 4.806, 2544.314],
  [205, 1.869, 5573.143],
  [202, 2.458, 6069.777],
  [156, 0.833, 213.299],
  [132, 3.411, 2942.463],
  [126, 1.083, 20.775],
  [115, 0.645, 0.98],
  [103, 0.636, 4694.003],
  [102, 0.976, 15720.839],
  [102, 4.267, 7.114],
  [99, 6.21, 2146.17],
  [98, 0.68, 155.42],
  [86, 5.98, 161000.69],
  [85, 1.3, 6275.96],
  [85, 3.67, 71430.7],
  [80, 1.81, 17260.15],
  [79, 3.04, 12036.46],
  [75, 1.76, 5088.63],
  [74, 3.5, 3154.69],
  [74, 4.68, 801.82],
  [70, 0.83, 9437.76],
  [62, 3.98, 8827.39],
  [61, 1.82, 7084.9],
  [57, 2.78, 6286.6],
  [56, 4.39, 14143.5],
  [56, 3.47, 6279.55],
  [52, 0.19, 12139.55],
  [52, 1.33, 1748.02],
  [51, 0.28, 5856.48],
  [49, 0.49, 1194.45],
  [41, 5.37, 8429.24],
  [41, 2.4, 19651.05],
  [39, 6.17, 10447.39],
  [37, 6.04, 10213.29],
  [37, 2.57, 1059.38],
  [36, 1.71, 2352.87],
  [36, 1.78, 6812.77],
  [33, 0.59, 17789.85],
  [30, 0.44, 83996.85],
  [30, 2.74, 1349.87],
  [25, 3.16, 4690.48],
];

const L1: readonly Term[] = [
  [628331966747, 0, 0],
  [206059, 2.678235, 6283.07585],
  [4303, 2.6351, 12566.1517],
  [425, 1.59, 3.523],
  [119, 5.796, 26.298],
  [109, 2.966, 1577.344],
  [93, 2.59, 18849.23],
  [72, 1.14, 529.69],
  [68, 1.87, 398.15],
  [67, 4.41, 5507.55],
  [59, 2.89, 5223.69],
  [56, 2.17, 155.42],
  [45, 0.4, 796.3],
  [36, 0.47, 775.52],
  [29, 2.65, 7.11],
  [21, 5.34, 0.98],
  [19, 1.85, 5486.78],
  [19, 4.97, 213.3],
  [17, 2.99, 6275.96],
  [16, 0.03, 2544.31],
  [16, 1.43, 2146.17],
  [15, 1.21, 10977.08],
  [12, 2.83, 1748.02],
  [12, 3.26, 5088.63],
  [12, 5.27, 1194.45],
  [12, 2.08, 4694.0],
  [11, 0.77, 553.57],
  [10, 1.3, 6286.6],
  [10, 4.24, 1349.87],
  [9, 2.7, 242.73],
  [9, 5.64, 951.72],
  [8, 5.3, 2352.87],
  [6, 2.65, 9437.76],
  [6, 4.67, 4690.48],
];

const L2: readonly Term[] = [
  [52919, 0, 0],
  [8720, 1.0721, 6283.0758],
  [309, 0.867, 12566.152],
  [27, 0.05, 3.52],
  [16, 5.19, 26.3],
  [16, 3.68, 155.42],
  [10, 0.76, 18849.23],
  [9, 2.06, 77713.77],
  [7, 0.83, 775.52],
  [5, 4.66, 1577.34],
  [4, 1.03, 7.11],
  [4, 3.44, 5573.14],
  [3, 5.14, 796.3],
  [3, 6.05, 5507.55],
  [3, 1.19, 242.73],
  [3, 6.12, 529.69],
  [3, 0.31, 398.15],
  [3, 2.28, 553.57],
  [2, 4.38, 5223.69],
  [2, 3.75, 0.98],
];

const L3: readonly Term[] = [
  [289, 5.844, 6283.076],
  [35, 0, 0],
  [17, 5.49, 12566.15],
  [3, 5.2, 155.42],
  [1, 4.72, 3.52],
  [1, 5.3, 18849.23],
  [1, 5.97, 242.73],
];

const L4: readonly Term[] = [
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: the table's value, as printed by Meeus
  [114, 3.142, 0],
  [8, 4.13, 6283.08],
  [1, 3.84, 12566.15],
];

const L5: readonly Term[] = [[1, 3.14, 0]];

const SERIES = [L0, L1, L2, L3, L4, L5] as const;

function sumSeries(terms: readonly Term[], tau: number): number {
  let s = 0;
  for (const [a, b, c] of terms) s += a * Math.cos(b + c * tau);
  return s;
}

/** Normalises degrees to [0, 360). */
function normalizeDegrees(deg: number): number {
  const r = deg % 360;
  return r < 0 ? r + 360 : r;
}

/** The Sun's apparent geocentric longitude in degrees [0, 360) at a Julian Ephemeris Day (TT). */
export function apparentSolarLongitude(jde: number): number {
  const tau = (jde - 2_451_545) / 365_250;
  let l = 0;
  let power = 1;
  for (const terms of SERIES) {
    l += sumSeries(terms, tau) * power;
    power *= tau;
  }
  const t = tau * 10;
  // Heliocentric Earth → geocentric Sun; the FK5 reduction of longitude is a constant −0.09033″
  // (Meeus 25.9).
  const sun = normalizeDegrees((l * 1e-8) / RAD + 180);
  const fk5 = -0.09033 * ARCSEC;
  // Nutation in longitude, main terms (Meeus 22): Ω, mean longitudes of Sun and Moon.
  const omega = (125.04452 - 1934.136261 * t) * RAD;
  const ls = (280.4665 + 36000.7698 * t) * RAD;
  const lm = (218.3165 + 481267.8813 * t) * RAD;
  const dpsi =
    (-17.2 * Math.sin(omega) -
      1.32 * Math.sin(2 * ls) -
      0.23 * Math.sin(2 * lm) +
      0.21 * Math.sin(2 * omega)) *
    ARCSEC;
  // Aberration, −20.4898″ / R, with the Earth–Sun distance R in AU from the Sun's mean anomaly.
  const m = (357.52911 + 35999.05029 * t) * RAD;
  const r = 1.00014 - 0.016708 * Math.cos(m) - 0.000139 * Math.cos(2 * m);
  const aberration = (-20.4898 / r) * ARCSEC;
  return normalizeDegrees(sun + (fk5 + dpsi + aberration) / RAD);
}

/** Mean motion of the Sun in longitude, degrees per day. */
const SUN_DEGREES_PER_DAY = 360 / 365.2422;

/**
 * The Julian Ephemeris Day (TT) at which the Sun's apparent longitude is `degrees`, searched
 * from `nearJde` (within a few weeks of the answer). Newton steps on the Sun's mean motion,
 * to well under a second.
 */
export function jdeOfSolarLongitude(degrees: number, nearJde: number): number {
  let jde = nearJde;
  for (let i = 0; i < 10; i++) {
    let diff = degrees - apparentSolarLongitude(jde);
    diff -= 360 * Math.round(diff / 360);
    const step = diff / SUN_DEGREES_PER_DAY;
    jde += step;
    if (Math.abs(step) < 1e-7) break;
  }
  return jde;
}
