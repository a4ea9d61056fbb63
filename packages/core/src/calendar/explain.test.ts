/**
 * explain(): every day from receipt to due, why each counts or not, and warnings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../index.js';

const calendar = vietnamCalendar();
const d = (iso: string) => new Date(iso);
/** The English text (the default is Vietnamese, see the last block). */
const EN = { language: 'en' } as const;

describe('end-of-day working days over the 2026 Tết block', () => {
  const x = calendar.explain(d('2026-02-13T09:00:00+07:00'), { workingDays: 3 }, EN);

  it('agrees with dueDate', () => {
    expect(x.due).toEqual(d('2026-02-25T17:00:00+07:00'));
    expect(x.due).toEqual(calendar.dueDate(x.receivedAt, x.limit));
    expect(x.receivedAt).toEqual(d('2026-02-13T09:00:00+07:00'));
    expect(x.countFrom).toEqual(x.receivedAt);
    expect(x.cutoffApplied).toBe(false);
    expect(x.limit).toEqual({ workingDays: 3 });
  });

  it('lists every day from receipt to due with ordinals on the counted days', () => {
    expect(x.days.map((day) => day.date)).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
    ]);
    expect(x.days[0]).toMatchObject({ note: 'day of receipt, not counted' });
    expect(x.days[0]!.counted).toBeUndefined();
    expect(x.days.filter((day) => day.counted !== undefined).map((day) => [day.date, day.counted])).toEqual([
      ['2026-02-23', 1],
      ['2026-02-24', 2],
      ['2026-02-25', 3],
    ]);
    expect(x.days[12]!.note).toBe('working day 3 of 3');
  });

  it('lists the skipped days, each with its reason', () => {
    expect(x.skipped.map((day) => day.date)).toEqual([
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
    expect(x.skipped.every((day) => !day.working && day.note === 'not a working day, skipped')).toBe(true);
    expect(x.skipped.filter((day) => day.kind === 'tet')).toHaveLength(5);
  });

  it('writes a text naming each skipped day’s reason and notice', () => {
    const lines = x.text.split('\n');
    expect(lines[0]).toBe(
      'Received 2026-02-13 09:00; limit: 3 working day(s), counted to the end of the day.',
    );
    expect(lines.at(-1)).toBe('Due: 2026-02-25 17:00.');
    for (const day of x.skipped) {
      const line = lines.find((l) => l.includes(day.date));
      expect(line).toBeDefined();
      expect(line).toContain('skipped');
      if (day.reason) {
        expect(line).toContain(day.reason.name);
        expect(line).toContain(day.reason.source);
      } else {
        expect(line).toContain('weekend');
      }
    }
    expect(x.text).toContain(
      '2026-02-17 Tue  tet: Tết Nguyên đán — mùng 1 [Thông báo 9441/TB-BNV (16/10/2025)] — not a working day, skipped',
    );
    expect(x.text).toContain('2026-02-14 Sat  weekend — not a working day, skipped');
    expect(x.text).toContain('2026-02-24 Tue  working — working day 2 of 3');
  });

  it('has no warnings: 2026 has its notice and no single-source day is in the period', () => {
    expect(x.warnings).toEqual([]);
    expect(x.text).not.toContain('Warning');
  });
});

