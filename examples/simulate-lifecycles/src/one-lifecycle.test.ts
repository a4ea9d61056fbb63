/**
 * One lifecycle: `simulate` without a store (`mode: 'direct'`) runs the procedure's own compiled
 * transitions, the engine's own timers and the report functions, so for each seed it gives the
 * same reports, the same journal and the same control slip of every dossier as the engine path.
 * Every catalogue procedure in force runs, under behaviour mixes that reach supplementation (both
 * clock policies, with and without a response limit), refusals, withdrawals and apologies.
 */
import { defineProcedure, isLiaison, type Procedure } from '@motcua/core';
import { type SimulationOptions, type SimulationResult, simulate } from '@motcua/core/simulation';
import { catalogueSamples } from '@motcua/procedures';
import { describe, expect, it } from 'vitest';
import { catalogueInForce, nationalCalendar } from './office.js';

const start = '2026-04-20';

/** The supplementation settings a case overrides. */
type SupplementationInput = Partial<Procedure['definition']['supplementation']>;

/** The catalogue in force at the start (liaisons left out), each with this supplementation. */
function catalogueWith(supplementation?: SupplementationInput): Procedure[] {
  return catalogueInForce(start)
    .filter((p) => !isLiaison(p))
    .map((p) =>
      supplementation
        ? defineProcedure(
            { ...p.definition, supplementation: { ...p.definition.supplementation, ...supplementation } },
            { calendar: nationalCalendar() },
          )
        : p,
    );
}

/** A behaviour mix that reaches every branch often in a short run. */
const busy: NonNullable<SimulationOptions['behaviour']> = {
  lateShare: 0.15,
  supplementShare: 0.3,
  supplementDays: [1, 8],
  refusalShare: 0.05,
  withdrawalShare: 0.03,
  apologyShare: 0.8,
  pickupHours: [0, 4],
};

/** Every national fact the simulation generates, often. */
const facts: NonNullable<SimulationOptions['facts']> = {
  applicantKinds: { citizen: 5, enterprise: 2, 'household-business': 2, agency: 1 },
  representativeShare: 0.3,
  components: {
    digitisedShare: 0.6,
    reusedShare: 0.2,
    nationalStoreShare: 0.1,
    databaseShare: 0.3,
    lookupFailureShare: 0.3,
  },
  results: true,
  handovers: { applicant: 3, representative: 2, post: 2, online: 2 },
  ratings: { share: 0.7 },
};

async function both(
  procedures: Procedure[],
  seed: number,
  withFacts = false,
): Promise<[SimulationResult, SimulationResult, SimulationResult]> {
  const options: SimulationOptions = {
    procedures,
    calendar: nationalCalendar(),
    start,
    days: 15,
    drainDays: 45,
    seed,
    arrivals: { perWorkingDay: 12 },
    behaviour: busy,
    samples: Object.fromEntries(procedures.map((p) => [p.code, () => catalogueSamples[p.code]!] as const)),
    ...(withFacts ? { facts } : {}),
  };
  const viaEngine = await simulate(options);
  const direct = await simulate({ ...options, mode: 'direct', keepRecords: true });
  const lean = await simulate({ ...options, mode: 'direct' });
  return [viaEngine, direct, lean];
}

/** Journal and control slip of every dossier, by code. */
async function records(result: SimulationResult) {
  const out: Record<string, { journal: unknown; slip: unknown }> = {};
  for (const s of await result.target.list()) {
    const r = await result.target.get(s.code);
    out[s.code] = { journal: r.journal, slip: r.slip };
  }
  return out;
}

const cases: [string, SupplementationInput | undefined][] = [
  ['as catalogued', undefined],
  ['clock restarts, 2-day response limit', { clock: 'restart', responseLimit: { workingDays: 2 } }],
  ['clock resumes', { clock: 'resume' }],
  [
    'clock resumes, 3-day response limit, two requests',
    { clock: 'resume', maxRequests: 2, responseLimit: { workingDays: 3 } },
  ],
];

describe('one lifecycle: the store-less path equals the engine path', () => {
  for (const [name, supplementation] of cases) {
    it(`${name}: equal reports, journals and control slips`, async () => {
      const [viaEngine, direct, lean] = await both(catalogueWith(supplementation), 14);
      // Without kept records (how province-scale runs go), the same figures.
      expect(lean.days).toEqual(viaEngine.days);
      expect(lean.report).toEqual(viaEngine.report);
      expect(lean.units).toEqual(viaEngine.units);
      expect(direct.received).toBe(viaEngine.received);
      expect(direct.commands).toBe(viaEngine.commands);
      expect(direct.report).toEqual(viaEngine.report);
      expect(direct.byProcedure).toEqual(viaEngine.byProcedure);
      expect(direct.units).toEqual(viaEngine.units);
      expect(direct.days).toEqual(viaEngine.days);
      const [a, b] = [await records(viaEngine), await records(direct)];
      expect(Object.keys(b).length).toBe(viaEngine.received);
      expect(b).toEqual(a);
      // The mix reaches what it is meant to reach, in both modes alike.
      const all = viaEngine.report[0]!;
      expect(all.refused).toBeGreaterThan(0);
      expect(all.withdrawn).toBeGreaterThan(0);
      expect(all.late).toBeGreaterThan(0);
      const types = new Set(
        Object.values(a).flatMap((r) => (r.journal as { type: string }[]).map((j) => j.type)),
      );
      for (const type of [
        'APOLOGIZE',
        'REQUEST_SUPPLEMENT',
        'SUPPLEMENT_RECEIVED',
        'MARK_OVERDUE',
        'TIMER:dossier-warning',
        'TIMER:step-due',
      ])
        expect(types, type).toContain(type);
      if (supplementation?.responseLimit) {
        expect(all.expired).toBeGreaterThan(0);
        expect(types).toContain('EXPIRE');
      }
    }, 120_000);
  }

  it('with national facts: equal reports, journals, control slips and facts', async () => {
    const [viaEngine, direct, lean] = await both(catalogueWith(), 14, true);
    expect(direct.report).toEqual(viaEngine.report);
    expect(direct.units).toEqual(viaEngine.units);
    expect(direct.commands).toBe(viaEngine.commands);
    expect(direct.facts).toEqual(viaEngine.facts);
    expect(lean.facts).toEqual(viaEngine.facts);
    expect(lean.report).toEqual(viaEngine.report);
    const [a, b] = [await records(viaEngine), await records(direct)];
    expect(b).toEqual(a);
    const types = new Set(
      Object.values(a).flatMap((r) => (r.journal as { type: string }[]).map((j) => j.type)),
    );
    for (const type of ['RECORD_COMPONENTS', 'ISSUE_RESULT', 'RATING']) expect(types, type).toContain(type);
    const f = viaEngine.facts!;
    expect(f.components.paperFallbacks).toBeGreaterThan(0);
    expect(f.ratings.rated).toBeGreaterThan(0);
    expect(f.handovers.post).toBeGreaterThan(0);
  }, 120_000);
});
