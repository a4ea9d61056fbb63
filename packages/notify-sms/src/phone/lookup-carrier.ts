import { type CarrierPrefix, MOBILE_PREFIXES } from './carrier-prefixes.js';
import type { MobileCarrier } from './carriers.js';
import { type NormalizePhoneOptions, parseMobilePhone } from './normalize-phone.js';

/** What {@link lookupCarrierByPrefix} can say about a number: a guess, never a proof. */
export interface CarrierGuess {
  /** The 3-digit national prefix, e.g. `'032'`. */
  prefix: string;
  /** The operator the prefix block was allocated to; `null` when unknown. */
  carrier: MobileCarrier | null;
  /** `false` when the prefix row itself is unconfirmed or missing from the table. */
  confirmed: boolean;
  /** Always `false`: with number portability, the prefix does not prove the carrier. */
  provesCarrier: false;
  /** Human-readable caveat to show or log with the guess. */
  note: string;
}

const BY_PREFIX: ReadonlyMap<string, CarrierPrefix> = new Map(
  MOBILE_PREFIXES.map((row) => [row.prefix, row]),
);

const NOTE =
  'The prefix shows which operator the number block was allocated to. Numbers can be ported to another ' +
  'operator (chuyển mạng giữ số), so the prefix does not prove the current carrier.';

/**
 * Guesses the operator of a Vietnamese mobile number from its prefix. The number is normalised
 * first (any format {@link parseMobilePhone} accepts; the same errors). The answer is the operator
 * the block was allocated to: with number portability the prefix does not prove the carrier, so
 * never route or bill on it without the operator's own lookup.
 *
 * @example
 * ```ts
 * import { lookupCarrierByPrefix } from '@motcua/notify-sms/phone';
 * lookupCarrierByPrefix('0912 345 678');
 * // { prefix: '091', carrier: 'VinaPhone', confirmed: true, provesCarrier: false, note: '…' }
 * lookupCarrierByPrefix('01621234567').carrier; // 'Viettel' (converted to 032…)
 * ```
 */
export function lookupCarrierByPrefix(phone: string, options?: NormalizePhoneOptions): CarrierGuess {
  const { prefix } = parseMobilePhone(phone, options);
  const row = BY_PREFIX.get(prefix);
  return {
    prefix,
    carrier: row?.carrier ?? null,
    confirmed: row?.confirmed ?? false,
    provesCarrier: false,
    note: NOTE,
  };
}
