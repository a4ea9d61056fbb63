import { defineProcedure, maskPersonalData, ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEngine, officer, runLifecycle, vn } from '../test-support/catalogue-engine.js';
import {
  BIRTH_REGISTRATION_CODE,
  birthRegistration,
  birthRegistrationApplication,
} from './birth-registration.js';
import { sampleBirthRegistration } from './samples.js';

describe('birth registration (đăng ký khai sinh)', () => {
  it('defines both regimes, same day with a 15:00 cut-off, budgets fitting 15:00–17:00', () => {
    expect(() => defineProcedure(birthRegistration.definition('2025.1'))).not.toThrow();
    for (const p of [birthRegistration.version('2018.1'), birthRegistration.version('2025.1')]) {
      expect(p.definition.timeLimit).toEqual({ sameDay: true, cutoff: '15:00' });
      expect(p.definition.fees).toEqual([]);
      const minutes = p.definition.steps.reduce(
        (n, s) => n + ('workingHours' in s.budget ? s.budget.workingHours * 60 : s.budget.workingDays * 480),
        0,
      );
      expect(minutes).toBe(105);
    }
    expect(birthRegistration.version('2018.1').definition.regime).toBe('2018');
    expect(birthRegistration.version('2025.1').definition.legalBasis.join('\n')).toContain(
      'Nghị định 118/2025/NĐ-CP',
    );
  });

  it('refuses a child born after the receipt date (or a parent born after the child), writing nothing', async () => {
    const { engine } = catalogueEngine('2026-02-13T09:00:00+07:00');
    const receive = (application: unknown) =>
      engine.receive({
        procedure: BIRTH_REGISTRATION_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: sampleBirthRegistration.applicant,
        application,
        at: '2026-02-13T10:00:00+07:00',
      });
    const base = sampleBirthRegistration.application;
    const future = await receive({ ...base, child: { ...base.child, birthDate: '2026-02-14' } }).catch(
      (e) => e,
    );
    expect(future).toBeInstanceOf(ValidationError);
    expect((future as ValidationError).issues).toEqual([
      { field: 'application.child.birthDate', message: 'is after the receipt date 2026-02-13' },
    ]);
    const parent = await receive({
      ...base,
      mother: { ...base.mother, birthDate: '2026-02-10' },
    }).catch((e) => e);
    expect((parent as ValidationError).issues.map((i) => i.field)).toEqual(['application.child.birthDate']);
    expect(await engine.list({})).toEqual([]);
    // Born on the receipt date itself: accepted.
    const today = await receive({ ...base, child: { ...base.child, birthDate: '2026-02-13' } });
    expect(today.code).toMatch(/-0001$/);
  });

  it('inForce picks the Decree 61 version up to 30/06/2025 and the Decree 118 one from 01/07/2025', () => {
    const r = catalogue();
    expect(r.inForce(BIRTH_REGISTRATION_CODE, '2018-06-21').version).toBe('2018.1');
    expect(r.inForce(BIRTH_REGISTRATION_CODE, '2025-06-30').version).toBe('2018.1');
    expect(r.inForce(BIRTH_REGISTRATION_CODE, '2025-07-01').version).toBe('2025.1');
    expect(() => r.inForce(BIRTH_REGISTRATION_CODE, '2018-06-20')).toThrow(/no version in force/);
  });

  it('before 15:00: due at 17:00 the same day; returned that day → ON_TIME', async () => {
    const run = await runLifecycle({
      code: BIRTH_REGISTRATION_CODE,
      sample: sampleBirthRegistration,
      receivedAt: '2026-02-13T10:00:00+07:00',
      handOvers: [
        '2026-02-13T10:10:00+07:00',
        '2026-02-13T10:50:00+07:00',
        '2026-02-13T11:15:00+07:00',
        '2026-02-13T11:25:00+07:00',
      ],
      returnAt: '2026-02-13T13:30:00+07:00',
    });
    expect(run.received.context.procedure.version).toBe('2025.1');
    expect(run.received.context.due.legal).toBe(vn('2026-02-13T17:00:00'));
    expect(run.ready.state).toBe('resultReady');
    expect(run.returned?.state).toBe('returned');
    expect(run.returned?.context.outcome?.result).toBe('ON_TIME');
    expect(run.returned?.context.steps.map((s) => s.result)).toEqual([
      'ON_TIME',
      'ON_TIME',
      'ON_TIME',
      'ON_TIME',
    ]);
  });

  it('after 15:00 on the Friday before Tết: due Monday 23/02 17:00; done the same evening → EARLY', async () => {
    // Fri 13/02/2026 15:20: the next working day is Mon 23/02 (Tết 16–20/02 and two weekends).
    const run = await runLifecycle({
      code: BIRTH_REGISTRATION_CODE,
      sample: sampleBirthRegistration,
      receivedAt: '2026-02-13T15:20:00+07:00',
      handOvers: [
        '2026-02-13T15:30:00+07:00',
        '2026-02-13T16:10:00+07:00',
        '2026-02-13T16:40:00+07:00',
        '2026-02-13T16:50:00+07:00',
      ],
      returnAt: '2026-02-13T16:55:00+07:00',
    });
    expect(run.received.context.due.legal).toBe(vn('2026-02-23T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('EARLY');
    // Control slip: desk → justice at receipt, four hand-overs, the result to the applicant.
    expect(run.returned?.context.slip.map((r) => r.kind)).toEqual([
      'handover',
      'handover',
      'handover',
      'handover',
      'result-returned',
    ]);
  });

  it('refuses an invalid application, listing every bad field and masking nothing into the message', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: BIRTH_REGISTRATION_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: sampleBirthRegistration.applicant,
        application: {
          child: {
            fullName: 'K',
            sex: 'boy',
            birthDate: '02/02/2026',
            birthPlace: 'Hà Nội 1',
            ethnicity: 'Kinh',
          },
          birthProof: 'birth-certificate',
          declarantRelation: 'mother',
          extra: true,
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application',
      'application.child.birthDate',
      'application.child.fullName',
      'application.child.sex',
    ]);
    expect((error as ValidationError).issues.find((i) => i.field === 'application')?.message).toMatch(
      /extra/,
    );
  });

  it('asks for a parent unless the child was abandoned, and tags personal fields for masking', () => {
    const { mother: _m, father: _f, ...orphan } = sampleBirthRegistration.application;
    const missing = birthRegistrationApplication.safeParse(orphan);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['mother']);
    expect(
      birthRegistrationApplication.safeParse({ ...orphan, birthProof: 'abandonment-record' }).success,
    ).toBe(true);
    const masked = maskPersonalData(birthRegistrationApplication, sampleBirthRegistration.application) as {
      child: { fullName: string; birthDate: string; ethnicity: string };
      mother: { idNumber: string };
    };
    expect(masked.child.fullName).toBe('N. M. K.');
    expect(masked.child.birthDate).toBe('***');
    expect(masked.child.ethnicity).toBe('Kinh');
    expect(masked.mother.idNumber).toBe('00*******345');
  });
});
