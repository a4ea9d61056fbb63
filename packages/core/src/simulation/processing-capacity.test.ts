import { describe, expect, it } from 'vitest';
import { sampleProcedure, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { runSimulation, simulate } from './simulate.js';
import type { SimulationOptions } from './simulation-options.js';

const base: SimulationOptions = {
  procedures: [sampleProcedure()],
  calendar: testCalendar(),
  start: '2026-03-02',
  days: 40,
  drainDays: 40,
  arrivals: { perWorkingDay: 30 },
  behaviour: { lateShare: 0 },
  samples: { '1.004194': () => sampleReceipt },
  mode: 'direct',
};
const police = (officers: number) => ({
  units: { police: { officers, serviceMinutes: { kind: 'exponential' as const, mean: 60 } } },
});

describe('simulate with processing capacity', () => {
  it('takes step ends from the unit queue: too few officers make dossiers late, enough make them timely', async () => {
    // 30 dossiers a day, two police steps of an hour each on average: 60 officer-hours a day of work.
    const short = await simulate({ ...base, seed: 3, capacity: police(6) });
    const enough = await simulate({ ...base, seed: 3, capacity: police(10) });
    const s = short.report[0]!;
    const e = enough.report[0]!;
    expect(short.capacity?.units.police?.officers).toBe(6);
    expect(short.capacity!.units.police!.meanWaitMinutes).toBeGreaterThan(
      enough.capacity!.units.police!.meanWaitMinutes * 5,
    );
    expect(s.lateRate).toBeGreaterThan(0.2);
    expect(e.timelyRate).toBeGreaterThan(0.95);
    // The outcomes are the lifecycle's: every resolved dossier is early, on time or late.
    expect(s.early + s.onTime + s.late).toBe(s.resolved);
  });

  it('lends officers at the desk on rotation and skips absent officers', async () => {
    const all = await simulate({ ...base, days: 10, seed: 4, capacity: police(8) });
    const lent = await simulate({
      ...base,
      days: 10,
      seed: 4,
      capacity: { ...police(8), atDesk: { police: 3 } },
    });
    const absent = await simulate({
      ...base,
      days: 10,
      seed: 4,
      capacity: { units: { police: { ...police(8).units.police, absenceShare: 0.4 } } },
    });
    expect(lent.capacity!.units.police!.officers).toBe(5);
    expect(lent.capacity!.units.police!.meanWaitMinutes).toBeGreaterThan(
      all.capacity!.units.police!.meanWaitMinutes,
    );
    expect(absent.capacity!.units.police!.meanWaitMinutes).toBeGreaterThan(
      all.capacity!.units.police!.meanWaitMinutes,
    );
  });

  it('holds a step at least its hold share of the budget: fewer dossiers early, none faster than the hold', async () => {
    const free = await simulate({ ...base, days: 10, seed: 6, capacity: police(10) });
    const held = await simulate({
      ...base,
      days: 10,
      seed: 6,
      capacity: {
        units: { police: { ...police(10).units.police, holdShareOfBudget: [0.9, 1] as [number, number] } },
      },
    });
    expect(held.report[0]!.earlyRate).toBeLessThan(free.report[0]!.earlyRate);
    expect(held.report[0]!.received).toBe(free.report[0]!.received);
  });

  it('runs the one lifecycle: engine and direct modes give the same report with capacity', async () => {
    const options = { ...base, days: 10, seed: 8, capacity: police(5) };
    const direct = await simulate(options);
    const viaEngine = await simulate({ ...options, mode: 'engine' });
    expect(direct.report).toEqual(viaEngine.report);
    expect(direct.capacity).toEqual(viaEngine.capacity);
  });

  it('is refused on more than one share of the arrivals (capacity is shared by every dossier)', async () => {
    await expect(
      runSimulation({ ...base, days: 1, capacity: police(1) }, { index: 0, of: 2 }),
    ).rejects.toMatchObject({
      field: 'capacity',
    });
  });
});
