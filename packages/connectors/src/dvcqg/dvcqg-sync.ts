import {
  DeferredDeliveryError,
  type DeliveryContext,
  type DossierView,
  type Engine,
  type EnginePlugin,
  INTAKE_STATES,
  type OutboxItem,
  PermanentDeliveryError,
  type TransitionInfo,
  wasReceived,
} from '@motcua/core';
import { invalidOption } from '../shared/connector-error.js';
import type { PayloadProblem } from '../shared/problems.js';
import type { SyncLog, SyncRow } from '../shared/sync-log.js';
import { buildDossierRecord, type DvcqgDossierRecord, type DvcqgRecordOptions } from './dossier-record.js';
import { buildStepEntry, type DvcqgStepEntry, maskedStepEntry } from './step-entry.js';
import { type AnswerClass, classifyAnswer, type DvcqgAnswer, type DvcqgTransport } from './transport.js';

/** Options of {@link dvcqgSync}. */
export interface DvcqgSyncOptions {
  /** How the portal is reached (e.g. {@link lgspEnvelope}). */
  readonly transport: DvcqgTransport;
  /**
   * Where what the portal acknowledged is kept: `MemorySyncLog` for tests and demos,
   * `SqliteSyncLog` (`@motcua/connectors/sqlite`) or `PostgresSyncLog`
   * (`@motcua/connectors/postgres`) beside the engine's store, so that a restarted engine or
   * another worker neither pushes an acknowledged record again nor loses a history entry.
   */
  readonly syncLog: SyncLog;
  /** Plugin name (default `'dvcqg'`): outbox effects are `<name>.sync`. */
  readonly name?: string;
  /** The target's date format (luxon), default `yyyyMMddHHmmss`. */
  readonly dateFormat?: DvcqgRecordOptions['dateFormat'];
  /** The portal's code tables, default `DVCQG_CODE_TABLES`. */
  readonly codeTables?: DvcqgRecordOptions['codeTables'];
  /** A link the portal can open for a stored file. */
  readonly fileUrl?: DvcqgRecordOptions['fileUrl'];
  /** Each procedure's field (lĩnh vực) on the portal (`MaLinhVuc`, `TenLinhVuc`), by national procedure code. */
  readonly catalogue?: Readonly<Record<string, { readonly code: string; readonly name: string }>>;
  /**
   * The processing agency's name (`DonViXuLy`), default the procedure's `agency`. It gets the
   * dossier's view (`engine.get(code, { history: false })`: no journal, slip or timers).
   */
  readonly agencyName?: (dossier: DossierView) => string | undefined;
  /** The dossier's summary (`TrichYeuHoSo`), default the procedure's name; from the dossier's view. */
  readonly summary?: (dossier: DossierView) => string | undefined;
  /** Leave out the parts of a liaison (hồ sơ liên thông) that member agencies handle (default `true`): the focal dossier is the filing. */
  readonly skipLiaisonMembers?: boolean;
  /** Step entries per call (default 10, as the Thanh Hóa system sends them). */
  readonly chunkSize?: number;
}

/** What one `<name>.sync` outbox effect carries: no applicant data, the record is built at delivery. */
interface SyncPayload {
  readonly code: string;
  /** The dossier's version after the transition (`TransitionInfo.version`). */
  readonly version?: number;
  /** The transition's history entry (`null` for a change that makes none). */
  readonly step: DvcqgStepEntry | null;
  /** Why the entry cannot be sent (fields only). */
  readonly stepProblems?: readonly PayloadProblem[];
}

