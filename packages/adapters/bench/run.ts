/**
 * `pnpm bench` for @motcua/adapters: persisted transitions per second through the engine on
 * SQLite (file, WAL) and on PostgreSQL with 1, 2, 4 and 8 worker processes, each beside a raw
 * baseline measured in the same run (the same rows written with the bare driver, no engine);
 * whether the public lookup answers unknown codes and wrong secrets in the same time (medians
 * beside each other, before and after the lookup limits); then a restart with 1,000,000 open
 * dossiers in PostgreSQL.
 *
 * Environment: MOTCUA_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 * MOTCUA_BENCH_SECONDS (per measurement, default 3), MOTCUA_BENCH_WORKERS (default 1,2,4,8),
 * MOTCUA_BENCH_RESTART_DOSSIERS (default 1000000; 0 skips the restart), MOTCUA_BENCH_STORAGE_DAYS
 * (working days of the main job's mix measured for bytes per closed dossier, default 5; 0 skips).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../src/postgres/postgres-store.js';
import { SqliteStore } from '../src/sqlite/sqlite-store.js';
import { benchEngine, lifecycle, recordLifecycle } from './lifecycle.js';
import { printLookupTiming, runPostgresLookupTiming, runSqliteLookupTiming } from './lookup-timing.js';
import { rawSqlite } from './raw-writers.js';
import { runRestartBench } from './restart.js';
import { measureStorage } from './storage-bytes.js';

const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.MOTCUA_BENCH_SECONDS ?? 3);
const workerCounts = (process.env.MOTCUA_BENCH_WORKERS ?? '1,2,4,8').split(',').map(Number);
const restartDossiers = Number(process.env.MOTCUA_BENCH_RESTART_DOSSIERS ?? 1_000_000);
const storageDays = Number(process.env.MOTCUA_BENCH_STORAGE_DAYS ?? 5);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const began = performance.now();

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(
  `@motcua/adapters: persisted transitions per second (sample lifecycle: receipt + 4 hand-overs + return), ${availableParallelism()} CPUs, load average ${load()}`,
);

// ---- SQLite: one process (SQLite has one writer at a time), a file in WAL mode.
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
const recorded = await recordLifecycle();
/**
 * Rates of `a` and `b` measured in alternating slices (10 rounds over 2 × `seconds`), so that a
 * change in the machine's load during the run weighs on both alike.
 */
async function alternate(
  a: () => Promise<number> | number,
  b: () => Promise<number> | number,
): Promise<[number, number]> {
  for (let i = 0; i < 20; i++) {
    await a();
    await b();
  }
  const totals = [
    [0, 0],
    [0, 0],
  ] as [number, number][];
  const rounds = 10;
  for (let r = 0; r < rounds; r++) {
    for (const [i, run] of [a, b].entries()) {
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < (seconds * 1000) / rounds) n += await run();
      totals[i]![0] += n;
      totals[i]![1] += performance.now() - t0;
    }
  }
  return [(totals[0]![0] * 1000) / totals[0]![1], (totals[1]![0] * 1000) / totals[1]![1]];
}
console.log('\nSQLite (better-sqlite3, file, WAL), one process');
for (const synchronous of ['full', 'normal'] as const) {
  const store = new SqliteStore(join(dir, `engine-${synchronous}.db`), { synchronous });
  await store.migrate();
  const engine = benchEngine(store, 'sqlite');
  const rawFile = join(dir, `raw-${synchronous}.db`);
  const init = new SqliteStore(rawFile);
  await init.migrate();
  await init.close();
  const db = new Database(rawFile);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  const write = rawSqlite(db);
  let k = 0;
  const [engineRate, rawRate] = await alternate(
    () => lifecycle(engine),
    () => {
      const code = `R-${++k}`;
      for (const t of recorded) write(t, code);
      return recorded.length;
    },
  );
  await store.close();
  db.close();
  console.log(
    `  synchronous=${synchronous.toUpperCase().padEnd(6)}${synchronous === 'full' ? ' (default)' : '          '}  engine ${fmt(engineRate).padStart(7)}/s   raw ${fmt(rawRate).padStart(7)}/s   engine/raw ${(engineRate / rawRate).toFixed(2)}  (goal ≥ 0.5)`,
  );
}
rmSync(dir, { recursive: true, force: true });
if (storageDays > 0) {
  const b = await measureStorage({ days: storageDays });
  console.log(
    `\nSQLite bytes per closed dossier, main job's mix (${storageDays} working days × 160, ${fmt(b.closed)} of ${fmt(b.dossiers)} closed; file after VACUUM, indexes included)`,
  );
  console.log(
    `  store ${fmt(b.perClosed)} B   the same dossiers in the schema-2 layout (slip in every snapshot) ${fmt(b.schema2PerClosed)} B   JSON of the reads ${fmt(b.jsonPerClosed)} B   store/schema-2 ${(b.perClosed / b.schema2PerClosed).toFixed(2)}  (goal ≤ 4,096 B)`,
  );
  console.log(
    `  by table and index: ${b.shares
      .filter((s) => s.bytes >= 20)
      .map((s) => `${s.name} ${fmt(s.bytes)}`)
      .join(', ')}`,
  );
}
printLookupTiming(await runSqliteLookupTiming('full'), 'SQLite (file, WAL, synchronous=FULL)');

