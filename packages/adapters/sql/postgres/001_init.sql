-- motcua PostgreSQL schema, migration 001 (init).
--
-- `await store.migrate()` runs exactly this text (a test keeps the two identical), inside one
-- transaction, with `search_path` set to the store's schema. To apply it by hand instead:
--
--   BEGIN;
--   CREATE SCHEMA IF NOT EXISTS motcua;
--   SET LOCAL search_path TO motcua;
--   \i 001_init.sql
--   COMMIT;
--
-- Idempotent: running it again changes nothing. Instants are timestamptz (UTC inside); JSON is
-- jsonb. Personal data (the applicant) is only ever inside dossiers.snapshot: no other column and
-- no index holds it.

CREATE TABLE IF NOT EXISTS motcua_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- One row per dossier: the indexed summary, the machine snapshot and the optimistic-lock version.
CREATE TABLE IF NOT EXISTS dossiers (
  code text COLLATE "C" PRIMARY KEY,
  agency text COLLATE "C" NOT NULL,
  procedure_code text COLLATE "C" NOT NULL,
  procedure_version text COLLATE "C" NOT NULL,
  channel text COLLATE "C" NOT NULL,
  state text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL CHECK (status IN ('active', 'done')),
  holder text COLLATE "C" NOT NULL,
  received_at timestamptz NOT NULL,
  legal_due_at timestamptz NOT NULL,
  current_due_at timestamptz NOT NULL,
  closed_at timestamptz,
  outcome text COLLATE "C",
  result text COLLATE "C",
  late_unit text COLLATE "C",
  paused boolean NOT NULL,
  snapshot jsonb NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  fired_timers text[] COLLATE "C" NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS dossiers_status_due ON dossiers (status, current_due_at, code);
CREATE INDEX IF NOT EXISTS dossiers_holder_due ON dossiers (holder, current_due_at, code);
CREATE INDEX IF NOT EXISTS dossiers_agency_procedure ON dossiers (agency, procedure_code);
CREATE INDEX IF NOT EXISTS dossiers_received_at ON dossiers (received_at);
CREATE INDEX IF NOT EXISTS dossiers_closed_at ON dossiers (closed_at);

-- What happened to each dossier, one row per committed transition (seq = the version it produced).
CREATE TABLE IF NOT EXISTS journal (
  code text COLLATE "C" NOT NULL,
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  type text COLLATE "C" NOT NULL,
  actor jsonb NOT NULL,
  before text COLLATE "C",
  after text COLLATE "C" NOT NULL,
  event jsonb NOT NULL,
  idempotency_key text COLLATE "C",
  PRIMARY KEY (code, seq)
);

-- The control slip (phiếu kiểm soát), append-only; the unit report reads the closed steps.
CREATE TABLE IF NOT EXISTS slip_rows (
  code text COLLATE "C" NOT NULL,
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  from_unit text COLLATE "C" NOT NULL,
  step_id text COLLATE "C",
  result text COLLATE "C",
  data jsonb NOT NULL,
  PRIMARY KEY (code, seq)
);
CREATE INDEX IF NOT EXISTS slip_rows_closed_steps ON slip_rows (at)
  WHERE step_id IS NOT NULL AND result IS NOT NULL;

-- Pending timers: absolute instants, claimed by workers under a lease.
CREATE TABLE IF NOT EXISTS timers (
  id text COLLATE "C" PRIMARY KEY,
  code text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  at timestamptz NOT NULL,
  step_id text COLLATE "C",
  lease_owner text COLLATE "C",
  lease_until timestamptz
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (at, id);
CREATE INDEX IF NOT EXISTS timers_code ON timers (code);

-- Plugin effects to deliver after commit, at least once; seq keeps the order they were written in.
CREATE TABLE IF NOT EXISTS outbox (
  id text COLLATE "C" PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  code text COLLATE "C",
  type text COLLATE "C" NOT NULL,
  payload jsonb,
  created_at timestamptz NOT NULL,
  not_before timestamptz NOT NULL,
  status text COLLATE "C" NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  lease_owner text COLLATE "C",
  lease_until timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_code ON outbox (code);

-- Results of commands by idempotency key (created_at lets a DBA purge old keys).
CREATE TABLE IF NOT EXISTS idempotency (
  key text COLLATE "C" PRIMARY KEY,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Daily dossier numbers per agency (the sequence in the dossier code).
CREATE TABLE IF NOT EXISTS sequences (
  agency text COLLATE "C" NOT NULL,
  date text COLLATE "C" NOT NULL,
  value integer NOT NULL,
  PRIMARY KEY (agency, date)
);

INSERT INTO motcua_migrations (version, name) VALUES (1, '001_init') ON CONFLICT (version) DO NOTHING;
