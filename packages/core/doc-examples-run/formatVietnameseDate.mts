import { vietnamCalendar } from '@motcua/core/calendar';
import { formatVietnameseDate } from '@motcua/core/forms';
console.log('formatVietnameseDate:', JSON.stringify(formatVietnameseDate('2026-02-12', vietnamCalendar())), '//', "'ng\u00e0y 12 th\u00e1ng 02 n\u0103m 2026'");

export {};
