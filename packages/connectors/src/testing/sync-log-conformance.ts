import { describe, expect, it } from 'vitest';
import type { SyncLog } from '../shared/sync-log.js';
import type { SyncLogMigrationResult } from '../shared/sync-log-migration.js';

/** Options of {@link syncLogConformanceSuite}. */
export interface SyncLogSuiteOptions {
  /** A new, empty (and migrated) log for each test, of target `dvcqg` (the default). */
  readonly makeLog: () => Promise<SyncLog> | SyncLog;
  /**
   * A second handle on the storage of `log` (another connection, as the engine after a restart or
   * another worker has), keeping `target` (default `log.target`); omit for a log that lives in one
   * process.
   */
  readonly openAgain?: (log: SyncLog, options?: { readonly target?: string }) => Promise<SyncLog> | SyncLog;
  /** Closes what `makeLog` / `openAgain` opened (after each test). */
  readonly closeLog?: (log: SyncLog) => Promise<void> | void;
  /** Runs the log's migrations again (for a durable log): the second run must apply nothing. */
  readonly migrate?: (log: SyncLog) => Promise<SyncLogMigrationResult>;
  /** Makes a log with this `tablePrefix` (for a durable log): a bad prefix must be refused. */
  readonly withPrefix?: (tablePrefix: string) => unknown;
}

const T0 = '2026-03-02T02:30:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000);
const CODE = '000.00.14.H56-260302-0001';
const OTHER = '000.00.14.H56-260302-0002';

/** A step-history entry as the portal takes it: officer and unit names, never the applicant's data. */
const entry = (n: number) => ({
  MaHoSo: CODE,
  NguoiXuLy: 'Nguyễn Văn An',
  ThoiDiemXuLy: `2026030209${String(30 + n).padStart(2, '0')}00`,
  NoiDungXuLy: n === 1 ? 'Tiếp nhận hồ sơ' : 'Chuyển xử lý',
  TrangThai: '2',
});

/**
 * The behaviour every `SyncLog` must have, as a vitest suite: the acknowledged version never
 * moves back (an older acknowledgement arriving late changes nothing) and an acknowledgement
 * clears the last error, as does a confirmation of history entries that moves one to synced; the first and last lag are kept; a failure keeps its error and the field
 * it named; a step row is written once per `(code, version)` and goes from pending to synced
 * (with its lag), never back; rows are listed in code order; what a log holds is seen through a
 * second handle (`openAgain`: a restart, another worker), where each target keeps its own rows; bad input is refused naming the argument, and
 * nothing is stored; for a durable log, `migrate()` is idempotent and a bad `tablePrefix` is
 * refused with a `ConnectorError` naming the option. Run it from a `*.test.ts` file:
 *
 * @example
 * ```ts
 * import { MemorySyncLog } from '@motcua/connectors';
 * import { syncLogConformanceSuite } from '@motcua/connectors/testing';
 * syncLogConformanceSuite('MemorySyncLog', { makeLog: () => new MemorySyncLog() });
 * ```
 */
