/**
 * @packageDocumentation
 * `@motcua/notify-sms` — SMS notices to applicants of Vietnamese one-stop procedures.
 *
 * {@link smsNotices} is the engine plugin (`sms`) that turns dossier events into SMS effects in
 * the engine outbox and delivers them at most once to the citizen, with quiet hours, a per-number
 * daily cap, a rate limit and a {@link NoticeLog}; Vietnamese templates for each notice (checked
 * when defined), with or without diacritics by policy; a guard that keeps personal ID numbers out
 * of messages. The gateways are behind {@link SmsProvider}: {@link createDevelopmentProvider} and
 * {@link createHttpProvider} here, `createSmppProvider` (SMPP 3.4) in `@motcua/notify-sms/smpp`.
 *
 * The other entries: `@motcua/notify-sms/text` (segments, GSM-7, text without diacritics),
 * `/phone` (normalisation, masking, carriers), `/smpp`, `/sqlite` and `/postgres` (durable notice
 * logs), `/testing` (the notice-log conformance suite).
 */

export {
  formatReturnDate,
  type LocalParts,
  LocalTimeSchema,
  localDayBounds,
  localParts,
  VIETNAM_TIME_ZONE,
} from './delivery/local-time.js';
export { MemoryNoticeLog } from './delivery/memory-notice-log.js';
export {
  type ClaimOptions,
  type ClaimOutcome,
  type ClaimState,
  checkedNoticeRecord,
  claimVerdict,
  type DailyCapCheck,
  type NoticeLog,
  type NoticeLogQuery,
  type NoticePart,
  NoticePartSchema,
  type NoticeRecord,
  NoticeRecordSchema,
  type NoticeRowState,
  type NoticeStatus,
  NoticeStatusSchema,
  sameRowState,
  type UpdateOutcome,
} from './delivery/notice-log.js';
export {
  DEFAULT_NOTICE_TABLE_PREFIX,
  type NoticeLogMigration,
  type NoticeLogMigrationResult,
  type NoticeLogTables,
} from './delivery/notice-log-migration.js';
export {
  DEFAULT_QUIET_HOURS,
  isQuietTime,
  nextDayStart,
  type QuietHours,
  QuietHoursSchema,
  quietHoursEnd,
} from './delivery/quiet-hours.js';
export {
  type DeferReason,
  type ReceiptOptions,
  SMS_PLUGIN_NAME,
  SmsDeferredError,
  type SmsLogEntry,
  type SmsNoticePayload,
  SmsNoticePayloadSchema,
  type SmsNoticesConfigInput,
  SmsNoticesConfigSchema,
  type SmsNoticesOptions,
  type SmsNoticesPlugin,
  smsNotices,
} from './delivery/sms-notices.js';
export {
  type RateLimit,
  RateLimitSchema,
  TokenBucket,
  type TokenBucketTiming,
} from './delivery/token-bucket.js';
export { NoticeLogError, type NoticeLogErrorCode, SmsError, type SmsErrorCode } from './errors.js';
export { findPersonalIdLike, type PersonalIdMatch } from './personal-data/find-personal-id.js';
export { createDevelopmentProvider, type DevelopmentProviderOptions } from './providers/development.js';
export {
  createHttpProvider,
  type HttpAuth,
  type HttpProviderOptions,
  type HttpReceiptMapping,
  parseHttpDeliveryReceipt,
} from './providers/http.js';
export {
  type DeliveryReceipt,
  type OutgoingSms,
  type ReceiptListener,
  type ReceiptStatus,
  ReceiptStatusSchema,
  receiptStatusOf,
  redactNumbers,
  type SendResult,
  type SmsProvider,
  SmsProviderError,
} from './providers/provider.js';
export { DEFAULT_TEMPLATES } from './templates/default-templates.js';
export { type NoticeKind, NoticeKindSchema, REQUIRED_VARIABLES } from './templates/notice-kinds.js';
export { type ParsedTemplate, parseTemplate, type TemplatePart } from './templates/parse-template.js';
export {
  createSmsTemplates,
  type RenderedSms,
  type RenderOptions,
  type SmsTemplates,
  type TemplateInfo,
} from './templates/sms-templates.js';
export {
  type NoticeTemplates,
  NoticeTemplatesSchema,
  type SmsTemplatesConfig,
  type SmsTemplatesOptions,
  SmsTemplatesOptionsSchema,
  type SmsValues,
  SmsValuesSchema,
  TemplateTextSchema,
} from './templates/sms-templates-options.js';
export {
  DEFAULT_VARIABLES,
  type VariableDefinition,
  VariableDefinitionSchema,
  VariableNameSchema,
} from './templates/variables.js';
// Types of the text entry that the plugin's and the templates' signatures use (`OutgoingSms`,
// `RenderedSms`, the templates' policy); their functions and schemas live in
// `@motcua/notify-sms/text` alone.
export type { DiacriticsPolicy, SmsVariant } from './text/diacritics-policy.js';
export type { SegmentCount, SmsEncoding } from './text/segments.js';
