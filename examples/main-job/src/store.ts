import { join } from 'node:path';
import { type DossierStore, MemoryStore } from '@motcua/core';

/** The store the main job runs on. */
export interface OpenedStore {
  readonly store: DossierStore;
  readonly label: string;
  /** The database file, when there is one. */
  readonly file?: string;
  close(): Promise<void>;
}

/**
 * Opens the store named on the command line: `sqlite` (the embedded default, a file in the output
 * folder), `postgres` (with `--pg <url>`, in its own schema), or `memory`.
 */
export async function openStore(
  kind: string,
  outDir: string,
  pgUrl: string | undefined,
): Promise<OpenedStore> {
  if (pgUrl || kind === 'postgres') {
    if (!pgUrl) throw new Error('--store postgres needs --pg <connection url>');
    const { PostgresStore } = await import('@motcua/adapters/postgres');
    const schema = `motcua_demo_${Date.now()}`;
    const store = new PostgresStore({ connectionString: pgUrl, schema });
    await store.migrate();
    return { store, label: `PostgreSQL (schema ${schema})`, close: () => store.close() };
  }
  if (kind === 'sqlite') {
    const { SqliteStore } = await import('@motcua/adapters/sqlite');
    const file = join(outDir, 'motcua.sqlite');
    const store = new SqliteStore(file, { synchronous: 'normal' });
    await store.migrate();
    return { store, label: `SQLite (${file})`, file: 'motcua.sqlite', close: async () => store.close?.() };
  }
  if (kind === 'memory') return { store: new MemoryStore(), label: 'in-memory', close: async () => {} };
  throw new Error(`--store: expected sqlite, postgres or memory, got ${kind}`);
}
