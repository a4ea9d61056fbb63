import { createHash } from 'node:crypto';
import { ValidationError } from '../errors/dossier-errors.js';

const MAX_DEPTH = 64;

/**
 * The canonical JSON text of a value: object keys sorted, `undefined` members left out, `Date`s as
 * ISO instants. Two commands that mean the same (keys written in another order) give the same text.
 */
function canonicalJson(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) {
    throw new ValidationError('command', [
      { field: 'command', message: `nested deeper than ${MAX_DEPTH} levels` },
    ]);
  }
  if (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'string'
  ) {
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Date)
    return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null, depth + 1)).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const parts: string[] = [];
    for (const k of keys) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined || typeof v === 'function') continue;
      parts.push(`${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

/**
 * The fingerprint of a command kept with its idempotency key: a SHA-256 of the command's canonical
 * JSON (what it does, to which dossier, by whom, with what data). A retry with the same key must
 * carry the same fingerprint; another command under a used key is refused.
 */
export function commandFingerprint(command: unknown): string {
  return createHash('sha256').update(canonicalJson(command, 0)).digest('hex');
}
