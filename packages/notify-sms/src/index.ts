/**
 * @packageDocumentation
 * `@motcua/notify-sms` — SMS notices to applicants of Vietnamese one-stop procedures.
 *
 * This release holds the parts that need no engine runtime: Vietnamese templates for each notice
 * (checked when defined), text with or without diacritics picked by policy, an exact GSM-7 /
 * UCS-2 segment counter, Vietnamese mobile number normalisation to E.164 (with the 2018
 * renumbering), masking, a carrier-by-prefix guess, and a guard that keeps personal ID numbers
 * out of messages.
 *
 * Delivery: {@link smsNotices} is the engine plugin (`sms`) that turns dossier events into SMS
 * effects in the engine outbox and delivers them at most once to the citizen, with quiet hours, a
 * per-number daily cap, a rate limit and a {@link NoticeLog}; the gateways are behind
 * {@link SmsProvider}: {@link createDevelopmentProvider}, {@link createHttpProvider} and
 * {@link createSmppProvider} (SMPP 3.4).
 */

export {
  checkTimeZone,
  formatReturnDate,
  instantAt,
  type LocalParts,
  LocalTimeSchema,
  localDayBounds,
  localParts,
  VIETNAM_TIME_ZONE,
  zoneOffsetMs,
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
  checkedIdentifier,
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
export { type CarrierPrefix, MOBILE_PREFIXES } from './phone/carrier-prefixes.js';
export { type MobileCarrier, MobileCarrierSchema } from './phone/carriers.js';
export { convertLegacyMobile, LEGACY_MOBILE_PREFIXES, type LegacyPrefix } from './phone/legacy-prefixes.js';
export { type CarrierGuess, lookupCarrierByPrefix } from './phone/lookup-carrier.js';
export { maskPhone } from './phone/mask-phone.js';
export {
  type MobilePhone,
  type NormalizePhoneOptions,
  NormalizePhoneOptionsSchema,
  normalizePhone,
  parseMobilePhone,
} from './phone/normalize-phone.js';
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
export {
  concatReference,
  concatUdh,
  DATA_CODING,
  encodeGsm7,
  encodeUcs2,
  type ParsedSmppReceipt,
  parseReceiptText,
} from './providers/smpp/smpp-pdus.js';
export {
  createSmppProvider,
  type SmppLogEntry,
  type SmppProvider,
  type SmppProviderOptions,
  type SmppProviderStats,
} from './providers/smpp/smpp-provider.js';
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
export { describeCodePoint } from './text/describe-code-point.js';
export {
  chooseSmsVariant,
  type DiacriticsPolicy,
  DiacriticsPolicySchema,
  type SmsChoice,
  type SmsVariant,
} from './text/diacritics-policy.js';
export {
  GSM7_CHARACTERS,
  GSM7_EXTENSION_CHARACTERS,
  gsm7Length,
  gsm7Septets,
  isGsm7,
  nonGsm7Characters,
} from './text/gsm7.js';
export { plainPunctuation } from './text/plain-punctuation.js';
export {
  countSegments,
  SEGMENT_LIMITS,
  type SegmentCount,
  type SegmentOptions,
  SegmentOptionsSchema,
  type SmsEncoding,
  SmsEncodingSchema,
  splitSegments,
} from './text/segments.js';
export { stripDiacritics } from './text/strip-diacritics.js';
export { withoutDiacritics } from './text/without-diacritics.js';
