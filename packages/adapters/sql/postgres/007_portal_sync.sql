-- motcua PostgreSQL schema, migration 007 (portal sync): when the national portal (Cổng DVCQG)
-- first acknowledged each dossier, the fact Decision 766/QĐ-TTg indicator 1.4 counts (dossiers
-- received in the period and synced to the portal / dossiers received).
--
-- The portal connector writes it through `engine.recordPortalSync` (`store.recordPortalSync`):
-- once per dossier, beside the dossier (its version, snapshot and journal are untouched, and commits
-- keep the column). NULL: not acknowledged, or acknowledged before 007 (`dvcqg.resync` records the
-- acknowledgements its sync log already holds). `ix_liaison_member` (1) marks a part a member
-- agency handles in a liaison: not a filing of its own, so 1.4 leaves it out (an index fact the
-- engine derives at commit; NULL on rows written before 007 until their next commit). The partial index answers "does this store keep any
-- acknowledgement" (without one, 1.4 is N/A) in one lookup.
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema).

ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_synced_at timestamptz;
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS ix_liaison_member smallint;
CREATE INDEX IF NOT EXISTS dossiers_ix_synced ON dossiers (ix_synced_at) WHERE ix_synced_at IS NOT NULL;

INSERT INTO motcua_migrations (version, name) VALUES (7, '007_portal_sync') ON CONFLICT (version) DO NOTHING;
