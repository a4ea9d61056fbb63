/**
 * Worked deadline examples across every official 2024–2026 block, for every kind of limit.
 * Expected values were computed by hand from holiday-schedules.md with the default sessions
 * 07:30–11:30 and 13:00–17:00 (8 working hours a day).
 */
import { describe, expect, it } from 'vitest';
import { type TimeLimit, vietnamCalendar } from '../index.js';

const calendar = vietnamCalendar();

type Case = readonly [label: string, receivedAt: string, limit: TimeLimit, due: string];

function check(cases: readonly Case[]) {
  it.each(cases)('%s', (_label, receivedAt, limit, due) => {
    expect(calendar.dueDate(new Date(receivedAt), limit)).toEqual(new Date(due));
  });
}

describe('2024: Tết Dương lịch (Mon 01/01)', () => {
  check([
    [
      '1 working day from Fri 29/12/2023',
      '2023-12-29T10:00:00+07:00',
      { workingDays: 1 },
      '2024-01-02T17:00:00+07:00',
    ],
    ['8 working hours', '2023-12-29T10:00:00+07:00', { workingHours: 8 }, '2024-01-02T10:00:00+07:00'],
    [
      '3 calendar days (Mon 01/01 → Tue 02/01)',
      '2023-12-29T10:00:00+07:00',
      { calendarDays: 3 },
      '2024-01-02T17:00:00+07:00',
    ],
  ]);
});

describe('2024: Tết block Thu 08/02 – Wed 14/02 (two days in lieu)', () => {
  const wed = '2024-02-07T10:00:00+07:00';
  check([
    ['1 working day from Wed 07/02 → Thu 15/02', wed, { workingDays: 1 }, '2024-02-15T17:00:00+07:00'],
    ['2 working days → Fri 16/02', wed, { workingDays: 2 }, '2024-02-16T17:00:00+07:00'],
    ['3 working days → Mon 19/02', wed, { workingDays: 3 }, '2024-02-19T17:00:00+07:00'],
    [
      '0.5 working day elapsed: 1.5 h + 2.5 h',
      wed,
      { workingDays: 0.5, counting: 'elapsed' },
      '2024-02-07T15:30:00+07:00',
    ],
    [
      '1 working day elapsed: 5.5 h Wed + 2.5 h Thu 15/02',
      wed,
      { workingDays: 1, counting: 'elapsed' },
      '2024-02-15T10:00:00+07:00',
    ],
    [
      '1.5 working days elapsed (12 h)',
      wed,
      { workingDays: 1.5, counting: 'elapsed' },
      '2024-02-15T15:30:00+07:00',
    ],
    ['6 working hours', wed, { workingHours: 6 }, '2024-02-15T08:00:00+07:00'],
    ['16 working hours', wed, { workingHours: 16 }, '2024-02-16T10:00:00+07:00'],
    ['1 calendar day: Thu 08/02 is off → Thu 15/02', wed, { calendarDays: 1 }, '2024-02-15T17:00:00+07:00'],
    ['3 calendar days: Sat 10/02 → Thu 15/02', wed, { calendarDays: 3 }, '2024-02-15T17:00:00+07:00'],
    [
      '7 calendar days: Wed 14/02 (in lieu) → Thu 15/02',
      wed,
      { calendarDays: 7 },
      '2024-02-15T17:00:00+07:00',
    ],
    ['8 calendar days: Thu 15/02 itself', wed, { calendarDays: 8 }, '2024-02-15T17:00:00+07:00'],
    ['9 calendar days: Fri 16/02', wed, { calendarDays: 9 }, '2024-02-16T17:00:00+07:00'],
    ['same day, received 10:00', wed, { sameDay: true }, '2024-02-07T17:00:00+07:00'],
    [
      'same day, received exactly 15:00 (not after the cut-off)',
      '2024-02-07T15:00:00+07:00',
      { sameDay: true },
      '2024-02-07T17:00:00+07:00',
    ],
    [
      'same day, received 15:30 → Thu 15/02',
      '2024-02-07T15:30:00+07:00',
      { sameDay: true },
      '2024-02-15T17:00:00+07:00',
    ],
    [
      'same day, received on Sat 10/02 (Tết) → Thu 15/02',
      '2024-02-10T09:00:00+07:00',
      { sameDay: true },
      '2024-02-15T17:00:00+07:00',
    ],
    [
      '1 working day from Sat 10/02 (Tết): receipt day not counted',
      '2024-02-10T09:00:00+07:00',
      { workingDays: 1 },
      '2024-02-15T17:00:00+07:00',
    ],
    [
      '1 working hour from Sat 10/02 → Thu 15/02 08:30',
      '2024-02-10T09:00:00+07:00',
      { workingHours: 1 },
      '2024-02-15T08:30:00+07:00',
    ],
    [
      '2 calendar days from Sat 10/02: Mon 12/02 (Tết) → Thu 15/02',
      '2024-02-10T09:00:00+07:00',
      { calendarDays: 2 },
      '2024-02-15T17:00:00+07:00',
    ],
    [
      '5 calendar days from Sat 10/02: Thu 15/02',
      '2024-02-10T09:00:00+07:00',
      { calendarDays: 5 },
      '2024-02-15T17:00:00+07:00',
    ],
  ]);
});

