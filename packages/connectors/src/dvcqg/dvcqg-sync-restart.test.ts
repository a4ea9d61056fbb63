/**
 * The portal sync survives an engine restart when its sync log is durable: the engine's store and
 * the SqliteSyncLog share one SQLite file, against the portal simulator on loopback. Two engines on
 * the file delivering at once keep each dossier in order.
 * - A clean restart: the next engine on the file knows what the portal acknowledged, so it updates
 *   the record at once (no create attempt) and pushes only the new history.
 * - A process killed (SIGKILL) after the portal applied the record and the sync log recorded it,
 *   before the outbox item was settled: the next engine redelivers the item and finds it
 *   acknowledged; the portal holds one record, every history entry once, nothing sent twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleActors, sampleReceipt } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openRestartEngine,
  type RestartEngine,
  receiveAndHandOver,
} from '../test-support/dvcqg-restart-fixtures.js';
import { type DvcqgSimulator, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const worker = fileURLToPath(new URL('../test-support/dvcqg-restart-worker.ts', import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-dvcqg-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const sim = await startDvcqgSimulator();
  cleanups.push(() => sim.close());
  return { file: join(dir, 'motcua.db'), sim };
}

async function open(
  file: string,
  sim: DvcqgSimulator,
  start: string,
  workerId: string,
): Promise<RestartEngine> {
  const opened = await openRestartEngine({ file, portal: sim, start, workerId });
  cleanups.push(() => opened.close());
  return opened;
}

/** Delivers the outbox until nothing is pending, a simulated minute between rounds. */
async function drain({ engine, store, clock }: RestartEngine, rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await engine.deliverOutbox();
    if ((await store.outbox({ status: 'pending' })).length === 0) return;
    clock.advance({ minutes: 1 });
  }
  throw new Error('outbox not drained');
}

