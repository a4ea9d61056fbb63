-- motcua SQLite schema, migration 008 (outbox in archive): a closed dossier's delivered outbox
-- items are kept in its archive.
--
-- An outbox item is written once, delivered, and kept for the record: a dossier's notices and
-- liaison messages took more room in the outbox (their rows, the key and code indexes) than the
-- rest of the closed dossier but its archive. From 008, the commit that archives a dossier (004)
-- moves its delivered items into the archive (`outbox`: each item with its place in the outbox's
-- order), and an item of an archived dossier delivered later (a result notice sent after the
-- commit that closed it) moves there when it is settled. Pending and dead items stay in the table
-- until they are delivered. `store.outbox(...)` lists the items of the table and of the archives
-- together, in the order they were written, as before; an archived item's id stays taken (a
-- commit that writes it again under the same dossier code is refused).
--
-- The order is the items' position (`pos`, the rowid). It is now AUTOINCREMENT, so that the
-- position of an item moved to an archive is never given to a new one: the table is rebuilt with
-- the same positions.
--
-- Apply it once (it rebuilds a table). `await store.migrate()` runs it, then moves the delivered
-- items of the dossiers archived before (`store.compact()` does it at any time, 500 dossiers per
-- transaction). By hand: `sqlite3 motcua.db < 008_outbox_in_archive.sql`, then open the store and
-- call `compact()`.

CREATE TABLE IF NOT EXISTS outbox_008 (
  pos INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
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
INSERT INTO outbox_008 (pos, id, code, type, payload, created_at, not_before, status, attempts,
  next_attempt_at, last_error, lease_owner, lease_until)
SELECT rowid, id, code, type, payload, created_at, not_before, status, attempts, next_attempt_at,
  last_error, lease_owner, lease_until
FROM outbox ORDER BY rowid;
DROP TABLE outbox;
ALTER TABLE outbox_008 RENAME TO outbox;
CREATE INDEX IF NOT EXISTS outbox_code ON outbox (code);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (8, '008_outbox_in_archive');
