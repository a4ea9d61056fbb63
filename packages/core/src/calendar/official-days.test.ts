/**
 * Every official 2024–2026 day of /work/shared/domain/holiday-schedules.md: the kind of each day
 * and the notice behind it, plus the working days around them.
 */
import { describe, expect, it } from 'vitest';
import { type DayKind, DEFAULT_SESSIONS, vietnamCalendar } from '../index.js';

const calendar = vietnamCalendar();

/** [date, kind, part of the source that must appear in reason.source] */
type Row = readonly [date: string, kind: DayKind, source: string];

const LC112 = 'Bộ luật Lao động 45/2019/QH14, điều 112';
const TB5015 = 'Thông báo 5015/TB-LĐTBXH';
const TB1570 = 'Thông báo 1570/TB-LĐTBXH';
const TB6150 = 'Thông báo 6150/TB-BLĐTBXH';
const CV12729 = 'Công văn 12729/VPCP-KGVX';
const TB9441 = 'Thông báo 9441/TB-BNV';

const OFFICIAL_DAYS: Record<number, readonly Row[]> = {
  2024: [
    ['2024-01-01', 'holiday', LC112],
    ['2024-02-08', 'compensatory', TB5015],
    ['2024-02-09', 'tet', TB5015],
    ['2024-02-10', 'tet', TB5015],
    ['2024-02-11', 'tet', TB5015],
    ['2024-02-12', 'tet', TB5015],
    ['2024-02-13', 'tet', TB5015],
    ['2024-02-14', 'compensatory', TB5015],
    ['2024-04-18', 'holiday', LC112],
    ['2024-04-29', 'swap-day-off', TB1570],
    ['2024-04-30', 'holiday', LC112],
    ['2024-05-01', 'holiday', LC112],
    ['2024-09-02', 'holiday', LC112],
    ['2024-09-03', 'holiday', TB5015],
  ],
  2025: [
    ['2025-01-01', 'holiday', LC112],
    ['2025-01-27', 'tet', TB6150],
    ['2025-01-28', 'tet', TB6150],
    ['2025-01-29', 'tet', TB6150],
    ['2025-01-30', 'tet', TB6150],
    ['2025-01-31', 'tet', TB6150],
    ['2025-04-07', 'holiday', LC112],
    ['2025-04-30', 'holiday', LC112],
    ['2025-05-01', 'holiday', LC112],
    ['2025-05-02', 'swap-day-off', TB6150],
    ['2025-09-01', 'holiday', TB6150],
    ['2025-09-02', 'holiday', LC112],
  ],
  2026: [
    ['2026-01-01', 'holiday', LC112],
    ['2026-01-02', 'swap-day-off', CV12729],
    ['2026-02-16', 'tet', TB9441],
    ['2026-02-17', 'tet', TB9441],
    ['2026-02-18', 'tet', TB9441],
    ['2026-02-19', 'tet', TB9441],
    ['2026-02-20', 'tet', TB9441],
    ['2026-04-26', 'holiday', LC112],
    ['2026-04-27', 'compensatory', 'Bộ luật Lao động 45/2019/QH14, điều 111(3)'],
    ['2026-04-30', 'holiday', LC112],
    ['2026-05-01', 'holiday', LC112],
    ['2026-08-31', 'swap-day-off', TB9441],
    ['2026-09-01', 'holiday', TB9441],
    ['2026-09-02', 'holiday', LC112],
    ['2026-11-24', 'holiday', 'Nghị quyết 28/2026/QH16'],
  ],
};

const MAKE_UP_SATURDAYS: readonly Row[] = [
  ['2024-05-04', 'make-up-working-day', TB1570],
  ['2025-04-26', 'make-up-working-day', TB6150],
  ['2026-01-10', 'make-up-working-day', CV12729],
  ['2026-08-22', 'make-up-working-day', TB9441],
];

