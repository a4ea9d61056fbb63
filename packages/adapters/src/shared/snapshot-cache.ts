import type { PersistedDossier } from '@motcua/core';

/**
 * The last snapshots a store wrote or read, by dossier code and version: a load whose stored
 * version matches skips transferring and parsing the snapshot JSON. Safe across processes because
 * a version number is committed at most once per dossier (the optimistic lock); a snapshot from
 * the cache is shared, like the in-memory store's, and must not be mutated. Bounded (least
 * recently used out first); size 0 turns it off.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { version: number; persisted: PersistedDossier }>();

  constructor(private readonly size: number) {}

  /** The cached version of a dossier, or null. */
  version(code: string): number | null {
    return this.entries.get(code)?.version ?? null;
  }

  /** The cached snapshot if it is the one at `version`. */
  get(code: string, version: number): PersistedDossier | undefined {
    const hit = this.entries.get(code);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(code);
    this.entries.set(code, hit);
    return hit.persisted;
  }

  set(code: string, version: number, persisted: PersistedDossier): void {
    if (this.size <= 0) return;
    this.entries.delete(code);
    this.entries.set(code, { version, persisted });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }
}
