import { randomInt } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { type Clock, systemClock } from '../clock/clock.js';
import { type Actor, type ActorInput, ActorSchema, CANONICAL_INSTANT, toInstant } from '../dossier/actor.js';
import { pendingDeadlines } from '../dossier/deadlines.js';
import { formatDossierCode } from '../dossier/dossier-code.js';
import type { DossierContext } from '../dossier/dossier-context.js';
import type { DossierEventInput } from '../dossier/dossier-events.js';
import { ConflictError, MotcuaError, NotFoundError } from '../errors/index.js';
import type { LiaisonLinkInput } from '../liaison/liaison-context.js';
import { type PersistedDossier, type Procedure, stateName } from '../procedure/define-procedure.js';
import type { Channel } from '../procedure/definition-schema.js';
import { SYSTEM_ROLE } from '../procedure/lifecycle-rules.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { SlipRow } from '../slip/slip-row.js';
import { MemoryStore } from '../store/memory-store.js';
import {
  type ClaimedTimer,
  type ClaimRequest,
  type DossierStore,
  type DossierSummary,
  type JournalEntry,
  type ListQuery,
  type OutboxEffect,
  type OutboxItem,
  StoreConflictError,
  type StoredDossier,
  type TimerRow,
} from '../store/store-types.js';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { summaryOf } from './dossier-summary.js';
import type { EffectRequest, EnginePlugin } from './plugin.js';
import { deferralOf, PermanentDeliveryError } from './plugin.js';
import { type PublicDossierView, publicView, secretMatches } from './public-lookup.js';

/** The engine's own actor, used for timers. */
export const SYSTEM_ACTOR: Actor = {
  officerId: 'system',
  unitId: 'system',
  name: 'motcua',
  roles: [SYSTEM_ROLE],
};

/** A structured log entry; personal data never appears in one. */
export interface EngineLogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly code?: string;
  readonly type?: string;
  readonly officerId?: string;
  readonly unitId?: string;
  readonly error?: string;
}

/**
 * An inspection event in the shape of XState's inspection events (`@xstate.event`,
 * `@xstate.snapshot`), one pair per committed transition; `rootId` and `sessionId` are the
 * dossier code. Snapshots carry the full context: filter before sending them outside.
 */
export interface EngineInspectionEvent {
  readonly type: '@xstate.event' | '@xstate.snapshot';
  readonly rootId: string;
  readonly sessionId: string;
  readonly actorRef: { readonly id: string; readonly sessionId: string };
  readonly event: { readonly type: string; readonly [key: string]: unknown };
  readonly snapshot?: { readonly value: unknown; readonly context: DossierContext; readonly status: string };
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The procedure versions this engine runs. */
  readonly procedures: ProcedureRegistry | readonly Procedure[];
  /** The office's working calendar: every deadline is counted on it. */
  readonly calendar: WorkingCalendar;
  /** Where dossiers live (default: a new {@link MemoryStore}). */
  readonly store?: DossierStore;
  readonly plugins?: readonly EnginePlugin[];
  /** Where the engine reads the time (default: the system clock). */
  readonly clock?: Clock;
  /** The agency code that starts dossier codes (e.g. `'000.00.14.H56'`), unless a receipt names another. */
  readonly agency: string;
  /** This process's id in the store's leases (default: random). */
  readonly workerId?: string;
  /** Warn this many working minutes before a dossier's due time (default one working day). */
  readonly warnBeforeMinutes?: number;
  readonly backoff?: Partial<BackoffOptions>;
  /** Lease of a claimed timer or outbox item (default 60 s): after it, another worker may take it. */
  readonly leaseMs?: number;
  /** Random numbers in [0, 1) for secrets and jitter (default: crypto); pass a seeded one to replay. */
  readonly random?: () => number;
  readonly inspect?: (event: EngineInspectionEvent) => void;
  readonly log?: (entry: EngineLogEntry) => void;
}

