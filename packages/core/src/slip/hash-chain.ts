import * as crypto from 'node:crypto';
import type { SlipRow } from '../model/slip-row.js';

/** The `prevHash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so equal rows always hash the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const KNOWN_KEYS = new Set([
  'seq',
  'kind',
  'from',
  'to',
  'at',
  'stepId',
  'due',
  'result',
  'note',
  'prevHash',
  'hash',
]);

type Party = SlipRow['from'];

/** Keys of a party that the fixed order covers. */
const PARTY_KEYS = 4;

/** Whether a row has a field outside the known ones (rare: rows are built by the lifecycle). */
function hasExtraFields(row: object): boolean {
  let n = 0;
  for (const key in row) {
    if (!KNOWN_KEYS.has(key)) return true;
    n++;
  }
  return n > KNOWN_KEYS.size;
}

/** Whether a party has a field outside unitId, unitName, officerId, officerName. */
function partyHasExtraFields(p: Party): boolean {
  let n = 0;
  for (const key in p) {
    if (key !== 'unitId' && key !== 'unitName' && key !== 'officerId' && key !== 'officerName') return true;
    n++;
  }
  return n > PARTY_KEYS;
}

/** JSON of a string, or `null` when absent: the pieces of the content text. */
const q = (value: string | undefined | null): string =>
  value == null ? 'null' : PLAIN_TEXT.test(value) ? `"${value}"` : JSON.stringify(value);
/** Text that `JSON.stringify` writes as is between quotes: no quote, backslash, control character or surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it excludes.
const PLAIN_TEXT = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const partyJson = (p: Party): string =>
  `[${q(p.unitId)},${q(p.unitName)},${q(p.officerId)},${q(p.officerName)}]`;

/** A party's text in the hashed content: its fixed-order JSON, and its extra fields' canonical JSON. */
interface PartyText {
  readonly json: string;
  readonly extra: string | null;
}
/** The text of each frozen party (it cannot change, so it is written once: parties are shared). */
const partyTexts = new WeakMap<Party, PartyText>();

function partyText(p: Party): PartyText {
  const frozen = Object.isFrozen(p);
  if (frozen) {
    const known = partyTexts.get(p);
    if (known !== undefined) return known;
  }
  const text = { json: partyJson(p), extra: partyHasExtraFields(p) ? canonicalJson(p) : null };
  if (frozen) partyTexts.set(p, text);
  return text;
}

/**
 * The hashed content of a row: every field but `hash`, in a fixed order (fast: no key sorting on
 * the hot path): the JSON array `[seq, kind, from, to, at, stepId, due, result, note, prevHash]`,
 * parties as `[unitId, unitName, officerId, officerName]`, absent values as `null`. Any field
 * outside the known ones (of the row or of a party) is appended in canonical JSON, so the hash
 * always covers the whole row.
 */
function rowContent(row: Omit<SlipRow, 'hash'>, rowExtras: boolean): string {
  const from = partyText(row.from);
  const to = partyText(row.to);
  let text = `[${JSON.stringify(row.seq)},${q(row.kind)},${from.json},${to.json},${q(row.at)},${q(row.stepId)},${q(row.due)},${q(row.result)},${q(row.note ?? '')},${q(row.prevHash)}]`;
  if (rowExtras) {
    for (const key in row) {
      if (!KNOWN_KEYS.has(key))
        text += `|${JSON.stringify(key)}:${canonicalJson((row as Record<string, unknown>)[key])}`;
    }
  }
  if (from.extra !== null) text += `|from:${from.extra}`;
  if (to.extra !== null) text += `|to:${to.extra}`;
  return text;
}

type OneShotHash = (algorithm: string, data: string, encoding: 'hex') => string;
/** Node ≥ 20.12 has a one-shot `crypto.hash` (about twice as fast on short inputs); older 20.x does not. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;
const sha256Hex: (data: string) => string = oneShot
  ? (data) => oneShot('sha256', data, 'hex')
  : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of a row's content (every field but `hash`), chained to `prevHash`. */
export function hashSlipRow(row: Omit<SlipRow, 'hash'>): string {
  return hashRow(row, hasExtraFields(row));
}

/** {@link hashSlipRow} when the caller already knows whether the row has unknown fields. */
function hashRow(row: Omit<SlipRow, 'hash'>, rowExtras: boolean): string {
  // The common row (no field outside the known ones) is written straight into bytes.
  if (!rowExtras && typeof row.prevHash === 'string' && typeof row.seq === 'number') {
    const from = partyText(row.from);
    const to = partyText(row.to);
    if (from.extra === null && to.extra === null) return hashBytes(row, from, to);
  }
  return sha256Hex(`${row.prevHash}\n${rowContent(row, rowExtras)}`);
}

type OneShotBytes = (algorithm: string, data: Uint8Array, encoding: 'hex') => string;
const sha256HexBytes: (data: Uint8Array) => string = oneShot
  ? (data) => (oneShot as unknown as OneShotBytes)('sha256', data, 'hex')
  : (data) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The UTF-8 bytes of the hashed text of a common row, written into one reused buffer instead of
 * joining strings (no intermediate strings to collect): the same bytes as the text
 * `${prevHash}\n${rowContent(row)}` encoded as `crypto.hash` encodes a string (UTF-8, Buffer's own
 * encoder for anything but plain ASCII). The property tests compare it with the first
 * implementation on any text, lone surrogates included.
 */
