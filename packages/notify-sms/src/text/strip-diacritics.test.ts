import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGsm7 } from './gsm7.js';
import { stripDiacritics } from './strip-diacritics.js';
import { withoutDiacritics } from './without-diacritics.js';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // huyền sắc hỏi ngã nặng
/** Every Vietnamese letter, lower and upper case, precomposed (NFC). */
const VIETNAMESE_LETTERS = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  ...'bcdđghklmnpqrstvx'.split(''),
].flatMap((c) => [c, c.toUpperCase()]);
const VIETNAMESE_TEXT = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VIETNAMESE_LETTERS),
      fc.constantFrom(' ', ',', '.', ':', '/', '0', '9', '-', '(', ')'),
    ),
    {
      maxLength: 300,
    },
  )
  .map((chars) => chars.join(''));

describe('stripDiacritics', () => {
  it('removes tone and vowel marks and maps đ/Đ to d/D explicitly', () => {
    expect(stripDiacritics('Đã tiếp nhận hồ sơ, hẹn trả ngày 15/07/2026')).toBe(
      'Da tiep nhan ho so, hen tra ngay 15/07/2026',
    );
    expect(stripDiacritics('ĐƯỜNG Điện Biên Phủ, phường Bến Nghé')).toBe(
      'DUONG Dien Bien Phu, phuong Ben Nghe',
    );
    expect(stripDiacritics('Ặ ặ Ỵ ỹ Ữ ợ')).toBe('A a Y y U o');
    expect(stripDiacritics('đ Đ')).toBe('d D');
  });

  it('knows NFD plus mark removal alone leaves đ and Đ', () => {
    const naive = 'đường Đà Nẵng'.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    expect(naive).toBe('đuong Đa Nang');
    expect(stripDiacritics('đường Đà Nẵng')).toBe('duong Da Nang');
  });

  it('handles decomposed (NFD) input and the Ð look-alike', () => {
    expect(stripDiacritics('Hồ sơ'.normalize('NFD'))).toBe('Ho so');
    expect(stripDiacritics('\u00D0ông')).toBe('Dong');
  });

  it('leaves characters outside Latin marks alone', () => {
    expect(stripDiacritics('ok 😀 €')).toBe('ok 😀 €');
  });

  it('is idempotent and yields GSM-7 only text for any Vietnamese text, NFC or NFD', () => {
    fc.assert(
      fc.property(VIETNAMESE_TEXT, fc.boolean(), (text, nfd) => {
        const input = nfd ? text.normalize('NFD') : text;
        const once = stripDiacritics(input);
        expect(stripDiacritics(once)).toBe(once);
        expect(isGsm7(once)).toBe(true);
        expect(/^[\x20-\x7e]*$/.test(once)).toBe(true);
        expect([...once].length).toBe([...text.normalize('NFC')].length); // one letter in, one letter out
      }),
    );
  });
});

describe('withoutDiacritics', () => {
  it('also makes typographic punctuation plain', () => {
    expect(withoutDiacritics('UBND phường “Bến Nghé” – Quận 1…')).toBe('UBND phuong "Ben Nghe" - Quan 1...');
    expect(withoutDiacritics('Giờ\u00A0làm việc: 7\u202F30 ‘sáng’ `x`')).toBe(
      "Gio lam viec: 7 30 'sang' 'x'",
    );
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        const once = withoutDiacritics(text);
        expect(withoutDiacritics(once)).toBe(once);
      }),
    );
  });
});
