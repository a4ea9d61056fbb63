/**
 * The raw baselines: the same rows the engine writes per transition (dossier upsert, journal
 * entry, control-slip rows, the dossier's timers replaced), written with the bare driver in one
 * transaction, with no engine: no load, no machine, no checks.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { type RawTransition, withCode } from './lifecycle.js';

const DOSSIER_COLUMNS =
  'code, agency, procedure_code, procedure_version, channel, state, status, holder, received_at, legal_due_at, current_due_at, closed_at, outcome, result, late_unit, paused, snapshot, version, fired_timers';
const UPDATE_ALL = DOSSIER_COLUMNS.split(', ')
  .slice(1)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** Writes one transition of dossier `code` to PostgreSQL (schema `s`), one transaction. */
export async function rawPostgres(
  client: pg.PoolClient | pg.Client,
  s: string,
  t: RawTransition,
  code: string,
) {
  await client.query('BEGIN');
  await client.query({
    name: `raw-upsert-${s}`,
    text: `INSERT INTO "${s}".dossiers (${DOSSIER_COLUMNS})
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
      ON CONFLICT (code) DO UPDATE SET ${UPDATE_ALL}`,
    values: [
      code,
      ...t.summary,
      withCode(t.snapshot, code),
      t.version,
      JSON.parse(withCode(t.firedTimers, code)),
    ],
  });
  await client.query({
    name: `raw-journal-${s}`,
    text: `INSERT INTO "${s}".journal (code, seq, at, type, actor, before, after, event, idempotency_key)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    values: [code, ...t.journal.slice(0, 6), withCode(t.journal[6] as string, code), t.journal[7]],
  });
  for (const r of t.slip) {
    await client.query({
      name: `raw-slip-${s}`,
      text: `INSERT INTO "${s}".slip_rows (code, seq, at, from_unit, step_id, result, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      values: [code, r.seq, r.at, r.fromUnit, r.stepId, r.result, withCode(r.data, code)],
    });
  }
  await client.query({
    name: `raw-timers-delete-${s}`,
    text: `DELETE FROM "${s}".timers WHERE code = $1`,
    values: [code],
  });
  if (t.timers.length) {
    const values: unknown[] = [];
    const rows = t.timers.map((x) => {
      values.push(withCode(x.id, code), code, x.kind, x.at, x.stepId);
      const n = values.length;
      return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await client.query({
      name: `raw-timers-${t.timers.length}-${s}`,
      text: `INSERT INTO "${s}".timers (id, code, kind, at, step_id) VALUES ${rows.join(', ')}`,
      values,
    });
  }
  await client.query('COMMIT');
}

/** A raw SQLite writer on `db` (same tables), one immediate transaction per transition. */
export function rawSqlite(db: BetterSqlite3.Database): (t: RawTransition, code: string) => void {
  const upsert = db.prepare(
    `INSERT INTO dossiers (${DOSSIER_COLUMNS}) VALUES (${Array(19).fill('?').join(', ')})
     ON CONFLICT (code) DO UPDATE SET ${UPDATE_ALL}`,
  );
  const journal = db.prepare(
    'INSERT INTO journal (code, seq, at, type, actor, before, after, event, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const slip = db.prepare(
    'INSERT INTO slip_rows (code, seq, at, from_unit, step_id, result, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const dropTimers = db.prepare('DELETE FROM timers WHERE code = ?');
  const timer = db.prepare('INSERT INTO timers (id, code, kind, at, step_id) VALUES (?, ?, ?, ?, ?)');
  const write = db.transaction((t: RawTransition, code: string) => {
    const summary = t.summary.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
    upsert.run(code, ...summary, withCode(t.snapshot, code), t.version, withCode(t.firedTimers, code));
    journal.run(code, ...t.journal.slice(0, 6), withCode(t.journal[6] as string, code), t.journal[7]);
    for (const r of t.slip)
      slip.run(code, r.seq, r.at, r.fromUnit, r.stepId, r.result, withCode(r.data, code));
    dropTimers.run(code);
    for (const x of t.timers) timer.run(withCode(x.id, code), code, x.kind, x.at, x.stepId);
  });
  return (t, code) => write.immediate(t, code);
}
