/**
 * Fees and payments on the PostgreSQL store: the wait for payments, the payment, a refund after
 * the refusal, and a bad payment event that stores nothing; the journal masks the bank account.
 */
import { MotcuaError } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import { afterAll, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';

const { desk, police } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

describePostgres('PostgresStore: fees and payments', () => {
  const pool = testPool({ max: 2 });
  const schema = freshSchema();
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('keeps the payments through the wait, the refusal and the refund; a bad event stores nothing', async () => {
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    const { engine, clock } = sampleEngine(store, { start: '2026-03-02T09:00:00+07:00' });
    const d = await engine.receive(receipt);
    clock.advance({ hours: 1 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    const waiting = await engine.send(d.code, {
      type: 'REQUEST_PAYMENT',
      actor: police,
      items: [{ feeId: 'fee' }],
    });
    expect(waiting.nationalStatus?.code).toBe(6);
    expect((await engine.get(d.code)).timers).toEqual([]);
    clock.advance({ days: 1 });
    const paid = await engine.send(d.code, {
      type: 'RECORD_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      channel: 'provincial-gateway',
    });
    expect(paid.context.due.legal).toBe('2026-03-12T10:00:00.000Z');
    await engine.send(d.code, { type: 'REFUSE', actor: police, reasons: ['Không đủ điều kiện'] });
    const before = await engine.get(d.code);
    let error: unknown;
    try {
      await engine.send(d.code, { type: 'REFUND_PAYMENT', actor: desk, paymentId: 'payment-9', reason: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MotcuaError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'event.paymentId' });
    expect((await engine.get(d.code)).version).toBe(before.version);
    await engine.send(d.code, {
      type: 'REFUND_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      reason: 'Hồ sơ bị từ chối',
      bankAccount: { bank: 'Vietcombank', accountNumber: '0011004455667', holder: 'Phạm Thị Dung' },
    });
    const after = await engine.get(d.code);
    expect(after.state).toBe('refused');
    expect(after.context.payments?.[0]).toMatchObject({
      status: 'refunded',
      refund: { amountVnd: 20_000, bankAccount: { accountNumber: '0011004455667' } },
    });
    expect(JSON.stringify(after.journal)).not.toContain('0011004455667');
    await store.close?.();
  });
});
