-- motcua PostgreSQL schema, migration 002 (lookup limits): the public lookup's failed-guess
-- windows, and a column that holds a dossier's lookup secret apart from its snapshot.
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema). Adding the column rewrites the dossiers table
-- once (it takes an exclusive lock for the time of the rewrite): plan it outside office hours on
-- a large table.

-- Failed-lookup windows, by key: `dossier:<code>` (per dossier code, whatever the address, unknown
-- codes too) and whatever else a server counts (e.g. `address:<digest>`). A window opens at the
-- first attempt after the previous one ended; a key with `attempts` at the limit is locked until
-- `window_ends_at`. Rows whose window ended are deleted as new ones are written.
CREATE TABLE IF NOT EXISTS lookup_attempts (
  key text COLLATE "C" PRIMARY KEY,
  attempts integer NOT NULL CHECK (attempts >= 0),
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS lookup_attempts_window ON lookup_attempts (window_ends_at);

-- The lookup secret (not personal data: a random code printed on Form 01), computed from the
-- snapshot on every write, so that a lookup reads a short column and never the snapshot: as fast
-- for a known code as for an unknown one.
ALTER TABLE dossiers ADD COLUMN IF NOT EXISTS lookup_secret text COLLATE "C"
  GENERATED ALWAYS AS (snapshot #>> '{context,secret}') STORED;

INSERT INTO motcua_migrations (version, name) VALUES (2, '002_lookup_limits') ON CONFLICT (version) DO NOTHING;
