import type { Procedure } from '@motcua/core';
import type { VersionWindow } from './regimes.js';

/**
 * A case of a procedure with its own statutory time limit, chosen by the desk at receipt:
 * - `standard`: the general limit;
 * - `verification`: a civil-status matter that needs verification (marriage, Law on Civil Status
 *   art. 18(2): ≤ 5 working days);
 * - `special-case`: the special cases of mortgage registration (Decree 99/2022: ≤ 3 working days);
 * - `extended`: the longer judicial-record limit (Law 28/2009 art. 48: ≤ 15 days for several
 *   residences, residence abroad, foreigners, expungement checks).
 *
 * A variant is a procedure version of its own (same code, same period, version
 * `<standard version>-<variant>`): the limit is fixed at receipt and printed on Form 01, as the
 * one-stop rules require, and every variant keeps the same legal basis and internal units.
 */
export type Variant = 'standard' | 'verification' | 'special-case' | 'extended';

/** Every variant name. */
export const VARIANTS: readonly Variant[] = ['standard', 'verification', 'special-case', 'extended'];

/**
 * The version string of a variant in a period, e.g. `'2025.1-verification'`.
 *
 * @example
 * ```ts
 * import { variantVersion, WINDOW_2025 } from '@motcua/procedures';
 * variantVersion(WINDOW_2025, 'verification'); // '2025.1-verification'
 * variantVersion(WINDOW_2025, 'standard'); // '2025.1'
 * ```
 */
export function variantVersion(window: VersionWindow, variant: Variant): string {
  return variant === 'standard' ? window.version : `${window.version}-${variant}`;
}

/**
 * The variant a procedure version stands for, read from its version string.
 *
 * @example
 * ```ts
 * import { variantOf } from '@motcua/procedures';
 * variantOf('2025.1-verification'); // 'verification'
 * variantOf('2025.1'); // 'standard'
 * ```
 */
export function variantOf(procedure: Procedure | string): Variant {
  const version = typeof procedure === 'string' ? procedure : procedure.version;
  const dash = version.indexOf('-');
  if (dash < 0) return 'standard';
  const name = version.slice(dash + 1);
  return (VARIANTS as readonly string[]).includes(name) ? (name as Variant) : 'standard';
}
