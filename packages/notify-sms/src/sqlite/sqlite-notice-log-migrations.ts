import type { NoticeLogMigration } from '../delivery/notice-log-migration.js';

/**
 * The SQLite migrations of `SqliteNoticeLog`, in order. Instants are ISO 8601 UTC text with
 * milliseconds (`2026-03-02T02:00:00.000Z`), so they compare as text; `record` is the row as JSON.
 * No column holds a phone number: `to_masked` is masked and `number_ref` a keyed hash.
 */
export const sqliteNoticeLogMigrations: readonly NoticeLogMigration[] = [
  {
    version: 1,
    name: '001_init',
    sql: ({ notices, parts, migrations, prefix }) => `
CREATE TABLE IF NOT EXISTS ${notices} (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  notice TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'expired')),
  number_ref TEXT NOT NULL,
  provider TEXT NOT NULL,
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  created_at TEXT NOT NULL,
  sent_at TEXT,
  claimed_until TEXT,
  record TEXT NOT NULL
) STRICT;
-- The daily cap: notices to a number accepted in a local day (a range count on the index).
CREATE INDEX IF NOT EXISTS ${prefix}notices_number_sent ON ${notices} (number_ref, sent_at);
-- The daily cap also counts the notices to the number being sent now (few rows).
CREATE INDEX IF NOT EXISTS ${prefix}notices_number_claimed ON ${notices} (number_ref, claimed_until)
  WHERE claimed_until IS NOT NULL;
CREATE INDEX IF NOT EXISTS ${prefix}notices_code ON ${notices} (code, created_at);
CREATE INDEX IF NOT EXISTS ${prefix}notices_status ON ${notices} (status, created_at);
CREATE INDEX IF NOT EXISTS ${prefix}notices_created ON ${notices} (created_at, id);

-- The gateway's id of each part of a sent notice, for delivery receipts.
CREATE TABLE IF NOT EXISTS ${parts} (
  message_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  notice_id TEXT NOT NULL REFERENCES ${notices} (id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, provider)
) STRICT;
CREATE INDEX IF NOT EXISTS ${prefix}notice_parts_notice ON ${parts} (notice_id);

INSERT OR IGNORE INTO ${migrations} (version, name) VALUES (1, '001_init');
`,
  },
];
