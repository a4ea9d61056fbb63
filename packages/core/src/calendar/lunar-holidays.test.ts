/**
 * The statutory lunar holidays (Tết block, Giỗ Tổ Hùng Vương 10/3) of the calendar, checked
 * against the independent lunar calendar of ./lunar (Hồ Ngọc Đức's rules, UTC+7).
 */
import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from './vietnam-calendar.js';

const calendar = vietnamCalendar();

describe('issue #13: Giỗ Tổ Hùng Vương where date-holidays lands a second before midnight', () => {
  it('2050: Fri 01/04 (10/3 Canh Ngọ), not Thu 31/03', () => {
    expect(calendar.dayInfo('2050-03-31').kind).toBe('working');
    const day = calendar.dayInfo('2050-04-01');
    expect(day.kind).toBe('holiday');
    expect(day.reason?.name).toBe('Giỗ tổ Hùng Vương');
  });

  it('2083: Mon 26/04 alone, not Sun 25/04 plus a compensatory Mon 26/04', () => {
    expect(calendar.dayInfo('2083-04-25').kind).toBe('weekend');
    const day = calendar.dayInfo('2083-04-26');
    expect(day.kind).toBe('holiday');
    expect(day.reason?.name).toBe('Giỗ tổ Hùng Vương');
    expect(calendar.dayInfo('2083-04-27').kind).toBe('working');
  });
});
