/**
 * A deliberately slow unit: the leaders (lãnh đạo) take four times their step budgets. The same
 * seed without the slow unit is the baseline. Dossiers go late, the unit apologises for them
 * (Form 04), the unit report points at it, and an apology does not turn a late dossier into an
 * on-time one in the statistics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allDossiers, catalogueInForce, runOffice, withSlowUnit } from './office.js';

const period = { start: '2026-04-20', days: 21, seed: 2026, perWorkingDay: 20 } as const;
let baseline: Awaited<ReturnType<typeof runOffice>>;
let slow: Awaited<ReturnType<typeof runOffice>>;

beforeAll(async () => {
  baseline = await runOffice(period);
  slow = await runOffice({
    ...period,
    decorate: (engine) => withSlowUnit(engine, { unit: 'leader', factor: 4, apologize: true }),
  });
}, 60_000);

describe('a deliberately slow unit', () => {
  it('makes dossiers late that were not', () => {
    const [before] = baseline.report;
    const [after] = slow.report;
    expect(after!.received).toBe(before!.received);
    expect(after!.late).toBeGreaterThan(before!.late);
    expect(after!.late).toBeGreaterThanOrEqual(10);
    expect(after!.timelyRate).toBeLessThan(before!.timelyRate);
  });

  it('the unit report points at it: every leader step is late', () => {
    const leader = slow.units.find((u) => u.unit === 'leader')!;
    expect(leader.late).toBeGreaterThan(0);
    expect(leader.early + leader.onTime).toBe(0);
    for (const other of slow.units.filter((u) => u.unit !== 'leader')) {
      expect(other.late, other.unit).toBeLessThan(leader.late);
    }
    const before = baseline.units.find((u) => u.unit === 'leader')!;
    expect(before.early + before.onTime).toBeGreaterThan(before.late);
  });

  it('the unit apologises with a new date; late dossiers stay late in the statistics', async () => {
    const dossiers = await allDossiers(slow.engine);
    const byLeader = dossiers.filter((d) => d.apology?.causedBy === 'leader');
    expect(byLeader.length).toBeGreaterThan(0);
    for (const d of byLeader) {
      expect(Date.parse(d.apology!.newDue), d.code).toBeGreaterThan(Date.parse(d.apology!.previousDue));
      expect(d.apology!.by.unitId).toBe('leader');
    }
    const lateWithApology = dossiers.filter((d) => d.outcome?.result === 'LATE' && d.apology);
    expect(lateWithApology.length).toBeGreaterThan(0);
    // Returned by the new date, past the legal one: still counted late.
    const keptNewDate = lateWithApology.filter(
      (d) => d.outcome!.kind === 'returned' && Date.parse(d.outcome!.at) <= Date.parse(d.apology!.newDue),
    );
    expect(keptNewDate.length).toBeGreaterThan(0);
    for (const d of keptNewDate) {
      expect(Date.parse(d.outcome!.at), d.code).toBeGreaterThan(Date.parse(d.due.legal));
    }
  });

  it('only the simulation sees the slow budgets: leader steps keep their real due times', async () => {
    const real = new Map(catalogueInForce(period.start).map((p) => [p.code, p.definition]));
    const calendar = slow.engine.calendar;
    const leaderSteps = (await allDossiers(slow.engine))
      .filter((d) => d.supplements.length === 0)
      .flatMap((d) => d.steps.filter((s) => s.unit === 'leader').map((s) => ({ d, s })));
    expect(leaderSteps.length).toBeGreaterThan(100);
    for (const { d, s } of leaderSteps) {
      const budget = real.get(d.procedure.code)!.steps.find((x) => x.id === s.stepId)!.budget;
      const minutes = 'workingHours' in budget ? budget.workingHours * 60 : budget.workingDays * 480;
      expect(s.due, d.code).toBe(calendar.addWorkingMinutes(new Date(s.startedAt), minutes).toISOString());
      expect(s.result, d.code).toBe('LATE');
    }
  });
});
