export { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
export {
  createEngine,
  type DossierRecord,
  type DossierView,
  type Engine,
  type EngineEvent,
  type EngineInspectionEvent,
  type EngineLogEntry,
  type EngineOptions,
  type ReceiveCommand,
  type SendOptions,
  SYSTEM_ACTOR,
} from './create-engine.js';
export { summaryFromContext, summaryOf } from './dossier-summary.js';
export {
  DeferredDeliveryError,
  type DeliveryContext,
  deferralOf,
  type EffectRequest,
  type EnginePlugin,
  PermanentDeliveryError,
  type TimerInfo,
  type TransitionInfo,
} from './plugin.js';
export {
  type PublicDossierView,
  type PublicLiaisonView,
  publicView,
  secretMatches,
} from './public-lookup.js';
