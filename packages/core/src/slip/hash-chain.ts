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

/**
 * The hashed content of a row: every field but `hash`, in a fixed order (fast: no key sorting on
 * the hot path): the JSON array `[seq, kind, from, to, at, stepId, due, result, note, prevHash]`,
 * parties as `[unitId, unitName, officerId, officerName]`, absent values as `null`. Any field
 * outside the known ones (of the row or of a party) is appended in canonical JSON, so the hash
 * always covers the whole row.
 */
function rowContent(row: Omit<SlipRow, 'hash'>, rowExtras: boolean): string {
  let text = `[${JSON.stringify(row.seq)},${q(row.kind)},${partyJson(row.from)},${partyJson(row.to)},${q(row.at)},${q(row.stepId)},${q(row.due)},${q(row.result)},${q(row.note ?? '')},${q(row.prevHash)}]`;
  if (rowExtras) {
    for (const key in row) {
      if (!KNOWN_KEYS.has(key))
        text += `|${JSON.stringify(key)}:${canonicalJson((row as Record<string, unknown>)[key])}`;
    }
  }
  if (partyHasExtraFields(row.from)) text += `|from:${canonicalJson(row.from)}`;
  if (partyHasExtraFields(row.to)) text += `|to:${canonicalJson(row.to)}`;
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
  return sha256Hex(`${row.prevHash}\n${rowContent(row, rowExtras)}`);
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
  const out = slip.slice();
  out.push(next);
  return out;
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
