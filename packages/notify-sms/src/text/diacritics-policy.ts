import * as z from 'zod/mini';
import { SmsError } from '../errors.js';
import { describeCodePoint } from './describe-code-point.js';
import { nonGsm7Characters } from './gsm7.js';
import { countSegments, type SegmentCount } from './segments.js';
import { withoutDiacritics } from './without-diacritics.js';

/**
 * Which form of a message is sent.
 * - `always-without-diacritics` — GSM-7 text without tone marks (what brandname gateways ask for).
 * - `cheaper` — the form with fewer segments; on a tie, the one with diacritics (easier to read).
 * - `always-with-diacritics` — the Vietnamese text as written (UCS-2 as soon as it has a mark).
 */
export const DiacriticsPolicySchema = z.enum([
  'always-without-diacritics',
  'cheaper',
  'always-with-diacritics',
]);
/** See {@link DiacriticsPolicySchema}. */
export type DiacriticsPolicy = z.infer<typeof DiacriticsPolicySchema>;

/** One form of a message and what it costs. */
export interface SmsVariant {
  text: string;
  /** `true` for the text as written, `false` for the form without diacritics. */
  diacritics: boolean;
  count: SegmentCount;
}

/** Both forms of a message and the one a policy picked. */
export interface SmsChoice {
  chosen: SmsVariant;
  withDiacritics: SmsVariant;
  withoutDiacritics: SmsVariant;
}

/**
 * Builds both forms of a message (NFC text with diacritics; GSM-7 text without) and picks one by
 * policy. With `always-without-diacritics`, a character that has no GSM-7 form (an emoji) is an
 * error (`NOT_GSM7`) rather than a silent switch to UCS-2.
 *
 * @example
 * ```ts
 * import { chooseSmsVariant } from '@motcua/notify-sms/text';
 * const { chosen } = chooseSmsVariant('Hồ sơ đã có kết quả.', 'cheaper');
 * chosen.text;           // 'Hồ sơ đã có kết quả.' (1 segment either way: the tie keeps diacritics)
 * chooseSmsVariant('Hồ sơ đã có kết quả.', 'always-without-diacritics').chosen.text; // 'Ho so da co ket qua.'
 * ```
 */
export function chooseSmsVariant(text: string, policy: DiacriticsPolicy): SmsChoice {
  const withText = text.normalize('NFC');
  const withoutText = withoutDiacritics(withText);
  const withVariant: SmsVariant = { text: withText, diacritics: true, count: countSegments(withText) };
  const withoutVariant: SmsVariant = {
    text: withoutText,
    diacritics: false,
    count: countSegments(withoutText),
  };
  let chosen: SmsVariant;
  switch (policy) {
    case 'always-with-diacritics':
      chosen = withVariant;
      break;
    case 'cheaper':
      chosen = withoutVariant.count.segments < withVariant.count.segments ? withoutVariant : withVariant;
      break;
    case 'always-without-diacritics': {
      const bad = nonGsm7Characters(withoutText);
      if (bad.length > 0) {
        throw new SmsError(
          'NOT_GSM7',
          `text: policy 'always-without-diacritics' but ${bad.map(describeCodePoint).join(', ')} has no GSM-7 form`,
          { field: 'text', value: bad.map(describeCodePoint) },
        );
      }
      chosen = withoutVariant;
      break;
    }
    default:
      throw new SmsError('INVALID_OPTION', `policy: unknown diacritics policy ${JSON.stringify(policy)}`, {
        field: 'policy',
        value: policy,
      });
  }
  return { chosen, withDiacritics: withVariant, withoutDiacritics: withoutVariant };
}
