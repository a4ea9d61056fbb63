/**
 * The GSM 03.38 / 3GPP TS 23.038 default alphabet, written out from the standard's table.
 * Vietnamese SMS use no national shift table, so only the default alphabet and its extension
 * table matter here.
 */

/** The 127 characters of the basic table (position 0x1B is the escape to the extension table). */
const BASIC =
  '@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5' +
  '\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9' +
  ' !"#\u00A4%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7' +
  '\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0';

/** The extension table: each costs two septets (escape + character). Form feed, ^ { } \ [ ~ ] | €. */
const EXTENSION = '\f^{}\\[~]|\u20AC';

const BASIC_SET: ReadonlySet<string> = new Set(BASIC);
const EXTENSION_SET: ReadonlySet<string> = new Set(EXTENSION);

/** Every character GSM-7 can carry: the basic table then the extension table. */
export const GSM7_CHARACTERS: string = BASIC + EXTENSION;

/** The characters that cost two septets in GSM-7 (the extension table). */
export const GSM7_EXTENSION_CHARACTERS: string = EXTENSION;

/**
 * Septets one character costs in GSM-7: 1 (basic table), 2 (extension table), or `undefined`
 * when GSM-7 cannot carry it. `char` is one code point.
 *
 * @example
 * ```ts
 * import { gsm7Septets } from '@motcua/notify-sms/text';
 * gsm7Septets('a');  // 1
 * gsm7Septets('€');  // 2
 * gsm7Septets('ă');  // undefined
 * ```
 */
export function gsm7Septets(char: string): 1 | 2 | undefined {
  if (BASIC_SET.has(char)) return 1;
  if (EXTENSION_SET.has(char)) return 2;
  return undefined;
}

/**
 * Whether every character of `text` is in the GSM-7 default alphabet or its extension table.
 *
 * @example
 * ```ts
 * import { isGsm7 } from '@motcua/notify-sms/text';
 * isGsm7('Ho so da duoc tiep nhan'); // true
 * isGsm7('Hồ sơ');                   // false
 * ```
 */
export function isGsm7(text: string): boolean {
  for (const char of text) if (gsm7Septets(char) === undefined) return false;
  return true;
}

/**
 * The distinct characters of `text` that GSM-7 cannot carry, in order of first appearance.
 *
 * @example
 * ```ts
 * import { nonGsm7Characters } from '@motcua/notify-sms/text';
 * nonGsm7Characters('Giá “tốt” `x`'); // ['á', '“', 'ố', '”', '`']
 * ```
 */
export function nonGsm7Characters(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) if (gsm7Septets(char) === undefined) found.add(char);
  return [...found];
}

/**
 * Septets `text` takes in GSM-7, or `undefined` when it holds a character GSM-7 cannot carry.
 *
 * @example
 * ```ts
 * import { gsm7Length } from '@motcua/notify-sms/text';
 * gsm7Length('[QC] 5€'); // 10: '[', ']' and '€' take two septets each
 * ```
 */
export function gsm7Length(text: string): number | undefined {
  let septets = 0;
  for (const char of text) {
    const cost = gsm7Septets(char);
    if (cost === undefined) return undefined;
    septets += cost;
  }
  return septets;
}
