/**
 * @packageDocumentation
 * `@motcua/sql` — the SQL plumbing that `@motcua/adapters` (the engine's stores) and
 * `@motcua/notify-sms` (the notice logs) share: driver-neutral failure kinds and the migration
 * types here; statement caches, error classification, pool types and migration runners in
 * `@motcua/sql/sqlite` and `@motcua/sql/postgres`; the PostgreSQL test server helper in
 * `@motcua/sql/testing`. It loads no driver itself: the stores pass theirs in.
 */
export type { SqlFailure, SqlFailureKind } from './failure-kind.js';
export { type MigrationResult, pendingMigrations, type SqlMigration } from './migration.js';
