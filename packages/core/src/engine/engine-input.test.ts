import { describe, expect, it } from 'vitest';
import { MotcuaError } from '../errors/motcua-error.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

const { desk, police } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

/** The error a call fails with (fails the test when it works). */
async function failure(call: () => Promise<unknown>): Promise<MotcuaError> {
  try {
    await call();
  } catch (e) {
    if (e instanceof MotcuaError) return e;
    throw e;
  }
  throw new Error('expected a MotcuaError, the call worked');
}

describe('engine input: fields named as the caller wrote them', () => {
  it('an unknown procedure names procedure, an unknown version names version', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    expect(await failure(() => engine.receive({ ...receipt, procedure: '9.999999' }))).toMatchObject({
      code: 'UNKNOWN_PROCEDURE',
      field: 'procedure',
    });
    expect(await failure(() => engine.receive({ ...receipt, version: '1999.1' }))).toMatchObject({
      code: 'UNKNOWN_PROCEDURE',
      field: 'version',
    });
    // Before the first version took effect: the procedure has no version in force.
    expect(
      await failure(() => engine.receive({ ...receipt, at: '2024-03-04T09:00:00+07:00' })),
    ).toMatchObject({
      code: 'NO_VERSION_IN_FORCE',
      field: 'procedure',
    });
  });

  it('a bad receipt time names at, a receiving officer outside the desk names actor.unitId', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    expect(await failure(() => engine.receive({ ...receipt, at: 'yesterday' }))).toMatchObject({
      field: 'at',
    });
    expect(await failure(() => engine.receive({ ...receipt, actor: police }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'actor.unitId',
    });
    expect(
      await failure(() => engine.receive({ ...receipt, actor: { officerId: 'x' } as never })),
    ).toMatchObject({
      field: 'actor.unitId',
    });
  });
});

describe('engine input: a receipt is checked once, every bad field listed together', () => {
  it('a bad officer and a bad application come back in one error (the procedure checks both)', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const error = await failure(() =>
      engine.receive({
        ...receipt,
        actor: { officerId: 'x' } as never,
        channel: 'pigeon' as never,
        application: { ...sampleReceipt.application, members: 'three' },
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = (error as unknown as { issues: { field: string }[] }).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['actor.unitId', 'channel', 'application.members']));
  });
});

describe('engine input: instants', () => {
  it('refuses impossible dates and instants without an offset, never rolling them over or reading the server zone', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { start: '2026-02-27T08:00:00+07:00' });
    for (const at of [
      '2026-02-30T10:00:00+07:00',
      '2026-03-02T09:30:00',
      '2026-03-02',
      new Date(Number.NaN),
    ]) {
      expect(await failure(() => engine.receive({ ...receipt, at: at as never }))).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'at',
      });
    }
    const d = await engine.receive(receipt);
    for (const at of ['2026-02-30T10:00:00+07:00', '2026-03-02T09:30:00', 20260302]) {
      expect(
        await failure(() => engine.send(d.code, { type: 'HAND_OVER', actor: desk, at: at as never })),
      ).toMatchObject({
        field: 'event.at',
      });
    }
    expect((await engine.get(d.code)).version).toBe(1);
    // With an offset, or Z, or a Date: the same instant.
    const moved = await engine.send(d.code, {
      type: 'HAND_OVER',
      actor: desk,
      at: '2026-02-27T09:30:00+07:00',
    });
    expect(moved.context.updatedAt).toBe('2026-02-27T02:30:00.000Z');
  });

  it('refuses instants outside the calendar’s years before they touch it, and goes on working', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { start: '2026-03-02T08:00:00+07:00' });
    for (const at of [
      new Date(8.64e15 - 3_600_000),
      new Date(-8.64e15),
      '+275760-09-13T00:00:00.000Z',
      '1900-01-01T00:00:00Z',
    ]) {
      expect(await failure(() => engine.receive({ ...receipt, at: at as never }))).toMatchObject({
        field: 'at',
      });
    }
    expect((await engine.receive(receipt)).code).toBe('H56-260302-0001');
  });

  it('reads report periods as instants with an offset or as local dates (local midnight), and checks them', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { start: '2026-03-02T08:00:00+07:00' });
    await engine.receive(receipt);
    const byDate = await engine.report({ from: '2026-03-01', to: '2026-04-01' });
    const byInstant = await engine.report({
      from: '2026-03-01T00:00:00+07:00',
      to: '2026-04-01T00:00:00+07:00',
      groupBy: 'none',
    });
    expect(byDate).toEqual(byInstant);
    expect(byDate[0]?.received).toBe(1);
    expect(await failure(() => engine.report({ from: '2026-02-30', to: '2026-04-01' }))).toMatchObject({
      field: 'query.from',
    });
    expect(await failure(() => engine.report({ from: '2026-04-01', to: '2026-03-01' }))).toMatchObject({
      field: 'query.to',
    });
    expect(
      await failure(() => engine.unitReport({ from: '2026-03-01T00:00:00', to: '2026-04-01' })),
    ).toMatchObject({
      field: 'query.from',
    });
    // Late entries: a period of whole hours (a local date is its local midnight), a threshold of a minute or more.
    expect(await engine.lateEntries({ from: '2026-03-01', to: '2026-04-01', thresholdMs: 60_000 })).toEqual(
      await engine.lateEntries({
        from: '2026-02-28T17:00:00Z',
        to: '2026-03-31T17:00:00Z',
        thresholdMs: 60_000,
      }),
    );
    for (const [query, field] of [
      [{ from: '2026-03-01T00:30:00+07:00', to: '2026-04-01', thresholdMs: 60_000 }, 'query.from'],
      [{ from: '2026-03-01', to: '2026-03-01', thresholdMs: 60_000 }, 'query.to'],
      [{ from: '2026-03-01', to: '2026-04-01', thresholdMs: 59_999 }, 'query.thresholdMs'],
      [{ from: '2026-03-01', to: '2026-04-01', thresholdMs: 1.5 * 60_000 + 0.5 }, 'query.thresholdMs'],
      [{ from: '2026-03-01', to: '2026-04-01' }, 'query.thresholdMs'],
      [{ from: '2026-03-01', to: '2026-04-01', thresholdMs: 60_000, unit: 'desk' }, 'query'],
    ] as const) {
      expect(await failure(() => engine.lateEntries(query as never))).toMatchObject({ field });
    }
    expect(await failure(() => engine.list({ dueBefore: '2026-02-30T00:00:00Z' }))).toMatchObject({
      field: 'query.dueBefore',
    });
  });
});

