/**
 * Per-office options: sessions, a Saturday-morning desk, make-up-day sessions, the length of a
 * working day, local closures and next year's notice supplied as data.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSIONS,
  type HolidayScheduleInput,
  VIETNAM_CIVIL_SERVICE_SCHEDULES,
  vietnamCalendar,
} from '../index.js';

const d = (iso: string) => new Date(iso);
const MORNING = [{ start: '07:30', end: '11:30' }];

describe('custom sessions 07:00–11:30 and 13:30–17:00', () => {
  const sessions = [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ];
  const calendar = vietnamCalendar({ officeHours: { sessions } });

  it('uses them on weekdays and on make-up Saturdays', () => {
    expect(calendar.dayInfo('2026-11-23').sessions).toEqual(sessions);
    expect(calendar.dayInfo('2026-01-10').sessions).toEqual(sessions);
    expect(calendar.isWorkingTime(d('2026-11-23T07:00:00+07:00'))).toBe(true);
    expect(calendar.isWorkingTime(d('2026-11-23T13:00:00+07:00'))).toBe(false);
    expect(calendar.isWorkingTime(d('2026-11-23T13:30:00+07:00'))).toBe(true);
  });

  it('computes deadlines with them (24/11/2026 off)', () => {
    const mon = d('2026-11-23T10:00:00+07:00');
    // Monday: 10:00–11:30 + 13:30–17:00 = 5 h; 3 h more from Wednesday 07:00.
    expect(calendar.dueDate(mon, { workingHours: 8 })).toEqual(d('2026-11-25T10:00:00+07:00'));
    expect(calendar.dueDate(mon, { workingDays: 1, counting: 'elapsed' })).toEqual(
      d('2026-11-25T10:00:00+07:00'),
    );
    expect(calendar.dueDate(mon, { workingDays: 1 })).toEqual(d('2026-11-25T17:00:00+07:00'));
    expect(calendar.dueDate(d('2026-11-23T16:00:00+07:00'), { sameDay: true })).toEqual(
      d('2026-11-25T17:00:00+07:00'),
    );
  });

  it('accepts sessions in any order and keeps them sorted', () => {
    const reversed = vietnamCalendar({ officeHours: { sessions: [...sessions].reverse() } });
    expect(reversed.dayInfo('2026-11-23').sessions).toEqual(sessions);
  });
});

describe('workingDayHours (elapsed counting only)', () => {
  const calendar = vietnamCalendar({ officeHours: { workingDayHours: 4 } });
  const mon = d('2026-11-23T10:00:00+07:00');

  it('sets the length of a working day in elapsed counting', () => {
    expect(calendar.dueDate(mon, { workingDays: 1, counting: 'elapsed' })).toEqual(
      d('2026-11-23T15:30:00+07:00'),
    );
    expect(calendar.dueDate(mon, { workingDays: 2, counting: 'elapsed' })).toEqual(
      d('2026-11-25T10:00:00+07:00'),
    );
  });

  it('leaves working hours and end-of-day counting alone', () => {
    expect(calendar.dueDate(mon, { workingHours: 4 })).toEqual(d('2026-11-23T15:30:00+07:00'));
    expect(calendar.dueDate(mon, { workingDays: 1 })).toEqual(d('2026-11-25T17:00:00+07:00'));
  });
});

describe('a ward desk open on Saturday morning (weekdaySessions: { 6: [...] })', () => {
  const calendar = vietnamCalendar({ officeHours: { weekdaySessions: { 6: MORNING } } });

  it('works Saturday morning and rests on Sunday', () => {
    const sat = calendar.dayInfo('2026-11-21');
    expect(sat.kind).toBe('working');
    expect(sat.sessions).toEqual(MORNING);
    expect(calendar.closeOfDay('2026-11-21')).toEqual(d('2026-11-21T11:30:00+07:00'));
    expect(calendar.dayInfo('2026-11-22').kind).toBe('weekend');
    expect(calendar.dayInfo('2026-11-20').sessions).toEqual(DEFAULT_SESSIONS);
    expect(calendar.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5); // Sat, Mon, Wed, Thu, Fri
  });

  it('counts Saturday morning in deadlines', () => {
    const fri = d('2026-11-20T10:00:00+07:00');
    expect(calendar.dueDate(fri, { workingDays: 1 })).toEqual(d('2026-11-21T11:30:00+07:00'));
    // Friday 5.5 h, then 2.5 h of Saturday morning.
    expect(calendar.dueDate(fri, { workingHours: 8 })).toEqual(d('2026-11-21T10:00:00+07:00'));
  });

  it('same day: received Saturday morning, due at Saturday noon; received after the close, next working day', () => {
    expect(calendar.dueDate(d('2026-11-21T10:00:00+07:00'), { sameDay: true })).toEqual(
      d('2026-11-21T11:30:00+07:00'),
    );
    expect(calendar.dueDate(d('2026-11-21T11:30:00+07:00'), { sameDay: true })).toEqual(
      d('2026-11-21T11:30:00+07:00'),
    );
    // 14:00 is before the 15:00 cut-off but after Saturday's close: never due before receipt.
    expect(calendar.dueDate(d('2026-11-21T14:00:00+07:00'), { sameDay: true })).toEqual(
      d('2026-11-23T17:00:00+07:00'),
    );
    expect(calendar.dueDate(d('2026-11-21T14:00:00+07:00'), { workingDays: 1, cutoff: '15:00' })).toEqual(
      d('2026-11-25T17:00:00+07:00'),
    );
  });

  it('gives a make-up Saturday the full weekday sessions, not the Saturday morning', () => {
    const info = calendar.dayInfo('2026-08-22');
    expect(info.kind).toBe('make-up-working-day');
    expect(info.sessions).toEqual(DEFAULT_SESSIONS);
    expect(calendar.closeOfDay('2026-08-22')).toEqual(d('2026-08-22T17:00:00+07:00'));
  });

  it('keeps official days off that fall on a Saturday', () => {
    expect(calendar.dayInfo('2024-02-10').kind).toBe('tet'); // mùng 1 Giáp Thìn
    expect(calendar.isWorkingDay('2024-02-10')).toBe(false);
  });
});

describe('working weekdays', () => {
  it('workingWeekdays adds a full Saturday; an empty weekdaySessions list closes a weekday', () => {
    const calendar = vietnamCalendar({
      officeHours: { workingWeekdays: [1, 2, 3, 4, 5, 6], weekdaySessions: { 5: [] } },
    });
    expect(calendar.dayInfo('2026-11-21').sessions).toEqual(DEFAULT_SESSIONS);
    expect(calendar.dayInfo('2026-11-20').kind).toBe('weekend');
    expect(calendar.isWorkingDay('2026-11-20')).toBe(false);
  });
});

describe('make-up day sessions', () => {
  it('apply to make-up Saturdays only', () => {
    const calendar = vietnamCalendar({ officeHours: { makeUpDaySessions: MORNING } });
    expect(calendar.dayInfo('2026-01-10').sessions).toEqual(MORNING);
    expect(calendar.dayInfo('2026-01-09').sessions).toEqual(DEFAULT_SESSIONS);
    // 6 working days from Wed 31/12/2025: the 6th is the make-up Saturday, which closes at 11:30.
    expect(calendar.dueDate(d('2025-12-31T10:00:00+07:00'), { workingDays: 6 })).toEqual(
      d('2026-01-10T11:30:00+07:00'),
    );
    expect(
      calendar.workingMinutesBetween(d('2026-01-09T17:00:00+07:00'), d('2026-01-12T07:30:00+07:00')),
    ).toBe(240);
  });

  it('apply on a make-up Saturday even where the office opens on Saturday mornings', () => {
    const sessions = [{ start: '08:00', end: '16:00' }];
    const calendar = vietnamCalendar({
      officeHours: { weekdaySessions: { 6: MORNING }, makeUpDaySessions: sessions },
    });
    expect(calendar.dayInfo('2026-01-10').sessions).toEqual(sessions);
    expect(calendar.dayInfo('2026-01-17').sessions).toEqual(MORNING);
  });
});

const STORM: HolidayScheduleInput = {
  id: 'quang-ngai-storm-2026',
  version: '1',
  authority: 'UBND tỉnh Quảng Ngãi',
  scope: 'province',
  entries: [
    { date: '2026-10-27', kind: 'closure', name: 'Nghỉ tránh bão', source: 'Công điện 12/CĐ-UBND' },
    { date: '2026-08-22', kind: 'closure', name: 'Nghỉ tránh bão', source: 'Công điện 9/CĐ-UBND' },
  ],
};

describe('a province closure via extraSchedules', () => {
  const calendar = vietnamCalendar({ extraSchedules: [STORM] });

  it('closes the day, naming the decision', () => {
    const info = calendar.dayInfo('2026-10-27');
    expect(info.kind).toBe('closure');
    expect(info.working).toBe(false);
    expect(info.reason).toMatchObject({
      kind: 'closure',
      name: 'Nghỉ tránh bão',
      source: 'Công điện 12/CĐ-UBND',
      scheduleId: 'quang-ngai-storm-2026',
      confidence: 'confirmed',
    });
  });

  it('does not make the province schedule an official yearly notice', () => {
    expect(calendar.yearInfo(2026).officialSchedules).toEqual(['vn-civil-service-2026']);
  });

  it('moves deadlines', () => {
    const mon = d('2026-10-26T09:00:00+07:00');
    expect(calendar.dueDate(mon, { workingDays: 1 })).toEqual(d('2026-10-28T17:00:00+07:00'));
    expect(calendar.dueDate(mon, { workingHours: 8 })).toEqual(d('2026-10-28T09:00:00+07:00'));
    expect(calendar.dueDate(mon, { calendarDays: 1 })).toEqual(d('2026-10-28T17:00:00+07:00'));
  });

  it('wins over a make-up Saturday (later entries win)', () => {
    expect(calendar.dayInfo('2026-08-22').kind).toBe('closure');
    expect(calendar.dueDate(d('2026-08-21T10:00:00+07:00'), { workingDays: 1 })).toEqual(
      d('2026-08-24T17:00:00+07:00'),
    );
  });

  it('leaves other calendars alone', () => {
    expect(vietnamCalendar().isWorkingDay('2026-10-27')).toBe(true);
  });
});

/** A hypothetical 2027 notice, as a vendor would add it (test data, not a real notice). */
const NOTICE = 'Thông báo giả định 0001/TB-BNV (test data)';
const VN_2027: HolidayScheduleInput = {
  id: 'vn-civil-service-2027',
  version: 'test',
  authority: 'Bộ Nội vụ',
  officialYear: 2027,
  entries: [
    { date: '2027-02-04', kind: 'tet', name: 'Tết Nguyên đán — 28 Chạp', source: NOTICE },
    { date: '2027-02-05', kind: 'tet', name: 'Tết Nguyên đán — 29 Chạp', source: NOTICE },
    { date: '2027-02-06', kind: 'tet', name: 'Tết Nguyên đán — mùng 1', source: NOTICE },
    { date: '2027-02-07', kind: 'tet', name: 'Tết Nguyên đán — mùng 2', source: NOTICE },
    { date: '2027-02-08', kind: 'tet', name: 'Tết Nguyên đán — mùng 3', source: NOTICE },
    { date: '2027-02-09', kind: 'compensatory', name: 'Nghỉ bù Tết', source: NOTICE },
    { date: '2027-02-10', kind: 'compensatory', name: 'Nghỉ bù Tết', source: NOTICE },
    { date: '2027-05-03', kind: 'compensatory', name: 'Nghỉ bù 01/05', source: NOTICE },
    { date: '2027-09-03', kind: 'holiday', name: 'Quốc khánh — ngày liền kề', source: NOTICE },
  ],
};

