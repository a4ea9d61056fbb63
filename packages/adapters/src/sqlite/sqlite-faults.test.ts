import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedClock } from '@motcua/core';
import {
  handOverCommit,
  newDossierCommit,
  sampleActors,
  sampleEngine,
  sampleReceipt,
} from '@motcua/core/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  StoreFullError,
  StoreLockedError,
  StoreNotMigratedError,
  StoreUnavailableError,
} from '../shared/errors.js';
import { runAndKill } from '../testing/fault-harness.js';
import { personalDataIn } from '../testing/personal-data.js';
import { sequenceProblems } from '../testing/sequence-check.js';
import { integrityProblems, journalProblems } from '../testing/verify-integrity.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sqlite-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `store-${++n}.db`);

/** Everything the store keeps about a dossier, to show a failed commit left nothing behind. */
async function traces(store: SqliteStore, code: string) {
  return {
    dossier: await store.load(code),
    journal: await store.journal(code),
    slip: await store.slip(code),
    timers: await store.timers(code),
    outbox: await store.outbox({ code }),
  };
}

describe('SqliteStore migrations', () => {
  it('are versioned and idempotent: a second run (or a second connection) does nothing', async () => {
    const path = file();
    const a = new SqliteStore(path);
    expect(await a.migrate()).toEqual({
      applied: [
        '001_init',
        '002_lookup_limits',
        '003_slip_once',
        '004_compact',
        '005_results_in_archive',
        '006_late_entry',
        '007_national_index',
        '008_outbox_in_archive',
        '009_national_index_covering',
        '010_portal_sync',
      ],
      version: 10,
    });
    await a.commit(newDossierCommit('H56-260302-0001'));
    expect(await a.migrate()).toEqual({ applied: [], version: 10 });
    const b = new SqliteStore(path);
    expect(await b.migrate()).toEqual({ applied: [], version: 10 });
    expect((await b.load('H56-260302-0001'))?.version).toBe(1);
    await a.close();
    await b.close();
  });

  it('runs in WAL mode with the busy timeout it was given', async () => {
    const store = new SqliteStore(file(), { busyTimeoutMs: 1234 });
    expect(store.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(store.pragma('busy_timeout')).toEqual([{ timeout: 1234 }]);
    await store.close();
  });

  it('says the tables are missing instead of failing with a driver error', async () => {
    const store = new SqliteStore(':memory:');
    await expect(store.load('H56-260302-0001')).rejects.toBeInstanceOf(StoreNotMigratedError);
    await expect(store.commit(newDossierCommit('H56-260302-0001'))).rejects.toMatchObject({
      code: 'STORE_NOT_MIGRATED',
    });
    await store.close();
  });

  it('says a file it cannot open is unavailable', () => {
    expect(() => new SqliteStore(join(dir, 'no-such-dir', 'x.db'))).toThrow(StoreUnavailableError);
  });
});

describe('SqliteStore faults', () => {
  it('fails with STORE_FULL when the database cannot grow, writing nothing of that commit', async () => {
    const store = new SqliteStore(file());
    await store.migrate();
    const pages = (store.pragma('page_count') as { page_count: number }[])[0]!.page_count;
    store.pragma(`max_page_count = ${pages + 8}`);
    let full: unknown;
    let committed = 0;
    for (let i = 1; i <= 500 && !full; i++) {
      const code = `H56-260302-${String(i).padStart(4, '0')}`;
      try {
        await store.commit(newDossierCommit(code, { idempotencyKey: `k-${i}` }));
        committed++;
      } catch (e) {
        full = e;
        expect(await traces(store, code)).toEqual({
          dossier: null,
          journal: [],
          slip: [],
          timers: [],
          outbox: [],
        });
        expect(await store.idempotentResult(`k-${i}`)).toBeUndefined();
      }
    }
    expect(full).toBeInstanceOf(StoreFullError);
    expect(full).toMatchObject({ code: 'STORE_FULL', name: 'StoreFullError' });
    expect((full as Error).message).toMatch(/full/);
    expect(committed).toBeGreaterThan(0);
    expect(await journalProblems(store)).toEqual([]);
    // Room again: the same commit goes through.
    store.pragma('max_page_count = 1073741823');
    await store.commit(newDossierCommit(`H56-260302-${String(committed + 1).padStart(4, '0')}`));
    expect(await store.list({})).toHaveLength(committed + 1);
    await store.close();
  });

  it('fails with STORE_LOCKED when another connection holds the write lock, writing nothing', async () => {
    const path = file();
    const store = new SqliteStore(path, { busyTimeoutMs: 50 });
    await store.migrate();
    const first = newDossierCommit('H56-260302-0001');
    await store.commit(first);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO sequences (agency, date, value) VALUES ('X', '2026-01-01', 1)").run();
    const started = Date.now();
    const locked = await store.commit(handOverCommit(first)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(locked).toBeInstanceOf(StoreLockedError);
    expect(locked).toMatchObject({ code: 'STORE_LOCKED', retryable: true });
    await expect(store.nextSequence('H56', '2026-03-02')).rejects.toBeInstanceOf(StoreLockedError);
    await expect(
      store.claimTimers({
        due: '2026-03-20T00:00:00.000Z',
        now: '2026-03-20T00:00:00.000Z',
        limit: 10,
        owner: 'w',
        leaseMs: 1000,
      }),
    ).rejects.toBeInstanceOf(StoreLockedError);
    // Readers are not blocked in WAL mode, and nothing of the refused commit is there.
    expect((await store.load('H56-260302-0001'))?.version).toBe(1);
    expect(await store.journal('H56-260302-0001')).toHaveLength(1);
    other.exec('ROLLBACK');
    other.close();
    await store.commit(handOverCommit(first));
    expect((await store.load('H56-260302-0001'))?.version).toBe(2);
    expect(await journalProblems(store)).toEqual([]);
    await store.close();
  });

  it('loses and duplicates nothing when the worker process is killed (SIGKILL) mid-transition', {
    tags: ['slow'],
    timeout: 120_000,
  }, async () => {
    const path = file();
    const store = new SqliteStore(path);
    await store.migrate();
    for (const start of [
      '2026-03-02T08:00:00+07:00',
      '2026-03-09T08:00:00+07:00',
      '2026-03-16T08:00:00+07:00',
    ]) {
      const killed = await runAndKill({ store: 'sqlite', target: path, start, atLeast: 150, jitterMs: 300 });
      expect(killed.signal).toBe('SIGKILL');
    }
    const codes = (await store.list({})).map((s) => s.code);
    expect(codes.length).toBeGreaterThan(30);
    expect(await integrityProblems(store)).toEqual([]);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const sequences = check.prepare('SELECT agency, date, value FROM sequences').all() as {
      agency: string;
      date: string;
      value: number;
    }[];
    check.close();
    expect(sequenceProblems(codes, sequences)).toEqual([]);
    const { engine } = sampleEngine(store, {
      clock: new SimulatedClock('2026-04-20T08:00:00+07:00'),
      workerId: 'r',
    });
    await engine.runDueTimers();
    expect(await integrityProblems(store)).toEqual([]);
    await store.close();
  });
});

describe('SqliteStore and personal data', () => {
  it('keeps the applicant in the snapshot only: no other column, no index', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const { engine } = sampleEngine(store);
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk }, { idempotencyKey: 'p-1' });
    const db = (store as unknown as { db: Database.Database }).db;
    const definitions = db
      .prepare("SELECT sql FROM sqlite_master WHERE type IN ('table', 'index')")
      .pluck()
      .all();
    expect(personalDataIn(JSON.stringify(definitions))).toEqual([]);
    expect(personalDataIn(JSON.stringify(db.prepare('SELECT snapshot FROM dossiers').all()))).not.toEqual([]);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(names).toContain('journal');
    for (const name of names) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
      const dump = JSON.stringify(rows.map(({ snapshot: _s, ...rest }) => rest));
      expect(personalDataIn(dump), name).toEqual([]);
    }
    await store.close();
  });
});
