/**
 * @packageDocumentation
 * `@motcua/notify-sms/text` — the text of an SMS: an exact GSM-7 / UCS-2 segment counter and
 * splitter, the GSM-7 alphabet, Vietnamese text without diacritics (bỏ dấu) and the policy that
 * picks the form sent. No Node built-in, no gateway code, zod's tree-shakable API only: a form
 * that counts the parts of a message as it is typed bundles a few kilobytes.
 *
 * @example
 * ```ts
 * import { countSegments, withoutDiacritics } from '@motcua/notify-sms/text';
 * countSegments(withoutDiacritics('Hồ sơ đã có kết quả.')).segments; // 1
 * ```
 */

export { SmsError, type SmsErrorCode } from '../errors.js';
export { describeCodePoint } from './describe-code-point.js';
export {
  chooseSmsVariant,
  type DiacriticsPolicy,
  DiacriticsPolicySchema,
  type SmsChoice,
  type SmsVariant,
} from './diacritics-policy.js';
export {
  GSM7_CHARACTERS,
  GSM7_EXTENSION_CHARACTERS,
  gsm7Length,
  gsm7Septets,
  isGsm7,
  nonGsm7Characters,
} from './gsm7.js';
export { plainPunctuation } from './plain-punctuation.js';
export {
  countSegments,
  SEGMENT_LIMITS,
  type SegmentCount,
  type SegmentOptions,
  SegmentOptionsSchema,
  type SmsEncoding,
  SmsEncodingSchema,
  splitSegments,
} from './segments.js';
export { stripDiacritics } from './strip-diacritics.js';
export { withoutDiacritics } from './without-diacritics.js';
