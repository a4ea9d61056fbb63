import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store.js';
import type { CommitRequest, DossierStore } from '../store/store-types.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';
import type { EnginePlugin } from './plugin.js';
import { DeferredDeliveryError, PermanentDeliveryError } from './plugin.js';

const { desk, police, leader } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

/** A store whose commits fail on demand: before writing (crash mid-transaction) or after (lost acknowledgement). */
class FlakyStore extends MemoryStore {
  failBefore = 0;
  failAfter = 0;

  override async commit(request: CommitRequest): Promise<void> {
    if (this.failBefore > 0) {
      this.failBefore--;
      throw new Error('connection reset before commit');
    }
    await super.commit(request);
    if (this.failAfter > 0) {
      this.failAfter--;
      throw new Error('connection reset after commit');
    }
  }
}

async function assertConsistent(store: DossierStore, code: string) {
  const stored = await store.load(code);
  const journal = await store.journal(code);
  expect(journal.map((j) => j.seq)).toEqual(Array.from({ length: stored!.version }, (_, i) => i + 1));
  expect(journal.at(-1)?.after).toBe(stored!.summary.state);
  expect(await store.slip(code)).toEqual(stored!.persisted.context.slip);
}

describe('engine under faults', () => {
  it('loses nothing and duplicates nothing when a commit fails mid-transaction', async () => {
    const store = new FlakyStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive(receipt);
    store.failBefore = 1;
    await expect(engine.send(d.code, { type: 'HAND_OVER', actor: desk })).rejects.toThrow('before commit');
    expect((await engine.get(d.code)).version).toBe(1);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await assertConsistent(store, d.code);
    expect((await store.journal(d.code)).map((j) => j.type)).toEqual(['RECEIVE', 'HAND_OVER']);
  });

  it('applies a keyed command once when the acknowledgement of its commit was lost, and answers with its result', async () => {
    const store = new FlakyStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive(receipt);
    store.failAfter = 1;
    const send = () => engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'req-7' });
    // The store failed after committing: the engine finds the key applied and returns its result.
    const first = await send();
    expect(first.version).toBe(2);
    const retried = await send();
    expect(retried).toEqual(first);
    // Without a key the caller sees the failure (and must check before retrying).
    store.failAfter = 1;
    await expect(engine.send(d.code, { type: 'HAND_OVER', actor: police })).rejects.toThrow('after commit');
    await assertConsistent(store, d.code);
    expect((await store.journal(d.code)).filter((j) => j.type === 'HAND_OVER')).toHaveLength(2);
  });

  it('fires each timer exactly once with two engines polling one store', async () => {
    const store = new MemoryStore();
    const { engine: a, clock } = sampleEngine(store, { workerId: 'a' });
    const { engine: b } = sampleEngine(store, { workerId: 'b', clock });
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) codes.push((await a.receive(receipt)).code);
    clock.set('2026-03-20T09:00:00+07:00');
    const [ra, rb] = await Promise.all([a.runDueTimers(), b.runDueTimers()]);
    expect(ra.fired + rb.fired).toBe(20 * 3); // warning, due, and the desk step per dossier
    for (const code of codes) {
      const journal = await store.journal(code);
      expect(journal.filter((j) => j.type === 'MARK_OVERDUE')).toHaveLength(1);
      expect(journal.filter((j) => j.type === 'TIMER:dossier-warning')).toHaveLength(1);
      await assertConsistent(store, code);
    }
    expect((await a.runDueTimers()).fired + (await b.runDueTimers()).fired).toBe(0);
  });

  it('fires a timer left by a worker that died holding its lease, after the lease expires', async () => {
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store, { leaseMs: 60_000 });
    const d = await engine.receive(receipt);
    clock.set('2026-03-20T09:00:00+07:00');
    // A worker claims the timers and dies before committing.
    const now = clock.now().toISOString();
    const claimed = await store.claimTimers({
      due: now,
      now,
      limit: 10,
      owner: 'dead-worker',
      leaseMs: 60_000,
    });
    expect(claimed.length).toBe(3);
    expect((await engine.runDueTimers()).fired).toBe(0);
    clock.advance({ minutes: 2 });
    expect((await engine.runDueTimers()).fired).toBe(3);
    expect((await engine.get(d.code)).context.overdue).not.toBeNull();
  });

  it('fires a timer on the new version when a command lands between its claim and its commit', async () => {
    // A command by another process commits just before the timer's commit: a version conflict.
    class RacedStore extends MemoryStore {
      race: (() => Promise<void>) | undefined;
      override async commit(request: CommitRequest): Promise<void> {
        const race = request.firedTimer?.id.includes(':dossier-due:') ? this.race : undefined;
        if (race) this.race = undefined;
        if (race) await race();
        await super.commit(request);
      }
    }
    const store = new RacedStore();
    const { engine, clock } = sampleEngine(store);
    const { engine: other } = sampleEngine(store, { clock });
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk, at: '2026-03-02T09:00:00+07:00' });
    clock.set('2026-03-20T09:00:00+07:00');
    store.race = async () => {
      await other.send(d.code, { type: 'HAND_OVER', actor: police });
    };
    const result = await engine.runDueTimers();
    expect(result.skipped).toBe(0);
    const record = await engine.get(d.code);
    expect(record.context.overdue).not.toBeNull();
    expect(record.journal.map((j) => j.type).slice(-2)).toEqual(['HAND_OVER', 'MARK_OVERDUE']);
    // Left: the reminder of the step the racing hand-over opened.
    expect(record.timers.map((t) => t.kind)).toEqual(['step-due']);
    await assertConsistent(store, d.code);
    // Nothing is left leased: a second run has nothing to fire.
    expect(await engine.runDueTimers()).toEqual({ fired: 0, skipped: 0 });
  });

  it('sends a one-working-day warning, marks overdue once the due time has passed, and blames the holder', async () => {
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store, { start: '2026-03-02T08:00:00+07:00' });
    const d = await engine.receive(receipt); // due Wed 11/03 17:00
    clock.set('2026-03-02T09:00:00+07:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    clock.set('2026-03-10T16:59:00+07:00');
    await engine.runDueTimers();
    expect((await store.journal(d.code)).map((j) => j.type)).not.toContain('TIMER:dossier-warning');
    clock.set('2026-03-10T17:00:00+07:00');
    await engine.runDueTimers();
    expect((await store.journal(d.code)).map((j) => j.type)).not.toContain('TIMER:dossier-warning');
    clock.set('2026-03-10T17:00:00.001+07:00');
    await engine.runDueTimers();
    expect((await store.journal(d.code)).map((j) => j.type)).toContain('TIMER:dossier-warning');
    clock.set('2026-03-11T17:00:01+07:00');
    await engine.runDueTimers();
    const record = await engine.get(d.code);
    expect(record.context.overdue).toEqual({
      at: new Date('2026-03-11T17:00:00+07:00').toISOString(),
      unit: 'police',
    });
    // The appraisal step (4 working days from 02/03 09:00) went overdue on 06/03: a reminder fired once.
    expect(record.journal.filter((j) => j.type === 'TIMER:step-due')).toHaveLength(1);
    expect(record.timers).toEqual([]);
  });

  it('delivers plugin effects after commit, retries with backoff, dead-letters, and retries dead letters', async () => {
    const attempts: number[] = [];
    let failuresLeft = 2;
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: (t) =>
        t.type === 'RECEIVE' ? [{ type: 'receipt', payload: { code: t.after.code } }] : undefined,
      async deliver(_item, ctx) {
        attempts.push(ctx.attempt);
        if (failuresLeft-- > 0) throw new Error('gateway 503');
      },
    };
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store, {
      plugins: [plugin],
      backoff: { baseDelayMs: 1000, maxAttempts: 3 },
    });
    await engine.receive(receipt);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 1, dead: 0 });
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 0, dead: 0 }); // not yet due
    clock.advance({ seconds: 1 });
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 1, dead: 0 });
    clock.advance({ seconds: 2 });
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(attempts).toEqual([1, 2, 3]);

    // Permanent failures and exhausted retries become visible dead letters that can be retried.
    failuresLeft = 100;
    await engine.receive(receipt);
    for (let i = 0; i < 3; i++) {
      await engine.deliverOutbox();
      clock.advance({ minutes: 1 });
    }
    const dead = await engine.deadLetters();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ status: 'dead', attempts: 3, lastError: 'gateway 503' });
    failuresLeft = 0;
    await engine.retryDeadLetter(dead[0]!.id);
    expect(await engine.deliverOutbox()).toMatchObject({ delivered: 1 });
    expect(await engine.deadLetters()).toEqual([]);
  });

  it('records a delivered effect despite a dropped connection, never queueing it for a second delivery', async () => {
    let deliveries = 0;
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: (t) => (t.type === 'RECEIVE' ? [{ type: 'receipt', payload: {} }] : undefined),
      async deliver() {
        deliveries++;
      },
    };
    /** A store whose first two settlements of a delivered item fail as a lost connection does. */
    class DroppingSettleStore extends MemoryStore {
      drops = 2;
      override async settleOutbox(...args: Parameters<MemoryStore['settleOutbox']>): Promise<void> {
        if (args[2].delivered && this.drops-- > 0) {
          throw Object.assign(new Error('connection lost'), { code: 'STORE_UNAVAILABLE', retryable: true });
        }
        return super.settleOutbox(...args);
      }
    }
    const store = new DroppingSettleStore();
    const { engine, clock } = sampleEngine(store, { plugins: [plugin], backoff: { baseDelayMs: 1000 } });
    await engine.receive(receipt);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    for (let i = 0; i < 5; i++) {
      clock.advance({ minutes: 10 });
      await engine.deliverOutbox();
    }
    expect(deliveries).toBe(1);
    expect(await store.outbox({})).toMatchObject([{ status: 'delivered', attempts: 1 }]);
  });

  it('keeps recording a delivered effect when its lease runs out during a dropped connection, and logs it as a possible second delivery', async () => {
    let deliveries = 0;
    const logs: string[] = [];
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: (t) => (t.type === 'RECEIVE' ? [{ type: 'receipt', payload: {} }] : undefined),
      async deliver() {
        deliveries++;
      },
    };
    let clockRef: { advance(d: { seconds: number }): unknown } | undefined;
    /** The first settlement fails as a lost connection while the lease runs out (a loaded machine). */
    class SlowDropStore extends MemoryStore {
      drops = 1;
      override async settleOutbox(...args: Parameters<MemoryStore['settleOutbox']>): Promise<void> {
        if (args[2].delivered && this.drops-- > 0) {
          clockRef?.advance({ seconds: 61 });
          throw Object.assign(new Error('connection lost'), { code: 'STORE_UNAVAILABLE', retryable: true });
        }
        return super.settleOutbox(...args);
      }
    }
    const store = new SlowDropStore();
    const { engine, clock } = sampleEngine(store, {
      plugins: [plugin],
      log: (e) => logs.push(e.message),
    });
    clockRef = clock;
    await engine.receive(receipt);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
    clock.advance({ minutes: 10 });
    await engine.deliverOutbox();
    expect(deliveries).toBe(1);
    expect(await store.outbox({})).toMatchObject([{ status: 'delivered', attempts: 1 }]);
    // Recorded in the end, after its lease: logged as a possible second delivery (another worker
    // could have claimed it meanwhile), never as a failure.
    expect(logs.filter((m) => m.startsWith('effect'))).toEqual([
      'effect recorded after its lease ran out: another worker may have delivered it again',
    ]);
  });

  it('dead-letters at once on a permanent failure or an effect no plugin delivers', async () => {
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: () => [{ type: 'receipt', payload: 1 }],
      async deliver() {
        throw new PermanentDeliveryError('number is a landline');
      },
    };
    const orphan: EnginePlugin = { name: 'orphan', onTransition: () => [{ type: 'x', payload: 1 }] };
    const { engine } = sampleEngine(new MemoryStore(), { plugins: [plugin, orphan] });
    await engine.receive(receipt);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 0, dead: 2 });
    expect((await engine.deadLetters()).map((d) => d.lastError).sort()).toEqual([
      'no plugin delivers orphan.x',
      'number is a landline',
    ]);
  });

  it('enqueues no effect when the transition does not commit', async () => {
    const store = new FlakyStore();
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: (t) => [{ type: t.type, payload: null }],
      deliver: async () => {},
    };
    const { engine } = sampleEngine(store, { plugins: [plugin] });
    const d = await engine.receive(receipt);
    store.failBefore = 1;
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk }).catch(() => {});
    expect((await store.outbox({})).map((i) => i.type)).toEqual(['notify.RECEIVE']);
  });

  it('runs a plugin command and the background loop', async () => {
    const delivered: string[] = [];
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: (t) => [{ type: 'seen', payload: t.type }],
      deliver: async (item) => {
        delivered.push(String(item.payload));
      },
      commands: { ping: async (args) => ({ pong: args }) },
    };
    const { engine } = sampleEngine(new MemoryStore(), { plugins: [plugin] });
    expect(await engine.command('notify.ping', 1)).toEqual({ pong: 1 });
    await expect(engine.command('notify.nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    engine.start({ intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 60));
    await engine.stop();
    expect(delivered).toEqual(['RECEIVE', 'HAND_OVER']);
    void police;
    void leader;
  });
});

describe('deferred deliveries', () => {
  it('holds an item until the time the plugin asks for, without counting attempts or dead-lettering', async () => {
    let holdUntil: Date | undefined;
    const plugin: EnginePlugin = {
      name: 'notify',
      onTransition: (t) => (t.type === 'RECEIVE' ? [{ type: 'receipt', payload: 1 }] : undefined),
      async deliver(_item, ctx) {
        if (holdUntil && ctx.now < holdUntil) throw new DeferredDeliveryError(holdUntil, 'quiet hours');
      },
    };
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store, { plugins: [plugin], backoff: { maxAttempts: 2 } });
    holdUntil = new Date('2026-03-03T07:00:00+07:00');
    await engine.receive(receipt);
    for (let i = 0; i < 5; i++) await engine.deliverOutbox();
    const [held] = await store.outbox({});
    expect(held).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: holdUntil.toISOString(),
      lastError: 'quiet hours',
    });
    clock.set(holdUntil);
    expect(await engine.deliverOutbox()).toEqual({ delivered: 1, failed: 0, dead: 0 });
  });
});
