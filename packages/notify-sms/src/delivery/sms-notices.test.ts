import {
  type AppliedEvent,
  type EngineLogEntry,
  type EngineOptions,
  MemoryStore,
  type OutboxSettlement,
  SimulatedClock,
  type TransitionInfo,
} from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDevelopmentProvider } from '../providers/development.js';
import { createHttpProvider } from '../providers/http.js';
import type { SmsProvider } from '../providers/provider.js';
import { createSmppProvider } from '../smpp/smpp-provider.js';
import { type HttpGateway, startHttpGateway } from '../test-support/http-gateway.js';
import { type SmppGateway, startSmppGateway } from '../test-support/smpp-gateway.js';
import { startSmsc } from '../test-support/smsc.js';
import { leakCheck, waitFor } from '../test-support/wait.js';
import type { NoticeRecord } from './notice-log.js';
import {
  type SmsLogEntry,
  type SmsNoticePayload,
  type SmsNoticesOptions,
  smsNotices,
} from './sms-notices.js';
import { TokenBucket } from './token-bucket.js';

const { desk, police, leader } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };
const ID_NUMBER = sampleReceipt.applicant.idNumber; // '001190012345'
const FIXED = { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' };

/** A store whose first "delivered" settlement fails after the plugin delivered: the acknowledgement is lost. */
class LostAckStore extends MemoryStore {
  loseAcks = 0;

  override async settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<void> {
    if (settlement.delivered && this.loseAcks > 0) {
      this.loseAcks--;
      throw new Error('connection reset while recording the delivery');
    }
    await super.settleOutbox(id, owner, settlement);
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const leaks = leakCheck();
beforeAll(() => leaks.baseline());
afterAll(() => leaks.check());

async function httpGateway(): Promise<HttpGateway> {
  const g = await startHttpGateway();
  cleanups.push(() => g.close());
  return g;
}

async function smppGateway(): Promise<SmppGateway> {
  const g = await startSmppGateway();
  cleanups.push(() => g.close());
  return g;
}

function setup(
  provider: SmsProvider,
  options: Partial<SmsNoticesOptions> = {},
  engineOptions: Partial<EngineOptions> & { start?: string } = {},
  store = new MemoryStore(),
) {
  const logs: SmsLogEntry[] = [];
  const engineLogs: EngineLogEntry[] = [];
  // The plugin reads the engine's clock (claims are timed when they are written).
  const clock = new SimulatedClock(engineOptions.start ?? '2026-03-02T08:00:00+07:00');
  const plugin = smsNotices({
    provider,
    templates: { fixedValues: FIXED },
    log: (entry) => logs.push(entry),
    clock,
    ...options,
  });
  cleanups.push(() => plugin.close());
  const { engine } = sampleEngine(store, {
    plugins: [plugin],
    log: (entry) => engineLogs.push(entry),
    ...engineOptions,
    clock,
  });
  return { engine, clock, plugin, store, logs, engineLogs };
}

function devProvider() {
  const lines: string[] = [];
  return { provider: createDevelopmentProvider({ write: (line) => lines.push(line) }), lines };
}

function withPhone(phone: string | undefined) {
  const { phone: _, ...applicant } = sampleReceipt.applicant;
  return { ...receipt, applicant: phone === undefined ? applicant : { ...applicant, phone } };
}

async function rowOf(
  plugin: { noticeLog: { get(id: string): Promise<NoticeRecord | undefined> } },
  id: string,
) {
  const row = await plugin.noticeLog.get(id);
  if (!row) throw new Error(`no notice log row ${id}`);
  return row;
}

describe('smsNotices with the engine, end to end', () => {
  it('receipt → sms.notice in the outbox → delivered over SMPP → delivery receipt in the notice log', async () => {
    const g = await smppGateway();
    const provider = createSmppProvider({
      host: '127.0.0.1',
      port: g.port,
      systemId: 'motcua',
      password: 'secret',
      sourceAddr: 'UBND-BENNGHE',
    });
    const { engine, clock, plugin, store } = setup(provider);
    const d = await engine.receive(receipt); // Mon 02/03/2026 08:00, due Wed 11/03 17:00

    const [item, ...rest] = await store.outbox({});
    expect(rest).toEqual([]);
    const text =
      `UBND phuong Ben Nghe da tiep nhan ho so ${d.code}. Hen tra ket qua: 17 gio 00 phut ngay 11/03/2026. ` +
      `Tra cuu tai dichvucong.gov.vn, ma tra cuu ${d.context.secret}.`;
    expect(item).toMatchObject({
      id: `${d.code}:1:sms.notice:receipt`,
      type: 'sms.notice',
      code: d.code,
      notBefore: clock.now().toISOString(),
      payload: { notice: 'receipt', code: d.code, to: '+84912345678', text, encoding: 'GSM-7', segments: 1 },
    });
    expect(Object.keys(item!.payload as object).sort()).toEqual(
      ['code', 'encoding', 'notice', 'segments', 'text', 'to'].sort(),
    );
    expect(JSON.stringify(item)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(item)).not.toContain('Dung');

    clock.advance({ minutes: 1 });
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(g.submits).toHaveLength(1);
    expect(g.submits[0]).toMatchObject({
      destination: '84912345678',
      source: 'UBND-BENNGHE',
      text,
      dataCoding: 0,
    });

    await waitFor(async () => (await rowOf(plugin, item!.id)).status === 'delivered', 'the delivery receipt');
    const row = await rowOf(plugin, item!.id);
    expect(row).toEqual({
      id: item!.id,
      code: d.code,
      notice: 'receipt',
      to: '09******78',
      numberRef: expect.any(String),
      provider: 'smpp',
      providerMessageId: g.submits[0]!.messageId,
      parts: [{ messageId: g.submits[0]!.messageId, receipt: 'delivered' }],
      status: 'delivered',
      createdAt: '2026-03-02T01:01:00.000Z',
      attemptedAt: '2026-03-02T01:01:00.000Z',
      sentAt: '2026-03-02T01:01:00.000Z',
      doneAt: expect.any(String),
      attempts: 1,
      claimedUntil: null,
      error: null,
    });
    expect(JSON.stringify(row)).not.toMatch(/912345678|001190012345/);
    expect(await engine.command('sms.notices', { code: d.code })).toEqual([row]);
  });

  it('sends the supplementation request, the apology with its new date and the early result', async () => {
    const { provider, lines } = devProvider();
    const { engine, clock, store } = setup(provider);
    const d = await engine.receive(receipt);
    clock.set('2026-03-02T09:00:00+07:00');
    await engine.send(d.code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: desk,
      items: [{ name: 'Tờ khai CT01' }],
      reason: 'Thiếu chữ ký',
    });
    clock.set('2026-03-03T09:00:00+07:00');
    await engine.send(d.code, { type: 'SUPPLEMENT_RECEIVED', actor: desk });
    await engine.send(d.code, {
      type: 'APOLOGIZE',
      actor: leader,
      reason: 'Cần xác minh thêm',
      newDue: '2026-03-20T16:30:00+07:00',
    });
    for (const actor of [desk, police, leader, police])
      await engine.send(d.code, { type: 'HAND_OVER', actor });
    expect((await engine.get(d.code)).state).toBe('resultReady');

    const items = await store.outbox({ code: d.code });
    expect(items.map((i) => i.id)).toEqual([
      `${d.code}:1:sms.notice:receipt`,
      `${d.code}:2:sms.notice:supplement-request`,
      `${d.code}:4:sms.notice:apology`,
      `${d.code}:8:sms.notice:result-ready-early`,
    ]);
    const texts = items.map((i) => (i.payload as SmsNoticePayload).text);
    expect(texts[1]).toBe(
      `Ho so ${d.code} can bo sung, hoan thien. Noi dung can bo sung xem tai dichvucong.gov.vn hoac lien he UBND phuong Ben Nghe.`,
    );
    expect(texts[2]).toMatch(/xin loi .* Ngay hen tra moi: 16 gio 30 phut ngay 20\/03\/2026\.$/);
    expect(texts[3]).toMatch(/da co ket qua, som hon ngay hen 16 gio 30 phut ngay 20\/03\/2026\./);
    expect(await engine.deliverOutbox()).toMatchObject({ delivered: 4 });
    expect(lines).toHaveLength(4);
    expect(lines.join('\n')).not.toMatch(/912345678/);
  });

  it('sends result-ready-on-time when the result is ready on the due day', async () => {
    const { provider } = devProvider();
    const { engine, clock, store } = setup(provider);
    const d = await engine.receive(receipt); // due Wed 11/03 17:00
    clock.set('2026-03-11T10:00:00+07:00');
    for (const actor of [desk, police, leader, police])
      await engine.send(d.code, { type: 'HAND_OVER', actor });
    const kinds = (await store.outbox({ code: d.code })).map((i) => (i.payload as SmsNoticePayload).notice);
    expect(kinds).toEqual(['receipt', 'result-ready-on-time']);
  });

  it('uses a procedure template and lets notices be turned off', async () => {
    const { provider } = devProvider();
    const { engine, store, clock } = setup(provider, {
      templates: {
        fixedValues: FIXED,
        procedures: {
          '1.004194': {
            receipt: 'Hồ sơ đăng ký thường trú {dossierCode}: hẹn trả {returnDate}, mã tra cứu {lookupCode}.',
          },
        },
      },
      notices: { 'supplement-request': false },
    });
    const d = await engine.receive(receipt);
    clock.advance({ minutes: 5 });
    await engine.send(d.code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: desk,
      items: [{ name: 'CT01' }],
      reason: 'x',
    });
    const items = await store.outbox({ code: d.code });
    expect(items).toHaveLength(1);
    expect((items[0]!.payload as SmsNoticePayload).text).toBe(
      `Ho so dang ky thuong tru ${d.code}: hen tra 17 gio 00 phut ngay 11/03/2026, ma tra cuu ${d.context.secret}.`,
    );
  });

  it("tells a liaison's applicant of a member agency's supplementation request and of the first apology that moves the date", async () => {
    const { provider } = devProvider();
    const { engine, plugin } = setup(provider);
    const d = await engine.receive(receipt); // a parent's context has the same fields these notices read
    // A member agency's event as it reaches the parent (only the fields these notices read).
    const info = (
      type: 'MEMBER_SUPPLEMENT' | 'MEMBER_APOLOGY',
      before: typeof d.context,
      after: typeof d.context,
    ) =>
      ({
        type,
        event: { type } as AppliedEvent<typeof type>,
        before,
        after,
        beforeState: 'processing',
        afterState: type === 'MEMBER_SUPPLEMENT' ? 'supplementing' : 'processing',
        procedure: engine.procedures.get('1.004194', d.summary.procedureVersion).definition,
        calendar: engine.calendar,
        now: new Date('2026-03-03T09:00:00+07:00'),
      }) as TransitionInfo;
    const kinds = (effects: ReturnType<typeof plugin.onTransition>) =>
      (effects ?? []).map((e) => (e.payload as SmsNoticePayload).notice);
    expect(kinds(plugin.onTransition!(info('MEMBER_SUPPLEMENT', d.context, d.context)))).toEqual([
      'supplement-request',
    ]);
    const apology = {
      at: '2026-03-03T02:00:00.000Z',
      reason: 'Cần xác minh thêm',
      previousDue: d.context.due.current,
      newDue: '2026-03-20T09:30:00.000Z',
      noticeInTime: true,
    };
    const apologised = { ...d.context, apology } as typeof d.context;
    const [effect] = plugin.onTransition!(info('MEMBER_APOLOGY', d.context, apologised)) ?? [];
    expect((effect!.payload as SmsNoticePayload).notice).toBe('apology');
    expect((effect!.payload as SmsNoticePayload).text).toMatch(
      /Ngay hen tra moi: 16 gio 30 phut ngay 20\/03\/2026\.$/,
    );
    // A second member's apology that leaves the parent's apology as it was: no second SMS.
    expect(kinds(plugin.onTransition!(info('MEMBER_APOLOGY', apologised, apologised)))).toEqual([]);
  });

  it('asks for no SMS without a phone or with one that cannot receive SMS, and logs a masked note', async () => {
    const { provider } = devProvider();
    const { engine, store, logs } = setup(provider);
    await engine.receive(withPhone(undefined));
    await engine.receive(withPhone('024 3825 1234'));
    await engine.receive(withPhone('1900 1234'));
    expect(await store.outbox({})).toEqual([]);
    expect(logs.map((l) => [l.level, l.message, l.to, l.error?.split(':')[0]])).toEqual([
      ['info', 'no SMS: the applicant gave no phone number', undefined, undefined],
      ['warn', 'no SMS: the phone number cannot receive SMS', '02*******34', 'applicant.phone'],
      ['warn', 'no SMS: the phone number cannot receive SMS', '19****34', 'applicant.phone'],
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/38251234|3825 1234|19001234/);
  });
});

describe('quiet hours', () => {
  it('holds a receipt taken at 21:30 until 07:00 the next morning', async () => {
    const { provider, lines } = devProvider();
    const { engine, clock, store, plugin } = setup(provider, {}, { start: '2026-03-02T21:30:00+07:00' });
    const d = await engine.receive(receipt);
    const [item] = await store.outbox({});
    expect(item!.notBefore).toBe(new Date('2026-03-03T07:00:00+07:00').toISOString());
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 0, dead: 0 });
    clock.set('2026-03-03T06:59:59+07:00');
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 0, dead: 0 });
    clock.set('2026-03-03T07:00:00+07:00');
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(lines).toHaveLength(1);
    expect((await rowOf(plugin, item!.id)).sentAt).toBe(new Date('2026-03-03T07:00:00+07:00').toISOString());
    expect(d.code).toBe(item!.code);
  });

  it('follows configured quiet hours, or none', async () => {
    const late = { start: '2026-03-02T21:30:00+07:00' };
    const a = setup(devProvider().provider, { quietHours: { start: '22:00', end: '06:30' } }, late);
    await a.engine.receive(receipt);
    expect((await a.store.outbox({}))[0]!.notBefore).toBe(a.clock.now().toISOString());
    const b = setup(devProvider().provider, { quietHours: { start: '21:00', end: '06:30' } }, late);
    await b.engine.receive(receipt);
    expect((await b.store.outbox({}))[0]!.notBefore).toBe(
      new Date('2026-03-03T06:30:00+07:00').toISOString(),
    );
    const c = setup(devProvider().provider, { quietHours: false }, late);
    await c.engine.receive(receipt);
    expect((await c.store.outbox({}))[0]!.notBefore).toBe(c.clock.now().toISOString());
  });

  it('also holds a retry that falls in quiet hours until the morning', async () => {
    const g = await httpGateway();
    const provider = createHttpProvider({ url: g.url, retries: 0 });
    const { engine, clock, plugin, store } = setup(
      provider,
      {},
      {
        start: '2026-03-02T20:50:00+07:00',
        backoff: { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, maxAttempts: 30 },
      },
    );
    await engine.receive(receipt);
    const [item] = await store.outbox({});
    g.next('error-500');
    expect(await engine.deliverOutbox()).toMatchObject({ failed: 1 });
    clock.set('2026-03-02T22:00:00+07:00');
    expect(await engine.deliverOutbox()).toMatchObject({ failed: 1 });
    expect(await rowOf(plugin, item!.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      error: 'receipt to 09******78 held until 2026-03-03 07:00 Asia/Ho_Chi_Minh: quiet hours 21:00–07:00',
    });
    while ((await rowOf(plugin, item!.id)).status !== 'sent') {
      clock.advance({ hours: 1 });
      await engine.deliverOutbox();
    }
    const row = await rowOf(plugin, item!.id);
    expect(Date.parse(row.sentAt!)).toBeGreaterThanOrEqual(Date.parse('2026-03-03T07:00:00+07:00'));
    expect(g.requests).toHaveLength(2);
  });
});

