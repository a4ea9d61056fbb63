import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../errors/dossier-errors.js';
import { defineProcedure } from '../procedure/define-procedure.js';
import { testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { implementationIssues, levelExistsOn } from './procedure-implementation.js';

const define = (implementation: unknown, effectiveFrom = '2025-07-01') =>
  defineProcedure(
    { ...sampleResidenceDefinition, effectiveFrom, implementation } as typeof sampleResidenceDefinition,
    { calendar: testCalendar() },
  );
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (
      (e as { field?: string; issues?: { field: string }[] }).issues?.map((i) => i.field) ??
      (e as DefinitionError).field
    );
  }
  return 'no error';
};

describe('procedure implementation facts', () => {
  it('dates the district level: it ends on 30/06/2025', () => {
    expect(levelExistsOn('district', '2025-06-30')).toBe(true);
    expect(levelExistsOn('district', '2025-07-01')).toBe(false);
    expect(levelExistsOn('commune', '2030-01-01')).toBe(true);
  });

  it('is optional, and accepted whole or in part', () => {
    expect(define(undefined).definition.implementation).toBeUndefined();
    expect(define({ mechanism: 'inter-agency' }).definition.implementation).toEqual({
      mechanism: 'inter-agency',
    });
    const full = {
      levels: ['province', 'commune'],
      mechanism: 'one-stop',
      internalProcesses: [
        { level: 'province', decision: '556/QĐ-UBND', date: '2024-06-27', issuer: 'UBND tỉnh Ninh Bình' },
      ],
      source: 'Quyết định 556/QĐ-UBND',
    };
    expect(define(full).definition.implementation).toEqual(full);
  });

  it('refuses bad facts with a typed error naming the field', () => {
    // The schema's (definition.…) and the checks against the version's dates.
    expect(fieldOf(() => define({ levels: ['ward'] }))).toBe('definition.implementation.levels[0]');
    expect(fieldOf(() => define({ levels: ['commune', 'commune'] }))).toBe(
      'definition.implementation.levels',
    );
    expect(fieldOf(() => define({ mechanism: 'yes' }))).toBe('definition.implementation.mechanism');
    expect(
      fieldOf(() =>
        define({
          internalProcesses: [{ level: 'commune', decision: '1/QĐ', date: '2026-02-30', issuer: 'X' }],
        }),
      ),
    ).toBe('definition.implementation.internalProcesses[0].date');
    expect(
      fieldOf(() => define({ internalProcesses: [{ level: 'commune', date: '2026-02-03', issuer: 'X' }] })),
    ).toBe('definition.implementation.internalProcesses[0].decision');
    expect(fieldOf(() => define({ source: 'x', extra: 1 }))).toBe('definition.implementation');
    // Checked against the version's dates: no district level on a version from 01/07/2025.
    const district = () => define({ levels: ['commune', 'district'] });
    expect(district).toThrow(DefinitionError);
    expect(fieldOf(district)).toBe('implementation.levels[1]');
    expect(fieldOf(() => define({ levels: ['district'] }, '2019-01-01'))).toBe('no error');
    expect(
      fieldOf(() =>
        define({
          levels: ['commune'],
          internalProcesses: [{ level: 'province', decision: '1/QĐ', date: '2026-01-05', issuer: 'X' }],
        }),
      ),
    ).toBe('implementation.internalProcesses[0].level');
    expect(
      implementationIssues(
        { internalProcesses: [{ level: 'district', decision: '1', date: '2026-01-05', issuer: 'X' }] },
        '2025-07-01',
      ),
    ).toEqual([
      {
        field: 'implementation.internalProcesses[0].level',
        message: 'the district level does not exist on 2025-07-01',
      },
    ]);
  });
});
