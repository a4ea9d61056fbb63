import type { SyncLogMigration } from '../shared/sync-log-migration.js';

/**
 * The SQLite migrations of `SqliteSyncLog`, in order. Instants are ISO 8601 UTC text with
 * milliseconds (`2026-03-02T02:30:00.000Z`), so they compare as text; a step's `entry` is JSON.
 * No column holds the applicant's data: codes, versions, instants, lags, field paths and error
 * texts that carry no value; a step entry holds the officer's and units' names only.
 */
export const sqliteSyncLogMigrations: readonly SyncLogMigration[] = [
  {
    version: 1,
    name: '001_init',
    sql: ({ dossiers, steps, migrations, prefix }) => `
CREATE TABLE IF NOT EXISTS ${dossiers} (
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  received_at TEXT,
  ack_version INTEGER CHECK (ack_version > 0),
  acked_at TEXT,
  first_ack_lag_ms INTEGER CHECK (first_ack_lag_ms >= 0),
  last_ack_lag_ms INTEGER CHECK (last_ack_lag_ms >= 0),
  last_attempt_at TEXT,
  last_error TEXT,
  last_error_field TEXT,
  PRIMARY KEY (target, code)
) STRICT;
-- Decision 766's synced ratio and the re-sync pick dossiers by receipt date; the lag report by acknowledgement.
CREATE INDEX IF NOT EXISTS ${prefix}sync_dossiers_received ON ${dossiers} (target, received_at);
CREATE INDEX IF NOT EXISTS ${prefix}sync_dossiers_acked ON ${dossiers} (target, acked_at);

CREATE TABLE IF NOT EXISTS ${steps} (
  target TEXT NOT NULL,
  code TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  entry TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'synced')),
  created_at TEXT NOT NULL,
  synced_at TEXT,
  lag_ms INTEGER CHECK (lag_ms >= 0),
  PRIMARY KEY (target, code, version)
) STRICT;

INSERT OR IGNORE INTO ${migrations} (version, name) VALUES (1, '001_init');
`,
  },
];
