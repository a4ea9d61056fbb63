import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { formatInstant, isOwnInstant } from './instant-format.js';

// First in the file, on a fresh module: the remembered last text started as '' and made '' an instant.
it('never takes the empty text for an instant, even as the first question', () => {
  expect(isOwnInstant('')).toBe(false);
});

describe('formatInstant', () => {
  it('writes every instant as Date#toISOString does (property, years 1970–9999 and beyond)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000_000, max: 300_000_000_000_000 }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: laneCount(20_000, 2_000) },
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

describe('isOwnInstant', () => {
  it('is true exactly for the text Date#toISOString writes with a 4-digit year (property, asked twice)', () => {
    const own = (v: string) =>
      /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/.test(v) && new Date(v).toISOString() === v;
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .integer({ min: -62_000_000_000_000, max: 253_402_300_799_999 })
            .map((ms) => new Date(ms).toISOString()),
          fc.constantFrom(
            '2026-02-30T10:00:00.000Z',
            '2026-03-02T09:30:00+07:00',
            '2026-03-02T02:30:00Z',
            '',
            'x',
          ),
          fc.string(),
        ),
        (v) => {
          expect(isOwnInstant(v)).toBe(own(v));
          expect(isOwnInstant(v)).toBe(own(v));
        },
      ),
      { numRuns: laneCount(20_000, 2_000) },
    );
    expect(isOwnInstant(42)).toBe(false);
  });
});
