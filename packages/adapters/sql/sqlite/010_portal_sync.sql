-- motcua SQLite schema, migration 010 (portal sync): when the national portal (Cổng DVCQG) first
-- acknowledged each dossier, the fact Decision 766/QĐ-TTg indicator 1.4 counts (dossiers received in
-- the period and synced to the portal / dossiers received).
--
-- The portal connector writes it through `engine.recordPortalSync` (`store.recordPortalSync`):
-- once per dossier, beside the dossier (its version, snapshot and journal are untouched, and commits
-- keep the column). NULL: not acknowledged, or acknowledged before 010 (`dvcqg.resync` records the
-- acknowledgements its sync log already holds).
--
-- `ix_liaison_member` (1) marks a part a member agency handles in a liaison: not a filing of its
-- own, so 1.4 leaves it out (an index fact the engine derives at commit; NULL on rows written
-- before 010 until their next commit).
--
-- The covering index of 009 is rebuilt with both columns, so the index and its drill-down still read
-- no dossier row (about 3 s per 1,000,000 dossiers). The partial index `dossiers_ix_synced` answers
-- "does this store keep any acknowledgement" (without one, 1.4 is N/A) in one probe.
--
-- Apply it once: it adds a column, so running it again fails at the first statement and changes
-- nothing. By hand after 009: `sqlite3 motcua.db < 010_portal_sync.sql`.

ALTER TABLE dossiers ADD COLUMN ix_synced_at TEXT;
ALTER TABLE dossiers ADD COLUMN ix_liaison_member INTEGER;
DROP INDEX IF EXISTS dossiers_index_facts;
CREATE INDEX IF NOT EXISTS dossiers_index_facts ON dossiers (received_at, state, closed_at,
  legal_due_at, outcome, result, channel, paused, national_status, agency, holder, procedure_code,
  ix_version, ix_finished_at, ix_end_at, ix_supplement_requests, ix_last_request_at,
  ix_last_supplied_at, ix_processing_ms, ix_return_processing_ms, ix_results, ix_e_result,
  ix_fee_bearing, ix_paid_online, ix_digitised, ix_reused, ix_national_store, ix_population_data,
  ix_satisfied, ix_synced_at, ix_liaison_member, code);
CREATE INDEX IF NOT EXISTS dossiers_ix_synced ON dossiers (ix_synced_at) WHERE ix_synced_at IS NOT NULL;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (10, '010_portal_sync');
