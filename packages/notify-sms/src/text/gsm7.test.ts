import { describe, expect, it } from 'vitest';
import {
  GSM7_CHARACTERS,
  GSM7_EXTENSION_CHARACTERS,
  gsm7Length,
  gsm7Septets,
  isGsm7,
  nonGsm7Characters,
} from './gsm7.js';

describe('GSM-7 alphabet', () => {
  it('has 127 basic characters and the 10 extension characters', () => {
    expect(new Set(GSM7_CHARACTERS).size).toBe(137);
    expect([...GSM7_EXTENSION_CHARACTERS]).toEqual(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);
  });

  it('carries all printable ASCII except the backtick', () => {
    for (let code = 0x20; code < 0x7f; code++) {
      const char = String.fromCharCode(code);
      expect(gsm7Septets(char) !== undefined, char).toBe(char !== '`');
    }
  });

  it('counts extension characters and form feed as two septets', () => {
    for (const char of '^{}\\[~]|€\f') expect(gsm7Septets(char)).toBe(2);
    expect(gsm7Septets('@')).toBe(1);
    expect(gsm7Septets('\n')).toBe(1);
    expect(gsm7Septets('Δ')).toBe(1);
    expect(gsm7Length('[QC] 5€')).toBe(10);
  });

  it('rejects Vietnamese letters, look-alikes and emoji', () => {
    expect(isGsm7('Ho so da duoc tiep nhan')).toBe(true);
    expect(isGsm7('Hồ sơ')).toBe(false);
    expect(gsm7Septets('\u2206')).toBeUndefined(); // increment sign, not the Greek Δ
    expect(gsm7Length('ok 😀')).toBeUndefined();
    expect(nonGsm7Characters('Giá “tốt” `x`')).toEqual(['á', '“', 'ố', '”', '`']);
  });
});
