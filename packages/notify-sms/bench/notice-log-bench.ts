/**
 * Notice-log figures for the bench: counting one number's notices of a local day (the daily cap)
 * with 100,000 notices in the log, 10,000 of them to one number, each beside a baseline measured
 * in the same run:
 * - MemoryNoticeLog (sorted acceptance times, binary search) against a scan of the number's rows
 *   parsing each `sentAt` (how it counted before);
 * - SqliteNoticeLog (range count on the `(number_ref, sent_at)` index) against the same query
 *   with the index switched off (`NOT INDEXED`);
 * - the writes each delivery makes, SQLite: the claim of an attempt with the daily cap checked in
 *   the same transaction, then the acceptance written conditionally on the claimed row (`update`)
 *   against the same claim followed by an unconditional `put` (how the acceptance was written
 *   before);
 * - PostgresNoticeLog, when a server answers at MOTCUA_PG_URL: the indexed count against a
 *   sequential scan (index scans off), and the same delivery writes as SQLite's.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { localDayBounds, MemoryNoticeLog, type NoticeLog, type NoticeRecord } from '../src/index.js';
import { PostgresNoticeLog } from '../src/postgres/index.js';
import { SqliteNoticeLog } from '../src/sqlite/index.js';

const TOTAL = 100_000;
const HOT = 10_000;
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const ZONE = 'Asia/Ho_Chi_Minh';

/** Notice `i`: the first 10,000 go to `hot`, the rest to 9,000 numbers 10 each; over 1,000 days. */
function record(i: number): NoticeRecord {
  const numberRef = i < HOT ? 'hot' : `n${i % 9000}`;
  const sent = new Date(START + ((i * 86_413_337) % (1000 * DAY))).toISOString();
  return {
    id: `000.00.14.H56-${String(i).padStart(6, '0')}:1:sms.notice:receipt`,
    code: `000.00.14.H56-${String(i).padStart(6, '0')}`,
    notice: 'receipt',
    to: '09******78',
    numberRef,
    provider: 'smpp',
    providerMessageId: `m${i}`,
    parts: [{ messageId: `m${i}`, receipt: null }],
    status: 'sent',
    createdAt: sent,
    attemptedAt: sent,
    sentAt: sent,
    doneAt: null,
    attempts: 1,
    claimedUntil: null,
    error: null,
  };
}

/** The local days asked about: random days of the period, for the hot number and a cold one. */
const days = Array.from({ length: 2000 }, (_, i) =>
  localDayBounds(new Date(START + ((i * 7_777_777_777) % (1000 * DAY))), ZONE),
);

