import { describe, expect, it } from 'vitest';
import type { NoticeLog, NoticeRecord } from '../delivery/notice-log.js';

/** Options of {@link noticeLogConformanceSuite}. */
export interface NoticeLogSuiteOptions {
  /** A new, empty log for each test. */
  readonly makeLog: () => Promise<NoticeLog> | NoticeLog;
  /** Closes what `makeLog` opened (after each test). */
  readonly closeLog?: (log: NoticeLog) => Promise<void> | void;
}

/** A notice log row for tests: queued, never attempted, overridable field by field. */
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
    error: null,
    ...overrides,
  };
}

/**
 * The behaviour every {@link NoticeLog} must have, as a vitest suite: rows round-trip, attempts
 * are claimed atomically (one winner among concurrent workers; never after acceptance), message
 * ids find their notice (per provider), the daily cap counts sent rows in a half-open range, and
 * bad rows are refused naming the field. Run it from a `*.test.ts` file:
 *
 * @example
 * ```ts
 * import { noticeLogConformanceSuite } from '@motcua/notify-sms/testing';
 * noticeLogConformanceSuite('my log', { makeLog: () => new MyNoticeLog() });
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
      }),
    );

    it(
      'refuses a malformed row, naming the field, and keeps the old one',
      withLog(async (log) => {
        const a = sampleNoticeRecord();
        await log.put(a);
        await expect(log.put({ ...a, attempts: -1 })).rejects.toMatchObject({ field: 'attempts' });
        await expect(log.put({ ...a, status: 'lost' as never })).rejects.toMatchObject({ field: 'status' });
        expect(await log.get(a.id)).toEqual(a);
      }),
    );

    it(
      'claims an attempt once: one winner among concurrent workers, none after acceptance',
      withLog(async (log) => {
        const base = sampleNoticeRecord();
        const attempt = (worker: string) => ({
          ...base,
          attempts: 1,
          attemptedAt: '2026-03-02T02:00:05.000Z',
          error: worker,
        });
        const results = await Promise.all(['w1', 'w2', 'w3'].map((w) => log.claimAttempt(attempt(w), 0)));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await log.get(base.id))?.attempts).toBe(1);
        // A stale claim (it saw 0 attempts) loses; the next attempt after 1 wins once.
        expect(await log.claimAttempt(attempt('late'), 0)).toBe(false);
        const second = { ...base, attempts: 2, attemptedAt: '2026-03-02T02:05:00.000Z' };
        expect(await log.claimAttempt(second, 1)).toBe(true);
        expect(await log.claimAttempt({ ...second, error: 'again' }, 1)).toBe(false);
        // Once a gateway accepted it, no attempt is claimed any more.
        await log.put({
          ...second,
          status: 'sent',
          sentAt: '2026-03-02T02:05:01.000Z',
          parts: [{ messageId: 'm1', receipt: null }],
        });
        expect(await log.claimAttempt({ ...second, attempts: 3 }, 2)).toBe(false);
        // A row held (quiet hours) before any attempt can still be claimed.
        const held = sampleNoticeRecord({ id: 'held', error: 'quiet hours' });
        await log.put(held);
        expect(await log.claimAttempt({ ...held, attempts: 1 }, 0)).toBe(true);
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
        const from = new Date('2026-03-01T17:00:00.000Z');
        const to = new Date('2026-03-02T17:00:00.000Z');
        expect(await log.countSent('n1', from, to)).toBe(3);
        expect(await log.countSent('n1', new Date('2026-03-01T17:00:00.001Z'), to)).toBe(2);
        expect(await log.countSent('n2', from, to)).toBe(1);
        expect(await log.countSent('n3', from, to)).toBe(0);
      }),
    );
  });
}
