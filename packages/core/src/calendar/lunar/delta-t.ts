/**
 * ΔT = TT − UT, the difference between the uniform time of the ephemerides (Terrestrial Time,
 * in which new moons and solar terms are computed) and the Earth-rotation time of civil clocks.
 *
 * The polynomial expressions of F. Espenak and J. Meeus, "Polynomial expressions for Delta T"
 * (NASA Five Millennium Canon of Solar Eclipses, NASA/TP-2006-214141, 2006), for the years this
 * module serves (1950–2300). Past 2005 they are a prediction: the Earth's rotation cannot be
 * forecast, and the real ΔT of 2025 (about 69 s) is already about 5 s below the 2006 prediction;
 * the uncertainty grows to about a minute by 2100 and several minutes by 2200. That uncertainty is
 * why the lunar calendar reports how close each new moon falls to midnight.
 */

/** ΔT in seconds at a decimal year (e.g. `2026.5` for the middle of 2026). */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - (t * t) / 233 + (t * t * t) / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - (t * t * t) / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}
