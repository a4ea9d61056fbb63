import { randomInt } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { systemClock } from '../clock/clock.js';
import {
  ConflictError,
  IdempotencyKeyError,
  LookupLockedError,
  MotcuaError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../errors/index.js';
import { toInstant } from '../model/actor.js';
import { formatDossierCode } from '../model/dossier-code.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { LiaisonLinkInput } from '../model/liaison-context.js';
import { type PersistedDossier, type Procedure, stateName } from '../procedure/define-procedure.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import { MemoryStore } from '../store/memory-store.js';
import { checkStoreText } from '../store/store-input.js';
import {
  type ClaimedTimer,
  type ClaimRequest,
  type OutboxEffect,
  type OutboxItem,
  StoreConflictError,
  type StoredDossier,
  type TimerRow,
} from '../store/store-types.js';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { commandFingerprint } from './command-fingerprint.js';
import { summaryOf } from './dossier-summary.js';
import {
  checkCode,
  checkEngineOptions,
  checkEvent,
  checkListQuery,
  checkNow,
  checkPeriodQuery,
  checkReceive,
  checkReissue,
  checkReportQuery,
  checkSendOptions,
  checkText,
} from './engine-input.js';
import type { DossierView, Engine, EngineEvent, EngineOptions } from './engine-types.js';
import { DEFAULT_LOOKUP_LIMIT, DEFAULT_SECRET_LENGTH, SYSTEM_ACTOR } from './engine-types.js';
import { dossierInspection } from './inspection.js';
import { receiptJournalEntry, transitionJournalEntry } from './journal-entries.js';
import type { EffectRequest, EnginePlugin } from './plugin.js';
import { deferralOf, PermanentDeliveryError } from './plugin.js';
import { publicView, secretMatches } from './public-lookup.js';
import { timerRows as deriveTimerRows, timerFiring } from './timer-rows.js';

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The key under which the store counts failed lookups of a dossier code. */
const lookupKey = (code: string) => `dossier:${code}`;

/**
 * What an idempotency key keeps: the first result (the dossier as that command left it, so a
 * replay returns exactly what the first application returned) and the command's fingerprint.
 * The applicant and the application are left out — personal data stays in the dossier's snapshot
 * only — and taken back from the snapshot on replay: both are set at receipt and never change.
 * Keys stored by earlier versions hold only `code` and `version`.
 */
interface IdempotencyRecord {
  readonly code: string;
  readonly version: number;
  readonly fingerprint?: string;
  readonly persisted?: Omit<PersistedDossier, 'context'> & {
    readonly context: Omit<DossierContext, 'applicant' | 'application'>;
  };
}

function idempotencyRecord(
  persisted: PersistedDossier,
  version: number,
  idempotency: { readonly fingerprint: string },
): IdempotencyRecord {
  const { applicant: _a, application: _b, ...context } = persisted.context;
  return {
    code: persisted.context.code,
    version,
    fingerprint: idempotency.fingerprint,
    persisted: { ...persisted, context },
  };
}

/**
 * Runs a procedure's receipt check, naming its problems by the receive command's fields: the
 * procedure's `receivedBy` and `receivedAt` are the command's `actor` and `at`.
 */
function asCommand<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const rename = (field: string) =>
      field.replace(/^receivedBy(?=\.|$)/, 'actor').replace(/^receivedAt$/, 'at');
    throw new ValidationError(
      'receive command',
      e.issues.map((i) => ({ field: rename(i.field), message: i.message })),
    );
  }
}