describe('2024: Giỗ Tổ (Thu 18/04)', () => {
  check([
    [
      '1 working day from Wed 17/04 → Fri 19/04',
      '2024-04-17T10:00:00+07:00',
      { workingDays: 1 },
      '2024-04-19T17:00:00+07:00',
    ],
    [
      'same day, received 16:00 → Fri 19/04',
      '2024-04-17T16:00:00+07:00',
      { sameDay: true },
      '2024-04-19T17:00:00+07:00',
    ],
  ]);
});

describe('2024: swap Mon 29/04, 30/04, 01/05; make-up Sat 04/05', () => {
  const fri = '2024-04-26T09:00:00+07:00';
  check([
    ['1 working day from Fri 26/04 → Thu 02/05', fri, { workingDays: 1 }, '2024-05-02T17:00:00+07:00'],
    ['2 working days → Fri 03/05', fri, { workingDays: 2 }, '2024-05-03T17:00:00+07:00'],
    ['3 working days → make-up Sat 04/05', fri, { workingDays: 3 }, '2024-05-04T17:00:00+07:00'],
    ['4 working days → Mon 06/05', fri, { workingDays: 4 }, '2024-05-06T17:00:00+07:00'],
    ['8 working hours: 6.5 h Fri + 1.5 h Thu 02/05', fri, { workingHours: 8 }, '2024-05-02T09:00:00+07:00'],
    ['24 working hours → Sat 04/05 09:00', fri, { workingHours: 24 }, '2024-05-04T09:00:00+07:00'],
    [
      '3 working days elapsed → Sat 04/05 09:00',
      fri,
      { workingDays: 3, counting: 'elapsed' },
      '2024-05-04T09:00:00+07:00',
    ],
    ['3 calendar days: Mon 29/04 (swap) → Thu 02/05', fri, { calendarDays: 3 }, '2024-05-02T17:00:00+07:00'],
    ['8 calendar days: Sat 04/05 is worked', fri, { calendarDays: 8 }, '2024-05-04T17:00:00+07:00'],
    ['9 calendar days: Sun 05/05 → Mon 06/05', fri, { calendarDays: 9 }, '2024-05-06T17:00:00+07:00'],
    [
      'same day, received Fri 03/05 16:00 → Sat 04/05',
      '2024-05-03T16:00:00+07:00',
      { sameDay: true },
      '2024-05-04T17:00:00+07:00',
    ],
    [
      'same day, received on make-up Sat 04/05 10:00',
      '2024-05-04T10:00:00+07:00',
      { sameDay: true },
      '2024-05-04T17:00:00+07:00',
    ],
    [
      '1 working day from make-up Sat 04/05 → Mon 06/05',
      '2024-05-04T10:00:00+07:00',
      { workingDays: 1 },
      '2024-05-06T17:00:00+07:00',
    ],
    [
      '8 working hours from make-up Sat 04/05 10:00',
      '2024-05-04T10:00:00+07:00',
      { workingHours: 8 },
      '2024-05-06T10:00:00+07:00',
    ],
  ]);
});

