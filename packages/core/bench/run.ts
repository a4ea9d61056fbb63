/** `pnpm bench` for @motcua/core: runs each benchmark and prints its figures beside its baseline. */
import { runCalendarBench } from './calendar.bench.js';
import { runEngineBench } from './engine.bench.js';
import { runProvinceYearBench } from './province-year.bench.js';
import { formatNs } from './stats.js';

const calendar = runCalendarBench();
console.log('calendar.dueDate, 1–60 working days, random receipts 2024–2026');
console.log(`  motcua dueDate (median per query):        ${formatNs(calendar.fastNs)}`);
console.log(`  naive day-by-day loop over date-holidays: ${formatNs(calendar.naiveNs)}`);
console.log(
  `  ratio: ${Math.round(calendar.ratio).toLocaleString('en')}× faster  (goal: < 1 µs and ≥ 1000×)`,
);

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
const year = await runProvinceYearBench({ perWorkingDay: 4000, days });
const perYear = (year.seconds * 365) / days;
console.log(
  `\nsimulation: a province at 4,000 dossiers per working day, ${days} days simulated (set MOTCUA_BENCH_YEAR_DAYS=365 for a full year)`,
);
console.log(
  `  direct mode: ${year.dossiers.toLocaleString('en')} dossiers, ${year.commands.toLocaleString('en')} commands in ${year.seconds.toFixed(1)} s = ${Math.round(year.directDossiersPerSecond).toLocaleString('en')} dossiers/s`,
);
console.log(
  `  engine mode (same traffic shape, in-memory store): ${Math.round(year.engineDossiersPerSecond).toLocaleString('en')} dossiers/s`,
);
console.log(
  `  a year (~${Math.round((year.dossiers * 365) / days / 1000) * 1000} dossiers) takes about ${perYear.toFixed(0)} s in direct mode  (goal: < 60 s)`,
);
console.log(
  `  timely rate ${(year.timelyRate * 100).toFixed(1)}%, early rate ${(year.earlyRate * 100).toFixed(1)}%`,
);
