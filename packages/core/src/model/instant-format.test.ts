import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from './instant-format.js';

describe('formatInstant', () => {
  it('writes every instant as Date#toISOString does (property, years 1970–9999 and beyond)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000_000, max: 300_000_000_000_000 }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees at day, month, year, leap-day and range edges', () => {
    const edges = [
      0,
      -1,
      86_399_999,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(2026, 0, 1),
      253_402_300_799_999,
      253_402_300_800_000,
      1.5,
    ];
    for (const ms of edges) expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('throws as Date#toISOString does on a non-finite instant', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });
});
