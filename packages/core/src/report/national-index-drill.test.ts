import { describe, expect, it } from 'vitest';
import { INDEX_VERSIONS, IndicatorMeasureSchema } from './national-index-config.js';
import { INDEX_COUNT_NAMES } from './national-index-counts.js';
import { INDEX_DRILL_SETS, indexDrillParts } from './national-index-drill.js';

describe('the drill-down sets of the index', () => {
  it('name a count for every part that has one, for every measure', () => {
    for (const measure of IndicatorMeasureSchema.options) {
      for (const set of Object.values(INDEX_DRILL_SETS[measure]))
        if (set !== null) expect(INDEX_COUNT_NAMES).toContain(set);
    }
  });

  it('link the parts with dossiers of their own', () => {
    expect(indexDrillParts('timely')).toEqual(['numerator', 'denominator']);
    expect(indexDrillParts('average-time')).toEqual(['denominator']);
    expect(indexDrillParts('satisfaction-sum')).toEqual(['denominator', 'lowering']);
    expect(indexDrillParts('synced')).toEqual(['numerator', 'denominator']);
    // Every indicator of every version has a denominator to list (1.4's: the dossiers received).
    for (const v of INDEX_VERSIONS)
      for (const i of v.indicators) expect(indexDrillParts(i.measure).includes('denominator')).toBe(true);
  });

  it('is built once and cannot be changed', () => {
    expect(indexDrillParts('timely')).toBe(indexDrillParts('timely'));
    expect(Object.isFrozen(INDEX_DRILL_SETS.timely)).toBe(true);
    expect(Object.isFrozen(indexDrillParts('timely'))).toBe(true);
  });
});
