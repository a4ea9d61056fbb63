-- motcua PostgreSQL schema, migration 003 (slip once): each dossier's control slip is kept once,
-- in slip_rows.
--
-- Until 002 the snapshot in dossiers held the whole control slip as well, and so did the result of
-- every idempotency key (the dossier as the command left it): the slip was most of a dossier's
-- bytes, two or three times over. From 003 the snapshot holds `"slip": []` and the store puts the
-- rows of slip_rows back, in seq order, when it loads the dossier (in the same statement); an
-- idempotency result holds the number of rows the slip had (`slipRows`) instead of the rows, and a
-- replay takes that many from the dossier's slip (rows are only ever appended). What the store's
-- reads return is unchanged.
--
-- Idempotent: running it again changes nothing. Apply it by hand like 001 (inside a transaction,
-- with `search_path` set to the store's schema). It rewrites every dossier row once: plan it
-- outside office hours on a large table, and VACUUM (FULL, or let autovacuum reuse the space) after.

-- A row of a snapshot's slip missing from slip_rows is copied there first. A store written by
-- motcua has none missing: this keeps the slip whole whatever wrote the schema.
INSERT INTO slip_rows (code, seq, at, from_unit, step_id, result, data)
SELECT d.code, (e.v ->> 'seq')::integer, (e.v ->> 'at')::timestamptz, e.v -> 'from' ->> 'unitId',
  nullif(e.v ->> 'stepId', ''), nullif(e.v ->> 'result', ''), e.v
FROM dossiers d, jsonb_array_elements(d.snapshot #> '{context,slip}') AS e(v)
WHERE jsonb_typeof(d.snapshot #> '{context,slip}') = 'array'
ON CONFLICT (code, seq) DO NOTHING;

UPDATE dossiers SET snapshot = jsonb_set(snapshot, '{context,slip}', '[]'::jsonb)
WHERE jsonb_typeof(snapshot #> '{context,slip}') = 'array' AND snapshot #> '{context,slip}' <> '[]'::jsonb;

UPDATE idempotency
SET result = (result #- '{persisted,context,slip}')
  || jsonb_build_object('slipRows', jsonb_array_length(result #> '{persisted,context,slip}'))
WHERE jsonb_typeof(result #> '{persisted,context,slip}') = 'array';

INSERT INTO motcua_migrations (version, name) VALUES (3, '003_slip_once') ON CONFLICT (version) DO NOTHING;
