import { type MigrationResult, pendingMigrations } from '../migration.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** What {@link migrateSqlite} runs. */
export interface SqliteMigrationPlan {
  /** The table recording the applied versions (`version INTEGER PRIMARY KEY`, `name`, …). */
  readonly versionsTable: string;
  /** The statement creating {@link versionsTable} if it does not exist. */
  readonly createVersionsTable: string;
  /** Every migration, with its SQL text; each records its own version in {@link versionsTable}. */
  readonly migrations: readonly { readonly version: number; readonly name: string; readonly sql: string }[];
}

/**
 * Creates or upgrades tables: in one immediate transaction (the write lock taken at `BEGIN`, so
 * two processes never migrate at once), runs each migration whose version is not yet in the
 * versions table. Running it again does nothing. Driver errors are thrown as they are.
 *
 * @example
 * ```ts
 * import { migrateSqlite } from '@motcua/sql/sqlite';
 * import Database from 'better-sqlite3';
 * const db = new Database('motcua.db');
 * migrateSqlite(db, {
 *   versionsTable: 'app_migrations',
 *   createVersionsTable: 'CREATE TABLE IF NOT EXISTS app_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)',
 *   migrations: [{ version: 1, name: '001_init', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY)' }],
 * }); // { applied: ['001_init'], version: 1 }
 * ```
 */
export function migrateSqlite(db: SqliteDatabase, plan: SqliteMigrationPlan): MigrationResult {
  return db
    .transaction(() => {
      db.exec(plan.createVersionsTable);
      const done = new Set(
        (db.prepare(`SELECT version FROM ${plan.versionsTable}`).all() as { version: number }[]).map(
          (r) => r.version,
        ),
      );
      const applied: string[] = [];
      for (const m of pendingMigrations(plan.migrations, done)) {
        db.exec(m.sql);
        applied.push(m.name);
      }
      const { version } = db.prepare(`SELECT max(version) AS version FROM ${plan.versionsTable}`).get() as {
        version: number;
      };
      return { applied, version };
    })
    .immediate();
}
