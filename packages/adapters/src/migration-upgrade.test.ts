import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEngine,
  type DossierStore,
  indexFactsOf,
  SimulatedClock,
  type StoredDossier,
  verifySlip,
} from '@motcua/core';
import {
  sampleActors,
  sampleEngine,
  sampleProcedure,
  sampleReceipt,
  testCalendar,
} from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresMigrations } from './postgres/migrations.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { sqliteMigrations } from './sqlite/migrations.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/** A dossier's code and lookup secret. */
interface Written {
  readonly code: string;
  readonly secret: string;
}

/**
 * Dossiers written on schema version 1 (before the lookup limits), then `migrate()` to the current
 * version: their secrets are found by the lookup, failed guesses are counted and lock the code.
 * `written`: an open dossier and another one, already in the store (the schema-2 fixture's rows,
 * which fit schema 1: the code of today writes columns schema 1 lacks).
 */
async function upgradeScenario(
  store: DossierStore & { migrate(): Promise<{ applied: readonly string[]; version: number }> },
  upgradedBy: readonly string[],
  written: readonly [Written, Written],
) {
  const { engine } = sampleEngine(store, { lookupLimit: { maxFailures: 2 } });
  const receive = async (): Promise<Written> => {
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    return { code: d.code, secret: d.context.secret };
  };
  const [a, b] = written;
  // Schema 1 has no lookup tables: the lookup says so (not a bare driver error).
  await expect(engine.lookup(a.code, a.secret)).rejects.toMatchObject({ code: 'STORE_NOT_MIGRATED' });
  const result = await store.migrate();
  expect(result.applied).toEqual(['002_lookup_limits', '003_slip_once', '004_compact', ...upgradedBy]);
  expect(result.version).toBe(4 + upgradedBy.length);
  expect(await store.lookupSecret(a.code)).toBe(a.secret);
  expect(await store.lookupSecret(b.code)).toBe(b.secret);
  expect((await engine.lookup(a.code, a.secret)).currentUnit).toBeTruthy();
  for (let i = 0; i < 2; i++)
    await expect(engine.lookup(b.code, 'WRONGWRONG')).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
  await expect(engine.lookup(b.code, b.secret)).rejects.toMatchObject({ code: 'LOOKUP_LOCKED' });
  // Written before the index facts were kept (the open one and the closed, archived one): the
  // backfill derives them from the stored snapshots, as a commit would, and leaves the rest as it was.
  const missing = await store.codesWithoutIndexFacts({ limit: 1000 });
  expect(missing).toEqual(expect.arrayContaining([a.code, b.code]));
  const before = await Promise.all(missing.map((code) => store.load(code)));
  expect(await engine.backfillIndexFacts({ batch: 2 })).toEqual({
    examined: missing.length,
    written: missing.length,
    done: true,
  });
  expect(await store.codesWithoutIndexFacts({ limit: 1000 })).toEqual([]);
  for (const [i, code] of missing.entries()) {
    const d = (await store.load(code))!;
    expect(d.summary.indexFacts).toEqual(indexFactsOf(d.persisted.context));
    expect({ ...d, summary: { ...d.summary, indexFacts: undefined } }).toEqual({
      ...before[i]!,
      summary: { ...before[i]!.summary, indexFacts: undefined },
    });
  }
  // Written after the upgrade, and a second migrate changes nothing.
  const c = await receive();
  expect(await store.lookupSecret(c.code)).toBe(c.secret);
  expect((await store.migrate()).applied).toEqual([]);
}

describe('SQLite: a store written by schema 1, upgraded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-upgrade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the secrets of dossiers written before migration 002 and counts failed lookups', async () => {
    // The rows of the schema-2 fixture fit schema 1 (002 added a table and an index only).
    const file = join(dir, 'v1.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    fillSqlite(raw, 1, schema2.sqlite);
    raw.close();
    const reads = Object.values(schema2.sqlite.reads).map((r) => (r.load as StoredDossier).persisted.context);
    const open = reads.find((c) => c.code === schema2.sqlite.open)!;
    const closed = reads.find((c) => c.outcome !== null)!;
    const store = new SqliteStore(file);
    try {
      await upgradeScenario(
        store,
        [
          '005_results_in_archive',
          '006_late_entry',
          '007_national_index',
          '008_outbox_in_archive',
          '009_national_index_covering',
          '010_portal_sync',
        ],
        [open, closed],
      );
    } finally {
      await store.close();
    }
  });
});

