import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdministrativeLevel } from '../model/procedure-implementation.js';
import { resolveReportPeriod } from './report-period.js';
import { buildStatisticsForm07b, type CatalogueVersionFacts } from './statistics-form-07b.js';

const HT = { code: 'HT', name: 'Hộ tịch' };
const DD = { code: 'DD', name: 'Đất đai' };
const approval = (level: AdministrativeLevel, decision: string, date: string, c?: string) => ({
  level,
  decision,
  date,
  issuer: 'UBND tỉnh X',
  ...(c ? { case: c } : {}),
});

/** A small catalogue; every cell below is counted by hand from it. */
const A_FACTS = {
  levels: ['commune'] as AdministrativeLevel[],
  mechanism: 'one-stop' as const,
  internalProcesses: [
    approval('commune', '10/QĐ-UBND', '2026-03-01'),
    approval('commune', '10/QĐ-UBND', '2026-03-01', 'Trường hợp 2'),
  ],
};
const CATALOGUE: CatalogueVersionFacts[] = [
  // A: one code, a standard case and a variant with the same facts (counted once), and a 2018 version.
  {
    code: '1.000001',
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    name: { vi: 'A' },
    agency: 'UBND cấp xã',
    sector: HT,
    implementation: A_FACTS,
  },
  {
    code: '1.000001',
    version: '2025.1-x',
    effectiveFrom: '2025-07-01',
    name: { vi: 'A' },
    agency: 'UBND cấp xã',
    sector: HT,
    implementation: A_FACTS,
  },
  {
    code: '1.000001',
    version: '2018.1',
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    name: { vi: 'A' },
    agency: 'UBND cấp huyện',
    sector: HT,
    implementation: { levels: ['district', 'commune'], mechanism: 'one-stop' },
  },
  // B: province and commune, inter-agency; its commune process is approved after 2026.
  {
    code: '1.000002',
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    name: { vi: 'B' },
    agency: 'Sở Tư pháp',
    sector: HT,
    implementation: {
      levels: ['province', 'commune'],
      mechanism: 'inter-agency',
      internalProcesses: [
        approval('province', '20/QĐ-UBND', '2026-05-05'),
        approval('commune', '21/QĐ-UBND', '2027-01-10'),
      ],
    },
  },
  // C: declared outside one-stop: its process is not counted.
  {
    code: '1.000003',
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    name: { vi: 'C' },
    agency: 'Sở Tư pháp',
    implementation: {
      levels: ['province'],
      mechanism: 'none',
      internalProcesses: [approval('province', '30/QĐ-UBND', '2026-01-01')],
    },
  },
  // D: nothing declared.
  {
    code: '1.000004',
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    name: { vi: 'D' },
    agency: 'UBND cấp xã',
    sector: DD,
  },
  // E: not yet in force; F: no longer in force at the end of 2026.
  {
    code: '1.000005',
    version: '2027.1',
    effectiveFrom: '2027-01-01',
    name: { vi: 'E' },
    agency: 'UBND cấp xã',
    implementation: { levels: ['commune'], mechanism: 'one-stop' },
  },
  {
    code: '1.000006',
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    effectiveTo: '2026-06-30',
    name: { vi: 'F' },
    agency: 'UBND cấp xã',
  },
  // G: one-stop, levels not declared, declared with no approved process.
  {
    code: '1.000007',
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    name: { vi: 'G' },
    agency: 'UBND cấp xã',
    sector: HT,
    implementation: { mechanism: 'one-stop', internalProcesses: [] },
  },
];

const year2026 = resolveReportPeriod({ kind: 'year', year: 2026 });

