import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import type { DossierContext } from '../model/dossier-context.js';
import { type RatingCriteriaSet, ratingProblems } from '../model/rating.js';
import { defineProcedure } from '../procedure/define-procedure.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { simulate } from './simulate.js';
import { simulateInWorkers } from './simulate-in-workers.js';
import type { SimulationFactsOptions, SimulationOptions, SimulationResult } from './simulation-options.js';

const facts: SimulationFactsOptions = {
  applicantKinds: { citizen: 6, enterprise: 2, 'household-business': 1, agency: 1 },
  representativeShare: 0.3,
  components: {
    digitisedShare: 0.5,
    reusedShare: 0.2,
    nationalStoreShare: 0.1,
    databaseShare: 0.3,
    lookupFailureShare: 0.25,
  },
  results: true,
  handovers: { applicant: 4, representative: 2, post: 2, online: 2 },
  ratings: { share: 0.7 },
};

const base: SimulationOptions = {
  procedures: [sampleProcedure()],
  calendar: testCalendar(),
  start: '2026-03-02',
  days: laneCount(15, 6),
  drainDays: 30,
  seed: 31,
  arrivals: { perWorkingDay: 20 },
  behaviour: { supplementShare: 0.2, refusalShare: 0.03, withdrawalShare: 0.02, pickupHours: [0, 4] },
  samples: { '1.004194': () => sampleReceipt },
};

/** Journal and control slip of every dossier, by code. */
async function records(result: SimulationResult) {
  const out: Record<string, { journal: unknown; slip: unknown }> = {};
  for (const s of await result.target.list()) {
    const r = await result.target.get(s.code);
    out[s.code] = { journal: r.journal, slip: r.slip };
  }
  return out;
}

