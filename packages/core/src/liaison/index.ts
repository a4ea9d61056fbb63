export { type DefineLiaisonOptions, defineLiaison, isLiaison, type Liaison } from './define-liaison.js';
export type { LiaisonEnv } from './liaison-actions.js';
export {
  type LiaisonDefinition,
  type LiaisonDefinitionInput,
  LiaisonDefinitionSchema,
  type LiaisonLimitInput,
  type LiaisonLimitRule,
  LiaisonLimitRuleSchema,
  type LiaisonMember,
  LiaisonMemberSchema,
  type MemberApplication,
  type ResolvedLiaison,
} from './liaison-definition.js';
export { type LiaisonMessage, type LiaisonMessageKind, LiaisonMessageSchema } from './liaison-message.js';
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
