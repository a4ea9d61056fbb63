import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { formatInstant, instantMs, isOwnInstant } from './instant-format.js';

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

describe('instantMs', () => {
  it('gives what Date.parse gives, for any text (property)', () => {
    const own = fc.integer({ min: -1e13, max: 253_402_300_799_999 }).map((ms) => new Date(ms).toISOString());
    // Own-form texts with any digits in any place: invalid months, days, hours, Feb 29 and 30.
    const digit = fc.constantFrom(...'0123456789');
    const shaped = fc
      .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }))
      .map(
        ([d]) =>
          `${d.slice(0, 4).join('')}-${d[4]}${d[5]}-${d[6]}${d[7]}T${d[8]}${d[9]}:${d[10]}${d[11]}:${d[12]}${d[13]}.${d[14]}${d[15]}${d[16]}Z`,
      );
    const near = fc
      .tuple(own, fc.nat(23), fc.constantFrom('x', '-', ':', '9', '0', ' ', 'Z'))
      .map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    const other = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '2026-02-29T00:00:00.000Z',
        '2024-02-29T23:59:59.999Z',
        '2026-03-02T09:30:00+07:00',
        '2100-02-29T00:00:00.000Z',
        '2000-02-29T00:00:00.000Z',
      ),
    );
    fc.assert(
      fc.property(fc.oneof(own, shaped, near, other), (text) => {
        expect(Object.is(instantMs(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 50_000 },
    );
  });
});
