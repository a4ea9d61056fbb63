import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { chooseSmsVariant } from './diacritics-policy.js';

const SHORT = 'Hồ sơ đã có kết quả.'; // 1 segment either way
const LONG = `Hồ sơ ${'đã có kết quả '.repeat(6)}`; // UCS-2 needs more segments than GSM-7

describe('chooseSmsVariant', () => {
  it('always-without-diacritics sends GSM-7 text', () => {
    const { chosen } = chooseSmsVariant(SHORT, 'always-without-diacritics');
    expect(chosen).toMatchObject({ text: 'Ho so da co ket qua.', diacritics: false });
    expect(chosen.count.encoding).toBe('GSM-7');
  });

  it('always-with-diacritics sends the NFC text', () => {
    const { chosen } = chooseSmsVariant(SHORT.normalize('NFD'), 'always-with-diacritics');
    expect(chosen).toMatchObject({ text: SHORT, diacritics: true });
    expect(chosen.count).toMatchObject({ encoding: 'UCS-2', unitsUsed: SHORT.length });
  });

  it('cheaper keeps diacritics on a tie and drops them when that saves a segment', () => {
    expect(chooseSmsVariant(SHORT, 'cheaper').chosen.diacritics).toBe(true);
    const long = chooseSmsVariant(LONG, 'cheaper');
    expect(long.withDiacritics.count.segments).toBeGreaterThan(long.withoutDiacritics.count.segments);
    expect(long.chosen.diacritics).toBe(false);
  });

  it('reports both forms whatever it picks', () => {
    const choice = chooseSmsVariant(SHORT, 'always-without-diacritics');
    expect(choice.withDiacritics.text).toBe(SHORT);
    expect(choice.withoutDiacritics.text).toBe('Ho so da co ket qua.');
  });

  it('refuses to send without diacritics a character GSM-7 lacks', () => {
    expect(() => chooseSmsVariant('Chúc mừng 😀', 'always-without-diacritics')).toThrow(SmsError);
    expect(() => chooseSmsVariant('Chúc mừng 😀', 'always-without-diacritics')).toThrow(/U\+1F600/);
    expect(chooseSmsVariant('Chúc mừng 😀', 'cheaper').chosen.count.encoding).toBe('UCS-2');
  });
});
