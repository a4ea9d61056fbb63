/**
 * Benchmark: a simulated year of a province (about 1,000,000 dossiers) without a store (`mode:
 * 'direct'`: the engine's own lifecycle, timers and report counting, no store), on worker threads
 * and (unless `single: false`) on one thread, beside the engine path with its in-memory store on a
 * slice of the same traffic in the same run (throughput compared per dossier, the year scaled).
 */
import { availableParallelism } from 'node:os';
import { simulate } from '../src/simulation/simulate.js';
import { simulateInWorkers } from '../src/simulation/simulate-in-workers.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../src/testing/fixtures.js';
import { setup } from './province-year.setup.js';

/** Peak resident memory of this process so far (all threads), MB. */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export async function runProvinceYearBench(
  options: { perWorkingDay?: number; days?: number; workers?: number; single?: boolean } = {},
) {
  const traffic = {
    start: '2026-01-01',
    seed: 2026,
    days: options.days ?? 365,
    arrivals: { perWorkingDay: options.perWorkingDay ?? 4000 },
  };
  const workers = options.workers ?? Math.max(2, availableParallelism());
  // Workers first: the peak memory printed after them is theirs alone.
  const started = performance.now();
  const parallel = await simulateInWorkers({
    ...traffic,
    setupModule: new URL('./province-year.setup.ts', import.meta.url),
    workers,
  });
  const parallelSeconds = (performance.now() - started) / 1000;
  const parallelPeakRssMb = peakRssMb();
  const single =
    options.single === false ? undefined : await simulate({ ...traffic, ...setup(), mode: 'direct' });
  const singlePeakRssMb = peakRssMb();
  const slice = await simulate({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    samples: { '1.004194': () => sampleReceipt },
    start: traffic.start,
    seed: traffic.seed,
    mode: 'engine',
    days: 5,
    arrivals: { perWorkingDay: 400 },
  });
  // The workers' own simulation time (the slowest), without thread start-up and module loading.
  const workerSeconds = Math.max(...parallel.perWorker.map((w) => w.elapsedMs)) / 1000;
  return {
    days: traffic.days,
    single: single && {
      dossiers: single.received,
      commands: single.commands,
      seconds: single.elapsedMs / 1000,
      dossiersPerSecond: single.received / (single.elapsedMs / 1000),
      timelyRate: single.report[0]?.timelyRate ?? 0,
      peakRssMb: singlePeakRssMb,
    },
    parallel: {
      workers,
      dossiers: parallel.received,
      commands: parallel.commands,
      seconds: parallelSeconds,
      workerSeconds,
      startupSeconds: parallelSeconds - workerSeconds,
      dossiersPerSecond: parallel.received / parallelSeconds,
      workerCpuSeconds: parallel.perWorker.map((w) => (w.cpuMs ?? Number.NaN) / 1000),
      timelyRate: parallel.report[0]?.timelyRate ?? 0,
      earlyRate: parallel.report[0]?.earlyRate ?? 0,
      peakRssMb: parallelPeakRssMb,
    },
    engineDossiers: slice.received,
    engineSeconds: slice.elapsedMs / 1000,
    engineDossiersPerSecond: slice.received / (slice.elapsedMs / 1000),
  };
}
