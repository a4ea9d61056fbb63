/**
 * Supplementation during processing (Form 02; Decree 61 art. 19(4)): the clock stops; `restart`
 * counts the legal time limit again from the complete dossier, `resume` shifts every due time by
 * the working time the clock was stopped; `maxRequests`; `responseLimit` and EXPIRE. Expected
 * instants were counted by hand (sessions 07:30–11:30, 13:00–17:00).
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
import type { ActorInput } from '../model/actor.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSnapshot, Procedure } from './define-procedure.js';

const { desk, police, leader, system } = officers;
const restart = residenceProcedure(); // clock: 'restart', maxRequests: 1
const resume = residenceVariant({
  serviceTarget: { workingDays: 5 },
  supplementation: { clock: 'resume', maxRequests: 2, responseLimit: { workingDays: 5 } },
});

/** Received Mon 02/03/2026 09:00 (legal due Wed 11/03 17:00); police from 10:00 (appraise due Fri 06/03 10:00). */
const atAppraise = (p: Procedure) =>
  p.apply(p.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), {
    type: 'HAND_OVER',
    at: '2026-03-02T10:00:00+07:00',
    actor: desk,
  });

const request = (at: string, actor: ActorInput = police): DossierEventInput => ({
  type: 'REQUEST_SUPPLEMENT',
  at,
  actor,
  items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', note: 'bản sao có chứng thực' }],
  reason: 'Thiếu giấy tờ chứng minh chỗ ở hợp pháp',
});
const received = (at: string, actor: ActorInput = desk): DossierEventInput => ({
  type: 'SUPPLEMENT_RECEIVED',
  at,
  actor,
});

describe('the request stops the clock', () => {
  it('moves to supplementing, keeps the time left, the desk holds the dossier', () => {
    const s = restart.apply(atAppraise(restart), request('2026-03-04T10:00:00+07:00'));
    expect(s.value).toBe('supplementing');
    expect(s.context.holder).toBe('desk');
    // Left to Wed 11/03 17:00 from Wed 04/03 10:00: 5.5 h + 5 × 8 h = 45.5 h.
    expect(s.context.pause).toEqual({ since: utc('2026-03-04T10:00:00+07:00'), remainingMinutes: 2730 });
    // Left of the step, to Fri 06/03 10:00: 5.5 + 8 + 2.5 = 16 h; the step stays open.
    expect(s.context.steps[1]).toMatchObject({ stepId: 'appraise', endedAt: null, remainingMinutes: 960 });
    expect(s.context.supplements).toEqual([
      {
        requestedAt: utc('2026-03-04T10:00:00+07:00'),
        requestedBy: police,
        items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', note: 'bản sao có chứng thực' }],
        reason: 'Thiếu giấy tờ chứng minh chỗ ở hợp pháp',
        respondBy: null,
        receivedAt: null,
      },
    ]);
    expect(s.context.slip.at(-1)).toMatchObject({
      kind: 'supplement-request',
      from: { unitId: 'police', officerId: 'police-1' },
      to: { unitId: 'applicant' },
      note: 'Yêu cầu bổ sung: Thiếu giấy tờ chứng minh chỗ ở hợp pháp',
    });
  });

  it('only the holder or the desk may ask; only the desk receives the supplement', () => {
    expect(
      thrown(() => restart.apply(atAppraise(restart), request('2026-03-04T10:00:00+07:00', leader))),
    ).toBeInstanceOf(PermissionError);
    const byDesk = restart.apply(atAppraise(restart), request('2026-03-04T10:00:00+07:00', desk));
    expect(byDesk.value).toBe('supplementing');
    expect(thrown(() => restart.apply(byDesk, received('2026-03-05T10:00:00+07:00', police)))).toBeInstanceOf(
      PermissionError,
    );
  });
});

