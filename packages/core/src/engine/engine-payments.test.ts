/**
 * Fees and payments through the engine on the memory store: the wait for payments (national status
 * 6) drops the dossier's timers and the payment brings them back moved; bad payment events are a
 * `ValidationError` naming the field, with nothing stored (same version, journal, timers).
 */
import { describe, expect, it } from 'vitest';
import { MotcuaError } from '../errors/motcua-error.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

const { desk, police } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

async function failure(call: () => Promise<unknown>): Promise<MotcuaError> {
  try {
    await call();
  } catch (e) {
    if (e instanceof MotcuaError) return e;
    throw e;
  }
  throw new Error('expected a MotcuaError, the call worked');
}

describe('engine: fees and payments (memory store)', () => {
  it('waits for the payment with no timers, then resumes with the due times moved', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore(), { start: '2026-03-02T09:00:00+07:00' });
    const d = await engine.receive(receipt);
    clock.advance({ hours: 1 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    const before = await engine.get(d.code);
    expect(before.timers.length).toBeGreaterThan(0);
    const waiting = await engine.send(d.code, {
      type: 'REQUEST_PAYMENT',
      actor: police,
      items: [{ feeId: 'fee' }],
    });
    expect(waiting.state).toBe('awaitingPayment');
    expect(waiting.nationalStatus).toEqual({ code: 6, name: 'Yêu cầu thực hiện nghĩa vụ tài chính' });
    expect((await engine.get(d.code)).timers).toEqual([]);
    expect((await engine.lookup(d.code, d.context.secret)).statusCode).toBe('awaiting-payment');
    clock.advance({ days: 1 }); // Tue 03/03 10:00: one working day stopped
    const paid = await engine.send(d.code, {
      type: 'RECORD_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      channel: 'national-portal',
      transactionCode: 'DVCQG-1',
      receipt: { form: '01BLP0-001', series: 'AB-26E', number: '0000001', issuer: 'vnpt' },
    });
    expect(paid.state).toBe('processing.appraise');
    // Legal due Wed 11/03 17:00 moves one working day: Thu 12/03 17:00.
    expect(paid.context.due.legal).toBe('2026-03-12T10:00:00.000Z');
    const after = await engine.get(d.code);
    expect(after.timers.some((t) => t.kind === 'dossier-due' && t.at === '2026-03-12T10:00:00.000Z')).toBe(
      true,
    );
    expect(after.context.payments?.[0]).toMatchObject({
      status: 'paid',
      totalVnd: 20_000,
      transactionCode: 'DVCQG-1',
    });
    expect(after.journal.map((j) => j.type)).toContain('RECORD_PAYMENT');
  });

  it('refuses bad payment events with a ValidationError naming the field, storing nothing', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await engine.receive(receipt);
    const before = await engine.get(d.code);
    const bad: [string, Record<string, unknown>][] = [
      ['event.items[0].feeId', { type: 'REQUEST_PAYMENT', actor: desk, items: [{ feeId: 'unknown' }] }],
      [
        'event.items[0].amountVnd',
        { type: 'REQUEST_PAYMENT', actor: desk, items: [{ feeId: 'fee', amountVnd: 1 }] },
      ],
      ['event.paymentId', { type: 'REFUND_PAYMENT', actor: desk, paymentId: 'payment-1', reason: 'Từ chối' }],
      ['event.paymentId', { type: 'RECORD_PAYMENT', actor: desk, channel: 'desk' }],
    ];
    for (const [field, event] of bad) {
      const error = await failure(() => engine.send(d.code, event as never));
      expect(error, field).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const after = await engine.get(d.code);
    expect(after.version).toBe(before.version);
    expect(after.journal).toEqual(before.journal);
    expect(after.timers).toEqual(before.timers);
    expect(after.context).toEqual(before.context);
  });
});
