/**
 * @packageDocumentation
 * `@motcua/notify-sms/phone` — Vietnamese mobile numbers: normalisation to E.164 (with the 2018
 * renumbering of 11-digit numbers), masking for logs and errors, the carriers and their prefixes,
 * and a carrier-by-prefix guess. No gateway code, zod's tree-shakable API only.
 *
 * @example
 * ```ts
 * import { maskPhone, normalizePhone } from '@motcua/notify-sms/phone';
 * normalizePhone('091 234 5678'); // '+84912345678'
 * maskPhone('0912345678');        // '09******78'
 * ```
 */

export { SmsError, type SmsErrorCode } from '../errors.js';
export { type CarrierPrefix, MOBILE_PREFIXES } from './carrier-prefixes.js';
export { type MobileCarrier, MobileCarrierSchema } from './carriers.js';
export { convertLegacyMobile, LEGACY_MOBILE_PREFIXES, type LegacyPrefix } from './legacy-prefixes.js';
export { type CarrierGuess, lookupCarrierByPrefix } from './lookup-carrier.js';
export { maskPhone } from './mask-phone.js';
export {
  type MobilePhone,
  type NormalizePhoneOptions,
  NormalizePhoneOptionsSchema,
  normalizePhone,
  parseMobilePhone,
} from './normalize-phone.js';
