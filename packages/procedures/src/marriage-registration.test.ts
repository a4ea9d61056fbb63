import { ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEngine, officer, runLifecycle, vn } from '../test-support/catalogue-engine.js';
import { procedureFor, variantsInForce } from './catalogue.js';
import {
  MARRIAGE_REGISTRATION_CODE,
  marriageRegistration,
  marriageRegistrationDefinition,
} from './marriage-registration.js';
import { sampleMarriageRegistration } from './samples.js';
import { WINDOW_2025 } from './shared/regimes.js';

describe('marriage registration (đăng ký kết hôn)', () => {
  it('has an immediate case (same day, 15:00) and a verification case (5 working days) per regime', () => {
    expect(marriageRegistration.version('2025.1').definition.timeLimit).toEqual({
      sameDay: true,
      cutoff: '15:00',
    });
    expect(marriageRegistration.version('2025.1-verification').version).toBe('2025.1-verification');
    expect(marriageRegistration.version('2025.1-verification').definition.timeLimit).toEqual({
      workingDays: 5,
    });
    expect(marriageRegistrationDefinition(WINDOW_2025, 'verification').steps).toHaveLength(4);
    const days = marriageRegistration
      .version('2025.1-verification')
      .definition.steps.reduce(
        (n, s) => n + ('workingHours' in s.budget ? s.budget.workingHours / 8 : s.budget.workingDays),
        0,
      );
    expect(days).toBe(4.25);
  });

  it('inForce gives the immediate case; procedureFor gives the verification case of the period', () => {
    const r = catalogue();
    expect(r.inForce(MARRIAGE_REGISTRATION_CODE, '2025-06-30').version).toBe('2018.1');
    expect(r.inForce(MARRIAGE_REGISTRATION_CODE, '2026-08-28').version).toBe('2025.1');
    expect(procedureFor(r, MARRIAGE_REGISTRATION_CODE, '2025-06-30', 'verification').version).toBe(
      '2018.1-verification',
    );
    expect(procedureFor(r, MARRIAGE_REGISTRATION_CODE, '2026-08-28', 'verification').version).toBe(
      '2025.1-verification',
    );
    expect(variantsInForce(r, MARRIAGE_REGISTRATION_CODE, '2026-08-28')).toEqual([
      'standard',
      'verification',
    ]);
    expect(() => procedureFor(r, MARRIAGE_REGISTRATION_CODE, '2026-08-28', 'extended')).toThrow(
      /no extended version/,
    );
  });

  it('after 15:00 on Fri 28/08/2026: due Thu 03/09 17:00 (31/08–02/09 off); returned 03/09 → ON_TIME', async () => {
    const run = await runLifecycle({
      code: MARRIAGE_REGISTRATION_CODE,
      sample: sampleMarriageRegistration,
      receivedAt: '2026-08-28T15:05:00+07:00',
      handOvers: [
        '2026-08-28T15:15:00+07:00',
        '2026-09-03T08:00:00+07:00',
        '2026-09-03T08:30:00+07:00',
        '2026-09-03T08:45:00+07:00',
      ],
      returnAt: '2026-09-03T09:30:00+07:00',
    });
    expect(run.received.context.procedure.version).toBe('2025.1');
    expect(run.received.context.due.legal).toBe(vn('2026-09-03T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('ON_TIME');
  });

  it('verification case chosen at receipt: Fri 28/08/2026 10:00 + 5 working days = Wed 09/09 17:00; returned 08/09 → EARLY', async () => {
    const version = procedureFor(
      catalogue(),
      MARRIAGE_REGISTRATION_CODE,
      '2026-08-28',
      'verification',
    ).version;
    const run = await runLifecycle({
      code: MARRIAGE_REGISTRATION_CODE,
      version,
      sample: sampleMarriageRegistration,
      receivedAt: '2026-08-28T10:00:00+07:00',
      handOvers: [
        '2026-08-28T13:30:00+07:00',
        '2026-09-07T15:00:00+07:00',
        '2026-09-08T08:30:00+07:00',
        '2026-09-08T09:30:00+07:00',
      ],
      returnAt: '2026-09-08T10:00:00+07:00',
    });
    // Thu 03/09 (1), Fri 04 (2), Mon 07 (3), Tue 08 (4), Wed 09 (5).
    expect(run.received.context.due.legal).toBe(vn('2026-09-09T17:00:00'));
    expect(run.returned?.context.procedure.version).toBe('2025.1-verification');
    expect(run.returned?.context.outcome?.result).toBe('EARLY');
  });

  it('lists every bad field, including two parties with the same ID', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const { partyA } = sampleMarriageRegistration.application;
    const error = await engine
      .receive({
        procedure: MARRIAGE_REGISTRATION_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: sampleMarriageRegistration.applicant,
        application: { partyA: { ...partyA, birthDate: '1995-13-01' }, partyB: partyA },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.partyA.birthDate',
      'application.partyB.idNumber',
    ]);
    expect(
      (error as ValidationError).issues.find((i) => i.field === 'application.partyB.idNumber')?.message,
    ).toBe('the two parties are the same person');
  });

  it('is received in person only', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: MARRIAGE_REGISTRATION_CODE,
        channel: 'online-full',
        actor: officer('desk'),
        ...sampleMarriageRegistration,
      })
      .catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['channel']);
  });
});