describe('2027: computed (provisional) until a notice is supplied', () => {
  const computed = vietnamCalendar();

  it('is provisional without a notice, with a warning', () => {
    const info = computed.yearInfo(2027);
    expect(info.provisional).toBe(true);
    expect(info.officialSchedules).toEqual([]);
    expect(info.warnings).toHaveLength(1);
    expect(info.warnings[0]).toContain('No official civil-service notice for 2027');
  });

  it('computes Tết as date-holidays’ block (Fri 05/02 – Tue 09/02) with art. 111(3) days in lieu', () => {
    expect(computed.dayInfo('2027-02-04').kind).toBe('working');
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']) {
      const info = computed.dayInfo(date);
      expect(info.kind).toBe('tet');
      expect(info.provisional).toBe(true);
      expect(info.reason?.source).toContain('date-holidays');
    }
    // Sat 06/02 and Sun 07/02 fall inside the block: made up on Wed 10/02 and Thu 11/02.
    for (const date of ['2027-02-10', '2027-02-11', '2027-05-03']) {
      expect(computed.dayInfo(date).kind).toBe('compensatory');
      expect(computed.dayInfo(date).reason?.source).toContain('111(3)');
    }
    expect(computed.dayInfo('2027-09-03').kind).toBe('working'); // the PM's adjacent day is unknown
    expect(computed.dueDate(d('2027-02-03T10:00:00+07:00'), { workingDays: 1 })).toEqual(
      d('2027-02-04T17:00:00+07:00'),
    );
    expect(computed.dueDate(d('2027-02-03T10:00:00+07:00'), { workingDays: 2 })).toEqual(
      d('2027-02-12T17:00:00+07:00'),
    );
  });

  it.each([
    ['extraSchedules', { extraSchedules: [VN_2027] }],
    ['schedules', { schedules: [...VIETNAM_CIVIL_SERVICE_SCHEDULES, VN_2027] }],
  ])('a vendor-supplied notice (via %s) replaces the computed block', (_via, options) => {
    const calendar = vietnamCalendar(options);
    expect(calendar.yearInfo(2027)).toEqual({
      year: 2027,
      officialSchedules: ['vn-civil-service-2027'],
      provisional: false,
      warnings: [],
    });
    expect(calendar.dayInfo('2027-02-04')).toMatchObject({
      kind: 'tet',
      provisional: false,
      reason: { source: NOTICE, scheduleId: 'vn-civil-service-2027' },
    });
    expect(calendar.dayInfo('2027-02-11').kind).toBe('working'); // computed day in lieu gone
    expect(calendar.dayInfo('2027-02-09').kind).toBe('compensatory');
    expect(calendar.dayInfo('2027-09-03').kind).toBe('holiday');
    // Fixed-date holidays still come from the Labour Code.
    expect(calendar.dayInfo('2027-01-01').kind).toBe('holiday');
    expect(calendar.dayInfo('2027-11-24').kind).toBe('holiday');
    expect(calendar.dueDate(d('2027-02-03T10:00:00+07:00'), { workingDays: 1 })).toEqual(
      d('2027-02-11T17:00:00+07:00'),
    );
    // 2026 is untouched.
    expect(calendar.yearInfo(2026).officialSchedules).toEqual(['vn-civil-service-2026']);
  });
});

describe('holiday sources can be switched off', () => {
  it('without date-holidays and without schedules only weekends and statutory additions remain', () => {
    const bare = vietnamCalendar({ useDateHolidays: false, schedules: [] });
    expect(bare.isWorkingDay('2026-02-17')).toBe(true);
    expect(bare.isWorkingDay('2026-11-24')).toBe(false);
    expect(bare.yearInfo(2026)).toMatchObject({ provisional: true, warnings: [] });
    const none = vietnamCalendar({ useDateHolidays: false, schedules: [], statutoryAdditions: [] });
    expect(none.isWorkingDay('2027-11-24')).toBe(true);
  });
});
