-- motcua SQLite schema, migration 001 (init).
--
-- `await store.migrate()` runs exactly this text (a test keeps the two identical) inside one
-- transaction. To apply it by hand: `sqlite3 motcua.db < 001_init.sql`.
--
-- Idempotent: running it again changes nothing. Instants are ISO 8601 UTC text with milliseconds
-- (`2026-03-02T02:00:00.000Z`), so they sort and compare as text; JSON is text. Personal data (the
-- applicant) is only ever inside dossiers.snapshot: no other column and no index holds it.

CREATE TABLE IF NOT EXISTS motcua_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- One row per dossier: the indexed summary, the machine snapshot and the optimistic-lock version.
CREATE TABLE IF NOT EXISTS dossiers (
  code TEXT PRIMARY KEY,
  agency TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  procedure_version TEXT NOT NULL,
  channel TEXT NOT NULL,
  state TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'done')),
  holder TEXT NOT NULL,
  received_at TEXT NOT NULL,
  legal_due_at TEXT NOT NULL,
  current_due_at TEXT NOT NULL,
  closed_at TEXT,
  outcome TEXT,
  result TEXT,
  late_unit TEXT,
  paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
  snapshot TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  fired_timers TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX IF NOT EXISTS dossiers_status_due ON dossiers (status, current_due_at, code);
CREATE INDEX IF NOT EXISTS dossiers_holder_due ON dossiers (holder, current_due_at, code);
CREATE INDEX IF NOT EXISTS dossiers_agency_procedure ON dossiers (agency, procedure_code);
CREATE INDEX IF NOT EXISTS dossiers_received_at ON dossiers (received_at);
CREATE INDEX IF NOT EXISTS dossiers_closed_at ON dossiers (closed_at);

-- What happened to each dossier, one row per committed transition (seq = the version it produced).
CREATE TABLE IF NOT EXISTS journal (
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  before TEXT,
  after TEXT NOT NULL,
  event TEXT NOT NULL,
  idempotency_key TEXT,
  PRIMARY KEY (code, seq)
) STRICT;

-- The control slip (phiếu kiểm soát), append-only; the unit report reads the closed steps.
CREATE TABLE IF NOT EXISTS slip_rows (
  code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  from_unit TEXT NOT NULL,
  step_id TEXT,
  result TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) STRICT;
CREATE INDEX IF NOT EXISTS slip_rows_closed_steps ON slip_rows (at)
  WHERE step_id IS NOT NULL AND result IS NOT NULL;

-- Pending timers: absolute instants, claimed by workers under a lease.
CREATE TABLE IF NOT EXISTS timers (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  step_id TEXT,
  lease_owner TEXT,
  lease_until TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS timers_due ON timers (at, id);
CREATE INDEX IF NOT EXISTS timers_code ON timers (code);

-- Plugin effects to deliver after commit, at least once; the rowid keeps the order they were written in.
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY,
  code TEXT,
  type TEXT NOT NULL,
  payload TEXT,
  created_at TEXT NOT NULL,
  not_before TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  lease_owner TEXT,
  lease_until TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_code ON outbox (code);

-- Results of commands by idempotency key (created_at lets an operator purge old keys).
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  result TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Daily dossier numbers per agency (the sequence in the dossier code).
CREATE TABLE IF NOT EXISTS sequences (
  agency TEXT NOT NULL,
  date TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (agency, date)
) STRICT;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (1, '001_init');