/** Working days next to the official days (the edges of each block). */
const WORKING_AROUND: readonly string[] = [
  '2023-12-29', // Fri before 01/01/2024
  '2024-01-02',
  '2024-02-07', // Wed before the 2024 Tết block (08–14/02)
  '2024-02-15',
  '2024-04-17',
  '2024-04-19',
  '2024-04-26', // Fri before the 27/04–01/05 block
  '2024-05-02',
  '2024-05-03',
  '2024-08-30',
  '2024-09-04',
  '2024-12-31',
  '2025-01-02',
  '2025-01-24', // Fri before the 2025 Tết block
  '2025-02-03', // Mon after it
  '2025-04-04',
  '2025-04-08',
  '2025-04-25',
  '2025-04-28',
  '2025-04-29',
  '2025-05-05',
  '2025-08-29',
  '2025-09-03',
  '2025-12-31',
  '2026-01-05',
  '2026-01-09',
  '2026-01-12',
  '2026-02-13', // Fri before the 2026 Tết block
  '2026-02-23', // Mon after it
  '2026-04-24',
  '2026-04-28',
  '2026-04-29',
  '2026-05-04',
  '2026-08-21',
  '2026-08-28',
  '2026-09-03',
  '2026-11-23',
  '2026-11-25',
];

/** Weekend days inside or next to the blocks: plain weekend, no reason. */
const PLAIN_WEEKENDS: readonly string[] = [
  '2024-04-27',
  '2024-04-28',
  '2024-08-31',
  '2024-09-01',
  '2025-01-25',
  '2025-01-26',
  '2025-02-01',
  '2025-02-02',
  '2025-05-03',
  '2025-05-04',
  '2025-08-30',
  '2025-08-31',
  '2026-01-03',
  '2026-01-04',
  '2026-02-14',
  '2026-02-15',
  '2026-02-21',
  '2026-02-22',
  '2026-05-02',
  '2026-05-03',
  '2026-08-29',
  '2026-08-30',
];

describe.each([2024, 2025, 2026])('official days off of %i', (year) => {
  it.each(OFFICIAL_DAYS[year]!)('%s is a %s day off (source %s)', (date, kind, source) => {
    const info = calendar.dayInfo(date);
    expect(info.kind).toBe(kind);
    expect(info.working).toBe(false);
    expect(info.sessions).toEqual([]);
    expect(info.reason?.kind).toBe(kind);
    expect(info.reason?.source).toContain(source);
    expect(info.reason?.scheduleId).toBe(`vn-civil-service-${year}`);
    expect(info.provisional).toBe(false);
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.closeOfDay(date)).toBeNull();
  });

  it('has its notice loaded: the year is not provisional', () => {
    const info = calendar.yearInfo(year);
    expect(info.provisional).toBe(false);
    expect(info.officialSchedules).toEqual([`vn-civil-service-${year}`]);
    expect(info.warnings).toEqual([]);
  });
});

describe('make-up Saturdays (làm bù)', () => {
  it.each(MAKE_UP_SATURDAYS)('%s is a working Saturday with the weekday sessions', (date, kind, source) => {
    const info = calendar.dayInfo(date);
    expect(info.weekday).toBe(6);
    expect(info.kind).toBe(kind);
    expect(info.working).toBe(true);
    expect(info.sessions).toEqual(DEFAULT_SESSIONS);
    expect(info.reason?.source).toContain(source);
    expect(calendar.isWorkingDay(date)).toBe(true);
    expect(calendar.closeOfDay(date)).toEqual(new Date(`${date}T17:00:00+07:00`));
    expect(calendar.isWorkingTime(new Date(`${date}T07:30:00+07:00`))).toBe(true);
    expect(calendar.isWorkingTime(new Date(`${date}T16:59:00+07:00`))).toBe(true);
    expect(calendar.isWorkingTime(new Date(`${date}T12:00:00+07:00`))).toBe(false);
  });

  it('the Sunday after a make-up Saturday is an ordinary weekend day', () => {
    expect(calendar.dayInfo('2026-01-11').kind).toBe('weekend');
    expect(calendar.isWorkingDay('2026-01-11')).toBe(false);
  });
});

describe('working days around the official days', () => {
  it.each(WORKING_AROUND)('%s is an ordinary working day', (date) => {
    const info = calendar.dayInfo(date);
    expect(info.kind).toBe('working');
    expect(info.working).toBe(true);
    expect(info.reason).toBeUndefined();
    expect(info.sessions).toEqual(DEFAULT_SESSIONS);
    expect(info.weekday).toBeLessThanOrEqual(5);
  });

  it.each(PLAIN_WEEKENDS)('%s is a plain weekend day', (date) => {
    const info = calendar.dayInfo(date);
    expect(info.kind).toBe('weekend');
    expect(info.working).toBe(false);
    expect(info.reason).toBeUndefined();
    expect(info.weekday).toBeGreaterThanOrEqual(6);
  });
});

