import { simulate } from '@motcua/core/simulation';
import { describe, expect, it } from 'vitest';
import { nationalCalendar } from '../test-support/catalogue-engine.js';
import { CATALOGUE_CODES, catalogueVersions } from './catalogue.js';
import { catalogueSampleOn, catalogueSamples } from './samples.js';

/*
 * The catalogue simulated in 2019 (the 2018.1 versions, Decree 61): every procedure receives its
 * dossiers with the version in force at receipt, with samples dated for that receipt.
 */
const calendar = nationalCalendar();
const procedures = catalogueVersions(calendar);
const codes = [...new Set(procedures.map((p) => p.code))];
const base = {
  procedures,
  calendar,
  start: '2019-03-04',
  days: 7,
  seed: 1,
  drainDays: 0,
  mode: 'direct',
  keepRecords: true,
  arrivals: { perWorkingDay: 40 },
} as const;

describe('the catalogue simulated in March 2019', () => {
  it('receives every procedure, each dossier with its 2018.1 version and dated samples', async () => {
    const result = await simulate({
      ...base,
      samples: Object.fromEntries(
        codes.map((c) => [c, (_i: number, _r: () => number, on: string) => catalogueSampleOn(c, on)]),
      ),
    });
    expect(result.byProcedure.map((r) => r.group).sort()).toEqual([...codes].sort());
    const versions = new Set<string>();
    for (const { code } of await result.target.list()) {
      const { journal } = await result.target.get(code);
      versions.add(String((journal[0]!.event as { procedure?: string }).procedure).split('@')[1] ?? '');
    }
    expect([...versions]).toEqual(['2018.1']);
    expect(result.report[0]!.received).toBe(result.received);
  });

  it('stops with RECEIPT_REFUSED naming the field when a sample is dated after the receipt', async () => {
    const run = simulate({
      ...base,
      arrivals: { perWorkingDay: 40, mix: { [CATALOGUE_CODES.landMortgageRegistration]: 1 } },
      samples: {
        [CATALOGUE_CODES.landMortgageRegistration]: () =>
          catalogueSamples[CATALOGUE_CODES.landMortgageRegistration]!,
      },
    });
    await expect(run).rejects.toMatchObject({
      code: 'RECEIPT_REFUSED',
      field: `samples.${CATALOGUE_CODES.landMortgageRegistration}.application.contract.signedOn`,
    });
  });

  it('moves every date of a sample by the same days, keeping the receipt date after them', () => {
    const birth = catalogueSampleOn(CATALOGUE_CODES.birthRegistration, '2019-03-04').application as {
      child: { birthDate: string };
    };
    expect(birth.child.birthDate).toBe('2019-02-04');
    const insurance = catalogueSampleOn(CATALOGUE_CODES.childHealthInsurance, '2019-03-04').application as {
      child: { birthDate: string };
    };
    expect(insurance.child.birthDate).toBe('2019-02-04');
    const mortgage = catalogueSampleOn(CATALOGUE_CODES.landMortgageRegistration, '2019-03-04')
      .application as {
      contract: { signedOn: string };
    };
    expect(mortgage.contract.signedOn).toBe('2019-02-12');
    // The static sample is unchanged.
    expect(
      (catalogueSamples[CATALOGUE_CODES.birthRegistration]!.application as typeof birth).child.birthDate,
    ).toBe('2026-02-02');
    expect(() => catalogueSampleOn('nope', '2019-03-04')).toThrow(expect.objectContaining({ field: 'code' }));
    expect(() => catalogueSampleOn(CATALOGUE_CODES.birthRegistration, '2019-02-30')).toThrow(
      expect.objectContaining({ field: 'receivedOn' }),
    );
  });
});