describe('daily cap per number', () => {
  it('holds notices over the cap until the next morning, never drops them, and counts numbers apart', async () => {
    const g = await httpGateway();
    const provider = createHttpProvider({ url: g.url });
    const { engine, clock, plugin, store } = setup(
      provider,
      { dailyCap: 2 },
      {
        start: '2026-03-02T09:00:00+07:00',
        backoff: { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, maxAttempts: 50 },
      },
    );
    for (let i = 0; i < 3; i++) await engine.receive(receipt);
    await engine.receive(withPhone('0987654321'));
    expect(await engine.deliverOutbox()).toEqual({ delivered: 3, failed: 1, dead: 0 });
    const held = (await plugin.noticeLog.list({ status: 'queued' }))[0]!;
    expect(held).toMatchObject({
      to: '09******78',
      attempts: 0,
      sentAt: null,
      error:
        'receipt to 09******78 held until 2026-03-03 07:00 Asia/Ho_Chi_Minh: daily cap of 2 notices to this number reached',
    });
    // Retried through the day and the night, sent the next morning.
    let rounds = 0;
    while ((await rowOf(plugin, held.id)).status !== 'sent') {
      clock.advance({ hours: 1 });
      await engine.deliverOutbox();
      expect(++rounds).toBeLessThan(40);
    }
    const sentAt = new Date((await rowOf(plugin, held.id)).sentAt!);
    expect(sentAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-03T07:00:00+07:00'));
    expect(sentAt.getTime()).toBeLessThan(Date.parse('2026-03-03T09:00:00+07:00'));
    expect(g.handset.size).toBe(4);
    expect((await store.outbox({ status: 'pending' })).length).toBe(0);
  });

  it('holds a capped notice until the next morning without using up its attempts (never dead-lettered by waiting)', async () => {
    const { provider, lines } = devProvider();
    const { engine, clock, plugin } = setup(
      provider,
      { dailyCap: 1 },
      { start: '2026-03-02T09:00:00+07:00', backoff: { baseDelayMs: 60_000, maxAttempts: 2 } },
    );
    await engine.receive(receipt);
    await engine.receive(receipt);
    await engine.deliverOutbox();
    for (let i = 0; i < 5; i++) {
      clock.advance({ minutes: 5 });
      expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 0, dead: 0 });
    }
    expect(await engine.deadLetters()).toEqual([]);
    const [held] = (await engine.store.outbox({ status: 'pending' })).filter((i) => i.type === 'sms.notice');
    expect(held!.attempts).toBe(0);
    expect(held!.lastError).toMatch(/held until 2026-03-03 07:00 .*daily cap of 1/);
    expect(held!.lastError).toContain('09******78');
    expect((await rowOf(plugin, held!.id)).status).toBe('queued');
    clock.set('2026-03-03T07:00:00+07:00');
    expect(await engine.deliverOutbox()).toMatchObject({ delivered: 1 });
    expect(lines).toHaveLength(2);
  });
});