describe('the Tết blocks are the Prime Minister’s days, not date-holidays’ computed block', () => {
  it('2025: Mon 27 – Fri 31 January off; Sat 1 February is a weekend day; Mon 3 February works', () => {
    const days = calendar.days('2025-01-24', '2025-02-03').map((d) => `${d.date} ${d.kind}`);
    expect(days).toEqual([
      '2025-01-24 working',
      '2025-01-25 weekend',
      '2025-01-26 weekend',
      '2025-01-27 tet',
      '2025-01-28 tet',
      '2025-01-29 tet',
      '2025-01-30 tet',
      '2025-01-31 tet',
      '2025-02-01 weekend', // date-holidays' block (28/01–01/02) would call this a Tết day
      '2025-02-02 weekend',
      '2025-02-03 working',
    ]);
  });

  it('2024: the block runs Thu 8 – Wed 14 February with two days in lieu', () => {
    const days = calendar.days('2024-02-07', '2024-02-15').map((d) => `${d.date} ${d.kind}`);
    expect(days).toEqual([
      '2024-02-07 working',
      '2024-02-08 compensatory',
      '2024-02-09 tet',
      '2024-02-10 tet',
      '2024-02-11 tet',
      '2024-02-12 tet',
      '2024-02-13 tet',
      '2024-02-14 compensatory',
      '2024-02-15 working',
    ]);
  });

  it('2026: Mon 16 – Fri 20 February, nine days with the weekends', () => {
    const off = calendar.days('2026-02-13', '2026-02-23').filter((d) => !d.working);
    expect(off.map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
  });
});

describe('single-source entries are marked', () => {
  it.each(['2025-04-26', '2025-05-02', '2026-08-22', '2026-08-31'])(
    '%s has confidence single-source',
    (date) => {
      expect(calendar.dayInfo(date).reason?.confidence).toBe('single-source');
    },
  );

  it('confirmed entries say so', () => {
    expect(calendar.dayInfo('2026-01-02').reason?.confidence).toBe('confirmed');
    expect(calendar.dayInfo('2025-01-27').reason?.confidence).toBe('confirmed');
  });
});

describe('24/11 Ngày Văn hóa Việt Nam', () => {
  it('is a day off from 2026 (Resolution 28/2026/QH16), with no automatic compensatory day', () => {
    expect(calendar.dayInfo('2026-11-24').reason?.name).toBe('Ngày Văn hóa Việt Nam');
    expect(calendar.isWorkingDay('2026-11-25')).toBe(true);
  });

  it('is an ordinary day before the resolution took effect', () => {
    expect(calendar.dayInfo('2025-11-24').kind).toBe('working'); // Monday
    expect(calendar.dayInfo('2024-11-25').kind).toBe('working');
  });

  it('is a holiday in later years too (computed: 2027-11-24 is a Wednesday)', () => {
    const info = calendar.dayInfo('2027-11-24');
    expect(info.kind).toBe('holiday');
    expect(info.reason?.source).toContain('Nghị quyết 28/2026/QH16');
    expect(info.provisional).toBe(true);
  });
});

describe('days() and working-day counts over each year', () => {
  // Weekdays minus weekday days off plus make-up Saturdays, counted by hand from the tables.
  // 2024: 262 weekdays − 12 weekday days off (01/01, 08, 09, 12, 13, 14/02, 18/04, 29/04, 30/04,
  //       01/05, 02/09, 03/09) + 1 make-up Saturday = 251.
  // 2025: 261 − 12 (01/01, 27–31/01, 07/04, 30/04, 01/05, 02/05, 01/09, 02/09) + 1 = 250.
  // 2026: 261 − 14 (01/01, 02/01, 16–20/02, 27/04, 30/04, 01/05, 31/08, 01/09, 02/09, 24/11) + 2 = 249.
  it.each([
    [2024, 251],
    [2025, 250],
    [2026, 249],
  ])('%i has %i working days', (year, expected) => {
    const days = calendar.days(`${year}-01-01`, `${year}-12-31`);
    expect(days.filter((d) => d.working)).toHaveLength(expected);
    expect(calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(expected);
  });
});
