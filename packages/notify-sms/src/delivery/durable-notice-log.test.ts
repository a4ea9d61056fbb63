/**
 * At most once to the citizen across processes, with the engine and its notice log in one SQLite
 * file (the adapters' SqliteStore and SqliteNoticeLog), against the loopback HTTP gateway:
 * - a process killed (SIGKILL) after the gateway accepted the SMS but before the outbox item was
 *   settled: the next process sends nothing;
 * - a process killed while the gateway was taking the SMS: the next process waits for the dead
 *   worker's claim to run out before it tries again (with the same idempotency key);
 * - two live processes on the file, the first one slow: the second takes the outbox item over when
 *   the lease runs out, and does not send.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '@motcua/adapters/sqlite';
import { SimulatedClock } from '@motcua/core';
import { sampleEngine } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpProvider } from '../providers/http.js';
import { SqliteNoticeLog } from '../sqlite/sqlite-notice-log.js';
import { type HttpGateway, startHttpGateway } from '../test-support/http-gateway.js';
import { RESTART_NUMBER_KEY, RESTART_TEMPLATES, restartReceipt } from '../test-support/restart-fixtures.js';
import { waitFor } from '../test-support/wait.js';
import { smsNotices } from './sms-notices.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const worker = fileURLToPath(new URL('../test-support/restart-worker.ts', import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sms-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const gateway = await startHttpGateway();
  cleanups.push(() => gateway.close());
  return { file: join(dir, 'motcua.db'), gateway };
}

/** Runs the restart worker in its own Node process (tsx's loader; SIGKILL reaches it). */
function startWorker(file: string, gateway: HttpGateway, crash: 'before-settle' | 'mid-send') {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', worker], {
    cwd: root,
    env: { ...process.env, MOTCUA_SMS_DB: file, MOTCUA_SMS_GATEWAY: gateway.url, MOTCUA_SMS_CRASH: crash },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, exited, output: () => output };
}

/** The next process: a new store, notice log and plugin on the same file, at `at`. */
async function nextProcess(file: string, gateway: HttpGateway, at: string, workerId: string) {
  const store = new SqliteStore(file);
  await store.migrate();
  const noticeLog = new SqliteNoticeLog(file);
  await noticeLog.migrate();
  const clock = new SimulatedClock(at);
  const plugin = smsNotices({
    provider: createHttpProvider({ url: gateway.url, timeoutMs: 60_000, retries: 0 }),
    noticeLog,
    numberKey: RESTART_NUMBER_KEY,
    templates: RESTART_TEMPLATES,
    clock,
  });
  const { engine } = sampleEngine(store, { plugins: [plugin], workerId, clock });
  cleanups.push(async () => {
    await plugin.close();
    noticeLog.close();
    await store.close();
  });
  return { engine, noticeLog, store, clock };
}

// Starting a Node process with tsx takes seconds on a busy machine: a safety net, not a measure.
describe('a durable notice log across processes', { timeout: 120_000, tags: ['slow'] }, () => {
  it('sends nothing again after a process died between the acceptance and the outbox settlement', async () => {
    const { file, gateway } = await setup();
    const first = startWorker(file, gateway, 'before-settle');
    const { signal } = await first.exited;
    expect(signal, first.output()).toBe('SIGKILL');
    expect(first.output()).not.toContain('finished');
    expect(gateway.requests).toHaveLength(1);

    // After the dead worker's outbox lease (60 s) ran out.
    const { engine, noticeLog, store } = await nextProcess(file, gateway, '2026-03-02T08:02:00+07:00', 'w2');
    expect(await store.outbox({ status: 'pending' })).toHaveLength(1);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(gateway.requests).toHaveLength(1);
    expect(await store.outbox({ status: 'pending' })).toHaveLength(0);
    const [row] = await noticeLog.list();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, claimedUntil: null, to: '09******78' });
  });

  it('waits for the claim of a process that died mid-send before trying again', async () => {
    const { file, gateway } = await setup();
    gateway.next('held');
    const first = startWorker(file, gateway, 'mid-send');
    await waitFor(() => gateway.requests.length === 1, 'the first process to reach the gateway', 30_000);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // The outbox lease ran out, the notice's claim (5 minutes) did not: nothing is sent.
    const { engine, noticeLog, clock } = await nextProcess(file, gateway, '2026-03-02T08:02:00+07:00', 'w2');
    await engine.deliverOutbox();
    expect(gateway.requests).toHaveLength(1);
    const [claimed] = await noticeLog.list();
    expect(claimed).toMatchObject({ status: 'queued', attempts: 1 });
    // Once it ran out, the next attempt goes, with the same idempotency key: one SMS on the handset.
    clock.advance({ minutes: 5 });
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests[1]!.headers['idempotency-key']).toBe(
      gateway.requests[0]!.headers['idempotency-key'],
    );
    expect(gateway.handset.size).toBe(1);
    expect((await noticeLog.list())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps a second live process from sending a notice the first one is still sending', async () => {
    const { file, gateway } = await setup();
    gateway.next('held');
    const a = await nextProcess(file, gateway, '2026-03-02T08:00:00+07:00', 'wa');
    const b = await nextProcess(file, gateway, '2026-03-02T08:00:00+07:00', 'wb');
    await a.engine.receive(restartReceipt);
    const slow = a.engine.deliverOutbox();
    await waitFor(() => gateway.requests.length === 1, 'the first process to reach the gateway');
    // A's outbox lease runs out while the gateway holds its request; B takes the item over.
    b.clock.advance({ minutes: 2 });
    await b.engine.deliverOutbox();
    expect(gateway.requests).toHaveLength(1);
    gateway.releaseHeld();
    await slow.catch(() => {}); // A may find its lease taken when it settles
    const [row] = await b.noticeLog.list();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    // B held the item until A's claim would run out (08:05); its next pass after that finds the
    // notice accepted and settles the item without sending.
    b.clock.advance({ minutes: 4 });
    await b.engine.deliverOutbox();
    expect(gateway.requests).toHaveLength(1);
    expect(await b.store.outbox({ status: 'pending' })).toHaveLength(0);
  });
});
