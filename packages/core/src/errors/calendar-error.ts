import { describeValue, MotcuaError } from './motcua-error.js';

/** Codes of {@link CalendarError}. */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'INVALID_LIMIT'
  | 'INVALID_OFFICE_HOURS'
  | 'INVALID_SCHEDULE'
  | 'INVALID_OPTION'
  | 'OUT_OF_RANGE';

/**
 * Thrown by the working-time calendar for bad input: the message names the field and the value.
 *
 * @example
 * ```ts
 * import { CalendarError, vietnamCalendar } from '@motcua/core';
 * try {
 *   vietnamCalendar().isWorkingDay('2026-02-30');
 * } catch (e) {
 *   if (e instanceof CalendarError) console.log(e.code, e.field); // INVALID_DATE date
 * }
 * ```
 */
export class CalendarError extends MotcuaError {
  declare readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, field: string, value: unknown, reason: string) {
    super(code, `${field}: ${reason} (got ${describeValue(value)})`, { field, value });
  }
}
