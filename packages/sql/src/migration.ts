/** One schema migration: applied once, in order of `version`, and recorded in a versions table. */
export interface SqlMigration {
  /** 1, 2, …: applied in order, each once. */
  readonly version: number;
  /** The file name without `.sql`, e.g. `001_init`. */
  readonly name: string;
  /** The SQL text, idempotent by itself (`IF NOT EXISTS`, and it records its own version). */
  readonly sql: string;
}

/** What a `migrate()` did. */
export interface MigrationResult {
  /** Names of the migrations applied by this call (empty when the schema was up to date). */
  readonly applied: readonly string[];
  /** The schema version after the call. */
  readonly version: number;
}

/**
 * The migrations not yet applied, in order of version.
 *
 * @example
 * ```ts
 * import { pendingMigrations } from '@motcua/sql';
 * const migrations = [{ version: 1, name: '001_init', sql: 'CREATE TABLE t (id TEXT PRIMARY KEY)' }];
 * pendingMigrations(migrations, new Set([1])); // []
 * ```
 */
export function pendingMigrations<M extends { readonly version: number }>(
  migrations: readonly M[],
  applied: ReadonlySet<number>,
): M[] {
  return [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
}
