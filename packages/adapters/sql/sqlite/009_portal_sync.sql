-- motcua SQLite schema, migration 009 (portal sync): when the national portal (Cổng DVCQG) first
-- acknowledged each dossier, the fact Decision 766/QĐ-TTg indicator 1.4 counts (dossiers received in
-- the period and synced to the portal / dossiers received).
--
-- The portal connector writes it through `engine.recordPortalSync` (`store.recordPortalSync`):
-- once per dossier, beside the dossier (its version, snapshot and journal are untouched, and commits
-- keep the column). NULL: not acknowledged, or acknowledged before 009 (`dvcqg.resync` records the
-- acknowledgements its sync log already holds). The partial index answers "does this store keep any
-- acknowledgement" (without one, 1.4 is N/A) in one lookup.
--
-- Apply it once: it adds a column, so running it again fails at the first statement and changes
-- nothing. By hand after 008: `sqlite3 motcua.db < 009_portal_sync.sql`.

ALTER TABLE dossiers ADD COLUMN ix_synced_at TEXT;
CREATE INDEX IF NOT EXISTS dossiers_ix_synced ON dossiers (ix_synced_at) WHERE ix_synced_at IS NOT NULL;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (9, '009_portal_sync');
