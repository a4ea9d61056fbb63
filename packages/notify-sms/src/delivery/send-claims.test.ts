/**
 * The claims of the `sms` plugin when sends are slow: a claim is timed when it is written (not
 * when the delivery pass began), and an attempt's outcome or a receipt is written only over the
 * row its writer last saw, so two workers never both send a notice while the first is within its
 * claim, and a worker whose claim was taken over never resets the newer row.
 */
import { MemoryStore, type OutboxItem, SimulatedClock } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describe, expect, it } from 'vitest';
import type { SendResult, SmsProvider } from '../providers/provider.js';
import { SmsProviderError } from '../providers/provider.js';
import { waitFor } from '../test-support/wait.js';
import { MemoryNoticeLog } from './memory-notice-log.js';
import type { NoticeLog } from './notice-log.js';
import { type SmsLogEntry, type SmsNoticePayload, smsNotices } from './sms-notices.js';

const START = '2026-03-02T09:00:00+07:00';
const DAY = { from: new Date('2026-03-01T17:00:00.000Z'), to: new Date('2026-03-02T17:00:00.000Z') };

function notice(id = 'H56-260302-0001:1:sms.notice:receipt', segments = 1): OutboxItem {
  const payload: SmsNoticePayload = {
    notice: 'receipt',
    code: 'H56-260302-0001',
    to: '+84912345678',
    text: segments === 1 ? 'Ho so da duoc tiep nhan.' : `${'Ho so da duoc tiep nhan. '.repeat(8)}`,
    encoding: 'GSM-7',
    segments,
  };
  return {
    id,
    code: payload.code,
    type: 'sms.notice',
    payload,
    createdAt: new Date(START).toISOString(),
    notBefore: new Date(START).toISOString(),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(START).toISOString(),
    lastError: null,
    leaseOwner: null,
    leaseUntil: null,
  };
}

/** A provider whose sends wait until released, then answer as told. */
function heldProvider(name = 'gw') {
  const sends: string[] = [];
  const waiting: ((answer: SendResult | Error) => void)[] = [];
  const provider: SmsProvider = {
    name,
    send(message) {
      sends.push(message.id);
      return new Promise<SendResult>((resolve, reject) => {
        waiting.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
      });
    },
  };
  return {
    provider,
    sends,
    /** Answers the oldest waiting send. */
    answer(answer: SendResult | Error) {
      waiting.shift()!(answer);
    },
  };
}

/** A provider that accepts at once with ids `<prefix>-<n>` (one per segment). */
function quickProvider(prefix: string, name = 'gw') {
  const sends: string[] = [];
  const provider: SmsProvider = {
    name,
    async send(message) {
      sends.push(message.id);
      const ids = Array.from({ length: message.segments }, (_, i) => `${prefix}-${i + 1}`);
      return { providerMessageId: ids[0]!, partMessageIds: ids };
    },
  };
  return { provider, sends };
}

/** A worker: the plugin on a shared log and clock, with its log lines. */
function worker(provider: SmsProvider, noticeLog: NoticeLog, clock: SimulatedClock) {
  const logs: SmsLogEntry[] = [];
  const plugin = smsNotices({
    provider,
    noticeLog,
    clock,
    numberKey: 'a-secret-of-the-deployment',
    quietHours: false,
    log: (entry) => logs.push(entry),
  });
  return { plugin, logs };
}

