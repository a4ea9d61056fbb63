import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqlite } from './migrate-sqlite.js';
import { describeSqliteFailure, sqliteFailureKind } from './sqlite-failure.js';
import { StatementCache } from './statement-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('describeSqliteFailure', () => {
  it('gives each kind the message a log reports, where first; undefined for a non-SQLite error', () => {
    const context = {
      where: 'SqliteX.op',
      busyTimeoutMs: 250,
      notMigrated: 'no x table: run await log.migrate()',
    };
    const db = new Database(':memory:');
    expect(
      describeSqliteFailure(
        thrown(() => db.prepare('SELECT 1 FROM missing').get()),
        context,
      ),
    ).toEqual({
      kind: 'not-migrated',
      message: 'SqliteX.op: no x table: run await log.migrate()',
    });
    expect(
      describeSqliteFailure(
        thrown(() => db.exec('SELEKT 1')),
        context,
      ),
    ).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/^SqliteX\.op: .*syntax error/),
    });
    db.close();
    expect(
      describeSqliteFailure(
        thrown(() => db.prepare('SELECT 1')),
        context,
      ),
    ).toEqual({
      kind: 'unavailable',
      message: 'SqliteX.op: the database is closed',
    });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(describeSqliteFailure(busy, context)).toEqual({
      kind: 'locked',
      message:
        'SqliteX.op: the SQLite database stayed locked by another connection for 250 ms; nothing was written',
    });
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(describeSqliteFailure(full, context)?.kind).toBe('full');
    expect(describeSqliteFailure(new Error('not from SQLite'), context)).toBeUndefined();
  });
});

describe('sqliteFailureKind', () => {
  it('reads better-sqlite3 errors: not-migrated, full, locked, closed, failed; others are not SQLite errors', () => {
    const db = new Database(':memory:');
    expect(sqliteFailureKind(thrown(() => db.prepare('SELECT 1 FROM missing').get()))).toBe('not-migrated');
    expect(sqliteFailureKind(thrown(() => db.exec('SELEKT 1')))).toBe('failed');

    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma('max_page_count = 2');
    const big = 'x'.repeat(100_000);
    expect(sqliteFailureKind(thrown(() => db.prepare('INSERT INTO t VALUES (?)').run(big)))).toBe('full');
    db.close();
    expect(sqliteFailureKind(thrown(() => db.prepare('SELECT 1')))).toBe('closed');

    const file = join(dir, 'locked.db');
    const a = new Database(file, { timeout: 0 });
    const b = new Database(file, { timeout: 0 });
    a.exec('CREATE TABLE t (x)');
    a.exec('BEGIN IMMEDIATE');
    expect(sqliteFailureKind(thrown(() => b.exec('BEGIN IMMEDIATE')))).toBe('locked');
    a.exec('ROLLBACK');
    a.close();
    b.close();

    expect(sqliteFailureKind(new Error('not from SQLite'))).toBeUndefined();
    expect(sqliteFailureKind(undefined)).toBeUndefined();
  });
});

describe('StatementCache', () => {
  it('prepares each SQL text once', () => {
    const db = new Database(':memory:');
    const cache = new StatementCache<Database.Statement>(db);
    const first = cache.get('SELECT 1 AS one');
    expect(cache.get('SELECT 1 AS one')).toBe(first);
    expect(cache.get('SELECT 2 AS two')).not.toBe(first);
    expect(first.get()).toEqual({ one: 1 });
    db.close();
  });
});

describe('migrateSqlite', () => {
  const plan = {
    versionsTable: 'test_migrations',
    createVersionsTable:
      'CREATE TABLE IF NOT EXISTS test_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)',
    migrations: [
      {
        version: 2,
        name: '002_index',
        sql: "CREATE INDEX IF NOT EXISTS t_x ON t (x); INSERT OR IGNORE INTO test_migrations VALUES (2, '002_index');",
      },
      {
        version: 1,
        name: '001_init',
        sql: "CREATE TABLE IF NOT EXISTS t (x TEXT); INSERT OR IGNORE INTO test_migrations VALUES (1, '001_init');",
      },
    ],
  };

  it('applies the missing migrations in order of version, once', () => {
    const db = new Database(':memory:');
    expect(migrateSqlite(db, plan)).toEqual({ applied: ['001_init', '002_index'], version: 2 });
    expect(migrateSqlite(db, plan)).toEqual({ applied: [], version: 2 });
    db.close();
  });

  it('applies nothing when one migration fails (one transaction)', () => {
    const db = new Database(':memory:');
    const broken = {
      ...plan,
      migrations: [plan.migrations[1]!, { version: 2, name: '002_bad', sql: 'SELEKT' }],
    };
    expect(() => migrateSqlite(db, broken)).toThrow();
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('t', 'test_migrations')").get(),
    ).toEqual({
      n: 0,
    });
    db.close();
  });
});