let bytes = Buffer.allocUnsafe(4096);
let at = 0;

function room(n: number): void {
  if (at + n <= bytes.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(2 * bytes.length, at + n));
  bytes.copy(bigger, 0, 0, at);
  bytes = bigger;
}

/** A string as is (UTF-8). */
function put(text: string): void {
  const n = text.length;
  room(3 * n);
  const start = at;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      at = start + bytes.write(text, start, 'utf8');
      return;
    }
    bytes[at++] = c;
  }
}

/** A string as `q` writes it: `null`, or its JSON. */
function putQuoted(value: string | undefined | null): void {
  if (typeof value !== 'string') {
    // null or absent; anything else (a malformed stored row) as the string path writes it.
    put(value == null ? 'null' : String(q(value)));
    return;
  }
  const n = value.length;
  room(n + 2);
  const start = at;
  bytes[at++] = 34; // "
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    // Printable ASCII but the quote and the backslash goes as is; anything else the general way.
    if (c < 0x20 || c >= 0x80 || c === 34 || c === 92) {
      at = start;
      put(q(value));
      return;
    }
    bytes[at++] = c;
  }
  bytes[at++] = 34;
}

/** The bytes of each frozen party's text (see {@link partyText}). */
const partyBytes = new WeakMap<Party, Buffer>();

function putParty(p: Party, text: PartyText): void {
  if (!Object.isFrozen(p)) {
    put(text.json);
    return;
  }
  let b = partyBytes.get(p);
  if (b === undefined) {
    b = Buffer.from(text.json, 'utf8');
    partyBytes.set(p, b);
  }
  room(b.length);
  bytes.set(b, at);
  at += b.length;
}

function hashBytes(row: Omit<SlipRow, 'hash'>, from: PartyText, to: PartyText): string {
  at = 0;
  put(row.prevHash);
  put('\n[');
  put(JSON.stringify(row.seq));
  put(',');
  putQuoted(row.kind);
  put(',');
  putParty(row.from, from);
  put(',');
  putParty(row.to, to);
  put(',');
  putQuoted(row.at);
  put(',');
  putQuoted(row.stepId);
  put(',');
  putQuoted(row.due);
  put(',');
  putQuoted(row.result);
  put(',');
  putQuoted(row.note ?? '');
  put(',');
  putQuoted(row.prevHash);
  put(']');
  return sha256HexBytes(bytes.subarray(0, at));
}

type NewRow = Omit<SlipRow, 'seq' | 'prevHash' | 'hash'>;

/** The row with its number and chain link, built field by field (one object shape, no spreads). */
function numberedRow(row: NewRow, seq: number, prevHash: string): Omit<SlipRow, 'hash'> & { hash: string } {
  const out = { kind: row.kind, from: row.from, to: row.to, at: row.at } as Omit<SlipRow, 'hash'> & {
    hash: string;
  };
  if (row.stepId !== undefined) out.stepId = row.stepId;
  if (row.due !== undefined) out.due = row.due;
  if (row.result !== undefined) out.result = row.result;
  out.note = row.note;
  out.seq = seq;
  out.prevHash = prevHash;
  return out;
}

/** Appends a row to a slip: numbers it, chains it to the last row and hashes it. */
export function appendSlipRow(
  slip: readonly SlipRow[],
  row: Omit<SlipRow, 'seq' | 'prevHash' | 'hash'>,
): SlipRow[] {
  const prev = slip[slip.length - 1];
  const seq = slip.length + 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  let next: SlipRow;
  if (hasExtraFields(row)) {
    const base = { ...row, seq, prevHash };
    next = { ...base, hash: hashRow(base, true) };
  } else {
    const built = numberedRow(row, seq, prevHash);
    built.hash = hashRow(built, false);
    next = built;
  }
  // Without spare room (`slice` + `push` would keep room for about 16 more rows in every context).
  return slip.concat([next]);
}

/** The answer of {@link verifySlip}. */
export type SlipVerification =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly firstBrokenRow: number; readonly reason: string };

/**
 * Checks a control slip: numbering, chaining and every row's hash. Reports the first broken row
 * (1-based `seq`), e.g. a row edited after it was written, a row removed, or rows reordered.
 *
 * @example
 * ```ts
 * import { verifySlip } from '@motcua/core';
 * import type { Engine } from '@motcua/core';
 * declare const engine: Engine;
 * const { slip } = await engine.get('000.00.14.H56-260302-0001');
 * const check = verifySlip(slip);
 * if (!check.ok) console.error(`control slip broken at row ${check.firstBrokenRow}: ${check.reason}`);
 * ```
 */
export function verifySlip(slip: readonly SlipRow[]): SlipVerification {
  let prevHash = GENESIS_HASH;
  let prevAt = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < slip.length; i++) {
    const row = slip[i]!;
    if (row.seq !== i + 1) return { ok: false, firstBrokenRow: i + 1, reason: `row numbered ${row.seq}` };
    if (row.prevHash !== prevHash)
      return { ok: false, firstBrokenRow: i + 1, reason: 'not chained to the previous row' };
    if (hashSlipRow(row) !== row.hash)
      return { ok: false, firstBrokenRow: i + 1, reason: 'content does not match its hash' };
    const at = Date.parse(row.at);
    if (at < prevAt) return { ok: false, firstBrokenRow: i + 1, reason: 'earlier than the previous row' };
    prevAt = at;
    prevHash = row.hash;
  }
  return { ok: true, rows: slip.length };
}