describePostgres('PostgreSQL: a store written by schema 1, upgraded', () => {
  const pool = testPool({ max: 4 });
  const schema = freshSchema();
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('finds the secrets of dossiers written before migration 002 and counts failed lookups', async () => {
    // The rows of the schema-2 fixture fit schema 1 (002 added a table and a column only).
    await fillPostgres(pool, schema, 1, schema2.postgres);
    const reads = Object.values(schema2.postgres.reads).map(
      (r) => (r.load as StoredDossier).persisted.context,
    );
    const open = reads.find((c) => c.code === schema2.postgres.open)!;
    const closed = reads.find((c) => c.outcome !== null)!;
    const store = new PostgresStore({ pool, schema });
    await upgradeScenario(store, ['005_late_entry', '006_national_index', '007_portal_sync'], [open, closed]);
    await store.close();
  });
});

/**
 * A store as motcua wrote it at schema 2 (`testing/schema2-store.json`, written by
 * `scripts/schema2-fixture.ts` on the code of that time): every snapshot and idempotency result
 * with its control slip inside, besides slip_rows.
 */
interface Schema2Store {
  readonly schemaVersion: number;
  readonly rows: Record<string, Record<string, unknown>[]>;
  /** What the store's reads returned, by dossier code. */
  readonly reads: Record<string, Record<'load' | 'journal' | 'slip' | 'timers' | 'outbox', unknown>>;
  /** The dossier left open. */
  readonly open: string;
  /** Commands under idempotency keys and what they answered the first time. */
  readonly replies: readonly { command: Record<string, unknown>; reply: unknown }[];
}
const schema2 = JSON.parse(
  readFileSync(new URL('./testing/schema2-store.json', import.meta.url), 'utf8'),
) as Record<'sqlite' | 'postgres', Schema2Store> & { schemaVersion: number };

/** A new SQLite file at schema `version`, holding the fixture's rows. */
function fillSqlite(db: Database.Database, version: number, fixture: Schema2Store): void {
  for (const m of sqliteMigrations.slice(0, version)) db.exec(m.sql);
  for (const [table, rows] of Object.entries(fixture.rows)) {
    for (const row of rows) {
      const cols = Object.keys(row);
      db.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      ).run(row);
    }
  }
}

