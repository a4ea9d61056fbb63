import { vietnamCalendar } from '@motcua/core/calendar';
import { formatPlaceDate } from '@motcua/core/forms';
console.log('formatPlaceDate:', JSON.stringify(formatPlaceDate('Hưng Nguyên', '2026-02-12T09:00:00+07:00', vietnamCalendar())), '//', "'H\u01b0ng Nguy\u00ean, ng\u00e0y 12 th\u00e1ng 02 n\u0103m 2026'");

export {};
