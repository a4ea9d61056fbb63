import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { EventQueue } from './event-queue.js';
import { simulate } from './simulate.js';

const base = {
  procedures: [sampleProcedure()],
  calendar: testCalendar(),
  start: '2026-02-09',
  days: 28,
  arrivals: { perWorkingDay: 30 },
  samples: { '1.004194': () => sampleReceipt },
};

describe('simulate', () => {
  it('runs a month of traffic across Tết and reports consistent figures', async () => {
    const result = await simulate({ ...base, seed: 11 });
    const [all] = result.report;
    expect(all).toBeDefined();
    expect(all!.received).toBe(result.received);
    // Every dossier ends in one bucket after the drain period.
    const closed = all!.resolved + all!.withdrawn + all!.stopped + all!.expired;
    expect(closed + all!.inProgressWithinTime + all!.inProgressOverdue).toBe(
      all!.received + all!.carriedOver,
    );
    expect(all!.early + all!.onTime + all!.late).toBe(all!.resolved);
    expect(all!.late).toBeGreaterThan(0);
    // No arrivals on Tết days (16–20/02/2026) or weekends.
    const tet = result.days.filter((d) => d.date >= '2026-02-14' && d.date <= '2026-02-22');
    expect(tet.every((d) => d.received === 0)).toBe(true);
    expect(result.days.reduce((n, d) => n + d.received, 0)).toBe(result.received);
    expect(result.days.reduce((n, d) => n + d.resolved, 0)).toBe(all!.resolved);
  });

  it('is deterministic for a seed', async () => {
    const a = await simulate({ ...base, days: 7, seed: 5 });
    const b = await simulate({ ...base, days: 7, seed: 5 });
    expect(a.report).toEqual(b.report);
    expect(a.commands).toBe(b.commands);
  });

  it('refuses options it cannot run', async () => {
    await expect(simulate({ ...base, procedures: [] })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(simulate({ ...base, samples: {} })).rejects.toMatchObject({ field: 'samples' });
  });
});

describe('EventQueue', () => {
  it('pops in time order, ties in insertion order', () => {
    const q = new EventQueue<string>();
    for (const [at, v] of [
      [5, 'a'],
      [1, 'b'],
      [5, 'c'],
      [3, 'd'],
      [1, 'e'],
    ] as const)
      q.push(at, v);
    const out: string[] = [];
    while (q.size) out.push(q.pop()!.item);
    expect(out).toEqual(['b', 'e', 'd', 'a', 'c']);
  });
});

describe('simulate in direct mode', () => {
  it('gives the same report as the engine path for a seed', async () => {
    const days = laneCount(21, 7);
    const viaEngine = await simulate({ ...base, days, seed: 21 });
    const direct = await simulate({ ...base, days, seed: 21, mode: 'direct' });
    expect(direct.report).toEqual(viaEngine.report);
    expect(direct.byProcedure).toEqual(viaEngine.byProcedure);
    expect(direct.units).toEqual(viaEngine.units);
    expect(direct.days).toEqual(viaEngine.days);
    expect(direct.commands).toBe(viaEngine.commands);
  });
});