describe("clock: 'restart'", () => {
  it('counts the legal time limit and the step budget again from the complete dossier', () => {
    const s = applyAll(restart, atAppraise(restart), [
      request('2026-03-04T10:00:00+07:00'),
      received('2026-03-10T09:00:00+07:00'),
    ]);
    expect(s.value).toEqual({ processing: 'appraise' });
    // 7 working days after Tue 10/03: 11, 12, 13, 16, 17, 18, Thu 19/03 → 17:00.
    expect(s.context.due).toEqual({
      legal: utc('2026-03-19T17:00:00+07:00'),
      current: utc('2026-03-19T17:00:00+07:00'),
      service: null,
    });
    // appraise 32 h from Tue 10/03 09:00: 6.5 h Tue, 8 Wed, 8 Thu, 8 Fri (30.5), 1.5 h Mon 16/03 → 09:00.
    expect(s.context.steps[1]).toMatchObject({
      stepId: 'appraise',
      due: utc('2026-03-16T09:00:00+07:00'),
      endedAt: null,
      remainingMinutes: null,
    });
    expect(s.context.pause).toBeNull();
    expect(s.context.holder).toBe('police');
    expect(s.context.supplements[0]!.receivedAt).toBe(utc('2026-03-10T09:00:00+07:00'));
    expect(s.context.slip.map((r) => [r.kind, r.from.unitId, r.to.unitId])).toEqual([
      ['handover', 'desk', 'police'],
      ['supplement-request', 'police', 'applicant'],
      ['supplement-received', 'applicant', 'desk'],
      ['handover', 'desk', 'police'],
    ]);
  });

  it('never moves the due time in force earlier (an apology date later than the restarted limit is kept)', () => {
    const s = applyAll(restart, atAppraise(restart), [
      {
        type: 'APOLOGIZE',
        at: '2026-03-03T09:00:00+07:00',
        actor: leader,
        reason: 'Chờ xác minh',
        newDue: '2026-03-20T17:00:00+07:00',
      },
      request('2026-03-04T10:00:00+07:00'),
      received('2026-03-10T09:00:00+07:00'),
    ]);
    expect(s.context.due.legal).toBe(utc('2026-03-19T17:00:00+07:00'));
    expect(s.context.due.current).toBe(utc('2026-03-20T17:00:00+07:00'));
  });

  it('a request from the desk step returns there, with no extra handover', () => {
    const s = applyAll(restart, restart.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), [
      request('2026-03-02T10:00:00+07:00', desk),
      received('2026-03-03T08:00:00+07:00'),
    ]);
    expect(s.value).toEqual({ processing: 'receive' });
    // receive step: 4 h again from Tue 08:00: 3.5 h to 11:30, then 13:00 + 0.5 h → 13:30.
    expect(s.context.steps[0]!.due).toBe(utc('2026-03-03T13:30:00+07:00'));
    expect(s.context.slip.map((r) => r.kind)).toEqual(['supplement-request', 'supplement-received']);
  });

  it('maxRequests: the second request is refused', () => {
    const s = applyAll(restart, atAppraise(restart), [
      request('2026-03-04T10:00:00+07:00'),
      received('2026-03-05T10:00:00+07:00'),
    ]);
    const error = thrown(() => restart.apply(s, request('2026-03-06T10:00:00+07:00')));
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as Error).message).toContain('allows 1 supplementation request(s), all used');
    const none = residenceVariant({ supplementation: { clock: 'restart', maxRequests: 0 } });
    expect(thrown(() => none.apply(atAppraise(none), request('2026-03-04T10:00:00+07:00')))).toBeInstanceOf(
      TransitionError,
    );
  });

  it('an overdue mark no longer stands once the time limit restarts', () => {
    let s: DossierSnapshot = applyAll(restart, atAppraise(restart), [
      { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: system },
      request('2026-03-12T09:00:00+07:00'),
      received('2026-03-13T09:00:00+07:00'),
    ]);
    // 7 working days after Fri 13/03: 16, 17, 18, 19, 20, 23, Tue 24/03 → 17:00.
    expect(s.context.due.legal).toBe(utc('2026-03-24T17:00:00+07:00'));
    expect(s.context.overdue).toBeNull();
    s = applyAll(restart, s, [
      { type: 'HAND_OVER', at: '2026-03-16T09:00:00+07:00', actor: police },
      { type: 'MARK_OVERDUE', at: '2026-03-25T08:00:00+07:00', actor: system },
      { type: 'HAND_OVER', at: '2026-03-25T09:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-25T10:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-03-25T11:00:00+07:00', actor: desk },
    ]);
    expect(s.context.overdue).toEqual({ at: utc('2026-03-24T17:00:00+07:00'), unit: 'leader' });
    expect(s.context.outcome).toMatchObject({ result: 'LATE', lateUnit: 'leader' });
  });
});