describe('2024: Quốc khánh Mon 02/09 + adjacent Tue 03/09', () => {
  const fri = '2024-08-30T14:00:00+07:00';
  check([
    ['1 working day from Fri 30/08 → Wed 04/09', fri, { workingDays: 1 }, '2024-09-04T17:00:00+07:00'],
    ['4 working hours: 3 h Fri + 1 h Wed', fri, { workingHours: 4 }, '2024-09-04T08:30:00+07:00'],
    ['3 calendar days: Mon 02/09 → Wed 04/09', fri, { calendarDays: 3 }, '2024-09-04T17:00:00+07:00'],
    ['4 calendar days: Tue 03/09 → Wed 04/09', fri, { calendarDays: 4 }, '2024-09-04T17:00:00+07:00'],
    ['5 calendar days: Wed 04/09', fri, { calendarDays: 5 }, '2024-09-04T17:00:00+07:00'],
    ['same day at 14:00', fri, { sameDay: true }, '2024-08-30T17:00:00+07:00'],
  ]);
});

describe('2025: Tết Dương lịch (Wed 01/01)', () => {
  check([
    [
      '1 working day from Tue 31/12/2024 → Thu 02/01',
      '2024-12-31T10:00:00+07:00',
      { workingDays: 1 },
      '2025-01-02T17:00:00+07:00',
    ],
  ]);
});

describe('2025: Tết block Mon 27/01 – Fri 31/01 (not 28/01 – 01/02)', () => {
  const fri = '2025-01-24T10:00:00+07:00';
  check([
    [
      '1 working day from Fri 24/01 → Mon 03/02 (date-holidays would give Mon 27/01)',
      fri,
      { workingDays: 1 },
      '2025-02-03T17:00:00+07:00',
    ],
    ['2 working days → Tue 04/02', fri, { workingDays: 2 }, '2025-02-04T17:00:00+07:00'],
    ['8 working hours → Mon 03/02 10:00', fri, { workingHours: 8 }, '2025-02-03T10:00:00+07:00'],
    [
      '1 working day elapsed → Mon 03/02 10:00',
      fri,
      { workingDays: 1, counting: 'elapsed' },
      '2025-02-03T10:00:00+07:00',
    ],
    ['3 calendar days: Mon 27/01 → Mon 03/02', fri, { calendarDays: 3 }, '2025-02-03T17:00:00+07:00'],
    ['8 calendar days: Sat 01/02 → Mon 03/02', fri, { calendarDays: 8 }, '2025-02-03T17:00:00+07:00'],
    ['10 calendar days: Mon 03/02', fri, { calendarDays: 10 }, '2025-02-03T17:00:00+07:00'],
    ['11 calendar days: Tue 04/02', fri, { calendarDays: 11 }, '2025-02-04T17:00:00+07:00'],
    [
      'same day, received Mon 27/01 (Tết) → Mon 03/02',
      '2025-01-27T09:00:00+07:00',
      { sameDay: true },
      '2025-02-03T17:00:00+07:00',
    ],
    [
      'same day, received Fri 24/01 15:01 → Mon 03/02',
      '2025-01-24T15:01:00+07:00',
      { sameDay: true },
      '2025-02-03T17:00:00+07:00',
    ],
  ]);
});

describe('2025: Giỗ Tổ (Mon 07/04)', () => {
  check([
    [
      '1 working day from Fri 04/04 → Tue 08/04',
      '2025-04-04T10:00:00+07:00',
      { workingDays: 1 },
      '2025-04-08T17:00:00+07:00',
    ],
  ]);
});

