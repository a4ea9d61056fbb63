export { CalendarError, type CalendarErrorCode } from './calendar-error.js';
export { describeValue, MotcuaError } from './motcua-error.js';
