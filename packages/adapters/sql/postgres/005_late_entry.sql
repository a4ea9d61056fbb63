-- motcua PostgreSQL schema, migration 005 (late entry): when each journal entry was entered, and
-- the national status code in the dossier summary.
--
-- A journal entry records when it happened (`at`) and, from 005, when it was entered
-- (`entered_at`: the engine clock's now at commit; a timer's own instant, timers are never late).
-- PostgreSQL keeps every journal row (it archives nothing), so the late-entry report reads them,
-- by the instant of entry (a partial index: rows written before 005 have none and are not in the
-- report). `national_status` is the national dossier status code of the summary's state (1 Mới
-- đăng ký … 10 Đã trả kết quả), for reports that count by it; rows written before 005 keep NULL
-- (SQL cannot tell the procedure's mapping) until the dossier's next commit.
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema).

ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS national_status smallint;
ALTER TABLE journal ADD COLUMN IF NOT EXISTS entered_at timestamptz;
CREATE INDEX IF NOT EXISTS journal_entered_at ON journal (entered_at) WHERE entered_at IS NOT NULL;

INSERT INTO motcua_migrations (version, name) VALUES (5, '005_late_entry') ON CONFLICT (version) DO NOTHING;
