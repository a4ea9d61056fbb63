/**
 * @packageDocumentation
 * `@motcua/notify-sms` — SMS notices to applicants of Vietnamese one-stop procedures.
 *
 * This release holds the parts that need no engine runtime: Vietnamese templates for each notice
 * (checked when defined), text with or without diacritics picked by policy, an exact GSM-7 /
 * UCS-2 segment counter, Vietnamese mobile number normalisation to E.164 (with the 2018
 * renumbering), masking, a carrier-by-prefix guess, and a guard that keeps personal ID numbers
 * out of messages. Delivery (engine outbox, quiet hours, rate limits, gateways) comes later.
 */

export { SmsError, type SmsErrorCode } from './errors.js';
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