/** A new PostgreSQL schema at `version`, holding the fixture's rows. */
async function fillPostgres(
  pool: ReturnType<typeof testPool>,
  schema: string,
  version: number,
  fixture: Schema2Store,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    for (const m of postgresMigrations.slice(0, version)) await client.query(m.sql);
    for (const [table, rows] of Object.entries(fixture.rows)) {
      if (rows.length === 0) continue;
      // Every column but the generated ones, as the rows were dumped (row_to_json).
      const cols = Object.keys(rows[0]!).filter((c) => c !== 'lookup_secret');
      await client.query(
        `INSERT INTO ${table} (${cols.join(', ')}) OVERRIDING SYSTEM VALUE
         SELECT ${cols.join(', ')} FROM json_populate_recordset(null::${table}, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** JSON-equal (what crosses a process or HTTP boundary). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/**
 * The schema-2 store after `migrate()` (003): the snapshots and idempotency results no longer
 * hold the slip, every read answers what it answered before, the slips verify, keyed commands
 * answer their first result again, and the open dossier goes on.
 */
async function slipOnceScenario(
  store: DossierStore & { migrate(): Promise<{ applied: readonly string[]; version: number }> },
  fixture: Schema2Store,
  stored: () => Promise<{ slipsInSnapshots: number; slipsInResults: number }>,
  upgradedBy: readonly string[],
) {
  const before = await stored();
  expect(before.slipsInSnapshots).toBeGreaterThan(0);
  expect(before.slipsInResults).toBeGreaterThan(0);
  const result = await store.migrate();
  expect(result.applied).toEqual(['003_slip_once', '004_compact', ...upgradedBy]);
  expect(result.version).toBe(4 + upgradedBy.length);
  expect(await stored()).toEqual({ slipsInSnapshots: 0, slipsInResults: 0 });
  const codes = Object.keys(fixture.reads);
  expect(codes.length).toBeGreaterThan(2);
  for (const code of codes) {
    const then = fixture.reads[code]!;
    const loaded = await store.load(code);
    // Read as before; the summary has gained the national status, unknown for rows written then.
    const load = then.load as { summary: Record<string, unknown> };
    expect(plain(loaded)).toEqual({ ...load, summary: { ...load.summary, nationalStatus: null } });
    expect(plain(await store.journal(code))).toEqual(then.journal);
    expect(plain(await store.slip(code))).toEqual(then.slip);
    expect(plain(await store.timers(code))).toEqual(then.timers);
    expect(plain(await store.outbox({ code }))).toEqual(then.outbox);
    expect(verifySlip(loaded!.persisted.context.slip)).toEqual({
      ok: true,
      rows: (then.slip as unknown[]).length,
    });
  }
  // The keyed commands of the fixture, sent again: their first answers, slip included.
  let seed = 11;
  const engine = createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    agency: 'H57',
    store,
    clock: new SimulatedClock('2026-04-07T08:00:00+07:00'),
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
  });
  const receive = { procedure: '1.004194', channel: 'in-person', ...sampleReceipt } as const;
  for (const { command, reply } of fixture.replies) {
    const again =
      'receive' in command
        ? await engine.receive({
            ...receive,
            actor: sampleActors.desk,
            idempotencyKey: command.receive as string,
          })
        : await engine.send(
            command.send as string,
            { type: 'HAND_OVER', actor: command.actor as typeof sampleActors.desk },
            { idempotencyKey: command.key as string },
          );
    // The first answer, with what views gained since the fixture was written (nationalStatus,
    // also in the summary, and the summary's index facts).
    const { nationalStatus: _, summary, ...same } = plain(again) as Record<string, unknown>;
    const { nationalStatus: __, indexFacts: ___, ...summaryThen } = summary as Record<string, unknown>;
    expect({ ...same, summary: summaryThen }).toEqual(reply);
  }
  // The open dossier goes on: its slip grows by one row, chained to the migrated ones.
  const open = fixture.reads[fixture.open]!.slip as unknown[];
  const next = await engine.send(fixture.open, { type: 'HAND_OVER', actor: sampleActors.leader });
  expect(next.context.slip.slice(0, open.length)).toEqual(open);
  expect(next.context.slip.length).toBe(open.length + 1);
  expect(plain((await store.load(fixture.open))!.persisted.context)).toEqual(plain(next.context));
  expect(await store.slip(fixture.open)).toEqual(next.context.slip);
  expect(verifySlip(next.context.slip).ok).toBe(true);
  // Written before the national facts, it takes them now: components, a fee paid, a result
  // document; its summary gains its national status at this commit.
  const { desk } = sampleActors;
  await engine.send(fixture.open, {
    type: 'RECORD_COMPONENTS',
    actor: desk,
    components: [{ documentId: 'ct01', source: 'paper', digitised: true }],
  });
  await engine.send(fixture.open, {
    type: 'RECORD_PAYMENT',
    actor: desk,
    items: [{ feeId: 'fee' }],
    channel: 'desk',
    receipt: { form: '01BLP0-001', series: 'AB-26E', number: '0000126', issuer: 'vnpt' },
  });
  const facts = await engine.send(fixture.open, {
    type: 'ISSUE_RESULT',
    actor: desk,
    documents: [
      {
        title: 'Xác nhận đăng ký thường trú',
        number: '126',
        signer: { name: 'Lê Văn Cường' },
        issuingBody: 'Công an xã',
        issuedOn: '2026-04-07',
        validUntil: null,
      },
    ],
  });
  expect(facts.context.components?.map((c) => [c.documentId, c.digitised])).toEqual([['ct01', true]]);
  expect(facts.context.payments?.map((p) => [p.status, p.totalVnd])).toEqual([['paid', 20_000]]);
  expect(facts.context.results?.map((r) => r.number)).toEqual(['126']);
  const reloaded = (await store.load(fixture.open))!;
  expect(plain(reloaded.persisted.context)).toEqual(plain(facts.context));
  expect(reloaded.summary.nationalStatus).toBe(facts.nationalStatus?.code);
  expect(reloaded.summary.nationalStatus).not.toBeNull();
  expect((await store.migrate()).applied).toEqual([]);
}

describe('SQLite: a store written at schema 2 (slip in every snapshot), upgraded by 003', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-upgrade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the slip once and reads back everything as before', async () => {
    const fixture = schema2.sqlite;
    expect(schema2.schemaVersion).toBe(2);
    const file = join(dir, 'v2.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    fillSqlite(raw, 2, fixture);
    const stored = async () => ({
      slipsInSnapshots: raw
        .prepare(
          "SELECT count(*) FROM dossiers WHERE CASE WHEN snapshot = '' THEN 0 ELSE json_array_length(snapshot, '$.context.slip') END > 0",
        )
        .pluck()
        .get() as number,
      slipsInResults: raw
        .prepare(
          "SELECT count(*) FROM idempotency WHERE CASE WHEN typeof(result) = 'text' THEN json_type(result, '$.persisted.context.slip') END IS NOT NULL",
        )
        .pluck()
        .get() as number,
    });
    // Two stores on the file: one that never cached a snapshot reads them from the tables.
    const store = new SqliteStore(file, { snapshotCache: 0 });
    try {
      await slipOnceScenario(store, fixture, stored, [
        '005_results_in_archive',
        '006_late_entry',
        '007_national_index',
        '008_outbox_in_archive',
        '009_national_index_covering',
        '010_portal_sync',
      ]);
      // 004: every closed dossier is one archive; journal rows and slip data are left for open ones.
      const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
      expect(count("SELECT count(*) FROM dossiers WHERE status = 'done' AND archive IS NULL")).toBe(0);
      expect(count('SELECT count(*) FROM dossiers WHERE archive IS NOT NULL')).toBeGreaterThan(2);
      expect(
        count('SELECT count(*) FROM journal j JOIN dossiers d USING (code) WHERE d.archive IS NOT NULL'),
      ).toBe(0);
      expect(
        count(
          "SELECT count(*) FROM slip_rows s JOIN dossiers d USING (code) WHERE d.archive IS NOT NULL AND s.data <> ''",
        ),
      ).toBe(0);
      expect(count("SELECT count(*) FROM idempotency WHERE typeof(result) = 'text'")).toBe(0);
      expect(await store.compact()).toBe(0);
    } finally {
      await store.close();
      raw.close();
    }
  });
});

describePostgres('PostgreSQL: a store written at schema 2 (slip in every snapshot), upgraded by 003', () => {
  const pool = testPool({ max: 4 });
  const schema = freshSchema();
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('keeps the slip once and reads back everything as before', async () => {
    const fixture = schema2.postgres;
    await fillPostgres(pool, schema, 2, fixture);
    const count = async (sql: string) => Number((await pool.query(sql)).rows[0].n);
    const stored = async () => ({
      slipsInSnapshots: await count(
        `SELECT count(*) AS n FROM "${schema}".dossiers WHERE snapshot #> '{context,slip}' <> '[]'::jsonb`,
      ),
      slipsInResults: await count(
        `SELECT count(*) AS n FROM "${schema}".idempotency WHERE result #> '{persisted,context,slip}' IS NOT NULL`,
      ),
    });
    const store = new PostgresStore({ pool, schema, snapshotCache: 0 });
    await slipOnceScenario(store, fixture, stored, [
      '005_late_entry',
      '006_national_index',
      '007_portal_sync',
    ]);
    await store.close();
  });
});
