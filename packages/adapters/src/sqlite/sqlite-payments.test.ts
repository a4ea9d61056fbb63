/**
 * Fees and payments on the SQLite store (a file): the payments kept in the dossier's context come
 * back whole from a fresh store on the same file; a bad payment event stores nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MotcuaError } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-sqlite-payments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { desk, police } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

describe('SqliteStore: fees and payments', () => {
  it('keeps the payments, refunds included, and stores nothing for a bad payment event', async () => {
    const file = join(dir, 'payments.db');
    const store = new SqliteStore(file);
    await store.migrate();
    const { engine, clock } = sampleEngine(store, { start: '2026-03-02T09:00:00+07:00' });
    const d = await engine.receive(receipt);
    clock.advance({ hours: 1 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await engine.send(d.code, { type: 'REQUEST_PAYMENT', actor: police, items: [{ feeId: 'fee' }] });
    clock.advance({ hours: 2 });
    await engine.send(d.code, {
      type: 'RECORD_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      channel: 'desk',
    });
    await engine.send(d.code, {
      type: 'REFUND_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      reason: 'Thu nhầm',
      bankAccount: { bank: 'Vietcombank', accountNumber: '0011004455667', holder: 'Phạm Thị Dung' },
    });
    const before = await engine.get(d.code);
    let error: unknown;
    try {
      await engine.send(d.code, {
        type: 'REFUND_PAYMENT',
        actor: desk,
        paymentId: 'payment-1',
        reason: 'Lần hai',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MotcuaError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'event.paymentId' });
    await store.close();

    const reopened = new SqliteStore(file);
    const { engine: again } = sampleEngine(reopened, { start: '2026-03-02T12:00:00+07:00' });
    const after = await again.get(d.code);
    expect(after.version).toBe(before.version);
    expect(after.journal).toEqual(before.journal);
    expect(after.context.payments).toEqual(before.context.payments);
    expect(after.context.payments?.[0]).toMatchObject({
      status: 'refunded',
      refund: { amountVnd: 20_000, bankAccount: { accountNumber: '0011004455667' } },
    });
    expect(after.state).toBe('processing.appraise');
    // The journal keeps the refund with its bank account masked.
    const journalled = JSON.stringify(after.journal);
    expect(journalled).toContain('REFUND_PAYMENT');
    expect(journalled).not.toContain('0011004455667');
    expect(journalled).not.toContain('Phạm Thị Dung');
    await reopened.close();
  });

  it('records a refund after the dossier is refused (closed and archived)', async () => {
    const store = new SqliteStore(join(dir, 'refund-after-refusal.db'));
    await store.migrate();
    const { engine, clock } = sampleEngine(store, { start: '2026-03-02T09:00:00+07:00' });
    const d = await engine.receive(receipt);
    await engine.send(d.code, {
      type: 'RECORD_PAYMENT',
      actor: desk,
      items: [{ feeId: 'fee' }],
      channel: 'desk',
    });
    clock.advance({ hours: 1 });
    await engine.send(d.code, { type: 'REFUSE', actor: desk, reasons: ['Không đủ điều kiện'] });
    clock.advance({ days: 2 });
    const refunded = await engine.send(d.code, {
      type: 'REFUND_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      reason: 'Hồ sơ bị từ chối',
    });
    expect(refunded.state).toBe('refused');
    const record = await engine.get(d.code);
    expect(record.context.payments?.[0]).toMatchObject({ status: 'refunded', refund: { amountVnd: 20_000 } });
    expect(record.journal.at(-1)).toMatchObject({
      type: 'REFUND_PAYMENT',
      before: 'refused',
      after: 'refused',
    });
    expect(record.timers).toEqual([]);
    await store.close();
  });
});
