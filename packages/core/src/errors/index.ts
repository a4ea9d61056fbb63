export { CalendarError, type CalendarErrorCode } from './calendar-error.js';
export {
  ConflictError,
  DefinitionError,
  type FieldIssue,
  IdempotencyKeyError,
  LookupLockedError,
  NotFoundError,
  PermissionError,
  TransitionError,
  ValidationError,
} from './dossier-errors.js';
export { MotcuaError } from './motcua-error.js';
