import { ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueEngine, officer, runLifecycle, vn } from '../test-support/catalogue-engine.js';
import { ENTERPRISE_REGISTRATION_CODE, enterpriseRegistration } from './enterprise-registration.js';
import { sampleEnterpriseRegistration } from './samples.js';

describe('new enterprise registration (đăng ký thành lập doanh nghiệp)', () => {
  it('3 working days in both regimes; Decree 168/2025 cited only from 01/07/2025', () => {
    for (const p of [enterpriseRegistration.version('2018.1'), enterpriseRegistration.version('2025.1')]) {
      expect(p.definition.timeLimit).toEqual({ workingDays: 3 });
    }
    expect(enterpriseRegistration.version('2018.1').definition.legalBasis.join('\n')).not.toContain(
      '168/2025',
    );
    expect(enterpriseRegistration.version('2025.1').definition.legalBasis.join('\n')).toContain('168/2025');
  });

  it('inForce by receipt date', () => {
    expect(catalogue().inForce(ENTERPRISE_REGISTRATION_CODE, '2025-06-30').version).toBe('2018.1');
    expect(catalogue().inForce(ENTERPRISE_REGISTRATION_CODE, '2025-12-31').version).toBe('2025.1');
  });

  it('received online Wed 31/12/2025 16:00: 01/01 holiday and 02/01 swap day skipped, due Wed 07/01/2026 17:00 → EARLY', async () => {
    // Counted: Mon 05/01 (1), Tue 06/01 (2), Wed 07/01 (3); the make-up Saturday 10/01 comes after.
    const run = await runLifecycle({
      code: ENTERPRISE_REGISTRATION_CODE,
      sample: sampleEnterpriseRegistration,
      channel: 'online-full',
      receivedAt: '2025-12-31T16:00:00+07:00',
      handOvers: [
        '2026-01-05T08:00:00+07:00',
        '2026-01-06T09:00:00+07:00',
        '2026-01-06T10:30:00+07:00',
        '2026-01-06T14:00:00+07:00',
      ],
      returnAt: '2026-01-06T15:00:00+07:00',
    });
    expect(run.received.context.procedure.version).toBe('2025.1');
    expect(run.received.context.due.legal).toBe(vn('2026-01-07T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('EARLY');
    // The desk's 2-hour step ran from 31/12 16:00 to 05/01 08:00: 1 h on 31/12, then 07:30–08:00.
    const receive = run.returned?.context.steps[0];
    expect(receive?.due).toBe(vn('2026-01-05T08:30:00'));
    expect(receive?.result).toBe('ON_TIME');
  });

  it('lists every bad field of an invalid application', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: ENTERPRISE_REGISTRATION_CODE,
        channel: 'online-full',
        actor: officer('desk'),
        applicant: sampleEnterpriseRegistration.applicant,
        application: {
          ...sampleEnterpriseRegistration.application,
          type: 'llc',
          charterCapitalVnd: -1,
          businessLines: [],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.businessLines',
      'application.charterCapitalVnd',
      'application.type',
    ]);
  });
});
