import type { HolidayScheduleInput } from '../schedule-schema.js';

const LC = 'Bộ luật Lao động 45/2019/QH14, điều 112';
const TB5015 = 'Thông báo 5015/TB-LĐTBXH (22/11/2023)';
const TB1570 = 'Thông báo 1570/TB-LĐTBXH (12/04/2024); Công văn 2450/VPCP-KGVX';

/** Official days off and make-up days for civil servants in 2024 (Bộ LĐTBXH notices). */
export const vnCivilService2024: HolidayScheduleInput = {
  id: 'vn-civil-service-2024',
  version: '2024-04-12',
  authority: 'Bộ Lao động – Thương binh và Xã hội',
  scope: 'national',
  officialYear: 2024,
  documents: [LC, TB5015, TB1570],
  entries: [
    { date: '2024-01-01', kind: 'holiday', name: 'Tết Dương lịch', nameEn: "New Year's Day", source: LC },
    {
      date: '2024-02-08',
      kind: 'compensatory',
      name: 'Nghỉ bù Tết Nguyên đán',
      nameEn: 'Lunar New Year, day in lieu',
      source: TB5015,
    },
    {
      date: '2024-02-09',
      kind: 'tet',
      name: 'Tết Nguyên đán — 30 Tết',
      nameEn: 'Lunar New Year',
      source: TB5015,
    },
    {
      date: '2024-02-10',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 1',
      nameEn: 'Lunar New Year',
      source: TB5015,
    },
    {
      date: '2024-02-11',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 2',
      nameEn: 'Lunar New Year',
      source: TB5015,
    },
    {
      date: '2024-02-12',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 3',
      nameEn: 'Lunar New Year',
      source: TB5015,
    },
    {
      date: '2024-02-13',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 4',
      nameEn: 'Lunar New Year',
      source: TB5015,
    },
    {
      date: '2024-02-14',
      kind: 'compensatory',
      name: 'Nghỉ bù Tết Nguyên đán',
      nameEn: 'Lunar New Year, day in lieu',
      source: TB5015,
    },
    {
      date: '2024-04-18',
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương (10/3 Giáp Thìn)',
      nameEn: 'Hung Kings Commemoration Day',
      source: LC,
    },
    {
      date: '2024-04-29',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05)',
      nameEn: 'Swap day off (made up on Saturday 4 May)',
      source: TB1570,
    },
    {
      date: '2024-04-30',
      kind: 'holiday',
      name: 'Ngày Chiến thắng',
      nameEn: 'Reunification Day',
      source: LC,
    },
    { date: '2024-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động', nameEn: 'Labour Day', source: LC },
    {
      date: '2024-05-04',
      kind: 'make-up-working-day',
      name: 'Làm bù cho ngày 29/04',
      nameEn: 'Make-up working Saturday for 29 April',
      source: TB1570,
    },
    { date: '2024-09-02', kind: 'holiday', name: 'Quốc khánh', nameEn: 'National Day', source: LC },
    {
      date: '2024-09-03',
      kind: 'holiday',
      name: 'Quốc khánh — ngày liền kề',
      nameEn: 'National Day, adjacent day',
      source: `${LC}; ${TB5015}`,
    },
  ],
};
