export {
  type Actor,
  type ActorInput,
  ActorSchema,
  canonicalInstant,
  type Instant,
  InstantSchema,
  toInstant,
} from './actor.js';
export { type Applicant, ApplicantSchema } from './applicant.js';
export { type Deadline, type DeadlineOptions, pendingDeadlines } from './deadlines.js';
export {
  type DossierCodeParts,
  formatDossierCode,
  isAgencyCode,
  isDossierCodeShape,
  MAX_AGENCY_CODE_LENGTH,
  parseDossierCode,
} from './dossier-code.js';
export {
  type Apology,
  ApologySchema,
  type DossierContext,
  DossierContextSchema,
  type Outcome,
  OutcomeSchema,
  type StepRecord,
  StepRecordSchema,
  type SupplementRecord,
  SupplementRecordSchema,
} from './dossier-context.js';
export {
  ApologizeEventSchema,
  type DossierEvent,
  type DossierEventInput,
  DossierEventSchema,
  type DossierEventType,
  ExpireEventSchema,
  HandOverEventSchema,
  MarkOverdueEventSchema,
  RefuseEventSchema,
  RequestSupplementEventSchema,
  ReturnResultEventSchema,
  SendBackEventSchema,
  StopEventSchema,
  SupplementReceivedEventSchema,
  WithdrawEventSchema,
} from './dossier-events.js';
export { instantProblem, parseInstant } from './instant-input.js';
export {
  maskPersonalData,
  maskValue,
  type PersonalDataKind,
  personal,
  personalDataRegistry,
} from './personal-data.js';
export { classifyTimeliness, type Timeliness, TimelinessSchema } from './timeliness.js';