// ---- PostgreSQL: N worker processes, each its own engine and connection, one shared schema.
const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
let pgUp = true;
await probe.connect().catch((e: Error) => {
  pgUp = false;
  console.log(`\nPostgreSQL: no server at ${url} (${e.message}); set MOTCUA_PG_URL. Skipped.`);
});
if (pgUp) {
  const version = (await probe.query('SHOW server_version')).rows[0].server_version as string;
  await probe.end();
  const schema = `motcua_bench_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await new PostgresStore({ pool: admin, schema }).migrate();
  const worker = fileURLToPath(new URL('./pg-worker.ts', import.meta.url));
  console.log(
    `\nPostgreSQL ${version} (same machine), N worker processes, each its own engine and connection, one schema`,
  );
  console.log('  workers   engine/s      raw/s   engine/raw');
  const rows: { n: number; engine: number; raw: number }[] = [];
  const all: ChildProcess[] = [];
  try {
    for (const n of workerCounts) {
      const children: ChildProcess[] = Array.from({ length: n }, (_, i) =>
        fork(worker, [], {
          execArgv: ['--import', 'tsx'],
          env: { ...process.env, MOTCUA_PG_URL: url, BENCH_SCHEMA: schema, BENCH_WORKER: String(i) },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      );
      all.push(...children);
      const next = (c: ChildProcess) =>
        new Promise<{ ready?: boolean; transitions?: number; seconds?: number }>((resolve, reject) => {
          c.once('message', (m) => resolve(m as { ready?: boolean; transitions?: number; seconds?: number }));
          c.once('exit', (code) => reject(new Error(`bench worker exited (${code})`)));
        });
      await Promise.all(children.map(next));
      const phase = async (mode: 'raw' | 'engine', ms: number) => {
        const start = Date.now() + 100;
        const results = children.map(next);
        for (const c of children) c.send({ cmd: 'run', mode, start, end: start + ms });
        const r = await Promise.all(results);
        return r.reduce((sum, x) => sum + x.transitions! / x.seconds!, 0);
      };
      // Alternating phases, so that a change in the machine's load weighs on both alike.
      let raw = 0;
      let engine = 0;
      const rounds = 3;
      for (let r = 0; r < rounds; r++) {
        raw += (await phase('raw', (seconds * 1000) / rounds)) / rounds;
        engine += (await phase('engine', (seconds * 1000) / rounds)) / rounds;
      }
      for (const c of children) {
        c.removeAllListeners('exit');
        c.send({ cmd: 'exit' });
      }
      await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
      rows.push({ n, engine, raw });
      console.log(
        `  ${String(n).padStart(7)}  ${fmt(engine).padStart(9)}  ${fmt(raw).padStart(9)}   ${(engine / raw).toFixed(2)}`,
      );
    }
  } finally {
    for (const c of all) if (c.exitCode === null && c.signalCode === null) c.kill();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
  printLookupTiming(await runPostgresLookupTiming(url), 'PostgreSQL (same machine, pool of 4)');
  const best = rows.reduce((a, b) => (b.engine > a.engine ? b : a));
  console.log(
    `  engine throughput peaks at ${best.n} worker(s): ${fmt(best.engine)}/s (${(best.engine / rows[0]!.engine).toFixed(2)}× one worker); goal: engine ≥ 0.5 × raw, growing until the server is the limit`,
  );

  if (restartDossiers > 0) {
    console.log(`\nRestart with ${fmt(restartDossiers)} open dossiers in PostgreSQL`);
    const r = await runRestartBench(url, restartDossiers);
    console.log(
      `  bulk load (generate_series, ${fmt(r.dossiers)} dossiers + journal, ${fmt(r.timers)} timers, indexes, ANALYZE): ${r.loadSeconds.toFixed(1)} s`,
    );
    console.log(`  new engine serving (first lookup answered):          ${r.servingMs.toFixed(0)} ms`);
    console.log(
      `  first due timer claimed from the index (${r.usesIndex ? 'plan uses timers_due' : 'plan does NOT use timers_due'}): ${r.firstClaimMs.toFixed(0)} ms`,
    );
    console.log(
      `  timers live: first runDueTimers fired ${r.fired} of ${r.due} due timers in:   ${r.timersLiveMs.toFixed(0)} ms  (goal: < 10 s)`,
    );
    console.log(`  then: a month's report over all of them (SQL aggregate): ${r.reportMs.toFixed(0)} ms`);
    console.log(`        the 100 most urgent open dossiers (list, indexed):  ${r.listMs.toFixed(0)} ms`);
  }
}
console.log(`\n(total ${((performance.now() - began) / 1000).toFixed(0)} s; load average now ${load()})`);
