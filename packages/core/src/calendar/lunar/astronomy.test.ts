/**
 * The astronomy under the lunar calendar: ΔT, new moons and the Sun's longitude, against the
 * worked examples of J. Meeus, *Astronomical Algorithms* (2nd ed., 1998) and published instants
 * of new moons, solstices and equinoxes (rounded to the minute, hence the one-minute tolerance).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deltaTSeconds } from './delta-t.js';
import { lunationNear, newMoonJde, SYNODIC_MONTH } from './new-moon.js';
import { apparentSolarLongitude, jdeOfSolarLongitude } from './sun-longitude.js';
import { instantOfJde, JD_UNIX_EPOCH, jdeOfInstant } from './time-scales.js';

const jdOf = (iso: string) => Date.parse(iso) / 86_400_000 + JD_UNIX_EPOCH;
const newMoonNear = (iso: string) => instantOfJde(newMoonJde(lunationNear(jdOf(iso))));
const termNear = (degrees: number, iso: string) => instantOfJde(jdeOfSolarLongitude(degrees, jdOf(iso)));
const K_RANGE = fc.integer({ min: -700, max: 3700 }); // new moons 1943–2299

describe('ΔT (Espenak–Meeus polynomials)', () => {
  it('matches the observed ΔT of 1980–2010 within a second (IERS: 50.54, 56.86, 63.83, 66.07 s)', () => {
    expect(deltaTSeconds(1980)).toBeCloseTo(50.54, 0);
    expect(deltaTSeconds(1990)).toBeCloseTo(56.86, 0);
    expect(deltaTSeconds(2000)).toBeCloseTo(63.83, 0);
    expect(Math.abs(deltaTSeconds(2010) - 66.07)).toBeLessThan(1);
  });

  it('joins its pieces within 0.1 s (1961, 1986, 2005, 2050, 2150)', () => {
    for (const y of [1961, 1986, 2005, 2050, 2150]) {
      expect(Math.abs(deltaTSeconds(y) - deltaTSeconds(y - 1e-9))).toBeLessThan(0.1);
    }
  });

  it('grows in the predicted years (2010–2300)', () => {
    fc.assert(
      fc.property(fc.double({ min: 2010, max: 2299, noNaN: true }), (y) => {
        expect(deltaTSeconds(y + 1)).toBeGreaterThan(deltaTSeconds(y));
      }),
    );
  });

  it('turns instants into JDE and back to the millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2300, 0, 1) }), (ms) => {
        expect(Math.abs(instantOfJde(jdeOfInstant(ms)) - ms)).toBeLessThan(1);
      }),
    );
  });
});

describe('new moons (Meeus chapter 49)', () => {
  it('Meeus example 49.a: the new moon of February 1977 is JDE 2443192.65118', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2_443_192.65118, 4);
  });

  it.each([
    // H. Aslaksen, "The Mathematics of the Chinese Calendar": Tết 1968 in the North (UTC+7)
    ['1968-01-29T16:29Z', 'the new moon of Tết Mậu Thân, 23:29 in Hanoi, 00:29 at UTC+8'],
    // Trần Tiến Bình (Ban Lịch nhà nước), quoted by scimyst.com: 23:05 Vietnam time on 25/06/2006
    ['2006-06-25T16:05Z', 'the new moon of 25/06/2006 at 23:05 in Vietnam'],
    ['2024-02-09T22:59Z', 'the new moon of Tết Giáp Thìn'],
    ['2025-01-29T12:36Z', 'the new moon of Tết Ất Tỵ'],
    ['2026-02-17T12:01Z', 'the new moon of Tết Bính Ngọ (annular eclipse)'],
  ])('%s: %s, within a minute', (iso) => {
    expect(Math.abs(newMoonNear(iso) - Date.parse(iso))).toBeLessThan(60_000);
  });

  it('follow one another 29.2–29.9 days apart, and lunationNear finds their number', () => {
    fc.assert(
      fc.property(K_RANGE, (k) => {
        const gap = newMoonJde(k + 1) - newMoonJde(k);
        expect(gap).toBeGreaterThan(29.2);
        expect(gap).toBeLessThan(29.9);
        expect(lunationNear(newMoonJde(k))).toBe(k);
        expect(Math.abs(newMoonJde(k) - (2_451_550.09766 + SYNODIC_MONTH * k))).toBeLessThan(0.75);
      }),
    );
  });

  it('are conjunctions: the Sun has moved 360°/12.37 between two of them', () => {
    fc.assert(
      fc.property(K_RANGE, (k) => {
        let moved = apparentSolarLongitude(newMoonJde(k + 1)) - apparentSolarLongitude(newMoonJde(k));
        if (moved < 0) moved += 360;
        expect(moved).toBeGreaterThan(27.5);
        expect(moved).toBeLessThan(30.8);
      }),
    );
  });
});

describe('the Sun (Meeus chapter 25, VSOP87)', () => {
  it('Meeus example 25.b: 1992 October 13.0 TD, apparent longitude 199°54\'21.8" within 0.5"', () => {
    const expected = 199 + 54 / 60 + 21.818 / 3600;
    expect(Math.abs(apparentSolarLongitude(2_448_908.5) - expected) * 3600).toBeLessThan(0.5);
  });

  it.each([
    [0, '2024-03-20T03:06Z'],
    [90, '2024-06-20T20:51Z'],
    [180, '2024-09-22T12:44Z'],
    [270, '2024-12-21T09:20Z'],
    [0, '2025-03-20T09:01Z'],
    [270, '2025-12-21T15:03Z'],
  ])('longitude %i° at %s (published equinoxes and solstices), within a minute', (degrees, iso) => {
    expect(Math.abs(termNear(degrees, iso) - Date.parse(iso))).toBeLessThan(60_000);
  });

  it('jdeOfSolarLongitude inverts apparentSolarLongitude', () => {
    fc.assert(
      fc.property(fc.double({ min: 2_433_000, max: 2_560_000, noNaN: true }), (jde) => {
        const lambda = apparentSolarLongitude(jde);
        expect(Math.abs(jdeOfSolarLongitude(lambda, jde + 10) - jde)).toBeLessThan(1e-5);
      }),
      { numRuns: 200 },
    );
  });
});
