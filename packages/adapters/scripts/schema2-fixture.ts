/**
 * Writes `src/testing/schema2-store.json`: the rows of a SQLite and a PostgreSQL store as motcua
 * wrote them at schema version 2 (before migration 003 kept the control slip once), with what
 * the stores' reads and a keyed command returned then. The upgrade test loads these rows into a
 * fresh store of schema 2, migrates it, and checks that every read still returns the same.
 *
 * The committed file was written by this script on a checkout of commit 72cd270 (schema 2). Run
 * on a later checkout it writes that checkout's format, which is not what the test needs:
 *
 *   git worktree add /tmp/schema2 72cd270 && cp scripts/schema2-fixture.ts /tmp/schema2/packages/adapters/scripts/
 *   (cd /tmp/schema2 && ./pnpmw install && cd packages/adapters && npx tsx scripts/schema2-fixture.ts OUT.json)
 *
 * The scenario: two simulated days of the sample procedure (supplementation, late steps, apologies,
 * refusals), then commands under idempotency keys, one dossier left open with its timers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type DossierStore, SimulatedClock } from '@motcua/core';
import { simulate } from '@motcua/core/simulation';
import { sampleActors, sampleProcedure, sampleReceipt, testCalendar } from '@motcua/core/testing';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../src/postgres/postgres-store.js';
import { SqliteStore } from '../src/sqlite/sqlite-store.js';

const TABLES = ['dossiers', 'journal', 'slip_rows', 'timers', 'outbox', 'idempotency', 'sequences'] as const;

async function scenario(store: DossierStore) {
  await simulate({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    store,
    agency: 'H56',
    start: '2026-03-02',
    days: 2,
    seed: 3,
    arrivals: { perWorkingDay: 3 },
    behaviour: { supplementShare: 0.4, lateShare: 0.3, apologyShare: 0.5, refusalShare: 0.1 },
    samples: { '1.004194': () => sampleReceipt },
    drainDays: 20,
  });
  let seed = 11;
  const engine = createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    agency: 'H57',
    store,
    clock: new SimulatedClock('2026-04-06T08:00:00+07:00'),
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
  });
  const { desk, police } = sampleActors;
  const receive = { procedure: '1.004194', channel: 'in-person', actor: desk, ...sampleReceipt } as const;
  const replies: { command: unknown; reply: unknown }[] = [];
  const a = await engine.receive({ ...receive, idempotencyKey: 'fixture-receive-a' });
  replies.push({ command: { receive: 'fixture-receive-a' }, reply: a });
  for (const [i, actor] of [desk, police].entries()) {
    const key = `fixture-send-a-${i}`;
    const r = await engine.send(a.code, { type: 'HAND_OVER', actor }, { idempotencyKey: key });
    replies.push({ command: { send: a.code, actor, key }, reply: r });
  }
  return { open: a.code, replies };
}

async function reads(store: DossierStore) {
  const out: Record<string, unknown> = {};
  for (const s of await store.list({})) {
    out[s.code] = {
      load: await store.load(s.code),
      journal: await store.journal(s.code),
      slip: await store.slip(s.code),
      timers: await store.timers(s.code),
      outbox: await store.outbox({ code: s.code }),
    };
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'motcua-schema2-'));
const file = join(dir, 's.db');
const sqlite = new SqliteStore(file, { snapshotCache: 0 });
const version = (await sqlite.migrate()).version;
const sqliteRun = await scenario(sqlite);
const sqliteReads = await reads(sqlite);
await sqlite.close();
const db = new Database(file, { readonly: true });
const sqliteRows = Object.fromEntries(
  TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
);
db.close();
rmSync(dir, { recursive: true, force: true });

const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pool = new pg.Pool({ connectionString: url, max: 2 });
const schema = `motcua_schema2_${process.pid}`;
const postgres = new PostgresStore({ pool, schema, snapshotCache: 0 });
await postgres.migrate();
const pgRun = await scenario(postgres);
const pgReads = await reads(postgres);
const pgRows: Record<string, unknown[]> = {};
for (const t of TABLES) {
  pgRows[t] = (await pool.query(`SELECT row_to_json(x) AS r FROM "${schema}".${t} x`)).rows.map(
    (r: { r: unknown }) => r.r,
  );
}
await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
await pool.end();

writeFileSync(
  process.argv[2] ?? 'schema2-store.json',
  `${JSON.stringify({
    written: 'by scripts/schema2-fixture.ts at commit 72cd270',
    schemaVersion: version,
    sqlite: { rows: sqliteRows, reads: sqliteReads, ...sqliteRun },
    postgres: { rows: pgRows, reads: pgReads, ...pgRun },
  })}\n`,
);