describe('dvcqgSync with a SqliteSyncLog across engine restarts', () => {
  it('continues after a clean restart: the next engine updates the acknowledged record directly', async () => {
    const { file, sim } = await setup();
    const first = await open(file, sim, '2026-03-02T09:30:00+07:00', 'w1');
    const code = await receiveAndHandOver(first.engine, first.clock);
    await drain(first);
    expect(sim.creates.get(code)).toBe(1);
    expect(sim.steps.get(code)).toHaveLength(3);
    await first.close();
    cleanups.pop();

    const next = await open(file, sim, '2026-03-02T14:00:00+07:00', 'w2');
    expect(await next.syncLog.row(code)).toMatchObject({ ackVersion: 3, lastError: null });
    const before = sim.calls.length;
    await next.engine.send(code, { type: 'HAND_OVER', actor: sampleActors.leader });
    await drain(next);
    // An update straight away (a log that forgot would try a create first and be told "đã tồn tại"),
    // then only the new history entry.
    expect(sim.calls.slice(before).map((c) => [c.service, c.isUpdating, c.status])).toEqual([
      ['DongBoHoSoMC', 'True', 200],
      ['CapNhatTienDoHoSoMC', undefined, 200],
    ]);
    expect(sim.creates.get(code)).toBe(1);
    expect(sim.duplicates()).toBe(0);
    expect(sim.steps.get(code)).toHaveLength(4);
    expect(sim.stepResends).toBe(0);
    expect((await next.syncLog.row(code))?.ackVersion).toBe(4);
    expect((await next.syncLog.steps(code)).map((s) => s.status)).toEqual([
      'synced',
      'synced',
      'synced',
      'synced',
    ]);
  });

  it('keeps each dossier in order with two engines delivering at once on one SQLite file', async () => {
    const { file, sim } = await setup();
    const a = await open(file, sim, '2026-03-02T09:30:00+07:00', 'wa');
    const b = await open(file, sim, '2026-03-02T09:30:00+07:00', 'wb');
    const same = () => b.clock.set(a.clock.now().toISOString());
    // Engine a takes the first dossier's receipt and is slow at the portal.
    sim.fault({ kind: 'held' }, { service: 'DongBoHoSoMC' });
    const first = await a.engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    const slow = a.engine.deliverOutbox();
    while (sim.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // Meanwhile the first dossier moves on and two more arrive; engine b delivers what it can
    // claim: the first dossier's later items wait for the held create, the others go through.
    a.clock.advance({ seconds: 10 }); // within a's lease (60 s)
    same();
    await b.engine.send(first.code, { type: 'HAND_OVER', actor: sampleActors.desk });
    const codes = [first.code];
    for (let i = 0; i < 2; i++) {
      const d = await b.engine.receive({
        procedure: '1.004194',
        channel: 'in-person',
        actor: sampleActors.desk,
        ...sampleReceipt,
      });
      await b.engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
      codes.push(d.code);
    }
    const during = await b.engine.deliverOutbox();
    expect(during).toEqual({ delivered: 4, failed: 1, dead: 0 }); // the first dossier's hand-over waits
    expect(sim.creates.get(first.code)).toBe(1); // applied, its answer held
    sim.release();
    expect(await slow).toEqual({ delivered: 1, failed: 0, dead: 0 });
    for (let round = 0; round < 10; round++) {
      a.clock.advance({ minutes: 1 });
      same();
      await Promise.all([b.engine.deliverOutbox(), a.engine.deliverOutbox()]);
      if ((await a.store.outbox({ status: 'pending' })).length === 0) break;
    }
    expect(await a.store.outbox({ status: 'pending' })).toEqual([]);
    expect(await a.engine.deadLetters()).toEqual([]);
    for (const code of codes) {
      expect(sim.creates.get(code)).toBe(1);
      expect((await a.syncLog.row(code))?.ackVersion).toBe(2);
      expect(sim.steps.get(code)).toHaveLength(2);
    }
    expect(sim.steps.get(first.code)?.map((s) => s.NoiDungXuLy)).toEqual([
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý: Cán bộ đăng ký cư trú',
    ]);
    expect(sim.duplicates()).toBe(0);
    expect(sim.stepsOutOfOrder).toBe(0);
  });

  // Starting a Node process with tsx takes seconds on a busy machine: a safety net, not a measure.
  it('sends nothing twice after a process died between the portal’s answer and the outbox settlement', {
    tags: ['slow'],
    timeout: 120_000,
  }, async () => {
    const { file, sim } = await setup();
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', worker], {
      cwd: root,
      env: {
        ...process.env,
        MOTCUA_DVCQG_DB: file,
        MOTCUA_DVCQG_URL: sim.url,
        MOTCUA_DVCQG_USER: sim.username,
        MOTCUA_DVCQG_PASSWORD: sim.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const { signal } = await new Promise<{ signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (_, s) => resolve({ signal: s })),
    );
    expect(signal, output).toBe('SIGKILL');
    expect(output).not.toContain('finished');
    const code = output.trim().split('\n')[0]!;
    // The dead process created the record at version 3 and pushed the three history entries in one
    // call (the first item records the later items' entries too), then died before settling.
    expect(sim.creates.get(code)).toBe(1);
    const callsBefore = sim.calls.length;

    // After the dead worker's outbox lease (60 s) ran out.
    const next = await open(file, sim, '2026-03-02T12:02:00+07:00', 'w2');
    expect(await next.syncLog.row(code)).toMatchObject({ ackVersion: 3 });
    expect(await next.store.outbox({ status: 'pending' })).toHaveLength(3);
    await drain(next);
    // No call at all: the log says the portal holds version 3 and every entry.
    expect(sim.calls.slice(callsBefore)).toEqual([]);
    expect(sim.creates.get(code)).toBe(1);
    expect(sim.updates.get(code) ?? 0).toBe(0);
    expect(sim.duplicates()).toBe(0);
    expect(sim.stepResends).toBe(0);
    expect(sim.steps.get(code)?.map((s) => s.NoiDungXuLy)).toEqual([
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý: Cán bộ đăng ký cư trú',
      'Chuyển xử lý: Lãnh đạo Công an xã',
    ]);
    expect(sim.stepsOutOfOrder).toBe(0);
    expect(await next.engine.deadLetters()).toEqual([]);
    expect(await next.syncLog.steps(code, 'pending')).toEqual([]);
  });
});
