/**
 * `defineProcedure`: a small procedure written in a few dozen lines works end to end, and every
 * definition mistake is a `DefinitionError` naming the field and the problem.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kitCalendar, officers, residenceReceipt, thrown, utc } from '../../test-support/dossier-harness.js';
import { DefinitionError } from '../errors/dossier-errors.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { defineProcedure } from './define-procedure.js';
import type { ProcedureDefinitionInput } from './definition-schema.js';

/** Certified copy (chứng thực bản sao): same day, two steps at the justice officer. */
const copyCertification: ProcedureDefinitionInput = {
  code: '2.000815',
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  regime: '2025',
  name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy' },
  legalBasis: ['Nghị định 23/2015/NĐ-CP'],
  agency: 'UBND xã',
  timeLimit: { sameDay: true },
  channels: ['in-person'],
  application: z.object({ pages: z.number().int().positive() }).strict(),
  units: { desk: { name: 'Bộ phận một cửa' }, justice: { name: 'Công chức Tư pháp – Hộ tịch' } },
  steps: [
    {
      id: 'certify',
      name: 'Chứng thực',
      unit: 'justice',
      budget: { workingHours: 3 },
      issuesDecision: true,
    },
    { id: 'sign', name: 'Ký', unit: 'justice', budget: { workingHours: 1 } },
  ],
};

const justice = { officerId: 'justice-1', unitId: 'justice', roles: [] };

/** The DefinitionError thrown for a definition. */
function definitionError(definition: ProcedureDefinitionInput): DefinitionError {
  const error = thrown(() => defineProcedure(definition, { calendar: kitCalendar() }));
  expect(error).toBeInstanceOf(DefinitionError);
  return error as DefinitionError;
}

describe('defineProcedure: a new procedure in a few lines', () => {
  it('receives, hands over between steps, returns the result on the same day', () => {
    const p = defineProcedure(copyCertification, { calendar: kitCalendar() });
    expect(p.code).toBe('2.000815');
    expect(p.definition.supplementation).toEqual({ clock: 'restart', maxRequests: 1 });
    let s = p.receive(
      residenceReceipt('2026-03-02T08:00:00+07:00', { application: { pages: 4 }, code: 'H56-260302-0007' }),
    );
    // Same day: the close of Mon 02/03/2026. The first step's unit is not the desk, so the
    // receipt itself is a handover desk → justice on the slip.
    expect(s.context.due.legal).toBe(utc('2026-03-02T17:00:00+07:00'));
    expect(s.context.holder).toBe('justice');
    expect(s.context.steps[0]!.due).toBe(utc('2026-03-02T11:00:00+07:00'));
    expect(s.context.slip.map((r) => [r.from.unitId, r.to.unitId])).toEqual([['desk', 'justice']]);

    s = p.apply(s, { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: justice });
    expect(s.value).toEqual({ processing: 'sign' });
    expect(s.context.decisionIssued).toBe(true);
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-03-02T10:30:00+07:00', actor: justice });
    expect(s.value).toBe('resultReady');
    expect(s.context.holder).toBe('desk');
    s = p.apply(s, { type: 'RETURN_RESULT', at: '2026-03-02T14:00:00+07:00', actor: officers.desk });
    expect(s.value).toBe('returned');
    expect(s.status).toBe('done');
    expect(s.context.outcome).toMatchObject({ kind: 'returned', result: 'ON_TIME', lateUnit: null });
  });

  it('accepts budgets that add up exactly to the legal limit', () => {
    // 4 h + 4 days + 1 day + 1 day + 4 h = 7 days.
    const steps = [
      ...sampleResidenceDefinition.steps,
      { id: 'archive', name: 'Lưu', unit: 'desk', budget: { workingHours: 4 } },
    ];
    expect(() =>
      defineProcedure({ ...sampleResidenceDefinition, steps }, { calendar: kitCalendar() }),
    ).not.toThrow();
  });
});

