/**
 * Bytes per closed dossier in a SQLite store, for the main job's mix: the catalogue's procedures
 * in force (one share each), the main job's channels and pick-up hours, its sample applications,
 * and a notice per receipt, supplementation request and result ready (the main job's SMS notices:
 * an outbox row each, delivered). Simulated onto a SqliteStore file through the engine, drained
 * until every dossier is closed; the file is measured after VACUUM (page_count × page_size, indexes
 * included), by table and index (dbstat).
 *
 * Beside it, two baselines from the same dossiers in the same run: the same reads written in the
 * schema-2 layout (before migration 003: the slip inside every snapshot and idempotency result
 * too), and the JSON text of what the store's reads return (load, journal, slip, outbox, keyed
 * results). The liaison dossiers of the main job (about one in twelve) are not simulated here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEngine,
  type DossierStore,
  type EnginePlugin,
  SimulatedClock,
  type TransitionInfo,
  vietnamCalendar,
} from '@motcua/core';
import { simulate } from '@motcua/core/simulation';
import { catalogueSamples, createCatalogue, proceduresInForce } from '@motcua/procedures';
import Database from 'better-sqlite3';
import { sqliteMigrations } from '../src/sqlite/migrations.js';
import { SqliteStore } from '../src/sqlite/sqlite-store.js';

/** One table's or index's share, in bytes per closed dossier. */
interface StorageShare {
  readonly name: string;
  readonly bytes: number;
}

/** What {@link measureStorage} answers. */
export interface StorageBytes {
  readonly dossiers: number;
  readonly closed: number;
  /** The store after VACUUM, per closed dossier (indexes included). */
  readonly perClosed: number;
  /** The bytes of its pages in use (without the free space of pages), per closed dossier. */
  readonly usedPerClosed: number;
  /** The same for the schema-2 layout. */
  readonly schema2UsedPerClosed: number;
  /** The same dossiers in the schema-2 layout, after VACUUM, per closed dossier. */
  readonly schema2PerClosed: number;
  /** The JSON text of what the store's reads return, per closed dossier. */
  readonly jsonPerClosed: number;
  /** Tables and indexes, largest first, per closed dossier. */
  readonly shares: readonly StorageShare[];
}

/** The main job's notices (receipt, supplementation request, apology, result ready), as outbox rows. */
function notices(): EnginePlugin {
  const kindOf = (info: TransitionInfo): string | undefined => {
    if (info.type === 'RECEIVE') return 'receipt';
    if (info.type === 'REQUEST_SUPPLEMENT') return 'supplement-request';
    if (info.type === 'APOLOGIZE') return 'apology';
    if (info.afterState === 'resultReady' && info.beforeState !== 'resultReady') return 'result-ready';
    return undefined;
  };
  return {
    name: 'sms',
    onTransition(info) {
      const notice = kindOf(info);
      if (!notice) return undefined;
      const code = info.after.code;
      const text = `TT PVHCC Quang Ngai: ho so ${code} (${notice}). Hen tra ket qua: ${info.after.due.current.slice(0, 10)}. Tra cuu tai dichvucong.quangngai.gov.vn, ma tra cuu ${info.after.secret}.`;
      return [
        {
          type: 'notice',
          payload: { notice, code, to: '+84912000000', text, encoding: 'GSM-7', segments: 2 },
        },
      ];
    },
    async deliver() {},
  };
}

/** Page bytes of each table and index after VACUUM, and the file's. */
function pages(file: string): { total: number; used: number; byName: Map<string, number> } {
  const db = new Database(file);
  try {
    db.exec('VACUUM');
    const total =
      (db.pragma('page_count', { simple: true }) as number) *
      (db.pragma('page_size', { simple: true }) as number);
    const rows = db
      .prepare('SELECT name, sum(pgsize) AS bytes, sum(pgsize - unused) AS used FROM dbstat GROUP BY name')
      .all() as { name: string; bytes: number; used: number }[];
    const used = rows.reduce((sum, r) => sum + r.used, 0);
    return { total, used, byName: new Map(rows.map((r) => [r.name, r.bytes])) };
  } finally {
    db.close();
  }
}

/**
 * Simulates `days` working days of the main job's mix (`perDay` dossiers a working day, drained
 * until all are closed) onto a SqliteStore file and measures it. The first week of the main job
 * (2026-08-17) by default.
 */
