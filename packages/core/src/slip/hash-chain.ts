import { createHash } from 'node:crypto';
import type { SlipRow } from './slip-row.js';

/** The `prevHash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so equal rows always hash the same. */
export function canonicalJson(value: unknown): string {
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
const party = (p: Party) => [p.unitId, p.unitName, p.officerId ?? null, p.officerName ?? null];

/**
 * The hashed content of a row: every field but `hash`, in a fixed order (fast: no key sorting on
 * the hot path); any field outside the known ones is appended in canonical JSON, so the hash
 * always covers the whole row.
 */
function rowContent(row: Omit<SlipRow, 'hash'>): string {
  let text = JSON.stringify([
    row.seq,
    row.kind,
    party(row.from),
    party(row.to),
    row.at,
    row.stepId ?? null,
    row.due ?? null,
    row.result ?? null,
    row.note ?? '',
    row.prevHash,
  ]);
  for (const key in row) {
    if (!KNOWN_KEYS.has(key))
      text += `|${JSON.stringify(key)}:${canonicalJson((row as Record<string, unknown>)[key])}`;
  }
  return text;
}

/** SHA-256 of a row's content (every field but `hash`), chained to `prevHash`. */
export function hashSlipRow(row: Omit<SlipRow, 'hash'>): string {
  return createHash('sha256').update(row.prevHash).update('\n').update(rowContent(row)).digest('hex');
}

/** Appends a row to a slip: numbers it, chains it to the last row and hashes it. */
export function appendSlipRow(
  slip: readonly SlipRow[],
  row: Omit<SlipRow, 'seq' | 'prevHash' | 'hash'>,
): SlipRow[] {
  const prev = slip[slip.length - 1];
  const base = { ...row, seq: slip.length + 1, prevHash: prev ? prev.hash : GENESIS_HASH };
  return [...slip, { ...base, hash: hashSlipRow(base) }];
}

/** The answer of {@link verifySlip}. */
export type SlipVerification =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly firstBrokenRow: number; readonly reason: string };

/**
 * Checks a control slip: numbering, chaining and every row's hash. Reports the first broken row
 * (1-based `seq`), e.g. a row edited after it was written, a row removed, or rows reordered.
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
