import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformanceSuite } from '@motcua/core/testing';
import { afterAll } from 'vitest';
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
});

storeConformanceSuite('sqlite file (WAL)', {
  makeStore: async () => {
    const store = new SqliteStore(join(dir, `conformance-${++n}.db`));
    await store.migrate();
    return store;
  },
});
