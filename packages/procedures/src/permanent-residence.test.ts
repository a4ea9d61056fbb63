import { TransitionError, ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEngine, officer, runLifecycle, vn } from '../test-support/catalogue-engine.js';
import { PERMANENT_RESIDENCE_CODE, permanentResidence } from './permanent-residence.js';
import { samplePermanentResidence } from './samples.js';

describe('permanent residence registration (đăng ký thường trú)', () => {
  it('defines both regimes: 7 working days, 6.5 days of steps', () => {
    for (const p of [permanentResidence.version('2018.1'), permanentResidence.version('2025.1')]) {
      expect(p.definition.timeLimit).toEqual({ workingDays: 7 });
      const days = p.definition.steps.reduce(
        (n, s) => n + ('workingHours' in s.budget ? s.budget.workingHours / 8 : s.budget.workingDays),
        0,
      );
      expect(days).toBe(6.5);
    }
  });

  it('inForce follows the receipt date across 01/07/2025', () => {
    expect(catalogue().inForce(PERMANENT_RESIDENCE_CODE, '2025-06-27').definition.regime).toBe('2018');
    expect(catalogue().inForce(PERMANENT_RESIDENCE_CODE, '2026-02-11').definition.regime).toBe('2025');
  });

  it('7 working days across Tết 2026: received Wed 11/02, due Fri 27/02 17:00; returned 26/02 → EARLY', async () => {
    // Counted: Thu 12, Fri 13 | Tết 16–20, weekends | Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
    const run = await runLifecycle({
      code: PERMANENT_RESIDENCE_CODE,
      sample: samplePermanentResidence,
      channel: 'online-full',
      receivedAt: '2026-02-11T09:00:00+07:00',
      handOvers: [
        '2026-02-11T11:00:00+07:00',
        '2026-02-24T10:30:00+07:00',
        '2026-02-25T10:00:00+07:00',
        '2026-02-26T09:00:00+07:00',
      ],
      returnAt: '2026-02-26T14:00:00+07:00',
    });
    expect(run.received.context.due.legal).toBe(vn('2026-02-27T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('EARLY');
    // The appraisal (4 working days = 32 working hours from Wed 11/02 11:00): 4.5 h on Wed, 8 on
    // Thu 12 and Fri 13, Tết skipped, 8 on Mon 23, 3.5 on Tue 24 → due Tue 24/02 11:00.
    const appraise = run.returned?.context.steps.find((s) => s.stepId === 'appraise');
    expect(appraise?.due).toBe(vn('2026-02-24T11:00:00'));
    expect(appraise?.result).toBe('ON_TIME');
  });

  it('a dossier received under Decree 61 on 27/06/2025 keeps its version after 01/07/2025 and cannot be stopped', async () => {
    // 7 working days after Fri 27/06/2025: Mon 30/06 … Tue 08/07/2025.
    const { engine, clock } = catalogueEngine('2025-06-27T10:00:00+07:00');
    const d = await engine.receive({
      procedure: PERMANENT_RESIDENCE_CODE,
      channel: 'in-person',
      actor: officer('desk'),
      ...samplePermanentResidence,
    });
    expect(d.context.procedure).toEqual({
      code: PERMANENT_RESIDENCE_CODE,
      version: '2018.1',
      regime: '2018',
    });
    expect(d.context.due.legal).toBe(vn('2025-07-08T17:00:00'));
    clock.set('2025-07-02T09:00:00+07:00');
    await expect(engine.send(d.code, { type: 'STOP', actor: officer('desk') })).rejects.toBeInstanceOf(
      TransitionError,
    );
    let view = d;
    for (const at of ['2025-07-02T10:00', '2025-07-04T10:00', '2025-07-07T10:00', '2025-07-08T10:00']) {
      clock.set(`${at}:00+07:00`);
      view = await engine.send(d.code, { type: 'HAND_OVER', actor: officer(view.context.holder) });
    }
    clock.set('2025-07-08T16:00:00+07:00');
    const done = await engine.send(d.code, { type: 'RETURN_RESULT', actor: officer('desk') });
    expect(done.context.procedure.version).toBe('2018.1');
    expect(done.context.outcome?.result).toBe('ON_TIME');
  });

  it('a 2025 dossier can be stopped at the applicant request before the decision', async () => {
    const { engine, clock } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const d = await engine.receive({
      procedure: PERMANENT_RESIDENCE_CODE,
      channel: 'in-person',
      actor: officer('desk'),
      ...samplePermanentResidence,
    });
    clock.advance({ hours: 2 });
    const stopped = await engine.send(d.code, {
      type: 'STOP',
      actor: officer('desk'),
      reason: 'Theo đề nghị',
    });
    expect(stopped.state).toBe('stopped');
  });

  it('lists every bad field of an invalid application', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: PERMANENT_RESIDENCE_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: samplePermanentResidence.applicant,
        application: {
          address: 'x',
          ground: 'bought',
          members: [{ fullName: 'Phạm Dung', idNumber: '12345' }],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.address',
      'application.ground',
      'application.members[0].idNumber',
    ]);
  });
});
