import type { NotApplicable, NotApplicableKind } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { naReason } from './index-labels.js';

/** One N/A of each kind, with reason words unlike core's: the labels read the kind, not the words. */
const EVERY_KIND: { [K in NotApplicableKind]: NotApplicable } = {
  'no-sync-state': { kind: 'no-sync-state', reason: 'reworded' },
  'facts-missing': { kind: 'facts-missing', dossiers: 7, reason: 'reworded' },
  'zero-denominator': { kind: 'zero-denominator', reason: 'reworded' },
  'no-points': { kind: 'no-points', reason: 'reworded' },
  'weight-unconfirmed': { kind: 'weight-unconfirmed', reason: 'reworded' },
};

describe('the index pages’ N/A reasons', () => {
  it('say why in each language from the kind, whatever core’s words', () => {
    for (const na of Object.values(EVERY_KIND)) {
      for (const lang of ['vi', 'en'] as const) expect(naReason(na, lang)).not.toBe('reworded');
    }
    expect(naReason(EVERY_KIND['zero-denominator'], 'vi')).toBe('Không có hồ sơ ở mẫu số');
    expect(naReason(EVERY_KIND['facts-missing'], 'vi')).toMatch(/^7 hồ sơ được lưu trước/);
    expect(naReason(EVERY_KIND['facts-missing'], 'en')).toMatch(/^7 dossiers were stored before/);
    // Every kind has its own words.
    const vi = Object.values(EVERY_KIND).map((na) => naReason(na, 'vi'));
    expect(new Set(vi).size).toBe(vi.length);
  });
});
