import type { LocalDate, Regime } from '@motcua/core';

/**
 * The period of one procedure version and the one-stop rules it follows.
 *
 * `'2018'`: Decree 61/2018/NĐ-CP (in force 21/06/2018) and Circular 01/2018/TT-VPCP, until
 * 30/06/2025. `'2025'`: Decree 118/2025/NĐ-CP and Circular 03/2025/TT-VPCP, from 01/07/2025
 * [C].
 */
export interface VersionWindow {
  readonly regime: Regime;
  /** The version string of the standard variant, e.g. `'2025.1'`. */
  readonly version: string;
  readonly effectiveFrom: LocalDate;
  readonly effectiveTo?: LocalDate;
}

/** Decree 61/2018/NĐ-CP took effect (signed 23/04/2018) [C]. */
export const DECREE_61_IN_FORCE: LocalDate = '2018-06-21';
/** The last day of the Decree 61 rules [C]. */
export const DECREE_61_LAST_DAY: LocalDate = '2025-06-30';
/** Decree 118/2025/NĐ-CP took effect, with the two-tier local government [C]. */
export const DECREE_118_IN_FORCE: LocalDate = '2025-07-01';

/** Versions received under Decree 61 (21/06/2018 – 30/06/2025). */
export const WINDOW_2018: VersionWindow = {
  regime: '2018',
  version: '2018.1',
  effectiveFrom: DECREE_61_IN_FORCE,
  effectiveTo: DECREE_61_LAST_DAY,
};

/** Versions received under Decree 118 (from 01/07/2025, open-ended). */
export const WINDOW_2025: VersionWindow = {
  regime: '2025',
  version: '2025.1',
  effectiveFrom: DECREE_118_IN_FORCE,
};

/** The one-stop rules' own legal basis lines, per regime (added after the sector's lines). */
export const ONE_STOP_BASIS: Readonly<Record<Regime, readonly string[]>> = {
  '2018': [
    'Nghị định 61/2018/NĐ-CP ngày 23/04/2018 về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
    'Nghị định 107/2021/NĐ-CP ngày 06/12/2021 sửa đổi, bổ sung Nghị định 61/2018/NĐ-CP',
    'Thông tư 01/2018/TT-VPCP ngày 23/11/2018 hướng dẫn thi hành Nghị định 61/2018/NĐ-CP',
  ],
  '2025': [
    'Nghị định 118/2025/NĐ-CP ngày 09/06/2025 về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia',
    'Thông tư 03/2025/TT-VPCP ngày 15/09/2025 hướng dẫn thi hành Nghị định 118/2025/NĐ-CP',
  ],
};

/**
 * Sector lines followed by the regime's one-stop lines.
 *
 * @example
 * ```ts
 * import { legalBasis } from '@motcua/procedures';
 * legalBasis('2025', ['Luật Hộ tịch 2014']); // ['Luật Hộ tịch 2014', 'Nghị định 118/2025/NĐ-CP …', …]
 * ```
 */
export function legalBasis(regime: Regime, sector: readonly string[]): string[] {
  return [...sector, ...ONE_STOP_BASIS[regime]];
}

/**
 * The supplementation rule of both regimes: one request during processing, and the time limit
 * counts again from zero once the complete dossier is back (Decree 61 art. 19(4) [C]). Decree 118's
 * equivalent article has not been checked: the 2025 versions keep the Decree 61 rule,
 * UNCONFIRMED. No numeric cap on requests was found; one is the conservative choice.
 */
export const SUPPLEMENTATION = { clock: 'restart', maxRequests: 1 } as const;

/** Form 04 (apology and new date) is signed by the head of the agency (Circular 01/2018/TT-VPCP art. 9, Form 04; Decree 61/2018/NĐ-CP art. 19(9) [C]). */
export const PERMISSIONS = { APOLOGIZE: ['agency-head'] };
