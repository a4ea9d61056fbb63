import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      expect(await upgraded.migrate()).toEqual({ applied: ['005_results_in_archive'], version: 5 });
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
