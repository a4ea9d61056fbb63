import * as z from 'zod/mini';
import { SmsError } from '../errors.js';
import { parseOptions } from '../zod-messages.js';
import { describeCodePoint } from './describe-code-point.js';
import { gsm7Septets, nonGsm7Characters } from './gsm7.js';

/** How an SMS is encoded: GSM-7 (septets) or UCS-2 (UTF-16 code units). */
export const SmsEncodingSchema = z.enum(['GSM-7', 'UCS-2']);
/** See {@link SmsEncodingSchema}. */
export type SmsEncoding = z.infer<typeof SmsEncodingSchema>;

/**
 * Units per SMS part. A message that fits in `single` units goes as one SMS; a longer one is sent
 * as a concatenated SMS whose parts carry `multi` units each (the rest holds the UDH header).
 */
export const SEGMENT_LIMITS: Readonly<
  Record<SmsEncoding, { readonly single: number; readonly multi: number }>
> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

/** Options of {@link countSegments} and {@link splitSegments}. */
export const SegmentOptionsSchema = z.strictObject({
  /** `auto` (default): GSM-7 when every character allows it, UCS-2 otherwise. */
  encoding: z._default(z.enum(['auto', 'GSM-7', 'UCS-2']), 'auto'),
});
/** Options as written by the caller. */
export type SegmentOptions = z.input<typeof SegmentOptionsSchema>;

/** What {@link countSegments} reports. Units are septets for GSM-7 and UTF-16 code units for UCS-2. */
export interface SegmentCount {
  encoding: SmsEncoding;
  /** Number of SMS parts billed; 0 for the empty text. */
  segments: number;
  /** Units the whole text takes (an extension character counts 2, a surrogate pair counts 2). */
  unitsUsed: number;
  /** Capacity of each part in this layout: 160/70 for a single SMS, 153/67 for a concatenated one. */
  unitsPerPart: number;
  /** Units still free in the last part before another part is needed. */
  unitsLeftInLastPart: number;
  /** Units carried by each part, in order (a part may end short to keep a pair together). */
  partUnits: number[];
}

interface Layout {
  encoding: SmsEncoding;
  unitsUsed: number;
  unitsPerPart: number;
  /** [start, end) offsets into the text (UTF-16 indices) and the units of each part. */
  parts: { start: number; end: number; units: number }[];
}

function resolveEncoding(text: string, requested: 'auto' | SmsEncoding): SmsEncoding {
  const bad = nonGsm7Characters(text);
  if (requested === 'UCS-2') return 'UCS-2';
  if (requested === 'GSM-7' && bad.length > 0) {
    const codePoint = describeCodePoint(bad[0]!);
    throw new SmsError(
      'NOT_GSM7',
      `text: GSM-7 was requested but the text holds ${codePoint}, which GSM-7 cannot carry`,
      { field: 'text', value: codePoint },
    );
  }
  return bad.length === 0 ? 'GSM-7' : 'UCS-2';
}

/** Units of one code point: GSM-7 septets, or UTF-16 code units (2 for a surrogate pair). */
function unitsOf(char: string, encoding: SmsEncoding): number {
  return encoding === 'GSM-7' ? (gsm7Septets(char) ?? 1) : char.length;
}

function layout(text: string, options: SegmentOptions | undefined): Layout {
  const parsed = SegmentOptionsSchema.safeParse(options ?? {}, parseOptions);
  if (!parsed.success) {
    throw new SmsError('INVALID_OPTION', `options: ${parsed.error.issues[0]?.message ?? 'invalid'}`, {
      field: 'options',
    });
  }
  const encoding = resolveEncoding(text, parsed.data.encoding);
  const limits = SEGMENT_LIMITS[encoding];
  const chars: { start: number; end: number; units: number }[] = [];
  let offset = 0;
  let total = 0;
  for (const char of text) {
    const units = unitsOf(char, encoding);
    chars.push({ start: offset, end: offset + char.length, units });
    offset += char.length;
    total += units;
  }
  if (total === 0) return { encoding, unitsUsed: 0, unitsPerPart: limits.single, parts: [] };
  if (total <= limits.single) {
    return {
      encoding,
      unitsUsed: total,
      unitsPerPart: limits.single,
      parts: [{ start: 0, end: offset, units: total }],
    };
  }
  // Concatenated: fill each part greedily; a two-unit character (escape sequence, surrogate pair)
  // that does not fit whole starts the next part instead of being split.
  const parts: Layout['parts'] = [];
  let current = { start: 0, end: 0, units: 0 };
  for (const char of chars) {
    if (current.units + char.units > limits.multi) {
      parts.push(current);
      current = { start: char.start, end: char.start, units: 0 };
    }
    current.end = char.end;
    current.units += char.units;
  }
  parts.push(current);
  return { encoding, unitsUsed: total, unitsPerPart: limits.multi, parts };
}

/**
 * Counts the SMS parts a text needs, exactly: GSM-7 160 single / 153 per part, with the extension
 * characters `^ { } \ [ ~ ] | €` and form feed costing two septets; UCS-2 70 single / 67 per
 * part, with a surrogate pair (an emoji) costing two code units. Neither a two-septet character
 * nor a surrogate pair is ever split across parts.
 *
 * @example
 * ```ts
 * import { countSegments } from '@motcua/notify-sms/text';
 * countSegments('a'.repeat(160)); // { encoding: 'GSM-7', segments: 1, unitsLeftInLastPart: 0, … }
 * countSegments('a'.repeat(161)); // { encoding: 'GSM-7', segments: 2, unitsLeftInLastPart: 145, … }
 * countSegments('Hồ sơ');         // { encoding: 'UCS-2', segments: 1, unitsUsed: 5, unitsLeftInLastPart: 65, … }
 * ```
 */
export function countSegments(text: string, options?: SegmentOptions): SegmentCount {
  const { encoding, unitsUsed, unitsPerPart, parts } = layout(text, options);
  const last = parts[parts.length - 1];
  return {
    encoding,
    segments: parts.length,
    unitsUsed,
    unitsPerPart,
    unitsLeftInLastPart: unitsPerPart - (last?.units ?? 0),
    partUnits: parts.map((part) => part.units),
  };
}

/**
 * Splits a text into the parts {@link countSegments} counts, so that `parts.join('') === text`.
 *
 * @example
 * ```ts
 * import { splitSegments } from '@motcua/notify-sms/text';
 * splitSegments('a'.repeat(200)).map((p) => p.length); // [153, 47]
 * ```
 */
export function splitSegments(text: string, options?: SegmentOptions): string[] {
  return layout(text, options).parts.map((part) => text.slice(part.start, part.end));
}