describe('defineProcedure: definition errors name the problem', () => {
  const base = sampleResidenceDefinition;

  it('step budgets over the legal limit', () => {
    const steps = base.steps.map((s) => (s.id === 'appraise' ? { ...s, budget: { workingDays: 5 } } : s));
    const error = definitionError({ ...base, steps });
    expect(error.field).toBe('steps');
    expect(error.message).toContain('1.004194@2025.1');
    expect(error.message).toMatch(/60 working hours, more than the legal limit \(56 working hours\)/);
  });

  it('step budgets over a working-hours or same-day limit', () => {
    const hours = definitionError({ ...copyCertification, timeLimit: { workingHours: 3 } });
    expect(hours.field).toBe('steps');
    const sameDay = definitionError({
      ...copyCertification,
      steps: [{ id: 'certify', name: 'Chứng thực', unit: 'justice', budget: { workingHours: 9 } }],
    });
    expect(sameDay.message).toMatch(/more than the legal limit \(8 working hours\)/);
  });

  it('a step whose unit is not in units', () => {
    const steps = base.steps.map((s) => (s.id === 'approve' ? { ...s, unit: 'chairman' } : s));
    const error = definitionError({ ...base, steps });
    expect(error.field).toBe('steps[2].unit');
    expect(error.message).toContain('unit chairman is not in units');
  });

  it('a desk that is not in units', () => {
    const error = definitionError({ ...base, desk: 'reception' });
    expect(error.field).toBe('desk');
    expect(error.message).toContain('unit reception is not in units');
  });

  it('duplicate step ids', () => {
    const steps = [...base.steps.slice(0, 3), { ...base.steps[3]!, id: 'appraise' }];
    const error = definitionError({ ...base, steps });
    expect(error.field).toBe('steps[3].id');
    expect(error.message).toContain('duplicate step id');
  });

  it('duplicate document and fee ids', () => {
    const documents = [...(base.documents ?? []), { id: 'ct01', name: 'Bản sao CT01' }];
    const doc = definitionError({ ...base, documents });
    expect(doc.field).toBe('documents[2].id');
    expect(doc.message).toContain('duplicate id');
    const fees = [
      ...(base.fees ?? []),
      { id: 'fee', name: 'Phí', kind: 'fee' as const, amountVnd: 1, collection: 'at-intake' as const },
    ];
    expect(definitionError({ ...base, fees }).field).toBe('fees[1].id');
  });

  it('a schema error: a missing name', () => {
    const { name: _name, ...withoutName } = base;
    const error = definitionError(withoutName as ProcedureDefinitionInput);
    expect(error.field).toBe('definition.name');
    expect(error.message).toContain('procedure 1.004194@2025.1: definition.name:');
  });

  it('a schema error: an unknown key, anywhere', () => {
    const top = definitionError({ ...base, deadline: 7 } as ProcedureDefinitionInput);
    expect(top.field).toBe('definition');
    expect(top.message).toContain('unknown key(s) deadline');
    const steps = base.steps.map((s, i) => (i === 1 ? { ...s, owner: 'police' } : s));
    const inStep = definitionError({ ...base, steps } as ProcedureDefinitionInput);
    expect(inStep.field).toBe('definition.steps[1]');
    expect(inStep.message).toContain('unknown key(s) owner');
  });

  it('a schema error: every bad field is listed, the first one names the error', () => {
    const error = definitionError({
      ...base,
      regime: '2019',
      channels: [],
      steps: [],
    } as unknown as ProcedureDefinitionInput);
    expect(error.field).toBe('definition.regime');
    expect(error.message).toContain('definition.channels');
    expect(error.message).toContain('definition.steps');
  });

  it('effectiveTo before effectiveFrom, and a fractional end-of-day limit', () => {
    expect(definitionError({ ...base, effectiveTo: '2025-06-30' }).field).toBe('effectiveTo');
    expect(definitionError({ ...base, timeLimit: { workingDays: 6.5 } }).field).toBe(
      'definition.timeLimit.workingDays',
    );
  });

  it('the application must be a zod schema', () => {
    const error = definitionError({ ...base, application: { address: 'string' } as unknown as z.ZodType });
    expect(error.field).toBe('definition.application');
  });
});
