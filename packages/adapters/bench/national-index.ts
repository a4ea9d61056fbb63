/**
 * The Decision 766 index for a province-year on both SQL stores: 1,000,000 dossier rows (summary
 * and index-fact columns, written set-based by SQL, not through the engine) over 2026, then
 * `nationalIndexCounts` for the year (national rule, by agency and for the whole province; the
 * at-return rule) beside a plain `SELECT count(*)` of the same table, measured in the same run.
 *
 * Twice per store: narrow rows (empty snapshots), and realistic rows that carry what a real store
 * keeps in the same row: a closed dossier's archive (SQLite: the deflated snapshot, slip and
 * journal, about 1.4 KB; PostgreSQL: its snapshot jsonb, TOASTed) and an open one's snapshot
 * JSON, copied from dossiers the main job's mix simulated through the engine in the same run.
 *
 * Environment: MOTCUA_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 * MOTCUA_BENCH_INDEX_DOSSIERS (default 1000000), MOTCUA_BENCH_INDEX_ROWS (`narrow`, `realistic`,
 * or both by default).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../src/postgres/postgres-store.js';
import { SqliteStore } from '../src/sqlite/sqlite-store.js';
import { simulateMainJobMix } from './storage-bytes.js';

const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const n = Number(process.env.MOTCUA_BENCH_INDEX_DOSSIERS ?? 1_000_000);
const kinds = (process.env.MOTCUA_BENCH_INDEX_ROWS ?? 'narrow,realistic').split(',') as RowKind[];
type RowKind = 'narrow' | 'realistic';
const year = { from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' };
const ms = (t: number) => `${Math.round(t).toLocaleString('en')} ms`;
async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

console.log(
  `@motcua/adapters: the national index for a province-year (${n.toLocaleString('en')} dossiers), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

// Every row: received every ~31 s through 2026, 20 agencies, 50 units, 200 procedures, a third
// online, 90 % closed (returned; 1 in 10 late), facts spread by the row number.
const sqliteRows = (
  kind: RowKind,
  samples: number,
) => `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1}),
r AS (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', '2025-12-31T17:00:00Z', '+' || (i * 31) || ' seconds') AS recv FROM s)
INSERT INTO dossiers (code, agency, procedure_code, procedure_version, channel, state, status, holder, received_at,
  legal_due_at, current_due_at, closed_at, outcome, result, late_unit, paused, snapshot, version, fired_timers,
  lookup_secret, archive, national_status, ix_version, ix_finished_at, ix_end_at, ix_supplement_requests, ix_supplement_ms, ix_last_request_at,
  ix_last_supplied_at, ix_processing_ms, ix_return_processing_ms, ix_results, ix_e_result, ix_fee_bearing,
  ix_paid_online, ix_digitised, ix_reused, ix_national_store, ix_population_data, ix_satisfied)
SELECT printf('B-%08d', i), 'A' || (i % 20), 'P' || (i % 200), '1', CASE WHEN i % 3 = 0 THEN 'online-full' ELSE 'in-person' END,
  CASE WHEN i % 10 = 9 THEN 'processing' ELSE 'returned' END, CASE WHEN i % 10 = 9 THEN 'active' ELSE 'done' END,
  'u' || (i % 50), recv, strftime('%Y-%m-%dT%H:%M:%fZ', recv, '+10 days'), strftime('%Y-%m-%dT%H:%M:%fZ', recv, '+10 days'),
  CASE WHEN i % 10 = 9 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', recv, '+' || (i % 12) || ' days') END,
  CASE WHEN i % 10 = 9 THEN NULL ELSE 'returned' END,
  CASE WHEN i % 10 = 9 THEN NULL WHEN i % 12 > 10 THEN 'LATE' ELSE 'EARLY' END, NULL, 0,
  ${kind === 'narrow' ? `'{}'` : `CASE WHEN i % 10 = 9 THEN b.snapshot ELSE '' END`}, 5, ${kind === 'narrow' ? `'[]'` : 'b.fired'},
  ${kind === 'narrow' ? 'NULL, NULL' : `b.secret, CASE WHEN i % 10 = 9 THEN NULL ELSE b.archive END`}, 10,
  1, CASE WHEN i % 10 = 9 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', recv, '+' || (i % 11) || ' days') END,
  CASE WHEN i % 10 = 9 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', recv, '+' || (i % 11) || ' days') END,
  i % 3 / 2, 0, NULL, NULL, (i % 11) * 86400000, (i % 12) * 86400000, i % 2, i % 4 / 3, i % 5 / 4, i % 7 % 3,
  i % 3 / 2, i % 9 / 8, i % 13 / 12, i % 6 / 5, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 17 / 16 END
FROM r${kind === 'narrow' ? '' : ` JOIN bench_samples b ON b.k = r.i % ${samples}`}`;

const pgRows = (
  t: string,
  kind: RowKind,
  samples: number,
) => `INSERT INTO ${t} (code, agency, procedure_code, procedure_version, channel, state, status,
  holder, received_at, legal_due_at, current_due_at, closed_at, outcome, result, late_unit, paused, snapshot, version,
  fired_timers, national_status, ix_version, ix_finished_at, ix_end_at, ix_supplement_requests, ix_supplement_ms,
  ix_last_request_at, ix_last_supplied_at, ix_processing_ms, ix_return_processing_ms, ix_results, ix_e_result,
  ix_fee_bearing, ix_paid_online, ix_digitised, ix_reused, ix_national_store, ix_population_data, ix_satisfied)
SELECT format('B-%s', lpad(i::text, 8, '0')), 'A' || (i % 20), 'P' || (i % 200), '1',
  CASE WHEN i % 3 = 0 THEN 'online-full' ELSE 'in-person' END,
  CASE WHEN i % 10 = 9 THEN 'processing' ELSE 'returned' END, CASE WHEN i % 10 = 9 THEN 'active' ELSE 'done' END,
  'u' || (i % 50), recv, recv + interval '10 days', recv + interval '10 days',
  CASE WHEN i % 10 = 9 THEN NULL ELSE recv + (i % 12) * interval '1 day' END,
  CASE WHEN i % 10 = 9 THEN NULL ELSE 'returned' END,
  CASE WHEN i % 10 = 9 THEN NULL WHEN i % 12 > 10 THEN 'LATE' ELSE 'EARLY' END, NULL, false,
  ${kind === 'narrow' ? `'{}'::jsonb` : 'b.snapshot'}, 5, ${kind === 'narrow' ? `'{}'` : 'b.fired'}, 10,
  1, CASE WHEN i % 10 = 9 THEN NULL ELSE recv + (i % 11) * interval '1 day' END,
  CASE WHEN i % 10 = 9 THEN NULL ELSE recv + (i % 11) * interval '1 day' END,
  i % 3 / 2, 0, NULL, NULL, (i % 11) * 86400000::bigint, (i % 12) * 86400000::bigint, i % 2, i % 4 / 3, i % 5 / 4, i % 7 % 3,
  i % 3 / 2, i % 9 / 8, i % 13 / 12, i % 6 / 5, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 17 / 16 END
FROM (SELECT i, timestamptz '2025-12-31T17:00:00Z' + i * interval '31 seconds' AS recv FROM generate_series(0, ${n - 1}) AS i) r${kind === 'narrow' ? '' : ` JOIN bench_samples b ON b.k = r.i % ${samples}`}`;

type Store = SqliteStore | PostgresStore;
async function measure(
  name: string,
  store: Store,
  countAll: () => Promise<number> | number,
  scanAll: () => Promise<number> | number,
  goal: string,
) {
  const [tCount, count] = await time(countAll);
  const [tScan] = await time(scanAll);
  const [tNone, [all]] = await time(() =>
    store.nationalIndexCounts({ ...year, rule: 'national', by: 'none' }),
  );
  const [tAgency, agencies] = await time(() =>
    store.nationalIndexCounts({ ...year, rule: 'national', by: 'agency' }),
  );
  const [tReturn] = await time(() =>
    store.nationalIndexCounts({ ...year, rule: 'at-return', by: 'procedure' }),
  );
  console.log(
    `${name}: SELECT count(*) ${ms(tCount)} (${count.toLocaleString('en')} rows); count of the last index column (reads every row) ${ms(tScan)}`,
  );
  console.log(
    `${name}: index for the year, national rule: province ${ms(tNone)} (judged ${all?.judged.toLocaleString('en')}, on time ${all?.timely.toLocaleString('en')}), by agency ${ms(tAgency)} (${agencies.length} rows); at-return rule by procedure ${ms(tReturn)} — goal ${goal}`,
  );
}

/** What a real store keeps in a dossier's row beside its summary, from dossiers the engine wrote. */
interface RowSample {
  readonly archive: Buffer;
  readonly snapshot: string;
  readonly fired: string;
  readonly secret: string;
}

