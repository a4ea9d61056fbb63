import { buildStatisticsForm07b, resolveReportPeriod } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_CODES, catalogueVersions } from './catalogue.js';

const C = CATALOGUE_CODES;

describe('the catalogue on Biểu II.07b', () => {
  it('declares levels only from confirmed national records, for the two-tier period only', () => {
    for (const p of catalogueVersions()) {
      const d = p.definition;
      const confirmed = [
        C.birthRegistration,
        C.permanentResidence,
        C.marriageRegistration,
        C.copyCertification,
        C.landMortgageRegistration,
      ].includes(d.code);
      if (!confirmed || d.effectiveFrom < '2025-07-01') {
        expect(d.implementation, `${d.code}@${d.version}`).toBeUndefined();
        continue;
      }
      expect(d.implementation?.levels).toEqual(
        d.code === C.landMortgageRegistration ? ['province', 'commune'] : ['commune'],
      );
      // One-stop and approved processes are local decisions: never declared for the catalogue.
      expect(d.implementation?.mechanism).toBeUndefined();
      expect(d.implementation?.internalProcesses).toBeUndefined();
      expect(d.implementation?.source).toContain(d.code);
    }
  });

  it('counts 2026 by hand: 8 procedures, 5 at commune level and 1 at province level, nothing guessed', () => {
    const form = buildStatisticsForm07b(
      catalogueVersions().map((p) => p.definition),
      { period: resolveReportPeriod({ kind: 'year', year: 2026 }), by: [] },
    );
    expect(form.total).toEqual({
      procedures: { total: 8, byLevel: { province: 1, commune: 5 } },
      oneStop: { total: 0, byLevel: { province: 0, commune: 0 } },
      processes: { total: 0, byLevel: { province: 0, commune: 0 } },
    });
    expect(form.notDeclared.levels).toEqual(
      [C.childHealthInsurance, C.enterpriseRegistration, C.judicialRecord].sort(),
    );
    expect(form.notDeclared.mechanism).toHaveLength(8);
    expect(form.notDeclared.internalProcesses).toHaveLength(8);
  });
});