describe('buildStatisticsForm07b', () => {
  it('counts the catalogue in force on the last day, every cell by hand', () => {
    const form = buildStatisticsForm07b(CATALOGUE, { period: year2026, by: ['agency'] });
    expect(form.form).toBe('07b');
    expect(form.asOfDay).toBe('2026-12-31');
    // No district level in 2026 (two-level local government from 01/07/2025).
    expect(form.levels).toEqual(['province', 'commune']);
    // In force on 31/12/2026: A, B, C, D, G.
    expect(form.total).toEqual({
      procedures: { total: 5, byLevel: { province: 2, commune: 2 } }, // province B, C; commune A, B
      oneStop: { total: 3, byLevel: { province: 1, commune: 2 } }, // A, B, G; province B; commune A, B
      processes: { total: 3, byLevel: { province: 1, commune: 2 } }, // A's two cases, B's provincial one
    });
    expect(form.rows).toEqual([
      {
        agency: 'Sở Tư pháp', // B, C
        figures: {
          procedures: { total: 2, byLevel: { province: 2, commune: 1 } },
          oneStop: { total: 1, byLevel: { province: 1, commune: 1 } },
          processes: { total: 1, byLevel: { province: 1, commune: 0 } },
        },
      },
      {
        agency: 'UBND cấp xã', // A, D, G
        figures: {
          procedures: { total: 3, byLevel: { province: 0, commune: 1 } },
          oneStop: { total: 2, byLevel: { province: 0, commune: 1 } },
          processes: { total: 2, byLevel: { province: 0, commune: 2 } },
        },
      },
    ]);
    expect(form.notDeclared).toEqual({
      levels: ['1.000004', '1.000007'],
      mechanism: ['1.000004'],
      internalProcesses: ['1.000004'],
    });
  });

  it('breaks down by field, procedures without one first', () => {
    const form = buildStatisticsForm07b(CATALOGUE, { period: year2026, by: ['field'] });
    expect(
      form.rows.map((r) => [r.field, r.fieldName, r.figures.procedures.total, r.figures.oneStop.total]),
    ).toEqual([
      [null, undefined, 1, 0], // C
      ['DD', 'Đất đai', 1, 0], // D
      ['HT', 'Hộ tịch', 3, 3], // A, B, G
    ]);
    expect(buildStatisticsForm07b(CATALOGUE, { period: year2026, by: [] }).rows).toEqual([]);
  });

  it('counts on an earlier day for a period not over, and approvals up to it', () => {
    const form = buildStatisticsForm07b(CATALOGUE, { period: year2026, by: [], asOfDay: '2026-04-01' });
    expect(form.asOfDay).toBe('2026-04-01');
    // F is still in force; B's provincial process (05/05/2026) is not approved yet.
    expect(form.total.procedures.total).toBe(6);
    expect(form.total.processes).toEqual({ total: 2, byLevel: { province: 0, commune: 2 } });
    expect(form.notDeclared.levels).toEqual(['1.000004', '1.000006', '1.000007']);
  });

  it('keeps the district column for a period before 01/07/2025', () => {
    const june = resolveReportPeriod({ kind: 'month', year: 2025, month: 6 });
    const form = buildStatisticsForm07b(CATALOGUE, { period: june, by: [] });
    expect(form.levels).toEqual(['province', 'district', 'commune']);
    expect(form.total.procedures).toEqual({ total: 1, byLevel: { province: 0, district: 1, commune: 1 } });
    expect(form.total.oneStop).toEqual({ total: 1, byLevel: { province: 0, district: 1, commune: 1 } });
    expect(form.notDeclared.internalProcesses).toEqual(['1.000001']);
  });

  it('keeps its invariants on any catalogue', () => {
    const level = fc.constantFrom<AdministrativeLevel>('province', 'commune');
    const version = fc.record({
      code: fc.constantFrom('1', '2', '3', '4', '5'),
      agency: fc.constantFrom('X', 'Y'),
      levels: fc.option(fc.uniqueArray(level, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      mechanism: fc.option(fc.constantFrom('one-stop' as const, 'inter-agency' as const, 'none' as const), {
        nil: undefined,
      }),
      processes: fc.option(fc.array(level, { maxLength: 3 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(version, { maxLength: 12 }), (vs) => {
        const facts: CatalogueVersionFacts[] = vs.map((v, i) => ({
          code: v.code,
          version: String(i),
          effectiveFrom: '2025-07-01',
          name: { vi: v.code },
          agency: `${v.agency}${v.code}`,
          implementation: {
            ...(v.levels ? { levels: v.levels } : {}),
            ...(v.mechanism ? { mechanism: v.mechanism } : {}),
            ...(v.processes
              ? { internalProcesses: v.processes.map((l, j) => approval(l, `${j}/QĐ`, '2026-01-01')) }
              : {}),
          },
        }));
        const form = buildStatisticsForm07b(facts, { period: year2026, by: ['agency'] });
        const t = form.total;
        expect(t.procedures.total).toBe(new Set(vs.map((v) => v.code)).size);
        for (const g of ['procedures', 'oneStop', 'processes'] as const)
          expect(form.rows.reduce((n, r) => n + r.figures[g].total, 0)).toBe(t[g].total);
        expect(t.oneStop.total).toBeLessThanOrEqual(t.procedures.total);
        for (const l of form.levels) {
          expect(t.oneStop.byLevel[l]).toBeLessThanOrEqual(t.procedures.byLevel[l] ?? 0);
          expect(t.procedures.byLevel[l]).toBeLessThanOrEqual(
            t.procedures.total - form.notDeclared.levels.length,
          );
        }
      }),
    );
  });
});
