import { MotcuaError } from '@motcua/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { LEGACY_MOBILE_PREFIXES } from './legacy-prefixes.js';
import { normalizePhone, parseMobilePhone } from './normalize-phone.js';

/** Catches the SmsError a call throws. */
function errorOf(run: () => unknown): SmsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SmsError) return error;
    throw error;
  }
  throw new Error('expected an SmsError');
}

describe('normalizePhone — accepted formats', () => {
  it.each([
    ['0912345678'],
    ['091 234 5678'],
    ['0912.345.678'],
    ['0912-345-678'],
    ['(091) 234-5678'],
    ['84912345678'],
    ['+84912345678'],
    ['+84 91 234 56 78'],
    ['(+84) 912 345 678'],
    ['+84 (0) 912 345 678'],
    ['0084 912 345 678'],
    [' 0912345678 '],
  ])('%s → +84912345678', (input) => {
    expect(normalizePhone(input)).toBe('+84912345678');
  });

  it('accepts every current operator prefix the numbering metadata allocates', () => {
    expect(normalizePhone('0321234567')).toBe('+84321234567'); // Viettel
    expect(normalizePhone('0701234567')).toBe('+84701234567'); // MobiFone
    expect(normalizePhone('0831234567')).toBe('+84831234567'); // VinaPhone
    expect(normalizePhone('0561234567')).toBe('+84561234567'); // Vietnamobile
    expect(normalizePhone('0591234567')).toBe('+84591234567'); // Gmobile
    expect(normalizePhone('0871234567')).toBe('+84871234567'); // Itelecom
  });

  it('converts 11-digit pre-2018 numbers by the renumbering table, keeping the last 7 digits', () => {
    expect(parseMobilePhone('01621234567')).toEqual({
      e164: '+84321234567',
      national: '0321234567',
      prefix: '032',
      convertedFromLegacy: true,
    });
    expect(normalizePhone('0120 123 4567')).toBe('+84701234567');
    expect(normalizePhone('+84 127 123 4567')).toBe('+84811234567');
    expect(normalizePhone('84199.123.4567')).toBe('+84591234567');
    expect(parseMobilePhone('0912345678').convertedFromLegacy).toBe(false);
  });

  it('can refuse legacy numbers instead', () => {
    expect(errorOf(() => normalizePhone('01621234567', { legacy: 'reject' })).code).toBe('LEGACY_PHONE');
  });
});

describe('normalizePhone — rejections', () => {
  it.each([
    ['024 3825 1234', 'LANDLINE_PHONE', '02*******34'],
    ['+84 28 3829 1234', 'LANDLINE_PHONE', '02*******34'],
    ['0236 3822 666', 'LANDLINE_PHONE', '02*******66'],
    ['+1 202 555 0123', 'FOREIGN_PHONE', '+12*******23'],
    ['0044 20 7946 0958', 'FOREIGN_PHONE', '00**********58'],
    ['0672 123 456', 'NOT_MOBILE_PHONE', '06******56'],
    ['1900 1234 56', 'INVALID_PHONE', '19******56'],
    ['0521234567', 'INVALID_PHONE', '05******67'],
    ['091234567', 'INVALID_PHONE', '09*****67'],
    ['091234567890', 'INVALID_PHONE', '09********90'],
    ['0121012345', 'INVALID_PHONE', '01******45'],
    ['01901234567', 'UNKNOWN_LEGACY_PREFIX', '01*******67'],
    ['0912 345 678 ext 2', 'INVALID_PHONE', '09*******82'],
    ['0912345678/0987654321', 'INVALID_PHONE', '09****************21'],
    ['+84+912345678', 'INVALID_PHONE', '09******78'],
    ['', 'INVALID_PHONE', ''],
  ])('%s → %s, masked %s', (input, code, masked) => {
    const error = errorOf(() => normalizePhone(input, { field: 'applicant.phone' }));
    expect(error).toBeInstanceOf(MotcuaError);
    expect(error.code).toBe(code);
    expect(error.field).toBe('applicant.phone');
    expect(error.value).toBe(masked);
    expect(error.message.startsWith('applicant.phone: ')).toBe(true);
    const digits = input.replace(/\D/g, '');
    if (digits.length >= 6) expect(error.message).not.toContain(digits.slice(2, -2));
  });

  it('says why in plain words', () => {
    expect(errorOf(() => normalizePhone('024 3825 1234')).message).toBe(
      'phone: a landline number cannot receive SMS (got 02*******34)',
    );
    expect(errorOf(() => normalizePhone('0672123456')).message).toMatch(/a voip number, not a mobile number/);
  });

  it('rejects a value that is not a string', () => {
    expect(errorOf(() => normalizePhone(912345678 as unknown as string)).code).toBe('INVALID_PHONE');
  });

  it('rejects bad options', () => {
    expect(errorOf(() => normalizePhone('0912345678', { legacy: 'keep' as 'convert' })).code).toBe(
      'INVALID_OPTION',
    );
  });
});