describe('simulate with national facts', () => {
  it('gives equal reports, journals and facts in engine and direct mode', async () => {
    const viaEngine = await simulate({ ...base, facts });
    const direct = await simulate({ ...base, facts, mode: 'direct', keepRecords: true });
    const lean = await simulate({ ...base, facts, mode: 'direct' });
    expect(direct.report).toEqual(viaEngine.report);
    expect(direct.units).toEqual(viaEngine.units);
    expect(direct.days).toEqual(viaEngine.days);
    expect(direct.commands).toBe(viaEngine.commands);
    expect(direct.facts).toEqual(viaEngine.facts);
    expect(lean.facts).toEqual(viaEngine.facts);
    const [a, b] = [await records(viaEngine), await records(direct)];
    expect(b).toEqual(a);
    const types = new Set(
      Object.values(a).flatMap((r) => (r.journal as { type: string }[]).map((j) => j.type)),
    );
    for (const type of ['RECORD_COMPONENTS', 'ISSUE_RESULT', 'RATING', 'RETURN_RESULT'])
      expect(types, type).toContain(type);
  }, 60_000);

  it('records each fact on the dossiers, and counts what it recorded', async () => {
    const result = await simulate({ ...base, facts, mode: 'direct', keepRecords: true });
    const f = result.facts!;
    const all = result.report[0]!;
    expect(f.dossiers).toBe(result.received);
    expect(Object.values(f.applicantKinds).reduce((n, k) => n + (k ?? 0), 0)).toBe(f.dossiers);
    expect(f.applicantKinds.enterprise).toBeGreaterThan(0);
    // Every component at receipt: two documents per dossier, by source.
    const c = f.components;
    expect(c.recorded - c.paperFallbacks).toBe(2 * f.dossiers);
    expect(Object.values(c.bySource).reduce((n, k) => n + k, 0)).toBe(c.recorded);
    expect(c.lookupsFailed).toBeGreaterThan(0);
    expect(c.paperFallbacks).toBeLessThanOrEqual(c.lookupsFailed);
    expect(f.shares.reused).toBeGreaterThan(0.15);
    expect(f.shares.reused).toBeLessThan(0.45);
    expect(f.shares.digitised).toBeGreaterThan(0.3);
    expect(f.shares.digitised).toBeLessThan(0.7);
    // A result document per dossier that reached the end of processing; a handover per return.
    const returned = all.resolved - all.refused;
    expect(f.results).toBeGreaterThanOrEqual(returned);
    expect(Object.values(f.handovers).reduce((n, k) => n + k, 0)).toBe(returned);
    expect(f.handovers.post).toBeGreaterThan(0);
    expect(f.ratings.rated).toBeGreaterThan(0.5 * returned);
    expect(f.ratings.rated).toBeLessThan(0.9 * returned);
    expect(f.shares.satisfied).toBeGreaterThan(0.8);
    for (const mean of Object.values(f.meanScores)) {
      expect(mean).toBeGreaterThan(1);
      expect(mean).toBeLessThanOrEqual(2);
    }

    // On the dossiers themselves.
    let represented = 0;
    let withComponents = 0;
    let rated = 0;
    for (const s of await result.target.list()) {
      const ctx = (await result.target.get(s.code)) as unknown as {
        context: import('../model/dossier-context.js').DossierContext;
      };
      const x = ctx.context;
      if (x.applicant.representative) represented++;
      if (x.applicant.kind === 'enterprise') {
        expect(x.applicant.organisation).toMatch(/^Công ty TNHH /);
        expect(x.applicant.documents?.some((d) => d.type === 'tax-code')).toBe(true);
      }
      if (x.components?.length) withComponents++;
      // A failed lookup whose paper came is satisfied again; one still waiting is not.
      for (const comp of x.components ?? [])
        expect(comp.satisfied).toBe(comp.source !== 'database' || comp.database?.answer === 'found');
      if (x.outcome?.kind === 'returned') {
        expect(x.results?.length).toBe(1);
        expect(x.results?.[0]).toMatchObject({ symbol: 'KQ', issuingBody: expect.any(String) });
        expect(x.finishedAt).toBeDefined();
        const h = x.outcome.handover!;
        expect(h).toBeDefined();
        if (h.collectedBy === 'representative') expect(x.applicant.representative).toBeDefined();
        if (h.collectedBy === 'online') expect(x.channel).toMatch(/^online/);
        expect(x.outcome.delivery).toBe(
          h.collectedBy === 'post' ? 'postal' : h.collectedBy === 'online' ? 'online' : 'in-person',
        );
        if (x.rating) {
          rated++;
          expect(x.rating).toMatchObject({ channel: 'desk', criteriaSet: 'nd61-2018', at: x.outcome.at });
        }
      } else expect(x.rating).toBeUndefined();
    }
    expect(represented).toBe(f.represented);
    expect(withComponents).toBe(f.dossiers);
    expect(rated).toBe(f.ratings.rated);
  }, 60_000);

  it('changes no arrival and no fate: the same report as without facts; deterministic per seed', async () => {
    const off = await simulate({ ...base, mode: 'direct' });
    const on = await simulate({ ...base, facts, mode: 'direct' });
    const again = await simulate({ ...base, facts, mode: 'direct' });
    expect(off.facts).toBeUndefined();
    expect(on.report).toEqual(off.report);
    expect(on.units).toEqual(off.units);
    expect(on.commands).toBeGreaterThan(off.commands);
    expect(again.facts).toEqual(on.facts);
    expect(again.commands).toBe(on.commands);
    const other = await simulate({ ...base, facts, mode: 'direct', seed: 32 });
    expect(other.facts).not.toEqual(on.facts);
  }, 60_000);

  it('draws no representative for a procedure filed in person only', async () => {
    const inPerson = defineProcedure(
      { ...sampleResidenceDefinition, representation: 'not-allowed' },
      { calendar: testCalendar() },
    );
    const result = await simulate({
      ...base,
      procedures: [inPerson],
      days: 5,
      mode: 'direct',
      facts: { representativeShare: 1, handovers: { representative: 1 } },
    });
    const f = result.facts!;
    expect(f.dossiers).toBe(result.received);
    expect(f.represented).toBe(0);
    // Nobody to collect as a representative: the applicant does.
    expect(f.handovers.representative).toBe(0);
    expect(f.handovers.applicant).toBeGreaterThan(0);
  }, 60_000);

  it('rates against the given criteria set, in both modes', async () => {
    const criteria: RatingCriteriaSet = {
      id: 'test-2026',
      validFrom: '2026-01-01',
      validTo: null,
      source: 'a test set',
      criteria: [
        {
          id: 'overall',
          name: 'Đánh giá chung',
          answers: [
            { score: 3, label: 'Tốt' },
            { score: 1, label: 'Chưa tốt' },
          ],
        },
      ],
    };
    const only: SimulationFactsOptions = { ratings: { share: 1, criteria } };
    const options = { ...base, days: laneCount(8, 4), facts: only };
    const viaEngine = await simulate(options);
    const direct = await simulate({ ...options, mode: 'direct' });
    expect(direct.facts).toEqual(viaEngine.facts);
    const f = viaEngine.facts!;
    expect(f.ratings.criteriaSet).toBe('test-2026');
    expect(f.ratings.rated).toBe(viaEngine.report[0]!.resolved - viaEngine.report[0]!.refused);
    expect(f.ratings.verySatisfied).toBeGreaterThan(0);
    expect(ratingProblems(criteria, { overall: 3 })).toEqual([]);
    // Nothing else generated.
    expect(f.components.recorded).toBe(0);
    expect(f.results).toBe(0);
    expect(f.dossiers).toBe(0);
  }, 60_000);

  it('in workers: one worker gives the facts of simulate; shares of two add up', async () => {
    const setupModule = new URL('../../test-support/simulate-in-workers.setup.ts', import.meta.url);
    const data = {
      start: '2026-02-09',
      days: laneCount(10, 5),
      seed: 21,
      arrivals: { perWorkingDay: 30 },
      facts,
    };
    const single = await simulate({
      ...data,
      procedures: [sampleProcedure()],
      calendar: testCalendar(),
      samples: { '1.004194': () => sampleReceipt },
      mode: 'direct',
    });
    const one = await simulateInWorkers({ ...data, setupModule, workers: 1 });
    expect(one.facts).toEqual(single.facts);
    const two = await simulateInWorkers({ ...data, setupModule, workers: 2 });
    const f = two.facts!;
    expect(f.dossiers).toBe(two.received);
    expect(f.components.recorded - f.components.paperFallbacks).toBe(2 * two.received);
    expect(f.shares.satisfied).toBeCloseTo(f.ratings.satisfied / f.ratings.rated, 10);
  }, 120_000);

  it('property: for any seed and shares, the counts match the dossiers and the report is the one without facts', async () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const weight = fc.integer({ min: 0, max: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.record({
          representativeShare: unit,
          digitisedShare: unit,
          reused: unit,
          store: unit,
          database: unit,
          lookupFailureShare: unit,
          ratingShare: unit,
          handovers: fc.tuple(weight, weight, weight, fc.integer({ min: 1, max: 3 })),
        }),
        async (seed, x) => {
          // Source shares scaled to add up to at most 1.
          const sum = Math.max(1, x.reused + x.store + x.database);
          const drawn: SimulationFactsOptions = {
            applicantKinds: { citizen: 2, enterprise: 1 },
            representativeShare: x.representativeShare,
            components: {
              digitisedShare: x.digitisedShare,
              reusedShare: x.reused / sum,
              nationalStoreShare: x.store / sum,
              databaseShare: x.database / sum,
              lookupFailureShare: x.lookupFailureShare,
            },
            results: true,
            handovers: {
              applicant: x.handovers[3],
              representative: x.handovers[0],
              post: x.handovers[1],
              online: x.handovers[2],
            },
            ratings: { share: x.ratingShare },
          };
          const options = { ...base, seed, days: 5, arrivals: { perWorkingDay: 8 }, mode: 'direct' as const };
          const off = await simulate(options);
          const on = await simulate({ ...options, facts: drawn, keepRecords: true });
          expect(on.report).toEqual(off.report);
          const f = on.facts!;
          let represented = 0;
          let results = 0;
          let rated = 0;
          let handed = 0;
          let failedNow = 0;
          for (const s of await on.target.list()) {
            const x = ((await on.target.get(s.code)) as unknown as { context: DossierContext }).context;
            if (x.applicant.representative) represented++;
            results += x.results?.length ?? 0;
            if (x.rating) rated++;
            if (x.outcome?.handover) handed++;
            expect(x.components).toHaveLength(2);
            for (const c of x.components ?? []) {
              expect(c.satisfied).toBe(c.source !== 'database' || c.database?.answer === 'found');
              if (!c.satisfied) failedNow++;
            }
          }
          expect(represented).toBe(f.represented);
          expect(results).toBe(f.results);
          expect(rated).toBe(f.ratings.rated);
          expect(handed).toBe(Object.values(f.handovers).reduce((n, k) => n + k, 0));
          // A failed lookup is still unsatisfied unless its paper came.
          expect(failedNow).toBe(f.components.lookupsFailed - f.components.paperFallbacks);
          expect(f.components.recorded - f.components.paperFallbacks).toBe(2 * f.dossiers);
        },
      ),
      { numRuns: laneCount(12, 3) },
    );
  }, 120_000);
});