describe('warnings', () => {
  it('flags a single-source swap day (31/08/2026) in the period', () => {
    const x = calendar.explain(d('2026-08-28T10:00:00+07:00'), { workingDays: 2 }, EN);
    expect(x.due).toEqual(d('2026-09-04T17:00:00+07:00'));
    expect(x.skipped.map((day) => [day.date, day.kind])).toEqual([
      ['2026-08-29', 'weekend'],
      ['2026-08-30', 'weekend'],
      ['2026-08-31', 'swap-day-off'],
      ['2026-09-01', 'holiday'],
      ['2026-09-02', 'holiday'],
    ]);
    expect(x.warnings).toEqual([
      '2026-08-31: Nghỉ hoán đổi (làm bù thứ Bảy 22/08) rests on a single source (Thông báo 9441/TB-BNV (16/10/2025)).',
    ]);
    expect(x.text).toContain('[Thông báo 9441/TB-BNV (16/10/2025), single source]');
    expect(x.text).toContain('Warning: 2026-08-31: Nghỉ hoán đổi');
    expect(x.text).toContain('Quốc khánh — ngày liền kề');
  });

  it('flags single-source days whether they count or not (2025: make-up 26/04 and swap 02/05)', () => {
    const x = calendar.explain(d('2025-04-25T09:00:00+07:00'), { workingDays: 4 }, EN);
    expect(x.due).toEqual(d('2025-05-05T17:00:00+07:00'));
    expect(x.days.filter((day) => day.counted).map((day) => [day.date, day.counted])).toEqual([
      ['2025-04-26', 1],
      ['2025-04-28', 2],
      ['2025-04-29', 3],
      ['2025-05-05', 4],
    ]);
    expect(x.warnings).toHaveLength(2);
    expect(x.warnings[0]).toMatch(/^2025-04-26: Làm bù cho ngày 02\/05 rests on a single source/);
    expect(x.warnings[1]).toMatch(/^2025-05-02: .* single source \(Thông báo 6150\/TB-BLĐTBXH/);
  });

  it('warns about a provisional year once, with the computed sources in the text', () => {
    const x = calendar.explain(d('2026-12-30T10:00:00+07:00'), { workingDays: 3 }, EN);
    expect(x.due).toEqual(d('2027-01-05T17:00:00+07:00'));
    expect(x.warnings).toHaveLength(1);
    expect(x.warnings[0]).toContain('No official civil-service notice for 2027');
    expect(x.text).toContain('Warning: No official civil-service notice for 2027');
    expect(x.text).toContain('2027-01-01 Fri  holiday');
    expect(x.text).toContain('(tính bằng date-holidays)');
  });

  it('names the automatic compensatory days of a provisional year', () => {
    const x = calendar.explain(d('2027-02-03T10:00:00+07:00'), { workingDays: 2 }, EN);
    expect(x.due).toEqual(d('2027-02-12T17:00:00+07:00'));
    const inLieu = x.skipped.filter((day) => day.kind === 'compensatory');
    expect(inLieu.map((day) => day.date)).toEqual(['2027-02-10', '2027-02-11']);
    expect(x.text).toContain('tính tự động, chưa có thông báo');
    expect(x.days.every((day) => day.provisional)).toBe(true);
  });
});

describe('other kinds of limit', () => {
  it('time-based limits give the working minutes counted on each day', () => {
    const x = calendar.explain(d('2026-02-13T09:00:00+07:00'), { workingHours: 8 }, EN);
    expect(x.due).toEqual(d('2026-02-23T09:00:00+07:00'));
    expect(x.text).toContain('limit: 8 working hour(s)');
    const counted = x.days.filter((day) => day.countedMinutes !== undefined);
    expect(counted.map((day) => [day.date, day.countedMinutes])).toEqual([
      ['2026-02-13', 390],
      ['2026-02-23', 90],
    ]);
    expect(x.days[0]!.note).toBe('390 working minute(s) counted');
    expect(x.days.every((day) => day.counted === undefined)).toBe(true);
  });

  it('elapsed working days are time-based too', () => {
    const x = calendar.explain(d('2026-11-23T10:00:00+07:00'), { workingDays: 1.5, counting: 'elapsed' }, EN);
    expect(x.due).toEqual(d('2026-11-25T15:30:00+07:00')); // 5.5 h Mon + 4 h + 2.5 h Wed
    expect(x.text).toContain('1.5 working day(s), counted as elapsed working hours');
    const minutes = x.days.reduce((sum, day) => sum + (day.countedMinutes ?? 0), 0);
    expect(minutes).toBe(720);
    expect(x.skipped.map((day) => day.date)).toEqual(['2026-11-24']);
    expect(x.text).toContain('Ngày Văn hóa Việt Nam [Nghị quyết 28/2026/QH16, điều 2]');
  });

  it('a cut-off moves the start of counting and says so', () => {
    const x = calendar.explain(d('2026-02-13T16:00:00+07:00'), { workingDays: 1, cutoff: '15:00' }, EN);
    expect(x.cutoffApplied).toBe(true);
    expect(x.countFrom).toEqual(d('2026-02-23T07:30:00+07:00'));
    expect(x.due).toEqual(d('2026-02-24T17:00:00+07:00'));
    expect(x.text).toContain('Received after the cut-off or on a day off: counted from 2026-02-23 07:30.');
    expect(x.days[0]!.note).toBe('received after the cut-off: counting starts the next working day');
    expect(x.days.find((day) => day.date === '2026-02-23')!.note).toBe('day of receipt, not counted');
    expect(x.days.find((day) => day.date === '2026-02-24')!.counted).toBe(1);
  });

  it('calendar days: the last day ends the period', () => {
    const x = calendar.explain(d('2026-02-13T09:00:00+07:00'), { calendarDays: 3 }, EN);
    expect(x.due).toEqual(d('2026-02-23T17:00:00+07:00'));
    expect(x.text).toContain('limit: 3 calendar day(s)');
    expect(x.days.at(-1)!.note).toBe('the period ends on this day');
  });

  it('same day after the cut-off', () => {
    const x = calendar.explain(d('2026-02-13T15:30:00+07:00'), { sameDay: true }, EN);
    expect(x.cutoffApplied).toBe(true);
    expect(x.due).toEqual(d('2026-02-23T17:00:00+07:00'));
    expect(x.text).toContain('limit: the same working day');
  });

  it('same day before the cut-off is a single day', () => {
    const x = calendar.explain(d('2026-02-13T10:00:00+07:00'), { sameDay: true }, EN);
    expect(x.days.map((day) => day.date)).toEqual(['2026-02-13']);
    expect(x.skipped).toEqual([]);
  });
});

describe('explain agrees with dueDate on random receipts', () => {
  const start = Date.parse('2024-01-01T00:00:00+07:00');
  const end = Date.parse('2027-01-01T00:00:00+07:00');

  it('end-of-day counting: ordinals 1…n, the n-th on the due day', () => {
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 25 }), (ms, n) => {
        const receivedAt = new Date(ms);
        const x = calendar.explain(receivedAt, { workingDays: n }, EN);
        expect(x.due).toEqual(calendar.dueDate(receivedAt, { workingDays: n }));
        const ordinals = x.days.flatMap((day) => (day.counted === undefined ? [] : [day.counted]));
        expect(ordinals).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        expect(x.days.at(-1)!.counted).toBe(n);
        expect(x.days.at(-1)!.date).toBe(calendar.localDate(x.due));
        expect(x.days[0]!.date).toBe(calendar.localDate(receivedAt));
        expect(x.skipped.every((day) => !day.working)).toBe(true);
        for (const day of x.skipped) if (day.reason) expect(x.text).toContain(day.reason.source);
      }),
      { numRuns: 200 },
    );
  });

  it('time-based counting: the minutes add up to the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 160 }), (ms, quarters) => {
        const hours = quarters / 4;
        const x = calendar.explain(new Date(ms), { workingHours: hours }, EN);
        const minutes = x.days.reduce((sum, day) => sum + (day.countedMinutes ?? 0), 0);
        expect(minutes).toBe(hours * 60);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Vietnamese by default (the text an officer reads)', () => {
  it('writes the text, notes and warnings in Vietnamese; the days and the due date are the same', () => {
    const vi = calendar.explain(d('2026-02-13T16:00:00+07:00'), { workingDays: 3, cutoff: '15:00' });
    const en = calendar.explain(d('2026-02-13T16:00:00+07:00'), { workingDays: 3, cutoff: '15:00' }, EN);
    expect(vi.due).toEqual(en.due);
    expect(vi.days.map((x) => [x.date, x.counted])).toEqual(en.days.map((x) => [x.date, x.counted]));
    const lines = vi.text.split('\n');
    expect(lines[0]).toBe('Tiếp nhận 2026-02-13 16:00; thời hạn: 3 ngày làm việc, tính đến hết ngày.');
    expect(lines[1]).toBe('Nhận sau giờ chốt hoặc vào ngày nghỉ: tính từ 2026-02-23 07:30.');
    expect(lines.at(-1)).toBe('Hạn trả kết quả: 2026-02-26 17:00.');
    expect(vi.days[0]!.note).toBe('nhận sau giờ chốt: bắt đầu tính từ ngày làm việc tiếp theo');
    expect(vi.text).toContain(
      '2026-02-17 T3  Tết: Tết Nguyên đán — mùng 1 [Thông báo 9441/TB-BNV (16/10/2025)] — ngày nghỉ, không tính',
    );
    expect(vi.text).toContain('2026-02-14 T7  nghỉ hằng tuần — ngày nghỉ, không tính');
    expect(vi.text).toContain('2026-02-23 T2  ngày làm việc — ngày tiếp nhận, không tính');
    expect(vi.text).toContain('2026-02-26 T5  ngày làm việc — ngày làm việc thứ 3/3');
    expect(vi.text).not.toMatch(/working|skipped|Received|Due/);
  });

  it('warns in Vietnamese: a single-source day and a year without its notice', () => {
    const swap = calendar.explain(d('2026-08-28T10:00:00+07:00'), { workingDays: 2 });
    expect(swap.warnings).toEqual([
      '2026-08-31: Nghỉ hoán đổi (làm bù thứ Bảy 22/08) chỉ dựa trên một nguồn (Thông báo 9441/TB-BNV (16/10/2025)).',
    ]);
    expect(swap.text).toContain('[Thông báo 9441/TB-BNV (16/10/2025), một nguồn]');
    expect(swap.text).toContain('Lưu ý: 2026-08-31: Nghỉ hoán đổi');
    const provisional = calendar.explain(d('2026-12-30T10:00:00+07:00'), { workingDays: 3 });
    expect(provisional.warnings).toHaveLength(1);
    expect(provisional.warnings[0]).toContain(
      'Chưa nạp thông báo chính thức về ngày nghỉ của công chức năm 2027',
    );
    // The year's own record keeps its English warning.
    expect(calendar.yearInfo(2027).warnings[0]).toContain('No official civil-service notice for 2027');
  });

  it('time-based, calendar-day and same-day limits in Vietnamese', () => {
    const hours = calendar.explain(d('2026-02-13T09:00:00+07:00'), { workingHours: 8 });
    expect(hours.text).toContain('thời hạn: 8 giờ làm việc');
    expect(hours.days[0]!.note).toBe('tính 390 phút làm việc');
    const elapsed = calendar.explain(d('2026-11-23T10:00:00+07:00'), {
      workingDays: 1.5,
      counting: 'elapsed',
    });
    expect(elapsed.text).toContain('1.5 ngày làm việc, tính theo giờ làm việc đã trôi qua');
    const days = calendar.explain(d('2026-02-13T09:00:00+07:00'), { calendarDays: 3 });
    expect(days.text).toContain('thời hạn: 3 ngày');
    expect(days.days.at(-1)!.note).toBe('thời hạn kết thúc vào ngày này');
    expect(calendar.explain(d('2026-02-13T10:00:00+07:00'), { sameDay: true }).text).toContain(
      'thời hạn: trong ngày làm việc',
    );
  });

  it('refuses an unknown language, naming options.language', () => {
    expect(() =>
      calendar.explain(d('2026-02-13T10:00:00+07:00'), { sameDay: true }, { language: 'fr' as 'vi' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.language' }));
  });
});
