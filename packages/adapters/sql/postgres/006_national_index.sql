-- motcua PostgreSQL schema, migration 006 (national index): the facts the Decision 766/QĐ-TTg
-- index counts, as columns of the dossier summary, so that the index is one GROUP BY query over the
-- dossiers table (no dossier is loaded). The engine derives them from the dossier at every commit
-- (core's `indexFactsOf`); flags are 0/1 smallints (the same SQL text counts them in SQLite),
-- `ix_satisfied` NULL when not rated.
--
-- Rows written before 006 keep `ix_version` NULL: the index reports the indicators that need the
-- facts as N/A (with the number of such dossiers) for periods that contain them, and a dossier's
-- facts are written at its next commit.
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema).

ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_version smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_finished_at timestamptz;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_end_at timestamptz;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_supplement_requests integer;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_supplement_ms bigint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_last_request_at timestamptz;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_last_supplied_at timestamptz;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_processing_ms bigint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_return_processing_ms bigint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_results integer;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_e_result smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_fee_bearing smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_paid_online smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_digitised smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_reused smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_national_store smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_population_data smallint;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_satisfied smallint;

INSERT INTO motcua_migrations (version, name) VALUES (6, '006_national_index') ON CONFLICT (version) DO NOTHING;
