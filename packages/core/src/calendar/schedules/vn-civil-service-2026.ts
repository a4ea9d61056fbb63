import type { HolidayScheduleInput } from '../schedule-schema.js';

const LC = 'Bộ luật Lao động 45/2019/QH14, điều 112';
const LC111 = 'Bộ luật Lao động 45/2019/QH14, điều 111(3)';
const CV12729 = 'Công văn 12729/VPCP-KGVX (25/12/2025)';
const TB9441 = 'Thông báo 9441/TB-BNV (16/10/2025)';
const NQ28 = 'Nghị quyết 28/2026/QH16, điều 2';

/**
 * Official days off and make-up days for civil servants in 2026 (Bộ Nội vụ notices).
 * A swap around 24/11/2026 had been proposed but not decided when this data was compiled.
 */
export const vnCivilService2026: HolidayScheduleInput = {
  id: 'vn-civil-service-2026',
  version: '2025-12-25',
  authority: 'Bộ Nội vụ',
  scope: 'national',
  officialYear: 2026,
  documents: [LC, LC111, CV12729, TB9441, 'Công văn 3383/BNV-CVL', NQ28],
  entries: [
    { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch', nameEn: "New Year's Day", source: LC },
    {
      date: '2026-01-02',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)',
      nameEn: 'Swap day off (made up on Saturday 10 January)',
      source: CV12729,
    },
    {
      date: '2026-01-10',
      kind: 'make-up-working-day',
      name: 'Làm bù cho ngày 02/01',
      nameEn: 'Make-up working Saturday for 2 January',
      source: CV12729,
    },
    {
      date: '2026-02-16',
      kind: 'tet',
      name: 'Tết Nguyên đán — 29 Chạp',
      nameEn: 'Lunar New Year',
      source: TB9441,
    },
    {
      date: '2026-02-17',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 1',
      nameEn: 'Lunar New Year',
      source: TB9441,
    },
    {
      date: '2026-02-18',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 2',
      nameEn: 'Lunar New Year',
      source: TB9441,
    },
    {
      date: '2026-02-19',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 3',
      nameEn: 'Lunar New Year',
      source: TB9441,
    },
    {
      date: '2026-02-20',
      kind: 'tet',
      name: 'Tết Nguyên đán — mùng 4',
      nameEn: 'Lunar New Year',
      source: TB9441,
    },
    {
      date: '2026-04-26',
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương (10/3 Bính Ngọ)',
      nameEn: 'Hung Kings Commemoration Day',
      source: LC,
    },
    {
      date: '2026-04-27',
      kind: 'compensatory',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      nameEn: 'Hung Kings Commemoration Day, compensatory day',
      source: LC111,
    },
    {
      date: '2026-04-30',
      kind: 'holiday',
      name: 'Ngày Chiến thắng',
      nameEn: 'Reunification Day',
      source: LC,
    },
    { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động', nameEn: 'Labour Day', source: LC },
    {
      date: '2026-08-22',
      kind: 'make-up-working-day',
      name: 'Làm bù cho ngày 31/08',
      nameEn: 'Make-up working Saturday for 31 August',
      source: TB9441,
      confidence: 'single-source',
    },
    {
      date: '2026-08-31',
      kind: 'swap-day-off',
      name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/08)',
      nameEn: 'Swap day off (made up on Saturday 22 August)',
      source: TB9441,
      confidence: 'single-source',
    },
    {
      date: '2026-09-01',
      kind: 'holiday',
      name: 'Quốc khánh — ngày liền kề',
      nameEn: 'National Day, adjacent day',
      source: `${LC}; ${TB9441}`,
    },
    { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh', nameEn: 'National Day', source: LC },
    {
      date: '2026-11-24',
      kind: 'holiday',
      name: 'Ngày Văn hóa Việt Nam',
      nameEn: 'Vietnam Culture Day',
      source: NQ28,
      note: 'Outside art. 112: no automatic compensatory day. A swap was proposed but undecided as of 09/2026.',
    },
  ],
};
