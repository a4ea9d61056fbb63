import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, PermissionError } from '../errors/dossier-errors.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { aggregateLateEntries } from '../report/late-entries.js';
import {
  type CommitRequest,
  type DossierStore,
  type JournalEntry,
  StoreConflictError,
  type TimerRow,
} from '../store/store-types.js';
import {
  handOverCommit,
  newDossierCommit,
  sampleActors,
  sampleEngine,
  sampleProcedure,
  sampleReceipt,
} from './fixtures.js';
import { hostileValue, mutated } from './hostile-values.js';
import { backfillConformanceTests } from './store-conformance-backfill.js';
import { factsConformanceTests } from './store-conformance-facts.js';
import { indexConformanceTests } from './store-conformance-index.js';
import { lookupConformanceTests } from './store-conformance-lookup.js';
import { outboxConformanceTests } from './store-conformance-outbox.js';
import { statisticsConformanceTests } from './store-conformance-statistics.js';

/** Options of {@link storeConformanceSuite}. */
export interface ConformanceOptions {
  /** A fresh, empty store for each test. */
  readonly makeStore: () => Promise<DossierStore>;
  /** Disposes of a store made by `makeStore` (default: `store.close?.()`). */
  readonly disposeStore?: (store: DossierStore) => Promise<void>;
  /**
   * Everything the store holds, as text, to check that a refused call changed nothing (default:
   * what the store's own reads return — dossiers, journals, slips, timers, outbox; give a dump of
   * the tables to cover sequences and idempotency keys too).
   */
  readonly fingerprint?: (store: DossierStore) => Promise<string>;
  /** Runs of the hostile-argument test, 8 calls each (default 150). */
  readonly fuzzRuns?: number;
}

/** What a store's reads return, as text. */
async function readBack(store: DossierStore): Promise<string> {
  const summaries = await store.list({});
  const parts: unknown[] = [summaries, await store.outbox({})];
  for (const s of summaries) {
    parts.push(
      await store.load(s.code),
      await store.journal(s.code),
      await store.slip(s.code),
      await store.timers(s.code),
    );
  }
  return JSON.stringify(parts);
}

/** The calls a store answers, with generated arguments: hostile values and near-valid ones. */
function storeCalls(valid: CommitRequest): fc.Arbitrary<(store: DossierStore) => Promise<unknown>> {
  const h = hostileValue();
  const code = fc.oneof(fc.constant(valid.dossier.summary.code), h);
  const claim = fc.oneof(
    h,
    mutated(
      {
        due: '2026-03-20T00:00:00.000Z',
        now: '2026-03-20T00:00:00.000Z',
        limit: 10,
        owner: 'w',
        leaseMs: 1000,
      },
      ['due', 'now', 'limit', 'owner', 'leaseMs'],
    ),
  );
  const period = fc.oneof(
    h,
    mutated({ from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00', groupBy: 'channel' }, [
      'from',
      'to',
      'groupBy',
    ]),
  );
  const commit = fc.oneof(
    h,
    mutated(valid as unknown as Record<string, unknown>, [
      'dossier',
      'dossier.summary',
      'dossier.summary.code',
      'dossier.summary.receivedAt',
      'dossier.version',
      'dossier.expectedVersion',
      'dossier.firedTimers',
      'journal',
      'journal.at',
      'journal.enteredAt',
      'journal.actor.unitId',
      'dossier.summary.nationalStatus',
      'dossier.summary.indexFacts',
      'dossier.summary.indexFacts.endAt',
      'dossier.summary.indexFacts.supplementRequests',
      'journal.seq',
      'journal.code',
      'slipRows',
      'timers',
      'outbox',
      'idempotency',
      'firedTimer',
    ]),
  );
  return fc.oneof(
    code.map((c) => (s: DossierStore) => s.load(c as never)),
    h.map((k) => (s: DossierStore) => s.idempotentResult(k as never)),
    fc.tuple(h, h).map(
      ([a, d]) =>
        (s: DossierStore) =>
          s.nextSequence(a as never, d as never),
    ),
    commit.map((c) => (s: DossierStore) => s.commit(c as never)),
    fc
      .oneof(h, mutated({ after: valid.dossier.summary.code, limit: 10 }, ['after', 'limit']))
      .map((q) => (s: DossierStore) => s.codesWithoutIndexFacts(q as never)),
    fc
      .oneof(
        h,
        fc.constant([{ code: valid.dossier.summary.code, version: 1, facts: null }]),
        mutated(
          {
            writes: [
              {
                code: valid.dossier.summary.code,
                version: 1,
                facts: valid.dossier.summary.indexFacts ?? null,
              },
            ],
          },
          [
            'writes',
            'writes.0',
            'writes.0.code',
            'writes.0.version',
            'writes.0.facts',
            'writes.0.facts.endAt',
          ],
        ).map((w) => (w as { writes?: unknown }).writes),
      )
      .map((w) => (s: DossierStore) => s.writeIndexFacts(w as never)),
    code.map((c) => (s: DossierStore) => s.journal(c as never)),
    code.map((c) => (s: DossierStore) => s.slip(c as never)),
    code.map((c) => (s: DossierStore) => s.timers(c as never)),
    fc
      .oneof(
        h,
        mutated({ status: 'active', dueBefore: '2026-04-01T00:00:00Z', limit: 3 }, [
          'status',
          'dueBefore',
          'limit',
          'after',
          'holder',
        ]),
      )
      .map((q) => (s: DossierStore) => s.list(q as never)),
    claim.map((c) => (s: DossierStore) => s.claimTimers(c as never)),
    fc
      .oneof(
        h,
        mutated(
          {
            from: '2026-03-01T00:00:00+07:00',
            to: '2026-04-01T00:00:00+07:00',
            rule: 'national',
            by: 'unit',
          },
          ['from', 'to', 'rule', 'by'],
        ),
      )
      .map((q) => (s: DossierStore) => s.nationalIndexCounts(q as never)),
    fc
      .oneof(
        h,
        mutated(
          {
            from: '2026-03-01T00:00:00+07:00',
            to: '2026-04-01T00:00:00+07:00',
            rule: 'at-return',
            set: 'timely',
            limit: 5,
            after: 'H56',
          },
          ['from', 'to', 'rule', 'set', 'limit', 'after', 'agency'],
        ),
      )
      .map((q) => (s: DossierStore) => s.nationalIndexDossiers(q as never)),
    claim.map((c) => (s: DossierStore) => s.claimOutbox(c as never)),
    fc.tuple(h, h, h).map(
      ([i, o, x]) =>
        (s: DossierStore) =>
          s.settleOutbox(i as never, o as never, x as never),
    ),
    h.map((q) => (s: DossierStore) => s.outbox(q as never)),
    fc.tuple(h, h).map(
      ([i, a]) =>
        (s: DossierStore) =>
          s.retryDeadLetter(i as never, a as never),
    ),
    period.map((q) => (s: DossierStore) => s.report(q as never)),
    period.map((q) => (s: DossierStore) => s.unitReport(q as never)),
    fc
      .oneof(
        h,
        mutated({ from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00', rule: 'at-return' }, [
          'from',
          'to',
          'rule',
        ]),
      )
      .map((q) => (s: DossierStore) => s.statisticsCounts(q as never)),
    fc
      .oneof(
        h,
        mutated(
          { from: '2026-03-01T17:00:00.000Z', to: '2026-03-02T17:00:00+00:00', thresholdMs: 3_600_000 },
          ['from', 'to', 'thresholdMs'],
        ),
      )
      .map((q) => (s: DossierStore) => s.lateEntries(q as never)),
    code.map((c) => (s: DossierStore) => s.lookupSecret(c as never)),
    fc
      .oneof(
        h,
        mutated(
          { key: 'dossier:H56-260302-0099', now: '2026-03-20T00:00:00.000Z', maxAttempts: 3, windowMs: 1000 },
          ['key', 'now', 'maxAttempts', 'windowMs'],
        ),
      )
      .map((r) => (s: DossierStore) => s.reserveLookupAttempt(r as never)),
    fc.tuple(h, h).map(
      ([k, w]) =>
        (s: DossierStore) =>
          s.releaseLookupAttempt(k as never, w as never),
    ),
    h.map((k) => (s: DossierStore) => s.clearLookupAttempts(k as never)),
  );
}