describe('2025: make-up Sat 26/04; 30/04, 01/05, swap Fri 02/05', () => {
  const fri = '2025-04-25T09:00:00+07:00';
  const tue = '2025-04-29T10:00:00+07:00';
  check([
    [
      '1 working day from Fri 25/04 → make-up Sat 26/04',
      fri,
      { workingDays: 1 },
      '2025-04-26T17:00:00+07:00',
    ],
    ['2 working days → Mon 28/04', fri, { workingDays: 2 }, '2025-04-28T17:00:00+07:00'],
    ['3 working days → Tue 29/04', fri, { workingDays: 3 }, '2025-04-29T17:00:00+07:00'],
    ['4 working days → Mon 05/05', fri, { workingDays: 4 }, '2025-05-05T17:00:00+07:00'],
    ['8 working hours → Sat 26/04 09:00', fri, { workingHours: 8 }, '2025-04-26T09:00:00+07:00'],
    ['1 calendar day: Sat 26/04 is worked', fri, { calendarDays: 1 }, '2025-04-26T17:00:00+07:00'],
    [
      'same day, received Fri 25/04 15:30 → Sat 26/04',
      '2025-04-25T15:30:00+07:00',
      { sameDay: true },
      '2025-04-26T17:00:00+07:00',
    ],
    ['1 working day from Tue 29/04 → Mon 05/05', tue, { workingDays: 1 }, '2025-05-05T17:00:00+07:00'],
    [
      '8 working hours from Tue 29/04 → Mon 05/05 10:00',
      tue,
      { workingHours: 8 },
      '2025-05-05T10:00:00+07:00',
    ],
    ['3 calendar days: Fri 02/05 (swap) → Mon 05/05', tue, { calendarDays: 3 }, '2025-05-05T17:00:00+07:00'],
    [
      'same day, received Tue 29/04 16:00 → Mon 05/05',
      '2025-04-29T16:00:00+07:00',
      { sameDay: true },
      '2025-05-05T17:00:00+07:00',
    ],
  ]);
});

describe('2025: Quốc khánh adjacent Mon 01/09 + Tue 02/09', () => {
  const fri = '2025-08-29T10:00:00+07:00';
  check([
    ['1 working day → Wed 03/09', fri, { workingDays: 1 }, '2025-09-03T17:00:00+07:00'],
    ['8 working hours → Wed 03/09 10:00', fri, { workingHours: 8 }, '2025-09-03T10:00:00+07:00'],
    ['3 calendar days: Mon 01/09 → Wed 03/09', fri, { calendarDays: 3 }, '2025-09-03T17:00:00+07:00'],
  ]);
});

describe('2026: Tết Dương lịch Thu 01/01, swap Fri 02/01, make-up Sat 10/01', () => {
  const wed = '2025-12-31T10:00:00+07:00';
  check([
    ['1 working day from Wed 31/12 → Mon 05/01', wed, { workingDays: 1 }, '2026-01-05T17:00:00+07:00'],
    ['5 working days → Fri 09/01', wed, { workingDays: 5 }, '2026-01-09T17:00:00+07:00'],
    ['6 working days → make-up Sat 10/01', wed, { workingDays: 6 }, '2026-01-10T17:00:00+07:00'],
    ['7 working days → Mon 12/01', wed, { workingDays: 7 }, '2026-01-12T17:00:00+07:00'],
    ['8 working hours → Mon 05/01 10:00', wed, { workingHours: 8 }, '2026-01-05T10:00:00+07:00'],
    ['2 calendar days: Fri 02/01 (swap) → Mon 05/01', wed, { calendarDays: 2 }, '2026-01-05T17:00:00+07:00'],
    ['10 calendar days: make-up Sat 10/01', wed, { calendarDays: 10 }, '2026-01-10T17:00:00+07:00'],
    [
      'same day, received Wed 31/12 15:30 → Mon 05/01',
      '2025-12-31T15:30:00+07:00',
      { sameDay: true },
      '2026-01-05T17:00:00+07:00',
    ],
    [
      'same day, received Fri 09/01 16:00 → Sat 10/01',
      '2026-01-09T16:00:00+07:00',
      { sameDay: true },
      '2026-01-10T17:00:00+07:00',
    ],
    [
      '1 working day from make-up Sat 10/01 → Mon 12/01',
      '2026-01-10T09:00:00+07:00',
      { workingDays: 1 },
      '2026-01-12T17:00:00+07:00',
    ],
  ]);
});

