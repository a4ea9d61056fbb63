import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DECREE_61_RATING_CRITERIA, type DossierStore, MemoryStore, verifySlip } from '@motcua/core';
import {
  newDossierCommit,
  sampleActors,
  sampleEngine,
  sampleReceipt,
  storeConformanceSuite,
} from '@motcua/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { DICTIONARY_3 } from './archive-dictionary.js';
import { packArchive, packIfShorter, unpackArchive } from './dossier-archive.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeConformanceSuite('sqlite :memory:', {
  makeStore: async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    return store;
  },
  fuzzRuns: laneCount(150, 30),
});

const files = new Map<DossierStore, string>();

/** Every row of every table, read through a second connection: sequences and keys included. */
function dumpTables(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    // Tables without a rowid (slip_rows) in their primary key's order.
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

storeConformanceSuite('sqlite file (WAL)', {
  makeStore: async () => {
    const file = join(dir, `conformance-${++n}.db`);
    const store = new SqliteStore(file);
    await store.migrate();
    files.set(store, file);
    return store;
  },
  fingerprint: async (store) => dumpTables(files.get(store)!),
  fuzzRuns: laneCount(150, 30),
});

describe('SqliteStore: a dossier is archived by the commit that closes it (migration 004)', () => {
  /** JSON-equal (what crosses a process boundary). */
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
  const { desk, police, leader } = sampleActors;
  const receipt = { procedure: '1.004194', channel: 'in-person', actor: desk, ...sampleReceipt } as const;

  /** Two dossiers closed (one rated, one with a secret reissued after it closed) and one open, on `store`. */
  async function traffic(store: DossierStore): Promise<string[]> {
    const { engine } = sampleEngine(store);
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const d = await engine.receive({ ...receipt, idempotencyKey: `receive-${i}` });
      for (const actor of [desk, police, leader, police])
        await engine.send(d.code, { type: 'HAND_OVER', actor });
      await engine.send(d.code, { type: 'RETURN_RESULT', actor: desk }, { idempotencyKey: `return-${i}` });
      codes.push(d.code);
    }
    await engine.reissueSecret(codes[1]!, { actor: desk });
    // A rating after the return: another commit on an archived dossier.
    const scores = Object.fromEntries(DECREE_61_RATING_CRITERIA.criteria.map((c) => [c.id, 2]));
    await engine.rate(codes[0]!, { actor: desk, scores });
    const open = await engine.receive(receipt);
    await engine.send(open.code, { type: 'HAND_OVER', actor: desk });
    codes.push(open.code);
    return codes;
  }

  it('reads back what the in-memory store does, also from a connection that never cached it', async () => {
    const file = join(dir, 'archive.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const memory = new MemoryStore();
    const codes = await traffic(store);
    expect(await traffic(memory)).toEqual(codes);
    const other = new SqliteStore(file, { snapshotCache: 0 });
    try {
      for (const s of [store, other]) {
        for (const code of codes) {
          expect(plain(await s.load(code))).toEqual(plain(await memory.load(code)));
          expect(plain(await s.journal(code))).toEqual(plain(await memory.journal(code)));
          expect(plain(await s.slip(code))).toEqual(plain(await memory.slip(code)));
          expect(await s.lookupSecret(code)).toBe(await memory.lookupSecret(code));
        }
        expect(await s.unitReport({ from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z' })).toEqual(
          await memory.unitReport({ from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z' }),
        );
      }
      // The keyed commands answer their first result again, from the archive.
      const { engine } = sampleEngine(other);
      const replay = await engine.send(
        codes[0]!,
        { type: 'RETURN_RESULT', actor: desk },
        { idempotencyKey: 'return-0' },
      );
      expect(replay.status).toBe('done');
      expect(verifySlip(replay.context.slip).ok).toBe(true);
      const raw = new Database(file, { readonly: true });
      const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
      expect(count("SELECT count(*) FROM dossiers WHERE archive IS NOT NULL AND snapshot = ''")).toBe(2);
      expect(
        count(
          'SELECT count(*) FROM journal WHERE code IN (SELECT code FROM dossiers WHERE archive IS NOT NULL)',
        ),
      ).toBe(0);
      expect(
        count(
          "SELECT count(*) FROM slip_rows WHERE data <> '' AND code IN (SELECT code FROM dossiers WHERE archive IS NOT NULL)",
        ),
      ).toBe(0);
      // Of an archived dossier, the unit report's columns of its closed steps only.
      expect(
        count(
          'SELECT count(*) FROM slip_rows WHERE (step_id IS NULL OR result IS NULL) AND code IN (SELECT code FROM dossiers WHERE archive IS NOT NULL)',
        ),
      ).toBe(0);
      expect(
        count(
          'SELECT count(*) FROM slip_rows WHERE code IN (SELECT code FROM dossiers WHERE archive IS NOT NULL)',
        ),
      ).toBeGreaterThan(0);
      raw.close();
    } finally {
      await other.close();
      await store.close();
    }
  });

  const keys = ['receive-0', 'receive-1', 'return-0', 'return-1'];

  /** Whether each key's result is in its dossier's archive, and what the store answers for each. */
  async function results(store: SqliteStore, file: string) {
    const raw = new Database(file, { readonly: true });
    try {
      return {
        inArchive: raw
          .prepare(
            "SELECT count(*) FROM idempotency WHERE typeof(result) = 'blob' AND substr(result, 1, 1) = x'02'",
          )
          .pluck()
          .get(),
        answers: plain(await Promise.all(keys.map((k) => store.idempotentResult(k)))),
      };
    } finally {
      raw.close();
    }
  }

  it('keeps the idempotency results of a closed dossier in its archive (005), answered as before', async () => {
    const file = join(dir, 'results.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const memory = new MemoryStore();
    await traffic(store);
    await traffic(memory);
    const expected = plain(await Promise.all(keys.map((k) => memory.idempotentResult(k))));
    const other = new SqliteStore(file, { snapshotCache: 0 });
    try {
      // The key received before the dossier closed, and the one that closed it: both moved, and kept
      // when a later commit (a rating, a reissued secret) rewrites the archive.
      expect(await results(store, file)).toEqual({ inArchive: 4, answers: expected });
      expect(await results(other, file)).toEqual({ inArchive: 4, answers: expected });
      const replay = await sampleEngine(other).engine.send(
        (expected as { code: string }[])[2]!.code,
        { type: 'RETURN_RESULT', actor: desk },
        { idempotencyKey: 'return-0' },
      );
      expect(replay.status).toBe('done');
      expect(replay.version).toBe((expected as { version: number }[])[2]!.version);
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('moves the results of dossiers archived at schema 4 when it migrates to 005', async () => {
    const file = join(dir, 'results-004.db');
    const store = new SqliteStore(file);
    await store.migrate();
    await traffic(store);
    const after = await results(store, file);
    await store.close();
    // The file as schema 4 wrote it: results packed in their rows, archives without them, the
    // idempotency table with a rowid.
    const raw = new Database(file);
    for (const { code, archive } of raw
      .prepare('SELECT code, archive FROM dossiers WHERE archive IS NOT NULL')
      .all() as { code: string; archive: Buffer }[]) {
      const { results: moved, ...rest } = unpackArchive(archive);
      for (const [key, value] of Object.entries(moved ?? {}))
        raw
          .prepare('UPDATE idempotency SET result = ? WHERE key = ?')
          .run(packIfShorter(JSON.stringify(value)), key);
      raw.prepare('UPDATE dossiers SET archive = ? WHERE code = ?').run(packArchive(rest), code);
    }
    raw.exec(`CREATE TABLE idempotency_004 (key TEXT PRIMARY KEY, result ANY,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) STRICT;
      INSERT INTO idempotency_004 SELECT * FROM idempotency; DROP TABLE idempotency;
      ALTER TABLE idempotency_004 RENAME TO idempotency; DELETE FROM motcua_migrations WHERE version = 5;`);
    raw.close();
    const upgraded = new SqliteStore(file, { snapshotCache: 0 });
    try {
      expect(await results(upgraded, file)).toEqual({ inArchive: 0, answers: after.answers });
      expect(await upgraded.migrate()).toEqual({ applied: ['005_results_in_archive'], version: 10 });
      expect(await results(upgraded, file)).toEqual(after);
      expect(after.inArchive).toBe(4);
      expect(await upgraded.compact()).toBe(0);
      expect(await results(upgraded, file)).toEqual(after);
    } finally {
      await upgraded.close();
    }
  });
});

describe('SqliteStore: values kept for the record are packed (migration 004)', () => {
  it('packs a delivered payload and an idempotency result, and reads them back equal', async () => {
    const file = join(dir, 'packed.db');
    const store = new SqliteStore(file);
    await store.migrate();
    try {
      const payload = { text: 'Hồ sơ của ông/bà đã có kết quả. '.repeat(8), to: '+84912000000', segments: 3 };
      const result = { code: 'H56-260302-0001', version: 1, note: 'kết quả lần đầu '.repeat(10) };
      const effect = {
        id: 'H56-260302-0001:1:sms.notice:receipt',
        code: 'H56-260302-0001',
        type: 'sms.notice',
        payload,
        createdAt: '2026-03-02T02:00:00.000Z',
        notBefore: '2026-03-02T02:00:00.000Z',
      };
      await store.commit(newDossierCommit('H56-260302-0001', { outbox: [effect], idempotencyKey: 'k-1' }));
      await store.commit({
        ...newDossierCommit('H56-260302-0002', { idempotencyKey: 'k-2' }),
        idempotency: { key: 'k-2', result },
      });
      const [item] = await store.claimOutbox({
        due: '2026-03-02T03:00:00.000Z',
        now: '2026-03-02T03:00:00.000Z',
        limit: 5,
        owner: 'w',
        leaseMs: 60_000,
      });
      await store.settleOutbox(item!.id, 'w', { delivered: true });
      const [delivered] = await store.outbox({ status: 'delivered' });
      expect(delivered).toMatchObject({ id: effect.id, payload, status: 'delivered', attempts: 1 });
      expect(await store.idempotentResult('k-2')).toEqual(result);
      const raw = new Database(file, { readonly: true });
      expect(raw.prepare('SELECT typeof(payload) FROM outbox').pluck().get()).toBe('blob');
      expect(raw.prepare("SELECT typeof(result) FROM idempotency WHERE key = 'k-2'").pluck().get()).toBe(
        'blob',
      );
      raw.close();
    } finally {
      await store.close();
    }
  });
});

describe('SqliteStore: a store written at schema 5, upgraded by 006 (late entry, national status)', () => {
  it('keeps what was written, reports the entries entered from then on, archived dossiers included', async () => {
    const file = join(dir, 'schema-5.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const { desk, police } = sampleActors;
    const { engine, clock } = sampleEngine(store, { start: '2026-03-02T10:00:00+07:00' });
    const receive = (at: string) =>
      engine.receive({ procedure: '1.004194', channel: 'in-person', actor: desk, ...sampleReceipt, at });
    // Both receipts entered 3 hours late; C is withdrawn (archived).
    const a = await receive('2026-03-02T07:00:00+07:00');
    const c = await receive('2026-03-02T07:00:00+07:00');
    await engine.send(a.code, { type: 'HAND_OVER', actor: desk });
    await engine.send(c.code, { type: 'WITHDRAW', actor: desk });
    const before = { a: await store.load(a.code), c: await store.load(c.code) };
    await store.close();
    // The file as schema 5 wrote it: 006's tables and columns gone, archives (format 3, as 005
    // packed them) without entry instants.
    const raw = new Database(file);
    for (const { code, archive } of raw
      .prepare('SELECT code, archive FROM dossiers WHERE archive IS NOT NULL')
      .all() as { code: string; archive: Buffer }[]) {
      const old = unpackArchive(archive);
      const journal = old.journal.map(({ enteredAt: _, ...entry }) => entry);
      const json = JSON.stringify({ ...old, journal });
      const packed = deflateRawSync(json, { dictionary: DICTIONARY_3, windowBits: 15 });
      raw
        .prepare('UPDATE dossiers SET archive = ? WHERE code = ?')
        .run(Buffer.concat([Buffer.from([3]), packed]), code);
    }
    // 009's index holds national_status: a store at schema 5 had neither.
    raw.exec(`DROP INDEX dossiers_index_facts; CREATE INDEX dossiers_received_at ON dossiers (received_at);
      DROP TABLE entry_hours; DROP TABLE late_entries; ALTER TABLE journal DROP COLUMN entered_at;
      ALTER TABLE dossiers DROP COLUMN national_status; DELETE FROM motcua_migrations WHERE version IN (6, 9);`);
    raw.close();

    const upgraded = new SqliteStore(file, { snapshotCache: 0 });
    try {
      expect(await upgraded.migrate()).toEqual({
        applied: ['006_late_entry', '009_national_index_covering'],
        version: 10,
      });
      // Read back as before; entries and summaries written before 006 have no entry instant or status.
      expect((await upgraded.load(a.code))?.persisted).toEqual(before.a?.persisted);
      expect((await upgraded.load(c.code))?.persisted).toEqual(before.c?.persisted);
      for (const code of [a.code, c.code]) {
        expect((await upgraded.journal(code)).map((e) => e.enteredAt)).toEqual([undefined, undefined]);
      }
      expect((await upgraded.list({})).map((s) => s.nationalStatus)).toEqual([null, null]);
      const day = { from: '2026-03-02T00:00:00+07:00', to: '2026-03-03T00:00:00+07:00', thresholdMs: 60_000 };
      expect(await upgraded.lateEntries(day)).toEqual([]);
      // The next commit writes both: police record at 12:00 a handover of 11:00 (1 hour late).
      const { engine: after } = sampleEngine(upgraded, { clock });
      clock.set('2026-03-02T12:00:00+07:00');
      await after.send(a.code, { type: 'HAND_OVER', actor: police, at: '2026-03-02T11:00:00+07:00' });
      expect((await upgraded.load(a.code))?.summary.nationalStatus).toBe(4);
      expect((await upgraded.journal(a.code)).map((e) => e.enteredAt)).toEqual([
        undefined,
        undefined,
        '2026-03-02T05:00:00.000Z',
      ]);
      expect(await upgraded.lateEntries(day)).toEqual([
        {
          unit: 'police',
          entries: 1,
          late: 1,
          maxDelayMs: 3_600_000,
          meanDelayMs: 3_600_000,
          lateCodes: [a.code],
        },
      ]);
      // A later commit of the archived dossier (a reissued secret) rewrites its archive: the entries
      // written before 006 still have no entry instant, the new one has.
      await after.reissueSecret(c.code, { actor: desk });
      expect((await upgraded.journal(c.code)).map((e) => e.enteredAt)).toEqual([
        undefined,
        undefined,
        '2026-03-02T05:00:00.000Z',
      ]);
      expect((await upgraded.migrate()).applied).toEqual([]);
    } finally {
      await upgraded.close();
    }
  });

  it('keeps each entry instant in an archive as its distance from the entry’s own instant', async () => {
    const at = '2026-03-02T02:00:00.000Z';
    const { enteredAt: _, ...written } = newDossierCommit('H56-260302-0001').journal;
    const entry = { ...written, at };
    const journal = [
      { ...entry, seq: 1, enteredAt: at },
      { ...entry, seq: 2, enteredAt: '2026-03-02T05:00:00.001Z' },
      { ...entry, seq: 3 },
    ];
    const persisted = newDossierCommit('H56-260302-0001').dossier.persisted;
    const packed = packArchive({ persisted, journal });
    expect(unpackArchive(packed).journal).toEqual(journal);
    const json = JSON.parse(inflateRawSync(packed.subarray(1), { dictionary: DICTIONARY_3 }).toString());
    expect(json.journal.map((e: { enteredMs?: unknown }) => e.enteredMs)).toEqual([
      undefined,
      10_800_001,
      null,
    ]);
  });
});
