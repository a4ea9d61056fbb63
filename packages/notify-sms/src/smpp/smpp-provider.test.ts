import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryReceipt, OutgoingSms } from '../providers/provider.js';
import { SmsProviderError } from '../providers/provider.js';
import { type SmppGateway, type SmppGatewayOptions, startSmppGateway } from '../test-support/smpp-gateway.js';
import { leakCheck, waitFor } from '../test-support/wait.js';
import { countSegments } from '../text/segments.js';
import { concatReference, encodeGsm7, parseReceiptText } from './smpp-pdus.js';
import {
  createSmppProvider,
  type SmppLogEntry,
  type SmppProvider,
  type SmppProviderOptions,
} from './smpp-provider.js';

const open: { gateways: SmppGateway[]; providers: SmppProvider[] } = { gateways: [], providers: [] };

afterEach(async () => {
  await Promise.all(open.providers.splice(0).map((p) => p.close()));
  await Promise.all(open.gateways.splice(0).map((g) => g.close()));
});
const leaks = leakCheck();
beforeAll(() => leaks.baseline());
afterAll(() => leaks.check());

async function gateway(options: SmppGatewayOptions = {}) {
  const g = await startSmppGateway(options);
  open.gateways.push(g);
  return g;
}

function provider(g: SmppGateway, options: Partial<SmppProviderOptions> = {}) {
  const logs: SmppLogEntry[] = [];
  const p = createSmppProvider({
    host: '127.0.0.1',
    port: g.port,
    systemId: 'motcua',
    password: 'secret',
    sourceAddr: 'MOTCUA',
    reconnect: { initialDelayMs: 5, maxDelayMs: 40 },
    log: (entry) => logs.push(entry),
    ...options,
  });
  open.providers.push(p);
  return { p, logs };
}

function sms(id: string, text: string, to = '+84912345678'): OutgoingSms {
  const count = countSegments(text);
  return { id, to, text, encoding: count.encoding, segments: count.segments };
}

const LONG_VI =
  'UBND phường Bến Nghé đã tiếp nhận hồ sơ 000.00.14.H56-260302-0001. Hẹn trả kết quả: 17 giờ 00 phút ' +
  'ngày 11/03/2026. Tra cứu bằng mã hồ sơ tại dichvucong.gov.vn.';

/** The texts the gateway acknowledged, reassembled by (destination, reference). */
function reassembled(g: SmppGateway): string[] {
  const out: string[] = [];
  const groups = new Map<string, string[]>();
  for (const s of g.submits) {
    if (s.messageId === null) continue;
    if (!s.udh) {
      out.push(s.text);
      continue;
    }
    const key = `${s.destination}/${s.udh.reference}`;
    const parts = groups.get(key) ?? Array<string>(s.udh.total).fill('');
    parts[s.udh.index - 1] = s.text;
    groups.set(key, parts);
  }
  for (const parts of groups.values()) out.push(parts.join(''));
  return out;
}

