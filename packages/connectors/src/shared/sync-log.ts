/**
 * Where a dossier stands on a target system (the national portal, a ministry adapter): the
 * version it acknowledged, when, how long after the commit, and the last error with the target's
 * field it named. No personal data: codes, versions, instants, field paths and error texts that
 * never carry a value. What is still to send is the engine's outbox (atomic with the commit);
 * the sync log says what the target confirmed.
 */
export interface SyncRow {
  /** The target system, e.g. `dvcqg`. */
  readonly target: string;
  /** The dossier code (also the record's id on the target, `MaHoSo`). */
  readonly code: string;
  /** When the dossier was received; `null` for an online filing not accepted yet. */
  readonly receivedAt: string | null;
  /** The highest dossier version the target acknowledged; `null` before the first acknowledgement. */
  readonly ackVersion: number | null;
  readonly ackedAt: string | null;
  /** From the commit of the first synced change to its acknowledgement, in ms. */
  readonly firstAckLagMs: number | null;
  /** From the commit of the last acknowledged change to its acknowledgement, in ms. */
  readonly lastAckLagMs: number | null;
  readonly lastAttemptAt: string | null;
  /**
   * The last failure since the target last confirmed something (never with a value), or `null`: an
   * acknowledgement of the record or a confirmation of history entries clears it.
   */
  readonly lastError: string | null;
  /** The target's field the last failure named (`LoaiDoiTuong`, `TaiLieuNop[2].DuongDanTaiTepTin`), or `null`. */
  readonly lastErrorField: string | null;
}

/** Whether a step-history entry reached the target. */
export type StepStatus = 'pending' | 'synced';

/**
 * One entry of a dossier's processing history for a target, keyed by `(code, version)`: the
 * version of the transition that made it. Recorded before it is sent, marked `synced` once the
 * target confirmed it.
 */
export interface StepRow {
  readonly code: string;
  readonly version: number;
  /** The entry as the target takes it (officer and unit names, never the applicant's data). */
  readonly entry: unknown;
  readonly status: StepStatus;
  /** When the transition committed. */
  readonly createdAt: string;
  readonly syncedAt: string | null;
  /** From the commit to the target's confirmation, in ms. */
  readonly lagMs: number | null;
}

/** What {@link SyncLog.ack} records. */
export interface SyncAck {
  /** The dossier version the target now holds. */
  readonly version: number;
  readonly at: Date;
  /** From the commit of the change being delivered to now, in ms. */
  readonly lagMs: number;
  readonly receivedAt: string | null;
}

/** What {@link SyncLog.fail} records: never a value, only what went wrong and where. */
export interface SyncFailure {
  readonly at: Date;
  readonly error: string;
  readonly field?: string | undefined;
}

/**
 * A connector's record of what a target system holds (nhật ký đồng bộ), one log per target. The
 * rules every implementation keeps (memory here; SQLite and PostgreSQL with their migrations):
 *
 * - the acknowledged version never moves back (an older acknowledgement arriving late is ignored);
 * - a step row is written once per `(code, version)` (a redelivery keeps the first entry) and,
 *   once `synced`, stays `synced`;
 * - an acknowledgement of the record, or a confirmation that moves a history entry from pending
 *   to synced, clears the last error (a late or repeated one that changes nothing leaves it).
 */
export interface SyncLog {
  /** The target whose state this log keeps, e.g. `dvcqg`. */
  readonly target: string;
  row(code: string): Promise<SyncRow | undefined>;
  /** Every row, by code. */
  rows(): Promise<SyncRow[]>;
  /** The target acknowledged the dossier at `ack.version` (ignored when it holds a later one). */
  ack(code: string, ack: SyncAck): Promise<void>;
  /** A delivery attempt failed (kept until the next acknowledgement or history confirmation). */
  fail(code: string, failure: SyncFailure): Promise<void>;
  /** Records a step entry to send, once per `(code, version)`. */
  recordStep(code: string, version: number, entry: unknown, createdAt: string): Promise<void>;
  /** The dossier's step rows in version order, or only those with `status`. */
  steps(code: string, status?: StepStatus): Promise<StepRow[]>;
  /**
   * The target confirmed these entries. `keep[i]`, when given, replaces the entry of `versions[i]`
   * from now on: what is kept for the record once sent (the dvcqg sync keeps it with the officer's
   * name masked; the name was needed only to send it). A version already synced is left as it is.
   * When at least one entry moves from pending to synced, the dossier's row (if any) gets
   * `lastAttemptAt = at` and its last error cleared.
   */
  markStepsSynced(
    code: string,
    versions: readonly number[],
    at: Date,
    keep?: readonly unknown[],
  ): Promise<void>;
}
