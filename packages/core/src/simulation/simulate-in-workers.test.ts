import { describe, expect, it } from 'vitest';
import type { DossierSummary } from '../model/dossier-summary.js';
import { aggregateReport } from '../report/aggregate-report.js';
import { mergeReports, mergeUnitReports } from '../report/merge-reports.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { simulate } from './simulate.js';
import { simulateInWorkers } from './simulate-in-workers.js';

const setupModule = new URL('../../test-support/simulate-in-workers.setup.ts', import.meta.url);
const options = {
  start: '2026-02-09',
  days: 21,
  seed: 21,
  arrivals: { perWorkingDay: 40 },
};

describe('simulateInWorkers', () => {
  it('with one worker gives what simulate gives in direct mode', async () => {
    const single = await simulate({
      ...options,
      procedures: [sampleProcedure()],
      calendar: testCalendar(),
      samples: { '1.004194': () => sampleReceipt },
      mode: 'direct',
    });
    const one = await simulateInWorkers({ ...options, setupModule, workers: 1 });
    expect(one.report).toEqual(single.report);
    expect(one.byProcedure).toEqual(single.byProcedure);
    expect(one.units).toEqual(single.units);
    expect(one.days).toEqual(single.days);
    expect(one.commands).toBe(single.commands);
    expect(one.received).toBe(single.received);
  }, 60_000);

  it('splits the same arrivals over workers, merges consistent figures, and is deterministic', async () => {
    const days: string[] = [];
    const a = await simulateInWorkers({
      ...options,
      setupModule,
      workers: 3,
      onDay: (d) => days.push(d.date),
    });
    const b = await simulateInWorkers({ ...options, setupModule, workers: 3 });
    expect(b).toEqual({ ...a, elapsedMs: b.elapsedMs, perWorker: b.perWorker });
    expect(a.perWorker.map((w) => w.received)).toEqual(b.perWorker.map((w) => w.received));
    expect(days).toEqual(a.days.map((d) => d.date));

    // The arrivals do not depend on the number of workers.
    const one = await simulateInWorkers({ ...options, setupModule, workers: 1 });
    expect(a.received).toBe(one.received);
    expect(a.days.map((d) => d.received)).toEqual(one.days.map((d) => d.received));
    expect(a.report[0]!.receivedByChannel).toEqual(one.report[0]!.receivedByChannel);
    expect(a.perWorker).toHaveLength(3);
    expect(a.perWorker.reduce((n, w) => n + w.received, 0)).toBe(a.received);

    const [all] = a.report;
    expect(all!.received).toBe(a.received);
    const closed = all!.resolved + all!.withdrawn + all!.stopped + all!.expired;
    expect(closed + all!.inProgressWithinTime + all!.inProgressOverdue).toBe(
      all!.received + all!.carriedOver,
    );
    expect(all!.early + all!.onTime + all!.late).toBe(all!.resolved);
    expect(all!.timelyRate).toBe(Math.round(((all!.early + all!.onTime) / all!.resolved) * 10_000) / 10_000);
    expect(a.days.reduce((n, d) => n + d.resolved, 0)).toBe(all!.resolved);
    expect(a.byProcedure.reduce((n, r) => n + r.received, 0)).toBe(a.received);
    expect(a.units.reduce((n, u) => n + u.early + u.onTime + u.late, 0)).toBeGreaterThan(all!.resolved);
  }, 120_000);

  it('reports a failing setup, a missing export and a bad worker count', async () => {
    await expect(
      simulateInWorkers({ ...options, setupModule, workers: 1, setupArgument: { failWith: 'no data' } }),
    ).rejects.toThrow(/no data/);
    await expect(
      simulateInWorkers({ ...options, setupModule, workers: 1, exportName: 'nope' }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'exportName' });
    await expect(simulateInWorkers({ ...options, setupModule, workers: 0 })).rejects.toMatchObject({
      field: 'workers',
    });
  }, 60_000);
});

describe('mergeReports', () => {
  it('merges reports over disjoint dossiers into the report over their union', async () => {
    const result = await simulate({
      ...options,
      procedures: [sampleProcedure()],
      calendar: testCalendar(),
      samples: { '1.004194': () => sampleReceipt },
      arrivals: { perWorkingDay: 30, channels: { 'in-person': 2, postal: 1, 'online-full': 1 } },
    });
    const summaries = (await result.engine!.list({ limit: 10_000 })) as DossierSummary[];
    expect(summaries.length).toBe(result.received);
    const period = { from: '2026-02-16T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' };
    for (const groupBy of ['none', 'procedure', 'channel', 'agency'] as const) {
      const query = { ...period, groupBy };
      const parts = [0, 1, 2].map((k) => summaries.filter((_, i) => i % 3 === k));
      expect(mergeReports(parts.map((p) => aggregateReport(p, query)))).toEqual(
        aggregateReport(summaries, query),
      );
    }
    expect(
      mergeUnitReports([
        [{ unit: 'b', early: 1, onTime: 0, late: 2 }],
        [
          { unit: 'a', early: 0, onTime: 1, late: 0 },
          { unit: 'b', early: 3, onTime: 1, late: 0 },
        ],
      ]),
    ).toEqual([
      { unit: 'a', early: 0, onTime: 1, late: 0 },
      { unit: 'b', early: 4, onTime: 1, late: 2 },
    ]);
  });
});
