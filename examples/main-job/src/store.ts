import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type DossierStore, MemoryStore } from '@motcua/core';

/** The store the main job runs on. */
export interface OpenedStore {
  readonly store: DossierStore;
  readonly label: string;
  /** The database file (relative to the output folder), when there is one. */
  readonly file?: string;
  close(): Promise<void>;
}

/** One run's PostgreSQL schemas share this suffix. */
const RUN = Date.now();

/**
 * Opens the store named on the command line: `sqlite` (the embedded default, a file in the output
 * folder, emptied first: a run starts from no dossiers), `postgres` (with `--pg <url>`, in a new
 * schema), or `memory`. `name` tells the stores of one run apart (the centre's is `motcua`; each
 * liaison agency has its own).
 */
export async function openStore(
  kind: string,
  outDir: string,
  pgUrl: string | undefined,
  name = 'motcua',
): Promise<OpenedStore> {
  if (pgUrl || kind === 'postgres') {
    if (!pgUrl) throw new Error('--store postgres needs --pg <connection url>');
    const { PostgresStore } = await import('@motcua/adapters/postgres');
    const suffix = name === 'motcua' ? '' : `_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
    const schema = `motcua_demo_${RUN}${suffix}`;
    const store = new PostgresStore({ connectionString: pgUrl, schema });
    await store.migrate();
    return { store, label: `PostgreSQL (schema ${schema})`, close: () => store.close() };
  }
  if (kind === 'sqlite') {
    const { SqliteStore } = await import('@motcua/adapters/sqlite');
    const file = `${name}.sqlite`;
    const path = join(outDir, file);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const store = new SqliteStore(path, { synchronous: 'normal' });
    await store.migrate();
    return { store, label: `SQLite (${path})`, file, close: async () => store.close?.() };
  }
  if (kind === 'memory') return { store: new MemoryStore(), label: 'in-memory', close: async () => {} };
  throw new Error(`--store: expected sqlite, postgres or memory, got ${kind}`);
}
