import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DossierStore } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresMigrations } from './postgres/migrations.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { sqliteMigrations } from './sqlite/migrations.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/**
 * Dossiers written on schema version 1 (before the lookup limits), then `migrate()` to the current
 * version: their secrets are found by the lookup, failed guesses are counted and lock the code.
 */
async function upgradeScenario(
  store: DossierStore & { migrate(): Promise<{ applied: readonly string[]; version: number }> },
) {
  const { engine } = sampleEngine(store, { lookupLimit: { maxFailures: 2 } });
  const receive = () =>
    engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
  const a = await receive();
  const b = await receive();
  await engine.send(a.code, { type: 'HAND_OVER', actor: sampleActors.desk });
  // Schema 1 has no lookup tables: the lookup says so (not a bare driver error).
  await expect(engine.lookup(a.code, a.context.secret)).rejects.toMatchObject({ code: 'STORE_NOT_MIGRATED' });
  const result = await store.migrate();
  expect(result.applied).toEqual(['002_lookup_limits']);
  expect(result.version).toBe(2);
  expect(await store.lookupSecret(a.code)).toBe(a.context.secret);
  expect(await store.lookupSecret(b.code)).toBe(b.context.secret);
  expect((await engine.lookup(a.code, a.context.secret)).currentUnit).toBeTruthy();
  for (let i = 0; i < 2; i++)
    await expect(engine.lookup(b.code, 'WRONGWRONG')).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
  await expect(engine.lookup(b.code, b.context.secret)).rejects.toMatchObject({ code: 'LOOKUP_LOCKED' });
  // Written after the upgrade, and a second migrate changes nothing.
  const c = await receive();
  expect(await store.lookupSecret(c.code)).toBe(c.context.secret);
  expect((await store.migrate()).applied).toEqual([]);
}

describe('SQLite: a store written by schema 1, upgraded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-upgrade-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the secrets of dossiers written before migration 002 and counts failed lookups', async () => {
    const file = join(dir, 'v1.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec(sqliteMigrations[0]!.sql);
    raw.close();
    const store = new SqliteStore(file);
    try {
      await upgradeScenario(store);
    } finally {
      await store.close();
    }
  });
});

describePostgres('PostgreSQL: a store written by schema 1, upgraded', () => {
  const pool = testPool({ max: 4 });
  const schema = freshSchema();
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('finds the secrets of dossiers written before migration 002 and counts failed lookups', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query(postgresMigrations[0]!.sql);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const store = new PostgresStore({ pool, schema });
    await upgradeScenario(store);
    await store.close();
  });
});
