import type { HolidayScheduleInput, StatutoryHolidayRule } from '../schedule-schema.js';
import { vnCivilService2024 } from './vn-civil-service-2024.js';
import { vnCivilService2025 } from './vn-civil-service-2025.js';
import { vnCivilService2026 } from './vn-civil-service-2026.js';

export { vnCivilService2024, vnCivilService2025, vnCivilService2026 };

/**
 * The official yearly schedules for civil servants shipped with this release (2024–2026), oldest
 * first. Add a newer year's notice with `vietnamCalendar({ schedules: [...] })`.
 */
export const VIETNAM_CIVIL_SERVICE_SCHEDULES: readonly HolidayScheduleInput[] = [
  vnCivilService2024,
  vnCivilService2025,
  vnCivilService2026,
];

/**
 * Statutory holidays that date-holidays does not know, each with its effective dates.
 * (date-holidays supplies the Labour Code art. 112 holidays: 1/1, Tết, Giỗ Tổ, 30/4, 1/5, 2/9.)
 */
export const VIETNAM_STATUTORY_ADDITIONS: readonly StatutoryHolidayRule[] = [
  {
    id: 'vietnam-culture-day',
    month: 11,
    day: 24,
    name: 'Ngày Văn hóa Việt Nam',
    nameEn: 'Vietnam Culture Day',
    source: 'Nghị quyết 28/2026/QH16, điều 2',
    effectiveFrom: '2026-07-01',
    compensatory: false,
  },
];