describe('SMPP provider against a real SMPP peer on loopback', () => {
  it('binds as transceiver and submits a GSM-7 message with data_coding 0', async () => {
    const g = await gateway();
    const { p } = provider(g);
    const text = 'Ho so 000.00.14.H56-260302-0001 da co ket qua. Moi ong/ba nhan tai UBND [phuong] {1} €5.';
    const result = await p.send(sms('H56:1:sms.notice:receipt', text));
    expect(result.providerMessageId).toMatch(/^[0-9A-F]{10}$/);
    expect(g.counts.binds).toBe(1);
    expect(g.submits).toHaveLength(1);
    expect(g.submits[0]).toMatchObject({
      destination: '84912345678',
      source: 'MOTCUA',
      dataCoding: 0,
      esmClass: 0,
      registeredDelivery: 1,
      udh: null,
      text,
    });
    expect(g.violations).toEqual([]);
  });

  it('sends a long UCS-2 text as concatenated parts: data_coding 8, UDH, esm_class 0x40, part n of m', async () => {
    const g = await gateway();
    const { p } = provider(g);
    const message = sms('H56:1:sms.notice:receipt', LONG_VI);
    expect(message).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const result = await p.send(message);
    expect(result.partMessageIds).toHaveLength(3);
    expect(g.submits.map((s) => [s.dataCoding, s.esmClass & 0x40, s.udh?.index, s.udh?.total])).toEqual([
      [8, 0x40, 1, 3],
      [8, 0x40, 2, 3],
      [8, 0x40, 3, 3],
    ]);
    expect(new Set(g.submits.map((s) => s.udh?.reference))).toEqual(new Set([concatReference(message.id)]));
    expect(reassembled(g)).toEqual([LONG_VI]);
    expect(g.violations).toEqual([]);
  });

  it('keeps GSM-7 extension characters whole across parts', async () => {
    const g = await gateway();
    const { p } = provider(g);
    const text = `${'a'.repeat(152)}{${'b'.repeat(100)}[]€`;
    expect(countSegments(text).segments).toBe(2);
    await p.send(sms('x:1:sms.notice:apology', text));
    expect(g.submits.map((s) => s.text.length)).toEqual([152, 104]);
    expect(reassembled(g)).toEqual([text]);
    expect(g.violations).toEqual([]);
  });

  it('reads deliver_sm receipts from TLVs or from the receipt text and answers them', async () => {
    for (const mode of ['tlv', 'text'] as const) {
      const g = await gateway({ receiptMode: mode, receiptStat: false });
      const { p } = provider(g);
      const receipts: DeliveryReceipt[] = [];
      p.onReceipt((r) => receipts.push(r));
      const { providerMessageId } = await p.send(sms(`m-${mode}`, 'Ho so da co ket qua.'));
      for (const stat of ['DELIVRD', 'UNDELIV', 'EXPIRED', 'REJECTD', 'ENROUTE']) {
        g.sendReceipt(providerMessageId, stat);
      }
      await waitFor(() => receipts.length === 5 && g.counts.receiptsAnswered === 5, 'receipts');
      expect(receipts.map((r) => [r.providerMessageId, r.status, r.raw])).toEqual([
        [providerMessageId, 'delivered', 'DELIVRD'],
        [providerMessageId, 'failed', 'UNDELIV'],
        [providerMessageId, 'expired', 'EXPIRED'],
        [providerMessageId, 'failed', 'REJECTD'],
        [providerMessageId, 'sent', 'ENROUTE'],
      ]);
    }
  });

  it('classifies SMSC errors: an invalid destination is permanent, throttling is waited out', async () => {
    let n = 0;
    const g = await gateway({
      onSubmit: (rec) => {
        n++;
        if (rec.text.startsWith('bad')) return { status: 0x0b };
        return n === 2 ? { status: 0x58 } : 'ack';
      },
    });
    const { p } = provider(g, { throttleDelayMs: 5 });
    const error = await p.send(sms('bad-1', 'bad number')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER_REJECTED', retryable: false, status: 0x0b });
    expect((error as Error).message).toContain('09******78');
    expect((error as Error).message).not.toMatch(/912345678/);
    await expect(p.send(sms('ok-1', 'throttled once'))).resolves.toMatchObject({
      providerMessageId: expect.any(String),
    });
    expect(g.submits.filter((s) => s.text === 'throttled once').map((s) => s.messageId === null)).toEqual([
      true,
      false,
    ]);
  });

  it('keeps the link alive with enquire_link while bound', async () => {
    const g = await gateway();
    const { p } = provider(g, { enquireLinkMs: 10 });
    p.connect();
    await waitFor(() => g.counts.enquireLinks >= 3, 'three enquire_link');
    expect(p.stats().binds).toBeGreaterThanOrEqual(1);
  });

  it('drops and reopens a link whose enquire_link goes unanswered', async () => {
    const g = await gateway({ answerEnquireLink: false });
    const { p, logs } = provider(g, { enquireLinkMs: 10 });
    p.connect();
    await waitFor(() => g.counts.binds >= 2, 'a second bind');
    expect(p.stats().disconnects).toBeGreaterThanOrEqual(1);
    expect(logs.map((l) => l.message)).toContain('dropping the connection: enquire_link unanswered');
  });

  it('retries the bind with exponential backoff while the credentials are refused', async () => {
    const g = await gateway({ password: 'other' });
    const { p, logs } = provider(g);
    const pending = p.send(sms('m', 'hello')).catch((e: unknown) => e);
    await waitFor(
      () => logs.filter((l) => l.message === 'reconnect scheduled').length >= 4,
      'four reconnects',
    );
    await p.close();
    expect(await pending).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
      acceptedParts: [null],
    });
    expect(g.counts.refusedBinds).toBeGreaterThanOrEqual(4);
    const delays = logs.filter((l) => l.message === 'reconnect scheduled').map((l) => l.delayMs);
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(g.submits).toEqual([]);
  });

  it('fails a message the SMSC does not acknowledge in time as retryable, with the parts acknowledged so far', async () => {
    const g = await gateway({ onSubmit: (rec) => (rec.udh?.index === 2 ? 'ignore' : 'ack') });
    const { p } = provider(g, { sendTimeoutMs: 100, responseTimeoutMs: 60_000 });
    const error = await p.send(sms('slow', LONG_VI)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    const accepted = (error as SmsProviderError).acceptedParts!;
    expect(accepted.map((id) => id !== null)).toEqual([true, false, true]);
    expect((error as Error).message).toMatch(/did not acknowledge 1 of 3 part\(s\) to 09\*{6}78/);
  });

  it('drops a connection whose submit_sm_resp does not come and resends the part on the next one', async () => {
    const g = await gateway({ onSubmit: (_rec, count) => (count === 1 ? 'ignore' : 'ack') });
    const { p } = provider(g, { responseTimeoutMs: 30 });
    const result = await p.send(sms('m', 'hello'));
    expect(result.providerMessageId).toBe(g.submits[1]!.messageId);
    expect(g.submits.map((s) => [s.connection, s.messageId !== null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(p.stats()).toMatchObject({ resubmits: 1, binds: 2, disconnects: 1 });
  });

  it('never sends an acknowledged part again: not on a later send of the same id, not when the log knows it', async () => {
    const g = await gateway();
    const { p } = provider(g);
    const message = sms('H56:1:sms.notice:receipt', LONG_VI);
    const first = await p.send(message);
    const again = await p.send(message);
    expect(again).toEqual(first);
    expect(g.submits).toHaveLength(3);

    // A new process (a new provider) learns from the notice log which parts were acknowledged.
    const { p: fresh } = provider(g);
    const ids = first.partMessageIds!;
    const result = await fresh.send({ ...message, acceptedParts: [ids[0]!, null, ids[2]!] });
    expect(g.submits).toHaveLength(4);
    expect(g.submits[3]!.udh).toMatchObject({ index: 2, total: 3 });
    expect(result.partMessageIds).toEqual([ids[0], g.submits[3]!.messageId, ids[2]]);
  });

  it('survives the server dropping the connection mid-batch: unacknowledged parts resent, none acknowledged twice', async () => {
    const g = await gateway({ onSubmit: (_rec, count) => (count === 7 ? 'drop' : 'ack') });
    const { p } = provider(g, { window: 3 });
    const batch = Array.from({ length: 12 }, (_, i) =>
      sms(
        `batch-${i}`,
        i % 3 === 0 ? LONG_VI : `Ho so ${i} da co ket qua.`,
        `+849123456${String(i).padStart(2, '0')}`,
      ),
    );
    const results = await Promise.all(batch.map((m) => p.send(m)));
    expect(results).toHaveLength(12);
    expect(g.counts.connections).toBe(2);
    // Every part was acknowledged exactly once, and nothing acknowledged came again.
    const key = (s: (typeof g.submits)[number]) => `${s.destination}/${s.udh?.index ?? 0}`;
    const acked = new Map<string, number>();
    for (const s of g.submits) {
      expect(acked.has(key(s))).toBe(false);
      if (s.messageId !== null) acked.set(key(s), (acked.get(key(s)) ?? 0) + 1);
    }
    const totalParts = batch.reduce((n, m) => n + m.segments, 0);
    expect(acked.size).toBe(totalParts);
    expect([...acked.values()].every((n) => n === 1)).toBe(true);
    expect(g.submits.filter((s) => s.messageId === null).length).toBeGreaterThanOrEqual(1);
    expect(reassembled(g).sort()).toEqual(batch.map((m) => m.text).sort());
    expect(g.violations).toEqual([]);
  });

  it('reconnects with exponential backoff while the server is away and finishes the batch when it is back', async () => {
    let down: Promise<void> | undefined;
    const g = await gateway({
      onSubmit: (_rec, count) => {
        if (count === 4) {
          down = g.stop();
          return 'ignore';
        }
        return 'ack';
      },
    });
    const { p, logs } = provider(g, { window: 2, reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    const batch = Array.from({ length: 8 }, (_, i) => sms(`away-${i}`, `Ho so ${i} can bo sung.`));
    const sending = Promise.all(batch.map((m) => p.send(m)));
    await waitFor(() => down !== undefined, 'the server to go away');
    await down;
    await waitFor(
      () => logs.filter((l) => l.message === 'reconnect scheduled').length >= 3,
      'failed reconnect attempts',
    );
    const beforeRestart = g.submits.length;
    await g.restart();
    await sending;
    const delays = logs.filter((l) => l.message === 'reconnect scheduled').map((l) => l.delayMs);
    expect(delays.slice(0, 3)).toEqual([5, 10, 20]);
    expect(beforeRestart).toBe(4);
    const ackedTexts = g.submits.filter((s) => s.messageId !== null).map((s) => s.text);
    expect(ackedTexts.sort()).toEqual(batch.map((m) => m.text).sort());
    expect(p.stats().state).toBe('bound');
  });

  it('fails pending sends as retryable when closed, and sends nothing after', async () => {
    const g = await gateway({ onSubmit: () => 'ignore' });
    const { p } = provider(g);
    const pending = p.send(sms('m', 'hello')).catch((e: unknown) => e);
    await waitFor(() => g.submits.length === 1, 'the submit');
    await p.close();
    expect(await pending).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    await expect(p.send(sms('n', 'x'))).rejects.toMatchObject({ retryable: true });
    expect(p.stats().state).toBe('closed');
  });
});

describe('SMPP PDU helpers', () => {
  it('encodes GSM-7 unpacked with escapes for the extension table', () => {
    expect([...encodeGsm7('@A{€')]).toEqual([0x00, 0x41, 0x1b, 0x28, 0x1b, 0x65]);
    expect(() => encodeGsm7('ă')).toThrow(/GSM-7/);
  });

  it('parses receipt texts and prefers the TLVs', () => {
    const text =
      'id:ABC123 sub:001 dlvrd:000 submit date:2603020900 done date:2603020901 stat:UNDELIV err:012 text:';
    expect(parseReceiptText(text)).toEqual({ id: 'ABC123', stat: 'UNDELIV', status: 'failed', error: '012' });
    expect(parseReceiptText(text, { receiptedMessageId: 'X9', messageState: 2 })).toMatchObject({
      id: 'X9',
      status: 'delivered',
    });
    expect(parseReceiptText('hello')).toBeUndefined();
    expect(parseReceiptText('id:1 stat:WHATEVER')).toBeUndefined();
  });
});
