const DAY = 86_400_000;
/** The last instant whose year has four digits (9999-12-31T23:59:59.999Z). */
const LAST = 253_402_300_799_999;
const ZERO = 48;

/**
 * An instant (ms since the epoch) written exactly as `new Date(ms).toISOString()` writes it
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`), without a `Date` and its runtime call: the civil date from the day
 * number (proleptic Gregorian arithmetic), each character written as a code into one flat string.
 * Instants before 1970 or after year 9999 (and non-integers) go through `Date#toISOString`, so the
 * text is the same for every input and a non-finite value throws the same `RangeError`.
 */
export function formatInstant(ms: number): string {
  if (!(ms >= 0 && ms <= LAST) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  let r = ms - days * DAY;
  // Days to a civil date (H. Hinnant's `civil_from_days`, era of 400 years; days ≥ 0 here).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  const milli = r - s * 1000;
  return String.fromCharCode(
    ZERO + Math.floor(year / 1000),
    ZERO + (Math.floor(year / 100) % 10),
    ZERO + (Math.floor(year / 10) % 10),
    ZERO + (year % 10),
    45, // '-'
    ZERO + Math.floor(month / 10),
    ZERO + (month % 10),
    45,
    ZERO + Math.floor(day / 10),
    ZERO + (day % 10),
    84, // 'T'
    ZERO + Math.floor(h / 10),
    ZERO + (h % 10),
    58, // ':'
    ZERO + Math.floor(m / 10),
    ZERO + (m % 10),
    58,
    ZERO + Math.floor(s / 10),
    ZERO + (s % 10),
    46, // '.'
    ZERO + Math.floor(milli / 100),
    ZERO + (Math.floor(milli / 10) % 10),
    ZERO + (milli % 10),
    90, // 'Z'
  );
}

/** The last text {@link isOwnInstant} answered `true` for (one command's `at` is checked several times on its way). */
let lastOwn: string | undefined;

/**
 * Whether `value` is an instant in motcua's own form (`YYYY-MM-DDTHH:mm:ss.sssZ`) naming a real
 * instant: it reads back to the same text. The last text found so is remembered, so checking the
 * same `at` again on its way through the engine costs one string comparison.
 */
export function isOwnInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === lastOwn) return true;
  if (value.length !== 24 || value.charCodeAt(23) !== 90 /* Z */) return false;
  // Text read in the own form (a real date and time, years 1970–9999) is what formatInstant writes
  // for its instant: no parse by the runtime and no text written to compare. Any other: round trip.
  if (Number.isNaN(ownFormMs(value))) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || formatInstant(ms) !== value) return false;
  }
  lastOwn = value;
  return true;
}

/** Two decimal digits at `i`, or -1. */
function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - ZERO;
  const b = text.charCodeAt(i + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The instant `Date.parse(text)` gives, read without the runtime's date parser when the text is in
 * motcua's own form (`YYYY-MM-DDTHH:mm:ss.sssZ`, year 1970–9999, a real calendar date and time):
 * the day number from the civil date (the inverse of {@link formatInstant}'s arithmetic). Any
 * other text goes to `Date.parse`, so the answer is the same for every input (a property test
 * compares both).
 */
export function instantMs(text: string): number {
  const ms = ownFormMs(text);
  return Number.isNaN(ms) ? Date.parse(text) : ms;
}

/**
 * The instant of a text in motcua's own form (year 1970–9999, a real calendar date and time), read
 * digit by digit; `NaN` for any other text (see {@link instantMs}).
 */
function ownFormMs(text: string): number {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return Number.NaN;
  const y1 = digits2(text, 0);
  const y2 = digits2(text, 2);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  const h = digits2(text, 11);
  const m = digits2(text, 14);
  const s = digits2(text, 17);
  const c = text.charCodeAt(20) - ZERO;
  const ms2 = digits2(text, 21);
  if (
    y1 < 0 ||
    y2 < 0 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    h < 0 ||
    h > 23 ||
    m < 0 ||
    m > 59 ||
    s < 0 ||
    s > 59 ||
    c < 0 ||
    c > 9 ||
    ms2 < 0
  )
    return Number.NaN;
  const year = y1 * 100 + y2;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (year < 1970 || day > monthDays) return Number.NaN;
  const milli = c * 100 + ms2;
  // Civil date to days (H. Hinnant's `days_from_civil`; years ≥ 1970 here).
  const yy = month <= 2 ? year - 1 : year;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return days * DAY + h * 3_600_000 + m * 60_000 + s * 1000 + milli;
}
