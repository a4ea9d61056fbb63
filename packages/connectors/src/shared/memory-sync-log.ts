import type { StepRow, StepStatus, SyncAck, SyncFailure, SyncLog, SyncRow } from './sync-log.js';
import { checkedTarget, checkSyncInput, lagFrom } from './sync-log-migration.js';

const emptyRow = (target: string, code: string): SyncRow => ({
  target,
  code,
  receivedAt: null,
  ackVersion: null,
  ackedAt: null,
  firstAckLagMs: null,
  lastAckLagMs: null,
  lastAttemptAt: null,
  lastError: null,
  lastErrorField: null,
});

/**
 * The in-memory {@link SyncLog}: for tests, demos and a single process (it forgets everything on
 * restart, after which the connector pushes every dossier's record again: an update, never a
 * second record).
 *
 * @example
 * ```ts
 * import { MemorySyncLog } from '@motcua/connectors';
 * const syncLog = new MemorySyncLog(); // target 'dvcqg'
 * await syncLog.ack('000.00.14.H56-260302-0001', {
 *   version: 3, at: new Date(), lagMs: 420, receivedAt: '2026-03-02T02:30:00.000Z',
 * });
 * (await syncLog.row('000.00.14.H56-260302-0001'))?.ackVersion; // 3
 * ```
 */
export class MemorySyncLog implements SyncLog {
  readonly target: string;
  private readonly byCode = new Map<string, SyncRow>();
  private readonly stepsByCode = new Map<string, Map<number, StepRow>>();

  constructor(options: { readonly target?: string } = {}) {
    this.target = checkedTarget(options.target ?? 'dvcqg');
  }

  async row(code: string): Promise<SyncRow | undefined> {
    return this.byCode.get(code);
  }

  async rows(): Promise<SyncRow[]> {
    return [...this.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  async ack(code: string, ack: SyncAck): Promise<void> {
    checkSyncInput({
      code,
      version: ack?.version,
      at: ack?.at,
      lagMs: ack?.lagMs,
      receivedAt: ack?.receivedAt,
    });
    const row = this.byCode.get(code) ?? emptyRow(this.target, code);
    const at = ack.at.toISOString();
    if (row.ackVersion !== null && row.ackVersion >= ack.version) return;
    this.byCode.set(code, {
      ...row,
      receivedAt: ack.receivedAt,
      ackVersion: ack.version,
      ackedAt: at,
      firstAckLagMs: row.firstAckLagMs ?? ack.lagMs,
      lastAckLagMs: ack.lagMs,
      lastAttemptAt: at,
      lastError: null,
      lastErrorField: null,
    });
  }

  async fail(code: string, failure: SyncFailure): Promise<void> {
    checkSyncInput({ code, at: failure?.at, error: failure?.error });
    const row = this.byCode.get(code) ?? emptyRow(this.target, code);
    this.byCode.set(code, {
      ...row,
      lastAttemptAt: failure.at.toISOString(),
      lastError: failure.error,
      lastErrorField: failure.field ?? null,
    });
  }

  async recordStep(code: string, version: number, entry: unknown, createdAt: string): Promise<void> {
    checkSyncInput({ code, version, createdAt });
    let steps = this.stepsByCode.get(code);
    if (!steps) {
      steps = new Map();
      this.stepsByCode.set(code, steps);
    }
    if (steps.has(version)) return;
    steps.set(version, {
      code,
      version,
      entry: structuredClone(entry),
      status: 'pending',
      createdAt: new Date(createdAt).toISOString(),
      syncedAt: null,
      lagMs: null,
    });
  }

  async steps(code: string, status?: StepStatus): Promise<StepRow[]> {
    const rows = [...(this.stepsByCode.get(code)?.values() ?? [])].sort((a, b) => a.version - b.version);
    return status ? rows.filter((r) => r.status === status) : rows;
  }

  async markStepsSynced(
    code: string,
    versions: readonly number[],
    at: Date,
    keep?: readonly unknown[],
  ): Promise<void> {
    checkSyncInput({ code, versions, at, ...(keep === undefined ? {} : { keep }) });
    const steps = this.stepsByCode.get(code);
    if (!steps) return;
    let moved = false;
    for (const [i, v] of versions.entries()) {
      const row = steps.get(v);
      if (!row || row.status === 'synced') continue;
      moved = true;
      steps.set(v, {
        ...row,
        ...(keep ? { entry: structuredClone(keep[i]) } : {}),
        status: 'synced',
        syncedAt: at.toISOString(),
        lagMs: lagFrom(row.createdAt, at),
      });
    }
    // A confirmation clears the last error, as an acknowledgement of the record does.
    const dossier = this.byCode.get(code);
    if (moved && dossier)
      this.byCode.set(code, {
        ...dossier,
        lastAttemptAt: at.toISOString(),
        lastError: null,
        lastErrorField: null,
      });
  }
}