/** A claim made at `now`, for rows due by then. */
const claim = (now: string, limit: number, owner: string, leaseMs: number) => ({
  due: now,
  now,
  limit,
  owner,
  leaseMs,
});

const timer = (code: string, kind: TimerRow['kind'], at: string): TimerRow => ({
  id: `${code}:${kind}:${at}`,
  code,
  kind,
  at,
});

/**
 * The conformance suite every {@link DossierStore} passes: the in-memory store, SQLite and
 * PostgreSQL run it unchanged. Call it inside a vitest file:
 *
 * ```ts
 * import { storeConformanceSuite } from '@motcua/core/testing';
 * storeConformanceSuite('sqlite', { makeStore: async () => new SqliteStore(':memory:') });
 * ```
 *
 * @example
 * ```ts
 * import { SqliteStore } from '@motcua/adapters/sqlite';
 * import { storeConformanceSuite } from '@motcua/core/testing';
 * storeConformanceSuite('sqlite', { makeStore: async () => new SqliteStore(':memory:') });
 * ```
 */
export function storeConformanceSuite(name: string, options: ConformanceOptions): void {
  describe(`DossierStore conformance: ${name}`, () => {
    let store: DossierStore;
    beforeEach(async () => {
      store = await options.makeStore();
    });
    afterEach(async () => {
      if (options.disposeStore) await options.disposeStore(store);
      else await store.close?.();
    });

    it('answers hostile arguments with typed errors and changes nothing when it refuses them', async () => {
      const fingerprint = options.fingerprint ?? readBack;
      const seed = newDossierCommit('H56-260302-0099', {
        timers: [timer('H56-260302-0099', 'dossier-due', '2026-03-11T10:00:00.000Z')],
      });
      await store.commit(seed);
      const next = handOverCommit(seed);
      let calls = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(storeCalls(next), { minLength: 8, maxLength: 8 }), async (sequence) => {
          for (const call of sequence) {
            const before = await fingerprint(store);
            calls++;
            try {
              await call(store);
            } catch (error) {
              if (!(error instanceof MotcuaError) && !(error instanceof StoreConflictError)) {
                throw new Error(
                  `raw error: ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 200)}` : String(error)}`,
                );
              }
              expect(await fingerprint(store)).toBe(before);
            }
          }
        }),
        { numRuns: options.fuzzRuns ?? 150 },
      );
      expect(calls).toBe(8 * (options.fuzzRuns ?? 150));
    }, 300_000);

    it('loads nothing for an unknown code', async () => {
      expect(await store.load('H56-260302-0001')).toBeNull();
      expect(await store.journal('H56-260302-0001')).toEqual([]);
    });

    it('commits a new dossier and loads it back whole', async () => {
      const c = newDossierCommit('H56-260302-0001');
      await store.commit(c);
      const loaded = await store.load('H56-260302-0001');
      expect(loaded?.version).toBe(1);
      expect(loaded?.summary).toEqual(c.dossier.summary);
      expect(JSON.parse(JSON.stringify(loaded?.persisted))).toEqual(
        JSON.parse(JSON.stringify(c.dossier.persisted)),
      );
      expect(await store.journal('H56-260302-0001')).toEqual([c.journal]);
    });

    it('refuses a commit whose expected version is stale, writing nothing', async () => {
      const c = newDossierCommit('H56-260302-0002', {
        timers: [timer('H56-260302-0002', 'dossier-due', '2026-03-11T10:00:00.000Z')],
      });
      await store.commit(c);
      await expect(store.commit(newDossierCommit('H56-260302-0002'))).rejects.toMatchObject({
        reason: 'version',
      });
      const next = handOverCommit(c);
      await store.commit(next);
      const stale = {
        ...handOverCommit(c),
        outbox: [
          {
            id: 'x1',
            code: c.dossier.summary.code,
            type: 'p.e',
            payload: 1,
            createdAt: '2026-03-02T03:00:00.000Z',
            notBefore: '2026-03-02T03:00:00.000Z',
          },
        ],
      };
      await expect(store.commit(stale)).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.load('H56-260302-0002'))?.version).toBe(2);
      expect(await store.journal('H56-260302-0002')).toHaveLength(2);
      expect(await store.outbox({})).toHaveLength(0);
    });

    it('lets exactly one of two racing commits win', async () => {
      const c = newDossierCommit('H56-260302-0003');
      await store.commit(c);
      const results = await Promise.allSettled([
        store.commit(handOverCommit(c)),
        store.commit(handOverCommit(c)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(StoreConflictError);
      expect(await store.journal('H56-260302-0003')).toHaveLength(2);
    });

    it('keeps idempotency keys unique and returns their results', async () => {
      await store.commit(newDossierCommit('H56-260302-0004', { idempotencyKey: 'key-1' }));
      expect(await store.idempotentResult('key-1')).toEqual({ code: 'H56-260302-0004', version: 1 });
      expect(await store.idempotentResult('key-2')).toBeUndefined();
      await expect(
        store.commit(newDossierCommit('H56-260302-0005', { idempotencyKey: 'key-1' })),
      ).rejects.toMatchObject({
        reason: 'idempotency',
      });
      expect(await store.load('H56-260302-0005')).toBeNull();
    });

    it('numbers each agency’s dossiers per day, without duplicates under concurrency', async () => {
      expect(await store.nextSequence('H56', '2026-03-02')).toBe(1);
      expect(await store.nextSequence('H56', '2026-03-02')).toBe(2);
      expect(await store.nextSequence('H56', '2026-03-03')).toBe(1);
      expect(await store.nextSequence('H57', '2026-03-02')).toBe(1);
      const many = await Promise.all(
        Array.from({ length: 20 }, () => store.nextSequence('H58', '2026-03-02')),
      );
      expect(new Set(many).size).toBe(20);
      expect(Math.max(...many)).toBe(20);
    });

    it('appends control-slip rows in order', async () => {
      const c = newDossierCommit('H56-260302-0006');
      await store.commit(c);
      const next = handOverCommit(c);
      await store.commit(next);
      expect(await store.slip('H56-260302-0006')).toEqual(next.slipRows);
    });

    it('refuses slip rows that are not the last rows of the snapshot’s slip, and writes nothing', async () => {
      const c = newDossierCommit('H56-260302-0016');
      await store.commit(c);
      const next = handOverCommit(c);
      expect(next.slipRows.length).toBeGreaterThan(0);
      const row = next.slipRows[0]!;
      const fingerprint = options.fingerprint ?? readBack;
      const before = await fingerprint(store);
      for (const [slipRows, field] of [
        [[{ ...row, hash: 'f'.repeat(64) }], 'slipRows[0]'],
        [[row, row], 'slipRows'],
      ] as const) {
        await expect(store.commit({ ...next, slipRows })).rejects.toMatchObject({ field });
      }
      const noSlip = {
        ...next.dossier.persisted,
        context: { ...next.dossier.persisted.context, slip: undefined },
      };
      await expect(
        store.commit({ ...next, dossier: { ...next.dossier, persisted: noSlip as never } }),
      ).rejects.toMatchObject({ field: 'dossier.persisted.context.slip' });
      expect(await fingerprint(store)).toBe(before);
      await store.commit(next);
      expect((await store.load('H56-260302-0016'))!.persisted.context.slip).toEqual(
        await store.slip('H56-260302-0016'),
      );
    });

    it('replaces a dossier’s timers on each commit and claims only due ones, under a lease', async () => {
      const code = 'H56-260302-0007';
      const t1 = timer(code, 'dossier-warning', '2026-03-10T10:00:00.000Z');
      const t2 = timer(code, 'dossier-due', '2026-03-11T10:00:00.000Z');
      const c = newDossierCommit(code, { timers: [t1, t2] });
      await store.commit(c);
      expect((await store.timers(code)).map((t) => t.id).sort()).toEqual([t1.id, t2.id].sort());
      expect(await store.claimTimers(claim('2026-03-09T00:00:00.000Z', 10, 'w1', 60_000))).toEqual([]);
      // A timer's instant is a deadline still met at that instant: it is due from the next one.
      expect(await store.claimTimers(claim('2026-03-10T10:00:00.000Z', 10, 'w1', 60_000))).toEqual([]);
      const claimed = await store.claimTimers(claim('2026-03-10T10:00:00.001Z', 10, 'w1', 60_000));
      expect(claimed.map((t) => t.id)).toEqual([t1.id]);
      expect(claimed[0]?.leaseOwner).toBe('w1');
      // Leased: another worker gets nothing until the lease expires.
      expect(await store.claimTimers(claim('2026-03-10T10:00:30.000Z', 10, 'w2', 60_000))).toEqual([]);
      const again = await store.claimTimers(claim('2026-03-10T10:01:01.000Z', 10, 'w2', 60_000));
      expect(again.map((t) => [t.id, t.leaseOwner])).toEqual([[t1.id, 'w2']]);
      // w1's lease is gone: its commit is refused; w2's goes through and removes the timer.
      await expect(
        store.commit(handOverCommit(c, { timers: [t2], firedTimer: { id: t1.id, leaseOwner: 'w1' } })),
      ).rejects.toMatchObject({
        reason: 'timer',
      });
      await store.commit(
        handOverCommit(c, { timers: [t1, t2], firedTimer: { id: t1.id, leaseOwner: 'w2' } }),
      );
      expect((await store.timers(code)).map((t) => t.id)).toEqual([t2.id]);
    });

    it('computes a lease from the claim time, not from the round’s due cutoff', async () => {
      const code = 'H56-260302-0008';
      const at = '2026-03-02T09:00:00.000Z';
      await store.commit(
        newDossierCommit(code, {
          timers: [timer(code, 'dossier-due', '2026-03-02T10:00:00.000Z')],
          outbox: [{ id: 'lease-1', code, type: 'p.e', payload: 1, createdAt: at, notBefore: at }],
        }),
      );
      // A round that started at 11:00 claims at 11:05 (its earlier batches took five minutes).
      const round = { due: '2026-03-02T11:00:00.000Z', now: '2026-03-02T11:05:00.000Z', leaseMs: 60_000 };
      const [t] = await store.claimTimers({ ...round, limit: 10, owner: 'w1' });
      const [o] = await store.claimOutbox({ ...round, limit: 10, owner: 'w1' });
      expect(t?.leaseUntil).toBe('2026-03-02T11:06:00.000Z');
      expect(o?.leaseUntil).toBe('2026-03-02T11:06:00.000Z');
      // Another worker at 11:05:30 finds both leases still held, whatever its own round's cutoff.
      const other = { due: '2026-03-02T12:00:00.000Z', now: '2026-03-02T11:05:30.000Z', leaseMs: 60_000 };
      expect(await store.claimTimers({ ...other, limit: 10, owner: 'w2' })).toEqual([]);
      expect(await store.claimOutbox({ ...other, limit: 10, owner: 'w2' })).toEqual([]);
      const later = { ...other, now: '2026-03-02T11:06:00.000Z' };
      expect(
        (await store.claimTimers({ ...later, limit: 10, owner: 'w2' })).map((x) => x.leaseOwner),
      ).toEqual(['w2']);
      expect((await store.claimOutbox({ ...later, limit: 10, owner: 'w2' })).map((x) => x.id)).toEqual([
        'lease-1',
      ]);
    });

    it('claims timers in due order across dossiers, up to the limit', async () => {
      for (let i = 1; i <= 5; i++) {
        const code = `H56-260302-001${i}`;
        await store.commit(
          newDossierCommit(code, { timers: [timer(code, 'dossier-due', `2026-03-1${i}T10:00:00.000Z`)] }),
        );
      }
      const claimed = await store.claimTimers(claim('2026-03-20T00:00:00.000Z', 3, 'w1', 60_000));
      expect(claimed.map((t) => t.code)).toEqual(['H56-260302-0011', 'H56-260302-0012', 'H56-260302-0013']);
    });

    it('runs the outbox: claim, retry later, dead letter, retry the dead letter, deliver', async () => {
      const code = 'H56-260302-0020';
      const at = '2026-03-02T02:00:00.000Z';
      await store.commit(
        newDossierCommit(code, {
          outbox: [
            { id: 'e1', code, type: 'sms.notice', payload: { n: 1 }, createdAt: at, notBefore: at },
            {
              id: 'e2',
              code,
              type: 'sms.notice',
              payload: { n: 2 },
              createdAt: at,
              notBefore: '2026-03-02T05:00:00.000Z',
            },
          ],
        }),
      );
      const first = await store.claimOutbox(claim('2026-03-02T03:00:00.000Z', 10, 'w1', 60_000));
      expect(first.map((i) => i.id)).toEqual(['e1']);
      expect(first[0]?.payload).toEqual({ n: 1 });
      expect(await store.claimOutbox(claim('2026-03-02T03:00:10.000Z', 10, 'w2', 60_000))).toEqual([]);
      await store.settleOutbox('e1', 'w1', {
        delivered: false,
        error: 'gateway 503',
        retryAt: '2026-03-02T04:00:00.000Z',
      });
      const pending = await store.outbox({ status: 'pending' });
      expect(pending.find((i) => i.id === 'e1')).toMatchObject({ attempts: 1, lastError: 'gateway 503' });
      const second = await store.claimOutbox(claim('2026-03-02T04:00:00.000Z', 10, 'w1', 60_000));
      expect(second.map((i) => i.id)).toEqual(['e1']);
      await store.settleOutbox('e1', 'w1', { delivered: false, error: 'gateway 400', retryAt: null });
      expect((await store.outbox({ status: 'dead' })).map((i) => i.id)).toEqual(['e1']);
      await store.retryDeadLetter('e1', '2026-03-02T06:00:00.000Z');
      const third = await store.claimOutbox(claim('2026-03-02T06:00:00.000Z', 10, 'w1', 60_000));
      expect(third.map((i) => i.id).sort()).toEqual(['e1', 'e2']);
      for (const i of third) await store.settleOutbox(i.id, 'w1', { delivered: true });
      expect((await store.outbox({ status: 'delivered' })).map((i) => i.id).sort()).toEqual(['e1', 'e2']);
      // A deferral asked for by the plugin does not count as an attempt.
      await store.commit(
        newDossierCommit('H56-260302-0021', {
          outbox: [
            {
              id: 'e3',
              code: 'H56-260302-0021',
              type: 'sms.notice',
              payload: 3,
              createdAt: at,
              notBefore: at,
            },
          ],
        }),
      );
      await store.claimOutbox(claim('2026-03-02T07:00:00.000Z', 10, 'w1', 60_000));
      await store.settleOutbox('e3', 'w1', {
        delivered: false,
        error: 'quiet hours',
        retryAt: '2026-03-03T00:00:00.000Z',
        deferred: true,
      });
      expect((await store.outbox({ code: 'H56-260302-0021' }))[0]).toMatchObject({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: '2026-03-03T00:00:00.000Z',
        lastError: 'quiet hours',
      });
      // A settlement from a worker that does not hold the lease is ignored.
      await store.settleOutbox('e1', 'w9', { delivered: false, error: 'late', retryAt: null });
      expect((await store.outbox({ status: 'delivered' })).map((i) => i.id).sort()).toEqual(['e1', 'e2']);
    });

    it('lists dossiers by status, holder and due time', async () => {
      const a = newDossierCommit('H56-260302-0031', { at: '2026-03-02T09:00:00+07:00' });
      const b = newDossierCommit('H56-260302-0032', { at: '2026-03-05T09:00:00+07:00' });
      await store.commit(a);
      await store.commit(b);
      await store.commit(handOverCommit(a));
      expect((await store.list({ holder: 'police' })).map((s) => s.code)).toEqual(['H56-260302-0031']);
      expect((await store.list({ status: 'active' })).map((s) => s.code)).toEqual([
        'H56-260302-0031',
        'H56-260302-0032',
      ]);
      expect((await store.list({ dueBefore: '2026-03-12T00:00:00+07:00' })).map((s) => s.code)).toEqual([
        'H56-260302-0031',
      ]);
      expect(await store.list({ status: 'done' })).toEqual([]);
      expect(await store.list({ limit: 1 })).toHaveLength(1);
      // By receipt date: from included, before excluded, instants with any offset.
      const received = async (q: { receivedFrom?: string; receivedBefore?: string }) =>
        (await store.list(q)).map((s) => s.code);
      expect(await received({ receivedFrom: '2026-03-05T00:00:00+07:00' })).toEqual(['H56-260302-0032']);
      expect(await received({ receivedBefore: '2026-03-05T02:00:00Z' })).toEqual(['H56-260302-0031']);
      expect(
        await received({
          receivedFrom: '2026-03-02T09:00:00+07:00',
          receivedBefore: '2026-03-05T09:00:00+07:00',
        }),
      ).toEqual(['H56-260302-0031']);
      await expect(store.list({ receivedFrom: '2026-03-05' })).rejects.toMatchObject({
        field: 'query.receivedFrom',
      });
    });

    it('pages through dossiers in due order with a keyset cursor', async () => {
      // Two share a due time (ties go by code), one is due earlier, one later.
      const commits = [
        newDossierCommit('H56-260302-0044', { at: '2026-03-02T09:00:00+07:00' }),
        newDossierCommit('H56-260302-0042', { at: '2026-03-02T09:00:00+07:00' }),
        newDossierCommit('H56-260301-0041', { at: '2026-02-27T09:00:00+07:00' }),
        newDossierCommit('H56-260305-0043', { at: '2026-03-05T09:00:00+07:00' }),
      ];
      for (const c of commits) await store.commit(c);
      const all = (await store.list({})).map((s) => s.code);
      expect(all).toEqual(['H56-260301-0041', 'H56-260302-0042', 'H56-260302-0044', 'H56-260305-0043']);
      const seen: string[] = [];
      let page = await store.list({ limit: 2 });
      while (page.length) {
        seen.push(...page.map((s) => s.code));
        page = await store.list({ limit: 2, after: page[page.length - 1]! });
      }
      expect(seen).toEqual(all);
      const tie = (await store.list({}))[1]!;
      expect((await store.list({ after: tie })).map((s) => s.code)).toEqual(all.slice(2));
      // A cursor whose due time is written with another offset means the same instant.
      const sameInstant = {
        currentDueAt: new Date(tie.currentDueAt).toISOString().replace('Z', '+00:00'),
        code: tie.code,
      };
      expect((await store.list({ after: sameInstant })).map((s) => s.code)).toEqual(all.slice(2));
    });

    it('computes report figures that match a hand count', async () => {
      const { engine, clock } = sampleEngine(store, { start: '2026-02-23T08:00:00+07:00' });
      const { desk, police, leader } = sampleActors;
      const receive = (channel: 'in-person' | 'online-full') =>
        engine.receive({ procedure: '1.004194', channel, actor: desk, ...sampleReceipt });
      // Carried over: received Mon 23/02, due Wed 04/03 17:00, returned Wed 04/03 09:00: on time.
      const early = await receive('in-person');
      // Received in March: one returned late, one refused early, one withdrawn, one open overdue, one open.
      clock.set('2026-03-02T08:00:00+07:00');
      const late = await receive('online-full');
      const refused = await receive('in-person');
      const withdrawn = await receive('in-person');
      const overdue = await receive('online-full');
      clock.set('2026-03-03T08:00:00+07:00');
      const open = await receive('in-person');
      const walk = async (code: string) => {
        await engine.send(code, { type: 'HAND_OVER', actor: desk });
        await engine.send(code, { type: 'HAND_OVER', actor: police });
        await engine.send(code, { type: 'HAND_OVER', actor: leader });
        await engine.send(code, { type: 'HAND_OVER', actor: police });
      };
      clock.set('2026-03-04T09:00:00+07:00');
      await walk(early.code);
      await engine.send(early.code, { type: 'RETURN_RESULT', actor: desk });
      await engine.send(refused.code, { type: 'REFUSE', actor: desk, reasons: ['Không đủ điều kiện'] });
      await engine.send(withdrawn.code, { type: 'WITHDRAW', actor: desk });
      await engine.send(overdue.code, { type: 'HAND_OVER', actor: desk });
      clock.set('2026-03-16T09:00:00+07:00');
      await walk(late.code);
      await engine.send(late.code, { type: 'RETURN_RESULT', actor: desk });
      const rows = await engine.report({
        from: '2026-03-01T00:00:00+07:00',
        to: '2026-04-01T00:00:00+07:00',
        groupBy: 'none',
      });
      expect(rows).toEqual([
        {
          group: '*',
          carriedOver: 1,
          received: 5,
          receivedByChannel: { 'in-person': 3, 'online-full': 2 },
          resolved: 3,
          early: 1,
          onTime: 1,
          late: 1,
          refused: 1,
          withdrawn: 1,
          stopped: 0,
          expired: 0,
          inProgressWithinTime: 0,
          inProgressOverdue: 2,
          earlyRate: 0.3333,
          onTimeRate: 0.3333,
          lateRate: 0.3333,
          timelyRate: 0.6667,
        },
      ]);
      const byChannel = await engine.report({
        from: '2026-03-01T00:00:00+07:00',
        to: '2026-04-01T00:00:00+07:00',
        groupBy: 'channel',
      });
      expect(byChannel.map((r) => [r.group, r.received, r.carriedOver, r.late])).toEqual([
        ['in-person', 3, 1, 0],
        ['online-full', 2, 0, 1],
      ]);
      // The same dossiers on 07a: the refusal and the withdrawal returned (trả lại), two resolved with a result.
      const form = await engine.statisticsForm({
        form: '07a',
        period: { kind: 'custom', from: '2026-03-01', to: '2026-03-31' },
        by: ['agency', 'procedure'],
      });
      expect(form.rows.map((r) => [r.agency, r.procedure, r.procedureName === undefined])).toEqual([
        ['H56', '1.004194', false],
      ]);
      // March is not over: counted to the engine's now (16/03 09:00) included.
      expect(form.asOf).toBe('2026-03-16T02:00:00.001Z');
      expect(form.total).toEqual({
        receivedTotal: 6,
        carriedOver: 1,
        receivedOnline: 2,
        receivedInPersonOrPostal: 3,
        resolvedTotal: 2,
        resolvedEarly: 0,
        resolvedOnTime: 1,
        resolvedLate: 1,
        inProgressTotal: 2,
        inProgressWithinTime: 0,
        inProgressOverdue: 2,
        returned: 2,
        waitingSupplement: 0,
      });
      await expect(
        engine.statisticsForm({
          form: '06',
          period: { kind: 'custom', from: '2026-03-31', to: '2026-03-01' },
        }),
      ).rejects.toMatchObject({ issues: [{ field: 'query.period.to' }] });
      await expect(
        engine.statisticsForm({ form: '06', period: { kind: 'month', year: 2026, month: 3, startDay: 31 } }),
      ).rejects.toMatchObject({ issues: [{ field: 'query.period.startDay' }] });
      await expect(
        engine.statisticsForm({ form: '08' as never, period: { kind: 'year', year: 2026 } }),
      ).rejects.toMatchObject({ issues: [{ field: 'query.form' }] });
      const units = await engine.unitReport({
        from: '2026-03-01T00:00:00+07:00',
        to: '2026-04-01T00:00:00+07:00',
      });
      // The desk's 4-hour step: all three dossiers it handed over days after receipt are late.
      expect(units.find((u) => u.unit === 'desk')).toMatchObject({ early: 0, onTime: 0, late: 3 });
      expect(units.reduce((n, u) => n + u.early + u.onTime + u.late, 0)).toBe(9);
      void open;
    });

    it('records when each entry was entered and reports late entries per unit, closed dossiers included', async () => {
      // Monday 2 March 2026, Hà Nội time (UTC+7); instants below in UTC.
      const { engine, clock } = sampleEngine(store, { start: '2026-03-02T10:00:00+07:00' });
      const { desk, police } = sampleActors;
      const receive = (at?: string) =>
        engine.receive({
          procedure: '1.004194',
          channel: 'in-person',
          actor: desk,
          ...sampleReceipt,
          ...(at ? { at } : {}),
        });
      // 03:00Z: A received at 00:30Z (entered 2 h 30 min late: 9,000,000 ms), B received now (0).
      const a = await receive('2026-03-02T07:30:00+07:00');
      const b = await receive();
      // 04:00Z: the desk hands A on, recording 03:30Z (30 min: 1,800,000 ms).
      clock.set('2026-03-02T11:00:00+07:00');
      await engine.send(a.code, { type: 'HAND_OVER', actor: desk, at: '2026-03-02T10:30:00+07:00' });
      // 09:00Z: police hand A on at 04:00Z (5 h: 18,000,000 ms); the desk hands B on now (0);
      // C received at 05:00Z (4 h: 14,400,000 ms) and withdrawn now (0): C is closed.
      clock.set('2026-03-02T16:00:00+07:00');
      await engine.send(a.code, { type: 'HAND_OVER', actor: police, at: '2026-03-02T11:00:00+07:00' });
      await engine.send(b.code, { type: 'HAND_OVER', actor: desk });
      const c = await receive('2026-03-02T12:00:00+07:00');
      await engine.send(c.code, { type: 'WITHDRAW', actor: desk });
      // Next day 02:00Z: police hand B on at 10:00Z the day before (16 h: 57,600,000 ms).
      clock.set('2026-03-03T09:00:00+07:00');
      await engine.send(b.code, { type: 'HAND_OVER', actor: police, at: '2026-03-02T17:00:00+07:00' });

      const [receipt] = (await engine.get(a.code)).journal;
      expect([receipt?.at, receipt?.enteredAt]).toEqual([
        '2026-03-02T00:30:00.000Z',
        '2026-03-02T03:00:00.000Z',
      ]);
      expect((await store.journal(c.code)).map((e) => e.enteredAt)).toEqual([
        '2026-03-02T09:00:00.000Z',
        '2026-03-02T09:00:00.000Z',
      ]);
      // The summaries carry the national status: A with the leader (4), B with police (4), C withdrawn (7).
      expect(Object.fromEntries((await store.list({})).map((s) => [s.code, s.nationalStatus]))).toEqual({
        [a.code]: 4,
        [b.code]: 4,
        [c.code]: 7,
      });

      const day = { from: '2026-03-02T00:00:00+07:00', to: '2026-03-03T00:00:00+07:00' };
      expect(await store.lateEntries({ ...day, thresholdMs: 3_600_000 })).toEqual([
        {
          unit: 'desk',
          entries: 6,
          late: 2,
          maxDelayMs: 14_400_000,
          meanDelayMs: 4_200_000, // (9,000,000 + 1,800,000 + 14,400,000) / 6
          lateCodes: [a.code, c.code].sort(),
        },
        {
          unit: 'police',
          entries: 1,
          late: 1,
          maxDelayMs: 18_000_000,
          meanDelayMs: 18_000_000,
          lateCodes: [a.code],
        },
      ]);
      // Late is "more than" the threshold: A's receipt, exactly 9,000,000 ms late, is not.
      const exact = await engine.lateEntries({
        from: '2026-03-02',
        to: '2026-03-03',
        thresholdMs: 9_000_000,
      });
      expect(exact.map((r) => [r.unit, r.late, r.lateCodes])).toEqual([
        ['desk', 1, [c.code]],
        ['police', 1, [a.code]],
      ]);
      // Two days: B's late handover by police, entered on the 3rd, counts too.
      const twoDays = await engine.lateEntries({
        from: '2026-03-02',
        to: '2026-03-04',
        thresholdMs: 36_000_000,
      });
      expect(twoDays).toEqual([
        { unit: 'desk', entries: 6, late: 0, maxDelayMs: 14_400_000, meanDelayMs: 4_200_000, lateCodes: [] },
        {
          unit: 'police',
          entries: 2,
          late: 1,
          maxDelayMs: 57_600_000,
          meanDelayMs: 37_800_000,
          lateCodes: [b.code],
        },
      ]);
      // Timers are entered as they fire: never late.
      clock.set('2026-04-20T09:00:00+07:00');
      expect((await engine.runDueTimers()).fired).toBeGreaterThan(0);
      const april = await engine.lateEntries({ from: '2026-03-04', to: '2026-04-21', thresholdMs: 60_000 });
      expect(april.map((r) => [r.unit, r.late, r.maxDelayMs])).toEqual([['system', 0, 0]]);
      expect(april[0]!.entries).toBeGreaterThan(0);
      // A period not on whole hours, or a threshold under a minute, is refused, naming the field.
      await expect(
        store.lateEntries({ from: '2026-03-02T00:30:00.000Z', to: day.to, thresholdMs: 60_000 }),
      ).rejects.toMatchObject({ field: 'query.from' });
      await expect(store.lateEntries({ ...day, thresholdMs: 59_999 })).rejects.toMatchObject({
        field: 'query.thresholdMs',
      });
      await expect(
        engine.lateEntries({ from: '2026-03-02T00:00:00.001Z', to: '2026-03-03', thresholdMs: 60_000 }),
      ).rejects.toMatchObject({ field: 'query.from' });
    });

    it('answers the late-entry report as the reference counts it, for any entries, period and threshold', async () => {
      const H = 3_600_000;
      const T0 = Date.parse('2026-03-02T00:00:00.000Z');
      const iso = (ms: number) => new Date(ms).toISOString();
      const committed: JournalEntry[] = [];
      let n = 0;
      const entry = fc.record({
        unit: fc.constantFrom('desk', 'police', 'leader'),
        // Happened in three days (to the millisecond); entered 0 to 10 hours later, often at once.
        at: fc.integer({ min: 0, max: 3 * 24 * H }),
        delay: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 120_000 }),
          fc.integer({ min: 0, max: 10 * H }),
        ),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(entry, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 0, max: 80 }),
          fc.integer({ min: 1, max: 90 }),
          fc.integer({ min: 60_000, max: 6 * H }),
          async (entries, fromHour, hours, thresholdMs) => {
            for (const e of entries) {
              const c = newDossierCommit(`H56-260302-${String(5000 + n++)}`);
              const journal = {
                ...c.journal,
                at: iso(T0 + e.at),
                enteredAt: iso(T0 + e.at + e.delay),
                actor: { ...c.journal.actor, unitId: e.unit },
              };
              await store.commit({ ...c, journal });
              committed.push(journal);
            }
            const query = { from: iso(T0 + fromHour * H), to: iso(T0 + (fromHour + hours) * H), thresholdMs };
            expect(await store.lateEntries(query)).toEqual(aggregateLateEntries(committed, query));
          },
        ),
        { numRuns: options.fuzzRuns === undefined ? 40 : Math.min(40, options.fuzzRuns) },
      );
    }, 120_000);

    it('keeps online filings before receipt: code at submission, intake timer, left out of reports until accepted', async () => {
      const { engine, clock } = sampleEngine(store, { start: '2026-03-06T16:00:00+07:00' });
      const { desk } = sampleActors;
      const portal = { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng Dịch vụ công quốc gia' };
      const submit = (id: string) =>
        engine.submit({
          procedure: '1.004194',
          channel: 'online-full',
          actor: portal,
          ...sampleReceipt,
          filing: { system: 'dvcqg', id },
          idempotencyKey: `dvcqg:${id}`,
        });
      const waiting = await submit('G-1');
      expect(waiting.state).toBe('submitted');
      expect(waiting.nationalStatus).toEqual({ code: 1, name: 'Mới đăng ký' });
      // The same filing delivered twice makes one dossier.
      expect((await submit('G-1')).code).toBe(waiting.code);
      const accepted = await submit('G-2');
      const refused = await submit('G-3');
      const withdrawn = await submit('G-4');
      const record = await engine.get(waiting.code);
      expect(record.journal.map((j) => j.type)).toEqual(['SUBMIT']);
      // Friday 16:00 + 8 working hours: Monday 9 March, 16:00.
      expect(record.timers.map((t) => [t.kind, t.at])).toEqual([['intake-due', '2026-03-09T09:00:00.000Z']]);
      clock.set('2026-03-09T10:00:00+07:00');
      const received = await engine.send(accepted.code, { type: 'ACCEPT', actor: desk });
      expect(received.state).toBe('processing.receive');
      expect(received.context.receivedAt).toBe('2026-03-09T03:00:00.000Z');
      expect(received.context.due.legal).toBe('2026-03-18T10:00:00.000Z');
      await engine.send(refused.code, { type: 'REFUSE', actor: desk, reasons: ['Không thuộc thẩm quyền'] });
      expect((await engine.get(refused.code)).state).toBe('notAccepted');
      await engine.send(withdrawn.code, { type: 'WITHDRAW', actor: desk });
      // The intake deadline passes: the timer fires for plugins and changes nothing.
      clock.set('2026-03-09T16:30:00+07:00');
      await engine.runDueTimers();
      const after = await engine.get(waiting.code);
      expect(after.state).toBe('submitted');
      expect(after.journal.map((j) => j.type)).toEqual(['SUBMIT', 'TIMER:intake-due']);
      const [row] = await engine.report({
        from: '2026-03-01T00:00:00+07:00',
        to: '2026-04-01T00:00:00+07:00',
        groupBy: 'none',
      });
      expect(row).toMatchObject({
        received: 1,
        receivedByChannel: { 'online-full': 1 },
        withdrawn: 0,
        refused: 0,
        // Judged at the period's end (1 April), past its due time (18 March).
        inProgressOverdue: 1,
        inProgressWithinTime: 0,
      });
      const lookup = await engine.lookup(waiting.code, waiting.context.secret);
      expect(lookup).toMatchObject({
        statusCode: 'submitted',
        submittedAt: '2026-03-06T09:00:00.000Z',
        nationalStatus: { code: 1 },
      });
    });

    it('runs whole lifecycles through the engine, idempotently, and survives a restart with pending timers', async () => {
      const { engine, clock } = sampleEngine(store);
      const { desk } = sampleActors;
      const d = await engine.receive({
        procedure: '1.004194',
        channel: 'in-person',
        actor: desk,
        ...sampleReceipt,
        idempotencyKey: 'r-1',
      });
      const again = await engine.receive({
        procedure: '1.004194',
        channel: 'in-person',
        actor: desk,
        ...sampleReceipt,
        idempotencyKey: 'r-1',
      });
      expect(again.code).toBe(d.code);
      const s1 = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 's-1' });
      const s2 = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 's-1' });
      expect(s2.version).toBe(s1.version);
      expect((await engine.get(d.code)).journal).toHaveLength(2);
      // After a later change, a replay still returns exactly the first result (stored whole).
      await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.police });
      const s3 = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 's-1' });
      expect(JSON.parse(JSON.stringify(s3))).toEqual(JSON.parse(JSON.stringify(s1)));
      await expect(
        engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.police }, { idempotencyKey: 's-1' }),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      // A second engine on the same store (a restart) fires the timers the first one left.
      const { engine: restarted } = sampleEngine(store, { clock, workerId: 'w-restarted' });
      clock.set('2026-03-12T09:00:00+07:00');
      const fired = await restarted.runDueTimers();
      expect(fired.fired).toBeGreaterThanOrEqual(2);
      expect((await restarted.get(d.code)).context.overdue?.unit).toBe('leader');
      expect((await restarted.runDueTimers()).fired).toBe(0);
    });

    it('fires every due timer once with two engines polling together, warnings included', async () => {
      const { engine: a, clock } = sampleEngine(store, { workerId: 'a' });
      const { engine: b } = sampleEngine(store, { workerId: 'b', clock });
      const codes: string[] = [];
      // Received over four weeks, so that one dossier's due time comes before another's warning.
      for (let day = 0; day < 20; day++) {
        for (let i = 0; i < 2; i++) {
          codes.push(
            (
              await a.receive({
                procedure: '1.004194',
                channel: 'in-person',
                actor: sampleActors.desk,
                ...sampleReceipt,
              })
            ).code,
          );
        }
        clock.advance({ days: 1 });
      }
      clock.set('2026-05-04T09:00:00+07:00');
      await Promise.all([a.runDueTimers(), b.runDueTimers()]);
      for (const code of codes) {
        const { journal, context, timers } = await a.get(code);
        const types = journal.map((j) => j.type);
        expect(types.filter((t) => t === 'TIMER:dossier-warning')).toHaveLength(1);
        expect(types.filter((t) => t === 'MARK_OVERDUE')).toHaveLength(1);
        expect(types.filter((t) => t === 'TIMER:step-due')).toHaveLength(1);
        expect(context.overdue).not.toBeNull();
        expect(timers).toEqual([]);
      }
      expect((await a.runDueTimers()).fired + (await b.runDueTimers()).fired).toBe(0);
    });

    it('lets two engines race on one dossier: one wins, the other gets a retryable conflict', async () => {
      const { engine: a } = sampleEngine(store, { workerId: 'a' });
      const d = await a.receive({
        procedure: '1.004194',
        channel: 'in-person',
        actor: sampleActors.desk,
        ...sampleReceipt,
      });
      const { engine: b } = sampleEngine(store, { workerId: 'b' });
      const results = await Promise.allSettled([
        a.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk }),
        b.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      // The loser either collided at commit (a retryable conflict) or, when it read the dossier
      // after the winner's commit, was refused by the new state (the desk no longer holds it).
      if (lost)
        expect(lost.reason instanceof ConflictError || lost.reason instanceof PermissionError).toBe(true);
      expect((await a.get(d.code)).journal).toHaveLength(2);
      void sampleProcedure;
    });

    lookupConformanceTests(() => store);
    indexConformanceTests(() => store);
    backfillConformanceTests(() => store);
    outboxConformanceTests(() => store);
    statisticsConformanceTests(() => store);
    factsConformanceTests(() => store);
  });
}