export function syncLogConformanceSuite(name: string, options: SyncLogSuiteOptions): void {
  describe(`SyncLog conformance: ${name}`, () => {
    const withLog = (body: (log: SyncLog, opened: SyncLog[]) => Promise<void>) => async () => {
      const log = await options.makeLog();
      const opened: SyncLog[] = [];
      try {
        await body(log, opened);
      } finally {
        for (const o of opened) await options.closeLog?.(o);
        await options.closeLog?.(log);
      }
    };

    it(
      'keeps the highest acknowledged version: a late, older acknowledgement changes nothing',
      withLog(async (log) => {
        expect(log.target).toBe('dvcqg');
        expect(await log.row(CODE)).toBeUndefined();
        await log.ack(CODE, { version: 3, at: at(1), lagMs: 500, receivedAt: T0 });
        await log.ack(CODE, { version: 2, at: at(2), lagMs: 9000, receivedAt: null });
        await log.ack(CODE, { version: 3, at: at(3), lagMs: 8000, receivedAt: null });
        expect(await log.row(CODE)).toEqual({
          target: 'dvcqg',
          code: CODE,
          receivedAt: T0,
          ackVersion: 3,
          ackedAt: at(1).toISOString(),
          firstAckLagMs: 500,
          lastAckLagMs: 500,
          lastAttemptAt: at(1).toISOString(),
          lastError: null,
          lastErrorField: null,
        });
        await log.ack(CODE, { version: 5, at: at(4), lagMs: 700, receivedAt: T0 });
        expect(await log.row(CODE)).toMatchObject({
          ackVersion: 5,
          ackedAt: at(4).toISOString(),
          firstAckLagMs: 500,
          lastAckLagMs: 700,
        });
      }),
    );

    it(
      'never moves the acknowledged version back under concurrent acknowledgements',
      withLog(async (log) => {
        const versions = [4, 9, 2, 7, 9, 1, 8, 3, 6, 5];
        await Promise.all(
          versions.map((version, i) => log.ack(CODE, { version, at: at(i), lagMs: i * 100, receivedAt: T0 })),
        );
        const row = await log.row(CODE);
        expect(row?.ackVersion).toBe(9);
        expect([at(1).toISOString(), at(4).toISOString()]).toContain(row?.ackedAt);
      }),
    );

    it(
      'keeps the last error with the field it named until the next acknowledgement clears it',
      withLog(async (log) => {
        await log.fail(CODE, {
          at: at(0),
          error: 'DVCQG_RETRY record create: portal unavailable (HTTP 500)',
        });
        expect(await log.row(CODE)).toMatchObject({
          ackVersion: null,
          ackedAt: null,
          firstAckLagMs: null,
          receivedAt: null,
          lastAttemptAt: at(0).toISOString(),
          lastError: 'DVCQG_RETRY record create: portal unavailable (HTTP 500)',
          lastErrorField: null,
        });
        await log.fail(CODE, {
          at: at(1),
          error: 'DVCQG_INVALID_FIELD TaiLieuNop[2].DuongDanTaiTepTin: required',
          field: 'TaiLieuNop[2].DuongDanTaiTepTin',
        });
        expect(await log.row(CODE)).toMatchObject({
          lastAttemptAt: at(1).toISOString(),
          lastErrorField: 'TaiLieuNop[2].DuongDanTaiTepTin',
        });
        await log.ack(CODE, { version: 2, at: at(2), lagMs: 120_000, receivedAt: T0 });
        expect(await log.row(CODE)).toMatchObject({
          ackVersion: 2,
          lastError: null,
          lastErrorField: null,
          firstAckLagMs: 120_000,
        });
        // A failure after an acknowledgement keeps the acknowledged version and lags.
        await log.fail(CODE, { at: at(3), error: 'DVCQG_REJECTED steps: HTTP 400', field: 'NguoiXuLy' });
        expect(await log.row(CODE)).toMatchObject({
          ackVersion: 2,
          ackedAt: at(2).toISOString(),
          lastAckLagMs: 120_000,
          lastAttemptAt: at(3).toISOString(),
          lastErrorField: 'NguoiXuLy',
        });
        // A late acknowledgement of an older version leaves the error alone.
        await log.ack(CODE, { version: 1, at: at(4), lagMs: 1, receivedAt: T0 });
        expect((await log.row(CODE))?.lastErrorField).toBe('NguoiXuLy');
      }),
    );

    it(
      'clears the last error when history entries are confirmed after a failed history push',
      withLog(async (log) => {
        // The record is acknowledged at version 2; its history push fails, then succeeds.
        await log.ack(CODE, { version: 2, at: at(1), lagMs: 60_000, receivedAt: T0 });
        await log.recordStep(CODE, 1, entry(1), T0);
        await log.recordStep(CODE, 2, entry(2), at(0).toISOString());
        await log.fail(CODE, { at: at(2), error: 'DVCQG_RETRY steps: portal unavailable (HTTP 500)' });
        await log.fail(CODE, {
          at: at(3),
          error: 'DVCQG_REJECTED steps NguoiXuLy: HTTP 400',
          field: 'NguoiXuLy',
        });
        // A confirmation that moves nothing (unknown versions, none) leaves the error alone.
        await log.markStepsSynced(CODE, [7], at(4));
        await log.markStepsSynced(CODE, [], at(4));
        expect(await log.row(CODE)).toMatchObject({
          lastAttemptAt: at(3).toISOString(),
          lastErrorField: 'NguoiXuLy',
        });
        await log.markStepsSynced(CODE, [1, 2], at(5));
        expect(await log.row(CODE)).toEqual({
          target: 'dvcqg',
          code: CODE,
          receivedAt: T0,
          ackVersion: 2,
          ackedAt: at(1).toISOString(),
          firstAckLagMs: 60_000,
          lastAckLagMs: 60_000,
          lastAttemptAt: at(5).toISOString(),
          lastError: null,
          lastErrorField: null,
        });
        // A later failure is kept again; a repeated confirmation of synced entries does not clear it.
        await log.fail(CODE, { at: at(6), error: 'DVCQG_RETRY record update: transport failed' });
        await log.markStepsSynced(CODE, [1, 2], at(7));
        expect(await log.row(CODE)).toMatchObject({
          lastAttemptAt: at(6).toISOString(),
          lastError: 'DVCQG_RETRY record update: transport failed',
        });
      }),
    );

    it(
      'writes a step row once per (code, version), in version order, pending until synced',
      withLog(async (log) => {
        await log.recordStep(CODE, 2, entry(2), at(30).toISOString());
        await log.recordStep(CODE, 1, entry(1), T0);
        await log.recordStep(CODE, 2, { MaHoSo: CODE, NoiDungXuLy: 'again' }, at(90).toISOString());
        await log.recordStep(OTHER, 1, entry(1), T0);
        const steps = await log.steps(CODE);
        expect(steps).toEqual([
          {
            code: CODE,
            version: 1,
            entry: entry(1),
            status: 'pending',
            createdAt: T0,
            syncedAt: null,
            lagMs: null,
          },
          {
            code: CODE,
            version: 2,
            entry: entry(2),
            status: 'pending',
            createdAt: at(30).toISOString(),
            syncedAt: null,
            lagMs: null,
          },
        ]);
        expect(await log.steps(CODE, 'synced')).toEqual([]);
        expect(await log.steps('000.00.14.H56-260302-9999')).toEqual([]);
        // Concurrent writers of one version: one row, the first entry kept.
        await Promise.all([3, 3, 3].map((v, i) => log.recordStep(CODE, v, { n: i }, at(60).toISOString())));
        expect((await log.steps(CODE)).map((s) => s.version)).toEqual([1, 2, 3]);
      }),
    );

    it(
      'marks steps synced with their lag, once: pending → synced, never back',
      withLog(async (log) => {
        await log.recordStep(CODE, 1, entry(1), T0);
        await log.recordStep(CODE, 2, entry(2), at(30).toISOString());
        await log.recordStep(CODE, 3, entry(3), at(40).toISOString());
        await log.markStepsSynced(CODE, [1, 2], at(31));
        await log.markStepsSynced(CODE, [1, 7], at(50)); // already synced, and unknown: unchanged
        await log.markStepsSynced(CODE, [], at(50));
        await log.markStepsSynced(OTHER, [1], at(50)); // no rows: nothing
        expect(await log.steps(CODE, 'synced')).toMatchObject([
          { version: 1, syncedAt: at(31).toISOString(), lagMs: 31 * 60_000 },
          { version: 2, syncedAt: at(31).toISOString(), lagMs: 60_000 },
        ]);
        expect((await log.steps(CODE, 'pending')).map((s) => s.version)).toEqual([3]);
        // A step recorded again after it was synced stays synced (a redelivered outbox item).
        await log.recordStep(CODE, 1, entry(1), at(60).toISOString());
        expect((await log.steps(CODE))[0]).toMatchObject({ status: 'synced', createdAt: T0 });
        // A clock behind the commit gives a zero lag, never a negative one.
        await log.markStepsSynced(CODE, [3], at(39));
        expect((await log.steps(CODE, 'synced'))[2]).toMatchObject({ version: 3, lagMs: 0 });
        expect(await log.steps(OTHER)).toEqual([]);
        expect(await log.row(CODE)).toBeUndefined();
      }),
    );

    it(
      'keeps the entries given with the confirmation instead of those recorded (e.g. names masked)',
      withLog(async (log) => {
        await log.recordStep(CODE, 1, { who: 'Nguyễn Văn An', n: 1 }, T0);
        await log.recordStep(CODE, 2, { who: 'Trần Thị Bình', n: 2 }, T0);
        await log.recordStep(CODE, 3, { who: 'Lê Văn Cường', n: 3 }, T0);
        await log.markStepsSynced(CODE, [2, 1], at(5), [
          { who: 'T. T. B.', n: 2 },
          { who: 'N. V. A.', n: 1 },
        ]);
        // Already synced: the entry stays as it was kept.
        await log.markStepsSynced(CODE, [1], at(6), [{ who: 'Nguyễn Văn An', n: 1 }]);
        // Without entries to keep: the recorded one stays.
        await log.markStepsSynced(CODE, [3], at(7));
        expect((await log.steps(CODE)).map((s) => [s.version, s.status, s.entry])).toEqual([
          [1, 'synced', { who: 'N. V. A.', n: 1 }],
          [2, 'synced', { who: 'T. T. B.', n: 2 }],
          [3, 'synced', { who: 'Lê Văn Cường', n: 3 }],
        ]);
      }),
    );

    it(
      'lists its rows in code order',
      withLog(async (log) => {
        await log.ack(OTHER, { version: 1, at: at(1), lagMs: 10, receivedAt: T0 });
        await log.fail(CODE, { at: at(2), error: 'DVCQG_RETRY record create: transport failed' });
        expect((await log.rows()).map((r) => [r.code, r.ackVersion])).toEqual([
          [CODE, null],
          [OTHER, 1],
        ]);
      }),
    );

    it(
      'refuses bad input naming the argument, never its value, and stores nothing',
      withLog(async (log) => {
        const refusals: [() => Promise<void>, string][] = [
          [() => log.ack('', { version: 1, at: at(0), lagMs: 0, receivedAt: null }), 'code'],
          [() => log.ack(CODE, { version: 0, at: at(0), lagMs: 0, receivedAt: null }), 'version'],
          [() => log.ack(CODE, { version: 1.5, at: at(0), lagMs: 0, receivedAt: null }), 'version'],
          [() => log.ack(CODE, { version: 1, at: new Date(Number.NaN), lagMs: 0, receivedAt: null }), 'at'],
          [() => log.ack(CODE, { version: 1, at: at(0), lagMs: -1, receivedAt: null }), 'lagMs'],
          [
            () => log.ack(CODE, { version: 1, at: at(0), lagMs: 0, receivedAt: 'Phạm Thị Dung' }),
            'receivedAt',
          ],
          [() => log.fail(CODE, { at: at(0), error: undefined as unknown as string }), 'error'],
          [() => log.recordStep(CODE, -1, entry(1), T0), 'version'],
          [() => log.recordStep(CODE, 1, entry(1), 'yesterday'), 'createdAt'],
          [() => log.markStepsSynced(CODE, [0], at(0)), 'versions'],
          [() => log.markStepsSynced(CODE, [1, 2], at(0), [{ who: 'Phạm Thị Dung' }]), 'keep'],
        ];
        for (const [call, field] of refusals) {
          const error = await call().then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error, field).toMatchObject({ name: 'ConnectorError', code: 'INVALID_OPTION', field });
          expect((error as Error).message).not.toContain('Phạm');
        }
        expect(await log.rows()).toEqual([]);
        expect(await log.steps(CODE)).toEqual([]);
      }),
    );

    if (options.openAgain) {
      const openAgain = options.openAgain;
      it(
        'shows what it holds through a second handle (a restart, another worker)',
        withLog(async (log, opened) => {
          await log.ack(CODE, { version: 2, at: at(1), lagMs: 250, receivedAt: T0 });
          await log.recordStep(CODE, 1, entry(1), T0);
          await log.recordStep(CODE, 2, entry(2), at(30).toISOString());
          await log.markStepsSynced(CODE, [1], at(31));
          const again = await openAgain(log);
          opened.push(again);
          expect(await again.row(CODE)).toEqual(await log.row(CODE));
          expect(await again.steps(CODE)).toEqual(await log.steps(CODE));
          // The second handle's older acknowledgement and second step write change nothing.
          await again.ack(CODE, { version: 1, at: at(2), lagMs: 1, receivedAt: T0 });
          await again.recordStep(CODE, 2, { other: true }, at(45).toISOString());
          await again.markStepsSynced(CODE, [2], at(32));
          expect((await log.row(CODE))?.ackVersion).toBe(2);
          expect(await log.steps(CODE)).toMatchObject([
            { version: 1, status: 'synced', syncedAt: at(31).toISOString() },
            { version: 2, status: 'synced', entry: entry(2), lagMs: 2 * 60_000 },
          ]);
        }),
      );

      it(
        'keeps each target apart in the same storage',
        withLog(async (log, opened) => {
          await log.fail(CODE, { at: at(2), error: 'DVCQG_RETRY record create: transport failed' });
          await log.recordStep(CODE, 1, entry(1), T0);
          const other = await openAgain(log, { target: 'igate-moha' });
          opened.push(other);
          expect(other.target).toBe('igate-moha');
          expect(await other.row(CODE)).toBeUndefined();
          expect(await other.steps(CODE)).toEqual([]);
          await other.ack(CODE, { version: 9, at: at(3), lagMs: 1, receivedAt: T0 });
          await other.recordStep(CODE, 1, { other: true }, T0);
          expect((await other.rows()).map((r) => [r.target, r.code, r.ackVersion])).toEqual([
            ['igate-moha', CODE, 9],
          ]);
          expect(await log.row(CODE)).toMatchObject({ target: 'dvcqg', ackVersion: null });
          expect((await log.steps(CODE)).map((s) => s.entry)).toEqual([entry(1)]);
        }),
      );
    }

    if (options.migrate) {
      const migrate = options.migrate;
      it(
        'migrates once: running the migrations again applies nothing and keeps the rows',
        withLog(async (log) => {
          await log.ack(CODE, { version: 1, at: at(1), lagMs: 5, receivedAt: T0 });
          const again = await migrate(log);
          expect(again.applied).toEqual([]);
          expect(again.version).toBeGreaterThanOrEqual(1);
          expect((await migrate(log)).applied).toEqual([]);
          expect((await log.row(CODE))?.ackVersion).toBe(1);
        }),
      );
    }

    if (options.withPrefix) {
      const withPrefix = options.withPrefix;
      it('refuses a bad table prefix with a ConnectorError naming tablePrefix, not echoing it', async () => {
        for (const bad of ['Dvcqg_', 'dvcqg-', 'x; DROP TABLE t; --', '9x_', 'a'.repeat(41), 42]) {
          let error: unknown;
          try {
            const made = await withPrefix(bad as string);
            await options.closeLog?.(made as SyncLog);
          } catch (e) {
            error = e;
          }
          expect(error, String(bad)).toMatchObject({
            name: 'ConnectorError',
            code: 'INVALID_OPTION',
            field: 'tablePrefix',
          });
          expect((error as Error).message).not.toContain('DROP');
        }
      });
    }
  });
}
