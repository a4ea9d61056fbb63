/**
 * Migration 009: the national index, its drill-down and the statistics forms read the covering
 * index of the summary and index-fact columns, never the dossier rows (where a closed dossier's
 * archive or an open one's snapshot sits beside those columns). Checked on SQLite's query plans of
 * the statements the store runs, not on timings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEX_COUNT_NAMES, type IndexDossierSet } from '@motcua/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-covering-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };
const sets = INDEX_COUNT_NAMES.filter((n): n is IndexDossierSet => n !== 'processingMs' && n !== 'syncKept');

/** The SQL texts the store prepares while `run` runs. */
async function statementsOf(run: () => Promise<void>): Promise<string[]> {
  const prepared: string[] = [];
  const original = Database.prototype.prepare;
  const spy = vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (
    this: Database.Database,
    sql: string,
  ) {
    prepared.push(sql);
    return original.call(this, sql);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return prepared;
}

describe('SqliteStore: the index and the forms read the covering index (migration 009)', () => {
  it('for every rule and grouping, every drill-down set and filter, and the statistics forms', async () => {
    const file = join(dir, 'store.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const statements = await statementsOf(async () => {
      await store.statisticsCounts({ ...period, rule: 'at-return' });
      for (const rule of ['national', 'at-return'] as const) {
        for (const by of ['agency', 'unit', 'procedure', 'none'] as const)
          await store.nationalIndexCounts({ ...period, rule, by });
        for (const set of sets)
          for (const filter of [{}, { agency: 'A', after: 'X' }, { unit: 'u' }, { procedure: 'P' }])
            await store.nationalIndexDossiers({ ...period, rule, set, limit: 10, ...filter });
      }
    });
    await store.close();
    expect(statements.length).toBeGreaterThan(100); // identical texts are prepared once (statement cache)
    const db = new Database(file, { readonly: true });
    try {
      for (const sql of statements) {
        const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], 'x']));
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
          .map((r) => r.detail)
          .filter((d) => /\bdossiers\b/.test(d));
        expect(plan.length, sql).toBeGreaterThan(0);
        // 1.4's "any acknowledgement kept" probe reads the partial index of migration 010.
        for (const line of plan)
          expect(line, sql).toMatch(/USING COVERING INDEX (dossiers_index_facts|dossiers_ix_synced)\b/);
      }
    } finally {
      db.close();
    }
  });
});
