import type { DossierSummary } from '../model/dossier-summary.js';
import type { SlipRow } from '../model/slip-row.js';
import { aggregateReport, aggregateUnitReport } from '../report/aggregate-report.js';
import { aggregateLateEntries, type LateEntryQuery, type LateEntryRow } from '../report/late-entries.js';
import {
  countIndex,
  type IndexCountQuery,
  type IndexCounts,
  type IndexDossierQuery,
  indexDossiers,
} from '../report/national-index-counts.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import {
  countStatistics,
  type StatisticsCountQuery,
  type StatisticsCountRow,
} from '../report/statistics-counts.js';
import {
  checkClaimRequest,
  checkCommitRequest,
  checkIndexFactsGapQuery,
  checkIndexFactsWrites,
  checkLookupAttemptRequest,
  checkOutboxQuery,
  checkSettlement,
  checkStoreIndexCountQuery,
  checkStoreIndexDossierQuery,
  checkStoreInstant,
  checkStoreLateEntryQuery,
  checkStoreListQuery,
  checkStoreLocalDate,
  checkStorePeriod,
  checkStoreReportQuery,
  checkStoreStatisticsQuery,
  checkStoreText,
} from './store-input.js';
import {
  type ClaimedTimer,
  type ClaimRequest,
  type CommitRequest,
  type DossierStore,
  type IndexFactsGapQuery,
  type IndexFactsWrite,
  type JournalEntry,
  type ListQuery,
  type LookupAttemptRequest,
  type LookupWindow,
  type OutboxItem,
  type OutboxSettlement,
  StoreConflictError,
  type StoredDossier,
  type TimerRow,
} from './store-types.js';

interface TimerState extends TimerRow {
  leaseOwner: string | null;
  leaseUntil: number;
}

/**
 * The in-memory store that ships with core: for tests, simulations and the demo's fastest mode.
 * A commit checks every condition before it changes anything, so it is all or nothing. It keeps
 * references to what it is given: callers must not mutate committed objects (the engine never does).
 *
 * @example
 * ```ts
 * import { createEngine, MemoryStore, vietnamCalendar } from '@motcua/core';
 * import { createCatalogue } from '@motcua/procedures';
 * const store = new MemoryStore(); // nothing survives the process: tests, simulations, demos
 * const calendar = vietnamCalendar();
 * const engine = createEngine({ store, procedures: createCatalogue({ calendar }), calendar, agency: 'H56' });
 * ```
 */
export class MemoryStore implements DossierStore {
  private readonly dossiers = new Map<string, StoredDossier>();
  private readonly journals = new Map<string, JournalEntry[]>();
  private readonly slips = new Map<string, SlipRow[]>();
  private readonly timersByCode = new Map<string, TimerState[]>();
  private readonly outboxItems = new Map<string, OutboxItem>();
  private readonly idempotency = new Map<string, unknown>();
  private readonly sequences = new Map<string, number>();
  private readonly lookupWindows = new Map<string, { attempts: number; endsAt: number }>();
  /** Dossiers the national portal acknowledged: code → first acknowledgement. */
  private readonly portalSynced = new Map<string, string>();
  private sweepAt = 1024;

  async load(code: string): Promise<StoredDossier | null> {
    checkStoreText(code, 'code');
    return this.dossiers.get(code) ?? null;
  }

  async idempotentResult(key: string): Promise<unknown | undefined> {
    checkStoreText(key, 'key', 500);
    return this.idempotency.get(key);
  }

