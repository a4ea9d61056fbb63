import { type MigrationResult, pendingMigrations } from '../migration.js';
import type { PgPoolClient } from './pg-pool.js';

/** Client-side limit on one migration statement: a migration may rewrite a large table. */
const MIGRATION_QUERY_TIMEOUT_MS = 24 * 3_600_000;

/** What {@link migratePostgres} runs. */
export interface PostgresMigrationPlan {
  /** Serialises migrations between processes (`pg_advisory_xact_lock(hashtext(lockKey))`). */
  readonly lockKey: string;
  /** The schema created if missing (a lower-case identifier, already checked). */
  readonly schema: string;
  /** Whether to `SET LOCAL search_path` to the schema (for unqualified table names). */
  readonly searchPath: boolean;
  /** The table recording the applied versions, as the SQL names it. */
  readonly versionsTable: string;
  /** Every migration, with its SQL text; each records its own version in {@link versionsTable}. */
  readonly migrations: readonly { readonly version: number; readonly name: string; readonly sql: string }[];
}

/**
 * Creates the schema and tables, or upgrades them, inside the caller's transaction: no statement
 * limit, an advisory lock so that processes migrate one at a time, then each migration whose
 * version is not yet in the versions table. Running it again does nothing.
 *
 * @example
 * ```ts
 * import { migratePostgres, withTransaction } from '@motcua/sql/postgres';
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * const plan = {
 *   lockKey: 'app-migrations', schema: 'app', searchPath: true, versionsTable: 'app_migrations',
 *   migrations: [{ version: 1, name: '001_init', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY)' }],
 * };
 * await withTransaction(pool, (client) => migratePostgres(client, plan), {
 *   translate: (e) => e, connectionLost: () => false,
 * });
 * ```
 */
export async function migratePostgres(
  client: PgPoolClient,
  plan: PostgresMigrationPlan,
): Promise<MigrationResult> {
  const query_timeout = MIGRATION_QUERY_TIMEOUT_MS;
  const run = (text: string, values?: unknown[]) =>
    client.query(values ? { text, values, query_timeout } : { text, query_timeout });
  await run('SET LOCAL statement_timeout = 0');
  await run('SELECT pg_advisory_xact_lock(hashtext($1))', [plan.lockKey]);
  await run(`CREATE SCHEMA IF NOT EXISTS "${plan.schema}"`);
  if (plan.searchPath) await run(`SET LOCAL search_path TO "${plan.schema}"`);
  await run(`CREATE TABLE IF NOT EXISTS ${plan.versionsTable} (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`);
  const done = new Set(
    ((await run(`SELECT version FROM ${plan.versionsTable}`)).rows as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const applied: string[] = [];
  for (const m of pendingMigrations(plan.migrations, done)) {
    await run(m.sql);
    applied.push(m.name);
  }
  const { version } = (await run(`SELECT max(version) AS version FROM ${plan.versionsTable}`)).rows[0] as {
    version: number;
  };
  return { applied, version };
}
