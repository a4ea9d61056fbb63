/**
 * Benchmark: does the public lookup (tra cứu) answer an unknown code and a wrong secret in the same
 * time? Median over 2,000 + 2,000 interleaved requests, on a store holding more dossiers than its
 * snapshot cache (so that a dossier is read cold, as when an attacker walks sequential codes).
 *
 * "before" is the lookup as it was until the lookup limits (the body of the old `engine.lookup`:
 * load the dossier, compare the secret); "after" is `engine.lookup` now (a counted attempt and the
 * secret read from an index, for known and unknown codes alike). Run alone with
 * `pnpm --filter @motcua/adapters bench:lookup`; `pnpm bench` runs it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DossierStore, MotcuaError, secretMatches } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import pg from 'pg';
import { PostgresStore } from '../src/postgres/postgres-store.js';
import { SqliteStore } from '../src/sqlite/sqlite-store.js';

/** Medians, in microseconds, of each kind of failed lookup. */
export interface LookupTiming {
  readonly before: { readonly unknown: number; readonly wrong: number };
  readonly after: { readonly unknown: number; readonly wrong: number };
  readonly dossiers: number;
  readonly requests: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The lookup as it was before the lookup limits (the old `engine.lookup` body). */
async function oldLookup(store: DossierStore, code: string, presented: string): Promise<void> {
  const stored = await store.load(code);
  if (!stored || !secretMatches(presented, stored.persisted.context.secret)) {
    throw new MotcuaError('LOOKUP_FAILED', 'no dossier matches this code and secret', { field: 'secret' });
  }
}

/** Times `requests` unknown-code and `requests` wrong-secret lookups, interleaved; medians in µs. */
async function measure(
  lookup: (code: string, secret: string) => Promise<unknown>,
  known: readonly string[],
  unknownBase: number,
  requests: number,
): Promise<{ unknown: number; wrong: number }> {
  const unknown: number[] = [];
  const wrong: number[] = [];
  const time = async (code: string, into: number[]) => {
    const t0 = process.hrtime.bigint();
    try {
      await lookup(code, 'WRONGSEC');
    } catch {
      // a failed lookup is what is measured
    }
    into.push(Number(process.hrtime.bigint() - t0) / 1000);
  };
  // Warm-up on codes the measurement does not use.
  for (let i = 0; i < 200; i++) {
    await time(known[known.length - 1 - i]!, []);
    await time(`H56-260302-${unknownBase + 3000 + i}`, []);
  }
  for (let i = 0; i < requests; i++) {
    // Both walk their codes in order (as a guesser walking sequential codes does); alternate which
    // goes first, so that neither kind always follows the other.
    const k = known[i % (known.length - 200)]!;
    const u = `H56-260302-${unknownBase + i}`;
    if (i % 2) {
      await time(k, wrong);
      await time(u, unknown);
    } else {
      await time(u, unknown);
      await time(k, wrong);
    }
  }
  return { unknown: median(unknown), wrong: median(wrong) };
}

/**
 * Runs the comparison on the store that `open` opens: called three times on the same database
 * (filling it, then a fresh connection for each measurement, so that the snapshot cache starts
 * cold, as after a restart).
 */
export async function runLookupTimingBench(
  open: () => Promise<DossierStore>,
  options: { dossiers?: number; requests?: number } = {},
): Promise<LookupTiming> {
  const dossiers = options.dossiers ?? 3000;
  const requests = options.requests ?? 2000;
  const setup = await open();
  const { engine: writer } = sampleEngine(setup);
  const known: string[] = [];
  for (let i = 0; i < dossiers; i++) {
    const d = await writer.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    known.push(d.code);
  }
  await setup.close?.();
  const beforeStore = await open();
  const before = await measure((c, s) => oldLookup(beforeStore, c, s), known, 6000, requests);
  await beforeStore.close?.();
  const afterStore = await open();
  // Each code is guessed once here: the limit (10 per hour) is never reached.
  const { engine } = sampleEngine(afterStore);
  const after = await measure((c, s) => engine.lookup(c, s), known, 6000, requests);
  await afterStore.close?.();
  return { before, after, dossiers, requests };
}

/** The comparison on a SQLite file (WAL) with the given `synchronous`. */
export async function runSqliteLookupTiming(synchronous: 'full' | 'normal'): Promise<LookupTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-lookup-'));
  try {
    const file = join(dir, 'lookup.db');
    return await runLookupTimingBench(async () => {
      const store = new SqliteStore(file, { synchronous });
      await store.migrate();
      return store;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The comparison on PostgreSQL at `url`, in a schema of its own (dropped at the end). */
export async function runPostgresLookupTiming(url: string): Promise<LookupTiming> {
  const schema = `motcua_bench_lookup_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await runLookupTimingBench(async () => {
      const store = new PostgresStore({ connectionString: url, schema, max: 4 });
      await store.migrate();
      return store;
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

/** Prints a {@link LookupTiming} as two lines, the medians beside each other. */
export function printLookupTiming(t: LookupTiming, label: string): void {
  const us = (x: number) => `${x.toFixed(1).padStart(7)} µs`;
  console.log(
    `\npublic lookup, ${label}, ${t.dossiers.toLocaleString('en')} dossiers: median of ${t.requests.toLocaleString('en')} unknown-code + ${t.requests.toLocaleString('en')} wrong-secret requests, interleaved`,
  );
  for (const [name, m] of [
    ['before (load the dossier, compare)', t.before],
    ['after (engine.lookup)             ', t.after],
  ] as const) {
    console.log(
      `  ${name}  unknown code ${us(m.unknown)}   wrong secret ${us(m.wrong)}   wrong − unknown ${us(m.wrong - m.unknown)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const synchronous of ['full', 'normal'] as const) {
    printLookupTiming(
      await runSqliteLookupTiming(synchronous),
      `SQLite (file, WAL, synchronous=${synchronous.toUpperCase()})`,
    );
  }
  const url = process.env.MOTCUA_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  printLookupTiming(await runPostgresLookupTiming(url), 'PostgreSQL (same machine, pool of 4)');
}
