/**
 * Property-based: for any seed, start week, arrival rate and behaviour (shares of supplementation,
 * refusal, withdrawal, slow steps and apologies, with or without a slow unit), every simulated
 * dossier keeps the lifecycle's invariants and the report adds up.
 */
import {
  classifyTimeliness,
  type DossierContext,
  DossierContextSchema,
  type Engine,
  verifySlip,
} from '@motcua/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../tools/test-lane/lane.js';
import { allDossiers, runOffice, withSlowUnit } from './office.js';

/** Checks one dossier; returns nothing, throws (through `expect`) on the first broken invariant. */
function checkDossier(engine: Engine, d: DossierContext): void {
  const def = engine.procedures.get(d.procedure.code, d.procedure.version).definition;
  expect(DossierContextSchema.safeParse(d).success, d.code).toBe(true);
  expect(verifySlip(d.slip), d.code).toMatchObject({ ok: true });
  expect(d.supplements.length, d.code).toBeLessThanOrEqual(def.supplementation.maxRequests);
  // The due time in force is never before the legal one; an apology only moves it later.
  expect(Date.parse(d.due.current), d.code).toBeGreaterThanOrEqual(Date.parse(d.due.legal));
  if (d.apology) expect(Date.parse(d.apology.newDue)).toBeGreaterThan(Date.parse(d.apology.previousDue));

  // Steps follow the definition's order (the simulation never sends back); only the last is open.
  const order = d.steps.map((s) => def.steps.findIndex((x) => x.id === s.stepId));
  expect(
    order.every((i, k) => i >= 0 && (k === 0 || i >= order[k - 1]!)),
    d.code,
  ).toBe(true);
  d.steps.forEach((s, k) => {
    if (k < d.steps.length - 1) expect(s.endedAt, d.code).not.toBeNull();
    if (s.endedAt) expect(Date.parse(s.endedAt)).toBeGreaterThanOrEqual(Date.parse(s.startedAt));
  });

  const open = d.steps.at(-1)?.endedAt === null ? d.steps.at(-1) : undefined;
  if (!d.outcome) {
    // Still open: the desk holds it while the applicant supplements or the result waits.
    expect(d.holder, d.code).toBe(open && !d.pause ? open.unit : def.desk);
    return;
  }
  if (d.outcome.kind === 'returned') {
    expect(open, d.code).toBeUndefined();
    expect(d.outcome.result, d.code).toBe(
      classifyTimeliness(new Date(d.outcome.at), new Date(d.due.legal), engine.calendar),
    );
    expect(d.outcome.lateUnit !== null, d.code).toBe(d.outcome.result === 'LATE');
  }
  if (d.outcome.kind !== 'returned' && d.outcome.kind !== 'refused') expect(d.outcome.result).toBeNull();
}

const share = (max: number) => fc.double({ min: 0, max, noNaN: true });

describe('lifecycle invariants over seeds', () => {
  it('hold for every dossier of every simulated week', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 0x7fffffff }),
          start: fc.constantFrom('2026-01-26', '2026-02-09', '2026-04-27', '2026-08-24', '2026-11-16'),
          perWorkingDay: fc.integer({ min: 1, max: 10 }),
          behaviour: fc.record({
            supplementShare: share(0.5),
            refusalShare: share(0.2),
            withdrawalShare: share(0.1),
            lateShare: share(0.3),
            apologyShare: share(1),
          }),
          slow: fc.option(
            fc.record({
              unit: fc.constantFrom('leader', 'clerk', 'justice', 'police'),
              factor: fc.integer({ min: 2, max: 5 }),
              apologize: fc.boolean(),
            }),
            { nil: undefined },
          ),
        }),
        async ({ seed, start, perWorkingDay, behaviour, slow }) => {
          const run = await runOffice({
            start,
            days: 7,
            seed,
            perWorkingDay,
            behaviour,
            ...(slow ? { decorate: (engine: Engine) => withSlowUnit(engine, slow) } : {}),
          });
          const dossiers = await allDossiers(run.engine);
          expect(dossiers).toHaveLength(run.received);
          for (const d of dossiers) checkDossier(run.engine, d);

          const r = run.report[0];
          if (run.received === 0) return;
          expect(r).toBeDefined();
          expect(r!.received).toBe(run.received);
          expect(
            r!.resolved +
              r!.withdrawn +
              r!.stopped +
              r!.expired +
              r!.inProgressWithinTime +
              r!.inProgressOverdue,
          ).toBe(r!.received);
          expect(r!.early + r!.onTime + r!.late).toBe(r!.resolved);
          // The unit report counts the steps closed in the period: the days simulated and the
          // 30 days of drain (a dossier slowed across Tết may close after it).
          const end = Date.parse(`${start}T00:00:00+07:00`) + (7 + 30) * 86_400_000;
          const closedSteps = dossiers
            .flatMap((d) => d.slip)
            .filter((row) => row.stepId && row.result && Date.parse(row.at) < end);
          expect(run.units.reduce((n, u) => n + u.early + u.onTime + u.late, 0)).toBe(closedSteps.length);
        },
      ),
      { numRuns: laneCount(30, 5) },
    );
  }, 120_000);
});