/** What {@link Engine.receive} takes. */
export interface ReceiveCommand {
  /** National procedure code; the version in force at receipt is used unless `version` is given. */
  readonly procedure: string;
  readonly version?: string;
  readonly agency?: string;
  readonly channel: Channel;
  /** The desk officer. */
  readonly actor: ActorInput;
  readonly applicant: unknown;
  readonly application: unknown;
  /** Default: the clock's now. */
  readonly at?: Date;
  readonly idempotencyKey?: string;
  /** A member agency's dossier of a liaison: its link to the parent dossier (set by the liaison plugin). */
  readonly liaison?: LiaisonLinkInput;
}

/** An event sent to a dossier; `at` defaults to the clock's now. */
export type EngineEvent = DossierEventInput extends infer E
  ? E extends { at: unknown }
    ? Omit<E, 'at'> & { at?: string | Date }
    : never
  : never;

/** Options of {@link Engine.send}. */
export interface SendOptions {
  readonly idempotencyKey?: string;
  /** Fail with a conflict unless the dossier is still at this version. */
  readonly expectedVersion?: number;
}

/** A dossier as the officers see it (it holds personal data: do not publish it). */
export interface DossierView {
  readonly code: string;
  readonly version: number;
  readonly state: string;
  readonly status: 'active' | 'done';
  readonly context: DossierContext;
  readonly summary: DossierSummary;
}

/** A dossier with its history. */
export interface DossierRecord extends DossierView {
  readonly journal: readonly JournalEntry[];
  readonly slip: readonly SlipRow[];
  readonly timers: readonly TimerRow[];
}

/** The engine embedded in one-stop software. Built by {@link createEngine}. */
export interface Engine {
  readonly calendar: WorkingCalendar;
  readonly store: DossierStore;
  readonly clock: Clock;
  readonly procedures: ProcedureRegistry;
  /** Receives a dossier: validates it, issues its code and secret, computes its due date (Form 01 data). */
  receive(command: ReceiveCommand): Promise<DossierView>;
  /** Applies an event to a dossier in one transaction. */
  send(code: string, event: EngineEvent, options?: SendOptions): Promise<DossierView>;
  get(code: string): Promise<DossierRecord>;
  /** The public progress view, by code and the secret printed on Form 01. */
  lookup(code: string, secret: string): Promise<PublicDossierView>;
  list(query: ListQuery): Promise<DossierSummary[]>;
  report(query: ReportQuery): Promise<ReportRow[]>;
  unitReport(query: { from: string; to: string }): Promise<UnitReportRow[]>;
  /** Fires every timer due at `now` (default: the clock), exactly once each. */
  runDueTimers(now?: Date): Promise<{ fired: number; skipped: number }>;
  /**
   * Delivers due outbox items (at least once; retries with backoff; dead letters). `failed` counts
   * items not delivered this time that will be tried again, including deferrals by the plugin.
   */
  deliverOutbox(now?: Date): Promise<{ delivered: number; failed: number; dead: number }>;
  deadLetters(): Promise<OutboxItem[]>;
  retryDeadLetter(id: string): Promise<void>;
  /** Runs a plugin command, `'<plugin>.<command>'`. */
  command(name: string, args?: unknown): Promise<unknown>;
  /** Polls timers and the outbox every `intervalMs` (default 1000) until {@link Engine.stop}. */
  start(options?: { intervalMs?: number }): void;
  stop(): Promise<void>;
}

/**
 * The `at` of an event as the procedure will check it: the clock's now when absent, a `Date` or a
 * string in motcua's one form (UTC ISO); anything that is not an instant is passed on unchanged so
 * the event's validation names the field, instead of failing here.
 */
function eventInstant(at: string | Date | undefined, clock: Clock): string {
  if (at === undefined) return toInstant(clock.now());
  if (at instanceof Date) return Number.isNaN(at.getTime()) ? (at as unknown as string) : toInstant(at);
  if (typeof at !== 'string' || CANONICAL_INSTANT.test(at)) return at;
  const parsed = new Date(at);
  return Number.isNaN(parsed.getTime()) ? at : toInstant(parsed);
}

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Rows claimed per batch by the timer and outbox rounds. */
const BATCH = 100;

