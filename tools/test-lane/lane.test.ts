import { describe, expect, it } from 'vitest';
import { laneCount, testLane } from './lane.js';

describe('laneCount', () => {
  it('gives the full count in the full lane and the unit count in the unit lane', () => {
    expect(laneCount(1000, 100)).toBe(testLane === 'unit' ? 100 : 1000);
  });

  it('refuses a unit count above the full one, below 1, or not whole: the unit lane may only be lighter', () => {
    for (const [full, unit] of [
      [10, 11],
      [10, 0],
      [10, 2.5],
      [Number.NaN, 1],
    ] as const) {
      expect(() => laneCount(full, unit)).toThrow(RangeError);
    }
  });
});

describe('the lane of this run', () => {
  it('is the one vitest.config.ts set from the mode, whatever the shell said', () => {
    expect(process.env.MOTCUA_TEST_LANE).toBe(testLane);
  });
});
