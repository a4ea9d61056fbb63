/**
 * Typographic characters that GSM-7 lacks, with the plain character an SMS gateway expects.
 * They come in from word processors and web forms (agency names, addresses).
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u2032': "'", // ′
  '`': "'",
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2212': '-', // minus sign
  '\u2026': '...', // …
  '\u00A0': ' ', // no-break space
  '\u2007': ' ', // figure space
  '\u202F': ' ', // narrow no-break space
  '\t': ' ',
  '\u2022': '-', // •
  '\u00B7': '.', // ·
};
const PATTERN = new RegExp(`[${Object.keys(REPLACEMENTS).join('')}]`, 'g');

/**
 * Replaces typographic quotes, dashes, ellipses, bullets and special spaces with the plain
 * characters GSM-7 has. Letters are not touched (`stripDiacritics` does those).
 *
 * @example
 * ```ts
 * import { plainPunctuation } from '@motcua/notify-sms/text';
 * plainPunctuation('UBND phường “Bến Nghé” – Quận 1…'); // 'UBND phường "Bến Nghé" - Quận 1...'
 * ```
 */
export function plainPunctuation(text: string): string {
  return text.replace(PATTERN, (char) => REPLACEMENTS[char] ?? char);
}
