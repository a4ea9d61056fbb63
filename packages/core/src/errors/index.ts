export { CalendarError, type CalendarErrorCode } from './calendar-error.js';
export {
  ConflictError,
  DefinitionError,
  type FieldIssue,
  NotFoundError,
  PermissionError,
  TransitionError,
  ValidationError,
} from './dossier-errors.js';
export { describeValue, MotcuaError } from './motcua-error.js';
