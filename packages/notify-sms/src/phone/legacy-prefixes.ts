import type { MobileCarrier } from './carriers.js';

/** One row of the 2018 renumbering: an old 4-digit prefix and the 3-digit prefix that replaced it. */
export interface LegacyPrefix {
  /** Old prefix, e.g. `'0162'`. */
  readonly oldPrefix: string;
  /** New prefix, e.g. `'032'`. */
  readonly newPrefix: string;
  readonly carrier: MobileCarrier;
}

const row = (oldPrefix: string, newPrefix: string, carrier: MobileCarrier): LegacyPrefix => ({
  oldPrefix,
  newPrefix,
  carrier,
});

/**
 * The 2018 renumbering of 11-digit mobile numbers (Decision 798/QĐ-BTTTT): conversion ran from
 * 15/09/2018 to 30/06/2019 and old numbers stopped working on 01/07/2019. Only the prefix changed;
 * the last 7 digits stayed the same.
 */
export const LEGACY_MOBILE_PREFIXES: readonly LegacyPrefix[] = Object.freeze([
  row('0120', '070', 'MobiFone'),
  row('0121', '079', 'MobiFone'),
  row('0122', '077', 'MobiFone'),
  row('0126', '076', 'MobiFone'),
  row('0128', '078', 'MobiFone'),
  row('0123', '083', 'VinaPhone'),
  row('0124', '084', 'VinaPhone'),
  row('0125', '085', 'VinaPhone'),
  row('0127', '081', 'VinaPhone'),
  row('0129', '082', 'VinaPhone'),
  row('0162', '032', 'Viettel'),
  row('0163', '033', 'Viettel'),
  row('0164', '034', 'Viettel'),
  row('0165', '035', 'Viettel'),
  row('0166', '036', 'Viettel'),
  row('0167', '037', 'Viettel'),
  row('0168', '038', 'Viettel'),
  row('0169', '039', 'Viettel'),
  row('0186', '056', 'Vietnamobile'),
  row('0188', '058', 'Vietnamobile'),
  row('0199', '059', 'Gmobile'),
]);

const BY_OLD_PREFIX: ReadonlyMap<string, LegacyPrefix> = new Map(
  LEGACY_MOBILE_PREFIXES.map((entry) => [entry.oldPrefix, entry]),
);

/**
 * Converts an 11-digit pre-2018 mobile number in national form (`01xx` + 7 digits) to its
 * 10-digit form, or returns `undefined` when the input is not such a number or its prefix is not
 * in {@link LEGACY_MOBILE_PREFIXES}.
 *
 * @example
 * ```ts
 * import { convertLegacyMobile } from '@motcua/notify-sms/phone';
 * convertLegacyMobile('01621234567'); // '0321234567'
 * convertLegacyMobile('0912345678');  // undefined (not an 11-digit number)
 * ```
 */
export function convertLegacyMobile(nationalNumber: string): string | undefined {
  if (!/^01\d{9}$/.test(nationalNumber)) return undefined;
  const entry = BY_OLD_PREFIX.get(nationalNumber.slice(0, 4));
  return entry === undefined ? undefined : entry.newPrefix + nationalNumber.slice(4);
}
