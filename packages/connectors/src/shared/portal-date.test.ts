import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { portalDate } from './portal-date.js';

/** What luxon writes: the reference the portal's format is written without. */
const byLuxon = (instant: string | Date, format: string) =>
  (typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant))
    .setZone('Asia/Ho_Chi_Minh')
    .toFormat(format);

const FORMAT = 'yyyyMMddHHmmss';

describe('portalDate', () => {
  it('writes the portal format in Vietnam time', () => {
    expect(portalDate('2026-03-02T02:30:00.000Z', FORMAT)).toBe('20260302093000');
    expect(portalDate('2026-03-02T09:30+07:00', FORMAT)).toBe('20260302093000');
    expect(portalDate('2026-12-31T23:59:59.999-05:00', FORMAT)).toBe('20270101115959');
    expect(portalDate('2028-02-29T17:00:00Z', FORMAT)).toBe('20280301000000');
    expect(portalDate(new Date('2026-03-02T02:30:00Z'), 'yyyy-MM-dd HH:mm:ss')).toBe('2026-03-02 09:30:00');
    // Before 1976 the zone's history applies (UTC+08:00 in the south until 1975): luxon's answer.
    expect(portalDate('1970-01-01T00:00:00Z', FORMAT)).toBe(byLuxon('1970-01-01T00:00:00Z', FORMAT));
  });

  it('is exactly what luxon writes, for any instant and offset (property)', () => {
    const instant = fc.date({
      min: new Date('1950-01-01Z'),
      max: new Date('2200-01-01Z'),
      noInvalidDate: true,
    });
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(instant, offset, fc.integer({ min: 0, max: 3 }), (date, off, precision) => {
        const shifted = DateTime.fromJSDate(date).setZone(
          off === 0
            ? 'utc'
            : `UTC${off < 0 ? '-' : '+'}${Math.floor(Math.abs(off) / 60)}:${String(Math.abs(off) % 60).padStart(2, '0')}`,
        );
        const text = [
          shifted.toFormat("yyyy-MM-dd'T'HH:mm"),
          shifted.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
          shifted.toFormat("yyyy-MM-dd'T'HH:mm:ss.S"),
          shifted.toISO()!,
        ][precision]!;
        const iso = precision === 3 ? text : `${text}${off === 0 ? 'Z' : shifted.toFormat('ZZ')}`;
        expect(portalDate(iso, FORMAT)).toBe(byLuxon(iso, FORMAT));
        expect(portalDate(date, FORMAT)).toBe(byLuxon(date, FORMAT));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not an instant, as luxon does', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', 'March 2, 2026', ''])
      expect(() => portalDate(bad, FORMAT)).toThrow(RangeError);
    expect(() => portalDate(new Date(Number.NaN), FORMAT)).toThrow(RangeError);
  });
});
