import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import type { SlipRow } from '../model/slip-row.js';
import { GENESIS_HASH, hashSlipRow } from './hash-chain.js';

/** The hashed text as the first fixed-order implementation wrote it (every string through JSON.stringify). */
function referenceHash(row: Omit<SlipRow, 'hash'>): string {
  const q = (v: string | undefined | null) => (v == null ? 'null' : JSON.stringify(v));
  const party = (p: SlipRow['from']) =>
    `[${q(p.unitId)},${q(p.unitName)},${q(p.officerId)},${q(p.officerName)}]`;
  const content = `[${JSON.stringify(row.seq)},${q(row.kind)},${party(row.from)},${party(row.to)},${q(row.at)},${q(row.stepId)},${q(row.due)},${q(row.result)},${q(row.note ?? '')},${q(row.prevHash)}]`;
  return createHash('sha256').update(`${row.prevHash}\n${content}`).digest('hex');
}

/** Any text: ASCII, Vietnamese, quotes, backslashes, control characters and lone surrogates. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('a', 'ệ', '"', '\\', '\n', '\u0000', '\u001f', '\u2028', '\ud800', '\udc00', '😀'),
  }),
  fc.constantFrom('Bộ phận một cửa', 'Nguyễn Văn A', '', 'mot-cua'),
);
const party = fc.record(
  { unitId: text, unitName: text, officerId: text, officerName: text },
  { requiredKeys: ['unitId'] },
);

describe('hashSlipRow', () => {
  it('hashes every row byte-identically to the first fixed-order implementation (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            seq: fc.nat(),
            kind: text,
            from: party,
            to: party,
            at: text,
            stepId: text,
            due: text,
            result: text,
            note: text,
            prevHash: fc.oneof(fc.constant(GENESIS_HASH), fc.stringMatching(/^[0-9a-f]{64}$/)),
          },
          { requiredKeys: ['seq', 'kind', 'from', 'to', 'at', 'prevHash'] },
        ),
        (row) => {
          const r = row as unknown as Omit<SlipRow, 'hash'>;
          expect(hashSlipRow(r)).toBe(referenceHash(r));
        },
      ),
      { numRuns: laneCount(3000, 300) },
    );
  });

  it('hashes a frozen (shared) party as a fresh copy of it, also once its text is remembered', () => {
    const anyParty = fc.record(
      { unitId: text, unitName: text, officerId: text, officerName: text, extra: text },
      { requiredKeys: ['unitId'] },
    );
    fc.assert(
      fc.property(
        fc.record({ seq: fc.nat(), kind: text, from: anyParty, to: anyParty, at: text, note: text }),
        (base) => {
          const row = { ...base, prevHash: GENESIS_HASH } as unknown as Omit<SlipRow, 'hash'>;
          const fresh = { ...row, from: { ...row.from }, to: { ...row.to } };
          const shared = Object.freeze({ ...row.from });
          const frozen = { ...row, from: shared, to: shared };
          const twin = { ...row, from: { ...row.from }, to: { ...row.from } };
          expect(hashSlipRow(frozen)).toBe(hashSlipRow(twin));
          expect(hashSlipRow(frozen)).toBe(hashSlipRow(twin));
          if (!('extra' in row.from) && !('extra' in row.to))
            expect(hashSlipRow(fresh)).toBe(referenceHash(fresh));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps the stored hash of a known row', () => {
    const party = {
      unitId: 'mot-cua',
      unitName: 'Bộ phận một cửa',
      officerId: 'o-1',
      officerName: 'Nguyễn "A"\n',
    };
    const row = {
      seq: 1,
      kind: 'RECEIVE',
      from: party,
      to: party,
      at: '2026-03-02T02:30:00.000Z',
      due: '2026-03-05T02:30:00.000Z',
      note: '',
      prevHash: GENESIS_HASH,
    } as unknown as Omit<SlipRow, 'hash'>;
    expect(hashSlipRow(row)).toBe(GOLDEN);
  });
});

const GOLDEN = '74a9f646f8532da9db61bc47465ebdf62aab936d0cf21f98dbb2ef238c9d0f9b';
