/**
 * Benchmark: a simulated year of a province (about 1,000,000 dossiers) in direct mode, beside the
 * engine path on a slice of the same traffic in the same run (throughput compared per dossier).
 */
import { simulate } from '../src/simulation/simulate.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../src/testing/fixtures.js';

export async function runProvinceYearBench(options: { perWorkingDay?: number; days?: number } = {}) {
  const base = {
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    start: '2026-01-01',
    samples: { '1.004194': () => sampleReceipt },
    seed: 2026,
  };
  const year = await simulate({
    ...base,
    mode: 'direct',
    days: options.days ?? 365,
    arrivals: { perWorkingDay: options.perWorkingDay ?? 4000 },
  });
  const slice = await simulate({ ...base, mode: 'engine', days: 5, arrivals: { perWorkingDay: 400 } });
  return {
    dossiers: year.received,
    commands: year.commands,
    seconds: year.elapsedMs / 1000,
    timelyRate: year.report[0]?.timelyRate ?? 0,
    earlyRate: year.report[0]?.earlyRate ?? 0,
    engineDossiersPerSecond: slice.received / (slice.elapsedMs / 1000),
    directDossiersPerSecond: year.received / (year.elapsedMs / 1000),
  };
}
