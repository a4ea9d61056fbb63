/**
 * Late dossiers: the once-only apology with a new date (Form 04, Decree 61 art. 19(9)) and whether
 * it came at the latest one working day before the due time; the outcome still classified against
 * the legal due time; MARK_OVERDUE by the engine only after the legal due time; lateness attributed
 * to the unit that held the dossier when it went late.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  thrown,
  utc,
} from '../../test-support/dossier-harness.js';
import { PermissionError, TransitionError } from '../errors/dossier-errors.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSnapshot } from './define-procedure.js';

const p = residenceProcedure();
const { desk, police, leader, system } = officers;

/** Received Mon 02/03/2026 09:00 (legal due Wed 11/03 17:00); with the police from 10:00. */
const atAppraise = () =>
  p.apply(p.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), {
    type: 'HAND_OVER',
    at: '2026-03-02T10:00:00+07:00',
    actor: desk,
  });
const LEGAL = utc('2026-03-11T17:00:00+07:00');

const apology = (at: string, extra: Partial<Extract<DossierEventInput, { type: 'APOLOGIZE' }>> = {}) =>
  ({
    type: 'APOLOGIZE',
    at,
    actor: leader,
    reason: 'Chờ kết quả xác minh nơi cư trú',
    newDue: '2026-03-13T17:00:00+07:00',
    ...extra,
  }) as const;

/** The rest of the process after the appraisal, at the given instants, and the return. */
const finish = (
  appraised: string,
  approved: string,
  updated: string,
  returned: string,
): DossierEventInput[] => [
  { type: 'HAND_OVER', at: appraised, actor: police },
  { type: 'HAND_OVER', at: approved, actor: leader },
  { type: 'HAND_OVER', at: updated, actor: police },
  { type: 'RETURN_RESULT', at: returned, actor: desk },
];

describe('the apology (Form 04)', () => {
  it('records the Form 04 data and moves the due time in force, not the legal one', () => {
    const s = p.apply(atAppraise(), apology('2026-03-10T10:00:00+07:00'));
    expect(s.value).toEqual({ processing: 'appraise' });
    expect(s.context.apology).toEqual({
      at: utc('2026-03-10T10:00:00+07:00'),
      by: leader,
      causedBy: 'police',
      reason: 'Chờ kết quả xác minh nơi cư trú',
      previousDue: LEGAL,
      newDue: utc('2026-03-13T17:00:00+07:00'),
      noticeInTime: true,
    });
    expect(s.context.due).toEqual({ legal: LEGAL, current: utc('2026-03-13T17:00:00+07:00'), service: null });
  });

  it.each([
    ['a week before', '2026-03-04T09:00:00+07:00', true],
    ['exactly one working day before (Tue 17:00 for Wed 17:00)', '2026-03-10T17:00:00+07:00', true],
    ['on the due day', '2026-03-11T07:30:00+07:00', false],
    ['an hour before', '2026-03-11T16:00:00+07:00', false],
    ['after the due time', '2026-03-12T09:00:00+07:00', false],
  ] as const)('noticeInTime %s → %s', (_label, at, inTime) => {
    const s = p.apply(atAppraise(), apology(at, { newDue: '2026-03-20T17:00:00+07:00' }));
    expect(s.context.apology?.noticeInTime).toBe(inTime);
  });

  it('names the unit that caused the delay when given, else the holder', () => {
    const s = p.apply(atAppraise(), apology('2026-03-10T10:00:00+07:00', { causedBy: 'leader' }));
    expect(s.context.apology?.causedBy).toBe('leader');
    const byHolder = p.apply(atAppraise(), apology('2026-03-10T10:00:00+07:00', { actor: police }));
    expect(byHolder.context.apology).toMatchObject({ by: police, causedBy: 'police' });
  });

  it('a unit neither holding the dossier nor with the role may not apologise', () => {
    const error = thrown(() => p.apply(atAppraise(), apology('2026-03-10T10:00:00+07:00', { actor: desk })));
    expect(error).toBeInstanceOf(PermissionError);
  });

  it('a second apology is refused: the due date is re-set at most once', () => {
    const s = p.apply(atAppraise(), apology('2026-03-10T10:00:00+07:00'));
    const error = thrown(() =>
      p.apply(s, apology('2026-03-12T10:00:00+07:00', { newDue: '2026-03-20T17:00:00+07:00' })),
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as Error).message).toContain('only once');
    expect(s.context.apology?.newDue).toBe(utc('2026-03-13T17:00:00+07:00'));
  });

  it('the new date must be after the due time in force', () => {
    for (const newDue of ['2026-03-11T17:00:00+07:00', '2026-03-10T17:00:00+07:00']) {
      const error = thrown(() => p.apply(atAppraise(), apology('2026-03-09T10:00:00+07:00', { newDue })));
      expect(error).toBeInstanceOf(TransitionError);
    }
  });

  it('works while the result waits at the desk; not while the applicant supplements', () => {
    const ready = applyAll(p, atAppraise(), [
      { type: 'HAND_OVER', at: '2026-03-09T10:00:00+07:00', actor: police },
      { type: 'HAND_OVER', at: '2026-03-10T10:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-10T15:00:00+07:00', actor: police },
    ]);
    expect(ready.value).toBe('resultReady');
    expect(p.apply(ready, apology('2026-03-10T16:00:00+07:00')).context.apology?.causedBy).toBe('desk');
    const supplementing = p.apply(atAppraise(), {
      type: 'REQUEST_SUPPLEMENT',
      at: '2026-03-03T09:00:00+07:00',
      actor: police,
      items: [{ name: 'Giấy tờ chỗ ở hợp pháp' }],
      reason: 'Thiếu giấy tờ',
    });
    expect(thrown(() => p.apply(supplementing, apology('2026-03-03T10:00:00+07:00')))).toBeInstanceOf(
      TransitionError,
    );
  });

  it('the outcome is still LATE against the legal due time, even within the new date', () => {
    const s = applyAll(p, atAppraise(), [
      apology('2026-03-10T10:00:00+07:00'),
      ...finish(
        '2026-03-12T09:00:00+07:00',
        '2026-03-12T10:00:00+07:00',
        '2026-03-12T14:00:00+07:00',
        '2026-03-13T09:00:00+07:00',
      ),
    ]);
    expect(s.context.due.current).toBe(utc('2026-03-13T17:00:00+07:00'));
    expect(s.context.outcome).toMatchObject({ kind: 'returned', result: 'LATE', lateUnit: 'police' });
    const last = s.context.slip[s.context.slip.length - 1]!;
    expect(last).toMatchObject({ kind: 'result-returned', due: LEGAL, result: 'LATE' });
  });
});

