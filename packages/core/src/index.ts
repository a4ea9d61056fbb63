/**
 * @packageDocumentation
 * `@motcua/core` — the engine inside Vietnamese one-stop (một cửa) software.
 *
 * This release holds the working-time calendar ({@link vietnamCalendar}): Vietnamese holidays
 * including lunar Tết, the official yearly swap and make-up days, working sessions, and
 * deadline arithmetic in working time.
 */
export * from './calendar/index.js';
export * from './errors/index.js';
