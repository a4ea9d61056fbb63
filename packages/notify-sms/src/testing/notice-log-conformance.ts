import { describe, expect, it } from 'vitest';
import type { ClaimOutcome, NoticeLog, NoticeRecord } from '../delivery/notice-log.js';

/** Options of {@link noticeLogConformanceSuite}. */
export interface NoticeLogSuiteOptions {
  /** A new, empty (and migrated) log for each test. */
  readonly makeLog: () => Promise<NoticeLog> | NoticeLog;
  /**
   * A second handle on the storage of `log` (another connection, as another engine process would
   * have), to race claims across handles; omit for a log that lives in one process.
   */
  readonly openAgain?: (log: NoticeLog) => Promise<NoticeLog> | NoticeLog;
  /** Closes what `makeLog` / `openAgain` opened (after each test). */
  readonly closeLog?: (log: NoticeLog) => Promise<void> | void;
}

/**
 * A notice log row for tests: queued, never attempted, overridable field by field.
 *
 * @example
 * ```ts
 * import { MemoryNoticeLog } from '@motcua/notify-sms';
 * import { sampleNoticeRecord } from '@motcua/notify-sms/testing';
 * const log = new MemoryNoticeLog();
 * await log.put(sampleNoticeRecord({ id: 'H56-260302-0001:1:sms.notice:receipt' }));
await log.get('H56-260302-0001:1:sms.notice:receipt'); // the queued notice
 * ```
 */