describe('MARK_OVERDUE', () => {
  it('only after the legal due time', () => {
    const s = atAppraise();
    for (const at of ['2026-03-10T10:00:00+07:00', '2026-03-11T17:00:00+07:00']) {
      const error = thrown(() => p.apply(s, { type: 'MARK_OVERDUE', at, actor: system }));
      expect(error).toBeInstanceOf(TransitionError);
      expect((error as Error).message).toContain('not past its due time yet');
    }
    const late = p.apply(s, { type: 'MARK_OVERDUE', at: '2026-03-11T17:01:00+07:00', actor: system });
    expect(late.context.overdue).toEqual({ at: LEGAL, unit: 'police' });
    expect(late.value).toEqual({ processing: 'appraise' });
    expect(late.context.slip).toEqual(s.context.slip);
  });

  it('once, and only by a system actor', () => {
    const s = p.apply(atAppraise(), { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: system });
    expect(
      thrown(() => p.apply(s, { type: 'MARK_OVERDUE', at: '2026-03-12T09:00:00+07:00', actor: system })),
    ).toBeInstanceOf(TransitionError);
    const officer = { ...leader, roles: ['agency-head', 'admin'] };
    expect(
      thrown(() =>
        p.apply(atAppraise(), { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: officer }),
      ),
    ).toBeInstanceOf(PermissionError);
  });

  it('counts against the legal due time even after an apology moved the date', () => {
    const s = p.apply(atAppraise(), apology('2026-03-10T10:00:00+07:00'));
    const late = p.apply(s, { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: system });
    expect(late.context.overdue).toEqual({ at: LEGAL, unit: 'police' });
  });
});

describe('lateness is attributed to the unit holding the dossier when it went late', () => {
  it('the leader held it at the due time: lateUnit leader, overdue.unit leader', () => {
    let s: DossierSnapshot = p.apply(atAppraise(), {
      type: 'HAND_OVER',
      at: '2026-03-06T09:00:00+07:00',
      actor: police,
    });
    s = p.apply(s, { type: 'MARK_OVERDUE', at: '2026-03-12T07:30:00+07:00', actor: system });
    expect(s.context.overdue).toEqual({ at: LEGAL, unit: 'leader' });
    s = applyAll(p, s, [
      { type: 'HAND_OVER', at: '2026-03-12T09:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-12T10:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-03-12T11:00:00+07:00', actor: desk },
    ]);
    expect(s.context.outcome).toMatchObject({ result: 'LATE', lateUnit: 'leader' });
  });

  it('without a mark, the holder at the legal due time; a handover at that very minute was in time', () => {
    const s = applyAll(p, atAppraise(), [
      { type: 'HAND_OVER', at: '2026-03-09T09:00:00+07:00', actor: police },
      { type: 'HAND_OVER', at: '2026-03-11T17:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-12T09:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-03-12T10:00:00+07:00', actor: desk },
    ]);
    expect(s.context.outcome).toMatchObject({ result: 'LATE', lateUnit: 'police' });
  });

  it('the result waiting at the desk: the desk', () => {
    const s = applyAll(
      p,
      atAppraise(),
      finish(
        '2026-03-04T09:00:00+07:00',
        '2026-03-04T10:00:00+07:00',
        '2026-03-05T10:00:00+07:00',
        '2026-03-16T10:00:00+07:00',
      ),
    );
    expect(s.context.outcome).toMatchObject({ result: 'LATE', lateUnit: 'desk' });
  });
});
