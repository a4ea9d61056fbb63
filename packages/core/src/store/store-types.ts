import type { Deadline } from '../deadlines/deadlines.js';
import type { Actor } from '../model/actor.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import type { DossierIndexFacts } from '../model/index-facts.js';
import type { SlipRow } from '../model/slip-row.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import type { LateEntryQuery, LateEntryRow } from '../report/late-entries.js';
import type { IndexCountQuery, IndexCounts, IndexDossierQuery } from '../report/national-index-counts.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { StatisticsCountQuery, StatisticsCountRow } from '../report/statistics-counts.js';

/** A dossier as stored: its summary, its snapshot, and its version for optimistic concurrency. */
export interface StoredDossier {
  readonly summary: DossierSummary;
  readonly persisted: PersistedDossier;
  /** 1 after receipt, +1 per committed transition. */
  readonly version: number;
  /** Ids of timers already fired for the dossier (a deadline fires once even if derived again). */
  readonly firedTimers: readonly string[];
}

/** One line of a dossier's journal: what happened, who did it, the state before and after. */
export interface JournalEntry {
  readonly code: string;
  /** Equal to the dossier version the entry produced. */
  readonly seq: number;
  /** When it happened (the instant the event records). */
  readonly at: string;
  /**
   * When it was entered: the engine clock's now when the entry was committed (a receipt recorded
   * three hours after the applicant came has `at` three hours before it). For an entry of a timer
   * it is the entry's `at`: the engine records what it fires as it fires it, so timers are never
   * late. Absent on entries written before the stores kept it (SQLite migration 006, PostgreSQL
   * 005), and on commits built without it: the late-entry report leaves those out.
   */
  readonly enteredAt?: string | undefined;
  /** Event type, `RECEIVE`, or `TIMER:<kind>` for a timer that changed nothing but fired. */
  readonly type: string;
  readonly actor: Actor;
  readonly before: string | null;
  readonly after: string;
  /** The event as applied (applicant data is never put here). */
  readonly event: unknown;
  readonly idempotencyKey: string | null;
}

/** A pending timer: an absolute instant, fired by the engine. */
export interface TimerRow {
  /** Stable id: `<code>:<kind>[:<stepId>]:<at>`. */
  readonly id: string;
  readonly code: string;
  readonly kind: Deadline['kind'];
  readonly at: string;
  readonly stepId?: string | undefined;
}

/** A timer claimed by a worker under a lease. */
export interface ClaimedTimer extends TimerRow {
  readonly leaseOwner: string;
  readonly leaseUntil: string;
}

/** A plugin effect to deliver after commit (the outbox). */
export interface OutboxEffect {
  /** Unique id; also the idempotency key handed to the delivering plugin. */
  readonly id: string;
  readonly code: string | null;
  /** `<plugin>.<effect>`, e.g. `sms.notice`. */
  readonly type: string;
  readonly payload: unknown;
  readonly createdAt: string;
  /** When it may first be delivered (e.g. after quiet hours). */
  readonly notBefore: string;
}

/** An outbox item with its delivery state. */
export interface OutboxItem extends OutboxEffect {
  readonly status: 'pending' | 'delivered' | 'dead';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly leaseOwner: string | null;
  readonly leaseUntil: string | null;
}

/** Everything one transition writes: all of it or none of it. */
export interface CommitRequest {
  readonly dossier: {
    readonly summary: DossierSummary;
    readonly persisted: PersistedDossier;
    readonly version: number;
    readonly firedTimers: readonly string[];
    /** The version read before the transition; 0 when the dossier is new. */
    readonly expectedVersion: number;
  };
  readonly journal: JournalEntry;
  /**
   * Rows appended to the control slip by this transition: the last rows of
   * `dossier.persisted.context.slip`, whose earlier rows are those committed before. A store may
   * keep the slip once (in its slip rows) and give it back in `load`'s snapshot.
   */
  readonly slipRows: readonly SlipRow[];
  /** The dossier's pending timers after this transition (they replace the previous set). */
  readonly timers: readonly TimerRow[];
  readonly outbox: readonly OutboxEffect[];
  /** Remember the command's result under its idempotency key. */
  readonly idempotency: { readonly key: string; readonly result: unknown } | null;
  /** The timer this commit fires: it must still be pending and leased by this owner. */
  readonly firedTimer: { readonly id: string; readonly leaseOwner: string } | null;
}

/** How an outbox delivery attempt ended. */
export type OutboxSettlement =
  | { readonly delivered: true }
  | {
      readonly delivered: false;
      readonly error: string;
      /** null: give up (dead letter). */
      readonly retryAt: string | null;
      /** A deferral asked for by the plugin (quiet hours, a cap): the attempt is not counted. */
      readonly deferred?: boolean;
    };

/**
 * What {@link DossierStore.claimTimers} and {@link DossierStore.claimOutbox} take: which rows are
 * due, and the lease to put on them.
 */
