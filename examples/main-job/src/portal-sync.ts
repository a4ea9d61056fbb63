/**
 * The main job's sync with the National Public Service Portal: every receipt and change of the
 * month pushed through the engine's outbox to the portal simulator on loopback (real HTTP), which
 * fails a seeded share of the calls (HTTP 500, a reset before applying, an answer lost after
 * applying). At the end: the synced ratio of Decision 766 indicator 1.4, the lag, the dossiers left
 * unsynced, and the simulator's count of duplicate records (it must be 0).
 */
import { MemorySyncLog } from '@motcua/connectors';
import { type DvcqgSync, type DvcqgSyncReport, dvcqgSync, lgspEnvelope } from '@motcua/connectors/dvcqg';
import { type DvcqgSimulator, type SimFault, startDvcqgSimulator } from '@motcua/connectors/testing';
import type { Engine } from '@motcua/core';

/** The portal simulator and the sync plugin to install in the engine. */
export interface PortalSync {
  readonly sim: DvcqgSimulator;
  readonly plugin: DvcqgSync;
}

/** Starts the simulator with a seeded mix of faults over its first `calls` calls, and the plugin. */
export async function startPortalSync(seed: number, calls: number): Promise<PortalSync> {
  const sim = await startDvcqgSimulator({ unitCode: '000.00.00.H55' });
  let s = (seed * 2654435761) % 2147483647 || 1;
  const random = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  for (let i = 0; i < calls; i++) {
    const r = random();
    const fault: SimFault =
      r < 0.05
        ? { kind: 'http500' }
        : r < 0.07
          ? { kind: 'reset-before-apply' }
          : r < 0.08
            ? { kind: 'apply-then-reset' }
            : { kind: 'none' };
    sim.fault(fault);
  }
  const plugin = dvcqgSync({
    transport: lgspEnvelope({
      url: sim.url,
      unitCode: '000.00.00.H55',
      credentials: { username: sim.username, password: sim.password },
      timeoutMs: 2000,
    }),
    syncLog: new MemorySyncLog(),
  });
  return { sim, plugin };
}

/** What the report shows of the sync. */
export interface PortalSyncFigures {
  readonly report: DvcqgSyncReport;
  readonly records: number;
  readonly duplicates: number;
  readonly deadLetters: number;
}

/** Delivers what is still pending (the engine's clock moves a minute between rounds), then counts. */
export async function finishPortalSync(
  engine: Engine,
  portal: PortalSync,
  period: { from: string; to: string },
): Promise<PortalSyncFigures> {
  for (let i = 0; i < 60; i++) {
    await engine.deliverOutbox();
    const pending = await engine.store.outbox({ status: 'pending' });
    if (!pending.some((p) => p.type.startsWith('dvcqg.'))) break;
    const clock = engine.clock as { advance?: (d: { minutes: number }) => void };
    clock.advance?.({ minutes: 1 });
  }
  const report = await portal.plugin.report(period);
  const dead = (await engine.store.outbox({ status: 'dead' })).filter((i) => i.type.startsWith('dvcqg.'));
  return {
    report,
    records: portal.sim.records.size,
    duplicates: portal.sim.duplicates(),
    deadLetters: dead.length,
  };
}