describe('at most once to the citizen', () => {
  it('does not send again when the acknowledgement of the first attempt was lost', async () => {
    const g = await httpGateway();
    const store = new LostAckStore();
    const { engine, clock, plugin } = setup(createHttpProvider({ url: g.url }), {}, {}, store);
    await engine.receive(receipt);
    store.loseAcks = 1;
    // Delivered but not recorded: never counted as a failed delivery (that would queue a second
    // one); the item stays leased and is delivered again once its lease ends (at least once).
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    const [item] = await store.outbox({ status: 'pending' });
    expect(item!.attempts).toBe(0);
    clock.advance({ minutes: 5 });
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(g.requests).toHaveLength(1);
    expect(await rowOf(plugin, item!.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('resends with the same idempotency key when the gateway answer was lost, and the handset gets one', async () => {
    const g = await httpGateway();
    const { engine, clock, plugin, store } = setup(createHttpProvider({ url: g.url, retries: 0 }));
    await engine.receive(receipt);
    const [item] = await store.outbox({});
    g.next('drop-after-accept');
    expect(await engine.deliverOutbox()).toMatchObject({ failed: 1 });
    clock.advance({ minutes: 5 });
    expect(await engine.deliverOutbox()).toMatchObject({ delivered: 1 });
    expect(g.requests.map((r) => r.headers['idempotency-key'])).toEqual([item!.id, item!.id]);
    expect(g.handset.size).toBe(1);
    expect(await rowOf(plugin, item!.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      providerMessageId: 'gw-000001',
    });
  });

  it('dead-letters a notice the gateway refuses for good and records it as failed', async () => {
    const g = await httpGateway();
    const { engine, plugin } = setup(createHttpProvider({ url: g.url }));
    await engine.receive(receipt);
    g.next('error-400');
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 0, dead: 1 });
    const [dead] = await engine.deadLetters();
    expect(dead!.lastError).toBe(
      'receipt to 09******78 via http: gateway refused the message: HTTP 400 Bad Request',
    );
    expect(await rowOf(plugin, dead!.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('rate limit', () => {
  it('spaces sends by the token bucket of the provider', async () => {
    let now = 0;
    const sentAt: number[] = [];
    const provider = createDevelopmentProvider({ write: () => sentAt.push(now) });
    const bucket = new TokenBucket(
      { perSecond: 2, burst: 1 },
      {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
        },
      },
    );
    const { engine } = setup(provider, { rateLimit: bucket });
    for (let i = 0; i < 5; i++) await engine.receive(withPhone(`091234567${i}`));
    expect(await engine.deliverOutbox()).toMatchObject({ delivered: 5 });
    expect(sentAt).toEqual([0, 500, 1000, 1500, 2000]);
    expect(bucket.waitedMs).toBe(2000);
  });

  it('counts segments when told to', async () => {
    let now = 0;
    const bucket = new TokenBucket(
      { perSecond: 10, burst: 10, unit: 'segment' },
      {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
        },
      },
    );
    await bucket.take(10);
    await bucket.take(3);
    expect(now).toBe(300);
  });
});

describe('delivery receipts', () => {
  it('marks a multi-part notice delivered when every part is, failed as soon as one fails', async () => {
    const g = await startSmppGateway({ receiptStat: false });
    cleanups.push(() => g.close());
    const provider = createSmppProvider({
      host: '127.0.0.1',
      port: g.port,
      systemId: 'motcua',
      password: 'secret',
      sourceAddr: 'MOTCUA',
    });
    const { engine, plugin, store } = setup(provider, {
      templates: { fixedValues: FIXED, policy: 'always-with-diacritics', maxSegments: 4 },
    });
    await engine.receive(receipt);
    await engine.receive(receipt);
    await engine.deliverOutbox();
    const [a, b] = await store.outbox({});
    const rowA = await rowOf(plugin, a!.id);
    expect(rowA.parts).toHaveLength(3);
    const [p1, p2, p3] = rowA.parts.map((p) => p.messageId!);
    g.sendReceipt(p1!, 'DELIVRD');
    g.sendReceipt(p2!, 'DELIVRD');
    await waitFor(async () => (await rowOf(plugin, a!.id)).parts[1]!.receipt === 'delivered', 'two receipts');
    expect((await rowOf(plugin, a!.id)).status).toBe('sent');
    g.sendReceipt(p3!, 'DELIVRD');
    await waitFor(async () => (await rowOf(plugin, a!.id)).status === 'delivered', 'the last receipt');

    const rowB = await rowOf(plugin, b!.id);
    expect(
      await engine.command('sms.deliveryReceipt', {
        providerMessageId: rowB.parts[1]!.messageId,
        status: 'UNDELIV',
      }),
    ).toEqual({
      id: b!.id,
      code: rowB.code,
      notice: 'receipt',
      status: 'failed',
    });
    expect((await rowOf(plugin, b!.id)).doneAt).not.toBeNull();
  });

  it('keeps the message ids the SMSC gave when it resets the connection mid-window: every receipt lands on its notice', async () => {
    const smsc = await startSmsc({
      onSubmit: (submit, count) => (submit.connection === 1 && count === 2 ? 'ack-then-reset' : 'ack'),
    });
    cleanups.push(() => smsc.close());
    const provider = createSmppProvider({
      host: '127.0.0.1',
      port: smsc.port,
      systemId: 'motcua',
      password: 'secret',
      sourceAddr: 'MOTCUA',
      reconnect: { initialDelayMs: 5, maxDelayMs: 40 },
    });
    const { engine, plugin } = setup(provider, {
      templates: { fixedValues: FIXED, policy: 'always-with-diacritics', maxSegments: 4 },
    });
    for (let i = 0; i < 3; i++) await engine.receive(withPhone(`091234567${i}`));
    expect(await engine.deliverOutbox()).toEqual({ delivered: 3, failed: 0, dead: 0 });
    expect(smsc.counts.resets).toBe(1);
    await waitFor(
      async () => (await plugin.noticeLog.list({ status: 'delivered' })).length === 3,
      'receipts',
    );
    await waitFor(() => smsc.pendingReceipts().length === 0, 'every receipt answered');
    // Each part taken once; each row holds the ids the SMSC gave its parts, in order.
    const taken = smsc.submits.filter((x) => x.messageId !== null);
    const byPart = new Set(taken.map((x) => `${x.destination}/${x.udh?.index}`));
    expect(byPart.size).toBe(taken.length);
    const byId = new Map(taken.map((x) => [x.messageId!, x]));
    const rows = await plugin.noticeLog.list();
    for (const row of rows) {
      const parts = row.parts.map((part) => byId.get(part.messageId!)!);
      expect(new Set(parts.map((x) => x.destination)).size).toBe(1);
      expect(parts.map((x) => x.udh?.index)).toEqual([1, 2, 3]);
      expect(row.parts.map((part) => part.receipt)).toEqual(['delivered', 'delivered', 'delivered']);
    }
    expect(rows.flatMap((row) => row.parts.map((part) => part.messageId)).sort()).toEqual(
      taken.map((x) => x.messageId).sort(),
    );
  });

  it('keeps a receipt that comes before its notice is recorded, and applies it then', async () => {
    const early: SmsProvider = {
      name: 'early',
      async send(message) {
        await plugin.deliveryReceipt(`e-${message.id}`, 'delivered');
        return { providerMessageId: `e-${message.id}` };
      },
    };
    const { engine, plugin, store } = setup(early);
    await engine.receive(receipt);
    await engine.deliverOutbox();
    const [item] = await store.outbox({});
    expect((await rowOf(plugin, item!.id)).status).toBe('delivered');
    expect(await plugin.deliveryReceipt('unknown-id', 'delivered')).toBeUndefined();
    await expect(
      engine.command('sms.deliveryReceipt', { providerMessageId: 'x', status: 'maybe' }),
    ).rejects.toMatchObject({
      code: 'INVALID_RECEIPT',
    });
  });
});

describe('personal data', () => {
  it('keeps the ID number out of everything and the phone number masked in every log line and error', async () => {
    const g = await httpGateway();
    const { engine, clock, logs, engineLogs, plugin, store } = setup(
      createHttpProvider({ url: g.url, retries: 0 }),
      { dailyCap: 1 },
      { backoff: { baseDelayMs: 1000, maxAttempts: 3 } },
    );
    const d = await engine.receive(receipt);
    await engine.receive(receipt);
    await engine.receive(withPhone('024 3825 1234'));
    g.next('error-500', 'error-400');
    for (let i = 0; i < 4; i++) {
      await engine.deliverOutbox();
      clock.advance({ minutes: 10 });
    }
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    const errors: unknown[] = [];
    await plugin
      .deliver(
        { ...(await store.outbox({}))[0]!, payload: { to: '0912345678', idNumber: ID_NUMBER } },
        {
          now: clock.now(),
          attempt: 1,
        },
      )
      .catch((e: unknown) => errors.push(e));
    const outbox = await store.outbox({});
    const everything = JSON.stringify({
      logs,
      engineLogs,
      errors: errors.map((e) => String(e)),
      lastErrors: outbox.map((i) => i.lastError),
      rows: await plugin.noticeLog.list(),
    });
    expect(logs.length).toBeGreaterThan(3);
    expect(everything).not.toContain(ID_NUMBER);
    expect(everything).not.toMatch(/912345678|38251234/);
    expect(everything).toContain('09******78');
    for (const item of outbox) expect(JSON.stringify(item.payload)).not.toContain(ID_NUMBER);
    expect(String(errors[0])).toMatch(/does not hold an SMS notice/);
  });
});

describe('options', () => {
  it('refuses invalid options with their field', () => {
    const provider = devProvider().provider;
    expect(() => smsNotices({ provider, quietHours: { start: '25:00', end: '07:00' } })).toThrow(
      /quietHours.start: expected a time of day/,
    );
    expect(() => smsNotices({ provider, dailyCap: 0 })).toThrow(/dailyCap/);
    expect(() => smsNotices({ provider, timeZone: 'Mars/Base' })).toThrow(/unknown time zone/);
    expect(() => smsNotices({ provider: {} as SmsProvider })).toThrow(/provider/);
    expect(() => smsNotices({ provider, rateLimit: { perSecond: 0 } })).toThrow(/rateLimit.perSecond/);
  });
});