/** Prefixes whose whole 7-digit block the numbering metadata allocates to mobiles. */
const FULL_PREFIXES = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '56',
  '58',
  '59',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '87',
  '88',
  '90',
  '91',
  '92',
  '93',
  '94',
  '96',
  '97',
  '98',
];
const SEVEN_DIGITS = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));
const SEPARATOR = fc.constantFrom('', '', '', ' ', '.', '-');

/** Writes digits with random separators between them. */
function spaced(digits: string, separators: readonly string[]): string {
  return [...digits].map((d, i) => (i === 0 ? d : (separators[i % separators.length] ?? '') + d)).join('');
}

const FORMATS: readonly ((nsn: string, seps: readonly string[]) => string)[] = [
  (nsn, seps) => `0${spaced(nsn, seps)}`,
  (nsn, seps) => `84${spaced(nsn, seps)}`,
  (nsn, seps) => `+84${spaced(nsn, seps)}`,
  (nsn, seps) => `+84 ${spaced(nsn, seps)}`,
  (nsn, seps) => `0084 ${spaced(nsn, seps)}`,
  (nsn, seps) => `+84 (0) ${spaced(nsn, seps)}`,
  (nsn, seps) => `(0${nsn.slice(0, 2)}) ${spaced(nsn.slice(2), seps)}`,
  (nsn, seps) => `(+84) ${spaced(nsn, seps)}`,
];

describe('normalizePhone — properties', () => {
  it('every valid mobile number in any accepted format normalises to the same E.164', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FULL_PREFIXES),
        SEVEN_DIGITS,
        fc.constantFrom(...FORMATS),
        fc.array(SEPARATOR, { minLength: 1, maxLength: 10 }),
        (prefix, rest, format, seps) => {
          expect(normalizePhone(format(prefix + rest, seps))).toBe(`+84${prefix}${rest}`);
        },
      ),
    );
  });

  it('every legacy number in any accepted format normalises to its new number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEGACY_MOBILE_PREFIXES),
        SEVEN_DIGITS,
        fc.constantFrom(...FORMATS),
        fc.array(SEPARATOR, { minLength: 1, maxLength: 10 }),
        (row, rest, format, seps) => {
          const parsed = parseMobilePhone(format(row.oldPrefix.slice(1) + rest, seps));
          expect(parsed.e164).toBe(`+84${row.newPrefix.slice(1)}${rest}`);
          expect(parsed.convertedFromLegacy).toBe(true);
        },
      ),
    );
  });

  it('never puts more than 4 digits of the input in an error', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '1', '2', '4', '8', '9', '+', ' ', '.', 'x'), maxLength: 20 }),
        (input) => {
          try {
            normalizePhone(input);
          } catch (error) {
            if (!(error instanceof SmsError)) throw error;
            expect(String(error.value).replace(/\D/g, '').length).toBeLessThanOrEqual(4);
            const shown = error.message.slice(error.message.lastIndexOf('(got'));
            expect(shown.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
          }
        },
      ),
    );
  });
});
