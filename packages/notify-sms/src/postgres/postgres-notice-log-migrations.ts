import type { NoticeLogMigration } from '../delivery/notice-log-migration.js';

/**
 * The PostgreSQL migrations of `PostgresNoticeLog`, in order (table names already qualified by the
 * schema). `record` is the row as jsonb. No column holds a phone number: `number_ref` is a keyed
 * hash, and the masked number is only inside `record`.
 */
export const postgresNoticeLogMigrations: readonly NoticeLogMigration[] = [
  {
    version: 1,
    name: '001_init',
    sql: ({ notices, parts, migrations, prefix }) => `
CREATE TABLE IF NOT EXISTS ${notices} (
  id text PRIMARY KEY,
  code text NOT NULL,
  notice text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'expired')),
  number_ref text NOT NULL,
  provider text NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 0),
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  claimed_until timestamptz,
  record jsonb NOT NULL
);
-- The daily cap: notices to a number accepted in a local day (a range count on the index).
CREATE INDEX IF NOT EXISTS ${prefix}notices_number_sent ON ${notices} (number_ref, sent_at);
-- The daily cap also counts the notices to the number being sent now (few rows).
CREATE INDEX IF NOT EXISTS ${prefix}notices_number_claimed ON ${notices} (number_ref, claimed_until)
  WHERE claimed_until IS NOT NULL;
CREATE INDEX IF NOT EXISTS ${prefix}notices_code ON ${notices} (code, created_at);
CREATE INDEX IF NOT EXISTS ${prefix}notices_status ON ${notices} (status, created_at);
CREATE INDEX IF NOT EXISTS ${prefix}notices_created ON ${notices} (created_at, id COLLATE "C");

-- The gateway's id of each part of a sent notice, for delivery receipts.
CREATE TABLE IF NOT EXISTS ${parts} (
  message_id text NOT NULL,
  provider text NOT NULL,
  notice_id text NOT NULL REFERENCES ${notices} (id) ON DELETE CASCADE,
  PRIMARY KEY (message_id, provider)
);
CREATE INDEX IF NOT EXISTS ${prefix}notice_parts_notice ON ${parts} (notice_id);

INSERT INTO ${migrations} (version, name) VALUES (1, '001_init') ON CONFLICT (version) DO NOTHING;
`,
  },
];