  async nextSequence(agency: string, date: string): Promise<number> {
    checkStoreText(agency, 'agency', 64);
    checkStoreLocalDate(date, 'date');
    const key = `${agency}|${date}`;
    const next = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, next);
    return next;
  }

  async commit(req: CommitRequest): Promise<void> {
    checkCommitRequest(req);
    const code = req.dossier.summary.code;
    const current = this.dossiers.get(code);
    const version = current?.version ?? 0;
    if (version !== req.dossier.expectedVersion) {
      throw new StoreConflictError(
        'version',
        `dossier ${code} is at version ${version}, expected ${req.dossier.expectedVersion}`,
      );
    }
    if (req.idempotency && this.idempotency.has(req.idempotency.key)) {
      throw new StoreConflictError('idempotency', `idempotency key ${req.idempotency.key} is already used`);
    }
    if (req.firedTimer) {
      const t = this.timersByCode.get(code)?.find((x) => x.id === req.firedTimer!.id);
      if (!t || t.leaseOwner !== req.firedTimer.leaseOwner) {
        throw new StoreConflictError(
          'timer',
          `timer ${req.firedTimer.id} is no longer leased by ${req.firedTimer.leaseOwner}`,
        );
      }
    }
    for (const e of req.outbox) {
      if (this.outboxItems.has(e.id))
        throw new StoreConflictError('idempotency', `outbox item ${e.id} exists`);
    }
    // Every check passed: apply.
    this.dossiers.set(code, {
      summary: req.dossier.summary,
      persisted: req.dossier.persisted,
      version: req.dossier.version,
      firedTimers: req.dossier.firedTimers,
    });
    const journal = this.journals.get(code);
    if (journal) journal.push(req.journal);
    else this.journals.set(code, [req.journal]);
    if (req.slipRows.length) {
      const slip = this.slips.get(code);
      if (slip) slip.push(...req.slipRows);
      else this.slips.set(code, [...req.slipRows]);
    }
    const previous = this.timersByCode.get(code);
    const firedId = req.firedTimer?.id;
    const timers: TimerState[] = [];
    for (const t of req.timers) {
      if (t.id === firedId) continue;
      const old = previous?.find((p) => p.id === t.id);
      const leaseOwner = old ? old.leaseOwner : null;
      const leaseUntil = old ? old.leaseUntil : 0;
      // Built field by field (no spreads): one object shape per kind of row.
      timers.push(
        t.stepId === undefined
          ? { id: t.id, code: t.code, kind: t.kind, at: t.at, leaseOwner, leaseUntil }
          : { id: t.id, code: t.code, kind: t.kind, at: t.at, stepId: t.stepId, leaseOwner, leaseUntil },
      );
    }
    this.timersByCode.set(code, timers);
    for (const e of req.outbox) {
      this.outboxItems.set(e.id, {
        ...e,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: e.notBefore,
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
      });
    }
    if (req.idempotency) this.idempotency.set(req.idempotency.key, req.idempotency.result);
  }

  async journal(code: string): Promise<JournalEntry[]> {
    checkStoreText(code, 'code');
    return [...(this.journals.get(code) ?? [])];
  }

  async slip(code: string): Promise<SlipRow[]> {
    checkStoreText(code, 'code');
    return [...(this.slips.get(code) ?? [])];
  }

  async list(input: ListQuery): Promise<DossierSummary[]> {
    const query = checkStoreListQuery(input);
    const out: DossierSummary[] = [];
    const dueBefore = query.dueBefore === undefined ? undefined : Date.parse(query.dueBefore);
    const afterDue = query.after ? Date.parse(query.after.currentDueAt) : undefined;
    const receivedFrom = query.receivedFrom === undefined ? undefined : Date.parse(query.receivedFrom);
    const receivedBefore = query.receivedBefore === undefined ? undefined : Date.parse(query.receivedBefore);
    for (const { summary: s } of this.dossiers.values()) {
      if (receivedFrom !== undefined && Date.parse(s.receivedAt) < receivedFrom) continue;
      if (receivedBefore !== undefined && Date.parse(s.receivedAt) >= receivedBefore) continue;
      if (query.after && afterDue !== undefined) {
        const due = Date.parse(s.currentDueAt);
        if (due < afterDue || (due === afterDue && s.code <= query.after.code)) continue;
      }
      if (query.status && s.status !== query.status) continue;
      if (query.agency && s.agency !== query.agency) continue;
      if (query.holder && s.holder !== query.holder) continue;
      if (query.procedureCode && s.procedureCode !== query.procedureCode) continue;
      if (dueBefore !== undefined && (s.status !== 'active' || Date.parse(s.currentDueAt) >= dueBefore))
        continue;
      out.push(s);
    }
    out.sort((a, b) => Date.parse(a.currentDueAt) - Date.parse(b.currentDueAt) || (a.code < b.code ? -1 : 1));
    return query.limit === undefined ? out : out.slice(0, query.limit);
  }

  async claimTimers(request: ClaimRequest): Promise<ClaimedTimer[]> {
    const { due, now, limit, owner, leaseMs } = checkClaimRequest(request);
    const cutoff = Date.parse(due);
    const t = Date.parse(now);
    const list: TimerState[] = [];
    for (const timers of this.timersByCode.values()) {
      for (const timer of timers)
        if (Date.parse(timer.at) < cutoff && timer.leaseUntil <= t) list.push(timer);
    }
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
    return list.slice(0, Math.max(0, limit)).map((timer) => {
      timer.leaseOwner = owner;
      timer.leaseUntil = t + leaseMs;
      const { leaseOwner: _o, leaseUntil: _u, ...row } = timer;
      return { ...row, leaseOwner: owner, leaseUntil: new Date(t + leaseMs).toISOString() };
    });
  }

  async timers(code: string): Promise<TimerRow[]> {
    checkStoreText(code, 'code');
    return (this.timersByCode.get(code) ?? []).map(({ leaseOwner: _o, leaseUntil: _u, ...row }) => row);
  }

  async claimOutbox(request: ClaimRequest): Promise<OutboxItem[]> {
    const { due, now, limit, owner, leaseMs } = checkClaimRequest(request);
    const cutoff = Date.parse(due);
    const t = Date.parse(now);
    const out: OutboxItem[] = [];
    for (const item of this.outboxItems.values()) {
      if (out.length >= limit) break;
      if (item.status !== 'pending' || Date.parse(item.nextAttemptAt) > cutoff) continue;
      if (item.leaseUntil && Date.parse(item.leaseUntil) > t) continue;
      const leased = { ...item, leaseOwner: owner, leaseUntil: new Date(t + leaseMs).toISOString() };
      this.outboxItems.set(item.id, leased);
      out.push(leased);
    }
    return out;
  }

  async settleOutbox(id: string, owner: string, input: OutboxSettlement): Promise<void> {
    checkStoreText(id, 'id', 500);
    checkStoreText(owner, 'owner');
    const settlement = checkSettlement(input);
    const item = this.outboxItems.get(id);
    if (!item || item.leaseOwner !== owner) return;
    if (settlement.delivered) {
      this.outboxItems.set(id, {
        ...item,
        status: 'delivered',
        attempts: item.attempts + 1,
        leaseOwner: null,
        leaseUntil: null,
      });
      return;
    }
    this.outboxItems.set(id, {
      ...item,
      status: settlement.retryAt === null ? 'dead' : 'pending',
      attempts: item.attempts + (settlement.deferred ? 0 : 1),
      nextAttemptAt: settlement.retryAt ?? item.nextAttemptAt,
      lastError: settlement.error,
      leaseOwner: null,
      leaseUntil: null,
    });
  }

  async outbox(input: { status?: OutboxItem['status']; code?: string }): Promise<OutboxItem[]> {
    const query = checkOutboxQuery(input);
    return [...this.outboxItems.values()].filter(
      (i) => (!query.status || i.status === query.status) && (!query.code || i.code === query.code),
    );
  }

  async retryDeadLetter(id: string, input: string): Promise<void> {
    checkStoreText(id, 'id', 500);
    const at = checkStoreInstant(input, 'at');
    const item = this.outboxItems.get(id);
    if (item?.status !== 'dead') return;
    this.outboxItems.set(id, { ...item, status: 'pending', nextAttemptAt: at, attempts: 0 });
  }

  async report(input: ReportQuery): Promise<ReportRow[]> {
    const query = checkStoreReportQuery(input);
    return aggregateReport(
      (function* (d: Map<string, StoredDossier>) {
        for (const x of d.values()) yield x.summary;
      })(this.dossiers),
      query,
    );
  }

  async nationalIndexCounts(input: IndexCountQuery): Promise<IndexCounts[]> {
    return countIndex(this.summaries(), checkStoreIndexCountQuery(input), this.portalSynced);
  }

  async nationalIndexDossiers(input: IndexDossierQuery): Promise<string[]> {
    return indexDossiers(this.summaries(), checkStoreIndexDossierQuery(input), this.portalSynced);
  }

  async recordPortalSync(code: string, at: string): Promise<boolean> {
    checkStoreText(code, 'code');
    const instant = checkStoreInstant(at, 'at');
    if (!this.dossiers.has(code) || this.portalSynced.has(code)) return false;
    this.portalSynced.set(code, instant);
    return true;
  }

  async codesWithoutIndexFacts(input: IndexFactsGapQuery): Promise<string[]> {
    const { after, limit } = checkIndexFactsGapQuery(input);
    const codes: string[] = [];
    for (const s of this.summaries())
      if (s.indexFacts === undefined && (after === undefined || s.code > after)) codes.push(s.code);
    return codes.sort().slice(0, limit);
  }

  async writeIndexFacts(input: readonly IndexFactsWrite[]): Promise<number> {
    const writes = checkIndexFactsWrites(input);
    let written = 0;
    for (const w of writes) {
      const d = this.dossiers.get(w.code);
      if (!d || d.version !== w.version || d.summary.indexFacts !== undefined) continue;
      this.dossiers.set(w.code, { ...d, summary: { ...d.summary, indexFacts: w.facts } });
      written++;
    }
    return written;
  }

  private *summaries(): Generator<DossierSummary> {
    for (const x of this.dossiers.values()) yield x.summary;
  }

  async lookupSecret(code: string): Promise<string | null> {
    checkStoreText(code, 'code');
    return this.dossiers.get(code)?.persisted.context.secret ?? null;
  }

  async reserveLookupAttempt(input: LookupAttemptRequest): Promise<LookupWindow> {
    const { key, now, maxAttempts, windowMs } = checkLookupAttemptRequest(input);
    const t = Date.parse(now);
    let w = this.lookupWindows.get(key);
    if (!w || w.endsAt <= t) {
      w = { attempts: 0, endsAt: t + windowMs };
      this.lookupWindows.set(key, w);
      // Windows that ended are forgotten as the map grows (amortised: each sweep doubles the bound).
      if (this.lookupWindows.size > this.sweepAt) {
        for (const [k, old] of this.lookupWindows) if (old.endsAt <= t) this.lookupWindows.delete(k);
        this.sweepAt = Math.max(1024, this.lookupWindows.size * 2);
      }
    }
    const admitted = w.attempts < maxAttempts;
    if (admitted) w.attempts++;
    return { admitted, attempts: w.attempts, windowEndsAt: new Date(w.endsAt).toISOString() };
  }

  async releaseLookupAttempt(key: string, windowEndsAt: string): Promise<void> {
    checkStoreText(key, 'key', 300);
    const endsAt = Date.parse(checkStoreInstant(windowEndsAt, 'windowEndsAt'));
    const w = this.lookupWindows.get(key);
    if (w && w.endsAt === endsAt && w.attempts > 0) w.attempts--;
  }

  async clearLookupAttempts(key: string): Promise<void> {
    checkStoreText(key, 'key', 300);
    this.lookupWindows.delete(key);
  }

  async unitReport(input: { from: string; to: string }): Promise<UnitReportRow[]> {
    const query = checkStorePeriod(input);
    return aggregateUnitReport([...this.slips.values()].flat(), query);
  }

  async lateEntries(input: LateEntryQuery): Promise<LateEntryRow[]> {
    const query = checkStoreLateEntryQuery(input);
    return aggregateLateEntries([...this.journals.values()].flat(), query);
  }

  async statisticsCounts(input: StatisticsCountQuery): Promise<StatisticsCountRow[]> {
    const query = checkStoreStatisticsQuery(input);
    return countStatistics(
      [...this.dossiers.values()].map((d) => d.summary),
      query,
    );
  }
}