describe('2026: Tết block Mon 16/02 – Fri 20/02', () => {
  const fri = '2026-02-13T09:00:00+07:00';
  check([
    ['1 working day from Fri 13/02 → Mon 23/02', fri, { workingDays: 1 }, '2026-02-23T17:00:00+07:00'],
    ['3 working days → Wed 25/02', fri, { workingDays: 3 }, '2026-02-25T17:00:00+07:00'],
    ['8 working hours: 6.5 h Fri + 1.5 h Mon 23/02', fri, { workingHours: 8 }, '2026-02-23T09:00:00+07:00'],
    [
      '2 working days elapsed (16 h) → Tue 24/02 09:00',
      fri,
      { workingDays: 2, counting: 'elapsed' },
      '2026-02-24T09:00:00+07:00',
    ],
    ['3 calendar days: Mon 16/02 → Mon 23/02', fri, { calendarDays: 3 }, '2026-02-23T17:00:00+07:00'],
    ['10 calendar days: Mon 23/02', fri, { calendarDays: 10 }, '2026-02-23T17:00:00+07:00'],
    ['11 calendar days: Tue 24/02', fri, { calendarDays: 11 }, '2026-02-24T17:00:00+07:00'],
    [
      'same day, received 15:01 → Mon 23/02',
      '2026-02-13T15:01:00+07:00',
      { sameDay: true },
      '2026-02-23T17:00:00+07:00',
    ],
    ['0 working days: the close of the day of receipt', fri, { workingDays: 0 }, '2026-02-13T17:00:00+07:00'],
    [
      '0 calendar days: the close of the day of receipt',
      fri,
      { calendarDays: 0 },
      '2026-02-13T17:00:00+07:00',
    ],
    [
      '0 working days from Sat 14/02 → Mon 23/02',
      '2026-02-14T09:00:00+07:00',
      { workingDays: 0 },
      '2026-02-23T17:00:00+07:00',
    ],
    [
      '0 working hours from Tết: the next opening',
      '2026-02-17T09:00:00+07:00',
      { workingHours: 0 },
      '2026-02-23T07:30:00+07:00',
    ],
  ]);
});

describe('2026: Giỗ Tổ Sun 26/04, nghỉ bù Mon 27/04, 30/04, 01/05', () => {
  const fri = '2026-04-24T10:00:00+07:00';
  check([
    ['1 working day from Fri 24/04 → Tue 28/04', fri, { workingDays: 1 }, '2026-04-28T17:00:00+07:00'],
    ['2 working days → Wed 29/04', fri, { workingDays: 2 }, '2026-04-29T17:00:00+07:00'],
    ['3 working days → Mon 04/05', fri, { workingDays: 3 }, '2026-05-04T17:00:00+07:00'],
    ['8 working hours → Tue 28/04 10:00', fri, { workingHours: 8 }, '2026-04-28T10:00:00+07:00'],
    [
      '3 calendar days: Mon 27/04 (nghỉ bù) → Tue 28/04',
      fri,
      { calendarDays: 3 },
      '2026-04-28T17:00:00+07:00',
    ],
    [
      'same day, received 15:30 → Tue 28/04',
      '2026-04-24T15:30:00+07:00',
      { sameDay: true },
      '2026-04-28T17:00:00+07:00',
    ],
    [
      '1 working day from Wed 29/04 → Mon 04/05',
      '2026-04-29T10:00:00+07:00',
      { workingDays: 1 },
      '2026-05-04T17:00:00+07:00',
    ],
  ]);
});

