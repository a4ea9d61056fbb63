import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { formatReturnDate, instantAt, localDayBounds, localParts, zoneOffsetMs } from './local-time.js';

/** The wall clock straight from Intl, one `formatToParts` call: what the fast path must equal. */
function intlParts(instant: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of f.formatToParts(instant)) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  }
  return p;
}

// Vietnam (fixed +7 today, +8 and other offsets in its history), zones with daylight saving
// (one with a 30-minute switch), a +5:45 zone, and Samoa, which skipped 30 December 2011.
const ZONES = [
  'Asia/Ho_Chi_Minh',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
];

describe('local time by cached offsets', () => {
  it('gives the wall clock Intl gives, in every zone, across switches and history', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1940, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, t) => {
          expect(localParts(new Date(t), zone)).toEqual(intlParts(new Date(t), zone));
        },
      ),
      { numRuns: laneCount(3000, 300) },
    );
  });

  it('is exact at the instants around daylight-saving switches', () => {
    const switches = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Europe/London', '2026-03-29T01:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['Pacific/Apia', '2011-12-30T10:00:00Z'],
      ['Asia/Ho_Chi_Minh', '1975-06-12T16:00:00Z'],
    ] as const;
    for (const [zone, iso] of switches) {
      const at = Date.parse(iso);
      for (let dt = -90 * 60_000; dt <= 90 * 60_000; dt += 60_000 - 1) {
        const instant = new Date(at + dt);
        expect(localParts(instant, zone), `${zone} ${instant.toISOString()}`).toEqual(
          intlParts(instant, zone),
        );
      }
    }
  });

  it('maps a wall time back to its instant (Vietnam: always 7 hours before)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1980, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (year, month, day, minutes) => {
          const t = instantAt('Asia/Ho_Chi_Minh', year, month, day, minutes).getTime();
          expect(t).toBe(Date.UTC(year, month - 1, day, 0, minutes) - 7 * 3_600_000);
        },
      ),
    );
    // A zone with daylight saving: every wall time outside the spring-forward gap round-trips.
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
        const p = localParts(new Date(t), 'America/New_York');
        const back = instantAt('America/New_York', p.year, p.month, p.day, p.hour * 60 + p.minute);
        expect(localParts(back, 'America/New_York')).toEqual({ ...p, second: 0 });
      }),
    );
  });

  it('bounds the local day and formats return dates in Vietnam time whatever the process zone', () => {
    const day = localDayBounds(new Date('2026-03-02T18:30:00Z'), 'Asia/Ho_Chi_Minh');
    expect(day.start.toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-03-03T17:00:00.000Z');
    const ny = localDayBounds(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(ny.end.getTime() - ny.start.getTime()).toBe(23 * 3_600_000);
    expect(formatReturnDate(new Date('2026-03-11T10:00:00Z'))).toBe('17 giờ 00 phút ngày 11/03/2026');
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Ho_Chi_Minh')).toBe(7 * 3_600_000);
    expect(() => zoneOffsetMs(0, 'Mars/Olympus')).toThrow(/timeZone/);
  });
});
