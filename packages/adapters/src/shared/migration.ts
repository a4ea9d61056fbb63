/** One schema migration shipped with the package (the same text as its documented `.sql` file). */
export interface Migration {
  /** 1, 2, …: applied in order, each once (recorded in the `motcua_migrations` table). */
  readonly version: number;
  /** The file name without `.sql`, e.g. `001_init`. */
  readonly name: string;
  /** The SQL text, idempotent by itself (`IF NOT EXISTS`, and it records its own version). */
  readonly sql: string;
}

/** What {@link SqliteStore.migrate} and {@link PostgresStore.migrate} did. */
export interface MigrationResult {
  /** Names of the migrations applied by this call (empty when the schema was up to date). */
  readonly applied: readonly string[];
  /** The schema version after the call. */
  readonly version: number;
}
