import type { SyncLogMigration } from '../shared/sync-log-migration.js';

/**
 * The PostgreSQL migrations of `PostgresSyncLog`, in order (table names already qualified by the
 * schema). A step's `entry` is jsonb. No column holds the applicant's data: codes, versions,
 * instants, lags, field paths and error texts that carry no value; a step entry holds the
 * officer's and units' names only.
 */
export const postgresSyncLogMigrations: readonly SyncLogMigration[] = [
  {
    version: 1,
    name: '001_init',
    sql: ({ dossiers, steps, migrations, prefix }) => `
CREATE TABLE IF NOT EXISTS ${dossiers} (
  target text NOT NULL,
  code text NOT NULL,
  received_at timestamptz,
  ack_version integer CHECK (ack_version > 0),
  acked_at timestamptz,
  first_ack_lag_ms bigint CHECK (first_ack_lag_ms >= 0),
  last_ack_lag_ms bigint CHECK (last_ack_lag_ms >= 0),
  last_attempt_at timestamptz,
  last_error text,
  last_error_field text,
  PRIMARY KEY (target, code)
);
-- Decision 766's synced ratio and the re-sync pick dossiers by receipt date; the lag report by acknowledgement.
CREATE INDEX IF NOT EXISTS ${prefix}sync_dossiers_received ON ${dossiers} (target, received_at);
CREATE INDEX IF NOT EXISTS ${prefix}sync_dossiers_acked ON ${dossiers} (target, acked_at);

CREATE TABLE IF NOT EXISTS ${steps} (
  target text NOT NULL,
  code text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  entry jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'synced')),
  created_at timestamptz NOT NULL,
  synced_at timestamptz,
  lag_ms bigint CHECK (lag_ms >= 0),
  PRIMARY KEY (target, code, version)
);

INSERT INTO ${migrations} (version, name) VALUES (1, '001_init') ON CONFLICT (version) DO NOTHING;
`,
  },
];
