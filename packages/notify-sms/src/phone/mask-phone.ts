/**
 * Masks a phone number for logs and error messages: the national form with its first two and
 * last two digits kept and every other digit replaced by `*`. Never throws; input that is not a
 * number is masked digit by digit, and anything with fewer than 8 digits is masked entirely.
 * At most 4 digits are ever shown, and never the operator prefix.
 *
 * @example
 * ```ts
 * import { maskPhone } from '@motcua/notify-sms/phone';
 * maskPhone('0912345678');       // '09******78'
 * maskPhone('+84 91 234 5678');  // '09******78'
 * maskPhone('+1 202 555 0123');  // '+12*******23'
 * maskPhone('12345');            // '*****'
 * ```
 */
export function maskPhone(input: unknown): string {
  if (typeof input !== 'string' && typeof input !== 'number') return '***';
  const text = String(input).trim();
  let digits = text.replace(/\D/g, '');
  let plus = text.startsWith('+') || text.startsWith('(+') ? '+' : '';
  // Show Vietnamese numbers in national form, so every format of one number masks the same way.
  let countryDigits = 0;
  if (plus === '+' && digits.startsWith('84')) countryDigits = 2;
  else if (plus === '' && digits.startsWith('0084')) countryDigits = 4;
  else if (plus === '' && digits.startsWith('84') && digits.length >= 11) countryDigits = 2;
  if (countryDigits > 0) {
    const rest = digits.slice(countryDigits);
    digits = rest.startsWith('0') ? rest : `0${rest}`; // '+84 (0) 9…' keeps a single 0
    plus = '';
  }
  if (digits.length < 8) return plus + '*'.repeat(digits.length);
  return plus + digits.slice(0, 2) + '*'.repeat(digits.length - 4) + digits.slice(-2);
}
