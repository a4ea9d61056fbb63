-- motcua SQLite schema, migration 005 (results in archive): the idempotency results of a closed
-- dossier's commits are kept in its archive.
--
-- An idempotency result is mostly the dossier as the command left it (core keeps it so that a
-- replay returns exactly what the first application returned): a liaison parent, to which every
-- member agency's messages are applied under their own keys, had several, each about 650 bytes
-- packed alone. From 005, the commit that archives a dossier (004) moves the results of the keys
-- in its journal, and its own, into the archive (`results`, by key), where they compress beside
-- the snapshot they share nearly everything with; each key's row keeps the key (it stays used)
-- and, as its result, a BLOB of format byte 2 followed by the dossier's code: the archive to read
-- it from. `idempotentResult` returns what it returned before. A store written by 005 cannot be
-- read by a motcua from before it (formats 2 and 3 are unknown there).
--
-- From 005 the store packs values in format 3 (raw deflate, 32 KB window, a dictionary of the
-- structure of today's archives: src/sqlite/archive-dictionary.ts); format 1 values stay as they
-- are and are read as before.
--
-- The idempotency table is rebuilt without a rowid: the key, its only lookup, is stored once
-- instead of in the table and again in its primary-key index.
--
-- Apply it once (it rebuilds a table). `await store.migrate()` runs it, then moves the results of the dossiers
-- archived before (`store.compact()` does it at any time, 500 keys per transaction). By hand:
-- `sqlite3 motcua.db < 005_results_in_archive.sql`, then open the store and call `compact()`.

CREATE TABLE IF NOT EXISTS idempotency_005 (
  key TEXT PRIMARY KEY,
  result ANY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT, WITHOUT ROWID;
INSERT INTO idempotency_005 (key, result, created_at) SELECT key, result, created_at FROM idempotency;
DROP TABLE idempotency;
ALTER TABLE idempotency_005 RENAME TO idempotency;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (5, '005_results_in_archive');
