/**
 * `pnpm bench` for @motcua/connectors: the national portal sync of a busy desk's dossiers against
 * the portal simulator on loopback (real HTTP), on an engine with its background loop and the
 * system clock. Prints, for a clean portal and for one that fails 5 % of calls with 500 and 2 %
 * with a reset: sync lag p50 / p99 / max from commit to acknowledgement, the unsynced count and
 * the synced ratio (Decision 766 indicator 1.4), duplicates — each beside the baseline measured in
 * the same run: the same records pushed straight to the portal, one call after another, without
 * the engine (what the sync adds to a bare HTTP call).
 */
import { createEngine, MemoryStore, systemClock } from '@motcua/core';
import { sampleActors, sampleProcedure, sampleReceipt, testCalendar } from '@motcua/core/testing';
import { buildDossierRecord, dvcqgSync, lgspEnvelope } from '../src/dvcqg/index.js';
import { MemorySyncLog } from '../src/index.js';
import { type SimFault, startDvcqgSimulator } from '../src/testing/dvcqg-simulator.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 300);

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

async function run(label: string, faults: { kind: SimFault['kind']; share: number }[]) {
  const sim = await startDvcqgSimulator();
  const transport = lgspEnvelope({
    url: sim.url,
    unitCode: '000.00.14.H56',
    credentials: { username: sim.username, password: sim.password },
    timeoutMs: 2000,
  });
  const syncLog = new MemorySyncLog();
  const sync = dvcqgSync({ transport, syncLog });
  const engine = createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    clock: systemClock,
    agency: '000.00.14.H56',
    store: new MemoryStore(),
    plugins: [sync],
    backoff: { baseDelayMs: 50, maxDelayMs: 500, maxAttempts: 10 },
  });
  await sync.attach(engine);
  // A seeded sequence of faults over the calls to come.
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < DOSSIERS * 6; i++) {
    const r = random();
    let acc = 0;
    const f = faults.find((x) => {
      acc += x.share;
      return r < acc;
    });
    sim.fault(f ? ({ kind: f.kind } as SimFault) : { kind: 'none' });
  }
  const from = new Date(Date.now() - 60_000);
  engine.start({ intervalMs: 20 });
  const t0 = performance.now();
  const codes: string[] = [];
  for (let i = 0; i < DOSSIERS; i++) {
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    codes.push(d.code);
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
  }
  const to = new Date(Date.now() + 60_000);
  for (let waited = 0; waited < 120_000; waited += 100) {
    if ((await engine.store.outbox({ status: 'pending' })).length === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  await engine.stop();
  const report = await sync.report({ from, to });
  const duplicates = [...sim.creates.values()].filter((n) => n > 1).length;

  // Baseline: the same records pushed straight to a clean portal, one call after another.
  const clean = await startDvcqgSimulator();
  const direct = lgspEnvelope({
    url: clean.url,
    unitCode: '000.00.14.H56',
    credentials: { username: clean.username, password: clean.password },
    timeoutMs: 2000,
  });
  const calls: number[] = [];
  for (const code of codes.slice(0, 100)) {
    const dossier = await engine.get(code);
    const { record } = buildDossierRecord(dossier, sampleProcedure().definition);
    const c0 = performance.now();
    await direct.create([record]);
    calls.push(performance.now() - c0);
  }
  calls.sort((a, b) => a - b);
  await clean.close();
  await sim.close();
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`\n${label}: ${DOSSIERS} dossiers × 2 transitions in ${seconds.toFixed(1)} s`);
  console.log(
    `  sync lag commit → acknowledged  p50 ${ms(report.lagMs?.p50 ?? 0)}  p99 ${ms(report.lagMs?.p99 ?? 0)}  max ${ms(report.lagMs?.max ?? 0)}` +
      `   (baseline: one direct portal call p50 ${ms(quantile(calls, 0.5))}, p99 ${ms(quantile(calls, 0.99))})`,
  );
  console.log(
    `  synced ratio (766 indicator 1.4) ${report.ratio}  unsynced ${report.unsynced.length}  duplicate records ${duplicates}` +
      `   (baseline: ratio 1, unsynced 0, duplicates 0)`,
  );
}

await run('clean portal', []);
await run('portal failing 5 % with 500, 2 % with a reset', [
  { kind: 'http500', share: 0.05 },
  { kind: 'reset-before-apply', share: 0.02 },
]);
