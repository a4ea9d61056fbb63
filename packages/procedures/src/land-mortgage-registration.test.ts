import { ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEngine, officer, runLifecycle, vn } from '../test-support/catalogue-engine.js';
import { procedureFor } from './catalogue.js';
import { LAND_MORTGAGE_REGISTRATION_CODE, landMortgage } from './land-mortgage-registration.js';
import { sampleLandMortgage } from './samples.js';

describe('land-use-right mortgage registration (đăng ký thế chấp quyền sử dụng đất)', () => {
  it('same day with a 15:00 cut-off; special cases ≤ 3 working days with 2.75 days of steps', () => {
    expect(landMortgage.version('2025.1').definition.timeLimit).toEqual({ sameDay: true, cutoff: '15:00' });
    for (const p of [
      landMortgage.version('2018.1-special-case'),
      landMortgage.version('2025.1-special-case'),
    ]) {
      expect(p.definition.timeLimit).toEqual({ workingDays: 3 });
      const days = p.definition.steps.reduce(
        (n, s) => n + ('workingHours' in s.budget ? s.budget.workingHours / 8 : s.budget.workingDays),
        0,
      );
      expect(days).toBe(2.75);
    }
  });

  it('inForce gives the same-day case; procedureFor the special case', () => {
    const r = catalogue();
    expect(r.inForce(LAND_MORTGAGE_REGISTRATION_CODE, '2026-11-23').version).toBe('2025.1');
    expect(procedureFor(r, LAND_MORTGAGE_REGISTRATION_CODE, '2024-03-01', 'special-case').version).toBe(
      '2018.1-special-case',
    );
  });

  it('after 15:00 on Mon 23/11/2026: 24/11 (Culture Day) is skipped, due Wed 25/11 17:00; late leader → LATE', async () => {
    const run = await runLifecycle({
      code: LAND_MORTGAGE_REGISTRATION_CODE,
      sample: sampleLandMortgage,
      receivedAt: '2026-11-23T16:00:00+07:00',
      handOvers: [
        '2026-11-23T16:10:00+07:00', // desk → registry
        '2026-11-25T16:30:00+07:00', // registry → leader
        '2026-11-26T07:40:00+07:00', // leader signs the next morning: late
        '2026-11-26T07:50:00+07:00', // registry → desk
      ],
      // The engine's timers run at 17:30 on the due day: the dossier is marked overdue.
      timersAt: ['2026-11-25T17:30:00+07:00'],
      returnAt: '2026-11-26T08:00:00+07:00',
    });
    expect(run.received.context.due.legal).toBe(vn('2026-11-25T17:00:00'));
    const { context } = run.returned!;
    expect(context.overdue).toEqual({ at: vn('2026-11-25T17:00:00'), unit: 'leader' });
    expect(context.outcome?.result).toBe('LATE');
    expect(context.outcome?.lateUnit).toBe('leader');
    const record = await run.engine.get(context.code);
    expect(record.journal.map((j) => j.type)).toContain('MARK_OVERDUE');
  });

  it('special case received Fri 13/02/2026 09:00: 3 working days after Tết = Wed 25/02 17:00 → EARLY on 24/02', async () => {
    const run = await runLifecycle({
      code: LAND_MORTGAGE_REGISTRATION_CODE,
      version: '2025.1-special-case',
      sample: sampleLandMortgage,
      receivedAt: '2026-02-13T09:00:00+07:00',
      handOvers: [
        '2026-02-13T11:00:00+07:00',
        '2026-02-23T15:00:00+07:00',
        '2026-02-24T09:00:00+07:00',
        '2026-02-24T11:00:00+07:00',
      ],
      returnAt: '2026-02-24T14:00:00+07:00',
    });
    expect(run.received.context.due.legal).toBe(vn('2026-02-25T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('EARLY');
  });

  it('lists every bad field of an invalid application', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: LAND_MORTGAGE_REGISTRATION_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: sampleLandMortgage.applicant,
        application: {
          ...sampleLandMortgage.application,
          mortgagors: [],
          contract: { number: 'HĐ-1', signedOn: '2026-02-30' },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.contract.signedOn',
      'application.mortgagors',
    ]);
  });
});
