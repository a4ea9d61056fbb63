-- motcua SQLite schema, migration 009 (national index covering): the national index, the drill-down
-- behind its figures and the statistics forms read a narrow index, never the dossier rows.
--
-- Those queries read the summary and index-fact columns of every dossier of a period. In the
-- dossier's row those columns sit beside its archive (a closed dossier: about 1.4 KB deflated) or
-- its snapshot (an open one: about 5 KB of JSON, on overflow pages), so a scan of the rows reads the
-- whole table: for a province-year of 1,000,000 dossiers a 2.7 GB file, where rows without them
-- take 0.5 GB. Measured on such a file (2026-12-02, 2 cores): the index for the year took 2.6–2.8 s
-- with the file in the page cache and 7.5 s when it was not (the first query after a restart);
-- with this index 1.8–1.9 s either way (it is 0.2 GB).
--
-- `dossiers_index_facts` holds every column those queries read, led by `received_at` (all of them
-- take the dossiers received before the period's end), so SQLite answers them from the index alone
-- (a covering index). It replaces `dossiers_received_at`, whose queries it serves the same way. It
-- costs about 200 B per dossier of file (the storage budget's history says how much) and about 1 %
-- more bytes written per commit (the index is rewritten with the summary, as the one it replaces
-- was). The lookup secret and the snapshot are not in it.
--
-- Apply it once (it builds an index over the existing rows: about 3 s per 1,000,000 dossiers).
-- By hand after 008: `sqlite3 motcua.db < 009_national_index_covering.sql`.

CREATE INDEX IF NOT EXISTS dossiers_index_facts ON dossiers (received_at, state, closed_at,
  legal_due_at, outcome, result, channel, paused, national_status, agency, holder, procedure_code,
  ix_version, ix_finished_at, ix_end_at, ix_supplement_requests, ix_last_request_at,
  ix_last_supplied_at, ix_processing_ms, ix_return_processing_ms, ix_results, ix_e_result,
  ix_fee_bearing, ix_paid_online, ix_digitised, ix_reused, ix_national_store, ix_population_data,
  ix_satisfied, code);
DROP INDEX IF EXISTS dossiers_received_at;

INSERT OR IGNORE INTO motcua_migrations (version, name) VALUES (9, '009_national_index_covering');
