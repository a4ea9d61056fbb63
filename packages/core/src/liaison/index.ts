export { type DefineLiaisonOptions, defineLiaison, isLiaison, type Liaison } from './define-liaison.js';
export type { LiaisonEnv } from './liaison-actions.js';
export {
  AgencyIdSchema,
  LiaisonAllowanceSchema,
  type LiaisonDefinition,
  type LiaisonDefinitionInput,
  LiaisonDefinitionSchema,
  type LiaisonLimitInput,
  type LiaisonLimitRule,
  LiaisonLimitRuleSchema,
  type LiaisonMember,
  LiaisonMemberSchema,
  LiaisonSupplementationSchema,
  liaisonOf,
  type MemberApplication,
  type ResolvedLiaison,
} from './liaison-definition.js';
export {
  AcceptedMessageSchema,
  ApologyMessageSchema,
  CancelledMessageSchema,
  CancelMessageSchema,
  HandoffMessageSchema,
  handoffId,
  type LiaisonMessage,
  type LiaisonMessageKind,
  LiaisonMessageSchema,
  ResultMessageSchema,
  SupplementedMessageSchema,
  SupplementMessageSchema,
  VerificationMessageSchema,
} from './liaison-message.js';
export { type LiaisonPlugin, type LiaisonPluginOptions, liaisonPlugin } from './liaison-plugin.js';
export { LIAISON_ROLE, type LiaisonEvent } from './liaison-rules.js';
export {
  type InProcessTransport,
  type InProcessTransportOptions,
  inProcessTransport,
  type LiaisonHandler,
  type LiaisonSubscription,
  type LiaisonTransport,
  TransportUnavailableError,
} from './transport.js';
