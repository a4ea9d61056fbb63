/**
 * Restart with many open dossiers in PostgreSQL: bulk-load N received dossiers (snapshot, journal
 * entry, three timers each; a few hundred of the timers due) into a fresh schema with
 * generate_series, then time a new engine until it answers a lookup and until its first
 * `runDueTimers` has claimed and fired the due timers (read from the `timers_due` index).
 */
import { createEngine, SimulatedClock } from '@motcua/core';
import { sampleProcedure, testCalendar } from '@motcua/core/testing';
import pg from 'pg';
import { postgresMigrations } from '../src/postgres/migrations.js';
import { PostgresStore } from '../src/postgres/postgres-store.js';
import { CODE_TOKEN, recordLifecycle } from './lifecycle.js';

export interface RestartFigures {
  readonly dossiers: number;
  readonly timers: number;
  readonly due: number;
  readonly loadSeconds: number;
  readonly servingMs: number;
  readonly firstClaimMs: number;
  readonly timersLiveMs: number;
  readonly fired: number;
  readonly usesIndex: boolean;
  /** A month's report over all the dossiers (SQL aggregate; every open dossier counts). */
  readonly reportMs: number;
  /** The 100 most urgent open dossiers (`list` with `dueBefore` and a limit, from the index). */
  readonly listMs: number;
}

export async function runRestartBench(url: string, dossiers: number, due = 200): Promise<RestartFigures> {
  const schema = `motcua_bench_restart_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  try {
    return await measure(url, dossiers, due, schema, admin);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

async function measure(
  url: string,
  dossiers: number,
  due: number,
  schema: string,
  admin: pg.Pool,
): Promise<RestartFigures> {
  const setup = new PostgresStore({ pool: admin, schema });
  await setup.migrate();
  const receipt = (await recordLifecycle())[0]!;
  const template = JSON.parse(receipt.snapshot.split(CODE_TOKEN).join('@@CODE@@')) as {
    context: { secret: string };
  };
  const secret = template.context.secret;
  const [agency, procCode, procVersion, channel, state, status, holder, receivedAt, legalDue, currentDue] =
    receipt.summary as string[];
  const codeOf = "'H56-260302-' || lpad(i::text, 7, '0')";
  const t0 = performance.now();
  // Load without the secondary indexes, then build them by re-running the (idempotent) migration.
  const indexes = postgresMigrations[0]!.sql
    .match(/CREATE INDEX IF NOT EXISTS (\w+)/g)!
    .map((s) => s.split(' ').at(-1));
  await admin.query(indexes.map((i) => `DROP INDEX "${schema}".${i};`).join('\n'));
  const chunk = 250_000;
  const load = async (from: number, to: number) => {
    const c = await admin.connect();
    try {
      await c.query('SET synchronous_commit = off');
      await c.query(
        `INSERT INTO "${schema}".dossiers (code, agency, procedure_code, procedure_version, channel, state, status,
           holder, received_at, legal_due_at, current_due_at, paused, snapshot, version, fired_timers)
         SELECT ${codeOf}, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false, replace($13, '@@CODE@@', ${codeOf})::jsonb, 1, '{}'
         FROM generate_series($1::int, $2::int) AS i`,
        [
          from,
          to,
          agency,
          procCode,
          procVersion,
          channel,
          state,
          status,
          holder,
          receivedAt,
          legalDue,
          currentDue,
          JSON.stringify(template),
        ],
      );
      await c.query(
        `INSERT INTO "${schema}".journal (code, seq, at, type, actor, before, after, event)
         SELECT ${codeOf}, 1, $3, 'RECEIVE', $4, NULL, $5, $6 FROM generate_series($1::int, $2::int) AS i`,
        [from, to, receivedAt, receipt.journal[3], state, receipt.journal[6]],
      );
      // Three timers each; only the first `due` dossiers have one due at the restart instant.
      await c.query(
        `INSERT INTO "${schema}".timers (id, code, kind, at, step_id)
         SELECT ${codeOf} || ':' || t.kind || coalesce(':' || t.step_id, '') || ':' || to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                ${codeOf}, t.kind, t.at, t.step_id
         FROM generate_series($1::int, $2::int) AS i,
         LATERAL (VALUES
           ('step-due', 'receive', CASE WHEN i <= $3 THEN '2026-03-02T06:30:00Z'::timestamptz
                                        ELSE '2026-03-02T06:30:00Z'::timestamptz + interval '7 days' END),
           ('dossier-warning', NULL, '2026-03-10T10:00:00Z'::timestamptz),
           ('dossier-due', NULL, '2026-03-11T10:00:00Z'::timestamptz)) AS t(kind, step_id, at)`,
        [from, to, due],
      );
    } finally {
      c.release();
    }
  };
  const ranges: [number, number][] = [];
  for (let from = 1; from <= dossiers; from += chunk)
    ranges.push([from, Math.min(dossiers, from + chunk - 1)]);
  // Two connections (the machine has two cores).
  const queue = [...ranges];
  await Promise.all(
    [0, 1].map(async () => {
      for (let r = queue.shift(); r; r = queue.shift()) await load(r[0], r[1]);
    }),
  );
  await admin.query("SET maintenance_work_mem = '512MB'");
  const c = await admin.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SET LOCAL search_path TO "${schema}"`);
    await c.query(postgresMigrations[0]!.sql);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  await admin.query(`ANALYZE "${schema}".dossiers; ANALYZE "${schema}".timers; ANALYZE "${schema}".journal`);
  const loadSeconds = (performance.now() - t0) / 1000;
  const timers = Number((await admin.query(`SELECT count(*) AS n FROM "${schema}".timers`)).rows[0].n);
  const now = '2026-03-03T01:00:00.000Z';
  const plan = await admin.query(
    `EXPLAIN SELECT id FROM "${schema}".timers WHERE at <= $1::timestamptz AND (lease_until IS NULL OR lease_until <= $1::timestamptz) ORDER BY at, id LIMIT 100 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  const usesIndex = plan.rows.some((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'].includes('timers_due'));

  // The restart: a new process would do exactly this.
  const start = performance.now();
  const store = new PostgresStore({ connectionString: url, schema, max: 4 });
  const engine = createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    agency: 'H56',
    store,
    clock: new SimulatedClock(now),
    workerId: 'restarted',
  });
  const probe = `H56-260302-${String(Math.ceil(dossiers / 2)).padStart(7, '0')}`;
  await engine.lookup(probe, secret);
  const servingMs = performance.now() - start;
  const claimed = await store.claimTimers({ due: now, now, limit: 1, owner: 'probe', leaseMs: 1 });
  const firstClaimMs = performance.now() - start;
  const { fired } = await engine.runDueTimers(new Date(Date.parse(now) + 1000));
  const timersLiveMs = performance.now() - start;
  if (claimed.length !== 1) throw new Error('no due timer claimed');
  let t = performance.now();
  const [row] = await engine.report({
    from: '2026-03-01T00:00:00+07:00',
    to: '2026-04-01T00:00:00+07:00',
    groupBy: 'none',
  });
  const reportMs = performance.now() - t;
  if (row?.received !== dossiers) throw new Error(`report counted ${row?.received} received`);
  t = performance.now();
  const urgent = await engine.list({ status: 'active', dueBefore: '2026-04-01T00:00:00.000Z', limit: 100 });
  const listMs = performance.now() - t;
  if (urgent.length !== 100) throw new Error('list returned too few');
  await store.close();
  return {
    dossiers,
    timers,
    due,
    loadSeconds,
    servingMs,
    firstClaimMs,
    timersLiveMs,
    fired,
    usesIndex,
    reportMs,
    listMs,
  };
}
