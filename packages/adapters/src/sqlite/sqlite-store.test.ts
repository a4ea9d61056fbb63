import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DossierStore } from '@motcua/core';
import { storeConformanceSuite } from '@motcua/core/testing';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
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
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
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
