/**
 * One PostgreSQL benchmark worker process: its own engine instance and its own connection, driving
 * its own dossiers through the lifecycle (mode `engine`) or writing the same rows raw (mode `raw`)
 * between the instants its parent gives. Talks to the parent over IPC.
 */
import pg from 'pg';
import { PostgresStore } from '../src/postgres/postgres-store.js';
import { benchEngine, lifecycle, recordLifecycle } from './lifecycle.js';
import { rawPostgres } from './raw-writers.js';

const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.BENCH_SCHEMA!;
const id = process.env.BENCH_WORKER ?? '0';
const send = (m: unknown) => process.send!(m);

const recorded = await recordLifecycle();
const store = new PostgresStore({ connectionString: url, schema, max: 1, applicationName: 'motcua-bench' });
const engine = benchEngine(store, `bench-${id}`);
const client = new pg.Client({ connectionString: url, application_name: 'motcua-bench-raw' });
await client.connect();
let rawDossiers = 0;
const raw = async () => {
  const code = `R${id}-${process.pid}-${++rawDossiers}`;
  for (const t of recorded) await rawPostgres(client, schema, t, code);
  return recorded.length;
};
const viaEngine = () => lifecycle(engine);
for (let i = 0; i < 5; i++) {
  await raw();
  await viaEngine();
}
send({ ready: true });

process.on(
  'message',
  async (m: { cmd: 'run'; mode: 'raw' | 'engine'; start: number; end: number } | { cmd: 'exit' }) => {
    if (m.cmd === 'exit') {
      await client.end();
      await store.close();
      process.exit(0);
    }
    const run = m.mode === 'raw' ? raw : viaEngine;
    while (Date.now() < m.start) await new Promise((r) => setTimeout(r, 1));
    const t0 = performance.now();
    let transitions = 0;
    while (Date.now() < m.end) transitions += await run();
    send({ transitions, seconds: (performance.now() - t0) / 1000 });
  },
);
