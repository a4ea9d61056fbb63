import type { ExplainLanguage } from '../calendar/explain.js';
import { localName } from '../model/local-name.js';
import type { Indicator } from './national-index-config.js';

/**
 * An indicator's name (tên chỉ số) in `language`: Vietnamese by default, as the Decision and the
 * portal's formulas name it; English (a plain translation) when asked for and the version has it.
 * Takes an {@link Indicator} of an index version or an `IndicatorFigure` computed from one.
 *
 * @example
 * ```ts
 * import { F766_OPERATIONAL, indicatorName } from '@motcua/core';
 * const timely = F766_OPERATIONAL.indicators.find((i) => i.id === '2.1')!;
 * indicatorName(timely); // 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn'
 * indicatorName(timely, 'en'); // 'Share of dossiers processed early or on time'
 * ```
 */
export function indicatorName(
  indicator: Pick<Indicator, 'name' | 'nameEn'>,
  language: ExplainLanguage = 'vi',
): string {
  return localName(indicator, language);
}
