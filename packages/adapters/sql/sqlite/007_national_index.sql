-- motcua SQLite schema, migration 007 (national index): the facts the Decision 766/QĐ-TTg index
-- counts, as columns of the dossier summary, so that the index is one GROUP BY query over the
-- dossiers table (no dossier is loaded). The engine derives them from the dossier at every commit
-- (core's `indexFactsOf`): processing finished and the end of processing by the national rule,
-- supplementation requests and their time, the last request and its answer, processing times,
-- result documents and electronic results, fees and online payment (1 portal, 2 gateway), digitised,
-- reused, national-store and population-data components, and the rating (NULL: not rated). Flags
-- are 0/1.
--
-- Rows written before 007 keep `ix_version` NULL: the index reports the indicators that need the
-- facts as N/A (with the number of such dossiers) for periods that contain them, and a dossier's
-- facts are written at its next commit. SQL cannot derive them from the snapshot.
--
-- Apply it once: it adds columns, so running it again fails at the first statement and changes
-- nothing. By hand after 006: `sqlite3 motcua.db < 007_national_index.sql`.

ALTER TABLE dossiers ADD COLUMN ix_version INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_finished_at TEXT;
ALTER TABLE dossiers ADD COLUMN ix_end_at TEXT;
ALTER TABLE dossiers ADD COLUMN ix_supplement_requests INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_supplement_ms INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_last_request_at TEXT;
ALTER TABLE dossiers ADD COLUMN ix_last_supplied_at TEXT;
ALTER TABLE dossiers ADD COLUMN ix_processing_ms INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_return_processing_ms INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_results INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_e_result INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_fee_bearing INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_paid_online INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_digitised INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_reused INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_national_store INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_population_data INTEGER;
ALTER TABLE dossiers ADD COLUMN ix_satisfied INTEGER;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (7, '007_national_index');