describe('2026: make-up Sat 22/08; swap Mon 31/08, 01/09, 02/09', () => {
  const fri21 = '2026-08-21T10:00:00+07:00';
  const fri28 = '2026-08-28T10:00:00+07:00';
  check([
    [
      '1 working day from Fri 21/08 → make-up Sat 22/08',
      fri21,
      { workingDays: 1 },
      '2026-08-22T17:00:00+07:00',
    ],
    [
      '8 working hours from Fri 21/08 → Sat 22/08 10:00',
      fri21,
      { workingHours: 8 },
      '2026-08-22T10:00:00+07:00',
    ],
    ['1 calendar day: Sat 22/08 is worked', fri21, { calendarDays: 1 }, '2026-08-22T17:00:00+07:00'],
    ['1 working day from Fri 28/08 → Thu 03/09', fri28, { workingDays: 1 }, '2026-09-03T17:00:00+07:00'],
    ['2 working days → Fri 04/09', fri28, { workingDays: 2 }, '2026-09-04T17:00:00+07:00'],
    [
      '0.5 working day elapsed → Fri 28/08 15:30',
      fri28,
      { workingDays: 0.5, counting: 'elapsed' },
      '2026-08-28T15:30:00+07:00',
    ],
    ['8 working hours → Thu 03/09 10:00', fri28, { workingHours: 8 }, '2026-09-03T10:00:00+07:00'],
    [
      '3 calendar days: Mon 31/08 (swap) → Thu 03/09',
      fri28,
      { calendarDays: 3 },
      '2026-09-03T17:00:00+07:00',
    ],
    [
      'same day, received 15:30 → Thu 03/09',
      '2026-08-28T15:30:00+07:00',
      { sameDay: true },
      '2026-09-03T17:00:00+07:00',
    ],
  ]);
});

describe('2026: Ngày Văn hóa Việt Nam (Tue 24/11)', () => {
  const mon = '2026-11-23T10:00:00+07:00';
  check([
    ['1 working day from Mon 23/11 → Wed 25/11', mon, { workingDays: 1 }, '2026-11-25T17:00:00+07:00'],
    ['8 working hours → Wed 25/11 10:00', mon, { workingHours: 8 }, '2026-11-25T10:00:00+07:00'],
    [
      '1 working day elapsed → Wed 25/11 10:00',
      mon,
      { workingDays: 1, counting: 'elapsed' },
      '2026-11-25T10:00:00+07:00',
    ],
    ['1 calendar day: Tue 24/11 → Wed 25/11', mon, { calendarDays: 1 }, '2026-11-25T17:00:00+07:00'],
    [
      'same day, received 15:30 → Wed 25/11',
      '2026-11-23T15:30:00+07:00',
      { sameDay: true },
      '2026-11-25T17:00:00+07:00',
    ],
  ]);
});

