import { describe, expect, it } from 'vitest';
import { convertLegacyMobile, LEGACY_MOBILE_PREFIXES } from './legacy-prefixes.js';

describe('2018 renumbering table', () => {
  it('has the 21 prefixes of Decision 798/QĐ-BTTTT, each old and new prefix once', () => {
    expect(LEGACY_MOBILE_PREFIXES).toHaveLength(21);
    expect(new Set(LEGACY_MOBILE_PREFIXES.map((r) => r.oldPrefix)).size).toBe(21);
    expect(new Set(LEGACY_MOBILE_PREFIXES.map((r) => r.newPrefix)).size).toBe(21);
    expect(Object.isFrozen(LEGACY_MOBILE_PREFIXES)).toBe(true);
  });

  it.each([
    ['01201234567', '0701234567'],
    ['01291234567', '0821234567'],
    ['01691234567', '0391234567'],
    ['01861234567', '0561234567'],
    ['01991234567', '0591234567'],
  ])('%s → %s', (old, current) => {
    expect(convertLegacyMobile(old)).toBe(current);
  });

  it('leaves other input alone', () => {
    expect(convertLegacyMobile('0912345678')).toBeUndefined();
    expect(convertLegacyMobile('01301234567')).toBeUndefined();
    expect(convertLegacyMobile('0162123456')).toBeUndefined();
  });
});
