import { type DossierStore, MemoryStore } from '@motcua/core';

/** The store the main job runs on. */
export interface OpenedStore {
  readonly store: DossierStore;
  readonly label: string;
  /** The database file, when there is one. */
  readonly file?: string;
  close(): Promise<void>;
}

/** Opens the store named on the command line: `memory` (the SQLite and PostgreSQL stores come with @motcua/adapters). */
export async function openStore(
  kind: string,
  _outDir: string,
  _pgUrl: string | undefined,
): Promise<OpenedStore> {
  if (kind === 'memory' || kind === 'sqlite') {
    return { store: new MemoryStore(), label: 'in-memory', close: async () => {} };
  }
  throw new Error(`--store: expected memory, sqlite or postgres, got ${kind}`);
}
