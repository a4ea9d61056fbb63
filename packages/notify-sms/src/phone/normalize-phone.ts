import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import * as z from 'zod/mini';
import { SmsError } from '../errors.js';
import { parseOptions } from '../zod-messages.js';
import { convertLegacyMobile } from './legacy-prefixes.js';
import { maskPhone } from './mask-phone.js';

/** Options of {@link normalizePhone} and {@link parseMobilePhone}. */
export const NormalizePhoneOptionsSchema = z.strictObject({
  /** Name of the input in errors, e.g. `'applicant.phone'`. Default `'phone'`. */
  field: z._default(z.string().check(z.minLength(1)), 'phone'),
  /**
   * What to do with an 11-digit pre-2018 number (`0162…`): `convert` (default) by the 2018
   * prefix table, or `reject` (`LEGACY_PHONE`).
   */
  legacy: z._default(z.enum(['convert', 'reject']), 'convert'),
});
/** Options as written by the caller. */
export type NormalizePhoneOptions = z.input<typeof NormalizePhoneOptionsSchema>;

/** A Vietnamese mobile number, checked and normalised. */
export interface MobilePhone {
  /** E.164, e.g. `'+84912345678'`. */
  e164: string;
  /** National form, 10 digits, e.g. `'0912345678'`. */
  national: string;
  /** The 3-digit prefix of the national form, e.g. `'091'`. */
  prefix: string;
  /** `true` when the input was an 11-digit pre-2018 number converted by the 2018 table. */
  convertedFromLegacy: boolean;
}

/** Separators people type inside phone numbers. */
const SEPARATORS = /[\s.\-()\u00A0\u2010-\u2015]/g;

function fail(
  code: ConstructorParameters<typeof SmsError>[0],
  field: string,
  input: unknown,
  reason: string,
): never {
  const masked = maskPhone(input);
  throw new SmsError(code, `${field}: ${reason} (got ${masked === '' ? 'no digits' : masked})`, {
    field,
    value: masked,
  });
}

/**
 * Checks and normalises a Vietnamese mobile number. Accepts `0…`, `84…`, `+84…` and `0084…`, with
 * spaces, dots, dashes and parentheses (also `+84 (0) 91…`), and 11-digit pre-2018 numbers, which
 * are converted by the 2018 prefix table. The numbering ranges come from libphonenumber-js
 * metadata; a mobile must also be 10 digits starting 03, 05, 07, 08 or 09.
 *
 * Errors (all {@link SmsError}, with the number masked): `INVALID_PHONE`, `FOREIGN_PHONE`,
 * `LANDLINE_PHONE`, `NOT_MOBILE_PHONE`, `LEGACY_PHONE`, `UNKNOWN_LEGACY_PREFIX`.
 *
 * @example
 * ```ts
 * import { parseMobilePhone } from '@motcua/notify-sms/phone';
 * parseMobilePhone('0162.123.4567');
 * // { e164: '+84321234567', national: '0321234567', prefix: '032', convertedFromLegacy: true }
 * ```
 */