/** Rows claimed per batch by the timer and outbox rounds. */
const BATCH = 100;
/** Attempts at recording a delivered outbox item after a retryable store failure (pauses 50 ms … 800 ms). */
const SETTLE_ATTEMPTS = 6;

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
  checkEngineOptions(options);
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

  const secretLength = options.secretLength ?? DEFAULT_SECRET_LENGTH;
  const lookupLimit = {
    maxAttempts: options.lookupLimit?.maxFailures ?? DEFAULT_LOOKUP_LIMIT.maxFailures,
    windowMs: options.lookupLimit?.windowMs ?? DEFAULT_LOOKUP_LIMIT.windowMs,
  };
  const secret = (draw: () => number = random) => {
    let s = '';
    for (let i = 0; i < secretLength; i++) s += SECRET_ALPHABET[Math.floor(draw() * SECRET_ALPHABET.length)];
    return s;
  };
  /**
   * What an unknown code's guess is compared with, so that it takes the path of a wrong secret
   * (drawn from crypto, not from `random`, so that a seeded run issues the same secrets as before).
   */
  const dummySecret = secret(() => randomInt(0, 2 ** 32) / 2 ** 32);

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
  const timerRows = (ctx: DossierContext, fired: readonly string[]): TimerRow[] =>
    deriveTimerRows(ctx, fired, deadlineOptions);

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

  const inspection = dossierInspection(options.inspect, log);

  /** Computes and commits one transition of an existing dossier. */
  const transitionAndCommit = async (
    stored: StoredDossier,
    event: EngineEvent & { at: string },
    extra: {
      /** The command's idempotency key and fingerprint, stored with its result. */
      idempotency?: { readonly key: string; readonly fingerprint: string } | undefined;
      firedTimer?: ClaimedTimer;
      journalType?: string;
      /** The dossier after the event, when the caller already stepped it. */
      stepped?: PersistedDossier;
      /** The dossier after a command that is not a machine event (with `journalType`). */
      rewritten?: PersistedDossier;
    },
  ): Promise<DossierView> => {
    const procedure = procedureOf(stored.persisted);
    const before = stored.persisted;
    const moves = !extra.journalType;
    const persisted = moves
      ? (extra.stepped ?? procedure.step(before, event as DossierEventInput))
      : (extra.rewritten ?? before);
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
        journal: transitionJournalEntry(
          code,
          version,
          info.type,
          event,
          { before: info.beforeState, after: info.afterState },
          extra.idempotency?.key ?? null,
        ),
        slipRows: after.context.slip.slice(before.context.slip.length),
        timers: timerRows(after.context, firedTimers),
        outbox,
        idempotency: extra.idempotency
          ? { key: extra.idempotency.key, result: idempotencyRecord(persisted, version, extra.idempotency) }
          : null,
        firedTimer: extra.firedTimer
          ? { id: extra.firedTimer.id, leaseOwner: extra.firedTimer.leaseOwner }
          : null,
      });
    } catch (e) {
      if (e instanceof StoreConflictError) throw new ConflictError(code, e.message, e.reason);
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
    inspection.transitioned(procedure, info.type, event, before, persisted);
    return result;
  };

  const load = async (code: string): Promise<StoredDossier> => {
    const stored = await store.load(code);
    if (!stored) throw new NotFoundError('dossier', code);
    return stored;
  };

  /**
   * The first result of an idempotency key, when it has one: exactly the view the first command
   * returned. @throws {@link IdempotencyKeyError} when the key names another command.
   */
  const firstResult = async (key: string, fingerprint: string): Promise<DossierView | undefined> => {
    const first = (await store.idempotentResult(key)) as IdempotencyRecord | undefined;
    if (first === undefined || first === null) return undefined;
    if (first.fingerprint !== undefined && first.fingerprint !== fingerprint) throw new IdempotencyKeyError();
    const stored = await load(first.code);
    if (first.persisted) {
      const { applicant, application } = stored.persisted.context;
      const context = { ...first.persisted.context, applicant, application } as DossierContext;
      return view({ ...first.persisted, context }, first.version);
    }
    // A key stored before results were kept: the dossier now, under the first version number.
    return { ...view(stored.persisted, stored.version), version: first.version };
  };

  /**
   * Runs a command under an idempotency key: the first result when the key was used by the same
   * command; otherwise the command, and when it fails (lost a race, or was refused because the same
   * command was applied meanwhile) the first result if there now is one.
   */
  const keyed = async (
    idempotency: { key: string; fingerprint: string } | undefined,
    run: () => Promise<DossierView>,
  ): Promise<DossierView> => {
    if (!idempotency) return run();
    const first = await firstResult(idempotency.key, idempotency.fingerprint);
    if (first) return first;
    try {
      return await run();
    } catch (e) {
      let again: DossierView | undefined;
      try {
        again = await firstResult(idempotency.key, idempotency.fingerprint);
      } catch (check) {
        if (check instanceof IdempotencyKeyError) throw check;
        throw e;
      }
      if (again) return again;
      throw e;
    }
  };

  /** The procedure version a receipt names, with errors naming the command's fields. */
  const procedureFor = (code: string, version: string | undefined, at: Date): Procedure => {
    try {
      return version ? registry.get(code, version) : registry.inForce(code, calendar.localDate(at));
    } catch (e) {
      if (!(e instanceof MotcuaError)) throw e;
      if (e.field === 'version')
        throw new MotcuaError(e.code, 'version: the procedure has no such version', { field: 'version' });
      if (e.code === 'NO_VERSION_IN_FORCE')
        throw new MotcuaError(e.code, 'procedure: no version in force on the receipt date', {
          field: 'procedure',
        });
      throw new MotcuaError(e.code, 'procedure: no procedure with this code', { field: 'procedure' });
    }
  };

  const engine: Engine = {
    calendar,
    store,
    clock,
    procedures: registry,

    async receive(input) {
      // Every check comes before anything is read or written (no sequence number is taken).
      const command = checkReceive(input);
      const at = command.at === undefined ? clock.now() : new Date(command.at);
      const procedure = procedureFor(command.procedure, command.version, at);
      const agency = command.agency ?? options.agency;
      const actor = command.actor;
      const draft = asCommand(() =>
        procedure.start({
          code: 'pending',
          secret: 'pending',
          agency,
          receivedAt: at,
          receivedBy: actor,
          channel: command.channel,
          applicant: command.applicant,
          application: command.application,
          ...(command.liaison === undefined ? {} : { liaison: command.liaison as LiaisonLinkInput }),
        }),
      );
      const idempotency = command.idempotencyKey
        ? {
            key: command.idempotencyKey,
            fingerprint: commandFingerprint({
              command: 'receive',
              procedure: command.procedure,
              version: command.version,
              agency,
              channel: command.channel,
              actor,
              applicant: command.applicant,
              application: command.application,
              at: command.at,
              liaison: command.liaison,
            }),
          }
        : undefined;
      return keyed(idempotency, async () => {
        const localDate = calendar.localDate(at);
        const sequence = await store.nextSequence(agency, localDate);
        const code = formatDossierCode({ agency, date: localDate, sequence });
        const persisted = { ...draft, context: { ...draft.context, code, secret: secret() } };
        const result = view(persisted, 1);
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
            journal: receiptJournalEntry(
              persisted.context,
              procedure,
              actor,
              result.state,
              idempotency?.key ?? null,
            ),
            slipRows: persisted.context.slip,
            timers: timerRows(persisted.context, []),
            outbox: effectsOf(code, 1, at, (p) => p.onTransition?.(info)),
            idempotency: idempotency
              ? { key: idempotency.key, result: idempotencyRecord(persisted, 1, idempotency) }
              : null,
            firedTimer: null,
          });
        } catch (e) {
          if (e instanceof StoreConflictError) throw new ConflictError(code, e.message, e.reason);
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
        inspection.received(procedure, persisted, command);
        return result;
      });
    },

    async send(codeInput, eventInput, optionsInput) {
      const code = checkCode(codeInput);
      const sendOptions = checkSendOptions(optionsInput);
      const event = checkEvent(eventInput, () => clock.now());
      const idempotency = sendOptions.idempotencyKey
        ? {
            key: sendOptions.idempotencyKey,
            // The event as the caller wrote it: its `at` only when the caller gave one.
            fingerprint: commandFingerprint({ command: 'send', code, event: eventInput }),
          }
        : undefined;
      return keyed(idempotency, async () => {
        const stored = await load(code);
        if (sendOptions.expectedVersion !== undefined && sendOptions.expectedVersion !== stored.version) {
          throw new ConflictError(
            code,
            `at version ${stored.version}, expected ${sendOptions.expectedVersion}`,
            'version',
          );
        }
        return transitionAndCommit(stored, event as unknown as EngineEvent & { at: string }, { idempotency });
      });
    },

    async get(codeInput) {
      const code = checkCode(codeInput);
      const stored = await load(code);
      const [journal, slip, timers] = await Promise.all([
        store.journal(code),
        store.slip(code),
        store.timers(code),
      ]);
      return { ...view(stored.persisted, stored.version), journal, slip, timers };
    },

    async lookup(codeInput, presented) {
      const code = checkStoreText(codeInput, 'code');
      const now = clock.now();
      const key = lookupKey(code);
      // The same calls whether the code exists or not: a counted attempt and a short indexed read.
      const [window, stored] = await Promise.all([
        store.reserveLookupAttempt({ key, now: toInstant(now), ...lookupLimit }),
        store.lookupSecret(code),
      ]);
      if (!window.admitted) throw new LookupLockedError(window.windowEndsAt, now);
      const matches = secretMatches(typeof presented === 'string' ? presented : '', stored ?? dummySecret);
      if (!matches || stored === null) {
        throw new MotcuaError('LOOKUP_FAILED', 'no dossier matches this code and secret', {
          field: 'secret',
        });
      }
      // Only failures count: a lookup that found its dossier gives its attempt back.
      await store.releaseLookupAttempt(key, window.windowEndsAt);
      const found = await store.load(code);
      if (!found)
        throw new MotcuaError('LOOKUP_FAILED', 'no dossier matches this code and secret', {
          field: 'secret',
        });
      return publicView(found.persisted, procedureOf(found.persisted).definition, now);
    },

    async reissueSecret(codeInput, commandInput) {
      const code = checkCode(codeInput);
      const command = checkReissue(commandInput, () => clock.now());
      const idempotency = command.idempotencyKey
        ? {
            key: command.idempotencyKey,
            fingerprint: commandFingerprint({
              command: 'reissue-secret',
              code,
              actor: command.actor,
              at: (commandInput as { at?: unknown }).at,
            }),
          }
        : undefined;
      const result = await keyed(idempotency, async () => {
        const stored = await load(code);
        const def = procedureOf(stored.persisted).definition;
        if (command.actor.unitId !== def.desk) {
          throw new PermissionError(
            code,
            'LOOKUP:reissue-secret',
            `only the one-stop desk (${def.desk}) may do this`,
          );
        }
        const at = toInstant(
          new Date(Math.max(Date.parse(command.at), Date.parse(stored.persisted.context.updatedAt))),
        );
        const rewritten: PersistedDossier = {
          ...stored.persisted,
          context: { ...stored.persisted.context, secret: secret(), updatedAt: at },
        };
        // The journal keeps who and when, never the secret.
        const event = {
          type: 'LOOKUP:reissue-secret',
          at,
          actor: command.actor,
        } as unknown as EngineEvent & {
          at: string;
        };
        return transitionAndCommit(stored, event, {
          idempotency,
          journalType: 'LOOKUP:reissue-secret',
          rewritten,
        });
      });
      // After the commit (and again on a replay): the new secret starts with a clean window.
      await store.clearLookupAttempts(lookupKey(code));
      return { code: result.code, version: result.version, secret: result.context.secret };
    },

    list: async (query) => store.list(checkListQuery(query)),
    report: async (query) => store.report(checkReportQuery(query, calendar)),
    unitReport: async (query) => store.unitReport(checkPeriodQuery(query, calendar)),

    async runDueTimers(nowInput) {
      const now = checkNow(nowInput, () => clock.now());
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

    async deliverOutbox(nowInput) {
      const now = checkNow(nowInput, () => clock.now());
      let delivered = 0;
      let failed = 0;
      let dead = 0;
      await claimRounds(
        now,
        (claim) => store.claimOutbox(claim),
        async (item) => {
          const plugin = pluginByName.get(item.type.slice(0, item.type.indexOf('.')));
          let accepted = false;
          try {
            if (!plugin?.deliver) throw new PermanentDeliveryError(`no plugin delivers ${item.type}`);
            await plugin.deliver(item, { now, attempt: item.attempts + 1 });
            accepted = true;
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
          if (accepted) {
            // Delivered: record it, and never treat a lost connection here as a failed delivery
            // (that would queue a second delivery of an effect that already happened).
            await settleDelivered(item);
            delivered++;
          }
        },
      );
      return { delivered, failed, dead };
    },

    deadLetters: () => store.outbox({ status: 'dead' }),
    retryDeadLetter: async (id) => store.retryDeadLetter(checkText(id, 'id'), toInstant(clock.now())),

    async command(nameInput, args) {
      const name = checkText(nameInput, 'name', 200);
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
   * Records a delivered outbox item. A retryable store failure (a dropped connection, a restarting
   * server) is retried a few times with a growing pause while the lease is still ours; if it still
   * fails, the item stays leased and is delivered again after its lease expires (at least once),
   * which is logged.
   */
  async function settleDelivered(item: OutboxItem): Promise<void> {
    const leaseEnd = item.leaseUntil === null ? Number.POSITIVE_INFINITY : Date.parse(item.leaseUntil);
    for (let attempt = 1; ; attempt++) {
      try {
        await store.settleOutbox(item.id, workerId, { delivered: true });
        return;
      } catch (e) {
        const retryable = (e as { retryable?: unknown } | null)?.retryable === true;
        if (!retryable || attempt >= SETTLE_ATTEMPTS || clock.now().getTime() >= leaseEnd) {
          log({
            level: 'error',
            message: 'effect delivered but not recorded: it will be delivered again after its lease',
            code: item.code ?? undefined,
            type: item.type,
            error: String((e as Error)?.message ?? e),
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      }
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
      const { machineEvent, event: firing } = timerFiring(
        timer,
        now.getTime(),
        stored.persisted.context.updatedAt,
        SYSTEM_ACTOR,
      );
      const event = firing as EngineEvent & { at: string };
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
