import { z } from 'zod';

/** Kinds of personal data (Decree 13/2023, Law 91/2025): how each is masked. */
export type PersonalDataKind = 'name' | 'id-number' | 'phone' | 'email' | 'address' | 'other';

/**
 * The registry that tags schema fields as personal data, so logs, lookups, errors and notices
 * mask them mechanically. Tag a field with {@link personal}.
 */
export const personalDataRegistry = z.registry<{ personal: PersonalDataKind }>();

/**
 * Tags a schema as personal data of `kind` and returns it.
 * @example
 * ```ts
 * import { personal } from '@motcua/core';
 * import { z } from 'zod';
 * const Applicant = z.object({ fullName: personal(z.string(), 'name'), phone: personal(z.string(), 'phone') });
 * ```
 */
export function personal<S extends z.ZodType>(schema: S, kind: PersonalDataKind): S {
  personalDataRegistry.add(schema, { personal: kind });
  return schema;
}

/** Masks one value of a given kind: keeps just enough to recognise it. */
export function maskValue(value: unknown, kind: PersonalDataKind): string {
  const text = value == null ? '' : String(value);
  switch (kind) {
    case 'id-number':
    case 'phone':
      return text.length <= 5
        ? '*'.repeat(text.length)
        : `${text.slice(0, 2)}${'*'.repeat(text.length - 5)}${text.slice(-3)}`;
    case 'email': {
      const at = text.indexOf('@');
      return at <= 0 ? '***' : `${text[0]}***${text.slice(at)}`;
    }
    case 'name':
      return text
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `${w[0]}.`)
        .join(' ');
    default:
      return '***';
  }
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 8; i++) {
    const def = (s as { def?: { type?: string; innerType?: z.ZodType; in?: z.ZodType } }).def;
    if (!def) break;
    if (def.innerType && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) {
      if (personalDataRegistry.get(s)) break;
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

/**
 * A copy of `value` with every field tagged as personal data in `schema` masked. Works through
 * objects, arrays, optionals and defaults. Untagged values are kept.
 *
 * @example
 * ```ts
 * import { ApplicantSchema, maskPersonalData } from '@motcua/core';
 * const applicant = { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' };
 * maskPersonalData(ApplicantSchema, applicant); // { fullName: 'P. T. D.', idNumber: '00*******345', phone: '09*****678' }
 * ```
 */
export function maskPersonalData(schema: z.ZodType, value: unknown): unknown {
  const tag = personalDataRegistry.get(schema);
  if (tag && value != null) return maskValue(value, tag.personal);
  const inner = unwrap(schema);
  const innerTag = personalDataRegistry.get(inner);
  if (innerTag && value != null) return maskValue(value, innerTag.personal);
  if (inner instanceof z.ZodObject && value && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    const shape = inner.shape as Record<string, z.ZodType>;
    for (const [key, v] of Object.entries(value)) out[key] = shape[key] ? maskPersonalData(shape[key], v) : v;
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((v) => maskPersonalData(inner.element as z.ZodType, v));
  }
  return value;
}

/**
 * Whether `schema` tags any field as personal data (through objects, arrays, optionals and
 * defaults, as {@link maskPersonalData} walks them).
 *
 * @example
 * ```ts
 * import { ApplicantSchema, hasPersonalData, StopEventSchema } from '@motcua/core';
 * hasPersonalData(ApplicantSchema); // true
 * hasPersonalData(StopEventSchema); // false
 * ```
 */
export function hasPersonalData(schema: z.ZodType, depth = 0): boolean {
  if (depth > 20) return false;
  if (personalDataRegistry.get(schema)) return true;
  const inner = unwrap(schema);
  if (personalDataRegistry.get(inner)) return true;
  if (inner instanceof z.ZodObject)
    return Object.values(inner.shape as Record<string, z.ZodType>).some((f) => hasPersonalData(f, depth + 1));
  if (inner instanceof z.ZodArray) return hasPersonalData(inner.element as z.ZodType, depth + 1);
  return false;
}
