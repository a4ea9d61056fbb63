import type { IndicatorMeasure } from './national-index-config.js';
import type { IndexDossierSet } from './national-index-counts.js';

/**
 * A part of an indicator's figure whose dossiers the drill-down (xem chi tiết hồ sơ) lists:
 * `numerator`, `denominator`, or `lowering`: the dossiers that pull a satisfaction figure down
 * (late or dissatisfied), whose numerator is not a set of its own.
 */
export type IndexDrillPart = 'numerator' | 'denominator' | 'lowering';

/** The dossier set behind each part of a figure, `null` where the part has none. */
export type IndexDrillSets = Readonly<Record<IndexDrillPart, IndexDossierSet | null>>;

const sets = (
  numerator: IndexDossierSet | null,
  denominator: IndexDossierSet | null,
  lowering: IndexDossierSet | null = null,
): IndexDrillSets => Object.freeze({ numerator, denominator, lowering });

/**
 * The dossier sets behind the figures of every indicator, by what the indicator measures: the one
 * table `engine.nationalIndexDossiers` resolves a figure's part with (and a dashboard can ask which
 * parts to link). `synced` (1.4): the dossiers the portal acknowledged (as the portal connector
 * records them in the store) among the filings received (liaison member parts left out). 2.2's numerator is a sum of processing times over the same dossiers as its denominator.
 *
 * @example
 * ```ts
 * import { INDEX_DRILL_SETS } from '@motcua/core';
 *
 * INDEX_DRILL_SETS.timely.numerator;                 // 'timely' (2.1: early or on time)
 * INDEX_DRILL_SETS['satisfaction-sum'].lowering;     // 'lateOrDissatisfied'
 * INDEX_DRILL_SETS.synced.denominator;               // 'filings'
 * ```
 */
export const INDEX_DRILL_SETS: Readonly<Record<IndicatorMeasure, IndexDrillSets>> = Object.freeze({
  synced: sets('synced', 'filings'),
  timely: sets('timely', 'judged'),
  'average-time': sets('completed', 'completed'),
  online: sets('online', 'received'),
  'paid-online': sets('paidOnline', 'feeBearing'),
  'e-result': sets('eResults', 'withResults'),
  digitised: sets('digitised', 'received'),
  reused: sets('reused', 'received'),
  'national-store': sets('nationalStore', 'received'),
  'population-data': sets('populationData', 'received'),
  'satisfaction-union': sets(null, 'judged', 'lateOrDissatisfied'),
  'satisfaction-sum': sets(null, 'judged', 'lateOrDissatisfied'),
});

const PARTS: readonly IndexDrillPart[] = ['numerator', 'denominator', 'lowering'];
const DISTINCT_PARTS = Object.fromEntries(
  Object.entries(INDEX_DRILL_SETS).map(([measure, s]) => [
    measure,
    Object.freeze(
      PARTS.filter((part) => s[part] !== null && !(part === 'numerator' && s.numerator === s.denominator)),
    ),
  ]),
) as unknown as Readonly<Record<IndicatorMeasure, readonly IndexDrillPart[]>>;

/**
 * The parts of an indicator's figure worth a link to their dossiers: those with a set, leaving out
 * a numerator whose dossiers are its denominator's (2.2, where the numerator is a sum of days).
 *
 * @example
 * ```ts
 * import { indexDrillParts } from '@motcua/core';
 *
 * indexDrillParts('timely');              // ['numerator', 'denominator']
 * indexDrillParts('average-time');        // ['denominator']
 * indexDrillParts('satisfaction-union');  // ['denominator', 'lowering']
 * indexDrillParts('synced');              // ['numerator', 'denominator']
 * ```
 */
export function indexDrillParts(measure: IndicatorMeasure): readonly IndexDrillPart[] {
  return DISTINCT_PARTS[measure];
}
