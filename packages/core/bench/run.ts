/** `pnpm bench` for @motcua/core: runs each benchmark and prints its figures beside its baseline. */
import { runCalendarBench } from './calendar.bench.js';
import { formatNs } from './stats.js';

const calendar = runCalendarBench();
console.log('calendar.dueDate, 1–60 working days, random receipts 2024–2026');
console.log(`  motcua dueDate (median per query):        ${formatNs(calendar.fastNs)}`);
console.log(`  naive day-by-day loop over date-holidays: ${formatNs(calendar.naiveNs)}`);
console.log(
  `  ratio: ${Math.round(calendar.ratio).toLocaleString('en')}× faster  (goal: < 1 µs and ≥ 1000×)`,
);