/** The dvcqg sync plugin: an `EnginePlugin` that reads the engine it is in once attached. */
export interface DvcqgSync extends EnginePlugin {
  /** Gives the plugin the engine it is installed in (delivery reads the dossier there). */
  attach(engine: Engine): Promise<void>;
  /**
   * Re-syncs the dossiers received in `[from, to)` that the portal does not hold at their current
   * version (the repair path: dossiers received before the plugin was installed, dead letters whose
   * data was fixed). A dossier with a sync item still pending in the
   * outbox is left to it. Safe beside the outbox and idempotent: a second run pushes nothing. It
   * also records in the engine's store each acknowledgement its sync log holds that the store does
   * not (`engine.recordPortalSync`: logs older than the store's 1.4 fact), so the index counts it.
   */
  resync(query: { readonly from: string | Date; readonly to: string | Date }): Promise<DvcqgResyncResult>;
  /**
   * Decision 766/QĐ-TTg indicator 1.4 (hồ sơ đồng bộ lên Cổng DVCQG) for the dossiers received in
   * `[from, to)`: received (online filings never accepted and liaison member parts left out),
   * synced (the portal acknowledged them), the ratio (`null` for none received), the codes not
   * synced with their state and the field of their last failure, and the lag from the commit to the
   * portal's first acknowledgement (p50, p99, max).
   */
  report(query: {
    readonly from: string | Date;
    readonly to: string | Date;
    /** The liaison dossiers' limit from commit to acknowledgement (default 10 minutes, Decree 63/2024). */
    readonly liaisonLimitMs?: number;
  }): Promise<DvcqgSyncReport>;
}

/** What {@link DvcqgSync.resync} did. */
export interface DvcqgResyncResult {
  readonly examined: number;
  readonly pushed: number;
  readonly skipped: number;
  /** Each dossier the portal refused or that could not be built, with the field when one is named. */
  readonly failed: readonly {
    readonly code: string;
    readonly field: string | null;
    readonly error: string;
  }[];
}

/** Indicator 1.4 of Decision 766/QĐ-TTg for a period, as {@link DvcqgSync.report} counts it. */
export interface DvcqgSyncReport {
  readonly received: number;
  readonly synced: number;
  /** `synced / received`, two decimals; `null` (N/A) when none was received. */
  readonly ratio: number | null;
  readonly unsynced: readonly {
    readonly code: string;
    readonly state: string;
    readonly lastErrorField: string | null;
  }[];
  /** From the commit to the portal's first acknowledgement, in ms; `null` when none was synced. */
  readonly lagMs: { readonly p50: number; readonly p99: number; readonly max: number } | null;
  /**
   * Liaison dossiers (một cửa liên thông, the parent at the focal desk) first acknowledged more than
   * `liaisonLimitMs` after their receipt's commit (Decree 63/2024/NĐ-CP: within 10 minutes), or not
   * acknowledged at all.
   */
  readonly liaisonLate: readonly string[];
}

/** The `q` quantile of sorted values (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * The transition's version: the one the effect carries (`TransitionInfo.version`), else (items
 * written before it did) from its outbox id `<code>:<version>:<plugin>.<effect>:<key>`.
 */
