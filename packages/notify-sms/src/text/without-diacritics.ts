import { plainPunctuation } from './plain-punctuation.js';
import { stripDiacritics } from './strip-diacritics.js';

/**
 * The text an SMS "without diacritics" carries: tone and vowel marks removed, đ/Đ mapped to d/D,
 * and typographic punctuation made plain. Any Vietnamese text becomes GSM-7; characters that have
 * no plain form (emoji, other scripts) stay, and make the text UCS-2.
 *
 * @example
 * ```ts
 * import { withoutDiacritics } from '@motcua/notify-sms/text';
 * withoutDiacritics('Hồ sơ “đã” tiếp nhận…'); // 'Ho so "da" tiep nhan...'
 * ```
 */
export function withoutDiacritics(text: string): string {
  return plainPunctuation(stripDiacritics(text));
}
