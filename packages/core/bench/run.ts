/** `pnpm bench` for @motcua/core: runs each benchmark and prints its figures beside its baseline. */
import { runCalendarBench } from './calendar.bench.js';
import { runEngineBench } from './engine.bench.js';
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
  `  motcua engine (validate, restore, transition, derive, commit): ${Math.round(engine.engine).toLocaleString('en')}/s`,
);
console.log(
  `  raw XState (createActor + send + getPersistedSnapshot + JSON): ${Math.round(engine.raw).toLocaleString('en')}/s`,
);
console.log(
  `  ratio raw/engine: ${(engine.raw / engine.engine).toFixed(2)}×  (goal: ≥ 50,000/s and within 2×)`,
);