describe('send claims when sends are slow', () => {
  it('times a claim when it is written: a second worker does not send while the first is within its claim, however long its pass has run', async () => {
    const clock = new SimulatedClock(START);
    const noticeLog = new MemoryNoticeLog();
    const slow = heldProvider();
    const quick = quickProvider('B');
    const a = worker(slow.provider, noticeLog, clock);
    const b = worker(quick.provider, noticeLog, clock);
    const item = notice();
    // Worker A's delivery pass began 6 minutes ago (its earlier items took that long).
    const passStart = clock.now();
    clock.advance({ minutes: 6 });
    const sendingA = a.plugin.deliver(item, { now: passStart, attempt: 1 });
    await waitFor(() => slow.sends.length === 1, 'worker A to reach the gateway');
    const claimedAt = clock.now();
    // A's outbox lease ran out; worker B takes the item over in a pass of its own.
    clock.advance({ seconds: 30 });
    const tookOver = await b.plugin.deliver(item, { now: clock.now(), attempt: 2 }).catch((e: unknown) => e);
    expect(quick.sends).toEqual([]);
    const claimedUntil = new Date(claimedAt.getTime() + 300_000);
    expect((await noticeLog.get(item.id))?.claimedUntil).toBe(claimedUntil.toISOString());
    expect(tookOver).toMatchObject({ code: 'DELIVERY_DEFERRED', reason: 'in-flight', until: claimedUntil });
    slow.answer({ providerMessageId: 'A-1' });
    await sendingA;
    expect(await noticeLog.get(item.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerMessageId: 'A-1',
      sentAt: clock.now().toISOString(),
      claimedUntil: null,
    });
  });

  it('gives every notice of an engine pass a claim that runs its full length from the time it was written', async () => {
    const clock = new SimulatedClock('2026-03-02T08:00:00+07:00');
    const noticeLog = new MemoryNoticeLog();
    const seen: { claimedUntil: string | null; at: number }[] = [];
    const provider: SmsProvider = {
      name: 'slow',
      async send(message) {
        seen.push({
          claimedUntil: (await noticeLog.get(message.id))!.claimedUntil,
          at: clock.now().getTime(),
        });
        clock.advance({ seconds: 10 }); // each send takes ten seconds: the round stays within its lease
        return { providerMessageId: `m-${seen.length}` };
      },
    };
    const plugin = smsNotices({
      provider,
      noticeLog,
      clock,
      dailyCap: false,
      templates: { fixedValues: { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' } },
    });
    const { engine } = sampleEngine(new MemoryStore(), { plugins: [plugin], clock });
    const receipt = {
      procedure: '1.004194',
      channel: 'in-person' as const,
      actor: sampleActors.desk,
      ...sampleReceipt,
    };
    for (let i = 0; i < 5; i++) await engine.receive(receipt);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 5, failed: 0, dead: 0 });
    expect(seen.map((s) => Date.parse(s.claimedUntil!) - s.at)).toEqual([
      300_000, 300_000, 300_000, 300_000, 300_000,
    ]);
    expect((await noticeLog.list()).map((r) => r.sentAt)).toEqual(
      [10, 20, 30, 40, 50].map((t) =>
        new Date(Date.parse('2026-03-02T08:00:00+07:00') + t * 1000).toISOString(),
      ),
    );
  });

  it('never lets an attempt whose claim was taken over reset the accepted, delivered notice: neither its failure nor its late acceptance', async () => {
    for (const late of ['failure', 'acceptance'] as const) {
      const clock = new SimulatedClock(START);
      const noticeLog = new MemoryNoticeLog();
      const slow = heldProvider();
      const quick = quickProvider('B');
      const a = worker(slow.provider, noticeLog, clock);
      const b = worker(quick.provider, noticeLog, clock);
      const item = notice();
      const sendingA = a.plugin.deliver(item, { now: clock.now(), attempt: 1 }).catch((e: unknown) => e);
      await waitFor(() => slow.sends.length === 1, 'worker A to reach the gateway');
      // A's send outlasts its claim (5 minutes): B claims, sends, and the receipt comes.
      clock.advance({ minutes: 6 });
      await b.plugin.deliver(item, { now: clock.now(), attempt: 2 });
      await b.plugin.deliveryReceipt('B-1', 'delivered');
      const delivered = await noticeLog.get(item.id);
      expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, providerMessageId: 'B-1' });
      // Then A's gateway answers.
      clock.advance({ seconds: 10 });
      slow.answer(
        late === 'failure' ? new SmsProviderError(true, 'gateway timeout') : { providerMessageId: 'A-1' },
      );
      const outcome = await sendingA;
      expect(await noticeLog.get(item.id)).toEqual(delivered);
      expect(await noticeLog.countSent(delivered!.numberRef, DAY.from, DAY.to)).toBe(1);
      expect((await noticeLog.findByProviderMessageId('B-1'))?.status).toBe('delivered');
      if (late === 'failure') {
        expect(outcome).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
        expect(a.logs.map((l) => l.message)).toContain(
          'a newer attempt holds this notice: failure not recorded',
        );
        // The engine retries A's item: the notice is accepted, nothing is sent.
        await a.plugin.deliver(item, { now: clock.now(), attempt: 3 });
        expect(slow.sends).toHaveLength(1);
      } else {
        expect(outcome).toBeUndefined();
        expect(a.logs.find((l) => l.level === 'error')?.message).toBe(
          'accepted by the gateway after another worker had sent this notice: sent twice',
        );
      }
    }
  });

  it('records an acceptance that comes after the claim ran out when no other worker took the notice', async () => {
    const clock = new SimulatedClock(START);
    const noticeLog = new MemoryNoticeLog();
    const slow = heldProvider();
    const a = worker(slow.provider, noticeLog, clock);
    const item = notice();
    const sendingA = a.plugin.deliver(item, { now: clock.now(), attempt: 1 });
    await waitFor(() => slow.sends.length === 1, 'worker A to reach the gateway');
    clock.advance({ minutes: 7 });
    slow.answer({ providerMessageId: 'A-1' });
    await sendingA;
    expect(await noticeLog.get(item.id)).toMatchObject({ status: 'sent', attempts: 1, claimedUntil: null });
  });

  it('records both receipts of a two-part notice that two workers apply at once', async () => {
    const clock = new SimulatedClock(START);
    const noticeLog = new MemoryNoticeLog();
    const quick = quickProvider('m');
    const a = worker(quick.provider, noticeLog, clock);
    const b = worker(quickProvider('unused').provider, noticeLog, clock);
    const item = notice(undefined, 2);
    await a.plugin.deliver(item, { now: clock.now(), attempt: 1 });
    await Promise.all([
      a.plugin.deliveryReceipt('m-1', 'delivered'),
      b.plugin.deliveryReceipt('m-2', 'delivered'),
    ]);
    expect(await noticeLog.get(item.id)).toMatchObject({
      status: 'delivered',
      parts: [
        { messageId: 'm-1', receipt: 'delivered' },
        { messageId: 'm-2', receipt: 'delivered' },
      ],
    });
  });
});
