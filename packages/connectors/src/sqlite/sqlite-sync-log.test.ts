/**
 * The SQLite sync log on a temp file: the conformance suite (with a second connection, migrations
 * and prefixes), beside the engine's tables in one file, and its typed errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@motcua/adapters/sqlite';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncLog } from '../shared/sync-log.js';
import { syncLogConformanceSuite } from '../testing/sync-log-conformance.js';
import { SqliteSyncLog } from './sqlite-sync-log.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sync-log-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = new WeakMap<SyncLog, string>();
async function open(file: string, target?: string): Promise<SqliteSyncLog> {
  const log = new SqliteSyncLog(file, target === undefined ? {} : { target });
  await log.migrate();
  files.set(log, file);
  return log;
}

syncLogConformanceSuite('SqliteSyncLog (file)', {
  makeLog: () => open(join(dir, `log-${n++}.db`)),
  openAgain: (log, o) => open(files.get(log)!, o?.target ?? log.target),
  closeLog: (log) => (log as SqliteSyncLog).close(),
  migrate: (log) => (log as SqliteSyncLog).migrate(),
  withPrefix: (tablePrefix) => new SqliteSyncLog(join(dir, 'prefix.db'), { tablePrefix }),
});

describe('SqliteSyncLog', () => {
  it('migrates once beside the engine store’s tables in one file, with its own prefix, and survives reopening', async () => {
    const file = join(dir, 'shared.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const log = new SqliteSyncLog(file);
    expect(await log.migrate()).toEqual({ applied: ['001_init'], version: 1 });
    expect(await log.migrate()).toEqual({ applied: [], version: 1 });
    await log.ack('A', { version: 2, at: new Date('2026-03-02T02:31:00Z'), lagMs: 60_000, receivedAt: null });
    log.close();
    const db = new Database(file);
    const tables = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'dvcqg_%' ORDER BY name`)
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual(['dvcqg_sync_dossiers', 'dvcqg_sync_migrations', 'dvcqg_sync_steps']);
    // A Database passed in stays open when the log closes; another prefix gets its own tables.
    const other = new SqliteSyncLog(db, { tablePrefix: 'moha_' });
    expect((await other.migrate()).applied).toEqual(['001_init']);
    expect(await other.row('A')).toBeUndefined();
    other.close();
    expect(db.open).toBe(true);
    db.close();
    const reopened = new SqliteSyncLog(file);
    expect((await reopened.row('A'))?.ackVersion).toBe(2);
    reopened.close();
    await store.close();
  });

  it('says to migrate when its tables are missing, and that it is closed', async () => {
    const log = new SqliteSyncLog(join(dir, 'empty.db'));
    await expect(log.row('A')).rejects.toMatchObject({
      name: 'ConnectorError',
      code: 'SYNC_LOG_NOT_MIGRATED',
    });
    log.close();
    await expect(log.row('A')).rejects.toMatchObject({ code: 'SYNC_LOG_UNAVAILABLE' });
  });

  it('names the bad option', () => {
    const cases: [() => unknown, string][] = [
      [() => new SqliteSyncLog(''), 'database'],
      [() => new SqliteSyncLog({} as never), 'database'],
      [() => new SqliteSyncLog(':memory:', { target: 'DVCQG' }), 'target'],
      [() => new SqliteSyncLog(':memory:', { busyTimeoutMs: -1 }), 'busyTimeoutMs'],
    ];
    for (const [make, field] of cases)
      expect(make, field).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field }));
  });
});
