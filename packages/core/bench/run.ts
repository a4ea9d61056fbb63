/** `pnpm bench` for @motcua/core: runs each benchmark and prints its figures beside its baseline. */

import { testCalendar } from '../src/testing/fixtures.js';
import { runCalendarBench } from './calendar.bench.js';
import { runEngineBench } from './engine.bench.js';
import { runImportTimeBench } from './import-time.bench.js';
import { runLunarBench } from './lunar.bench.js';
import { runProvinceYearBench } from './province-year.bench.js';
import { formatNs } from './stats.js';

const imports = runImportTimeBench();
console.log(
  'import time of the built entries (fresh process each, median of 9; goal: @motcua/core ≤ 150 ms)',
);
for (const [entry, ms] of Object.entries(imports)) console.log(`  ${entry.padEnd(26)} ${ms.toFixed(0)} ms`);

const calendar = runCalendarBench();
console.log('\ncalendar.dueDate, 1–60 working days, random receipts 2024–2026');
console.log(`  motcua dueDate (median per query):        ${formatNs(calendar.fastNs)}`);
console.log(`  naive day-by-day loop over date-holidays: ${formatNs(calendar.naiveNs)}`);
console.log(
  `  ratio: ${Math.round(calendar.ratio).toLocaleString('en')}× faster  (goal: < 1 µs and ≥ 1000×)`,
);

const lunar = runLunarBench();
console.log('\nstatutory holidays of one year (2101–2200, each year computed once)');
console.log(`  date-holidays getHolidays('VN', public), the old path: ${formatNs(lunar.dateHolidaysNs)}`);
console.log(`  dateHolidaysOf (fixed rules + corrected lunar conversion): ${formatNs(lunar.resolvedNs)}`);
console.log(`  independent lunar calendar (Tết, Giỗ Tổ, margins):       ${formatNs(lunar.referenceNs)}`);

const engine = await runEngineBench();
console.log(
  '\nengine: persisted transitions per second, in-memory store, one core (receipt + 4 hand-overs + return)',
);
console.log(
  `  motcua engine (validate, compiled transition, derive, commit): ${Math.round(engine.engine).toLocaleString('en')}/s`,
);
console.log(
  `  raw XState (createActor + send + getPersistedSnapshot + JSON): ${Math.round(engine.raw).toLocaleString('en')}/s`,
);
console.log(
  `  engine/raw throughput: ${(engine.engine / engine.raw).toFixed(2)}×  (goal: ≥ 50,000/s, and no slower than half of raw XState)`,
);

const days = Number(process.env.MOTCUA_BENCH_YEAR_DAYS ?? 91);
const workers = process.env.MOTCUA_BENCH_WORKERS ? Number(process.env.MOTCUA_BENCH_WORKERS) : undefined;
const withSingle = process.env.MOTCUA_BENCH_SINGLE !== '0';
const year = await runProvinceYearBench({
  perWorkingDay: 4000,
  days,
  single: withSingle,
  ...(workers ? { workers } : {}),
});
// A year's dossiers: 4,000 per working day of the year the run starts.
const workingDays = Array.from({ length: 365 }, (_, d) =>
  testCalendar().isWorkingDay(new Date(Date.parse('2026-01-01T12:00:00+07:00') + d * 86_400_000)),
).filter(Boolean).length;
const yearDossiers = 4000 * workingDays;
const fullYear = days >= 365;
const yearTime = (seconds: number, dossiers: number) =>
  fullYear
    ? `${seconds.toFixed(0)} s (measured)`
    : `about ${((seconds * yearDossiers) / dossiers).toFixed(0)} s (projected)`;
const { single, parallel } = year;
console.log(
  `\nsimulation: a province at 4,000 dossiers per working day, ${days} days simulated + 30 days of drain, one lifecycle (set MOTCUA_BENCH_YEAR_DAYS=365 for a full year, MOTCUA_BENCH_WORKERS for the workers, MOTCUA_BENCH_SINGLE=0 to leave out the single thread)`,
);
if (single) {
  console.log(
    `  without a store, one thread: ${single.dossiers.toLocaleString('en')} dossiers, ${single.commands.toLocaleString('en')} commands in ${single.seconds.toFixed(1)} s = ${Math.round(single.dossiersPerSecond).toLocaleString('en')} dossiers/s`,
  );
}
console.log(
  `  without a store, ${parallel.workers} worker threads: ${parallel.dossiers.toLocaleString('en')} dossiers in ${parallel.seconds.toFixed(1)} s = ${Math.round(parallel.dossiersPerSecond).toLocaleString('en')} dossiers/s (workers simulating ${parallel.workerSeconds.toFixed(1)} s, thread CPU ${parallel.workerCpuSeconds.map((s) => s.toFixed(1)).join(' + ')} s; start-up and module loading ${parallel.startupSeconds.toFixed(1)} s)`,
);
console.log(
  `  engine mode (in-memory store, one thread): ${year.engineDossiers.toLocaleString('en')} dossiers of the same traffic shape in ${year.engineSeconds.toFixed(1)} s = ${Math.round(year.engineDossiersPerSecond).toLocaleString('en')} dossiers/s; a year at that rate: about ${(yearDossiers / year.engineDossiersPerSecond).toFixed(0)} s (scaled from that small run, not measured)`,
);
console.log(
  `  a year (~${yearDossiers.toLocaleString('en')} dossiers) without a store: ${single ? `${yearTime(single.seconds, single.dossiers)} on one thread, ` : ''}${yearTime(parallel.seconds, parallel.dossiers)} on ${parallel.workers} workers  (goal: < 60 s)`,
);
console.log(
  `  peak memory (RSS): ${Math.round(parallel.peakRssMb)} MB after the workers${single ? `, ${Math.round(single.peakRssMb)} MB after the single thread` : ''}`,
);
console.log(
  `  timely rate ${(parallel.timelyRate * 100).toFixed(1)}%, early rate ${(parallel.earlyRate * 100).toFixed(1)}% (workers)${single ? `; timely ${(single.timelyRate * 100).toFixed(1)}% (one thread)` : ''}`,
);
