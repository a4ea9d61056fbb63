/**
 * Benchmark: a staffing search of the seed centre — 10 variants × 10 seeds of its three months
 * (desk queue and dossiers on the one lifecycle, with the land office's capacity) on worker
 * threads — printed beside the time of one plain run of the same three months (`simulate`,
 * store-less, no staffing) and of one what-if run of the scenario. Goal: the search under 60 s on
 * this 2-core machine.
 *
 * `./pnpmw --filter @motcua/example-staffing-what-if bench` (MOTCUA_BENCH_WORKERS for the workers)
 */
import { availableParallelism, loadavg } from 'node:os';
import { compareVariants, runWhatIf, type StaffingVariant, simulate } from '@motcua/core/simulation';
import { setup } from './centre-setup.js';
import { LAND, readScenario } from './seed-centre.js';

const scenario = readScenario();
const made = setup({ start: scenario.start });
const workers = Number(process.env.MOTCUA_BENCH_WORKERS ?? availableParallelism());
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `staffing search benchmark — ${scenario.name} (load average at start ${loadavg()[0]!.toFixed(1)})`,
);

// Warm-up (procedure tables compiled, calendar years loaded), then one plain run and one what-if run.
await runWhatIf({ ...scenario, days: 5 }, { seeds: [99], setup: made });
let t = performance.now();
const plain = await simulate({
  mode: 'direct',
  ...made,
  start: scenario.start,
  days: scenario.days,
  drainDays: 0,
  seed: 1,
  arrivals: {
    perWorkingDay: scenario.dossiers!.perWorkingDay,
    ...(scenario.dossiers!.mix ? { mix: scenario.dossiers!.mix } : {}),
  },
});
const plainMs = performance.now() - t;
t = performance.now();
await runWhatIf(scenario, { seeds: [1], setup: made });
const oneMs = performance.now() - t;

const desk = scenario.desk.fields[LAND.field]!.officers;
const office = scenario.capacity!.units[LAND.unit]!.officers;
const variants: StaffingVariant[] = [0, 2].flatMap((extra) =>
  [0, 1, 2, 3, 4].map((k) => ({
    name: `quầy đất đai ${desk + k}, VPĐKĐĐ xử lý +${extra}`,
    desk: { [LAND.field]: desk + k },
    units: { [LAND.unit]: office + k + extra },
  })),
);
t = performance.now();
const results = await compareVariants(scenario, variants, {
  seeds: 10,
  workers,
  setupModule: new URL('./centre-setup.ts', import.meta.url),
  setupArgument: { start: scenario.start },
});
const searchMs = performance.now() - t;
console.log(
  `  one plain run (simulate, three months, ${plain.received} dossiers, no staffing): ${s(plainMs)}`,
);
console.log(`  one what-if run (desk queue + dossiers with capacity), in this thread:        ${s(oneMs)}`);
console.log(
  `  staffing search, ${variants.length} variants × 10 seeds on ${workers} workers: ${s(searchMs)} ` +
    `(goal < 60 s: ${searchMs < 60_000 ? 'met' : 'NOT met'}; 20 distinct dossier runs, the desk-only variants share them; ` +
    `100 whole runs at the one-run time would take ${s((100 * oneMs) / workers)} on ${workers} workers)`,
);
for (const r of results)
  console.log(
    `    ${r.variant.name.padEnd(34)} land P90 ${r.fields[LAND.field]!.waitP90.mean.toFixed(1)} min, after hours ${r.fields[LAND.field]!.afterHoursPerDay.mean.toFixed(2)}/day, on time ${r.figures.onTimePercent.mean.toFixed(1)} %`,
  );
console.log(`  load average at the end ${loadavg()[0]!.toFixed(1)}`);