function versionOf(item: Pick<OutboxItem, 'id' | 'code' | 'payload'>): number | undefined {
  const carried = (item.payload as { version?: unknown } | null)?.version;
  if (typeof carried === 'number' && Number.isInteger(carried) && carried > 0) return carried;
  if (!item.code || !item.id.startsWith(`${item.code}:`)) return undefined;
  const v = Number(item.id.slice(item.code.length + 1).split(':', 1)[0]);
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

/** Where a dossier stands on the portal, as `engine.get` (`plugins.<name>.state`) and `report` show it. */
type SyncState = 'pending' | 'dead' | 'synced' | 'not-synced';

/**
 * The dossier's sync state from its sync row and its outbox items of the plugin's effect type:
 * `pending` while one waits in the outbox; `dead` while a dead letter is newer than the version the
 * portal acknowledged (one whose version cannot be read counts until any version is acknowledged);
 * else `synced` once a version was acknowledged, `not-synced` before.
 */
function syncStateOf(
  row: Pick<SyncRow, 'ackVersion'> | undefined,
  items: readonly Pick<OutboxItem, 'id' | 'code' | 'payload' | 'status'>[],
): SyncState {
  if (items.some((i) => i.status === 'pending')) return 'pending';
  const acked = row?.ackVersion ?? 0;
  if (items.some((i) => i.status === 'dead' && (versionOf(i) ?? 1) > acked)) return 'dead';
  return row?.ackVersion != null ? 'synced' : 'not-synced';
}

/** A dead letter naming the portal's field, never its value. */
function invalid(problem: PayloadProblem): PermanentDeliveryError {
  return new PermanentDeliveryError(`DVCQG_INVALID_FIELD ${problem.field}: ${problem.message}`);
}

/** Events whose transition changes nothing the portal holds. */
const SILENT = new Set(['RATING', 'LOOKUP:reissue-secret']);

/** Checks the options, naming the first bad one. */
function checkSyncOptions(o: DvcqgSyncOptions): void {
  const t = o.transport as Partial<DvcqgTransport> | undefined;
  for (const f of ['create', 'update', 'steps'] as const)
    if (typeof t?.[f] !== 'function') throw invalidOption(`transport.${f}`, 'a function');
  const log = o.syncLog as Partial<SyncLog> | undefined;
  for (const f of ['row', 'ack', 'fail', 'recordStep', 'steps', 'markStepsSynced'] as const)
    if (typeof log?.[f] !== 'function') throw invalidOption(`syncLog.${f}`, 'a function');
  if (o.name !== undefined && (typeof o.name !== 'string' || !/^[a-z][a-z0-9-]{0,30}$/.test(o.name)))
    throw invalidOption('name', 'lower-case letters, digits and dashes, starting with a letter');
  const c = o.chunkSize;
  if (c !== undefined && (!Number.isInteger(c) || c < 1 || c > 100))
    throw invalidOption('chunkSize', 'an integer from 1 to 100');
  for (const [code, entry] of Object.entries(o.catalogue ?? {})) {
    for (const f of ['code', 'name'] as const)
      if (typeof entry?.[f] !== 'string' || entry[f].trim() === '')
        throw invalidOption(`catalogue.${code}.${f}`, 'required');
  }
}

/**
 * Sync with the National Public Service Portal (đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia): an
 * engine plugin that pushes every receipt and change of a dossier through the engine's outbox.
 *
 * - `onTransition` asks for one effect `{ code, step }` per transition of a dossier the portal
 *   should know: received ones, and online filings made on the portal itself
 *   (`intake.filing.system === 'dvcqg'`, so that the portal sees statuses 1, 3 and 7); never the
 *   member parts of a liaison. The step-history entry is built at the transition (its status is
 *   exact); the effect carries no applicant data.
 * - `deliver` keeps each dossier's order: an item waits (deferred, not a failed attempt) while an
 *   earlier one of the same dossier is pending, so an update never overtakes the create. It builds
 *   the record from the dossier as it is now (`engine.get`), checks it (a problem is a dead letter
 *   naming the portal's field), creates it, and updates it when the portal says it already exists
 *   (so a retry after a lost answer never creates twice). A record the portal acknowledged before
 *   is updated directly (created again if the portal lost it); one acknowledged at the current
 *   version is not sent again. Then it pushes the dossier's pending step entries in version
 *   order, in chunks. Timeouts, resets and 5xx are retried by the outbox with backoff; 4xx are
 *   dead letters naming the field the portal named.
 * - The first acknowledgement of each dossier is recorded in the engine's store too
 *   (`engine.recordPortalSync`), so `engine.nationalIndex` counts Decision 766 indicator 1.4 with
 *   no other wiring.
 *
 * Bad options throw a `ConnectorError` (`INVALID_OPTION`) naming the option.
 *
 * @example
 * ```ts
 * import { createEngine, MemoryStore, type Procedure, vietnamCalendar } from '@motcua/core';
 * import { MemorySyncLog } from '@motcua/connectors';
 * import { dvcqgSync, lgspEnvelope } from '@motcua/connectors/dvcqg';
 * declare const residence: Procedure; // national code 1.004194
 * const calendar = vietnamCalendar();
 * const dvcqg = dvcqgSync({
 *   transport: lgspEnvelope({
 *     url: 'https://lgsp.example.gov.vn/XrdAdapter/RestService/forward',
 *     unitCode: '000.00.14.H56',
 *     credentials: { username: 'motcua-h56', password: process.env.DVCQG_PASSWORD ?? '' },
 *   }),
 *   syncLog: new MemorySyncLog(),
 *   catalogue: { '1.004194': { code: 'G22-CT01', name: 'Đăng ký, quản lý cư trú' } },
 * });
 * const engine = createEngine({
 *   procedures: [residence], calendar, agency: '000.00.14.H56',
 *   store: new MemoryStore(), plugins: [dvcqg],
 * });
 * await dvcqg.attach(engine);
 * engine.start(); // delivers the outbox: the portal gets each receipt and change
 * ```
 */
export function dvcqgSync(options: DvcqgSyncOptions): DvcqgSync {
  checkSyncOptions(options);
  const name = options.name ?? 'dvcqg';
  const effectType = `${name}.sync`;
  const { transport, syncLog } = options;
  const chunkSize = options.chunkSize ?? 10;
  const skipMembers = options.skipLiaisonMembers ?? true;
  let engine: Engine | undefined;

  const attached = (): Engine => {
    if (!engine) throw new Error('dvcqgSync: attach(engine) first');
    return engine;
  };

  /** Calls the portal; a throwing transport counts as a failed connection. */
  const classified = async (call: () => Promise<DvcqgAnswer>): Promise<AnswerClass> => {
    try {
      return classifyAnswer(await call());
    } catch {
      return { kind: 'retry', reason: 'transport failed' };
    }
  };

  /** Ends a delivery on a class other than success: retried later, or a dead letter naming the field. */
  const fail = async (code: string, what: string, result: AnswerClass, now: Date): Promise<never> => {
    if (result.kind === 'reject') {
      const field = result.field;
      const error = `DVCQG_REJECTED ${what}${field ? ` ${field}` : ''}: ${result.reason}`;
      await syncLog.fail(code, { at: now, error, field });
      throw new PermanentDeliveryError(error);
    }
    const error = `DVCQG_RETRY ${what}: ${result.kind === 'retry' ? result.reason : `unexpected ${result.kind}`}`;
    await syncLog.fail(code, { at: now, error });
    throw new Error(error);
  };

  /**
   * Create, then update when it exists; a record the portal acknowledged before is updated at
   * once, and created when the update finds none (the portal lost it). At most 4 calls.
   */
  const upsert = async (
    code: string,
    record: DvcqgDossierRecord,
    known: boolean,
    now: Date,
  ): Promise<void> => {
    let mode: 'create' | 'update' = known ? 'update' : 'create';
    for (let calls = 0; calls < 4; calls++) {
      const result = await classified(() =>
        mode === 'create' ? transport.create([record]) : transport.update([record]),
      );
      if (result.kind === 'ok') return;
      if (result.kind === 'exists' && mode === 'create') mode = 'update';
      else if (result.kind === 'missing' && mode === 'update') mode = 'create';
      else await fail(code, mode === 'create' ? 'record create' : 'record update', result, now);
    }
    await fail(code, 'record', { kind: 'retry', reason: 'create and update kept crossing' }, now);
  };

  /** Pushes the pending entries up to the version the portal's record holds: the history is never ahead of the record. */
  const pushSteps = async (code: string, upTo: number, now: Date): Promise<void> => {
    const pending = (await syncLog.steps(code, 'pending')).filter((s) => s.version <= upTo);
    for (let i = 0; i < pending.length; i += chunkSize) {
      const chunk = pending.slice(i, i + chunkSize);
      const result = await classified(() => transport.steps(chunk.map((s) => s.entry as DvcqgStepEntry)));
      // A portal that dedupes step entries may answer that one already exists: it holds it.
      if (result.kind !== 'ok' && result.kind !== 'exists') await fail(code, 'steps', result, now);
      // Kept for the record with the officer's name masked: only the portal needed it.
      await syncLog.markStepsSynced(
        code,
        chunk.map((s) => s.version),
        attached().clock.now(),
        chunk.map((s) => maskedStepEntry(s.entry)),
      );
    }
  };

  const deliver = async (item: OutboxItem, { now }: DeliveryContext): Promise<void> => {
    const e = attached();
    const payload = item.payload as Partial<SyncPayload> | null;
    const version = versionOf(item);
    const code = item.code;
    if (!code || version === undefined || payload?.code !== code)
      throw new PermanentDeliveryError(`DVCQG_INVALID_PAYLOAD ${item.type}`);
    const stepProblem = payload.stepProblems?.[0];
    if (stepProblem) {
      await syncLog.fail(code, { at: now, error: invalid(stepProblem).message, field: stepProblem.field });
      throw invalid(stepProblem);
    }
    // Recorded before the gate and any call (idempotent by version): whichever item of the dossier
    // goes first pushes every entry recorded so far, in version order.
    if (payload.step) await syncLog.recordStep(code, version, payload.step, item.createdAt);
    // Nothing left to send: the portal holds this version or a later one and every entry up to it
    // (an earlier delivery pushed the dossier as it was then, with this item's entry). No dossier or
    // outbox read: the item sends nothing, so no earlier one can be overtaken.
    const held = await syncLog.row(code);
    if (held?.ackVersion != null && held.ackVersion >= version) {
      const left = (await syncLog.steps(code, 'pending')).some((s) => s.version <= held.ackVersion!);
      if (!left) return;
    }

    // The per-dossier FIFO gate: an earlier item still pending (waiting, backing off, or leased by
    // another worker) goes first. Dead ones do not block.
    const pending = await e.store.outbox({ code, status: 'pending' });
    let blocker: OutboxItem | undefined;
    let blockerVersion = Number.POSITIVE_INFINITY;
    for (const other of pending) {
      if (other.type !== effectType || other.id === item.id) continue;
      const v = versionOf(other);
      if (v !== undefined && v < version && v < blockerVersion) {
        blocker = other;
        blockerVersion = v;
      }
    }
    if (blocker) {
      const until = Math.max(now.getTime() + 1000, Date.parse(blocker.nextAttemptAt));
      throw new DeferredDeliveryError(new Date(until), `waiting for ${blocker.id}`);
    }
    // The later items of the dossier already committed their history entries: recorded now, they
    // go out with this delivery's record in one call, and those items then find nothing to send.
    for (const other of pending) {
      if (other.type !== effectType || other.id === item.id) continue;
      const v = versionOf(other);
      const later = other.payload as Partial<SyncPayload> | null;
      if (v !== undefined && v > version && later?.code === code && later.step && !later.stepProblems?.length)
        await syncLog.recordStep(code, v, later.step, other.createdAt);
    }

    await syncDossier(code, now, Date.parse(item.createdAt), version);
  };

  /**
   * Builds the dossier's record as it is now, checks it, upserts it unless the portal holds this
   * version already, records the acknowledgement (lag from `changedAt`), then pushes the pending
   * history up to the record's version. A delivery of version `atLeast` that the portal already
   * holds (an earlier delivery pushed the dossier as it was then, later) reads no dossier: it only
   * pushes the history entries left.
   */
  const syncDossier = async (code: string, now: Date, changedAt: number, atLeast?: number): Promise<void> => {
    const e = attached();
    const row = await syncLog.row(code);
    if (atLeast !== undefined && row?.ackVersion != null && row.ackVersion >= atLeast) {
      await pushSteps(code, row.ackVersion, now);
      return;
    }
    const dossier = await e.get(code, { history: false });
    if (row?.ackVersion == null || row.ackVersion < dossier.version) {
      const { definition } = e.procedures.get(
        dossier.summary.procedureCode,
        dossier.summary.procedureVersion,
      );
      const field = options.catalogue?.[definition.code];
      const agencyName = options.agencyName?.(dossier);
      const summary = options.summary?.(dossier);
      const { record, problems } = buildDossierRecord(dossier, definition, {
        ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
        ...(options.codeTables ? { codeTables: options.codeTables } : {}),
        ...(options.fileUrl ? { fileUrl: options.fileUrl } : {}),
        ...(field ? { field } : {}),
        ...(agencyName ? { agencyName } : {}),
        ...(summary ? { summary } : {}),
      });
      const problem = problems[0];
      if (problem) {
        await syncLog.fail(code, { at: now, error: invalid(problem).message, field: problem.field });
        throw invalid(problem);
      }
      await upsert(code, record, row?.ackVersion != null, now);
      // The lag runs to the portal's answer (the clock now), not to the start of the round.
      const ackedAt = e.clock.now();
      // The first acknowledgement is also the index fact Decision 766 indicator 1.4 counts, kept in
      // the engine's store beside the dossier (before the log's: a failure here retries the item).
      if (row?.ackVersion == null) await e.recordPortalSync(code, ackedAt);
      await syncLog.ack(code, {
        version: dossier.version,
        at: ackedAt,
        lagMs: Math.max(0, ackedAt.getTime() - changedAt),
        receivedAt: wasReceived(dossier.context) ? dossier.context.receivedAt : null,
      });
    }
    await pushSteps(code, Math.max(row?.ackVersion ?? 0, dossier.version), now);
  };

  /** The summaries of the dossiers received in `[from, to)` the portal should hold, page by page. */
  const receivedIn = async function* (query: { from: string | Date; to: string | Date }) {
    const e = attached();
    const receivedFrom = new Date(query.from).toISOString();
    const receivedBefore = new Date(query.to).toISOString();
    let after: { currentDueAt: string; code: string } | undefined;
    for (;;) {
      const page = await e.list({ receivedFrom, receivedBefore, limit: 500, ...(after ? { after } : {}) });
      for (const s of page) {
        if (INTAKE_STATES.includes(s.state)) continue; // never received
        yield s;
      }
      if (page.length < 500) return;
      const last = page[page.length - 1]!;
      after = { currentDueAt: last.currentDueAt, code: last.code };
    }
  };

  const resync = async (query: { from: string | Date; to: string | Date }): Promise<DvcqgResyncResult> => {
    const e = attached();
    let examined = 0;
    let pushed = 0;
    let skipped = 0;
    const failed: { code: string; field: string | null; error: string }[] = [];
    for await (const s of receivedIn(query)) {
      examined++;
      const dossier = await e.get(s.code, { history: false });
      if (skipMembers && dossier.context.liaison?.role === 'member') {
        skipped++;
        continue;
      }
      const [row, pendingSteps, items] = await Promise.all([
        syncLog.row(s.code),
        syncLog.steps(s.code, 'pending'),
        e.store.outbox({ code: s.code, status: 'pending' }),
      ]);
      // The store's 1.4 fact for an acknowledgement the log holds from before it was kept (no-op once kept).
      if (row?.ackVersion != null && row.ackedAt !== null) await e.recordPortalSync(s.code, row.ackedAt);
      const waiting = items.some((i) => i.type === effectType);
      const current =
        row?.ackVersion != null && row.ackVersion >= dossier.version && pendingSteps.length === 0;
      if (waiting || current) {
        skipped++;
        continue;
      }
      try {
        await syncDossier(s.code, e.clock.now(), Date.parse(dossier.context.updatedAt));
        pushed++;
      } catch (err) {
        const last = await syncLog.row(s.code);
        failed.push({
          code: s.code,
          field: last?.lastErrorField ?? null,
          error: String((err as Error).message ?? err),
        });
      }
    }
    return { examined, pushed, skipped, failed };
  };

  const report = async (query: {
    from: string | Date;
    to: string | Date;
    liaisonLimitMs?: number;
  }): Promise<DvcqgSyncReport> => {
    const e = attached();
    const liaisonLimit = query.liaisonLimitMs ?? 600_000;
    const liaisonLate: string[] = [];
    let received = 0;
    let synced = 0;
    const unsynced: { code: string; state: string; lastErrorField: string | null }[] = [];
    const lags: number[] = [];
    for await (const s of receivedIn(query)) {
      const dossier = await e.get(s.code, { history: false });
      if (dossier.context.liaison?.role === 'member') continue; // not a separate filing
      received++;
      const row = await syncLog.row(s.code);
      if (
        dossier.context.liaison?.role === 'parent' &&
        (row?.firstAckLagMs == null || row.firstAckLagMs > liaisonLimit)
      )
        liaisonLate.push(s.code);
      if (row?.ackVersion != null) {
        synced++;
        if (row.firstAckLagMs != null) lags.push(row.firstAckLagMs);
      } else {
        const items = (await e.store.outbox({ code: s.code })).filter((i) => i.type === effectType);
        const state = syncStateOf(row, items);
        unsynced.push({ code: s.code, state, lastErrorField: row?.lastErrorField ?? null });
      }
    }
    lags.sort((a, b) => a - b);
    return {
      received,
      synced,
      ratio: received === 0 ? null : Math.round((synced / received) * 100) / 100,
      unsynced,
      lagMs: lags.length
        ? { p50: quantile(lags, 0.5), p99: quantile(lags, 0.99), max: lags[lags.length - 1]! }
        : null,
      liaisonLate,
    };
  };

  return {
    name,
    resync,
    report,
    onTransition(info: TransitionInfo) {
      if (SILENT.has(info.type)) return undefined;
      const c = info.after;
      if (skipMembers && c.liaison?.role === 'member') return undefined;
      if (!wasReceived(c) && c.intake?.filing?.system !== 'dvcqg') return undefined;
      const built = buildStepEntry(info, options.dateFormat ? { dateFormat: options.dateFormat } : {});
      const payload: SyncPayload = {
        code: c.code,
        version: info.version,
        step: built && built.problems.length === 0 ? built.entry : null,
        ...(built && built.problems.length > 0 ? { stepProblems: built.problems } : {}),
      };
      return [{ type: 'sync', key: '0', payload }];
    },
    deliver,
    /**
     * The dossier's sync state for `engine.get` (under `plugins.<name>`): `pending` while a sync
     * item waits in the outbox, `dead` when one became a dead letter, else `synced` once the portal
     * acknowledged a version, `not-synced` before; with the acknowledged version, the last error
     * and its field, and each history entry's status.
     */
    async inspect(code: string) {
      const e = attached();
      const [row, items, steps] = await Promise.all([
        syncLog.row(code),
        e.store.outbox({ code }),
        syncLog.steps(code),
      ]);
      return {
        state: syncStateOf(
          row,
          items.filter((i) => i.type === effectType),
        ),
        ackVersion: row?.ackVersion ?? null,
        ackedAt: row?.ackedAt ?? null,
        lastError: row?.lastError ?? null,
        lastErrorField: row?.lastErrorField ?? null,
        steps: steps.map((st) => ({ version: st.version, status: st.status, syncedAt: st.syncedAt })),
      };
    },
    async attach(target) {
      if (engine && engine !== target) throw new Error('dvcqgSync: already attached to another engine');
      engine = target;
    },
  };
}
