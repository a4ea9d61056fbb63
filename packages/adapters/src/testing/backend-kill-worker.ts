/**
 * A worker process for the backend-kill fault test (test helper): an engine on a PostgreSQL schema
 * that takes a fixed share of dossiers through the sample lifecycle (receipt, four hand-overs, the
 * result returned: 6 transitions each), every command with an idempotency key and retried after a
 * retryable failure, while it delivers the outbox. A probe plugin asks for one effect per
 * transition and records each delivery in `<schema>.probe_deliveries` (through its own pool, which
 * the killer spares), so duplicates can be counted. It prints `result {json}` and exits 0 when its
 * share is done and nothing is pending; an unhandled error crashes it (a non-zero exit). It also
 * counts the engine's logged possible second deliveries (an effect delivered but not recorded, or
 * recorded after its lease ran out), so the test can tell an announced redelivery from a silent one.
 * Environment: MOTCUA_PG_URL, MOTCUA_BK_SCHEMA, MOTCUA_BK_WORKER (index), MOTCUA_BK_DOSSIERS,
 * MOTCUA_BK_APP (application_name of the store's connections).
 */
import { ConflictError, type EnginePlugin, StoreConflictError, systemClock } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import pg from 'pg';
import { PostgresStore } from '../postgres/postgres-store.js';

const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env.MOTCUA_BK_SCHEMA ?? '';
const worker = Number(process.env.MOTCUA_BK_WORKER ?? 0);
const dossiers = Number(process.env.MOTCUA_BK_DOSSIERS ?? 10);
const lanes = 3;

const store = new PostgresStore({
  connectionString: url,
  schema,
  max: 4,
  applicationName: process.env.MOTCUA_BK_APP ?? 'motcua-bk-worker',
});
const recorder = new pg.Pool({ connectionString: url, max: 2, application_name: 'motcua-bk-recorder' });
recorder.on('error', () => {});

const probe: EnginePlugin = {
  name: 'probe',
  onTransition: (info) => [{ type: 'mark', payload: { type: info.type } }],
  async deliver(item) {
    await recorder.query(`INSERT INTO "${schema}".probe_deliveries (id, worker) VALUES ($1, $2)`, [
      item.id,
      worker,
    ]);
  },
};
const { engine } = sampleEngine(store, {
  clock: systemClock,
  workerId: `bk-${worker}-${process.pid}`,
  random: Math.random,
  plugins: [probe],
  leaseMs: 3_000,
  backoff: { maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 500 },
  log: (entry) => {
    if (/not recorded|lease ran out/.test(entry.message)) possibleRedeliveries++;
  },
});

let commands = 0;
let retries = 0;
let unavailable = 0;
let conflicts = 0;
let deliveryErrors = 0;
let delivered = 0;
let possibleRedeliveries = 0;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryable = (e: unknown) =>
  e instanceof ConflictError ||
  e instanceof StoreConflictError ||
  (e as { retryable?: unknown } | null)?.retryable === true;

/** Runs a command until it succeeds; the same idempotency key makes a repeat return the first result. */
async function retry<T>(command: () => Promise<T>): Promise<T> {
  commands++;
  for (let attempt = 0; ; attempt++) {
    try {
      return await command();
    } catch (e) {
      if (!retryable(e) || attempt > 200) throw e;
      retries++;
      if ((e as { code?: string }).code === 'STORE_UNAVAILABLE') unavailable++;
      else conflicts++;
      await pause(5 + Math.random() * 20);
    }
  }
}

async function lane(n: number): Promise<void> {
  for (let i = n; i < dossiers; i += lanes) {
    const key = `bk-${worker}-${i}`;
    const d = await retry(() =>
      engine.receive({
        procedure: '1.004194',
        channel: 'in-person',
        actor: sampleActors.desk,
        ...sampleReceipt,
        idempotencyKey: `${key}-r`,
      }),
    );
    for (const [s, unit] of (['desk', 'police', 'leader', 'police'] as const).entries()) {
      await retry(() =>
        engine.send(
          d.code,
          { type: 'HAND_OVER', actor: sampleActors[unit] },
          { idempotencyKey: `${key}-${s}` },
        ),
      );
    }
    await retry(() =>
      engine.send(
        d.code,
        { type: 'RETURN_RESULT', actor: sampleActors.desk },
        { idempotencyKey: `${key}-5` },
      ),
    );
  }
}

let working = true;
async function deliver(): Promise<void> {
  for (;;) {
    try {
      delivered += (await engine.deliverOutbox()).delivered;
      if (!working && (await store.outbox({ status: 'pending' })).length === 0) return;
    } catch {
      deliveryErrors++; // a claim or a settlement lost its connection: the next round goes on
    }
    await pause(30);
  }
}

process.stdout.write(`pid ${process.pid}\n`);
const delivering = deliver();
await Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
working = false;
await delivering;
process.stdout.write(
  `result ${JSON.stringify({
    worker,
    commands,
    retries,
    unavailable,
    conflicts,
    delivered,
    deliveryErrors,
    possibleRedeliveries,
  })}\n`,
);
await store.close();
await recorder.end();