export interface ClaimRequest {
  /**
   * The round's instant. A timer is due when its instant is strictly before it: a timer at `T` is a
   * deadline that is still met at `T`, so it fires from the first instant after `T` (the same rule
   * the lifecycle applies to overdue marks and response limits). An outbox item is due when its next
   * attempt is at or before it.
   */
  readonly due: string;
  /**
   * The current time when the claim is made (read from the clock just before it, not at the start
   * of the round): a lease that ended at or before it is free, and a new lease ends `leaseMs` after it.
   */
  readonly now: string;
  /** At most this many rows. */
  readonly limit: number;
  /** The claiming worker. */
  readonly owner: string;
  /** The lease's length in milliseconds. */
  readonly leaseMs: number;
}

/** Filters for {@link DossierStore.list}. */
export interface ListQuery {
  readonly status?: 'active' | 'done';
  readonly agency?: string;
  readonly holder?: string;
  readonly procedureCode?: string;
  /** Active dossiers whose due time in force is before this instant. */
  readonly dueBefore?: string;
  /** Dossiers received at or after this instant (with `receivedBefore`: a receipt-date range). */
  readonly receivedFrom?: string;
  /** Dossiers received before this instant. */
  readonly receivedBefore?: string;
  /** At most this many, in due order (due time in force, then code). */
  readonly limit?: number;
  /**
   * The next page: only dossiers after this one in due order. Pass the last summary of the
   * previous page (keyset pagination: stable while dossiers are added or closed).
   */
  readonly after?: { readonly currentDueAt: string; readonly code: string };
}

/**
 * What {@link DossierStore.reserveLookupAttempt} takes: one attempt to count in a key's window of
 * failed public lookups (tra cứu), refused when the window already holds `maxAttempts`.
 */
export interface LookupAttemptRequest {
  /**
   * What is counted: `dossier:<code>` for the engine's per-code limit (unknown codes are counted
   * too), `address:<digest>` for a server's per-address throttle. Any text of 1–300 characters.
   */
  readonly key: string;
  /** The current time: a window that ended at or before it is over (its count starts again). */
  readonly now: string;
  /** Attempts allowed in one window; an attempt beyond them is refused and not counted. */
  readonly maxAttempts: number;
  /** Length of a window, from the first attempt counted in it. */
  readonly windowMs: number;
}

/** What {@link DossierStore.reserveLookupAttempt} answers: the key's window after the attempt. */
export interface LookupWindow {
  /** Whether this attempt was counted (false: the window is full, the key is locked until it ends). */
  readonly admitted: boolean;
  /** Attempts counted in the window, this one included when admitted. */
  readonly attempts: number;
  /** When the window ends: the count starts again then (the lock, if any, lifts). */
  readonly windowEndsAt: string;
}

/**
 * Where an engine keeps dossiers. One `commit` per transition writes the snapshot, the journal
 * entry, the new control-slip rows, the dossier's timers and the outbox effects in one
 * transaction. Adapters (SQLite, PostgreSQL) implement it; `@motcua/core/testing` has the
 * conformance suite every adapter runs.
 */