export function sampleNoticeRecord(overrides: Partial<NoticeRecord> = {}): NoticeRecord {
  return {
    id: 'H56-260302-0001:1:sms.notice:receipt',
    code: 'H56-260302-0001',
    notice: 'receipt',
    to: '09******78',
    numberRef: 'ref-a',
    provider: 'dev',
    providerMessageId: null,
    parts: [],
    status: 'queued',
    createdAt: '2026-03-02T02:00:00.000Z',
    attemptedAt: null,
    sentAt: null,
    doneAt: null,
    attempts: 0,
    claimedUntil: null,
    error: null,
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);

/** The attempt `n` of `row`, claimed from `attemptedAt` until five minutes later. */
function attemptOf(row: NoticeRecord, n: number, attemptedAt: string, error: string | null = null) {
  return {
    ...row,
    attempts: n,
    attemptedAt,
    claimedUntil: new Date(Date.parse(attemptedAt) + 300_000).toISOString(),
    error,
  };
}

/** `row` as accepted by the gateway at `sentAt`. */
function sentOf(row: NoticeRecord, sentAt: string, messageId = `m-${row.id}`): NoticeRecord {
  return {
    ...row,
    status: 'sent',
    sentAt,
    claimedUntil: null,
    providerMessageId: messageId,
    parts: [{ messageId, receipt: null }],
  };
}

/**
 * The behaviour every {@link NoticeLog} must have, as a vitest suite: rows round-trip; claims are
 * atomic (one winner among concurrent workers, also across connections when `openAgain` is
 * given), a live claim blocks every other one until it runs out, a stale reader loses, nothing is
 * claimed after acceptance, and a hold note never overwrites a claim; an update is written only
 * over the row state its writer expects (one winner among concurrent writers; a late outcome of
 * an attempt whose claim was taken over leaves the newer, accepted row alone); the daily cap is checked in
 * the claim (accepted notices of the day plus the others being sent now); message ids find their
 * notice (per provider); sent notices are counted in a half-open range; bad rows are refused
 * naming the field. Run it from a `*.test.ts` file:
 *
 * @example
 * ```ts
 * import { MemoryNoticeLog } from '@motcua/notify-sms';
 * import { noticeLogConformanceSuite } from '@motcua/notify-sms/testing';
 * noticeLogConformanceSuite('MemoryNoticeLog', { makeLog: () => new MemoryNoticeLog() });
 * ```
 */
export function noticeLogConformanceSuite(name: string, options: NoticeLogSuiteOptions): void {
  describe(`NoticeLog conformance: ${name}`, () => {
    const withLog = (body: (log: NoticeLog) => Promise<void>) => async () => {
      const log = await options.makeLog();
      try {
        await body(log);
      } finally {
        await options.closeLog?.(log);
      }
    };

    it(
      'stores, replaces and lists rows',
      withLog(async (log) => {
        expect(await log.get('nope')).toBeUndefined();
        const a = sampleNoticeRecord();
        const b = sampleNoticeRecord({
          id: 'H56-260302-0002:1:sms.notice:receipt',
          code: 'H56-260302-0002',
          createdAt: '2026-03-02T03:00:00.000Z',
        });
        await log.put(b);
        await log.put(a);
        expect(await log.get(a.id)).toEqual(a);
        const failed = {
          ...a,
          status: 'failed' as const,
          error: 'refused',
          doneAt: '2026-03-02T02:01:00.000Z',
        };
        await log.put(failed);
        expect(await log.get(a.id)).toEqual(failed);
        expect((await log.list()).map((r) => r.id)).toEqual([a.id, b.id]);
        expect((await log.list({ code: b.code })).map((r) => r.id)).toEqual([b.id]);
        expect((await log.list({ status: 'failed' })).map((r) => r.id)).toEqual([a.id]);
        // Same creation time: ordered by id, in code-unit order.
        const c = sampleNoticeRecord({ id: 'Z-late', createdAt: a.createdAt });
        const d = sampleNoticeRecord({ id: 'a-early', createdAt: a.createdAt });
        await log.put(c);
        await log.put(d);
        expect((await log.list()).map((r) => r.id)).toEqual([a.id, c.id, d.id, b.id]);
      }),
    );

    it(
      'refuses a malformed row, naming the field, and keeps the old one',
      withLog(async (log) => {
        const a = sampleNoticeRecord();
        await log.put(a);
        await expect(log.put({ ...a, attempts: -1 })).rejects.toMatchObject({ field: 'attempts' });
        await expect(log.put({ ...a, status: 'lost' as never })).rejects.toMatchObject({ field: 'status' });
        await expect(log.put({ ...a, claimedUntil: 'soon' })).rejects.toMatchObject({
          field: 'claimedUntil',
        });
        const now = at('2026-03-02T02:00:00.000Z');
        await expect(
          log.claim({ ...a, phone: '0912345678' } as NoticeRecord, { previousAttempts: 0, now }),
        ).rejects.toMatchObject({ code: 'INVALID_OPTION' });
        expect(await log.get(a.id)).toEqual(a);
      }),
    );

    it(
      'claims a notice once among concurrent workers',
      withLog(async (log) => {
        const base = sampleNoticeRecord();
        const now = at('2026-03-02T02:00:05.000Z');
        const handles = [log];
        if (options.openAgain) handles.push(await options.openAgain(log), await options.openAgain(log));
        try {
          const results = await Promise.all(
            Array.from({ length: 9 }, (_, i) =>
              handles[i % handles.length]!.claim(attemptOf(base, 1, now.toISOString(), `w${i}`), {
                previousAttempts: 0,
                now,
              }),
            ),
          );
          expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
          for (const r of results) expect(['claimed', 'in-flight', 'changed']).toContain(r);
          const row = await handles[handles.length - 1]!.get(base.id);
          expect(row?.attempts).toBe(1);
          expect(row?.error).toBe(`w${results.indexOf('claimed')}`);
        } finally {
          for (const h of handles.slice(1)) await options.closeLog?.(h);
        }
      }),
    );

    it(
      'blocks other claims until a claim runs out; a stale reader loses; none after acceptance',
      withLog(async (log) => {
        const base = sampleNoticeRecord();
        const t0 = '2026-03-02T02:00:05.000Z';
        const first = attemptOf(base, 1, t0);
        expect(await log.claim(first, { previousAttempts: 0, now: at(t0) })).toBe('claimed');
        // While it runs (five minutes), nobody else claims, whatever they read.
        const during = at('2026-03-02T02:04:00.000Z');
        expect(
          await log.claim(attemptOf(base, 2, during.toISOString()), { previousAttempts: 1, now: during }),
        ).toBe('in-flight');
        expect(
          await log.claim(attemptOf(base, 1, during.toISOString()), { previousAttempts: 0, now: during }),
        ).toBe('in-flight');
        // Its worker died: after the claim ran out, the next attempt is claimed once.
        const after = at('2026-03-02T02:05:05.000Z');
        const second = attemptOf(base, 2, after.toISOString());
        expect(
          await log.claim(attemptOf(base, 1, after.toISOString()), { previousAttempts: 0, now: after }),
        ).toBe('changed');
        expect(await log.claim(second, { previousAttempts: 1, now: after })).toBe('claimed');
        expect(await log.claim({ ...second, error: 'again' }, { previousAttempts: 1, now: after })).toBe(
          'in-flight',
        );
        expect(await log.get(base.id)).toEqual(second);
        // A retryable failure releases the claim: the next attempt need not wait.
        await log.put({ ...second, claimedUntil: null, error: 'gateway down' });
        expect(
          await log.claim(attemptOf(base, 3, after.toISOString()), { previousAttempts: 2, now: after }),
        ).toBe('claimed');
        // Once a gateway accepted it, nothing is claimed any more, not even much later.
        await log.put(sentOf(attemptOf(base, 3, after.toISOString()), after.toISOString()));
        const later = at('2026-03-09T02:00:00.000Z');
        expect(
          await log.claim(attemptOf(base, 4, later.toISOString()), { previousAttempts: 3, now: later }),
        ).toBe('sent');
        expect((await log.get(base.id))?.status).toBe('sent');
        // Absent row: only a reader that saw no attempt may create it.
        const fresh = sampleNoticeRecord({ id: 'fresh' });
        expect(await log.claim(attemptOf(fresh, 2, t0), { previousAttempts: 1, now: at(t0) })).toBe(
          'changed',
        );
        expect(await log.get('fresh')).toBeUndefined();
      }),
    );

    it(
      'writes a hold note only on a row that is not claimed or accepted',
      withLog(async (log) => {
        const now = at('2026-03-02T14:30:00.000Z');
        const held = sampleNoticeRecord({ id: 'held', error: 'quiet hours' });
        expect(await log.claim(held, { previousAttempts: 0, now })).toBe('claimed');
        expect(await log.get('held')).toEqual(held);
        // A held row can be claimed for its first attempt.
        const attempt = attemptOf(held, 1, now.toISOString());
        expect(await log.claim(attempt, { previousAttempts: 0, now })).toBe('claimed');
        // A late hold note from another worker leaves the live claim alone.
        expect(await log.claim({ ...held, error: 'late note' }, { previousAttempts: 0, now })).toBe(
          'in-flight',
        );
        expect(await log.get('held')).toEqual(attempt);
        await log.put(sentOf(attempt, now.toISOString()));
        expect(
          await log.claim({ ...held, attempts: 1, error: 'late note' }, { previousAttempts: 1, now }),
        ).toBe('sent');
        expect((await log.get('held'))?.sentAt).toBe(now.toISOString());
      }),
    );

    it(
      'updates a row only while it is in the state the writer expects',
      withLog(async (log) => {
        const t0 = '2026-03-02T02:00:05.000Z';
        const base = sampleNoticeRecord();
        const claimed = attemptOf(base, 1, t0);
        // No row: nothing to update, nothing created.
        expect(await log.update(sentOf(claimed, t0), claimed)).toBe('changed');
        expect(await log.get(base.id)).toBeUndefined();
        expect(await log.claim(claimed, { previousAttempts: 0, now: at(t0) })).toBe('claimed');
        // The claim deadline, the error and the attempt's times are not part of the state.
        const noted = { ...claimed, claimedUntil: null, error: 'held', attemptedAt: null };
        expect(await log.update(noted, claimed)).toBe('updated');
        const sent = sentOf(claimed, '2026-03-02T02:00:07.000Z', 'm1');
        expect(await log.update(sent, claimed)).toBe('updated');
        expect(await log.get(base.id)).toEqual(sent);
        // A writer that read the row before the acceptance writes nothing.
        expect(await log.update({ ...noted, error: 'late' }, claimed)).toBe('changed');
        expect(await log.get(base.id)).toEqual(sent);
        // The same instant written with another offset is the same acceptance time.
        const delivered: NoticeRecord = {
          ...sent,
          status: 'delivered',
          parts: [{ messageId: 'm1', receipt: 'delivered' }],
          doneAt: '2026-03-02T02:01:00.000Z',
        };
        expect(await log.update(delivered, { ...sent, sentAt: '2026-03-02T09:00:07.000+07:00' })).toBe(
          'updated',
        );
        // Each field of the state counts: attempts, acceptance time, status, a part's id or receipt.
        for (const stale of [
          { ...delivered, attempts: 2 },
          { ...delivered, sentAt: '2026-03-02T02:00:08.000Z' },
          { ...delivered, sentAt: null },
          { ...delivered, status: 'sent' as const },
          { ...delivered, parts: [{ messageId: 'm1', receipt: null }] },
          { ...delivered, parts: [{ messageId: 'm2', receipt: 'delivered' as const }] },
          { ...delivered, parts: [] },
        ]) {
          expect(await log.update({ ...delivered, error: 'stale' }, stale)).toBe('changed');
        }
        expect(await log.get(base.id)).toEqual(delivered);
        expect((await log.findByProviderMessageId('m1'))?.status).toBe('delivered');
        await expect(log.update({ ...delivered, attempts: -1 }, delivered)).rejects.toMatchObject({
          field: 'attempts',
        });
        expect(await log.get(base.id)).toEqual(delivered);
      }),
    );

    it(
      'lets one of many concurrent updates from the same state through, across connections',
      withLog(async (log) => {
        const t0 = '2026-03-02T02:00:05.000Z';
        const claimed = attemptOf(sampleNoticeRecord(), 1, t0);
        expect(await log.claim(claimed, { previousAttempts: 0, now: at(t0) })).toBe('claimed');
        const handles = [log];
        if (options.openAgain) handles.push(await options.openAgain(log), await options.openAgain(log));
        try {
          const results = await Promise.all(
            Array.from({ length: 9 }, (_, i) =>
              handles[i % handles.length]!.update(sentOf(claimed, t0, `m${i}`), claimed),
            ),
          );
          expect(results.filter((r) => r === 'updated')).toHaveLength(1);
          const row = await handles[handles.length - 1]!.get(claimed.id);
          expect(row?.providerMessageId).toBe(`m${results.indexOf('updated')}`);
        } finally {
          for (const h of handles.slice(1)) await options.closeLog?.(h);
        }
      }),
    );

    it(
      'keeps an accepted, delivered notice when the attempt whose claim was taken over writes late',
      withLog(async (log) => {
        const base = sampleNoticeRecord();
        // Worker A claims at 02:00 and its send outlasts the claim (5 minutes).
        const a = attemptOf(base, 1, '2026-03-02T02:00:00.000Z');
        expect(await log.claim(a, { previousAttempts: 0, now: at('2026-03-02T02:00:00.000Z') })).toBe(
          'claimed',
        );
        // Worker B finds the claim run out, claims, sends; the gateway's receipt comes.
        const bAt = '2026-03-02T02:05:01.000Z';
        const b = attemptOf(base, 2, bAt);
        expect(await log.claim(b, { previousAttempts: 1, now: at(bAt) })).toBe('claimed');
        const sentB = sentOf(b, '2026-03-02T02:05:02.000Z', 'mb');
        expect(await log.update(sentB, b)).toBe('updated');
        const delivered: NoticeRecord = {
          ...sentB,
          status: 'delivered',
          parts: [{ messageId: 'mb', receipt: 'delivered' }],
          doneAt: '2026-03-02T02:05:30.000Z',
        };
        expect(await log.update(delivered, sentB)).toBe('updated');
        // A's late outcome, whatever it is, is written over the state A claimed: refused.
        expect(await log.update({ ...a, claimedUntil: null, error: 'gateway timeout' }, a)).toBe('changed');
        expect(await log.update(sentOf(a, '2026-03-02T02:05:40.000Z', 'ma'), a)).toBe('changed');
        expect(await log.get(base.id)).toEqual(delivered);
        expect(
          await log.countSent(base.numberRef, at('2026-03-01T17:00:00.000Z'), at('2026-03-02T17:00:00.000Z')),
        ).toBe(1);
        expect((await log.findByProviderMessageId('mb'))?.status).toBe('delivered');
        expect(await log.findByProviderMessageId('ma')).toBeUndefined();
        const later = at('2026-03-02T03:00:00.000Z');
        expect(
          await log.claim(attemptOf(base, 3, later.toISOString()), { previousAttempts: 2, now: later }),
        ).toBe('sent');
      }),
    );

    it(
      'checks the daily cap in the claim: accepted notices of the day and the others being sent',
      withLog(async (log) => {
        const day = { from: at('2026-03-01T17:00:00.000Z'), to: at('2026-03-02T17:00:00.000Z') };
        const now = at('2026-03-02T03:00:00.000Z');
        const row = (id: string, numberRef = 'n1') => sampleNoticeRecord({ id, numberRef });
        // Yesterday's and another number's notices do not count.
        await log.put(
          sentOf(attemptOf(row('old'), 1, '2026-03-01T09:00:00.000Z'), '2026-03-01T09:00:01.000Z'),
        );
        await log.put(sentOf(attemptOf(row('other', 'n2'), 1, now.toISOString()), now.toISOString()));
        await log.put(sentOf(attemptOf(row('a'), 1, '2026-03-02T01:00:00.000Z'), '2026-03-02T01:00:01.000Z'));
        // One being sent now (claimed), one whose worker died long ago (claim ran out).
        expect(await log.claim(attemptOf(row('b'), 1, now.toISOString()), { previousAttempts: 0, now })).toBe(
          'claimed',
        );
        await log.put(attemptOf(row('dead'), 1, '2026-03-02T01:30:00.000Z'));
        const cap = (limit: number) => ({ previousAttempts: 0, now, dailyCap: { limit, ...day } });
        expect(await log.claim(attemptOf(row('c'), 1, now.toISOString()), cap(2))).toBe('daily-cap');
        expect(await log.get('c')).toBeUndefined();
        expect(await log.claim(attemptOf(row('c'), 1, now.toISOString()), cap(3))).toBe('claimed');
        // Its own claim is not counted against it.
        await log.put({ ...attemptOf(row('c'), 1, now.toISOString()), claimedUntil: null, error: 'retry' });
        expect(
          await log.claim(attemptOf(row('c'), 2, now.toISOString()), { ...cap(3), previousAttempts: 1 }),
        ).toBe('claimed');
        expect(await log.countSent('n1', day.from, day.to)).toBe(1);
      }),
    );

    it(
      'lets one of many notices to a number through a cap of one, across concurrent workers',
      withLog(async (log) => {
        const now = at('2026-03-02T03:00:00.000Z');
        const dailyCap = {
          limit: 1,
          from: at('2026-03-01T17:00:00.000Z'),
          to: at('2026-03-02T17:00:00.000Z'),
        };
        const handles = [log];
        if (options.openAgain) handles.push(await options.openAgain(log));
        try {
          const results: ClaimOutcome[] = await Promise.all(
            Array.from({ length: 8 }, (_, i) =>
              handles[i % handles.length]!.claim(
                attemptOf(sampleNoticeRecord({ id: `n-${i}` }), 1, now.toISOString()),
                { previousAttempts: 0, now, dailyCap },
              ),
            ),
          );
          expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
          expect(results.filter((r) => r === 'daily-cap')).toHaveLength(7);
        } finally {
          for (const h of handles.slice(1)) await options.closeLog?.(h);
        }
      }),
    );

    it(
      'finds a notice by the gateway id of any of its parts, per provider',
      withLog(async (log) => {
        const a = sampleNoticeRecord({
          status: 'sent',
          providerMessageId: 'm1',
          parts: [
            { messageId: 'm1', receipt: null },
            { messageId: 'm2', receipt: null },
          ],
          sentAt: '2026-03-02T02:00:10.000Z',
          attempts: 1,
        });
        const other = sampleNoticeRecord({
          id: 'other',
          provider: 'smpp',
          status: 'sent',
          providerMessageId: 'm2',
          parts: [{ messageId: 'm2', receipt: null }],
          sentAt: '2026-03-02T02:00:11.000Z',
          attempts: 1,
        });
        await log.put(a);
        await log.put(other);
        expect((await log.findByProviderMessageId('m2', 'dev'))?.id).toBe(a.id);
        expect((await log.findByProviderMessageId('m2', 'smpp'))?.id).toBe('other');
        expect((await log.findByProviderMessageId('m1'))?.id).toBe(a.id);
        expect(await log.findByProviderMessageId('m9')).toBeUndefined();
        expect(await log.findByProviderMessageId('m1', 'smpp')).toBeUndefined();
        // A receipt's update is found again with its new state.
        const delivered = {
          ...a,
          parts: [
            { messageId: 'm1', receipt: 'delivered' as const },
            { messageId: 'm2', receipt: null },
          ],
        };
        await log.put(delivered);
        expect(await log.findByProviderMessageId('m1', 'dev')).toEqual(delivered);
      }),
    );

    it(
      'counts the notices a gateway accepted for a number in a half-open range',
      withLog(async (log) => {
        const sent = (id: string, numberRef: string, sentAt: string | null) =>
          sampleNoticeRecord({ id, numberRef, sentAt, status: sentAt ? 'sent' : 'queued', attempts: 1 });
        await log.put(sent('a', 'n1', '2026-03-01T17:00:00.000Z'));
        await log.put(sent('b', 'n1', '2026-03-02T09:30:00.000Z'));
        await log.put(sent('c', 'n1', '2026-03-02T16:59:59.999Z'));
        await log.put(sent('d', 'n1', null));
        await log.put(sent('e', 'n2', '2026-03-02T09:00:00.000Z'));
        // An instant written with an offset counts at its UTC time.
        await log.put(sent('f', 'n1', '2026-03-03T00:30:00.000+07:00'));
        const from = at('2026-03-01T17:00:00.000Z');
        const to = at('2026-03-02T17:00:00.000Z');
        expect(await log.countSent('n1', from, to)).toBe(3);
        expect(await log.countSent('n1', at('2026-03-01T17:00:00.001Z'), to)).toBe(2);
        expect(await log.countSent('n1', from, at('2026-03-02T17:30:00.000Z'))).toBe(3);
        expect(await log.countSent('n1', from, at('2026-03-02T17:30:00.001Z'))).toBe(4);
        expect(await log.countSent('n2', from, to)).toBe(1);
        expect(await log.countSent('n3', from, to)).toBe(0);
        // A receipt on a sent notice leaves the count alone; a row moved to another time moves.
        await log.put({ ...sent('b', 'n1', '2026-03-02T09:30:00.000Z'), status: 'delivered' });
        expect(await log.countSent('n1', from, to)).toBe(3);
        await log.put(sent('b', 'n1', '2026-03-05T09:30:00.000Z'));
        expect(await log.countSent('n1', from, to)).toBe(2);
      }),
    );
  });
}