describe("clock: 'resume'", () => {
  it('shifts every due time by the working time the clock was stopped', () => {
    let s = resume.apply(atAppraise(resume), request('2026-03-04T10:00:00+07:00'));
    // 5 working days after Wed 04/03: 05, 06, 09, 10, Wed 11/03 → 17:00.
    expect(s.context.supplements[0]!.respondBy).toBe(utc('2026-03-11T17:00:00+07:00'));
    // Service target: 5 working days after Mon 02/03 → Mon 09/03 17:00.
    expect(s.context.due.service).toBe(utc('2026-03-09T17:00:00+07:00'));
    s = resume.apply(s, received('2026-03-10T09:00:00+07:00'));
    // Stopped from Wed 04/03 10:00 to Tue 10/03 09:00: 5.5 h + 8 (Thu) + 8 (Fri) + 8 (Mon) + 1.5 h = 31 h.
    // Legal: Wed 11/03 17:00 + 31 h: 8 Thu, 8 Fri, 8 Mon, 7 h Tue 17/03 → 16:00.
    // Service: Mon 09/03 17:00 + 31 h: 8 Tue, 8 Wed, 8 Thu, 7 h Fri 13/03 → 16:00.
    expect(s.context.due).toEqual({
      legal: utc('2026-03-17T16:00:00+07:00'),
      current: utc('2026-03-17T16:00:00+07:00'),
      service: utc('2026-03-13T16:00:00+07:00'),
    });
    // Step: Fri 06/03 10:00 + 31 h: 5.5 Fri, 8 Mon, 8 Tue, 8 Wed (29.5), 1.5 h Thu 12/03 → 09:00
    // (the 16 h left at the request, from Tue 10/03 09:00: 6.5 + 8 + 1.5).
    expect(s.context.steps[1]!.due).toBe(utc('2026-03-12T09:00:00+07:00'));
    expect(s.value).toEqual({ processing: 'appraise' });

    // A second request (maxRequests 2): stopped Wed 11/03 10:00 → Thu 12/03 10:00 = 5.5 + 2.5 = 8 h.
    s = applyAll(resume, s, [request('2026-03-11T10:00:00+07:00'), received('2026-03-12T10:00:00+07:00')]);
    // Legal: Tue 17/03 16:00 + 8 h: 1 h Tue, 7 h Wed 18/03 → 16:00. Step: Thu 12/03 09:00 + 8 h → Fri 13/03 09:00.
    expect(s.context.due.legal).toBe(utc('2026-03-18T16:00:00+07:00'));
    expect(s.context.steps[1]!.due).toBe(utc('2026-03-13T09:00:00+07:00'));
    expect(s.context.supplements).toHaveLength(2);
    // A third is refused.
    expect(thrown(() => resume.apply(s, request('2026-03-13T10:00:00+07:00')))).toBeInstanceOf(
      TransitionError,
    );
  });

  it('shifts the apology date too', () => {
    const s = applyAll(resume, atAppraise(resume), [
      {
        type: 'APOLOGIZE',
        at: '2026-03-03T09:00:00+07:00',
        actor: leader,
        reason: 'Chờ xác minh',
        newDue: '2026-03-13T17:00:00+07:00',
      },
      request('2026-03-04T10:00:00+07:00'),
      received('2026-03-10T09:00:00+07:00'),
    ]);
    // Fri 13/03 17:00 + 31 h: 8 Mon, 8 Tue, 8 Wed, 7 h Thu 19/03 → 16:00.
    expect(s.context.due.current).toBe(utc('2026-03-19T16:00:00+07:00'));
    expect(s.context.due.legal).toBe(utc('2026-03-17T16:00:00+07:00'));
    expect(s.context.apology?.newDue).toBe(utc('2026-03-13T17:00:00+07:00'));
  });

  it('a supplement received the same working moment shifts nothing', () => {
    const before = atAppraise(resume);
    const s = applyAll(resume, before, [
      request('2026-03-06T17:00:00+07:00'),
      received('2026-03-09T07:30:00+07:00'),
    ]);
    expect(s.context.due).toEqual(before.context.due);
    expect(s.context.steps[1]!.due).toBe(before.context.steps[1]!.due);
  });
});

