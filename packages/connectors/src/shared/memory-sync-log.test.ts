/** The sync log's rules on the memory log: acknowledgements never move back, steps are keyed by version. */
import { describe, expect, it } from 'vitest';
import { MemorySyncLog } from './memory-sync-log.js';

const at = new Date('2026-03-02T02:30:00.000Z');

describe('MemorySyncLog', () => {
  it('keeps the highest acknowledged version, the first and last lag, and clears the error on an acknowledgement', async () => {
    const log = new MemorySyncLog();
    expect(log.target).toBe('dvcqg');
    await log.fail('A', { at, error: 'DVCQG_RETRY record create: connection failed' });
    expect(await log.row('A')).toMatchObject({
      ackVersion: null,
      lastError: expect.any(String),
      lastErrorField: null,
    });
    await log.ack('A', { version: 3, at, lagMs: 500, receivedAt: '2026-03-02T02:30:00.000Z' });
    await log.ack('A', { version: 2, at: new Date(at.getTime() + 1000), lagMs: 9000, receivedAt: null });
    expect(await log.row('A')).toMatchObject({
      target: 'dvcqg',
      ackVersion: 3,
      firstAckLagMs: 500,
      lastAckLagMs: 500,
      lastError: null,
      receivedAt: '2026-03-02T02:30:00.000Z',
    });
    await log.fail('A', { at, error: 'DVCQG_INVALID_FIELD LoaiDoiTuong: required', field: 'LoaiDoiTuong' });
    await log.ack('A', { version: 4, at, lagMs: 700, receivedAt: '2026-03-02T02:30:00.000Z' });
    expect(await log.row('A')).toMatchObject({
      ackVersion: 4,
      firstAckLagMs: 500,
      lastAckLagMs: 700,
      lastErrorField: null,
    });
    expect((await log.rows()).map((r) => r.code)).toEqual(['A']);
  });

  it('writes a step once per version and keeps it synced', async () => {
    const log = new MemorySyncLog({ target: 'igate-moha' });
    await log.recordStep('A', 2, { n: 2 }, '2026-03-02T02:30:00.000Z');
    await log.recordStep('A', 1, { n: 1 }, '2026-03-02T02:00:00.000Z');
    await log.recordStep('A', 2, { n: 'again' }, '2026-03-02T03:00:00.000Z');
    expect((await log.steps('A')).map((s) => [s.version, s.entry])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
    ]);
    await log.markStepsSynced('A', [1], at);
    await log.markStepsSynced('A', [1, 7], new Date(at.getTime() + 60_000));
    expect(await log.steps('A', 'synced')).toMatchObject([
      { version: 1, syncedAt: at.toISOString(), lagMs: 30 * 60_000 },
    ]);
    expect((await log.steps('A', 'pending')).map((s) => s.version)).toEqual([2]);
    expect(await log.steps('B')).toEqual([]);
    await log.markStepsSynced('B', [1], at);
  });
});
