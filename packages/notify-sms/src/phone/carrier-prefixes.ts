import type { MobileCarrier } from './carriers.js';

/** One current 3-digit mobile prefix and the operator it was allocated to. */
export interface CarrierPrefix {
  /** National prefix, e.g. `'032'`. */
  readonly prefix: string;
  /** The operator the block was allocated to, or `null` when the table does not name one. */
  readonly carrier: MobileCarrier | null;
  /** `false` for rows the sources did not confirm (052 Vietnamobile, 087 Itelecom, 055). */
  readonly confirmed: boolean;
}

const rows = (carrier: MobileCarrier | null, confirmed: boolean, ...prefixes: string[]): CarrierPrefix[] =>
  prefixes.map((prefix) => ({ prefix, carrier, confirmed }));

/**
 * Current mobile prefixes by the operator they were allocated to (after the 2018 renumbering).
 * Because of mobile number portability (chuyển mạng giữ số), a subscriber can move to another
 * operator and keep the number: this table says who was allocated the block, not who serves it.
 */
export const MOBILE_PREFIXES: readonly CarrierPrefix[] = Object.freeze([
  ...rows(
    'Viettel',
    true,
    '032',
    '033',
    '034',
    '035',
    '036',
    '037',
    '038',
    '039',
    '086',
    '096',
    '097',
    '098',
  ),
  ...rows('VinaPhone', true, '081', '082', '083', '084', '085', '088', '091', '094'),
  ...rows('MobiFone', true, '070', '076', '077', '078', '079', '089', '090', '093'),
  ...rows('Vietnamobile', true, '056', '058', '092'),
  ...rows('Vietnamobile', false, '052'),
  ...rows('Gmobile', true, '059', '099'),
  ...rows('Itelecom', false, '087'),
  ...rows(null, false, '055'),
]);
