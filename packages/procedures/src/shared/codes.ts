/**
 * Prefix of a procedure code that is not a national code (mã TTHC) but a placeholder: no national
 * code for the procedure has been confirmed. Every such code is to confirm
 * against the National Public Service Portal (Cổng Dịch vụ công quốc gia) before production use.
 */
export const PLACEHOLDER_CODE_PREFIX = 'PLACEHOLDER:';

/**
 * A clearly named placeholder for a national procedure code that is still to confirm against the
 * National Public Service Portal, e.g. `placeholderCode('cap-the-bhyt-tre-em-duoi-6-tuoi')` →
 * `'PLACEHOLDER:cap-the-bhyt-tre-em-duoi-6-tuoi'`. It never looks like a real code (`1.001193`).
 *
 * @example
 * ```ts
 * import { placeholderCode } from '@motcua/procedures';
 * placeholderCode('cap-the-bhyt-tre-em-duoi-6-tuoi'); // 'PLACEHOLDER:cap-the-bhyt-tre-em-duoi-6-tuoi'
 * ```
 */
export function placeholderCode(slug: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new RangeError(`placeholderCode: expected a lowercase slug, got ${JSON.stringify(slug)}`);
  }
  return `${PLACEHOLDER_CODE_PREFIX}${slug}`;
}

/**
 * Whether a procedure code is a placeholder rather than a confirmed national code.
 *
 * @example
 * ```ts
 * import { isPlaceholderCode } from '@motcua/procedures';
 * isPlaceholderCode('PLACEHOLDER:cap-the-bhyt-tre-em-duoi-6-tuoi'); // true
 * isPlaceholderCode('1.001193'); // false
 * ```
 */
export function isPlaceholderCode(code: string): boolean {
  return code.startsWith(PLACEHOLDER_CODE_PREFIX);
}
