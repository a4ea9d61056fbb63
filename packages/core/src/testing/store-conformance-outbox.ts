import { expect, it } from 'vitest';
import type { EnginePlugin } from '../engine/plugin.js';
import type { CommitRequest, DossierStore, JournalEntry, OutboxItem } from '../store/store-types.js';
import { sampleActors, sampleEngine, sampleReceipt } from './fixtures.js';

/**
 * The outbox of closed dossiers, as part of the store conformance suite: a store may keep a closed
 * dossier's delivered items elsewhere than its open ones (SQLite keeps them in the dossier's
 * archive), but lists them as before — by dossier, by status and all together, in the order they
 * were written, items written after them coming after them — and keeps their ids taken.
 * Registered by {@link storeConformanceSuite} inside its `describe`.
 */
export function outboxConformanceTests(current: () => DossierStore): void {
  /** A notice per transition, as the SMS plugin writes them. */
  const notices: EnginePlugin = {
    name: 'sms',
    onTransition: (info) => [
      { type: 'notice', payload: { event: info.type, text: `Hồ sơ ${info.after.code}: ${info.afterState}` } },
    ],
    async deliver() {},
  };

  it('lists a closed dossier’s outbox items as written, delivered before and after it closed, their ids kept', async () => {
    const store = current();
    const { desk } = sampleActors;
    const { engine } = sampleEngine(store, { plugins: [notices] });
    const receive = () =>
      engine.receive({ procedure: '1.004194', channel: 'in-person', actor: desk, ...sampleReceipt });
    const a = await receive();
    const b = await receive();
    // The receipt notices are delivered while the dossiers are open.
    await engine.deliverOutbox();
    await engine.send(a.code, { type: 'HAND_OVER', actor: desk });
    // The withdrawal closes A; its last two notices are delivered after that.
    await engine.send(a.code, { type: 'WITHDRAW', actor: desk });
    const written = (await store.outbox({})).map((i) => i.id);
    expect(written).toHaveLength(4);
    expect((await store.outbox({ status: 'pending' })).map((i) => i.id)).toEqual(written.slice(2));
    await engine.deliverOutbox();
    const all = await store.outbox({});
    expect(all.map((i) => i.id)).toEqual(written);
    expect(all.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect(all.map((i) => [i.attempts, i.leaseOwner, i.leaseUntil, i.lastError])).toEqual(
      Array(4).fill([1, null, null, null]),
    );
    expect(all[3]?.payload).toEqual({ event: 'WITHDRAW', text: `Hồ sơ ${a.code}: withdrawn` });
    expect(await store.outbox({ code: a.code })).toEqual(all.filter((i) => i.code === a.code));
    expect(await store.outbox({ code: b.code, status: 'delivered' })).toEqual(
      all.filter((i) => i.code === b.code),
    );
    expect(await store.outbox({ status: 'delivered' })).toEqual(all);
    expect(await store.outbox({ status: 'pending' })).toEqual([]);
    // An item written after the last one of A (delivered, A closed) comes after it.
    await engine.send(b.code, { type: 'HAND_OVER', actor: desk });
    const next = (await store.outbox({})).map((i) => i.id);
    expect(next.slice(0, 4)).toEqual(written);
    expect(next).toHaveLength(5);
    // The id of an item delivered after A closed stays taken: a later commit of A writing it again
    // (as a reissued lookup secret commits a closed dossier) is refused, and writes nothing.
    const stored = await store.load(a.code);
    const journal = await store.journal(a.code);
    if (!stored) throw new Error('dossier A is gone');
    const again: CommitRequest = {
      dossier: {
        summary: stored.summary,
        persisted: stored.persisted,
        version: stored.version + 1,
        expectedVersion: stored.version,
        firedTimers: stored.firedTimers,
      },
      journal: { ...(journal[journal.length - 1] as JournalEntry), seq: stored.version + 1 },
      slipRows: [],
      timers: [],
      outbox: [{ ...(all[3] as OutboxItem) }],
      idempotency: null,
      firedTimer: null,
    };
    await expect(store.commit(again)).rejects.toMatchObject({ reason: 'idempotency' });
    expect((await store.load(a.code))?.version).toBe(stored.version);
    expect(await store.journal(a.code)).toEqual(journal);
    expect((await store.outbox({})).map((i) => i.id)).toEqual(next);
  });
}