export async function measureStorage(
  options: { days?: number; perDay?: number; seed?: number; start?: string } = {},
): Promise<StorageBytes> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bytes-'));
  try {
    const file = join(dir, 'store.db');
    const store = await simulateMainJobMix(file, options);
    const raw = new Database(file, { readonly: true });
    const keys = raw.prepare('SELECT key FROM idempotency').pluck().all() as string[];
    raw.close();
    const schema2File = join(dir, 'schema2.db');
    const { json, closed, dossiers } = await writeSchema2(store, keys, schema2File);
    await store.close();
    const now = pages(file);
    const before = pages(schema2File);
    return {
      dossiers,
      closed,
      perClosed: now.total / closed,
      usedPerClosed: now.used / closed,
      schema2UsedPerClosed: before.used / closed,
      schema2PerClosed: before.total / closed,
      jsonPerClosed: json / closed,
      shares: [...now.byName]
        .map(([name, bytes]) => ({ name, bytes: bytes / closed }))
        .sort((a, b) => b.bytes - a.bytes),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Simulates `days` working days of the main job's mix (`perDay` dossiers a working day, drained
 * until all are closed, outbox delivered) onto a new SqliteStore at `file`, and returns it open.
 */
export async function simulateMainJobMix(
  file: string,
  options: { days?: number; perDay?: number; seed?: number; start?: string } = {},
): Promise<SqliteStore> {
  const { days = 5, perDay = 160, seed = 2026, start = '2026-08-17' } = options;
  const store = new SqliteStore(file, { synchronous: 'normal' });
  await store.migrate();
  const calendar = vietnamCalendar();
  const procedures = proceduresInForce(createCatalogue({ calendar }), start);
  const clock = new SimulatedClock(`${start}T00:00:00+07:00`);
  const engine = createEngine({
    procedures,
    calendar,
    clock,
    store,
    agency: '000.00.00.H55',
    plugins: [notices()],
  });
  const samples = Object.fromEntries(
    procedures.map((p) => [
      p.code,
      (index: number) => {
        const sample = catalogueSamples[p.code] as {
          applicant: Record<string, unknown>;
          application: unknown;
        };
        return {
          ...sample,
          applicant: { ...sample.applicant, phone: `0912${String(index).padStart(6, '0')}` },
        };
      },
    ]),
  );
  await simulate({
    engine,
    start,
    days,
    seed,
    arrivals: {
      perWorkingDay: perDay,
      mix: Object.fromEntries(procedures.map((p) => [p.code, 1])),
      channels: { 'in-person': 60, 'online-full': 25, 'online-partial': 10, postal: 5 },
    },
    behaviour: { pickupHours: [0, 1] },
    samples,
    drainDays: 21,
  });
  await engine.deliverOutbox();
  return store;
}

/**
 * Writes what `store` reads back for every dossier into a new file in the schema-2 layout (as
 * the stores wrote before migration 003), and counts the JSON text of those reads.
 */
async function writeSchema2(
  store: DossierStore,
  keys: readonly string[],
  file: string,
): Promise<{ json: number; closed: number; dossiers: number }> {
  const db = new Database(file);
  for (const m of sqliteMigrations.slice(0, 2)) db.exec(m.sql);
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    db.prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
  };
  let json = 0;
  let closed = 0;
  const summaries = await store.list({});
  const slips = new Map<string, unknown[]>();
  db.exec('BEGIN');
  for (const s of summaries) {
    const d = (await store.load(s.code))!;
    const journal = await store.journal(s.code);
    const slip = await store.slip(s.code);
    const outbox = await store.outbox({ code: s.code });
    json += JSON.stringify(d).length + JSON.stringify(journal).length + JSON.stringify(slip).length;
    json += JSON.stringify(outbox).length;
    if (s.status === 'done') closed++;
    slips.set(s.code, slip);
    insert('dossiers', {
      code: s.code,
      agency: s.agency,
      procedure_code: s.procedureCode,
      procedure_version: s.procedureVersion,
      channel: s.channel,
      state: s.state,
      status: s.status,
      holder: s.holder,
      received_at: s.receivedAt,
      legal_due_at: s.legalDueAt,
      current_due_at: s.currentDueAt,
      closed_at: s.closedAt,
      outcome: s.outcome,
      result: s.result,
      late_unit: s.lateUnit,
      paused: s.paused ? 1 : 0,
      snapshot: JSON.stringify(d.persisted),
      version: d.version,
      fired_timers: JSON.stringify(d.firedTimers),
    });
    for (const j of journal) {
      insert('journal', {
        code: j.code,
        seq: j.seq,
        at: j.at,
        type: j.type,
        actor: JSON.stringify(j.actor),
        before: j.before,
        after: j.after,
        event: JSON.stringify(j.event ?? null),
        idempotency_key: j.idempotencyKey,
      });
    }
    for (const r of slip) {
      insert('slip_rows', {
        code: s.code,
        seq: r.seq,
        at: r.at,
        from_unit: r.from.unitId,
        step_id: r.stepId ?? null,
        result: r.result ?? null,
        data: JSON.stringify(r),
      });
    }
    for (const o of outbox) {
      insert('outbox', {
        id: o.id,
        code: o.code,
        type: o.type,
        payload: o.payload === undefined ? null : JSON.stringify(o.payload),
        created_at: o.createdAt,
        not_before: o.notBefore,
        status: o.status,
        attempts: o.attempts,
        next_attempt_at: o.nextAttemptAt,
        last_error: o.lastError,
      });
    }
  }
  for (const key of keys) {
    const result = (await store.idempotentResult(key)) as {
      code?: string;
      slipRows?: number;
      persisted?: { context: Record<string, unknown> };
    } | null;
    // Schema 2 kept the slip inside the result too.
    if (result?.persisted && result.slipRows !== undefined && result.code) {
      const { slipRows, ...rest } = result;
      const slip = slips.get(result.code)?.slice(0, slipRows) ?? [];
      const old = {
        ...rest,
        persisted: { ...rest.persisted!, context: { ...rest.persisted!.context, slip } },
      };
      json += JSON.stringify(result).length;
      insert('idempotency', { key, result: JSON.stringify(old) });
    } else {
      json += JSON.stringify(result ?? null).length;
      insert('idempotency', { key, result: JSON.stringify(result ?? null) });
    }
  }
  db.exec('COMMIT');
  db.close();
  return { json, closed, dossiers: summaries.length };
}
