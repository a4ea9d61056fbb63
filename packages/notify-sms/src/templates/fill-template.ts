import type { ParsedTemplate } from './parse-template.js';

/**
 * Writes a parsed template out with its values. Every variable must have a value in `values`
 * (see `resolveValues`); values are inserted as they are, never parsed as templates.
 *
 * @example
 * ```ts
 * fillTemplate(parseTemplate('Hồ sơ {dossierCode}.', 'x'), new Map([['dossierCode', 'H56-0001']]));
 * // 'Hồ sơ H56-0001.'
 * ```
 */
export function fillTemplate(parsed: ParsedTemplate, values: ReadonlyMap<string, string>): string {
  let text = '';
  for (const part of parsed.parts) text += part.kind === 'text' ? part.text : (values.get(part.name) ?? '');
  return text;
}
