import { describe, expect, it } from 'vitest';
import { setup } from '../../test-support/simulate-in-workers.setup.js';
import { parseStaffingScenario } from './staffing-scenario.js';
import { type DossierRunCache, dossierRunCounts, estimate, runScenarioOnce } from './what-if.js';
import { whatIfChart, whatIfHtml } from './what-if-report.js';
import { applyVariant, compareVariants, runWhatIf, searchStaffing } from './what-if-runner.js';

const setupModule = new URL('../../test-support/simulate-in-workers.setup.ts', import.meta.url);
const made = setup(undefined);
const scenario = parseStaffingScenario({
  name: 'xã mẫu',
  start: '2026-03-02',
  days: 12,
  drainDays: 0,
  desk: {
    fields: {
      residence: { officers: 2, serviceMinutes: { kind: 'exponential', mean: 10 }, fromUnit: 'police' },
      other: { officers: 1, serviceMinutes: { kind: 'fixed', minutes: 5 } },
    },
    visitors: { perWorkingDay: 60, fields: { residence: 3, other: 1 } },
    closing: 'serve',
  },
  dossiers: { perWorkingDay: 20 },
  behaviour: { lateShare: 0 },
  capacity: { units: { police: { officers: 5, serviceMinutes: { kind: 'exponential', mean: 60 } } } },
  targets: { visitorsWithinPercent: 90, waitMinutes: 15, onTimePercent: 95 },
});

describe('what-if', () => {
  it('gives each figure with a 95 % confidence interval over the seeds, deterministic for them', async () => {
    const a = await runWhatIf(scenario, { seeds: 4, setup: made });
    const b = await runWhatIf(scenario, { seeds: [1, 2, 3, 4], setup: made });
    expect(a).toEqual(b);
    for (const e of Object.values(a.figures)) {
      expect(e.n).toBe(4);
      expect(e.low).toBeLessThanOrEqual(e.mean);
      expect(e.high).toBeGreaterThanOrEqual(e.mean);
    }
    expect(a.figures.received.mean).toBeGreaterThan(100);
    expect(a.figures.visitors.mean).toBeGreaterThan(300);
    expect(a.officers).toEqual({ desk: 1, units: 5, total: 6 });
    // The 766 progress figure is the share done or in progress on time.
    expect(a.figures.progress766Percent.mean).toBeGreaterThan(0);
    expect(a.figures.progress766Percent.mean).toBeLessThanOrEqual(100);
  });

  it('estimates a mean with Student t: the interval of [1, 2, 3] is 2 ± 2.484', () => {
    const e = estimate([1, 2, 3]);
    expect(e.mean).toBe(2);
    expect(e.high - e.mean).toBeCloseTo((4.303 * 1) / Math.sqrt(3), 6);
  });

  it('compares variants side by side on worker threads, the same whatever the number of workers', async () => {
    const variants = [
      { name: 'hiện tại' },
      { name: '+1 quầy cư trú', desk: { residence: 3 }, units: { police: 6 } },
      { name: 'cư trú gấp đôi', visitorFactors: { residence: 2 } },
    ];
    const one = await compareVariants(scenario, variants, { seeds: 3, setup: made });
    const two = await compareVariants(scenario, variants, { seeds: 3, setupModule, workers: 2 });
    expect(two).toEqual(one);
    expect(one[1]!.figures.waitMean.mean).toBeLessThan(one[0]!.figures.waitMean.mean);
    expect(one[2]!.figures.visitors.mean).toBeGreaterThan(one[0]!.figures.visitors.mean * 1.5);
    const html = whatIfHtml(one);
    expect(html).toContain('Thời gian chờ trung bình');
    expect(html).toContain('<svg');
    expect(whatIfChart(one, { language: 'en' })).toContain('Dossiers on time');
  });

  it('shares the dossiers run between variants that differ only at the desk, with the same figures as alone', async () => {
    const variant = { name: 'quầy +1 (luân phiên)', desk: { residence: 3 }, units: { police: 6 } };
    const together = await compareVariants(scenario, [{ name: 'hiện tại' }, variant], {
      seeds: 2,
      setup: made,
    });
    const alone = await compareVariants(scenario, [variant], { seeds: 2, setup: made });
    expect(together[1]).toEqual(alone[0]);
    expect(together[1]!.figures.received).toEqual(together[0]!.figures.received);
    // One dossier run for both: the key leaves out the officers moved to the counters.
    const cache: DossierRunCache = new Map();
    await runScenarioOnce(scenario, made, 1, cache);
    await runScenarioOnce(applyVariant(scenario, variant, made), made, 1, cache);
    expect(cache.size).toBe(1);
    await runScenarioOnce(applyVariant(scenario, { name: 'x', units: { police: 7 } }, made), made, 1, cache);
    expect(cache.size).toBe(2);
  });

  it.each([
    ['here', { setup: made }],
    ['on 2 worker threads', { setupModule, workers: 2 }],
  ] as const)(
    'runs the dossiers once per seed for variants that differ only at the desk (%s)',
    async (_, how) => {
      const variants = [
        { name: 'hiện tại' },
        { name: 'quầy +1 (luân phiên)', desk: { residence: 3 }, units: { police: 6 } },
        { name: 'quầy khác +1', desk: { other: 2 } },
        { name: 'công an +1', units: { police: 6 } },
      ];
      const before = { ...dossierRunCounts };
      await compareVariants(scenario, variants, { seeds: 2, ...how });
      // Per seed: one run shared by the first three variants, one for the unit change.
      expect(dossierRunCounts.ran - before.ran).toBe(2 * 2);
      expect(dossierRunCounts.reused - before.reused).toBe(2 * 2);
    },
  );

  it('escapes variant names in the report', async () => {
    const [r] = await compareVariants(scenario, [{ name: '<script>x</script>' }], { seeds: 1, setup: made });
    expect(whatIfHtml([r!])).not.toContain('<script>');
  });

  it('searches the smallest staffing meeting the targets; every variant tried before it falls short', async () => {
    const search = await searchStaffing(scenario, { seeds: 3, setup: made, maxRounds: 12 });
    expect(search.best?.meetsTargets).toBe(true);
    for (const t of search.tried.slice(0, -1)) expect(t.meetsTargets).toBe(false);
    const best = search.best!;
    expect(best.fields.residence!.withinPercent.mean).toBeGreaterThanOrEqual(90);
    expect(best.figures.onTimePercent.mean).toBeGreaterThanOrEqual(95);
    // One fewer officer at the residence counters falls short of the wait target.
    const fewer = best.scenario.desk.fields.residence!.officers - 1;
    if (fewer >= 1) {
      const [r] = await compareVariants(best.scenario, [{ name: 'ít hơn', desk: { residence: fewer } }], {
        seeds: 3,
        setup: made,
      });
      expect(r!.fields.residence!.withinPercent.mean).toBeLessThan(90);
    }
  });

  it('refuses unknown fields and units in a variant, naming them', () => {
    expect(() => applyVariant(scenario, { name: 'x', desk: { lnd: 2 } })).toThrow(
      expect.objectContaining({ field: 'variant.desk.lnd' }),
    );
    expect(() => applyVariant(scenario, { name: 'x', units: { registry: 2 } })).toThrow(
      expect.objectContaining({ field: 'variant.units.registry' }),
    );
    expect(() => applyVariant(scenario, { name: 'x', desk: { residence: 0 } })).toThrow(
      expect.objectContaining({ field: 'desk.fields.residence.officers' }),
    );
  });
});
