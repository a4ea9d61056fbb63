-- motcua SQLite schema, migration 002 (lookup limits): the public lookup's failed-guess windows,
-- and an index that answers a dossier's lookup secret without reading its snapshot.
--
-- Idempotent: running it again changes nothing. To apply it by hand after 001:
-- `sqlite3 motcua.db < 002_lookup_limits.sql`.

-- Failed-lookup windows, by key: `dossier:<code>` (per dossier code, whatever the address, unknown
-- codes too) and whatever else a server counts (e.g. `address:<digest>`). A window opens at the
-- first attempt after the previous one ended; a key with `attempts` at the limit is locked until
-- `window_ends_at`. Rows whose window ended are deleted as new ones are written.
CREATE TABLE IF NOT EXISTS lookup_attempts (
  key TEXT PRIMARY KEY,
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  window_ends_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS lookup_attempts_window ON lookup_attempts (window_ends_at);

-- The lookup secret (not personal data: a random code printed on Form 01) kept in an index beside
-- the dossier code, so that a lookup reads it from the index alone: as fast for a known code as
-- for an unknown one, whatever the size of the snapshot. Built from the existing rows here.
CREATE INDEX IF NOT EXISTS dossiers_lookup_secret
  ON dossiers (code, json_extract(snapshot, '$.context.secret'));

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (2, '002_lookup_limits');
