import { type SimulationOptions, simulate } from '@motcua/core/simulation';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../tools/test-lane/lane.js';
import { catalogue, nationalCalendar } from '../test-support/catalogue-engine.js';
import { proceduresInForce } from './catalogue.js';
import { catalogueSamples } from './samples.js';

describe('a simulated month over the whole catalogue', () => {
  it('17/08–15/09/2026 (make-up Saturday 22/08, the 31/08–02/09 block): a consistent report', async () => {
    const procedures = proceduresInForce(catalogue(), '2026-08-17');
    expect(procedures).toHaveLength(8);
    const options: SimulationOptions = {
      procedures,
      calendar: nationalCalendar(),
      start: '2026-08-17',
      days: 30,
      seed: 2026,
      arrivals: { perWorkingDay: laneCount(24, 8) },
      // Applicants collect within half a working hour of the result being ready: the default (up to
      // 16 working hours) makes most same-day dossiers late, since timeliness is judged when the
      // result is handed over.
      behaviour: { pickupHours: [0, 0.5] },
      samples: Object.fromEntries(procedures.map((p) => [p.code, () => catalogueSamples[p.code]!] as const)),
    };
    const result = await simulate(options);
    const [all] = result.report;
    expect(all).toBeDefined();
    const report = all!;
    // Totals agree with the arrivals and with each other.
    expect(report.received).toBe(result.received);
    expect(report.carriedOver).toBe(0);
    expect(report.early + report.onTime + report.late).toBe(report.resolved);
    const closed = report.resolved + report.withdrawn + report.stopped + report.expired;
    expect(closed + report.inProgressWithinTime + report.inProgressOverdue).toBe(report.received);
    expect(report.timelyRate).toBeCloseTo((report.early + report.onTime) / report.resolved, 3);
    expect(Object.values(report.receivedByChannel).reduce((a, b) => a + b, 0)).toBe(report.received);
    // A few slow steps make dossiers late; most are early or on time.
    expect(report.late).toBeGreaterThan(0);
    expect(report.timelyRate).toBeGreaterThan(0.9);

    // Every procedure received traffic, and the per-procedure rows add up to the totals.
    expect(result.byProcedure.map((r) => r.group).sort()).toEqual(procedures.map((p) => p.code).sort());
    for (const key of ['received', 'resolved', 'early', 'onTime', 'late', 'refused', 'withdrawn'] as const) {
      expect(
        result.byProcedure.reduce((n, r) => n + r[key], 0),
        key,
      ).toBe(report[key]);
    }
    for (const row of result.byProcedure) {
      expect(row.received).toBeGreaterThan(0);
      expect(row.early + row.onTime + row.late).toBe(row.resolved);
    }
    // Channels only where the procedure accepts them: marriage and copy certification are in person.
    for (const p of procedures.filter((x) => x.definition.channels.length === 1)) {
      const row = result.byProcedure.find((r) => r.group === p.code)!;
      expect(Object.keys(row.receivedByChannel)).toEqual(['in-person']);
    }

    // The days: arrivals on working days only, including the make-up Saturday, none in the block.
    const day = (date: string) => result.days.find((d) => d.date === date)!;
    expect(day('2026-08-22').received).toBeGreaterThan(0);
    for (const off of ['2026-08-23', '2026-08-31', '2026-09-01', '2026-09-02', '2026-09-06']) {
      expect(day(off).received, off).toBe(0);
    }
    expect(result.days.reduce((n, d) => n + d.received, 0)).toBe(result.received);
    expect(result.days.reduce((n, d) => n + d.resolved, 0)).toBe(report.resolved);

    // Units: steps closed by the units of the catalogue, each classified.
    const units = new Set(procedures.flatMap((p) => Object.keys(p.definition.units)));
    for (const row of result.units) expect(units.has(row.unit), row.unit).toBe(true);
    expect(result.units.reduce((n, r) => n + r.early + r.onTime + r.late, 0)).toBeGreaterThan(
      report.resolved,
    );

    // The store-less runner applies the same rules: the same seed gives the same figures.
    const direct = await simulate({ ...options, mode: 'direct' });
    expect(direct.report).toEqual(result.report);
    expect(direct.byProcedure).toEqual(result.byProcedure);
  });
});
