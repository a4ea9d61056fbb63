export {
  type Actor,
  type ActorInput,
  ActorSchema,
  canonicalInstant,
  type Instant,
  InstantSchema,
  toInstant,
} from './actor.js';
export {
  type Applicant,
  type ApplicantKind,
  ApplicantKindSchema,
  ApplicantSchema,
  type IdentityDocument,
  IdentityDocumentSchema,
  type IdentityDocumentType,
  IdentityDocumentTypeSchema,
  type Representative,
  RepresentativeSchema,
} from './applicant.js';
export { type Channel, ChannelSchema, type Regime, RegimeSchema } from './channel.js';
export {
  type BoundaryFreeList,
  BoundaryFreeListSchema,
  type DeskTopology,
  DeskTopologySchema,
  type Reception,
  type ReceptionInput,
  ReceptionInputSchema,
  ReceptionSchema,
  type ResolvedReception,
  ResolvedReceptionSchema,
  type ServiceCentre,
  ServiceCentreSchema,
} from './cross-boundary.js';
export {
  type DossierCodeParts,
  formatDossierCode,
  isAgencyCode,
  isDossierCodeShape,
  parseDossierCode,
} from './dossier-code.js';
export {
  type ComponentEntry,
  ComponentEntrySchema,
  type ComponentRecord,
  ComponentRecordSchema,
  type ComponentSource,
  ComponentSourceSchema,
} from './dossier-component.js';
export {
  type Apology,
  ApologySchema,
  type DossierContext,
  type DossierContextOf,
  DossierContextSchema,
  type Outcome,
  OutcomeSchema,
  type StepRecord,
  StepRecordSchema,
} from './dossier-context.js';
export {
  AcceptEventSchema,
  ApologizeEventSchema,
  type DossierEvent,
  type DossierEventInput,
  DossierEventSchema,
  type DossierEventType,
  ExpireEventSchema,
  HandOverEventSchema,
  IssueResultEventSchema,
  MarkOverdueEventSchema,
  RecordComponentsEventSchema,
  RefuseEventSchema,
  RequestSupplementEventSchema,
  ReturnResultEventSchema,
  SendBackEventSchema,
  StopEventSchema,
  SupplementReceivedEventSchema,
  TransferOriginalsEventSchema,
  WithdrawEventSchema,
} from './dossier-events.js';
export type { DossierSummary } from './dossier-summary.js';
export {
  type FeeCollection,
  FeeCollectionSchema,
  type FeeItem,
  type FeeItemInput,
  FeeItemSchema,
  type FeeKind,
  FeeKindSchema,
  feeAmount,
} from './fee-item.js';
export {
  type DossierIndexFacts,
  DossierIndexFactsSchema,
  INDEX_FACTS_VERSION,
  indexFactsOf,
  POPULATION_DATABASE_CODES,
} from './index-facts.js';
export { parseInstant } from './instant-input.js';
export {
  type LiaisonClosing,
  LiaisonClosingSchema,
  type LiaisonExtension,
  LiaisonExtensionSchema,
  type LiaisonLink,
  type LiaisonLinkInput,
  LiaisonLinkSchema,
  type LiaisonMemberState,
  LiaisonMemberStateSchema,
  type LiaisonMemberStatus,
  LiaisonMemberStatusSchema,
  type LiaisonParent,
  LiaisonParentSchema,
  type LiaisonSection,
  LiaisonSectionSchema,
  type MemberApology,
  MemberApologySchema,
} from './liaison-context.js';
export {
  HandOffEventSchema,
  LIAISON_EVENT_TYPES,
  type LiaisonEventType,
  MemberAcceptedEventSchema,
  MemberApologyEventSchema,
  MemberCancelledEventSchema,
  MemberResultEventSchema,
  MemberSupplementEventSchema,
  MemberVerificationEventSchema,
} from './liaison-events.js';
export { type LocalNamed, localName } from './local-name.js';
export {
  type NationalStatus,
  type NationalStatusTable,
  nationalStatusName,
  PORTAL_DOSSIER_STATUSES,
} from './national-status.js';
export {
  type FilingReference,
  FilingReferenceSchema,
  type Intake,
  type IntakeRequest,
  IntakeRequestSchema,
  IntakeSchema,
  wasReceived,
} from './online-intake.js';
export {
  type BankAccount,
  BankAccountSchema,
  CancelPaymentEventSchema,
  type FeeExemption,
  FeeExemptionSchema,
  isOnlinePayment,
  type OnlinePaymentCodeTable,
  onlinePaymentCode,
  type PaymentChannel,
  PaymentChannelSchema,
  type PaymentItem,
  PaymentItemSchema,
  type PaymentLine,
  PaymentLineSchema,
  type PaymentReceipt,
  PaymentReceiptSchema,
  type PaymentRecord,
  PaymentRecordSchema,
  type PaymentStatus,
  PaymentStatusSchema,
  PORTAL_ONLINE_PAYMENT_CODES,
  RecordPaymentEventSchema,
  type Refund,
  RefundPaymentEventSchema,
  RefundSchema,
  RequestPaymentEventSchema,
  StartPaymentEventSchema,
  WaiveFeeEventSchema,
} from './payment.js';
export {
  hasPersonalData,
  maskPersonalData,
  type PersonalDataKind,
  personal,
  personalDataRegistry,
} from './personal-data.js';
export {
  ADMINISTRATIVE_LEVELS,
  type AdministrativeLevel,
  type AdministrativeLevelPeriod,
  AdministrativeLevelSchema,
  type ImplementationIssue,
  type InternalProcessApproval,
  InternalProcessApprovalSchema,
  implementationIssues,
  levelExistsOn,
  type OneStopMechanism,
  OneStopMechanismSchema,
  type ProcedureImplementation,
  ProcedureImplementationSchema,
} from './procedure-implementation.js';
export {
  DECREE_61_RATING_CRITERIA,
  type Rating,
  type RatingAnswer,
  type RatingCriteriaSet,
  type RatingCriterion,
  RatingSchema,
  ratingAnswerLabel,
} from './rating.js';
export {
  type ResultDocument,
  ResultDocumentSchema,
  type ResultHandover,
  ResultHandoverSchema,
} from './result-document.js';
export { type SlipParty, SlipPartySchema, type SlipRow, SlipRowSchema } from './slip-row.js';
export { type SupplementRecord, SupplementRecordSchema } from './supplement-record.js';
export { classifyTimeliness, type Timeliness, TimelinessSchema } from './timeliness.js';
