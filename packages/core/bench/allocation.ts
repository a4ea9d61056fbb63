/**
 * Allocation and retention of the province-year simulation per dossier, on one thread: figures the
 * machine's load does not move (unlike timings). Run with the garbage collector exposed and the
 * workers' young generation:
 *
 * ```sh
 * node --expose-gc --max-semi-space-size=64 --import tsx bench/allocation.ts   # MOTCUA_ALLOC_DAYS=10
 * ```
 *
 * Prints bytes allocated per dossier (every heap allocation, collected or not: the heap used before
 * each collection less the heap used after the one before), bytes promoted to the old generation
 * per dossier (by the young-generation collections), the heap still live at the end per dossier
 * (after a full collection, the run's result still held), with `MOTCUA_ALLOC_PEAK=1` the peak
 * live heap (a full collection at the end of every simulated day, which slows the run), with the thread's CPU time and the load average beside it, and a digest of the
 * reports (a change that keeps behaviour keeps the digest). With
 * `MOTCUA_ALLOC_PROFILE=<file>`, also writes a sampling heap profile of every allocation (collected
 * objects included; open it in Chrome's DevTools, Memory tab).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import v8 from 'node:v8';
import { simulate } from '../src/simulation/simulate.js';
import { setup } from './province-year.setup.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

interface GcEntry {
  gcType: string;
  /** Microseconds. */
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number }; heapSpaceStatistics: SpaceStats[] };
  afterGC: { heapStatistics: { usedHeapSize: number }; heapSpaceStatistics: SpaceStats[] };
}
interface SpaceStats {
  spaceName: string;
  spaceUsedSize: number;
}

const days = Number(process.env.MOTCUA_ALLOC_DAYS ?? 10);
const perWorkingDay = Number(process.env.MOTCUA_ALLOC_PER_DAY ?? 4000);
const drainDays = Number(process.env.MOTCUA_ALLOC_DRAIN_DAYS ?? 30);

const oldOf = (spaces: SpaceStats[]) =>
  spaces.filter((s) => s.spaceName !== 'new_space').reduce((n, s) => n + s.spaceUsedSize, 0);

gc();
const base = v8.getHeapStatistics().used_heap_size;
// Peak live heap: a full collection at the end of every simulated day.
let peakLive = 0;
const profileFile = process.env.MOTCUA_ALLOC_PROFILE;
const session = profileFile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const profiler = new v8.GCProfiler();
profiler.start();
const loadBefore = loadavg()[0] ?? 0;
const cpu0 = process.cpuUsage();
const result = await simulate({
  ...setup(),
  start: '2026-01-01',
  seed: 2026,
  days,
  drainDays,
  arrivals: { perWorkingDay },
  mode: 'direct',
  ...(process.env.MOTCUA_ALLOC_PEAK === '1'
    ? {
        onDay: () => {
          gc();
          peakLive = Math.max(peakLive, v8.getHeapStatistics().used_heap_size - base);
        },
      }
    : {}),
});
const cpu = process.cpuUsage(cpu0);
const endUsed = v8.getHeapStatistics().used_heap_size;
const profile = profiler.stop() as { statistics: GcEntry[] };
const loadAfter = loadavg()[0] ?? 0;
if (session && profileFile) {
  const { profile: sampled } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(profileFile, JSON.stringify(sampled));
  session.disconnect();
}

let allocated = 0;
let promoted = 0;
let scavenges = 0;
let marks = 0;
let gcMs = 0;
let last = base;
for (const e of profile.statistics) {
  allocated += Math.max(0, e.beforeGC.heapStatistics.usedHeapSize - last);
  last = e.afterGC.heapStatistics.usedHeapSize;
  gcMs += e.cost / 1000;
  if (e.gcType === 'Scavenge' || e.gcType === 'MinorMarkSweep') {
    scavenges++;
    promoted += Math.max(0, oldOf(e.afterGC.heapSpaceStatistics) - oldOf(e.beforeGC.heapSpaceStatistics));
  } else if (e.gcType === 'MarkSweepCompact') marks++;
}
allocated += Math.max(0, endUsed - last);
gc();
const retained = v8.getHeapStatistics().used_heap_size - base;

const n = result.received;
const kb = (bytes: number) => `${(bytes / n / 1024).toFixed(2)} KB`;
console.log(
  `${days} days + ${drainDays} drain at ${perWorkingDay}/working day, one thread: ${n.toLocaleString('en')} dossiers, ${result.commands.toLocaleString('en')} commands, timely ${((result.report[0]?.timelyRate ?? 0) * 100).toFixed(2)} %`,
);
// The same traffic must give the same figures before and after a change: a digest of the reports.
const digest = createHash('sha256')
  .update(JSON.stringify([result.report, result.byProcedure, result.units, result.days]))
  .digest('hex')
  .slice(0, 16);
console.log(`  reports' digest:               ${digest}`);
console.log(
  `  allocated per dossier:         ${kb(allocated)} (${(allocated / result.commands).toFixed(0)} B per command)`,
);
console.log(
  `  promoted per dossier:          ${kb(promoted)} (${scavenges} young collections, ${marks} full)`,
);
console.log(`  live at the end per dossier:   ${kb(retained)} (result held, after a full collection)`);
if (peakLive) console.log(`  peak live heap (end of a day): ${(peakLive / 1048576).toFixed(1)} MB`);
console.log(
  `  CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (process), collector pauses ${(gcMs / 1000).toFixed(1)} s, simulate ${(result.elapsedMs / 1000).toFixed(1)} s wall; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
);
