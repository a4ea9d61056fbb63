/**
 * @packageDocumentation
 * `@motcua/core` — the engine inside Vietnamese one-stop (một cửa) software.
 *
 * - The working-time calendar ({@link vietnamCalendar}): Vietnamese holidays including lunar Tết,
 *   the official yearly swap and make-up days, working sessions, deadline arithmetic.
 * - Procedures ({@link defineProcedure}): each version an XState v5 machine with the standard
 *   one-stop lifecycle, deadlines, early/on-time/late classification and the control slip.
 */
export * from './calendar/index.js';
export * from './clock/index.js';
export * from './deadlines/index.js';
export * from './engine/index.js';
export * from './errors/index.js';
export * from './liaison/index.js';
export * from './model/index.js';
export * from './procedure/index.js';
export * from './report/index.js';
export * from './slip/index.js';
export * from './store/index.js';
