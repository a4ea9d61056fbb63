import { SmsError } from '../errors.js';

/** A piece of a parsed template: literal text or a `{variable}`. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

/** A template split into its parts, with the variables it uses (each once, in order). */
export interface ParsedTemplate {
  parts: TemplatePart[];
  variables: string[];
}

const PLACEHOLDER = /^\{([A-Za-z][A-Za-z0-9]*)\}/;

/**
 * Splits a template into literal text and `{variable}` placeholders. `{{` and `}}` stand for
 * literal braces. A brace that opens no valid placeholder, or closes none, is an
 * `INVALID_TEMPLATE` error naming the template and the position.
 *
 * @example
 * ```ts
 * import { parseTemplate } from '@motcua/notify-sms';
 * parseTemplate('Hồ sơ {dossierCode} {{QC}}', 'receipt').variables; // ['dossierCode']
 * parseTemplate('Hồ sơ {dossier code}', 'receipt'); // throws INVALID_TEMPLATE at position 7
 * ```
 */
export function parseTemplate(text: string, templateId: string, field = templateId): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const variables: string[] = [];
  let literal = '';
  let i = 0;
  const invalid = (reason: string): never => {
    throw new SmsError('INVALID_TEMPLATE', `template '${templateId}': ${reason} at position ${i + 1}`, {
      field,
    });
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (char === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (char === '{') {
      const match = PLACEHOLDER.exec(text.slice(i));
      if (match === null) {
        invalid("'{' opens no valid placeholder (write {name} with letters and digits, or {{ for a brace)");
      } else {
        if (literal !== '') parts.push({ kind: 'text', text: literal });
        literal = '';
        const name = match[1]!;
        parts.push({ kind: 'variable', name });
        if (!variables.includes(name)) variables.push(name);
        i += match[0].length;
      }
    } else if (char === '}') {
      invalid("'}' closes no placeholder (write }} for a brace)");
    } else {
      literal += char;
      i += 1;
    }
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  return { parts, variables };
}
