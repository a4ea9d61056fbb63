-- motcua SQLite schema, migration 004 (compact): a closed dossier is kept as one compressed
-- archive, so are idempotency results and delivered outbox payloads, the slip rows have no
-- rowid, and the outbox's due index holds pending items only.
--
-- A dossier is written many times while it is open and read for years after it closes. From 004,
-- the commit that closes a dossier (status 'done') moves its snapshot, control slip and journal
-- into one value, `dossiers.archive` (a BLOB: a format byte, then the JSON deflated with a preset
-- dictionary; see src/sqlite/dossier-archive.ts), and leaves `snapshot` empty, its journal rows
-- deleted, and of its slip rows those of closed steps, with their columns only (the unit report
-- reads them; `data` empty). A later commit of a closed dossier (a reissued lookup secret) rewrites the
-- archive. The store's reads return what they returned before. The lookup secret moves to its own
-- column (the archive is not JSON), indexed beside the code as before.
--
-- Apply it once: it adds columns, so running it again fails at the first statement and changes
-- nothing. `await store.migrate()` runs it, then archives the dossiers already closed and packs
-- the results and payloads already written (in batches of 500, each its own transaction;
-- `store.compact()` does the same at any time): SQL alone cannot compress. After it, `VACUUM` gives the freed pages back to the disk. By hand:
-- `sqlite3 motcua.db < 004_compact.sql`, then open the store and call `compact()`.

ALTER TABLE dossiers ADD COLUMN lookup_secret TEXT;
ALTER TABLE dossiers ADD COLUMN archive BLOB;
UPDATE dossiers SET lookup_secret = json_extract(snapshot, '$.context.secret');
DROP INDEX IF EXISTS dossiers_lookup_secret;
CREATE INDEX IF NOT EXISTS dossiers_lookup_secret ON dossiers (code, lookup_secret);

-- The slip rows by (code, seq) without a rowid: the key is stored once, not in the table and again
-- in its primary-key index.
CREATE TABLE IF NOT EXISTS slip_rows_004 (
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  from_unit TEXT NOT NULL,
  step_id TEXT,
  result TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO slip_rows_004 (code, seq, at, from_unit, step_id, result, data)
SELECT code, seq, at, from_unit, step_id, result, data FROM slip_rows;
DROP TABLE slip_rows;
ALTER TABLE slip_rows_004 RENAME TO slip_rows;
CREATE INDEX IF NOT EXISTS slip_rows_closed_steps ON slip_rows (at)
  WHERE step_id IS NOT NULL AND result IS NOT NULL;

-- Values written once and kept for the record are packed like an archive (a BLOB: format byte,
-- deflated JSON): the result of an idempotency key, and the payload of an outbox item once it is
-- delivered. Their columns become ANY (JSON text or packed); the tables are rebuilt for it, the
-- outbox in its rowid order (the order items were written in, which claims follow).
CREATE TABLE IF NOT EXISTS idempotency_004 (
  key TEXT PRIMARY KEY,
  result ANY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO idempotency_004 (key, result, created_at) SELECT key, result, created_at FROM idempotency;
DROP TABLE idempotency;
ALTER TABLE idempotency_004 RENAME TO idempotency;

CREATE TABLE IF NOT EXISTS outbox_004 (
  id TEXT PRIMARY KEY,
  code TEXT,
  type TEXT NOT NULL,
  payload ANY,
  created_at TEXT NOT NULL,
  not_before TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  lease_owner TEXT,
  lease_until TEXT
) STRICT;
INSERT INTO outbox_004 (rowid, id, code, type, payload, created_at, not_before, status, attempts,
  next_attempt_at, last_error, lease_owner, lease_until)
SELECT rowid, id, code, type, payload, created_at, not_before, status, attempts, next_attempt_at,
  last_error, lease_owner, lease_until
FROM outbox ORDER BY rowid;
DROP TABLE outbox;
ALTER TABLE outbox_004 RENAME TO outbox;
CREATE INDEX IF NOT EXISTS outbox_code ON outbox (code);
-- Delivered and dead items stay listed (store.outbox) but are never claimed: the claim's index
-- holds the pending ones only.
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (4, '004_compact');
