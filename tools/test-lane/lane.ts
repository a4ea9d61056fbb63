/**
 * The two vitest lanes (see docs/guides/contributing.md, "Checks"):
 *
 * - **full** — `./pnpmw test` (and CI), and any targeted `vitest run <files>`: every test at the
 *   strength its author chose.
 * - **unit** — `./pnpmw test:unit` (`vitest run --mode unit`): the quick lane while you work. It
 *   skips the tests tagged `slow` and runs the property tests, fuzzers and simulations with the
 *   smaller counts they give here.
 *
 * vitest.config.ts sets `MOTCUA_TEST_LANE` from the mode, in both lanes, so a variable left in the
 * shell cannot lighten the full lane.
 */
export const testLane: 'unit' | 'full' = process.env.MOTCUA_TEST_LANE === 'unit' ? 'unit' : 'full';

/**
 * A count for this lane (property runs, fuzz calls, simulated volume): `full` in the full lane,
 * `unit` in the quick one. The unit count must be positive and no larger than the full one: the
 * quick lane may only be lighter.
 */
export function laneCount(full: number, unit: number): number {
  if (!Number.isInteger(unit) || unit < 1 || !Number.isInteger(full) || unit > full) {
    throw new RangeError(`laneCount: want integers 1 ≤ unit ≤ full, got full ${full}, unit ${unit}`);
  }
  return testLane === 'unit' ? unit : full;
}