export function parseMobilePhone(input: string, options?: NormalizePhoneOptions): MobilePhone {
  const parsedOptions = NormalizePhoneOptionsSchema.safeParse(options ?? {}, parseOptions);
  if (!parsedOptions.success) {
    const issue = parsedOptions.error.issues[0];
    throw new SmsError('INVALID_OPTION', `options.${issue?.path.join('.') ?? ''}: ${issue?.message}`, {
      field: `options.${issue?.path.join('.') ?? ''}`,
    });
  }
  const { field, legacy } = parsedOptions.data;
  if (typeof input !== 'string') fail('INVALID_PHONE', field, input, 'expected a phone number as a string');

  const compact = input.replace(SEPARATORS, '');
  if (compact === '') fail('INVALID_PHONE', field, input, 'no phone number given');
  if (!/^\+?\d+$/.test(compact)) {
    fail(
      'INVALID_PHONE',
      field,
      input,
      'only digits, a leading +, spaces, dots, dashes and parentheses are allowed',
    );
  }

  // National significant number: the digits after the country code or the trunk prefix 0.
  let rest: string;
  let international = true;
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+84')) fail('FOREIGN_PHONE', field, input, 'not a Vietnamese number (+84)');
    rest = compact.slice(3);
  } else if (compact.startsWith('0084')) {
    rest = compact.slice(4);
  } else if (compact.startsWith('00')) {
    fail(
      'FOREIGN_PHONE',
      field,
      input,
      'not a Vietnamese number (00 followed by a country code other than 84)',
    );
  } else if (compact.startsWith('84')) {
    rest = compact.slice(2);
  } else if (compact.startsWith('0')) {
    rest = compact.slice(1);
    international = false;
  } else {
    fail('INVALID_PHONE', field, input, 'expected a number starting with 0, 84 or +84');
  }
  if (international && rest.startsWith('0')) rest = rest.slice(1); // '+84 (0) 912 …'
  if (rest.length < 9 || rest.length > 10) {
    fail(
      'INVALID_PHONE',
      field,
      input,
      'wrong length for a Vietnamese mobile number (10 digits, or 11 before 2018)',
    );
  }

  let national = `0${rest}`;
  let convertedFromLegacy = false;
  if (/^01\d{9}$/.test(national)) {
    if (legacy === 'reject') {
      fail(
        'LEGACY_PHONE',
        field,
        input,
        'an 11-digit number from before the 2018 renumbering; ask for the current number',
      );
    }
    const converted = convertLegacyMobile(national);
    if (converted === undefined) {
      fail(
        'UNKNOWN_LEGACY_PREFIX',
        field,
        input,
        'an 11-digit 01… number whose prefix is not in the 2018 renumbering table',
      );
    }
    national = converted;
    convertedFromLegacy = true;
  }

  if (national.startsWith('01')) {
    fail(
      'INVALID_PHONE',
      field,
      input,
      'a 01… number had 11 digits before the 2018 renumbering; this one has 10',
    );
  }

  const e164 = `+84${national.slice(1)}`;
  const phone = parsePhoneNumberFromString(e164);
  const type = phone?.isValid() === true ? phone.getType() : undefined;
  if (type === 'FIXED_LINE') fail('LANDLINE_PHONE', field, input, 'a landline number cannot receive SMS');
  if (phone === undefined || !phone.isValid()) {
    fail('INVALID_PHONE', field, input, 'not an allocated Vietnamese number range');
  }
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    const kind = type === undefined ? 'special' : type.toLowerCase().replaceAll('_', '-');
    fail('NOT_MOBILE_PHONE', field, input, `a ${kind} number, not a mobile number`);
  }
  if (!/^0[35789]\d{8}$/.test(national)) {
    fail(
      'INVALID_PHONE',
      field,
      input,
      'a Vietnamese mobile number has 10 digits starting 03, 05, 07, 08 or 09',
    );
  }
  return { e164, national, prefix: national.slice(0, 3), convertedFromLegacy };
}

/**
 * Normalises a Vietnamese mobile number to E.164 (`+84…`). See {@link parseMobilePhone} for the
 * accepted formats and the errors.
 *
 * @example
 * ```ts
 * import { normalizePhone } from '@motcua/notify-sms/phone';
 * normalizePhone('091 234 5678');      // '+84912345678'
 * normalizePhone('(+84) 91-234-5678'); // '+84912345678'
 * normalizePhone('01621234567');       // '+84321234567' (2018 renumbering)
 * normalizePhone('024 3825 1234');     // throws SmsError LANDLINE_PHONE "phone: a landline … (got 02*******34)"
 * ```
 */
export function normalizePhone(input: string, options?: NormalizePhoneOptions): string {
  return parseMobilePhone(input, options).e164;
}
