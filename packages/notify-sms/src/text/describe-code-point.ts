/**
 * Names a character by its code point, for error messages that must not quote the text itself.
 *
 * @example
 * ```ts
 * import { describeCodePoint } from '@motcua/notify-sms/text';
 * describeCodePoint('“');  // 'U+201C'
 * describeCodePoint('😀'); // 'U+1F600'
 * ```
 */
export function describeCodePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