describe('responseLimit and EXPIRE', () => {
  const waiting = () => resume.apply(atAppraise(resume), request('2026-03-04T10:00:00+07:00'));

  it('closes the dossier only after the response limit, by the engine', () => {
    const s = waiting();
    for (const at of ['2026-03-10T10:00:00+07:00', '2026-03-11T17:00:00+07:00']) {
      const error = thrown(() => resume.apply(s, { type: 'EXPIRE', at, actor: system }));
      expect(error).toBeInstanceOf(TransitionError);
      expect((error as Error).message).toContain('the response limit has not passed');
    }
    expect(
      thrown(() => resume.apply(s, { type: 'EXPIRE', at: '2026-03-12T08:00:00+07:00', actor: desk })),
    ).toBeInstanceOf(PermissionError);
    const expired = resume.apply(s, { type: 'EXPIRE', at: '2026-03-12T08:00:00+07:00', actor: system });
    expect(expired.value).toBe('expired');
    expect(expired.status).toBe('done');
    expect(expired.context.outcome).toMatchObject({ kind: 'expired', result: null, lateUnit: null });
    expect(expired.context.pause).toBeNull();
    expect(expired.context.slip.at(-1)).toMatchObject({ kind: 'closed', note: 'Quá hạn bổ sung hồ sơ' });
  });

  it('is refused without a response limit, once supplemented, or outside supplementation', () => {
    const noLimit = restart.apply(atAppraise(restart), request('2026-03-04T10:00:00+07:00'));
    expect(noLimit.context.supplements[0]!.respondBy).toBeNull();
    expect(
      thrown(() =>
        restart.apply(noLimit, { type: 'EXPIRE', at: '2026-04-30T08:00:00+07:00', actor: system }),
      ),
    ).toBeInstanceOf(TransitionError);
    const back = resume.apply(waiting(), received('2026-03-05T10:00:00+07:00'));
    expect(
      thrown(() => resume.apply(back, { type: 'EXPIRE', at: '2026-03-20T08:00:00+07:00', actor: system })),
    ).toBeInstanceOf(TransitionError);
  });

  it('a refusal while the clock is stopped is classified at the moment it stopped', () => {
    // Asked on Wed 04/03 (before the legal due Wed 11/03 17:00 and the step due Fri 06/03 10:00);
    // the applicant never answers; the desk refuses on Fri 20/03. The weeks of waiting do not count:
    // the dossier cannot be marked overdue while paused, so closing it does not make it late.
    const s = restart.apply(atAppraise(restart), request('2026-03-04T10:00:00+07:00'));
    expect(
      thrown(() =>
        restart.apply(s, { type: 'MARK_OVERDUE', at: '2026-03-20T08:00:00+07:00', actor: system }),
      ),
    ).toBeInstanceOf(TransitionError);
    const refused = restart.apply(s, {
      type: 'REFUSE',
      at: '2026-03-20T09:00:00+07:00',
      actor: desk,
      reasons: ['Không bổ sung hồ sơ'],
    });
    expect(refused.context.outcome).toMatchObject({ kind: 'refused', result: 'EARLY', lateUnit: null });
    expect(refused.context.steps[1]).toMatchObject({
      stepId: 'appraise',
      endedAt: utc('2026-03-20T09:00:00+07:00'),
      result: 'EARLY',
    });
    expect(refused.context.slip.at(-1)).toMatchObject({ kind: 'closed', result: 'EARLY' });
  });

  it('the dossier may still be refused, withdrawn or stopped while waiting', () => {
    const s = waiting();
    expect(resume.apply(s, { type: 'WITHDRAW', at: '2026-03-05T09:00:00+07:00', actor: desk }).value).toBe(
      'withdrawn',
    );
    expect(resume.apply(s, { type: 'STOP', at: '2026-03-05T09:00:00+07:00', actor: desk }).value).toBe(
      'stopped',
    );
    const refused = resume.apply(s, {
      type: 'REFUSE',
      at: '2026-03-05T09:00:00+07:00',
      actor: desk,
      reasons: ['Không bổ sung đúng yêu cầu'],
    });
    expect(refused.context.outcome).toMatchObject({
      kind: 'refused',
      reasons: ['Không bổ sung đúng yêu cầu'],
    });
    expect(refused.context.pause).toBeNull();
  });
});
