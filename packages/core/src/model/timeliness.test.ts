/**
 * EARLY / ON_TIME / LATE (trước hạn / đúng hạn / quá hạn) by local day in Vietnam, whatever the
 * process time zone (the suite runs under TZ=UTC).
 */
import { describe, expect, it } from 'vitest';
import { kitCalendar } from '../../test-support/dossier-harness.js';
import { classifyTimeliness } from './timeliness.js';

const due = new Date('2026-03-11T17:00:00+07:00');
const at = (iso: string) => classifyTimeliness(new Date(iso), due, kitCalendar());

describe('classifyTimeliness', () => {
  it.each([
    ['the day before, late evening (same UTC date as the due day)', '2026-03-10T23:30:00+07:00', 'EARLY'],
    ['the due day, just after local midnight (previous UTC date)', '2026-03-11T00:30:00+07:00', 'ON_TIME'],
    ['the due day, in the morning', '2026-03-11T08:00:00+07:00', 'ON_TIME'],
    ['the due minute', '2026-03-11T17:00:00+07:00', 'ON_TIME'],
    ['one second later', '2026-03-11T17:00:01+07:00', 'LATE'],
    ['days later', '2026-03-20T09:00:00+07:00', 'LATE'],
    ['a week before', '2026-03-04T09:00:00+07:00', 'EARLY'],
  ] as const)('%s → %s', (_label, iso, result) => {
    expect(at(iso)).toBe(result);
  });
});
