import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPicker, pickWeighted, weightedPicker } from './seeded-random.js';
import { waitSummary } from './wait-summary.js';

/** The draw each copy of the picker made before there was one (the weights summed per draw). */
function reference(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = u * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

describe('the one weighted draw', () => {
  it('indexPicker draws what the per-draw sum drew, for any weights and random number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (weights, u) => {
          expect(indexPicker(weights)(() => u)).toBe(reference(weights, u));
        },
      ),
    );
  });

  it('weightedPicker and pickWeighted give the key of that index', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 50 }), { minKeys: 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (weights, u) => {
          const keys = Object.keys(weights);
          const key = keys[reference(Object.values(weights), u)];
          expect(weightedPicker(weights)(() => u)).toBe(key);
          expect(pickWeighted(weights, () => u)).toBe(key);
        },
      ),
    );
  });
});

describe('waitSummary', () => {
  it('gives the mean, the nearest-rank 90th percentile, the maximum and the counts', () => {
    const waits = [5, 0, 12, 3, 0, 30, 8, 1, 2, 20];
    expect(waitSummary(waits, 10)).toEqual({ count: 10, mean: 8.1, p90: 20, max: 30, within: 7, waited: 8 });
    expect(waitSummary([])).toEqual({ count: 0, mean: 0, p90: 0, max: 0, within: 0, waited: 0 });
  });
});
