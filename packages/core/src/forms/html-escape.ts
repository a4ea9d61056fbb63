const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values (`& < > " '`). `null` and
 * `undefined` give an empty string; other values are converted with `String()`.
 * @example
 * ```ts
 * import { escapeHtml } from '@motcua/core/forms';
 * escapeHtml('<b>"A & B"</b>'); // '&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