/** A retry-safe read of a dossier's procedure version, bound to the office calendar. */
function bindProcedures(
  procs: ProcedureRegistry | readonly Procedure[],
  calendar: WorkingCalendar,
): ProcedureRegistry {
  const list = procs instanceof ProcedureRegistry ? procs.all() : procs;
  return new ProcedureRegistry(list.map((p) => p.withCalendar(calendar)));
}

/**
 * Creates the engine a vendor embeds: commands on dossiers, each one transaction in the store;
 * durable timers; plugin effects delivered after commit through the outbox.
 *
 * @example
 * ```ts
 * const engine = createEngine({ procedures: [residence], calendar: vietnamCalendar(), agency: 'H56' });
 * const d = await engine.receive({ procedure: '1.004194', channel: 'in-person', actor: desk, applicant, application });
 * await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
 * ```
 */
export function createEngine(options: EngineOptions): Engine {
  const calendar = options.calendar;
  const registry = bindProcedures(options.procedures, calendar);
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? systemClock;
  const plugins = options.plugins ?? [];
  const random = options.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32);
  const workerId = options.workerId ?? `worker-${Math.floor(random() * 1e9).toString(36)}`;
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const leaseMs = options.leaseMs ?? 60_000;
  const log = options.log ?? (() => {});
  const pluginByName = new Map(plugins.map((p) => [p.name, p]));
  if (pluginByName.size !== plugins.length)
    throw new MotcuaError('INVALID_OPTION', 'plugins: two plugins share a name', { field: 'plugins' });

  const secret = () => {
    let s = '';
    for (let i = 0; i < 6; i++) s += SECRET_ALPHABET[Math.floor(random() * SECRET_ALPHABET.length)];
    return s;
  };

  const procedureOf = (persisted: PersistedDossier): Procedure => {
    try {
      return registry.get(persisted.procedure.code, persisted.procedure.version);
    } catch {
      throw new NotFoundError('procedure', `${persisted.procedure.code}@${persisted.procedure.version}`);
    }
  };

  const deadlineOptions = {
    calendar,
    ...(options.warnBeforeMinutes === undefined ? {} : { warnBeforeMinutes: options.warnBeforeMinutes }),
  };
  const timerRows = (ctx: DossierContext, fired: readonly string[]): TimerRow[] => {
    const rows: TimerRow[] = [];
    for (const d of pendingDeadlines(ctx, deadlineOptions)) {
      const id = d.stepId ? `${ctx.code}:${d.kind}:${d.stepId}:${d.at}` : `${ctx.code}:${d.kind}:${d.at}`;
      if (fired.length > 0 && fired.includes(id)) continue;
      rows.push(
        d.stepId
          ? { id, code: ctx.code, kind: d.kind, at: d.at, stepId: d.stepId }
          : { id, code: ctx.code, kind: d.kind, at: d.at },
      );
    }
    return rows;
  };

  const effectsOf = (
    code: string,
    version: number,
    now: Date,
    collect: (p: EnginePlugin) => readonly EffectRequest[] | undefined,
  ): OutboxEffect[] => {
    const out: OutboxEffect[] = [];
    let createdAt: string | undefined;
    for (const p of plugins) {
      const requested = collect(p);
      if (!requested || requested.length === 0) continue;
      createdAt ??= toInstant(now);
      requested.forEach((e, i) => {
        out.push({
          id: `${code}:${version}:${p.name}.${e.type}:${e.key ?? i}`,
          code,
          type: `${p.name}.${e.type}`,
          payload: e.payload,
          createdAt: createdAt as string,
          notBefore: e.notBefore && e.notBefore > now ? toInstant(e.notBefore) : (createdAt as string),
        });
      });
    }
    return out;
  };

  const view = (persisted: PersistedDossier, version: number): DossierView => {
    const summary = summaryOf(persisted);
    return {
      code: summary.code,
      version,
      state: summary.state,
      status: summary.status,
      context: persisted.context,
      summary,
    };
  };

  const emit = (code: string, type: string, event: unknown, persisted: PersistedDossier) => {
    if (!options.inspect) return;
    const actorRef = { id: code, sessionId: code };
    options.inspect({
      type: '@xstate.event',
      rootId: code,
      sessionId: code,
      actorRef,
      event: { ...(event as object), type },
    });
    options.inspect({
      type: '@xstate.snapshot',
      rootId: code,
      sessionId: code,
      actorRef,
      event: { ...(event as object), type },
      snapshot: { value: persisted.value, context: persisted.context, status: persisted.status },
    });
  };

  /** Computes and commits one transition of an existing dossier. */
  const transitionAndCommit = async (
    stored: StoredDossier,
    event: EngineEvent & { at: string },
    extra: {
      idempotencyKey?: string | undefined;
      firedTimer?: ClaimedTimer;
      journalType?: string;
      /** The dossier after the event, when the caller already stepped it. */
      stepped?: PersistedDossier;
    },
  ): Promise<DossierView> => {
    const procedure = procedureOf(stored.persisted);
    const before = stored.persisted;
    const moves = !extra.journalType;
    const persisted = moves ? (extra.stepped ?? procedure.step(before, event as DossierEventInput)) : before;
    const after = persisted;
    const version = stored.version + 1;
    const now = new Date(event.at);
    const code = persisted.context.code;
    const firedTimers = extra.firedTimer ? [...stored.firedTimers, extra.firedTimer.id] : stored.firedTimers;
    const info = {
      type: extra.journalType ?? event.type,
      event,
      before: before.context,
      after: after.context,
      beforeState: stateName(before.value),
      afterState: stateName(after.value),
      procedure: procedure.definition,
      calendar,
      now,
    };
    const outbox = effectsOf(code, version, now, (p) =>
      extra.firedTimer
        ? p.onTimer?.({
            timer: extra.firedTimer,
            dossier: after.context,
            state: info.afterState,
            procedure: procedure.definition,
            calendar,
            now,
          })
        : p.onTransition?.(info),
    );
    if (extra.firedTimer && moves) {
      for (const e of effectsOf(code, version, now, (p) => p.onTransition?.(info))) {
        outbox.push({ ...e, id: `${e.id}:t` });
      }
    }
    const result = view(persisted, version);
    try {
      await store.commit({
        dossier: {
          summary: result.summary,
          persisted,
          version,
          expectedVersion: stored.version,
          firedTimers,
        },
        journal: {
          code,
          seq: version,
          at: event.at,
          type: info.type,
          actor: (event.actor.roles ? event.actor : { ...event.actor, roles: [] }) as Actor,
          before: info.beforeState,
          after: info.afterState,
          event,
          idempotencyKey: extra.idempotencyKey ?? null,
        },
        slipRows: after.context.slip.slice(before.context.slip.length),
        timers: timerRows(after.context, firedTimers),
        outbox,
        idempotency: extra.idempotencyKey ? { key: extra.idempotencyKey, result: { code, version } } : null,
        firedTimer: extra.firedTimer
          ? { id: extra.firedTimer.id, leaseOwner: extra.firedTimer.leaseOwner }
          : null,
      });
    } catch (e) {
      if (e instanceof StoreConflictError) {
        // The same command may have won the race under its idempotency key: answer with its result.
        if (extra.idempotencyKey && (await store.idempotentResult(extra.idempotencyKey)) !== undefined) {
          return replay(extra.idempotencyKey);
        }
        throw new ConflictError(code, e.message, e.reason);
      }
      throw e;
    }
    log({
      level: 'info',
      message: 'transition',
      code,
      type: info.type,
      officerId: event.actor.officerId,
      unitId: event.actor.unitId,
    });
    emit(code, info.type, event, persisted);
    return result;
  };

  const load = async (code: string): Promise<StoredDossier> => {
    const stored = await store.load(code);
    if (!stored) throw new NotFoundError('dossier', code);
    return stored;
  };

  /** The first result of an idempotency key: the dossier at the version that command produced. */
  const replay = async (key: string): Promise<DossierView> => {
    const first = (await store.idempotentResult(key)) as { code: string; version: number } | undefined;
    if (!first) throw new MotcuaError('IDEMPOTENCY', `idempotency key ${key} has no stored result`);
    const stored = await load(first.code);
    return { ...view(stored.persisted, stored.version), version: first.version };
  };

  const engine: Engine = {
    calendar,
    store,
    clock,
    procedures: registry,

    async receive(command) {
      if (command.idempotencyKey && (await store.idempotentResult(command.idempotencyKey)) !== undefined) {
        return replay(command.idempotencyKey);
      }
      const at = command.at ?? clock.now();
      const procedure = command.version
        ? registry.get(command.procedure, command.version)
        : registry.inForce(command.procedure, calendar.localDate(at));
      const agency = command.agency ?? options.agency;
      const input = {
        code: 'pending',
        secret: 'pending',
        agency,
        receivedAt: at,
        receivedBy: command.actor,
        channel: command.channel,
        applicant: command.applicant,
        application: command.application,
        ...(command.liaison ? { liaison: command.liaison } : {}),
      };
      // Validates everything before a sequence number is taken; the code is filled in after.
      const draft = procedure.start(input);
      const localDate = calendar.localDate(at);
      const sequence = await store.nextSequence(agency, localDate);
      const code = formatDossierCode({ agency, date: localDate, sequence });
      const persisted = { ...draft, context: { ...draft.context, code, secret: secret() } };
      const result = view(persisted, 1);
      const actor = ActorSchema.parse(command.actor);
      const info = {
        type: 'RECEIVE',
        event: { type: 'RECEIVE', channel: command.channel },
        before: null,
        after: persisted.context,
        beforeState: null,
        afterState: result.state,
        procedure: procedure.definition,
        calendar,
        now: at,
      };
      try {
        await store.commit({
          dossier: { summary: result.summary, persisted, version: 1, expectedVersion: 0, firedTimers: [] },
          journal: {
            code,
            seq: 1,
            at: persisted.context.receivedAt,
            type: 'RECEIVE',
            actor,
            before: null,
            after: result.state,
            event: {
              type: 'RECEIVE',
              channel: command.channel,
              procedure: `${procedure.code}@${procedure.version}`,
              ...(persisted.context.liaison?.role === 'member' ? { liaison: persisted.context.liaison } : {}),
            },
            idempotencyKey: command.idempotencyKey ?? null,
          },
          slipRows: persisted.context.slip,
          timers: timerRows(persisted.context, []),
          outbox: effectsOf(code, 1, at, (p) => p.onTransition?.(info)),
          idempotency: command.idempotencyKey
            ? { key: command.idempotencyKey, result: { code, version: 1 } }
            : null,
          firedTimer: null,
        });
      } catch (e) {
        if (e instanceof StoreConflictError && e.reason === 'idempotency' && command.idempotencyKey) {
          return replay(command.idempotencyKey);
        }
        if (e instanceof StoreConflictError) throw new ConflictError(code, e.message);
        throw e;
      }
      log({
        level: 'info',
        message: 'received',
        code,
        type: 'RECEIVE',
        officerId: actor.officerId,
        unitId: actor.unitId,
      });
      emit(code, 'RECEIVE', info.event, persisted);
      return result;
    },

    async send(code, event, sendOptions = {}) {
      if (
        sendOptions.idempotencyKey &&
        (await store.idempotentResult(sendOptions.idempotencyKey)) !== undefined
      ) {
        return replay(sendOptions.idempotencyKey);
      }
      const stored = await load(code);
      if (sendOptions.expectedVersion !== undefined && sendOptions.expectedVersion !== stored.version) {
        throw new ConflictError(
          code,
          `at version ${stored.version}, expected ${sendOptions.expectedVersion}`,
        );
      }
      return transitionAndCommit(
        stored,
        { ...event, at: eventInstant(event.at, clock) } as EngineEvent & { at: string },
        { idempotencyKey: sendOptions.idempotencyKey },
      );
    },

    async get(code) {
      const stored = await load(code);
      const [journal, slip, timers] = await Promise.all([
        store.journal(code),
        store.slip(code),
        store.timers(code),
      ]);
      return { ...view(stored.persisted, stored.version), journal, slip, timers };
    },

    async lookup(code, presented) {
      const stored = await store.load(code);
      if (
        !stored ||
        typeof presented !== 'string' ||
        !secretMatches(presented, stored.persisted.context.secret)
      ) {
        throw new MotcuaError('LOOKUP_FAILED', 'no dossier matches this code and secret', {
          field: 'secret',
        });
      }
      return publicView(stored.persisted, procedureOf(stored.persisted).definition, clock.now());
    },

    list: (query) => store.list(query),
    report: (query) => store.report(query),
    unitReport: (query) => store.unitReport(query),

    async runDueTimers(now = clock.now()) {
      let fired = 0;
      let skipped = 0;
      await claimRounds(
        now,
        (claim) => store.claimTimers(claim),
        async (timer) => {
          try {
            if (await fireTimer(timer, now)) fired++;
            else skipped++;
          } catch (e) {
            skipped++;
            log({
              level: 'warn',
              message: 'timer not fired',
              code: timer.code,
              type: timer.kind,
              error: String((e as Error).message ?? e),
            });
          }
        },
      );
      return { fired, skipped };
    },

    async deliverOutbox(now = clock.now()) {
      let delivered = 0;
      let failed = 0;
      let dead = 0;
      await claimRounds(
        now,
        (claim) => store.claimOutbox(claim),
        async (item) => {
          const plugin = pluginByName.get(item.type.slice(0, item.type.indexOf('.')));
          try {
            if (!plugin?.deliver) throw new PermanentDeliveryError(`no plugin delivers ${item.type}`);
            await plugin.deliver(item, { now, attempt: item.attempts + 1 });
            await store.settleOutbox(item.id, workerId, { delivered: true });
            delivered++;
          } catch (e) {
            const until = deferralOf(e);
            if (until) {
              // Held by the plugin (quiet hours, a cap): not a failure, not counted, never dead.
              const retryAt = toInstant(new Date(Math.max(until.getTime(), now.getTime() + 1000)));
              const error = e instanceof Error ? e.message : String(e);
              await store.settleOutbox(item.id, workerId, {
                delivered: false,
                error,
                retryAt,
                deferred: true,
              });
              failed++;
              return;
            }
            const attempt = item.attempts + 1;
            const permanent = e instanceof PermanentDeliveryError || attempt >= backoff.maxAttempts;
            const error = e instanceof Error ? e.message : String(e);
            const retryAt = permanent
              ? null
              : toInstant(new Date(now.getTime() + backoffDelay(attempt, backoff, random)));
            await store.settleOutbox(item.id, workerId, { delivered: false, error, retryAt });
            if (permanent) dead++;
            else failed++;
            log({
              level: permanent ? 'error' : 'warn',
              message: permanent ? 'effect dead-lettered' : 'effect failed, will retry',
              code: item.code ?? undefined,
              type: item.type,
              error,
            });
          }
        },
      );
      return { delivered, failed, dead };
    },

    deadLetters: () => store.outbox({ status: 'dead' }),
    retryDeadLetter: (id) => store.retryDeadLetter(id, toInstant(clock.now())),

    async command(name, args) {
      const dot = name.indexOf('.');
      const handler = pluginByName.get(name.slice(0, dot))?.commands?.[name.slice(dot + 1)];
      if (!handler) throw new NotFoundError('command', name);
      return handler(args);
    },

    start(startOptions = {}) {
      if (interval) return;
      const every = startOptions.intervalMs ?? 1000;
      interval = setInterval(() => {
        if (running) return;
        running = (async () => {
          try {
            await engine.runDueTimers();
            await engine.deliverOutbox();
          } catch (e) {
            log({
              level: 'error',
              message: 'background loop failed',
              error: String((e as Error).message ?? e),
            });
          } finally {
            running = undefined;
          }
        })();
      }, every);
      interval.unref?.();
    },

    async stop() {
      if (interval) clearInterval(interval);
      interval = undefined;
      await running;
    },
  };
  let interval: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | undefined;

  /**
   * Claims due rows in batches and handles each while its lease holds. Every batch's lease is
   * computed from the clock when it is claimed (not from the round's start), a row whose lease has
   * (nearly) run out is left for whoever claims it next, and a round claims no new batch once it
   * has run for half a lease.
   */
  async function claimRounds<T extends { readonly leaseUntil: string | null }>(
    due: Date,
    claim: (request: ClaimRequest) => Promise<T[]>,
    handle: (row: T) => Promise<void>,
  ): Promise<void> {
    const dueAt = toInstant(due);
    const started = clock.now().getTime();
    const margin = Math.min(leaseMs / 10, 5000);
    for (;;) {
      const batch = await claim({
        due: dueAt,
        now: toInstant(clock.now()),
        limit: BATCH,
        owner: workerId,
        leaseMs,
      });
      for (const row of batch) {
        if (row.leaseUntil !== null && clock.now().getTime() > Date.parse(row.leaseUntil) - margin) continue;
        await handle(row);
      }
      if (batch.length < BATCH || clock.now().getTime() - started >= leaseMs / 2) return;
    }
  }

  /**
   * Fires one claimed timer: its machine event if it has one, plugin effects, and its removal.
   * When a command changed the dossier between the claim and the commit, it is tried again on the
   * new version (the claim is still ours); when another worker fired it, or a command moved the
   * deadline it stood for (its row is gone), it is skipped.
   *
   * The event's time is after the timer's instant (a timer at `T` is claimed only once `T` has
   * passed, see {@link ClaimRequest.due}) and never before the dossier's last event, so the
   * lifecycle's own rules (overdue once the due time has passed, expired once the response limit
   * has) accept it. A machine that has no transition for the event in the dossier's state leaves
   * the event to the plugins: the timer is journalled as `TIMER:<kind>` with the refusal's reason.
   */
  async function fireTimer(timer: ClaimedTimer, now: Date): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const stored = await store.load(timer.code);
      if (!stored || stored.persisted.status === 'done') return false;
      const atMs = Math.max(
        now.getTime(),
        Date.parse(timer.at) + 1,
        Date.parse(stored.persisted.context.updatedAt),
      );
      const at = toInstant(new Date(atMs));
      const machineEvent =
        timer.kind === 'dossier-due' ? 'MARK_OVERDUE' : timer.kind === 'supplement-expiry' ? 'EXPIRE' : null;
      const event = { type: machineEvent ?? 'MARK_OVERDUE', at, actor: SYSTEM_ACTOR } as EngineEvent & {
        at: string;
      };
      let stepped: PersistedDossier | undefined;
      let refused: string | undefined;
      if (machineEvent !== null) {
        try {
          stepped = procedureOf(stored.persisted).step(stored.persisted, event as DossierEventInput);
        } catch (e) {
          if (!(e instanceof MotcuaError)) throw e;
          refused = e.message;
          log({
            level: 'warn',
            message: 'timer event refused by the lifecycle',
            code: timer.code,
            type: timer.kind,
            error: e.code,
          });
        }
      }
      try {
        await transitionAndCommit(stored, stepped ? event : { ...event, ...(refused ? { refused } : {}) }, {
          firedTimer: timer,
          ...(stepped ? { stepped } : { journalType: `TIMER:${timer.kind}` }),
        });
        return true;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        // The dossier moved under us: its timers were rewritten; fire on the new version.
        if (e.reason === 'version' && attempt < 3) continue;
        return false; // another worker fired it, or the timer is gone with the dossier's new deadlines
      }
    }
  }

  return engine;
}
