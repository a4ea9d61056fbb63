/**
 * A worker process for the fault tests (test helper): an engine on a PostgreSQL schema or a SQLite
 * file that receives dossiers and walks them through the sample lifecycle, fires due timers, and
 * prints `progress <transitions>` as it goes, until it is killed. It also finishes the dossiers an
 * earlier (killed) worker left open. Environment: MOTCUA_FAULT_STORE (`postgres` | `sqlite`),
 * MOTCUA_FAULT_TARGET (schema or file), MOTCUA_FAULT_START (simulated start instant), MOTCUA_PG_URL.
 */
import { type DossierStore, type Engine, SimulatedClock } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { PostgresStore } from '../postgres/postgres-store.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';

const kind = process.env.MOTCUA_FAULT_STORE;
const target = process.env.MOTCUA_FAULT_TARGET ?? '';
const store: DossierStore =
  kind === 'postgres'
    ? new PostgresStore({
        connectionString: process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        schema: target,
        max: 4,
        applicationName: 'motcua-fault-worker',
      })
    : new SqliteStore(target);
const clock = new SimulatedClock(process.env.MOTCUA_FAULT_START ?? '2026-03-02T08:00:00+07:00');
const { engine } = sampleEngine(store, { clock, workerId: `fault-${process.pid}`, random: Math.random });

process.stdout.write(`pid ${process.pid}\n`);
let transitions = 0;
const step = () => {
  transitions++;
  clock.advance(7 * 60_000);
  if (transitions % 10 === 0) process.stdout.write(`progress ${transitions}\n`);
};

const actorOf = (unit: string) =>
  unit === 'police' ? sampleActors.police : unit === 'leader' ? sampleActors.leader : sampleActors.desk;

/** One more transition of an open dossier: the holder hands over, or the desk returns the result. */
async function advance(e: Engine, code: string): Promise<boolean> {
  const d = await e.get(code);
  if (d.status === 'done') return false;
  if (d.state === 'resultReady') await e.send(code, { type: 'RETURN_RESULT', actor: sampleActors.desk });
  else await e.send(code, { type: 'HAND_OVER', actor: actorOf(d.summary.holder) });
  step();
  return true;
}

const leftOpen = (await store.list({ status: 'active' })).map((s) => s.code);

async function loop(): Promise<void> {
  for (;;) {
    let code = leftOpen.pop();
    if (!code) {
      code = (
        await engine.receive({
          procedure: '1.004194',
          channel: 'in-person',
          actor: sampleActors.desk,
          ...sampleReceipt,
        })
      ).code;
      step();
    }
    for (;;) {
      try {
        if (!(await advance(engine, code))) break;
      } catch (e) {
        if ((e as { code?: string }).code !== 'CONFLICT') throw e; // a timer fired meanwhile: look again
      }
      if (transitions % 25 === 0) await engine.runDueTimers();
    }
  }
}

await Promise.all(Array.from({ length: kind === 'postgres' ? 3 : 1 }, loop));
