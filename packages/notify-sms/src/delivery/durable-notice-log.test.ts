/**
 * A restart between the gateway's acceptance and the outbox settlement: the process dies after
 * the SMS went out; the next process, on the same database file, must not send it again. With the
 * SQLite notice log the row survives the restart; the engine's store is shared the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, type OutboxSettlement } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpProvider } from '../providers/http.js';
import { SqliteNoticeLog } from '../sqlite/sqlite-notice-log.js';
import { startHttpGateway } from '../test-support/http-gateway.js';
import { smsNotices } from './sms-notices.js';

const receipt = {
  procedure: '1.004194',
  channel: 'in-person' as const,
  actor: sampleActors.desk,
  ...sampleReceipt,
};
const numberKey = 'a-secret-of-the-deployment';
const FIXED = { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' };

/** The store as a dead process leaves it: writes from the crashed worker never arrive. */
class CrashingStore extends MemoryStore {
  deadWorker: string | undefined;
  override async settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<void> {
    if (owner === this.deadWorker) throw new Error('process killed');
    await super.settleOutbox(id, owner, settlement);
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a durable notice log across a restart', () => {
  it('does not send again a notice the gateway accepted before the process died', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-sms-restart-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'motcua.db');
    const gateway = await startHttpGateway();
    cleanups.push(() => gateway.close());
    const store = new CrashingStore();

    // Process 1: receives a dossier, sends the receipt SMS, dies before settling the outbox item.
    const log1 = new SqliteNoticeLog(file);
    const plugin1 = smsNotices({
      provider: createHttpProvider({ url: gateway.url }),
      noticeLog: log1,
      numberKey,
      templates: { fixedValues: FIXED },
    });
    const { engine: engine1, clock } = sampleEngine(store, { plugins: [plugin1], workerId: 'w1' });
    await engine1.receive(receipt);
    store.deadWorker = 'w1';
    await expect(engine1.deliverOutbox()).rejects.toThrow('process killed');
    expect(gateway.requests).toHaveLength(1);
    await plugin1.close();
    log1.close();

    // Process 2: a new plugin and log on the same file, after the dead worker's lease ran out.
    const log2 = new SqliteNoticeLog(file);
    cleanups.push(() => log2.close());
    const plugin2 = smsNotices({
      provider: createHttpProvider({ url: gateway.url }),
      noticeLog: log2,
      numberKey,
      templates: { fixedValues: FIXED },
    });
    cleanups.push(() => plugin2.close());
    const { engine: engine2 } = sampleEngine(store, { plugins: [plugin2], workerId: 'w2', clock });
    clock.advance({ minutes: 2 });
    expect(await engine2.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(gateway.requests).toHaveLength(1);
    const [row] = await log2.list();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row!.to).not.toContain('12345678');
  });
});
