/**
 * The SMPP provider against the project's own SMSC (test-support/smsc.ts: SMPP 3.4 written from
 * the specification on node:net, not the `smpp` package's server), when the SMSC resets the
 * connection (TCP RST) in the middle of a window, answers late, or throttles.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryReceipt, OutgoingSms } from '../providers/provider.js';
import { runEsmeThread } from '../test-support/esme-thread.js';
import { type Smsc, type SmscAction, type SmscOptions, startSmsc } from '../test-support/smsc.js';
import { leakCheck, waitFor } from '../test-support/wait.js';
import { countSegments } from '../text/segments.js';
import { createSmppProvider, type SmppProvider, type SmppProviderOptions } from './smpp-provider.js';

const open: { smscs: Smsc[]; providers: SmppProvider[] } = { smscs: [], providers: [] };
afterEach(async () => {
  await Promise.all(open.providers.splice(0).map((p) => p.close()));
  await Promise.all(open.smscs.splice(0).map((s) => s.close()));
});
const leaks = leakCheck();
beforeAll(() => leaks.baseline());
afterAll(() => leaks.check());

async function smsc(options: SmscOptions = {}): Promise<Smsc> {
  const s = await startSmsc(options);
  open.smscs.push(s);
  return s;
}

function provider(s: Smsc, options: Partial<SmppProviderOptions> = {}) {
  const logs: string[] = [];
  const receipts: DeliveryReceipt[] = [];
  const p = createSmppProvider({
    host: '127.0.0.1',
    port: s.port,
    systemId: 'motcua',
    password: 'secret',
    sourceAddr: 'MOTCUA',
    reconnect: { initialDelayMs: 5, maxDelayMs: 40 },
    log: (entry) => logs.push(`${entry.message}${entry.error ? ` (${entry.error})` : ''}`),
    ...options,
  });
  p.onReceipt((r) => receipts.push(r));
  open.providers.push(p);
  return { p, logs, receipts };
}

function sms(id: string, text: string, to = '+84912345678'): OutgoingSms {
  const count = countSegments(text);
  return { id, to, text, encoding: count.encoding, segments: count.segments };
}

const LONG =
  'UBND phuong Ben Nghe da tiep nhan ho so 000.00.14.H56-260302-0001. Hen tra ket qua: 17 gio 00 phut ' +
  'ngay 11/03/2026. Tra cuu bang ma ho so tai dichvucong.gov.vn. Moi ong/ba mang theo giay hen.';

/** The part ids the SMSC gave each text it took (a text taken twice has two). */
function takenByText(s: Smsc): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const submit of s.submits) {
    if (submit.messageId === null) continue;
    const key = `${submit.destination}/${submit.udh?.index ?? 1}/${submit.text}`;
    out.set(key, [...(out.get(key) ?? []), submit.messageId]);
  }
  return out;
}

