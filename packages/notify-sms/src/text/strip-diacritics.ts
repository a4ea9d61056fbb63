/** Combining marks of the Latin "Combining Diacritical Marks" block (U+0300–U+036F). */
const COMBINING_MARKS = /[\u0300-\u036F]/g;

/**
 * Letters that Unicode does not decompose, so removing marks after NFD leaves them as they are.
 * Vietnamese đ/Đ is the case that matters; Ð (U+00D0, eth) is the look-alike often typed for Đ.
 */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  '\u0111': 'd', // đ
  '\u0110': 'D', // Đ
  '\u00F0': 'd', // ð, typed for đ
  '\u00D0': 'D', // Ð, typed for Đ
};
const UNDECOMPOSABLE_PATTERN = /[\u0111\u0110\u00F0\u00D0]/g;

/**
 * Removes Vietnamese tone and vowel marks (sắc, huyền, hỏi, ngã, nặng; â ê ô ă ơ ư) and maps đ/Đ to
 * d/D explicitly, as brandname SMS gateways expect. Text in NFD (decomposed) form is handled too.
 * Other characters are left alone and the result is in NFC; the function is idempotent.
 *
 * @example
 * ```ts
 * import { stripDiacritics } from '@motcua/notify-sms/text';
 * stripDiacritics('Đã tiếp nhận hồ sơ, hẹn trả ngày 15/07/2026'); // 'Da tiep nhan ho so, hen tra ngay 15/07/2026'
 * stripDiacritics('ĐƯỜNG Điện Biên Phủ');                          // 'DUONG Dien Bien Phu'
 * ```
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_PATTERN, (char) => UNDECOMPOSABLE[char] ?? char)
    .normalize('NFC');
}
