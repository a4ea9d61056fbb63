import { parseLocalDate } from '@motcua/core/calendar';
console.log('parseLocalDate:', JSON.stringify(parseLocalDate('2026-03-02')), '//', "a day number (days since 1970-01-01)");
console.log('parseLocalDate:', JSON.stringify(parseLocalDate('2026-02-30', 'receivedOn')), '//', "throws CalendarError INVALID_DATE naming 'receivedOn'");

export {};
