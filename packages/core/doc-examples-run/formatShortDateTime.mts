import { vietnamCalendar } from '@motcua/core/calendar';
import { formatShortDateTime } from '@motcua/core/forms';
console.log('formatShortDateTime:', JSON.stringify(formatShortDateTime('2026-02-12T10:05:00+07:00', vietnamCalendar())), '//', "'10:05 12/02/2026'");

export {};
