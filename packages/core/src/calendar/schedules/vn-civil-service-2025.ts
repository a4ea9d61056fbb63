import type { HolidayScheduleInput } from '../schedule-schema.js';

const LC = 'Bộ luật Lao động 45/2019/QH14, điều 112';
const TB6150 = 'Thông báo 6150/TB-BLĐTBXH (03/12/2024); Công văn 8726/VPCP-KGVX (26/11/2024)';

/** Official days off and make-up days for civil servants in 2025 (Thông báo 6150/TB-BLĐTBXH). */
export const vnCivilService2025: HolidayScheduleInput = {
  id: 'vn-civil-service-2025',
  version: '2024-12-03',
  authority: 'Bộ Lao động – Thương binh và Xã hội',
  scope: 'national',
  officialYear: 2025,
  documents: [LC, TB6150],
  entries: [
    { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch', nameEn: "New Year's Day", source: LC },
    {
      date: '2025-01-27',
      kind: 'tet',
      name: 'Tết Nguyên đán — 28 Chạp',
      nameEn: 'Lunar New Year',
      source: TB6150,
    },
    {
      date: '2025-01-28',
      kind: 'tet',
      name: 'Tết Nguyên đán — 29 Chạp',
      nameEn: 'Lunar New Year',
      source: TB6150,
    },
    {
      date: '2025-01-29',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 1',
      nameEn: 'Lunar New Year',
      source: TB6150,
    },
    {
      date: '2025-01-30',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 2',
      nameEn: 'Lunar New Year',
      source: TB6150,
    },
    {
      date: '2025-01-31',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 3',
      nameEn: 'Lunar New Year',
      source: TB6150,
    },
    {
      date: '2025-04-07',
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương (10/3 Ất Tỵ)',
      nameEn: 'Hung Kings Commemoration Day',
      source: LC,
    },
    {
      date: '2025-04-26',
      kind: 'make-up-working-day',
      name: 'Làm bù cho ngày 02/05',
      nameEn: 'Make-up working Saturday for 2 May',
      source: TB6150,
      confidence: 'single-source',
    },
    {
      date: '2025-04-30',
      kind: 'holiday',
      name: 'Ngày Chiến thắng',
      nameEn: 'Reunification Day',
      source: LC,
    },
    { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động', nameEn: 'Labour Day', source: LC },
    {
      date: '2025-05-02',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)',
      nameEn: 'Swap day off (made up on Saturday 26 April)',
      source: TB6150,
      confidence: 'single-source',
    },
    {
      date: '2025-09-01',
      kind: 'holiday',
      name: 'Quốc khánh — ngày liền kề',
      nameEn: 'National Day, adjacent day',
      source: `${LC}; ${TB6150}`,
    },
    { date: '2025-09-02', kind: 'holiday', name: 'Quốc khánh', nameEn: 'National Day', source: LC },
  ],
};