describe('SMPP provider: the SMSC resets the connection (RST) mid-window', () => {
  it('reads the answers the SMSC wrote before its reset while the ESME was busy: no acknowledged part is sent again, every receipt finds its id', {
    tags: ['slow'],
    timeout: 60_000,
  }, async () => {
    // starting a worker thread with tsx on a busy machine: a safety net, not a measure
    const messages = Array.from({ length: 5 }, (_, i) => sms(`m${i}`, `Ho so ${i} da co ket qua.`));
    // Connection 1: part 1 answered at once with a receipt of an earlier message before it;
    // parts 2 and 3 taken and held; parts 4 and 5 neither taken nor answered. Once the ESME
    // answered the earlier receipt (it is now busy), parts 2 and 3 are answered, then RST.
    let s: Smsc | undefined;
    s = await smsc({
      onSubmit: (submit, count): SmscAction => {
        if (submit.connection > 1) return 'ack';
        if (count === 1) {
          s!.sendReceipt('EARLIER', 'DELIVRD');
          return 'ack';
        }
        return count <= 3 ? 'hold' : 'ignore';
      },
      onReceiptAnswered: (id) => {
        if (id === 'EARLIER') s!.answerHeld({ thenReset: true });
      },
    });
    const report = await runEsmeThread({
      port: s.port,
      window: 5,
      messages,
      busyAfterFirstReceiptMs: 300,
      receipts: 6, // EARLIER and one per message
    });

    expect(report.logs.join('\n')).toMatch(/ECONNRESET/); // a reset, not a FIN
    expect(s.counts.resets).toBe(1);
    // Each message taken once: parts 2 and 3 were answered before the reset and not sent again.
    const taken = takenByText(s);
    expect([...taken.values()].map((ids) => ids.length)).toEqual([1, 1, 1, 1, 1]);
    expect(s.submits.map((x) => [x.connection, x.messageId !== null])).toEqual([
      [1, true],
      [1, true],
      [1, true],
      [1, false],
      [1, false],
      [2, true],
      [2, true],
    ]);
    expect(report.stats.resubmits).toBe(2);
    // The ids the provider returned are the ones the SMSC gave; every receipt matches one of them.
    const ids = report.results.map((r) => (r.ok ? r.ids : []));
    expect(ids.flat().sort()).toEqual(s.taken().sort());
    expect(report.receipts.filter((id) => id !== 'EARLIER' && !ids.flat().includes(id))).toEqual([]);
    expect(s.violations).toEqual([]);
  });

  it('resends only the parts left unanswered when the SMSC answers part of a window and resets', async () => {
    const s = await smsc({
      onSubmit: (submit, count) => (submit.connection === 1 && count === 3 ? 'ack-then-reset' : 'ack'),
    });
    const { p, logs, receipts } = provider(s, { window: 5 });
    const messages = [
      sms('long', LONG),
      sms('a', 'Ho so A da co ket qua.'),
      sms('b', 'Ho so B can bo sung.'),
    ];
    expect(messages.map((m) => m.segments)).toEqual([2, 1, 1]);
    const results = await Promise.all(messages.map((m) => p.send(m)));
    expect(logs.join('\n')).toMatch(/ECONNRESET/);
    // The SMSC took the long text's parts and `a` on the first connection, `b` on the second.
    expect(s.submits.filter((x) => x.messageId !== null).map((x) => x.connection)).toEqual([1, 1, 1, 2]);
    expect([...takenByText(s).values()].map((ids) => ids.length)).toEqual([1, 1, 1, 1]);
    expect(results.flatMap((r) => r.partMessageIds)).toEqual(s.taken());
    // Receipts of parts answered on the reset connection come again on the next one: all matched.
    await waitFor(() => s.pendingReceipts().length === 0, 'every receipt answered');
    const ids = new Set(s.taken());
    expect(receipts.every((r) => ids.has(r.providerMessageId))).toBe(true);
    expect(new Set(receipts.map((r) => r.providerMessageId))).toEqual(ids);
    expect(s.violations).toEqual([]);
  });

  it('reads an answer that comes while it gives up a connection whose answer was late', async () => {
    let s: Smsc | undefined;
    s = await smsc({
      onSubmit: (submit) => (submit.connection === 1 ? 'hold' : 'ack'),
      // The SMSC answers what it holds when the ESME closes its side, before closing its own.
      onEsmeFinished: () => s!.answerHeld(),
    });
    const { p, logs } = provider(s, { responseTimeoutMs: 50 });
    const result = await p.send(sms('late', 'Ho so da co ket qua.'));
    expect(logs).toContain('dropping the connection: no submit_sm_resp within 50 ms');
    expect(s.submits.map((x) => [x.connection, x.messageId])).toEqual([[1, result.providerMessageId]]);
    await waitFor(() => p.stats().disconnects === 1, 'the given-up connection to close');
    expect(p.stats().resubmits).toBe(0);
  });

  it('sends a part again when the SMSC took it but reset the connection before answering: the one duplicate it cannot rule out', async () => {
    const s = await smsc({
      onSubmit: (submit) => (submit.connection === 1 ? 'accept-then-reset' : 'ack'),
    });
    const { p, receipts } = provider(s);
    const result = await p.send(sms('lost-answer', 'Ho so da co ket qua.'));
    const [first, second] = s.submits;
    expect([first!.messageId !== null, first!.answered, second!.messageId]).toEqual([
      true,
      false,
      result.providerMessageId,
    ]);
    // The handset gets the text twice; the first id's receipt matches nothing the provider returned.
    await waitFor(() => s.pendingReceipts().length === 0, 'both receipts answered');
    expect(receipts.map((r) => r.providerMessageId).sort()).toEqual(
      [first!.messageId, second!.messageId].sort(),
    );
  });

  it('waits out ESME_RTHROTTLED and sends the throttled part again, each part taken once', async () => {
    const s = await smsc({
      onSubmit: (_submit, count) => (count === 2 ? { status: 0x58 } : 'ack'),
    });
    const { p } = provider(s, { throttleDelayMs: 5 });
    const message = sms('throttled', LONG);
    const result = await p.send(message);
    expect(s.submits.map((x) => [x.udh?.index, x.messageId === null])).toEqual([
      [1, false],
      [2, true],
      [2, false],
    ]);
    expect(result.partMessageIds).toEqual(s.taken());
    expect(s.submits.flatMap((x) => (x.messageId === null ? [] : [x.text])).join('')).toBe(message.text);
    expect(s.violations).toEqual([]);
  });
});
