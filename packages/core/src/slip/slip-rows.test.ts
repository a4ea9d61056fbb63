/**
 * The control slip (Form 05/06, phiếu kiểm soát) written by a real lifecycle: one row per handover
 * with giver unit and officer, receiver, time, the closed step's due time and result, chained and
 * verified.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  utc,
} from '../../test-support/dossier-harness.js';
import { SlipRowSchema } from '../model/slip-row.js';
import type { DossierSnapshot } from '../procedure/define-procedure.js';
import { GENESIS_HASH, verifySlip } from './hash-chain.js';

const p = residenceProcedure();
const { desk, police, leader } = officers;

/** A full lifecycle with a supplementation and a send-back: 10 rows. */
function lifecycle(): DossierSnapshot {
  return applyAll(p, p.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), [
    {
      type: 'HAND_OVER',
      at: '2026-03-02T10:00:00+07:00',
      actor: desk,
      receiver: { officerId: 'police-1', name: 'Trần Thị Bình' },
    },
    {
      type: 'REQUEST_SUPPLEMENT',
      at: '2026-03-03T10:00:00+07:00',
      actor: police,
      items: [{ name: 'CT01' }],
      reason: 'Thiếu CT01',
    },
    { type: 'SUPPLEMENT_RECEIVED', at: '2026-03-04T09:00:00+07:00', actor: desk, note: 'Đã nhận CT01' },
    { type: 'HAND_OVER', at: '2026-03-05T10:00:00+07:00', actor: police, note: 'Đủ điều kiện' },
    {
      type: 'SEND_BACK',
      at: '2026-03-05T14:00:00+07:00',
      actor: leader,
      toStep: 'appraise',
      reason: 'Xác minh nhân khẩu',
    },
    { type: 'HAND_OVER', at: '2026-03-06T10:00:00+07:00', actor: police },
    { type: 'HAND_OVER', at: '2026-03-09T10:00:00+07:00', actor: leader },
    { type: 'HAND_OVER', at: '2026-03-10T10:00:00+07:00', actor: police },
    { type: 'RETURN_RESULT', at: '2026-03-11T09:00:00+07:00', actor: desk },
  ]);
}

const deskParty = {
  unitId: 'desk',
  unitName: 'Bộ phận một cửa',
  officerId: 'desk-1',
  officerName: 'Nguyễn Văn An',
};
const policeParty = {
  unitId: 'police',
  unitName: 'Cán bộ đăng ký cư trú',
  officerId: 'police-1',
  officerName: 'Trần Thị Bình',
};
const leaderParty = {
  unitId: 'leader',
  unitName: 'Lãnh đạo Công an xã',
  officerId: 'leader-1',
  officerName: 'Lê Văn Cường',
};
const unit = (id: string, name: string) => ({ unitId: id, unitName: name });

describe('rows written by the lifecycle', () => {
  it('one row per handover: giver, receiver, time, step due and result, note', () => {
    const slip = lifecycle().context.slip;
    const rows = slip.map(({ prevHash: _p, hash: _h, ...row }) => row);
    expect(rows).toEqual([
      {
        seq: 1,
        kind: 'handover',
        from: deskParty,
        to: policeParty,
        at: utc('2026-03-02T10:00:00+07:00'),
        stepId: 'receive',
        due: utc('2026-03-02T14:30:00+07:00'),
        result: 'ON_TIME',
        note: '',
      },
      {
        seq: 2,
        kind: 'supplement-request',
        from: policeParty,
        to: unit('applicant', 'Tổ chức, cá nhân'),
        at: utc('2026-03-03T10:00:00+07:00'),
        note: 'Yêu cầu bổ sung: Thiếu CT01',
      },
      {
        seq: 3,
        kind: 'supplement-received',
        from: unit('applicant', 'Tổ chức, cá nhân'),
        to: deskParty,
        at: utc('2026-03-04T09:00:00+07:00'),
        note: 'Đã nhận CT01',
      },
      {
        seq: 4,
        kind: 'handover',
        from: deskParty,
        to: unit('police', 'Cán bộ đăng ký cư trú'),
        at: utc('2026-03-04T09:00:00+07:00'),
        note: 'Chuyển hồ sơ đã bổ sung',
      },
      {
        // appraise restarted on Wed 04/03 09:00: 32 h = 6.5 Wed + 8 Thu + 8 Fri + 8 Mon + 1.5 Tue
        // → Tue 10/03 09:00.
        seq: 5,
        kind: 'handover',
        from: policeParty,
        to: unit('leader', 'Lãnh đạo Công an xã'),
        at: utc('2026-03-05T10:00:00+07:00'),
        stepId: 'appraise',
        due: utc('2026-03-10T09:00:00+07:00'),
        result: 'EARLY',
        note: 'Đủ điều kiện',
      },
      {
        // approve: 8 h from Thu 05/03 10:00 → Fri 06/03 10:00.
        seq: 6,
        kind: 'sent-back',
        from: leaderParty,
        to: unit('police', 'Cán bộ đăng ký cư trú'),
        at: utc('2026-03-05T14:00:00+07:00'),
        stepId: 'approve',
        due: utc('2026-03-06T10:00:00+07:00'),
        result: 'EARLY',
        note: 'Xác minh nhân khẩu',
      },
      {
        // appraise again: 32 h from Thu 05/03 14:00 → 3 + 8 + 8 + 8 + 5 → Wed 11/03 14:00.
        seq: 7,
        kind: 'handover',
        from: policeParty,
        to: unit('leader', 'Lãnh đạo Công an xã'),
        at: utc('2026-03-06T10:00:00+07:00'),
        stepId: 'appraise',
        due: utc('2026-03-11T14:00:00+07:00'),
        result: 'EARLY',
        note: '',
      },
      {
        // approve: 8 h from Fri 06/03 10:00 → Mon 09/03 10:00; handed over at that minute.
        seq: 8,
        kind: 'handover',
        from: leaderParty,
        to: unit('police', 'Cán bộ đăng ký cư trú'),
        at: utc('2026-03-09T10:00:00+07:00'),
        stepId: 'approve',
        due: utc('2026-03-09T10:00:00+07:00'),
        result: 'ON_TIME',
        note: '',
      },
      {
        // update: 8 h from Mon 09/03 10:00 → Tue 10/03 10:00. The last block returns it to the desk.
        seq: 9,
        kind: 'handover',
        from: policeParty,
        to: unit('desk', 'Bộ phận một cửa'),
        at: utc('2026-03-10T10:00:00+07:00'),
        stepId: 'update',
        due: utc('2026-03-10T10:00:00+07:00'),
        result: 'ON_TIME',
        note: '',
      },
      {
        // Legal due: 7 working days after Wed 04/03 (restart) → Fri 13/03 17:00.
        seq: 10,
        kind: 'result-returned',
        from: deskParty,
        to: unit('applicant', 'Tổ chức, cá nhân'),
        at: utc('2026-03-11T09:00:00+07:00'),
        due: utc('2026-03-13T17:00:00+07:00'),
        result: 'EARLY',
        note: 'Trả kết quả',
      },
    ]);
    for (const row of slip) expect(SlipRowSchema.parse(row)).toEqual(row);
  });

  it('rows are chained from the genesis hash and verify', () => {
    const slip = lifecycle().context.slip;
    expect(slip[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < slip.length; i++) expect(slip[i]!.prevHash).toBe(slip[i - 1]!.hash);
    for (const row of slip) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySlip(slip)).toEqual({ ok: true, rows: 10 });
    expect(verifySlip([])).toEqual({ ok: true, rows: 0 });
  });
});