export interface DossierStore {
  load(code: string): Promise<StoredDossier | null>;
  /** The stored result of an idempotency key, or `undefined`. */
  idempotentResult(key: string): Promise<unknown | undefined>;
  /** Atomically the next number of the agency's daily dossier sequence (1, 2, …). */
  nextSequence(agency: string, date: string): Promise<number>;
  /**
   * Writes a transition. @throws {@link StoreConflictError} when the version moved on, the
   * idempotency key is taken, or the fired timer is gone or leased by someone else; nothing is written.
   */
  commit(request: CommitRequest): Promise<void>;
  journal(code: string): Promise<JournalEntry[]>;
  /** Control-slip rows of a dossier, in order. */
  slip(code: string): Promise<SlipRow[]>;
  list(query: ListQuery): Promise<DossierSummary[]>;
  /**
   * Leases up to `limit` due timers (instant strictly before `due`) that are not leased or whose
   * lease ended at or before `now`, in due order (instant, then id).
   */
  claimTimers(request: ClaimRequest): Promise<ClaimedTimer[]>;
  /** Pending timers of one dossier. */
  timers(code: string): Promise<TimerRow[]>;
  /**
   * Leases up to `limit` pending outbox items whose next attempt is at or before `due` and whose
   * lease is free or ended at or before `now`, in the order they were written.
   */
  claimOutbox(request: ClaimRequest): Promise<OutboxItem[]>;
  /** Records a delivery attempt of an item this owner leased. */
  settleOutbox(id: string, owner: string, settlement: OutboxSettlement): Promise<void>;
  outbox(query: { status?: OutboxItem['status']; code?: string }): Promise<OutboxItem[]>;
  /** Puts a dead letter back in the queue. */
  retryDeadLetter(id: string, at: string): Promise<void>;
  /** Report figures for a period (see {@link ReportQuery}). */
  report(query: ReportQuery): Promise<ReportRow[]>;
  /** Steps closed per unit in a period, early / on time / late, from the control-slip rows. */
  unitReport(query: { from: string; to: string }): Promise<UnitReportRow[]>;
  /**
   * Late entries per unit (the acting officer's unit) for the journal entries entered in a period
   * of whole hours (see {@link LateEntryQuery}), answered set-based, never by loading dossiers;
   * entries of closed dossiers count as well. Rows sorted by unit.
   */
  lateEntries(query: LateEntryQuery): Promise<LateEntryRow[]>;
  /**
   * The counts the Decision 766 index is computed from, for a period, a counting rule and a
   * grouping (see `IndexCounts`), answered set-based over the summaries' index facts, never by
   * loading dossiers. Rows sorted by group.
   */
  nationalIndexCounts(query: IndexCountQuery): Promise<IndexCounts[]>;
  /** The codes of the dossiers behind an index count (the drill-down), in code order, one page. */
  nationalIndexDossiers(query: IndexDossierQuery): Promise<string[]>;
  /**
   * Records that the national portal first acknowledged dossier `code` at `at` (an instant): the
   * fact indicator 1.4 counts (`IndexCounts.synced`), kept once (a later call changes nothing) and
   * beside the dossier, not in it: its version, snapshot, journal and summary stay as they are, and
   * later commits keep the fact. `true` when recorded now; `false` when it was recorded before or
   * no dossier has that code. Optional: a store without it keeps no sync state, and the index shows
   * 1.4 as N/A.
   */
  recordPortalSync?(code: string, at: string): Promise<boolean>;
  /**
   * The codes of the dossiers stored without index facts (written before the store kept them), in
   * code order after `after`, at most `limit` (1–1000): what `engine.backfillIndexFacts` fills.
   */
  codesWithoutIndexFacts(query: IndexFactsGapQuery): Promise<string[]>;
  /**
   * Writes the index facts of dossiers that have none, each only while the dossier is still at the
   * version they were derived from, in one transaction; answers how many it wrote. A dossier
   * committed since (its commit wrote its facts) or that has facts already is left as it is, so a
   * second run writes nothing. Only the index facts change: not the version, journal or snapshot.
   */
  writeIndexFacts(writes: readonly IndexFactsWrite[]): Promise<number>;
  /**
   * The counts of the official statistics forms (Biểu 06 / 07a) per agency × procedure for a
   * period, as core's `countStatistics` computes them, answered set-based (one GROUP BY over the
   * summary columns), never by loading dossiers. Rows sorted by agency, then procedure code.
   */
  statisticsCounts(query: StatisticsCountQuery): Promise<StatisticsCountRow[]>;
  /**
   * The lookup secret of dossier `code`, or `null` when no dossier has that code. One indexed read
   * of a short value, as fast for an unknown code as for a known one (the public lookup must not
   * tell them apart by time).
   */
  lookupSecret(code: string): Promise<string | null>;
  /**
   * Counts one attempt in the key's window of lookup attempts, atomically: whatever the number of
   * processes, at most `maxAttempts` attempts are admitted per window. A window opens at the first
   * attempt after the previous one ended and lasts `windowMs`. Durable (a restart keeps the count).
   */
  reserveLookupAttempt(request: LookupAttemptRequest): Promise<LookupWindow>;
  /**
   * Takes an admitted attempt back (the lookup succeeded: only failures count), if the key's window
   * is still the one that ends at `windowEndsAt`; otherwise does nothing.
   */
  releaseLookupAttempt(key: string, windowEndsAt: string): Promise<void>;
  /** Forgets the key's window (the desk reissued the dossier's secret). */
  clearLookupAttempts(key: string): Promise<void>;
  close?(): Promise<void>;
}

/** What `DossierStore.codesWithoutIndexFacts` takes: a page in code order. */
export interface IndexFactsGapQuery {
  /** The last code of the previous page. */
  readonly after?: string | undefined;
  /** At most this many codes (1–1000). */
  readonly limit: number;
}

/** One dossier's index facts for `DossierStore.writeIndexFacts`, with the version they were derived at. */
export interface IndexFactsWrite {
  readonly code: string;
  readonly version: number;
  readonly facts: DossierIndexFacts;
}

/**
 * Raised by a store when a commit loses a race; the engine turns it into a retryable error.
 *
 * @example
 * ```ts
 * import { type CommitRequest, StoreConflictError } from '@motcua/core';
 * // In a store's commit: the dossier row is written only at the expected version.
 * declare function updateDossierAt(request: CommitRequest): Promise<number>; // rows changed
 * async function commit(request: CommitRequest): Promise<void> {
 *   if ((await updateDossierAt(request)) === 0) {
 *     throw new StoreConflictError('version', `dossier ${request.dossier.summary.code}: version changed`);
 *   }
 * }
 * ```
 */
export class StoreConflictError extends Error {
  readonly reason: 'version' | 'idempotency' | 'timer';

  constructor(reason: 'version' | 'idempotency' | 'timer', message: string) {
    super(message);
    this.name = 'StoreConflictError';
    this.reason = reason;
  }
}
