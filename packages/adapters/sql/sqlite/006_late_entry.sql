-- motcua SQLite schema, migration 006 (late entry): when each journal entry was entered, the
-- late-entry report's own rows (kept when a dossier is archived), and the national status code in
-- the dossier summary.
--
-- A journal entry records when it happened (`at`) and, from 006, when it was entered (`enteredAt`:
-- the engine clock's now at commit; a timer's own instant, timers are never late). An open
-- dossier's journal rows keep it in `entered_at`; an archived dossier's journal keeps it in the
-- archive. The archive is not readable by SQL, and the report must count closed dossiers too, so
-- each commit also writes, in the same transaction:
--
-- - `entry_hours`: per whole hour of entry (hours since 1970-01-01T00:00Z) and unit (the acting
--   officer's), the number of entries, the sum of their delays and the longest delay, in
--   milliseconds (delay = entered − happened, never below 0). One row per unit and hour, however
--   many dossiers: a few bytes per dossier. The report's period is given in whole hours.
-- - `late_entries`: one row per entry entered more than one minute after it happened (the report's
--   smallest threshold), with its dossier code: the late count and the drill-down to dossiers for
--   any threshold of a minute or more. Entries entered as they happen have none.
--
-- Rows written before 006 have no entry instant: `entered_at` and `national_status` stay NULL
-- (SQL cannot tell the procedure's national status mapping), their entries are not in the report,
-- and a dossier's summary gets its status at its next commit.
--
-- Apply it once: it adds columns, so running it again fails at the first statement and changes
-- nothing. By hand after 005: `sqlite3 motcua.db < 006_late_entry.sql`.

ALTER TABLE dossiers ADD COLUMN national_status INTEGER;
ALTER TABLE journal ADD COLUMN entered_at TEXT;

CREATE TABLE IF NOT EXISTS entry_hours (
  hour INTEGER NOT NULL,
  unit TEXT NOT NULL,
  entries INTEGER NOT NULL CHECK (entries >= 1),
  delay_sum_ms INTEGER NOT NULL CHECK (delay_sum_ms >= 0),
  delay_max_ms INTEGER NOT NULL CHECK (delay_max_ms >= 0),
  PRIMARY KEY (hour, unit)
) STRICT, WITHOUT ROWID;

-- By instant of entry first: a period's rows are one range of the key.
CREATE TABLE IF NOT EXISTS late_entries (
  entered_at TEXT NOT NULL,
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  unit TEXT NOT NULL,
  delay_ms INTEGER NOT NULL CHECK (delay_ms > 60000),
  PRIMARY KEY (entered_at, code, seq)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (6, '006_late_entry');
