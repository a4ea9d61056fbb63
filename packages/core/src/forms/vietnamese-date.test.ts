import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { MotcuaError } from '../errors/motcua-error.js';
import {
  describeTimeLimit,
  formatCount,
  formatPlaceDate,
  formatShortDateTime,
  formatVietnameseDate,
  formatVietnameseDateTime,
} from './vietnamese-date.js';

const calendar = vietnamCalendar();

describe('Vietnamese dates on forms', () => {
  it('uses the calendar zone, not the process zone (UTC under vitest here)', () => {
    expect(calendar.timeZone).toBe('Asia/Ho_Chi_Minh');
    const at = new Date('2026-02-12T17:30:00Z');
    const inProcessZone = formatVietnameseDateTime(at, calendar);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(formatVietnameseDateTime(at, calendar)).toBe(inProcessZone);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(inProcessZone).toBe('00 giờ 30 phút, ngày 13 tháng 02 năm 2026');
  });

  it('writes "…giờ…phút, ngày…tháng…năm…" in Asia/Ho_Chi_Minh', () => {
    expect(formatVietnameseDateTime(new Date('2026-02-12T03:05:00Z'), calendar)).toBe(
      '10 giờ 05 phút, ngày 12 tháng 02 năm 2026',
    );
    expect(formatVietnameseDateTime('2026-02-12T10:05:00+07:00', calendar)).toBe(
      '10 giờ 05 phút, ngày 12 tháng 02 năm 2026',
    );
  });

  it('moves to the next local day past 17:00 UTC', () => {
    // 23:30 UTC on 31/12 is 06:30 on 01/01 in Vietnam.
    expect(formatVietnameseDateTime(new Date('2025-12-31T23:30:00Z'), calendar)).toBe(
      '06 giờ 30 phút, ngày 01 tháng 01 năm 2026',
    );
    expect(formatVietnameseDate(new Date('2026-03-04T17:00:00Z'), calendar)).toBe('ngày 05 tháng 3 năm 2026');
  });

  it('pads days below 10 and the months 1 and 2 only (Decree 30/2020)', () => {
    expect(formatVietnameseDate('2026-01-05', calendar)).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatVietnameseDate('2026-02-28', calendar)).toBe('ngày 28 tháng 02 năm 2026');
    expect(formatVietnameseDate('2026-03-09', calendar)).toBe('ngày 09 tháng 3 năm 2026');
    expect(formatVietnameseDate('2026-11-24', calendar)).toBe('ngày 24 tháng 11 năm 2026');
    expect(formatVietnameseDateTime('2026-09-02T00:00:00+07:00', calendar)).toBe(
      '00 giờ 00 phút, ngày 02 tháng 9 năm 2026',
    );
  });

  it('writes the place-and-date line and short cell dates', () => {
    expect(formatPlaceDate('Hưng Nguyên', '2026-02-12T03:05:00Z', calendar)).toBe(
      'Hưng Nguyên, ngày 12 tháng 02 năm 2026',
    );
    expect(formatShortDateTime('2026-03-09T03:00:00Z', calendar)).toBe('10:00 09/03/2026');
  });

  it('rejects an unreadable date with a MotcuaError', () => {
    expect(() => formatVietnameseDateTime('not a date', calendar)).toThrow(MotcuaError);
    expect(() => formatVietnameseDate(new Date(Number.NaN), calendar)).toThrow(/INVALID|expected/);
  });

  it('writes counts and time limits', () => {
    expect(formatCount(1)).toBe('01');
    expect(formatCount(12)).toBe('12');
    expect(formatCount(0.5)).toBe('0,5');
    expect(describeTimeLimit({ workingDays: 7 })).toBe('07 ngày làm việc');
    expect(describeTimeLimit({ workingHours: 4 })).toBe('04 giờ làm việc');
    expect(describeTimeLimit({ calendarDays: 30 })).toBe('30 ngày');
    expect(describeTimeLimit({ sameDay: true, cutoff: '15:00' })).toBe(
      'Trong ngày (hồ sơ nhận sau 15 giờ 00 phút được tính từ ngày làm việc tiếp theo)',
    );
  });
});
