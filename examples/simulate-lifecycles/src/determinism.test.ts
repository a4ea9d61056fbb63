/**
 * A simulation is a function of its seed: the same seed gives the same dossiers (codes, secrets,
 * every context, every slip hash) and the same report, even with a decorated engine; another seed
 * gives another run.
 */
import { describe, expect, it } from 'vitest';
import { allDossiers, type OfficeRun, runOffice, withSlowUnit } from './office.js';

const run = async (options: OfficeRun) => {
  const result = await runOffice(options);
  return { result, dossiers: await allDossiers(result.engine) };
};

describe('determinism', () => {
  it('the same seed gives the same run, dossier by dossier', async () => {
    const options: OfficeRun = {
      start: '2026-02-09',
      days: 14,
      seed: 42,
      perWorkingDay: 12,
      behaviour: { supplementShare: 0.2, lateShare: 0.1 },
      decorate: (engine) => withSlowUnit(engine, { unit: 'justice', factor: 3, apologize: true }),
    };
    const a = await run(options);
    const b = await run(options);
    expect(a.result.received).toBeGreaterThan(50);
    expect(b.result.received).toBe(a.result.received);
    expect(b.result.commands).toBe(a.result.commands);
    expect(b.result.report).toEqual(a.result.report);
    expect(b.result.byProcedure).toEqual(a.result.byProcedure);
    expect(b.result.units).toEqual(a.result.units);
    expect(b.result.days).toEqual(a.result.days);
    expect(b.dossiers).toEqual(a.dossiers);
  });

  it('another seed gives another run', async () => {
    const options: OfficeRun = { start: '2026-02-09', days: 14, seed: 42, perWorkingDay: 12 };
    const a = await run(options);
    const b = await run({ ...options, seed: 43 });
    expect(b.dossiers.map((d) => [d.code, d.secret, d.receivedAt])).not.toEqual(
      a.dossiers.map((d) => [d.code, d.secret, d.receivedAt]),
    );
  });
});
