import { describe, expect, it } from 'vitest';
import { formatReturnDate, localDayBounds, localParts } from './local-time.js';
import { MemoryNoticeLog } from './memory-notice-log.js';
import type { NoticeRecord } from './notice-log.js';
import { DEFAULT_QUIET_HOURS, isQuietTime, nextDayStart, quietHoursEnd } from './quiet-hours.js';
import { TokenBucket } from './token-bucket.js';

const VN = 'Asia/Ho_Chi_Minh';
const at = (local: string) => new Date(`${local}+07:00`);

describe('local time in Asia/Ho_Chi_Minh, whatever the process zone', () => {
  it('formats return dates in Vietnamese', () => {
    expect(formatReturnDate(new Date('2026-03-11T10:00:00Z'))).toBe('17 giờ 00 phút ngày 11/03/2026');
    expect(formatReturnDate(at('2026-12-31T16:30:00'))).toBe('16 giờ 30 phút ngày 31/12/2026');
    expect(formatReturnDate(at('2027-01-01T00:05:00'), { style: 'date' })).toBe('01/01/2027');
    expect(formatReturnDate(new Date('2026-03-11T10:00:00Z'), { timeZone: 'UTC' })).toBe(
      '10 giờ 00 phút ngày 11/03/2026',
    );
  });

  it('finds local parts and local days', () => {
    expect(localParts(new Date('2026-03-02T17:30:00Z'), VN)).toEqual({
      year: 2026,
      month: 3,
      day: 3,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(localDayBounds(at('2026-03-31T23:59:00'), VN)).toEqual({
      start: at('2026-03-31T00:00:00'),
      end: at('2026-04-01T00:00:00'),
    });
  });
});

describe('quiet hours', () => {
  it('includes the start and excludes the end, across midnight', () => {
    const q = DEFAULT_QUIET_HOURS;
    expect(isQuietTime(at('2026-03-02T20:59:59'), q, VN)).toBe(false);
    expect(isQuietTime(at('2026-03-02T21:00:00'), q, VN)).toBe(true);
    expect(isQuietTime(at('2026-03-03T03:00:00'), q, VN)).toBe(true);
    expect(isQuietTime(at('2026-03-03T06:59:00'), q, VN)).toBe(true);
    expect(isQuietTime(at('2026-03-03T07:00:00'), q, VN)).toBe(false);
    const lunch = { start: '11:30', end: '13:30' };
    expect(isQuietTime(at('2026-03-03T12:00:00'), lunch, VN)).toBe(true);
    expect(isQuietTime(at('2026-03-03T21:00:00'), lunch, VN)).toBe(false);
  });

  it('ends at the next 07:00, the same night or the next morning', () => {
    expect(quietHoursEnd(at('2026-03-02T21:30:00'), DEFAULT_QUIET_HOURS, VN)).toEqual(
      at('2026-03-03T07:00:00'),
    );
    expect(quietHoursEnd(at('2026-03-03T02:00:00'), DEFAULT_QUIET_HOURS, VN)).toEqual(
      at('2026-03-03T07:00:00'),
    );
    expect(quietHoursEnd(at('2026-12-31T23:00:00'), DEFAULT_QUIET_HOURS, VN)).toEqual(
      at('2027-01-01T07:00:00'),
    );
  });

  it('starts the next day at the end of its quiet hours, or at midnight without them', () => {
    expect(nextDayStart(at('2026-03-02T10:00:00'), DEFAULT_QUIET_HOURS, VN)).toEqual(
      at('2026-03-03T07:00:00'),
    );
    expect(nextDayStart(at('2026-03-02T10:00:00'), false, VN)).toEqual(at('2026-03-03T00:00:00'));
    expect(nextDayStart(at('2026-03-02T10:00:00'), { start: '11:30', end: '13:30' }, VN)).toEqual(
      at('2026-03-03T00:00:00'),
    );
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate, first come first served', async () => {
    let now = 0;
    const bucket = new TokenBucket(
      { perSecond: 4, burst: 2 },
      {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
        },
      },
    );
    const times: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => bucket.take().then(() => times.push(now))));
    expect(times).toEqual([0, 0, 250, 500, 750, 1000]);
    now += 10_000; // idle: the bucket refills to its burst only
    const before = now;
    await bucket.take();
    await bucket.take();
    await bucket.take();
    expect(now - before).toBe(250);
  });

  it('waits for real when given no timing', async () => {
    const bucket = new TokenBucket({ perSecond: 1000, burst: 1 });
    await bucket.take();
    await bucket.take();
    expect(bucket.waitedMs).toBeGreaterThan(0);
  });
});

describe('MemoryNoticeLog', () => {
  const row: NoticeRecord = {
    id: 'C-1:1:sms.notice:receipt',
    code: 'C-1',
    notice: 'receipt',
    to: '09******78',
    numberRef: 'ref-a',
    provider: 'smpp',
    providerMessageId: 'M1',
    parts: [
      { messageId: 'M1', receipt: null },
      { messageId: 'M2', receipt: null },
    ],
    status: 'sent',
    createdAt: '2026-03-02T02:00:00.000Z',
    attemptedAt: '2026-03-02T02:00:00.000Z',
    sentAt: '2026-03-02T02:00:00.000Z',
    doneAt: null,
    attempts: 1,
    claimedUntil: null,
    error: null,
  };

  it('indexes rows by part message id and counts a number per period', async () => {
    const log = new MemoryNoticeLog();
    await log.put(row);
    await log.put({
      ...row,
      id: 'C-2',
      code: 'C-2',
      sentAt: '2026-03-03T02:00:00.000Z',
      parts: [],
      providerMessageId: null,
    });
    expect((await log.findByProviderMessageId('M2'))?.id).toBe(row.id);
    expect((await log.findByProviderMessageId('M2', 'smpp'))?.id).toBe(row.id);
    expect(await log.findByProviderMessageId('M2', 'http')).toBeUndefined();
    expect(await log.countSent('ref-a', at('2026-03-02T00:00:00'), at('2026-03-03T00:00:00'))).toBe(1);
    expect(await log.countSent('ref-b', at('2026-03-02T00:00:00'), at('2026-03-04T00:00:00'))).toBe(0);
    expect(await log.list({ code: 'C-1' })).toEqual([row]);
  });

  it('refuses a row that does not match the schema (no extra fields, such as the number)', async () => {
    const log = new MemoryNoticeLog();
    await expect(log.put({ ...row, phone: '0912345678' } as NoticeRecord)).rejects.toThrow(/notice log row/);
    await expect(log.put({ ...row, status: 'lost' } as unknown as NoticeRecord)).rejects.toThrow(/status/);
  });
});
