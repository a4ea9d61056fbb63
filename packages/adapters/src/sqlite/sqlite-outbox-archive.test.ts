import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DossierStore, type EnginePlugin, MemoryStore } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { packArchive, packIfShorter, unpackArchive } from './dossier-archive.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sqlite-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** JSON-equal (what crosses a process boundary). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
const { desk, police, leader } = sampleActors;

/** A notice per transition, with a text naming the dossier (as the SMS plugin's do). */
const notices: EnginePlugin = {
  name: 'sms',
  onTransition: (info) => [
    {
      type: 'notice',
      payload: { to: '+84912000000', text: `Hồ sơ ${info.after.code}: ${info.afterState} (${info.type})` },
    },
  ],
  async deliver() {},
};

/**
 * Three dossiers on `store`: one returned with its notices delivered as it goes (and rated after
 * it closed), one withdrawn with its last notices delivered after it closed, one open. The
 * dossiers' codes.
 */
async function traffic(store: DossierStore): Promise<string[]> {
  const { engine } = sampleEngine(store, { plugins: [notices] });
  const receive = () =>
    engine.receive({ procedure: '1.004194', channel: 'in-person', actor: desk, ...sampleReceipt });
  const a = await receive();
  for (const actor of [desk, police, leader, police]) {
    await engine.send(a.code, { type: 'HAND_OVER', actor });
    await engine.deliverOutbox();
  }
  await engine.send(a.code, { type: 'RETURN_RESULT', actor: desk });
  const b = await receive();
  await engine.send(b.code, { type: 'HAND_OVER', actor: desk });
  await engine.send(b.code, { type: 'WITHDRAW', actor: desk });
  const c = await receive();
  await engine.deliverOutbox();
  await engine.send(c.code, { type: 'HAND_OVER', actor: desk });
  await engine.reissueSecret(a.code, { actor: desk });
  await engine.deliverOutbox();
  return [a.code, b.code, c.code];
}

/** What the store's outbox reads return. */
async function outboxReads(store: DossierStore, codes: readonly string[]) {
  return plain({
    all: await store.outbox({}),
    delivered: await store.outbox({ status: 'delivered' }),
    pending: await store.outbox({ status: 'pending' }),
    byCode: await Promise.all(codes.map((code) => store.outbox({ code }))),
  });
}

/** Outbox rows of archived dossiers left in the table, and outbox rows in all. */
function rows(file: string): { ofArchived: number; all: number } {
  const raw = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
    return {
      ofArchived: count(
        'SELECT count(*) FROM outbox WHERE code IN (SELECT code FROM dossiers WHERE archive IS NOT NULL)',
      ),
      all: count('SELECT count(*) FROM outbox'),
    };
  } finally {
    raw.close();
  }
}

describe('SqliteStore: a closed dossier’s delivered outbox items are kept in its archive (migration 008)', () => {
  it('moves them there as the dossier closes or as they are delivered after, and lists them as before', async () => {
    const file = join(dir, 'outbox.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const memory = new MemoryStore();
    const codes = await traffic(store);
    expect(await traffic(memory)).toEqual(codes);
    const expected = await outboxReads(memory, codes);
    // Items delivered, and one pending (the open dossier's hand-over notice is delivered too: none).
    expect((expected as { all: unknown[] }).all.length).toBeGreaterThan(8);
    const other = new SqliteStore(file, { snapshotCache: 0 });
    try {
      expect(await outboxReads(store, codes)).toEqual(expected);
      expect(await outboxReads(other, codes)).toEqual(expected);
      // Only the open dossier's items are left in the table.
      const open = (expected as { byCode: unknown[][] }).byCode[2]!.length;
      expect(rows(file)).toEqual({ ofArchived: 0, all: open });
      for (const code of codes.slice(0, 2)) {
        expect(plain(await store.load(code))).toEqual(plain(await memory.load(code)));
        expect(plain(await store.journal(code))).toEqual(plain(await memory.journal(code)));
      }
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('moves those of dossiers archived at schema 7 when it migrates to 008', async () => {
    const file = join(dir, 'outbox-006.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const codes = await traffic(store);
    const after = await outboxReads(store, codes);
    await store.close();
    // The file as schema 7 wrote it: delivered items in the table (payloads packed) at their
    // positions, archives without them, the outbox keyed by id with a plain rowid.
    const raw = new Database(file);
    raw.exec(`CREATE TABLE outbox_006 (id TEXT PRIMARY KEY, code TEXT, type TEXT NOT NULL, payload ANY,
      created_at TEXT NOT NULL, not_before TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, last_error TEXT, lease_owner TEXT,
      lease_until TEXT) STRICT;
      INSERT INTO outbox_006 (rowid, id, code, type, payload, created_at, not_before, status, attempts,
        next_attempt_at, last_error, lease_owner, lease_until)
      SELECT pos, id, code, type, payload, created_at, not_before, status, attempts, next_attempt_at,
        last_error, lease_owner, lease_until FROM outbox;`);
    for (const { code, archive } of raw
      .prepare('SELECT code, archive FROM dossiers WHERE archive IS NOT NULL')
      .all() as { code: string; archive: Buffer }[]) {
      const { outbox, ...rest } = unpackArchive(archive);
      for (const { pos, item } of outbox ?? []) {
        raw
          .prepare(
            `INSERT INTO outbox_006 (rowid, id, code, type, payload, created_at, not_before, status, attempts,
               next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, 'delivered', ?, ?, ?)`,
          )
          .run(
            pos,
            item.id,
            item.code,
            item.type,
            packIfShorter(JSON.stringify(item.payload)),
            item.createdAt,
            item.notBefore,
            item.attempts,
            item.nextAttemptAt,
            item.lastError,
          );
      }
      raw.prepare('UPDATE dossiers SET archive = ? WHERE code = ?').run(packArchive(rest), code);
    }
    raw.exec(`DROP TABLE outbox; ALTER TABLE outbox_006 RENAME TO outbox;
      CREATE INDEX outbox_code ON outbox (code);
      CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
      DELETE FROM motcua_migrations WHERE version = 8;`);
    raw.close();
    expect(rows(file).ofArchived).toBeGreaterThan(0);
    const upgraded = new SqliteStore(file, { snapshotCache: 0 });
    try {
      expect(await outboxReads(upgraded, codes)).toEqual(after);
      expect(await upgraded.migrate()).toEqual({ applied: ['008_outbox_in_archive'], version: 10 });
      expect(rows(file).ofArchived).toBe(0);
      expect(await outboxReads(upgraded, codes)).toEqual(after);
      expect(await upgraded.compact()).toBe(0);
      expect(await outboxReads(upgraded, codes)).toEqual(after);
      // Positions are not given again: an item written now comes last.
      const { engine } = sampleEngine(upgraded, { plugins: [notices] });
      await engine.send(codes[2]!, { type: 'HAND_OVER', actor: police });
      const all = (await upgraded.outbox({})).map((i) => i.id);
      expect(all.slice(0, -1)).toEqual((after as { all: { id: string }[] }).all.map((i) => i.id));
    } finally {
      await upgraded.close();
    }
  });
});