describe('cut-off on the other kinds of limit', () => {
  check([
    // 2024 Tết: received Wed 07/02 after 15:00 → counted as received Thu 15/02 07:30.
    [
      '1 working day, cut-off 15:00, received Wed 07/02 15:30 → Fri 16/02',
      '2024-02-07T15:30:00+07:00',
      { workingDays: 1, cutoff: '15:00' },
      '2024-02-16T17:00:00+07:00',
    ],
    [
      '1 working day, cut-off 15:00, received 14:59 → Thu 15/02',
      '2024-02-07T14:59:00+07:00',
      { workingDays: 1, cutoff: '15:00' },
      '2024-02-15T17:00:00+07:00',
    ],
    [
      '2 working hours, cut-off 15:00, received 15:30 → Thu 15/02 09:30',
      '2024-02-07T15:30:00+07:00',
      { workingHours: 2, cutoff: '15:00' },
      '2024-02-15T09:30:00+07:00',
    ],
    [
      '2 working hours, no cut-off, received 15:30 → Thu 15/02 08:00',
      '2024-02-07T15:30:00+07:00',
      { workingHours: 2 },
      '2024-02-15T08:00:00+07:00',
    ],
    [
      '1 calendar day, cut-off 15:00, received 16:00 → Fri 16/02',
      '2024-02-07T16:00:00+07:00',
      { calendarDays: 1, cutoff: '15:00' },
      '2024-02-16T17:00:00+07:00',
    ],
    [
      '0.5 working day elapsed, cut-off 15:00, received 16:00 → Thu 15/02 11:30',
      '2024-02-07T16:00:00+07:00',
      { workingDays: 0.5, counting: 'elapsed', cutoff: '15:00' },
      '2024-02-15T11:30:00+07:00',
    ],
    [
      '1 working day, cut-off 15:00, received on a day off (Sat 10/02) → Fri 16/02',
      '2024-02-10T09:00:00+07:00',
      { workingDays: 1, cutoff: '15:00' },
      '2024-02-16T17:00:00+07:00',
    ],
    // 2025 Tết
    [
      '1 working day, cut-off 15:00, received Fri 24/01 15:01 → Tue 04/02',
      '2025-01-24T15:01:00+07:00',
      { workingDays: 1, cutoff: '15:00' },
      '2025-02-04T17:00:00+07:00',
    ],
    // 2026 Tết
    [
      '1 working day, cut-off 15:00, received Fri 13/02 16:00 → Tue 24/02',
      '2026-02-13T16:00:00+07:00',
      { workingDays: 1, cutoff: '15:00' },
      '2026-02-24T17:00:00+07:00',
    ],
    [
      '1 calendar day, cut-off 15:00, received Fri 13/02 16:00 → Tue 24/02',
      '2026-02-13T16:00:00+07:00',
      { calendarDays: 1, cutoff: '15:00' },
      '2026-02-24T17:00:00+07:00',
    ],
    // 24/11/2026
    [
      '1 working day elapsed, cut-off 15:00, received Mon 23/11 15:30 → Wed 25/11 17:00',
      '2026-11-23T15:30:00+07:00',
      { workingDays: 1, counting: 'elapsed', cutoff: '15:00' },
      '2026-11-25T17:00:00+07:00',
    ],
    // Make-up Saturday 10/01/2026
    [
      '4 working hours, cut-off 11:00, received Fri 09/01 11:15 → Sat 10/01 11:30',
      '2026-01-09T11:15:00+07:00',
      { workingHours: 4, cutoff: '11:00' },
      '2026-01-10T11:30:00+07:00',
    ],
    [
      'same day with its own cut-off 16:00, received 15:30',
      '2026-02-13T15:30:00+07:00',
      { sameDay: true, cutoff: '16:00' },
      '2026-02-13T17:00:00+07:00',
    ],
    [
      'same day with its own cut-off 10:00, received 10:30 → Mon 23/02',
      '2026-02-13T10:30:00+07:00',
      { sameDay: true, cutoff: '10:00' },
      '2026-02-23T17:00:00+07:00',
    ],
  ]);

  it("uses the calendar's sameDayCutoff option", () => {
    const early = vietnamCalendar({ sameDayCutoff: '11:00' });
    expect(early.dueDate(new Date('2026-11-23T10:59:00+07:00'), { sameDay: true })).toEqual(
      new Date('2026-11-23T17:00:00+07:00'),
    );
    expect(early.dueDate(new Date('2026-11-23T11:01:00+07:00'), { sameDay: true })).toEqual(
      new Date('2026-11-25T17:00:00+07:00'),
    );
  });
});

describe('the worked examples in the documentation', () => {
  it('vietnamCalendar: a storm closure on Tue 27/10/2026 pushes 1 working day to Wed 28/10', () => {
    const storm = vietnamCalendar({
      extraSchedules: [
        {
          id: 'quang-ngai-storm-2026',
          version: '1',
          authority: 'UBND tỉnh Quảng Ngãi',
          scope: 'province',
          entries: [
            { date: '2026-10-27', kind: 'closure', name: 'Nghỉ tránh bão', source: 'Công điện 12/CĐ-UBND' },
          ],
        },
      ],
    });
    expect(storm.dueDate(new Date('2026-10-26T09:00:00+07:00'), { workingDays: 1 })).toEqual(
      new Date('2026-10-28T17:00:00+07:00'),
    );
  });
});
