export { type BackoffOptions, DEFAULT_BACKOFF } from './backoff.js';
export { createEngine } from './create-engine.js';
export { summaryOf, summaryWithNationalStatus } from './dossier-summary.js';
export {
  DEFAULT_LOOKUP_LIMIT,
  DEFAULT_SECRET_LENGTH,
  type DossierRecord,
  type DossierView,
  type Engine,
  type EngineEvent,
  type EngineLateEntryQuery,
  type EngineLogEntry,
  type EngineOptions,
  type EngineReportQuery,
  type PeriodQuery,
  type RateCommand,
  type RatingReceipt,
  type ReceiveCommand,
  type ReissuedSecret,
  type ReissueSecretCommand,
  type SendOptions,
  type SubmitCommand,
  SYSTEM_ACTOR,
} from './engine-types.js';
export type { IndexFactsBackfillOptions, IndexFactsBackfillResult } from './index-facts-backfill.js';
export {
  type DossierActorRef,
  type EngineInspectionBase,
  type EngineInspectionEvent,
  type EngineInspector,
  type InspectedDossierEvent,
  type InspectedDossierSnapshot,
  type InspectedProcedures,
  maskInspection,
} from './inspection.js';
export type {
  GroupPoints,
  NationalIndexDossierQuery,
  NationalIndexGroupBy,
  NationalIndexQuery,
  NationalIndexResult,
  NationalIndexResultRow,
} from './national-index-commands.js';
export {
  type AppliedEvent,
  DeferredDeliveryError,
  type DeliveryContext,
  type EffectRequest,
  type EnginePlugin,
  type EventTransitionInfo,
  type KindOfTimer,
  PermanentDeliveryError,
  type RatingTransitionInfo,
  type ReceiptTransitionInfo,
  type ReissueTransitionInfo,
  type SubmissionTransitionInfo,
  type TimerInfo,
  type TransitionInfo,
  type TransitionInfoBase,
} from './plugin.js';
export { type PublicDossierView, type PublicLiaisonView, secretMatches } from './public-lookup.js';
export type { ReceptionOptions } from './resolve-reception.js';
export {
  type EngineStatisticsFormQuery,
  EngineStatisticsFormQuerySchema,
} from './statistics-form-query.js';
