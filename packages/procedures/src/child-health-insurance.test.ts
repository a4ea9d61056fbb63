import { ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEngine, officer, runLifecycle, vn } from '../test-support/catalogue-engine.js';
import { CHILD_HEALTH_INSURANCE_CODE, childHealthInsurance, isUnderSix } from './child-health-insurance.js';
import { sampleChildHealthInsurance } from './samples.js';

describe('health-insurance card for a child under 6 (cấp thẻ BHYT trẻ em dưới 6 tuổi)', () => {
  it('defines both regimes: ≤ 10 working days (2008 text), 7.5 days of steps; agency by regime', () => {
    for (const p of [childHealthInsurance.version('2018.1'), childHealthInsurance.version('2025.1')]) {
      expect(p.definition.timeLimit).toEqual({ workingDays: 10 });
      expect(p.definition.legalBasis[0]).toBe('Luật Bảo hiểm y tế 25/2008/QH12, điều 17 khoản 2');
    }
    expect(childHealthInsurance.version('2018.1').definition.agency).toBe('Bảo hiểm xã hội cấp huyện');
    expect(childHealthInsurance.version('2025.1').definition.agency).toBe('Bảo hiểm xã hội cơ sở');
  });

  it('inForce by receipt date', () => {
    expect(catalogue().inForce(CHILD_HEALTH_INSURANCE_CODE, '2024-12-31').version).toBe('2018.1');
    expect(catalogue().inForce(CHILD_HEALTH_INSURANCE_CODE, '2026-08-20').version).toBe('2025.1');
  });

  it('10 working days over the 22/08 make-up Saturday and the 31/08–02/09 block: due Mon 07/09/2026 17:00', async () => {
    // Received Thu 20/08/2026: Fri 21 (1), Sat 22 make-up day (2), Mon 24–Fri 28 (3–7),
    // Mon 31/08 swap day off, Tue 01/09 and Wed 02/09 National Day, Thu 03 (8), Fri 04 (9), Mon 07 (10).
    const run = await runLifecycle({
      code: CHILD_HEALTH_INSURANCE_CODE,
      sample: sampleChildHealthInsurance,
      receivedAt: '2026-08-20T10:00:00+07:00',
      handOvers: [
        '2026-08-20T14:00:00+07:00',
        '2026-08-27T16:00:00+07:00',
        '2026-08-28T11:00:00+07:00',
        '2026-09-04T15:00:00+07:00',
      ],
      returnAt: '2026-09-07T16:30:00+07:00',
    });
    expect(run.received.context.due.legal).toBe(vn('2026-09-07T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('ON_TIME');
    // Appraisal from Thu 20/08 14:00, 32 working hours: 3 h Thu, 8 Fri, 8 on the make-up Saturday,
    // 8 Mon 24, then 5 on Tue 25 (07:30–11:30 and 13:00–14:00) → Tue 25/08 14:00; handed on 27/08.
    const appraise = run.returned?.context.steps.find((s) => s.stepId === 'appraise');
    expect(appraise?.due).toBe(vn('2026-08-25T14:00:00'));
    expect(appraise?.result).toBe('LATE');
  });

  it('checks the age against the receipt date outside the schema', () => {
    expect(isUnderSix('2020-08-21', '2026-08-20')).toBe(true);
    expect(isUnderSix('2020-08-20', '2026-08-20')).toBe(false);
    expect(isUnderSix('2020-02-29', '2026-02-28')).toBe(true);
    expect(isUnderSix('2020-02-29', '2026-03-01')).toBe(false);
    expect(isUnderSix('2026-09-01', '2026-08-20')).toBe(false);
  });

  it('lists every bad field of an invalid application', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: CHILD_HEALTH_INSURANCE_CODE,
        channel: 'postal',
        actor: officer('desk'),
        applicant: sampleChildHealthInsurance.applicant,
        application: {
          ...sampleChildHealthInsurance.application,
          child: { ...sampleChildHealthInsurance.application.child, idNumber: '0012260001' },
          guardian: { fullName: 'Phạm Thị Dung', relation: 'aunt' },
          primaryCareFacility: undefined,
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.child.idNumber',
      'application.guardian.relation',
      'application.primaryCareFacility',
    ]);
  });
});
