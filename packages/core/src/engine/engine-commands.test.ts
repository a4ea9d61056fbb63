import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '../errors/dossier-errors.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';
import type { EngineLogEntry } from './engine-types.js';
import type { EngineInspectionEvent } from './inspection.js';

const { desk, police, leader } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

describe('engine commands', () => {
  it('issues lookup secrets of the configured length and names a bad length or limit', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { secretLength: 12 });
    expect((await engine.receive(receipt)).context.secret).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    for (const [options, field] of [
      [{ secretLength: 5 }, 'options.secretLength'],
      [{ secretLength: 33 }, 'options.secretLength'],
      [{ secretLength: 8.5 }, 'options.secretLength'],
      [{ lookupLimit: { maxFailures: 0 } }, 'options.lookupLimit.maxFailures'],
      [{ lookupLimit: { windowMs: 10 } }, 'options.lookupLimit.windowMs'],
      [{ lookupLimit: { perAddress: 3 } }, 'options.lookupLimit'],
    ] as const) {
      let error: unknown;
      try {
        sampleEngine(new MemoryStore(), options as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    }
  });

  it('receives a dossier: code from the daily sequence, secret, due date, Form 01 data', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { start: '2026-02-12T09:00:00+07:00' });
    const a = await engine.receive(receipt);
    const b = await engine.receive(receipt);
    expect(a.code).toBe('H56-260212-0001');
    expect(b.code).toBe('H56-260212-0002');
    expect(a.context.secret).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    // 7 working days from Thu 12/02/2026 across Tết (16–20/02): Mon 02/03 17:00.
    expect(a.context.due.legal).toBe(new Date('2026-03-02T17:00:00+07:00').toISOString());
    expect(a.state).toBe('processing.receive');
    expect(a.version).toBe(1);
  });

  it('rejects an invalid application listing every field, without using a sequence number', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const bad = { ...receipt, application: { address: 'x', members: 0 }, applicant: { fullName: '' } };
    const error = await engine.receive(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).issues.map((i) => i.field).sort();
    expect(fields).toEqual([
      'applicant.fullName',
      'application.address',
      'application.householdHead',
      'application.members',
    ]);
    expect((error as Error).message).not.toContain('Lý Thường Kiệt');
    expect((await engine.receive(receipt)).code).toMatch(/-0001$/);
  });

  it('applies events in order and refuses an actor who does not hold the dossier, changing nothing', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore());
    const d = await engine.receive(receipt);
    clock.advance({ hours: 1 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await expect(engine.send(d.code, { type: 'HAND_OVER', actor: leader })).rejects.toBeInstanceOf(
      PermissionError,
    );
    const record = await engine.get(d.code);
    expect(record.version).toBe(2);
    expect(record.state).toBe('processing.appraise');
    expect(record.journal.map((j) => j.type)).toEqual(['RECEIVE', 'HAND_OVER']);
    expect(record.slip).toHaveLength(1);
  });

  it('answers unknown dossiers with NotFoundError', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    await expect(engine.send('H56-260101-0001', { type: 'HAND_OVER', actor: desk })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(engine.get('H56-260101-0001')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('applies an idempotency key once and returns the first result, also when sent concurrently', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const [r1, r2] = await Promise.all([
      engine.receive({ ...receipt, idempotencyKey: 'desk-1/req-1' }),
      engine.receive({ ...receipt, idempotencyKey: 'desk-1/req-1' }),
    ]);
    expect(r1.code).toBe(r2.code);
    const [s1, s2] = await Promise.all([
      engine.send(r1.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'desk-1/req-2' }),
      engine.send(r1.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'desk-1/req-2' }),
    ]);
    expect(s1.version).toBe(2);
    expect(s2.version).toBe(2);
    expect((await engine.get(r1.code)).journal).toHaveLength(2);
    expect(await engine.list({})).toHaveLength(1);
  });

  it('refuses a command whose expected version is stale', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { expectedVersion: 1 });
    await expect(
      engine.send(d.code, { type: 'HAND_OVER', actor: police }, { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('shows the national status in the views and the public lookup: 2 received, 4 processing, 10 returned', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await engine.receive(receipt);
    expect(d.nationalStatus).toEqual({ code: 2, name: 'Được tiếp nhận' });
    const moved = await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    expect(moved.nationalStatus).toEqual({ code: 4, name: 'Đang xử lý' });
    expect((await engine.get(d.code)).nationalStatus?.code).toBe(4);
    expect((await engine.lookup(d.code, d.context.secret)).nationalStatus).toEqual({
      code: 4,
      name: 'Đang xử lý',
    });
    for (const actor of [police, leader, police]) await engine.send(d.code, { type: 'HAND_OVER', actor });
    expect((await engine.lookup(d.code, d.context.secret)).nationalStatus?.code).toBe(9);
    const returned = await engine.send(d.code, { type: 'RETURN_RESULT', actor: desk });
    expect(returned.nationalStatus).toEqual({ code: 10, name: 'Đã trả kết quả' });
  });

  it('shows the public lookup by code and secret, without personal data', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore());
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    const view = await engine.lookup(d.code, d.context.secret.toLowerCase());
    expect(view).toMatchObject({
      code: d.code,
      statusCode: 'processing',
      currentUnit: 'Cán bộ đăng ký cư trú',
      timeliness: 'WITHIN_TIME',
    });
    const text = JSON.stringify(view);
    for (const secretValue of [
      'Phạm Thị Dung',
      '001190012345',
      '0912345678',
      'Lý Thường Kiệt',
      d.context.secret,
    ]) {
      expect(text).not.toContain(secretValue);
    }
    await expect(engine.lookup(d.code, 'WRONG1')).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
    await expect(engine.lookup('H56-000000-0001', d.context.secret)).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
    });
    clock.set('2026-03-20T09:00:00+07:00');
    expect((await engine.lookup(d.code, d.context.secret)).timeliness).toBe('OVERDUE');
  });

  it('emits XState-shaped inspection events and logs without personal data', async () => {
    const inspected: EngineInspectionEvent[] = [];
    const logs: EngineLogEntry[] = [];
    const { engine } = sampleEngine(new MemoryStore(), {
      inspect: (e) => inspected.push(e),
      log: (e) => logs.push(e),
    });
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await engine.send(d.code, { type: 'HAND_OVER', actor: leader }).catch(() => {});
    expect(inspected.map((e) => e.type)).toEqual([
      '@xstate.actor',
      '@xstate.event',
      '@xstate.snapshot',
      '@xstate.event',
      '@xstate.snapshot',
    ]);
    expect(inspected[4]).toMatchObject({
      rootId: d.code,
      event: { type: 'HAND_OVER' },
      snapshot: { value: { processing: 'appraise' } },
    });
    expect(logs.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(logs);
    for (const personal of ['Phạm Thị Dung', '001190012345', '0912345678', 'Lý Thường Kiệt'])
      expect(text).not.toContain(personal);
  });

  it('lists dossiers due soon for a desk page', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore(), { start: '2026-03-02T08:00:00+07:00' });
    const a = await engine.receive(receipt);
    clock.set('2026-03-06T08:00:00+07:00');
    await engine.receive(receipt);
    const dueSoon = await engine.list({ status: 'active', dueBefore: '2026-03-12T00:00:00+07:00' });
    expect(dueSoon.map((s) => s.code)).toEqual([a.code]);
  });
});
