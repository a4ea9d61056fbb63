import { describe, expect, it } from 'vitest';
import { defineProcedure } from '../procedure/define-procedure.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';

const { desk, police } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };
const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The sample procedure with a supplementation response limit of 2 working days. */
const withResponseLimit = defineProcedure(
  {
    ...sampleResidenceDefinition,
    supplementation: { clock: 'restart', maxRequests: 1, responseLimit: { workingDays: 2 } },
  },
  { calendar: testCalendar() },
);

describe('timers at their boundary instant', () => {
  it('does not consume a due timer polled at exactly its instant; the next millisecond marks the dossier overdue', async () => {
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store);
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    const due = d.context.due.legal;
    // The due instant itself is still in time (a result returned at 17:00 on the due day is on time).
    clock.set(due);
    await engine.runDueTimers();
    const atDue = await engine.get(d.code);
    expect(atDue.context.overdue).toBeNull();
    expect(atDue.timers.map((t) => t.kind)).toContain('dossier-due');
    expect(atDue.journal.map((j) => j.type)).not.toContain('TIMER:dossier-due');
    clock.set(plusMs(due, 1));
    await engine.runDueTimers();
    const after = await engine.get(d.code);
    expect(after.context.overdue).toEqual({ at: due, unit: 'police' });
    expect(after.journal.filter((j) => j.type === 'MARK_OVERDUE')).toHaveLength(1);
    expect(after.timers.map((t) => t.kind)).not.toContain('dossier-due');
  });

  it('expires a supplementation whose response limit is polled at exactly its instant, one millisecond later', async () => {
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store, { procedures: [withResponseLimit] });
    const d = await engine.receive(receipt);
    const asked = await engine.send(d.code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: desk,
      reason: 'Thiếu giấy tờ chứng minh chỗ ở',
      items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp' }],
    });
    const respondBy = asked.context.supplements[0]?.respondBy as string;
    expect(respondBy).toBeTruthy();
    clock.set(respondBy);
    await engine.runDueTimers();
    expect((await engine.get(d.code)).state).toBe('supplementing');
    expect((await engine.get(d.code)).timers.map((t) => t.kind)).toEqual(['supplement-expiry']);
    clock.set(plusMs(respondBy, 1));
    await engine.runDueTimers();
    const after = await engine.get(d.code);
    expect(after.state).toBe('expired');
    expect(after.journal.at(-1)?.type).toBe('EXPIRE');
  });
});

describe('warnings with several engines', () => {
  it('applies every due warning exactly once, also when another engine marks the dossier overdue first', async () => {
    const store = new MemoryStore();
    const { engine: a, clock } = sampleEngine(store, { workerId: 'a' });
    const { engine: b } = sampleEngine(store, { workerId: 'b', clock });
    const codes: string[] = [];
    // Received over six weeks, so that one dossier's due time comes before another's warning.
    for (let day = 0; day < 30; day++) {
      for (let i = 0; i < 4; i++) codes.push((await a.receive(receipt)).code);
      clock.advance({ days: 1 });
    }
    // Both engines were down past every warning and due time; they come back together.
    clock.set('2026-05-20T09:00:00+07:00');
    const [ra, rb] = await Promise.all([a.runDueTimers(), b.runDueTimers()]);
    expect(ra.fired + rb.fired).toBeGreaterThanOrEqual(240);
    for (const code of codes) {
      const { journal, context, timers } = await a.get(code);
      expect(journal.filter((j) => j.type === 'TIMER:dossier-warning')).toHaveLength(1);
      expect(journal.filter((j) => j.type === 'MARK_OVERDUE')).toHaveLength(1);
      expect(context.overdue).not.toBeNull();
      expect(timers.filter((t) => t.kind !== 'step-due')).toEqual([]);
    }
    expect((await a.runDueTimers()).fired + (await b.runDueTimers()).fired).toBe(0);
    void police;
  });
});

describe('leases in long rounds', () => {
  it('delivers no outbox item twice when a round outlasts its first lease and another engine starts a round', async () => {
    const store = new MemoryStore();
    const deliveries = new Map<string, number>();
    let total = 0;
    let second: Promise<unknown> | undefined;
    let startSecond: (() => Promise<unknown>) | undefined;
    let clock: { advance(ms: number): void } | undefined;
    const plugin = {
      name: 'slow',
      onTransition: (t: { type: string; after: { code: string } }) =>
        t.type === 'RECEIVE' ? [{ type: 'notice', payload: { code: t.after.code } }] : undefined,
      async deliver(item: { id: string }) {
        deliveries.set(item.id, (deliveries.get(item.id) ?? 0) + 1);
        // A slow gateway: each delivery takes a second of the (simulated) clock.
        clock?.advance(1000);
        if (++total === 150) second = startSecond?.();
        await new Promise((r) => setImmediate(r));
      },
    };
    const a = sampleEngine(store, { workerId: 'a', plugins: [plugin], leaseMs: 60_000 });
    const b = sampleEngine(store, { workerId: 'b', plugins: [plugin], clock: a.clock, leaseMs: 60_000 });
    clock = a.clock;
    startSecond = () => b.engine.deliverOutbox();
    for (let i = 0; i < 300; i++) await a.engine.receive(receipt);
    // Engine a's round runs for minutes; engine b starts its own round in the middle of it.
    for (let round = 0; round < 20 && deliveries.size < 300; round++) {
      await a.engine.deliverOutbox();
      await second;
      a.clock.advance(61_000);
    }
    expect(deliveries.size).toBe(300);
    expect([...deliveries.values()].filter((n) => n > 1)).toEqual([]);
  });
});
