import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantWriter } from './instant-text.js';

describe('instantWriter', () => {
  it('writes what Date#toISOString writes', () => {
    const write = instantWriter();
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 2.6e14 }), (ms) => {
        expect(write(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, 1, 999, 86_399_999, 86_400_000, Date.parse('2026-02-16T16:59:59.999Z')])
      expect(write(ms)).toBe(new Date(ms).toISOString());
  });

  it('refuses what Date refuses', () => {
    expect(() => instantWriter()(Number.NaN)).toThrow(RangeError);
  });
});
