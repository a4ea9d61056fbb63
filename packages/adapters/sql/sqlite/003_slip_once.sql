-- motcua SQLite schema, migration 003 (slip once): each dossier's control slip is kept once, in
-- slip_rows.
--
-- Until 002 the snapshot in dossiers held the whole control slip as well, and so did the result of
-- every idempotency key (the dossier as the command left it): the slip was most of a dossier's
-- bytes, two or three times over. From 003 the snapshot holds `"slip":[]` (in its place, so the
-- keys keep their order) and the store puts the rows of slip_rows back, in seq order, when it
-- loads the dossier; an idempotency result holds the number of rows the slip had (`slipRows`)
-- instead of the rows, and a replay takes that many from the dossier's slip (rows are only ever
-- appended). What the store's reads return is unchanged.
--
-- Idempotent: running it again changes nothing. To apply it by hand after 002:
-- `sqlite3 motcua.db < 003_slip_once.sql`, then `VACUUM` to give the freed pages back to the disk.

-- A row of a snapshot's slip missing from slip_rows is copied there first, columns as the store
-- writes them (instants in UTC with milliseconds). A store written by motcua has none missing: this
-- keeps the slip whole whatever wrote the file.
INSERT OR IGNORE INTO slip_rows (code, seq, at, from_unit, step_id, result, data)
SELECT d.code, json_extract(e.value, '$.seq'),
  strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(e.value, '$.at')),
  json_extract(e.value, '$.from.unitId'),
  nullif(json_extract(e.value, '$.stepId'), ''),
  nullif(json_extract(e.value, '$.result'), ''),
  json(e.value)
FROM dossiers d, json_each(d.snapshot, '$.context.slip') e;

UPDATE dossiers SET snapshot = json_set(snapshot, '$.context.slip', json('[]'))
WHERE json_array_length(snapshot, '$.context.slip') > 0;

UPDATE idempotency
SET result = json_set(json_remove(result, '$.persisted.context.slip'), '$.slipRows',
  json_array_length(result, '$.persisted.context.slip'))
WHERE json_valid(result) AND json_type(result, '$.persisted.context.slip') = 'array';

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (3, '003_slip_once');
