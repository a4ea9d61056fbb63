import { SmsError } from '../errors.js';
import { findPersonalIdLike } from '../personal-data/find-personal-id.js';
import { describeCodePoint } from '../text/describe-code-point.js';
import type { DiacriticsPolicy } from '../text/diacritics-policy.js';
import { nonGsm7Characters } from '../text/gsm7.js';
import { withoutDiacritics } from '../text/without-diacritics.js';

/** Where a template's values come from, and how they are checked. */
export interface ResolveValuesInput {
  templateId: string;
  /** The variables the template uses. */
  variables: readonly string[];
  /** Values given for this message. */
  values: Readonly<Record<string, string | number | null | undefined>>;
  /** Values the same for every message; `values` win. */
  fixedValues: Readonly<Record<string, string>>;
  policy: DiacriticsPolicy;
  /** Prefix of the `field` in errors: `'values'` at render. */
  fieldPrefix: string;
}

/**
 * Picks and checks the value of each variable a template uses: present and not blank
 * (`MISSING_VALUE`), not looking like a personal ID number (`PERSONAL_ID_IN_TEXT`, without
 * repeating it), and, when the policy sends text without diacritics, representable in GSM-7
 * (`NOT_GSM7`). Errors name the template and the variable.
 *
 * @example
 * ```ts
 * resolveValues({ templateId: 'receipt', variables: ['dossierCode'], values: { dossierCode: 'H56-0001' },
 *   fixedValues: {}, policy: 'cheaper', fieldPrefix: 'values' }); // Map { 'dossierCode' => 'H56-0001' }
 * ```
 */
export function resolveValues(input: ResolveValuesInput): Map<string, string> {
  const { templateId, variables, values, fixedValues, policy, fieldPrefix } = input;
  const resolved = new Map<string, string>();
  for (const name of variables) {
    const field = `${fieldPrefix}.${name}`;
    const given = Object.hasOwn(values, name) ? values[name] : undefined;
    const raw = given ?? (Object.hasOwn(fixedValues, name) ? fixedValues[name] : undefined);
    const value = raw === undefined || raw === null ? '' : String(raw).normalize('NFC');
    if (value.trim() === '') {
      throw new SmsError(
        'MISSING_VALUE',
        `template '${templateId}': no value for {${name}} (missing or blank)`,
        { field },
      );
    }
    const id = findPersonalIdLike(value);
    if (id !== undefined) {
      throw new SmsError(
        'PERSONAL_ID_IN_TEXT',
        `template '${templateId}': the value of {${name}} looks like a ${id.digits}-digit personal ID number; ` +
          'ID numbers are never sent by SMS',
        { field },
      );
    }
    if (policy === 'always-without-diacritics') {
      const bad = nonGsm7Characters(withoutDiacritics(value));
      if (bad.length > 0) {
        const chars = bad.map(describeCodePoint);
        throw new SmsError(
          'NOT_GSM7',
          `template '${templateId}': the value of {${name}} holds ${chars.join(', ')}, which has no form ` +
            "without diacritics in GSM-7 (policy 'always-without-diacritics')",
          { field, value: chars },
        );
      }
    }
    resolved.set(name, value);
  }
  return resolved;
}
