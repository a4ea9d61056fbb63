/** What the dvcqg restart tests' engine processes share (test helper, not part of the package API). */
import { SqliteStore } from '@motcua/adapters/sqlite';
import type { Engine, SimulatedClock } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { type DvcqgSync, dvcqgSync } from '../dvcqg/dvcqg-sync.js';
import { lgspEnvelope } from '../dvcqg/transport.js';
import { SqliteSyncLog } from '../sqlite/sqlite-sync-log.js';

/** One engine process: the adapters' SqliteStore and the SqliteSyncLog in one file, syncing to the simulator. */
export interface RestartEngine {
  readonly engine: Engine;
  readonly clock: SimulatedClock;
  readonly store: SqliteStore;
  readonly syncLog: SqliteSyncLog;
  readonly plugin: DvcqgSync;
  close(): Promise<void>;
}

/** Opens (and migrates) the store and sync log on `file` and starts an engine with the dvcqg plugin at `start`. */
export async function openRestartEngine(options: {
  readonly file: string;
  readonly portal: { readonly url: string; readonly username: string; readonly password: string };
  readonly start: string;
  readonly workerId: string;
}): Promise<RestartEngine> {
  const store = new SqliteStore(options.file);
  await store.migrate();
  const syncLog = new SqliteSyncLog(options.file);
  await syncLog.migrate();
  const plugin = dvcqgSync({
    transport: lgspEnvelope({
      url: options.portal.url,
      unitCode: '000.00.14.H56',
      credentials: { username: options.portal.username, password: options.portal.password },
      timeoutMs: 5000,
    }),
    syncLog,
    catalogue: { '1.004194': { code: 'G22-CT01', name: 'Đăng ký, quản lý cư trú' } },
    agencyName: () => 'Công an xã Hoàn Kiếm',
  });
  const { engine, clock } = sampleEngine(store, {
    start: options.start,
    backoff: { baseDelayMs: 1000, maxAttempts: 4, maxDelayMs: 60_000 },
    plugins: [plugin],
    workerId: options.workerId,
  });
  await plugin.attach(engine);
  return {
    engine,
    clock,
    store,
    syncLog,
    plugin,
    async close() {
      syncLog.close();
      await store.close();
    },
  };
}

/** Receives a dossier and hands it on twice, 30 minutes and 2 hours later: versions 1, 2 and 3, each a history entry. */
export async function receiveAndHandOver(engine: Engine, clock: SimulatedClock): Promise<string> {
  const d = await engine.receive({
    procedure: '1.004194',
    channel: 'in-person',
    actor: sampleActors.desk,
    ...sampleReceipt,
  });
  clock.advance({ minutes: 30 });
  await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
  clock.advance({ hours: 2 });
  await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.police });
  return d.code;
}
