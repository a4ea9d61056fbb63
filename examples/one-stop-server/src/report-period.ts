import { ValidationError, type WorkingCalendar } from '@motcua/core';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instants a report covers, `[from, to)`: a date `from` starts at its local midnight
 * (Asia/Ho_Chi_Minh, the calendar's zone), a date `to` includes its whole day; instants are taken
 * as they are. @throws ValidationError when `to` is not after `from`.
 */
export function reportPeriod(
  from: string,
  to: string,
  calendar: WorkingCalendar,
): { from: string; to: string } {
  const start = DATE.test(from) ? calendar.startOfDay(from) : new Date(from);
  const end = DATE.test(to) ? calendar.startOfDay(nextDay(to)) : new Date(to);
  if (end.getTime() <= start.getTime()) {
    throw new ValidationError('query', [{ field: 'to', message: 'must be after from' }]);
  }
  return { from: start.toISOString(), to: end.toISOString() };
}