async function perSecond(n: number, body: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await body(i);
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function bestOf3(n: number, body: (i: number) => Promise<unknown> | unknown): Promise<number> {
  await perSecond(Math.min(n, 200), body);
  let best = 0;
  for (let round = 0; round < 3; round++) best = Math.max(best, await perSecond(n, body));
  return best;
}

const range = (i: number) => days[i % days.length]!;
const numberOf = (i: number) => (i % 2 === 0 ? 'hot' : `n${i % 9000}`);

async function memoryBench() {
  const log = new MemoryNoticeLog();
  const byNumber = new Map<string, NoticeRecord[]>();
  for (let i = 0; i < TOTAL; i++) {
    const r = record(i);
    await log.put(r);
    const rows = byNumber.get(r.numberRef) ?? [];
    if (rows.length === 0) byNumber.set(r.numberRef, rows);
    rows.push(r);
  }
  /** Baseline: the number's rows scanned, each `sentAt` parsed (the count before this change). */
  const scan = (numberRef: string, from: Date, to: Date) => {
    let n = 0;
    for (const r of byNumber.get(numberRef) ?? []) {
      if (!r.sentAt) continue;
      const t = Date.parse(r.sentAt);
      if (t >= from.getTime() && t < to.getTime()) n++;
    }
    return n;
  };
  for (let i = 0; i < 500; i++) {
    const d = range(i);
    if ((await log.countSent(numberOf(i), d.start, d.end)) !== scan(numberOf(i), d.start, d.end))
      throw new Error('MemoryNoticeLog.countSent disagrees with the scan');
  }
  const hotOurs = await bestOf3(20_000, (i) => log.countSent('hot', range(i).start, range(i).end));
  const hotScan = await bestOf3(2_000, (i) => scan('hot', range(i).start, range(i).end));
  return { hotOurs, hotScan };
}

/**
 * What each delivery writes: the claim of a new notice to the hot number (the cap counted in the
 * same transaction), then the gateway's acceptance, written conditionally on the claimed row
 * (`update`, as the plugin does) or, for the baseline, unconditionally (`put`, as before).
 */
let deliveries = 0;
function deliveryWrites(log: NoticeLog, conditional: boolean) {
  return async (i: number) => {
    const d = range(i);
    const now = new Date(d.start.getTime() + 3 * 3_600_000);
    const r: NoticeRecord = {
      ...record(HOT - 1),
      id: `claim-${deliveries++}`,
      status: 'queued',
      sentAt: null,
      parts: [],
      claimedUntil: new Date(now.getTime() + 300_000).toISOString(),
    };
    const outcome = await log.claim(r, {
      previousAttempts: 0,
      now,
      dailyCap: { limit: 1_000_000, from: d.start, to: d.end },
    });
    if (outcome !== 'claimed') throw new Error(`claim: ${outcome}`);
    const sent: NoticeRecord = {
      ...r,
      status: 'sent',
      sentAt: now.toISOString(),
      claimedUntil: null,
      parts: [{ messageId: r.id, receipt: null }],
    };
    if (!conditional) await log.put(sent);
    else if ((await log.update(sent, r)) !== 'updated') throw new Error('update refused');
  };
}

async function sqliteBench() {
  const db = new Database(':memory:');
  const log = new SqliteNoticeLog(db);
  await log.migrate();
  const fillStart = process.hrtime.bigint();
  for (let i = 0; i < TOTAL; i++) await log.put(record(i));
  const putsPerSecond = TOTAL / (Number(process.hrtime.bigint() - fillStart) / 1e9);
  const scan = db.prepare(
    'SELECT count(*) AS n FROM sms_notices NOT INDEXED WHERE number_ref = ? AND sent_at >= ? AND sent_at < ?',
  );
  const scanCount = (numberRef: string, from: Date, to: Date) =>
    (scan.get(numberRef, from.toISOString(), to.toISOString()) as { n: number }).n;
  for (let i = 0; i < 200; i++) {
    const d = range(i);
    if ((await log.countSent(numberOf(i), d.start, d.end)) !== scanCount(numberOf(i), d.start, d.end))
      throw new Error('SqliteNoticeLog.countSent disagrees with the scan');
  }
  const hotOurs = await bestOf3(20_000, (i) => log.countSent('hot', range(i).start, range(i).end));
  const hotScan = await bestOf3(100, (i) => scanCount('hot', range(i).start, range(i).end));
  const claimsPut = await bestOf3(5_000, deliveryWrites(log, false));
  const claims = await bestOf3(5_000, deliveryWrites(log, true));
  db.close();
  return { putsPerSecond, hotOurs, hotScan, claims, claimsPut };
}

async function postgresBench() {
  const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 });
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end();
    return { skipped: `no PostgreSQL server at ${url} (${(e as Error).message})` } as const;
  }
  const schema = `sms_bench_${process.pid}`;
  try {
    const log = new PostgresNoticeLog({ pool, schema });
    await log.migrate();
    // Bulk fill (the same rows as the others; the log's own put is tested, not benched, here).
    const rows = Array.from({ length: TOTAL }, (_, i) => record(i));
    for (let at = 0; at < TOTAL; at += 5000) {
      const chunk = rows.slice(at, at + 5000);
      await pool.query(
        `INSERT INTO "${schema}".sms_notices (id, code, notice, status, number_ref, provider, attempts, created_at, sent_at, claimed_until, record)
         SELECT r->>'id', r->>'code', r->>'notice', r->>'status', r->>'numberRef', r->>'provider', 1,
                (r->>'createdAt')::timestamptz, (r->>'sentAt')::timestamptz, NULL, r
         FROM jsonb_array_elements($1::jsonb) AS r`,
        [JSON.stringify(chunk)],
      );
    }
    await pool.query(`ANALYZE "${schema}".sms_notices`);
    const hotOurs = await bestOf3(2_000, (i) => log.countSent('hot', range(i).start, range(i).end));
    const client = await pool.connect();
    let hotScan: number;
    try {
      await client.query(
        'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off',
      );
      const text = `SELECT count(*) AS n FROM "${schema}".sms_notices WHERE number_ref = $1 AND sent_at >= $2 AND sent_at < $3`;
      hotScan = await bestOf3(100, (i) =>
        client.query(text, ['hot', range(i).start.toISOString(), range(i).end.toISOString()]),
      );
      await client.query('RESET ALL');
    } finally {
      client.release();
    }
    const claimsPut = await bestOf3(500, deliveryWrites(log, false));
    const claims = await bestOf3(500, deliveryWrites(log, true));
    return { hotOurs, hotScan, claims, claimsPut } as const;
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
}

export async function noticeLogBench() {
  return { memory: await memoryBench(), sqlite: await sqliteBench(), postgres: await postgresBench() };
}
