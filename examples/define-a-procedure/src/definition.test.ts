/**
 * Step 1 of the walkthrough: the definition is valid, its versions are picked by receipt date, the
 * kit refuses broken variants with an error naming the field, the application schema names every
 * bad field without echoing personal data, and the personal fields are masked.
 */
import {
  compileMachine,
  DefinitionError,
  defineProcedure,
  maskPersonalData,
  ValidationError,
} from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { applicant, application, officers } from './fixtures.js';
import {
  MARITAL_STATUS_CODE,
  maritalStatus2018,
  maritalStatus2025,
  maritalStatusApplication,
  maritalStatusDefinition,
  maritalStatusRegistry,
} from './marital-status-certification.js';

/** The error `fn` throws (fails when it throws nothing). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, nothing was thrown');
}

const receipt = (overrides: Record<string, unknown> = {}) => ({
  code: 'H56-260511-0001',
  secret: 'K7M2QX',
  agency: 'H56',
  receivedAt: '2026-05-11T09:00:00+07:00',
  receivedBy: officers.desk,
  channel: 'in-person' as const,
  applicant,
  application,
  ...overrides,
});

describe('the definition', () => {
  it('builds both versions with the standard lifecycle, compiled to a transition table', () => {
    for (const p of [maritalStatus2018, maritalStatus2025]) {
      expect(p.code).toBe(MARITAL_STATUS_CODE);
      expect(p.lifecycle).toBe('standard');
      expect(compileMachine(p.machine)).not.toBeNull();
      expect(p.definition.steps.map((s) => s.id)).toEqual(['receive', 'verify', 'sign', 'record']);
      // Defaults filled in by the schema.
      expect(p.definition.desk).toBe('desk');
      expect(p.definition.documents[0]).toMatchObject({ originals: 1, copies: 0, required: true });
    }
    expect(maritalStatus2018.definition.regime).toBe('2018');
    expect(maritalStatus2025.definition.legalBasis).toContain(
      'Nghị định 118/2025/NĐ-CP ngày 09/06/2025 (hiệu lực 01/07/2025) về cơ chế một cửa, một cửa liên thông',
    );
  });

  it('the registry picks the version in force on the receipt date', () => {
    const registry = maritalStatusRegistry();
    expect(registry.inForce(MARITAL_STATUS_CODE, '2025-06-30').version).toBe('2018.1');
    expect(registry.inForce(MARITAL_STATUS_CODE, '2025-07-01').version).toBe('2025.1');
    expect(thrown(() => registry.inForce(MARITAL_STATUS_CODE, '2018-06-20'))).toMatchObject({
      code: 'NO_VERSION_IN_FORCE',
    });
  });

  it('refuses step budgets over the legal limit, naming the field', () => {
    const def = maritalStatusDefinition('2025');
    const error = thrown(() =>
      defineProcedure({
        ...def,
        steps: def.steps.map((s) => (s.id === 'verify' ? { ...s, budget: { workingDays: 3 } } : s)),
      }),
    );
    expect(error).toBeInstanceOf(DefinitionError);
    expect(error).toMatchObject({ field: 'steps' });
    expect(error.message).toContain('step budgets add up to 34 working hours, more than the legal limit (24');
  });

  it('refuses a step whose unit is not listed, and an unknown key', () => {
    const def = maritalStatusDefinition('2025');
    const noUnit = thrown(() =>
      defineProcedure({
        ...def,
        steps: def.steps.map((s) => (s.id === 'sign' ? { ...s, unit: 'mayor' } : s)),
      }),
    );
    expect(noUnit).toMatchObject({ code: 'INVALID_DEFINITION', field: 'steps[2].unit' });
    const typo = thrown(() => defineProcedure({ ...def, timelimit: { workingDays: 3 } } as never));
    expect(typo).toBeInstanceOf(DefinitionError);
    expect(typo.message).toContain('timelimit');
  });
});

describe('the application schema', () => {
  it('accepts the sample and fills defaults', () => {
    const parsed = maritalStatusApplication.parse(application);
    expect(parsed.intendedSpouse?.nationality).toBe('Việt Nam');
    expect(parsed.previousResidences).toEqual([]);
  });

  it('names every bad field at receipt, without echoing the values', () => {
    const error = thrown(() =>
      maritalStatus2025.receive(
        receipt({
          application: {
            ...application,
            requester: { ...application.requester, idNumber: '0011950678' },
            status: 'married',
            intendedSpouse: undefined,
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.intendedSpouse',
      'application.requester.idNumber',
      'application.status',
    ]);
    expect(error.message).not.toContain('0011950678');
    expect(error.message).not.toContain('Đặng');
  });

  it('another purpose needs its detail', () => {
    const result = maritalStatusApplication.safeParse({
      ...application,
      purpose: 'other',
      intendedSpouse: undefined,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['purposeDetail']);
  });

  it('masks the personal fields it tags', () => {
    expect(maskPersonalData(maritalStatusApplication, maritalStatusApplication.parse(application))).toEqual({
      requester: { fullName: 'Đ. T. T.', birthDate: '***', idNumber: '00*******890', residence: '***' },
      status: 'never-married',
      purpose: 'marriage',
      intendedSpouse: { fullName: 'N. M. T.', birthDate: '***', nationality: 'Việt Nam' },
      previousResidences: [],
    });
  });

  it('a channel the procedure does not accept, or a receipt by anyone but the desk, is refused', () => {
    const error = thrown(() =>
      maritalStatus2025.receive(receipt({ channel: 'online-partial', receivedBy: officers.justice })),
    ) as ValidationError;
    expect(error.issues.map((i) => i.field)).toEqual(['receivedBy.unitId', 'channel']);
  });
});