const dir = mkdtempSync(join(tmpdir(), 'motcua-index-bench-'));
const samples: RowSample[] = [];
if (kinds.includes('realistic')) {
  const file = join(dir, 'samples.db');
  const store = await simulateMainJobMix(file, { days: 2, perDay: 160 });
  const raw = new Database(file, { readonly: true });
  const rows = raw
    .prepare(
      'SELECT code, archive, fired_timers, lookup_secret FROM dossiers WHERE archive IS NOT NULL ORDER BY code',
    )
    .all() as { code: string; archive: Buffer; fired_timers: string; lookup_secret: string }[];
  raw.close();
  for (const r of rows) {
    const d = await store.load(r.code);
    samples.push({
      archive: r.archive,
      snapshot: JSON.stringify(d?.persisted),
      fired: r.fired_timers,
      secret: r.lookup_secret,
    });
  }
  await store.close();
  const avg = (f: (s: RowSample) => number) =>
    Math.round(samples.reduce((sum, s) => sum + f(s), 0) / samples.length).toLocaleString('en');
  console.log(
    `realistic rows: ${samples.length} closed dossiers of the main job's mix, simulated through the engine; archive ${avg((s) => s.archive.length)} B, snapshot JSON ${avg((s) => s.snapshot.length)} B on average`,
  );
}

