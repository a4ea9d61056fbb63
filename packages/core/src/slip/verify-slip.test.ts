/**
 * `verifySlip` on the control slip of a real lifecycle: ok as written, and reporting the first
 * broken row after a row's note, time, result or party is edited, a row is removed, rows are
 * swapped, a hash is changed, or an edited row is re-hashed.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  utc,
} from '../../test-support/dossier-harness.js';
import type { SlipRow } from '../model/slip-row.js';
import { GENESIS_HASH, hashSlipRow, verifySlip } from './hash-chain.js';

const p = residenceProcedure();
const { desk, police, leader } = officers;

/** The slip of a lifecycle with a supplementation and a send-back: 10 rows. */
function lifecycleSlip(): SlipRow[] {
  const s = applyAll(p, p.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), [
    { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
    {
      type: 'REQUEST_SUPPLEMENT',
      at: '2026-03-03T10:00:00+07:00',
      actor: police,
      items: [{ name: 'CT01' }],
      reason: 'Thiếu CT01',
    },
    { type: 'SUPPLEMENT_RECEIVED', at: '2026-03-04T09:00:00+07:00', actor: desk },
    { type: 'HAND_OVER', at: '2026-03-05T10:00:00+07:00', actor: police, note: 'Đủ điều kiện' },
    {
      type: 'SEND_BACK',
      at: '2026-03-05T14:00:00+07:00',
      actor: leader,
      toStep: 'appraise',
      reason: 'Xác minh',
    },
    { type: 'HAND_OVER', at: '2026-03-06T10:00:00+07:00', actor: police },
    { type: 'HAND_OVER', at: '2026-03-09T10:00:00+07:00', actor: leader },
    { type: 'HAND_OVER', at: '2026-03-10T10:00:00+07:00', actor: police },
    { type: 'RETURN_RESULT', at: '2026-03-11T09:00:00+07:00', actor: desk },
  ]);
  expect(s.context.slip).toHaveLength(10);
  return structuredClone(s.context.slip) as SlipRow[];
}

it('a real lifecycle verifies', () => {
  expect(verifySlip(lifecycleSlip())).toEqual({ ok: true, rows: 10 });
});

describe('verifySlip reports the first broken row', () => {
  const slip = lifecycleSlip;
  const broken = (rows: SlipRow[]) => {
    const v = verifySlip(rows);
    expect(v.ok).toBe(false);
    return v as Extract<ReturnType<typeof verifySlip>, { ok: false }>;
  };

  it('a note edited', () => {
    const rows = slip();
    rows[4] = { ...rows[4]!, note: 'Đủ điều kiện (sửa)' };
    expect(broken(rows)).toEqual({ ok: false, firstBrokenRow: 5, reason: 'content does not match its hash' });
  });

  it('a time edited', () => {
    const rows = slip();
    rows[6] = { ...rows[6]!, at: utc('2026-03-06T09:00:00+07:00') };
    expect(broken(rows)).toMatchObject({ firstBrokenRow: 7, reason: 'content does not match its hash' });
  });

  it('a result, a party or a due time edited', () => {
    const a = slip();
    a[7] = { ...a[7]!, result: 'EARLY' };
    expect(broken(a).firstBrokenRow).toBe(8);
    const b = slip();
    b[0] = { ...b[0]!, from: { ...b[0]!.from, officerId: 'desk-2' } };
    expect(broken(b).firstBrokenRow).toBe(1);
    const c = slip();
    c[8] = { ...c[8]!, due: utc('2026-03-12T10:00:00+07:00') };
    expect(broken(c).firstBrokenRow).toBe(9);
  });

  it('a field added to a row', () => {
    const rows = slip();
    rows[2] = { ...rows[2]!, extra: 'x' } as SlipRow;
    expect(broken(rows).firstBrokenRow).toBe(3);
  });

  it('a row removed', () => {
    const rows = slip();
    rows.splice(3, 1);
    expect(broken(rows)).toMatchObject({ firstBrokenRow: 4, reason: 'row numbered 5' });
  });

  it('the last row removed is not detectable by the chain alone, the count tells', () => {
    const rows = slip().slice(0, -1);
    expect(verifySlip(rows)).toEqual({ ok: true, rows: 9 });
  });

  it('rows swapped', () => {
    const rows = slip();
    [rows[5], rows[6]] = [rows[6]!, rows[5]!];
    expect(broken(rows).firstBrokenRow).toBe(6);
  });

  it('rows swapped and renumbered', () => {
    const rows = slip();
    [rows[5], rows[6]] = [
      { ...rows[6]!, seq: 6 },
      { ...rows[5]!, seq: 7 },
    ];
    expect(broken(rows)).toMatchObject({ firstBrokenRow: 6, reason: 'not chained to the previous row' });
  });

  it('a hash changed', () => {
    const rows = slip();
    rows[2] = { ...rows[2]!, hash: 'f'.repeat(64) };
    expect(broken(rows)).toMatchObject({ firstBrokenRow: 3, reason: 'content does not match its hash' });
  });

  it('an edited row re-hashed breaks the chain at the next row', () => {
    const rows = slip();
    const { hash: _h, ...content } = { ...rows[4]!, note: 'sửa' };
    rows[4] = { ...content, hash: hashSlipRow(content) };
    expect(broken(rows)).toMatchObject({ firstBrokenRow: 6, reason: 'not chained to the previous row' });
  });

  it('a re-chained slip with a row out of time order', () => {
    const rows = slip();
    const rebuilt: SlipRow[] = [];
    for (const [i, row] of rows.entries()) {
      const at = i === 3 ? utc('2026-03-01T09:00:00+07:00') : row.at;
      const { hash: _h, ...content } = { ...row, at, prevHash: rebuilt[i - 1]?.hash ?? GENESIS_HASH };
      rebuilt.push({ ...content, hash: hashSlipRow(content) });
    }
    expect(broken(rebuilt)).toMatchObject({ firstBrokenRow: 4, reason: 'earlier than the previous row' });
  });
});
