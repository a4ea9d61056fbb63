-- motcua PostgreSQL schema, migration 004 (compact): the outbox's due index holds pending items
-- only.
--
-- Delivered and dead items stay listed (store.outbox) but are never claimed, so the claim's index
-- need not hold them: it stays the size of the queue, not of the history. (The SQLite store's 004
-- also archives closed dossiers; PostgreSQL compresses large values itself, TOAST.)
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema).

DROP INDEX IF EXISTS outbox_due;
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';

INSERT INTO motcua_migrations (version, name) VALUES (4, '004_compact') ON CONFLICT (version) DO NOTHING;
