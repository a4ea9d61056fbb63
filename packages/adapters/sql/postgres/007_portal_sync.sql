-- motcua PostgreSQL schema, migration 007 (portal sync): when the national portal (Cổng DVCQG)
-- first acknowledged each dossier, the fact Decision 766/QĐ-TTg indicator 1.4 counts (dossiers
-- received in the period and synced to the portal / dossiers received).
--
-- The portal connector writes it through `engine.recordPortalSync` (`store.recordPortalSync`):
-- once per dossier, beside the dossier (its version, snapshot and journal are untouched, and commits
-- keep the column). NULL: not acknowledged, or acknowledged before 007 (`dvcqg.resync` records the
-- acknowledgements its sync log already holds). The partial index answers "does this store keep any
-- acknowledgement" (without one, 1.4 is N/A) in one lookup.
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema).

ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_synced_at timestamptz;
CREATE INDEX IF NOT EXISTS dossiers_ix_synced ON dossiers (ix_synced_at) WHERE ix_synced_at IS NOT NULL;

INSERT INTO motcua_migrations (version, name) VALUES (7, '007_portal_sync') ON CONFLICT (version) DO NOTHING;