try {
  // ---- SQLite: a file.
  for (const kind of kinds) {
    const file = join(dir, `index-${kind}.db`);
    const sqlite = new SqliteStore(file);
    await sqlite.migrate();
    const raw = new Database(file);
    if (kind === 'realistic') {
      raw.exec(
        'CREATE TEMP TABLE bench_samples (k INTEGER PRIMARY KEY, archive BLOB, snapshot TEXT, fired TEXT, secret TEXT)',
      );
      const add = raw.prepare('INSERT INTO bench_samples VALUES (?, ?, ?, ?, ?)');
      for (const [k, s] of samples.entries()) add.run(k, s.archive, s.snapshot, s.fired, s.secret);
    }
    const [tFill] = await time(() => raw.exec(sqliteRows(kind, samples.length)));
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const pages = raw.pragma('page_count', { simple: true }) as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    console.log(
      `SQLite, ${kind} rows: ${n.toLocaleString('en')} rows written in ${ms(tFill)}; file ${(statSync(file).size / 1e6).toFixed(0)} MB (${pages.toLocaleString('en')} pages of ${pageSize} B)`,
    );
    await measure(
      `SQLite, ${kind} rows`,
      sqlite,
      () => raw.prepare('SELECT count(*) FROM dossiers').pluck().get() as number,
      () => raw.prepare('SELECT count(ix_satisfied) FROM dossiers NOT INDEXED').pluck().get() as number,
      '≤ 5 s',
    );
    raw.close();
    await sqlite.close();
    rmSync(file, { force: true });
  }

  // ---- PostgreSQL: a fresh schema.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const schema = `motcua_index_bench_${process.pid}`;
  try {
    for (const kind of kinds) {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      const store = new PostgresStore({ pool, schema });
      await store.migrate();
      const t = `"${schema}".dossiers`;
      if (kind === 'realistic') {
        await pool.query(
          `CREATE TABLE "${schema}".bench_samples (k int PRIMARY KEY, snapshot jsonb, fired text[])`,
        );
        for (const [k, s] of samples.entries())
          await pool.query(`INSERT INTO "${schema}".bench_samples VALUES ($1, $2, $3)`, [
            k,
            s.snapshot,
            JSON.parse(s.fired),
          ]);
      }
      const [tFill] = await time(() =>
        pool.query(pgRows(t, kind, samples.length).replace('bench_samples', `"${schema}".bench_samples`)),
      );
      await pool.query(`VACUUM ANALYZE ${t}`);
      const size = (
        await pool.query(`SELECT pg_table_size('${t}') AS heap, pg_relation_size('${t}') AS main`)
      ).rows[0] as { heap: string; main: string };
      console.log(
        `PostgreSQL, ${kind} rows: ${n.toLocaleString('en')} rows written in ${ms(tFill)}; table ${(Number(size.heap) / 1e6).toFixed(0)} MB (main fork ${(Number(size.main) / 1e6).toFixed(0)} MB, the rest TOAST)`,
      );
      await measure(
        `PostgreSQL, ${kind} rows`,
        store,
        async () => Number((await pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n),
        async () => Number((await pool.query(`SELECT count(ix_satisfied) AS n FROM ${t}`)).rows[0].n),
        '≤ 2 s',
      );
    }
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
