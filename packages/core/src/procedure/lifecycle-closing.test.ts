/**
 * Moving back and ending early: SEND_BACK to an earlier step (never a later one), REFUSE with
 * reasons, WITHDRAW, and STOP (2025 rules only, and only before the decision was issued).
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  residenceVariant,
  thrown,
  utc,
} from '../../test-support/dossier-harness.js';
import { PermissionError, TransitionError } from '../errors/dossier-errors.js';
import type { DossierSnapshot, Procedure } from './define-procedure.js';

const p = residenceProcedure();
const { desk, police, leader } = officers;

/** Received Mon 02/03/2026 09:00 (legal due Wed 11/03 17:00), at the leader's approval from Wed 04/03 09:00. */
const atApprove = (procedure: Procedure = p): DossierSnapshot =>
  applyAll(procedure, procedure.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), [
    { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
    { type: 'HAND_OVER', at: '2026-03-04T09:00:00+07:00', actor: police },
  ]);

describe('SEND_BACK', () => {
  it('reopens an earlier step with a fresh budget and writes a sent-back row', () => {
    const s = p.apply(atApprove(), {
      type: 'SEND_BACK',
      at: '2026-03-04T14:00:00+07:00',
      actor: leader,
      toStep: 'appraise',
      reason: 'Cần xác minh thêm nhân khẩu',
    });
    expect(s.value).toEqual({ processing: 'appraise' });
    expect(s.context.holder).toBe('police');
    // approve (due Thu 05/03 09:00) closed early on Wed; appraise again: 32 h from Wed 14:00:
    // 3 h Wed, 8 Thu, 8 Fri, 8 Mon (27), 5 h Tue 10/03 → 14:00.
    expect(s.context.steps.slice(2)).toEqual([
      {
        stepId: 'approve',
        unit: 'leader',
        startedAt: utc('2026-03-04T09:00:00+07:00'),
        due: utc('2026-03-05T09:00:00+07:00'),
        endedAt: utc('2026-03-04T14:00:00+07:00'),
        result: 'EARLY',
        remainingMinutes: null,
      },
      {
        stepId: 'appraise',
        unit: 'police',
        startedAt: utc('2026-03-04T14:00:00+07:00'),
        due: utc('2026-03-10T14:00:00+07:00'),
        endedAt: null,
        result: null,
        remainingMinutes: null,
      },
    ]);
    expect(s.context.slip.at(-1)).toMatchObject({
      kind: 'sent-back',
      from: { unitId: 'leader', officerId: 'leader-1' },
      to: { unitId: 'police' },
      stepId: 'approve',
      result: 'EARLY',
      note: 'Cần xác minh thêm nhân khẩu',
    });
    // The legal due time does not move, nor does the decision count as issued.
    expect(s.context.due.legal).toBe(utc('2026-03-11T17:00:00+07:00'));
    expect(s.context.decisionIssued).toBe(false);
    // And the process goes on from there.
    const next = p.apply(s, { type: 'HAND_OVER', at: '2026-03-05T09:00:00+07:00', actor: police });
    expect(next.value).toEqual({ processing: 'approve' });
  });

  it('to the first step, at the desk', () => {
    const s = p.apply(atApprove(), {
      type: 'SEND_BACK',
      at: '2026-03-04T14:00:00+07:00',
      actor: leader,
      toStep: 'receive',
      reason: 'Hồ sơ tiếp nhận sai thủ tục',
    });
    expect(s.value).toEqual({ processing: 'receive' });
    expect(s.context.holder).toBe('desk');
  });

  it.each([
    ['a later step', 'update'],
    ['the current step', 'approve'],
    ['a step that does not exist', 'archive'],
  ])('to %s is refused', (_label, toStep) => {
    const s = atApprove();
    const error = thrown(() =>
      p.apply(s, { type: 'SEND_BACK', at: '2026-03-04T14:00:00+07:00', actor: leader, toStep, reason: 'x' }),
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect(s.value).toEqual({ processing: 'approve' });
  });

  it('only by the holder, and not from the first step', () => {
    expect(
      thrown(() =>
        p.apply(atApprove(), {
          type: 'SEND_BACK',
          at: '2026-03-04T14:00:00+07:00',
          actor: police,
          toStep: 'appraise',
          reason: 'x',
        }),
      ),
    ).toBeInstanceOf(PermissionError);
    const first = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    expect(
      thrown(() =>
        p.apply(first, {
          type: 'SEND_BACK',
          at: '2026-03-02T10:00:00+07:00',
          actor: desk,
          toStep: 'receive',
          reason: 'x',
        }),
      ),
    ).toBeInstanceOf(TransitionError);
  });
});

describe('REFUSE', () => {
  it('closes the dossier with every reason, classified against the legal due time', () => {
    const s = p.apply(atApprove(), {
      type: 'REFUSE',
      at: '2026-03-05T10:00:00+07:00',
      actor: leader,
      reasons: ['Chỗ ở không hợp pháp', 'Không được chủ hộ đồng ý'],
    });
    expect(s.value).toBe('refused');
    expect(s.status).toBe('done');
    expect(s.context.outcome).toEqual({
      kind: 'refused',
      at: utc('2026-03-05T10:00:00+07:00'),
      by: leader,
      result: 'EARLY',
      lateUnit: null,
      reasons: ['Chỗ ở không hợp pháp', 'Không được chủ hộ đồng ý'],
    });
    expect(s.context.steps.at(-1)).toMatchObject({
      stepId: 'approve',
      endedAt: utc('2026-03-05T10:00:00+07:00'),
    });
    expect(s.context.slip.at(-1)).toMatchObject({
      kind: 'closed',
      to: { unitId: 'applicant' },
      due: utc('2026-03-11T17:00:00+07:00'),
      result: 'EARLY',
      note: 'Từ chối: Chỗ ở không hợp pháp; Không được chủ hộ đồng ý',
    });
  });

  it('a refusal after the time limit is LATE', () => {
    const s = p.apply(atApprove(), {
      type: 'REFUSE',
      at: '2026-03-12T10:00:00+07:00',
      actor: leader,
      reasons: ['Không đủ điều kiện'],
    });
    expect(s.context.outcome).toMatchObject({ result: 'LATE', lateUnit: 'leader' });
  });

  it('by the holder or the desk only; reasons are required', () => {
    const s = atApprove();
    expect(
      p.apply(s, { type: 'REFUSE', at: '2026-03-05T10:00:00+07:00', actor: desk, reasons: ['x'] }).value,
    ).toBe('refused');
    expect(
      thrown(() =>
        p.apply(s, { type: 'REFUSE', at: '2026-03-05T10:00:00+07:00', actor: police, reasons: ['x'] }),
      ),
    ).toBeInstanceOf(PermissionError);
    expect(
      thrown(() =>
        p.apply(s, { type: 'REFUSE', at: '2026-03-05T10:00:00+07:00', actor: leader, reasons: [] }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('WITHDRAW', () => {
  it('the desk records the withdrawal; no timeliness class', () => {
    const s = p.apply(atApprove(), {
      type: 'WITHDRAW',
      at: '2026-03-12T10:00:00+07:00',
      actor: desk,
      reason: 'Công dân đề nghị rút hồ sơ',
    });
    expect(s.value).toBe('withdrawn');
    expect(s.context.outcome).toMatchObject({
      kind: 'withdrawn',
      result: null,
      lateUnit: null,
      reasons: ['Công dân đề nghị rút hồ sơ'],
    });
    expect(s.context.slip.at(-1)).toMatchObject({ kind: 'closed', note: 'Rút hồ sơ theo đề nghị' });
  });

  it('not from the result stage: the result is returned instead', () => {
    const ready = applyAll(p, atApprove(), [
      { type: 'HAND_OVER', at: '2026-03-04T10:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-04T11:00:00+07:00', actor: police },
    ]);
    expect(ready.value).toBe('resultReady');
    expect(
      thrown(() => p.apply(ready, { type: 'WITHDRAW', at: '2026-03-05T10:00:00+07:00', actor: desk })),
    ).toBeInstanceOf(TransitionError);
  });
});

describe('STOP (2025 rules)', () => {
  it('stops before the decision is issued', () => {
    const s = p.apply(atApprove(), {
      type: 'STOP',
      at: '2026-03-04T10:00:00+07:00',
      actor: desk,
      reason: 'Đề nghị dừng qua Cổng DVCQG',
    });
    expect(s.value).toBe('stopped');
    expect(s.context.outcome).toMatchObject({
      kind: 'stopped',
      result: null,
      reasons: ['Đề nghị dừng qua Cổng DVCQG'],
    });
    expect(s.context.slip.at(-1)).toMatchObject({ kind: 'closed', note: 'Dừng giải quyết theo đề nghị' });
  });

  it('is refused once the decision-issuing step completed', () => {
    const s = p.apply(atApprove(), { type: 'HAND_OVER', at: '2026-03-04T10:00:00+07:00', actor: leader });
    expect(s.context.decisionIssued).toBe(true);
    const error = thrown(() => p.apply(s, { type: 'STOP', at: '2026-03-04T11:00:00+07:00', actor: desk }));
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as Error).message).toContain('a decision has already been issued');
    // Also when the decision step is later sent back to: the decision stays issued.
    const back = p.apply(s, {
      type: 'SEND_BACK',
      at: '2026-03-04T11:00:00+07:00',
      actor: police,
      toStep: 'appraise',
      reason: 'Sửa thông tin',
    });
    expect(
      thrown(() => p.apply(back, { type: 'STOP', at: '2026-03-04T12:00:00+07:00', actor: desk })),
    ).toBeInstanceOf(TransitionError);
  });

  it('does not exist under the 2018 rules', () => {
    const old = residenceVariant({ regime: '2018', version: '2018.1' });
    const error = thrown(() =>
      old.apply(atApprove(old), { type: 'STOP', at: '2026-03-04T10:00:00+07:00', actor: desk }),
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as Error).message).toContain('2025 rules only');
  });

  it('only the desk records it', () => {
    expect(
      thrown(() => p.apply(atApprove(), { type: 'STOP', at: '2026-03-04T10:00:00+07:00', actor: leader })),
    ).toBeInstanceOf(PermissionError);
  });
});
