import { SmsError } from '../errors.js';
import { type ReceiptStatus, receiptStatusOf } from '../providers/provider.js';
import { GSM7_CHARACTERS } from '../text/gsm7.js';
import { type SmsEncoding, splitSegments } from '../text/segments.js';

/** SMPP data_coding of each encoding: 0 (SMSC default alphabet, GSM-7) and 8 (UCS-2). */
export const DATA_CODING: Readonly<Record<SmsEncoding, number>> = { 'GSM-7': 0, 'UCS-2': 8 };

/** esm_class bit: the short message starts with a user data header. */
export const ESM_CLASS_UDHI = 0x40;
/** esm_class bits of a deliver_sm that carries an SMSC delivery receipt. */
export const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

/** GSM 03.38 basic table in code order; 0x1B (escape) is not a character. */
const BASIC_CODES = new Map<string, number>();
/** Extension table: the code after the 0x1B escape. */
const EXTENSION_CODES = new Map<string, number>([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['\u20AC', 0x65],
]);
{
  const basic = GSM7_CHARACTERS.slice(0, 127);
  let code = 0;
  for (const char of basic) {
    if (code === 0x1b) code++;
    BASIC_CODES.set(char, code++);
  }
}

/**
 * Encodes GSM-7 text as SMPP carries it with data_coding 0: one octet per septet, unpacked, an
 * extension character as 0x1B and its code. Throws `NOT_GSM7` on a character outside the alphabet.
 *
 * @example
 * ```ts
 * import { encodeGsm7 } from '@motcua/notify-sms/smpp';
 * encodeGsm7('Ho so da duoc tiep nhan').length; // 23: one octet per septet
 * ```
 */
export function encodeGsm7(text: string): Buffer {
  const out: number[] = [];
  for (const char of text) {
    const basic = BASIC_CODES.get(char);
    if (basic !== undefined) {
      out.push(basic);
      continue;
    }
    const ext = EXTENSION_CODES.get(char);
    if (ext === undefined) {
      throw new SmsError('NOT_GSM7', 'text: a character has no GSM-7 code', { field: 'text' });
    }
    out.push(0x1b, ext);
  }
  return Buffer.from(out);
}

/**
 * Encodes text as UCS-2 (UTF-16 big-endian), as SMPP carries it with data_coding 8.
 *
 * @example
 * ```ts
 * import { encodeUcs2 } from '@motcua/notify-sms/smpp';
 * encodeUcs2('Hồ sơ').length; // 10: two octets per character
 * ```
 */
export function encodeUcs2(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = a;
  }
  return le;
}

/**
 * The concatenation header of part `index` (1-based) of `total`: IEI 0x00, 8-bit reference.
 *
 * @example
 * ```ts
 * import { concatReference, concatUdh } from '@motcua/notify-sms/smpp';
 * const reference = concatReference('H56-260302-0001:1:sms.notice:receipt');
 * concatUdh(reference, 2, 1); // <Buffer 05 00 03 … 02 01>: part 1 of 2
 * ```
 */
export function concatUdh(reference: number, total: number, index: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, index]);
}

/**
 * A stable 8-bit concatenation reference for a message id (the same on every retry).
 *
 * @example
 * ```ts
 * import { concatReference } from '@motcua/notify-sms/smpp';
 * concatReference('H56-260302-0001:1:sms.notice:receipt'); // the same number (0–255) on every retry
 * ```
 */
export function concatReference(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 8) ^ (h >>> 16) ^ (h >>> 24)) & 0xff;
}

/** The short_message octets of each part: the text split by `splitSegments`, with a UDH when there are several. */
export function shortMessages(text: string, encoding: SmsEncoding, reference: number): Buffer[] {
  const parts = splitSegments(text, { encoding });
  const encode = encoding === 'GSM-7' ? encodeGsm7 : encodeUcs2;
  if (parts.length <= 1) return [encode(text)];
  if (parts.length > 255) {
    throw new SmsError(
      'MESSAGE_TOO_LONG',
      `text: ${parts.length} parts; a concatenated SMS has at most 255`,
      {
        field: 'text',
      },
    );
  }
  return parts.map((part, i) => Buffer.concat([concatUdh(reference, parts.length, i + 1), encode(part)]));
}

/** SMPP 3.4 message_state TLV values. */
const MESSAGE_STATES: Readonly<Record<number, string>> = {
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
};

/** What {@link parseReceiptText} reads from an SMSC delivery receipt. */
export interface ParsedSmppReceipt {
  readonly id: string;
  /** The `stat` word, e.g. `DELIVRD`. */
  readonly stat: string;
  readonly status: ReceiptStatus;
  readonly error?: string;
}

/**
 * Reads the text of an SMSC delivery receipt (SMPP 3.4 Appendix B):
 * `id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text: …`.
 * The `receipted_message_id` and `message_state` TLVs, when the SMSC sends them, win over the text.
 * Returns `undefined` when neither gives an id and a known status.
 *
 * @example
 * ```ts
 * import { parseReceiptText } from '@motcua/notify-sms/smpp';
 * parseReceiptText('id:0000001 sub:001 dlvrd:001 submit date:2603020900 done date:2603020901 stat:DELIVRD err:000 text:');
 * // { id: '0000001', stat: 'DELIVRD', status: 'delivered', error: '000' }
 * ```
 */
export function parseReceiptText(
  text: string,
  tlv: { receiptedMessageId?: string | undefined; messageState?: number | undefined } = {},
): ParsedSmppReceipt | undefined {
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S*)`, 'i').exec(text)?.[1];
  const id = tlv.receiptedMessageId || field('id');
  const stat =
    (tlv.messageState !== undefined ? MESSAGE_STATES[tlv.messageState] : undefined) ?? field('stat');
  if (!id || !stat) return undefined;
  const status = receiptStatusOf(stat);
  if (status === undefined) return undefined;
  const error = field('err');
  return { id, stat: stat.toUpperCase(), status, ...(error ? { error } : {}) };
}

/** SMPP command_status values worth trying again later (throttled, queue full, system error, …). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  0x08, // ESME_RSYSERR
  0x14, // ESME_RMSGQFUL
  0x45, // ESME_RSUBMITFAIL
  0x58, // ESME_RTHROTTLED
  0x64, // ESME_RX_T_APPN
  0xfe, // ESME_RDELIVERYFAILURE
]);

/** command_status values that mean "slow down": the part is queued again after a pause. */
export const THROTTLE_STATUSES: ReadonlySet<number> = new Set([0x14, 0x58]);