describe('engine input: wrong types and rejected calls', () => {
  it('answers wrong-typed arguments with typed errors', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await engine.receive(receipt);
    expect(await failure(() => engine.send(d.code, null as never))).toMatchObject({ field: 'event' });
    expect(
      await failure(() => engine.send(d.code, { type: 'HAND_OVER', actor: desk }, 'k' as never)),
    ).toMatchObject({
      field: 'options',
    });
    expect(await failure(() => engine.send(42 as never, { type: 'HAND_OVER', actor: desk }))).toMatchObject({
      field: 'code',
    });
    expect(await failure(() => engine.list('all' as never))).toMatchObject({ field: 'query' });
    expect(await failure(() => engine.runDueTimers('now' as never))).toMatchObject({ field: 'now' });
  });

  it('takes no sequence number for a receipt it refuses (a bad agency, a huge text)', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store, { start: '2026-03-03T08:00:00+07:00' });
    const before = JSON.stringify(store, (_k, v) => (v instanceof Map ? [...v] : v));
    for (const agency of [5, 'x'.repeat(1_000_000), 'H56/../x', '']) {
      expect(await failure(() => engine.receive({ ...receipt, agency: agency as never }))).toMatchObject({
        field: 'agency',
      });
    }
    expect(JSON.stringify(store, (_k, v) => (v instanceof Map ? [...v] : v))).toBe(before);
    expect((await engine.receive(receipt)).code).toBe('H56-260303-0001');
  });

  it('caps and sanitises what an error carries', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const huge = `H56-260302-${'9'.repeat(2_000_000)}`;
    const e = await failure(() => engine.get(huge));
    expect(e.message.length).toBeLessThanOrEqual(500);
    expect(JSON.stringify(e.value ?? null).length).toBeLessThanOrEqual(100);
    const nul = await failure(() =>
      engine.receive({ ...receipt, procedure: `1.0\u0000${'x'.repeat(5000)}` }),
    );
    expect(nul.message).not.toContain('\u0000');
    expect(nul.message.length).toBeLessThanOrEqual(500);
  });
});

describe('engine input: late entry (the backdating window)', () => {
  it('refuses a receipt, an event or a rating entered later than the window allows; within it, takes them', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore(), {
      start: '2026-03-03T15:00:00+07:00',
      backdating: { maxMs: 4 * 3_600_000 },
    });
    // Received yesterday afternoon, entered today: refused, nothing stored.
    expect(
      await failure(() => engine.receive({ ...receipt, at: '2026-03-02T16:00:00+07:00' })),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'at' });
    expect(await engine.list({})).toHaveLength(0);
    const d = await engine.receive({ ...receipt, at: '2026-03-03T11:30:00+07:00' });
    expect(d.context.receivedAt).toBe('2026-03-03T04:30:00.000Z');
    expect(
      await failure(() =>
        engine.send(d.code, { type: 'HAND_OVER', actor: desk, at: '2026-03-03T10:59:00+07:00' }),
      ),
    ).toMatchObject({ field: 'event.at' });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk, at: '2026-03-03T12:00:00+07:00' });
    expect((await engine.get(d.code)).version).toBe(2);
    // Timers are the engine's own: never refused, however late they fire.
    clock.advance({ days: 20 });
    await engine.runDueTimers();
    expect((await engine.get(d.code)).context.overdue).not.toBeNull();
  });

  it('refuses a window outside 1 minute to 366 days', () => {
    for (const maxMs of [0, 59_999, 367 * 86_400_000, 1.5]) {
      expect(() => sampleEngine(new MemoryStore(), { backdating: { maxMs } })).toThrow(/backdating/);
    }
  });
});
