/**
 * The calendar's time zones (Intl) against luxon, the reference: offsets and local minutes in zones
 * with and without daylight saving, half- and quarter-hour offsets, over the calendar's years.
 */
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { formatLocalMinute, timeZoneOf } from './time-zone.js';
import { CALENDAR_INSTANT_RANGE } from './working-calendar.js';

const ZONES = [
  'Asia/Ho_Chi_Minh',
  'Asia/Bangkok',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'UTC',
];

describe('timeZoneOf', () => {
  it('gives the offset and the local minute luxon gives, in every zone, across switches and history', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: CALENDAR_INSTANT_RANGE.first, max: CALENDAR_INSTANT_RANGE.last }),
        (name, ms) => {
          const zone = timeZoneOf(name)!;
          const ref = IANAZone.create(name);
          expect(zone.offset(ms)).toBe(ref.offset(ms));
          expect(formatLocalMinute(ms, zone)).toBe(
            DateTime.fromMillis(ms, { zone: ref }).toFormat('yyyy-MM-dd HH:mm'),
          );
        },
      ),
      { numRuns: laneCount(3000, 300) },
    );
  });

  it('is exact on both sides of a daylight-saving switch (New York, 8/3/2026 02:00)', () => {
    const zone = timeZoneOf('America/New_York')!;
    const switchAt = Date.parse('2026-03-08T07:00:00Z');
    for (const ms of [switchAt - 1, switchAt, switchAt + 1, switchAt - 1_800_000, switchAt + 1_800_000]) {
      expect(zone.offset(ms)).toBe(IANAZone.create('America/New_York').offset(ms));
    }
  });

  it('is UTC+7 in Vietnam over the whole range, whatever the process zone', () => {
    const zone = timeZoneOf('Asia/Ho_Chi_Minh')!;
    for (let y = 1976; y <= 2200; y += 7) expect(zone.offset(Date.UTC(y, 5, 1))).toBe(420);
  });

  it('answers undefined for a zone the runtime does not know', () => {
    expect(timeZoneOf('Mars/Olympus_Mons')).toBeUndefined();
    expect(timeZoneOf('')).toBeUndefined();
  });
});
