import { ConflictError, NotFoundError } from '../errors/index.js';
import { toInstant } from '../model/actor.js';
import { parseInstant } from '../model/instant-input.js';
import { commandFingerprint } from './command-fingerprint.js';
import { commitTransition } from './commit-transition.js';
import { deliverOutbox } from './deliver-outbox.js';
import {
  dossierView,
  type EngineContext,
  engineContext,
  loadDossier,
  procedureOf,
} from './engine-context.js';
import {
  checkBackdating,
  checkCode,
  checkEngineOptions,
  checkEvent,
  checkGetOptions,
  checkLateEntryQuery,
  checkListQuery,
  checkNow,
  checkPeriodQuery,
  checkReportQuery,
  checkSendOptions,
  checkText,
} from './engine-input.js';
import {
  DEFAULT_LOOKUP_LIMIT,
  DEFAULT_SECRET_LENGTH,
  type Engine,
  type EngineEvent,
  type EngineOptions,
  type ReceiveCommand,
  type SendOptions,
  type SubmitCommand,
} from './engine-types.js';
import { runDueTimers } from './fire-timers.js';
import { keyed } from './idempotent-commands.js';
import { backfillIndexFacts } from './index-facts-backfill.js';
import { lookupDossier, lookupSecrets, reissueSecret } from './lookup-commands.js';
import { nationalIndex, nationalIndexDossiers } from './national-index-commands.js';
import { rateDossier, ratingRules } from './rate-dossier.js';
import { receiveDossier } from './receive-dossier.js';
import { statisticsFormOf } from './statistics-form-query.js';

/** What the plugins with an `inspect` know of a dossier, by name; `undefined` when none has one. */
async function inspectPlugins(
  ctx: EngineContext,
  code: string,
): Promise<Record<string, unknown> | undefined> {
  const inspecting = ctx.plugins.filter((p) => p.inspect);
  if (inspecting.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  await Promise.all(
    inspecting.map(async (p) => {
      try {
        out[p.name] = await p.inspect!(code);
      } catch (e) {
        ctx.log({
          level: 'warn',
          message: 'plugin inspect failed',
          code,
          type: p.name,
          error: String((e as Error).message ?? e),
        });
        out[p.name] = { unavailable: true };
      }
    }),
  );
  return out;
}

/**
 * Creates the engine a vendor embeds: commands on dossiers, each one transaction in the store;
 * durable timers; plugin effects delivered after commit through the outbox.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { CATALOGUE_CODES, catalogueSamples, createCatalogue } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const engine = createEngine({ procedures: createCatalogue({ calendar }), calendar, agency: 'H56' });
 * const desk = { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An' };
 * const procedure = CATALOGUE_CODES.permanentResidence;
 * const { applicant, application } = catalogueSamples[procedure]!;
 * const d = await engine.receive({ procedure, channel: 'in-person', actor: desk, applicant, application });
 * await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
 * ```
 */
export function createEngine(options: EngineOptions): Engine {
  checkEngineOptions(options);
  const ctx = engineContext(options);
  const { calendar, store, clock } = ctx;
  const secrets = lookupSecrets(ctx.random, options.secretLength ?? DEFAULT_SECRET_LENGTH, {
    maxAttempts: options.lookupLimit?.maxFailures ?? DEFAULT_LOOKUP_LIMIT.maxFailures,
    windowMs: options.lookupLimit?.windowMs ?? DEFAULT_LOOKUP_LIMIT.windowMs,
  });

  const ratings = ratingRules(options.ratings);

  const engine: Engine = {
    calendar,
    store,
    clock,
    procedures: ctx.registry,

    // The application's type is the caller's claim about the procedure (checked at runtime
    // against the schema of the version received); the engine itself holds untyped dossiers.
    receive: ((input: ReceiveCommand) => receiveDossier(ctx, input, secrets.issue)) as Engine['receive'],
    submit: ((input: SubmitCommand) =>
      receiveDossier(ctx, input, secrets.issue, 'SUBMIT')) as Engine['submit'],

    send: (async (codeInput: string, eventInput: EngineEvent, optionsInput?: SendOptions) => {
      const code = checkCode(codeInput);
      const sendOptions = checkSendOptions(optionsInput);
      const event = checkEvent(eventInput, () => clock.now());
      checkBackdating(event.at, clock.now(), ctx.backdatingMs, 'event.at');
      const idempotency = sendOptions.idempotencyKey
        ? {
            key: sendOptions.idempotencyKey,
            // The event as the caller wrote it: its `at` only when the caller gave one.
            fingerprint: commandFingerprint({ command: 'send', code, event: eventInput }),
          }
        : undefined;
      return keyed(ctx, idempotency, async () => {
        const stored = await loadDossier(ctx, code);
        if (sendOptions.expectedVersion !== undefined && sendOptions.expectedVersion !== stored.version) {
          throw new ConflictError(
            code,
            `at version ${stored.version}, expected ${sendOptions.expectedVersion}`,
            'version',
          );
        }
        return commitTransition(ctx, stored, event as unknown as EngineEvent & { at: string }, {
          idempotency,
        });
      });
    }) as Engine['send'],

    get: (async (codeInput: string, optionsInput?: unknown) => {
      const code = checkCode(codeInput);
      const options = checkGetOptions(optionsInput);
      const stored = await loadDossier(ctx, code);
      const view = dossierView(
        stored.persisted,
        stored.version,
        procedureOf(ctx, stored.persisted).definition,
      );
      if (options.history === false) return view;
      const withPlugins = options.plugins !== false;
      const [journal, slip, timers, plugins] = await Promise.all([
        store.journal(code),
        store.slip(code),
        store.timers(code),
        withPlugins ? inspectPlugins(ctx, code) : undefined,
      ]);
      return {
        ...view,
        journal,
        slip,
        timers,
        ...(plugins ? { plugins } : {}),
      };
    }) as Engine['get'],

    lookup: (code, presented) => lookupDossier(ctx, secrets, code, presented),
    reissueSecret: (code, command) => reissueSecret(ctx, secrets, code, command),
    rate: (code, command) => rateDossier(ctx, secrets, ratings, code, command),

    list: async (query) => store.list(checkListQuery(query)),
    report: async (query) => store.report(checkReportQuery(query, calendar)),
    unitReport: async (query) => store.unitReport(checkPeriodQuery(query, calendar)),
    lateEntries: async (query) => store.lateEntries(checkLateEntryQuery(query, calendar)),
    nationalIndex: (query) => nationalIndex(store, calendar, query),
    nationalIndexDossiers: (query) => nationalIndexDossiers(store, calendar, query),
    recordPortalSync: async (codeInput, at) => {
      const code = checkCode(codeInput);
      const instant = at === undefined ? toInstant(clock.now()) : parseInstant(at, 'at');
      return store.recordPortalSync ? store.recordPortalSync(code, instant) : false;
    },
    backfillIndexFacts: (options) => backfillIndexFacts(store, options),
    statisticsForm: ((query: unknown) =>
      statisticsFormOf(store, ctx.registry, calendar, clock.now(), query)) as Engine['statisticsForm'],

    runDueTimers: async (now) =>
      runDueTimers(
        ctx,
        checkNow(now, () => clock.now()),
      ),
    deliverOutbox: async (now) =>
      deliverOutbox(
        ctx,
        checkNow(now, () => clock.now()),
      ),
    deadLetters: () => store.outbox({ status: 'dead' }),
    retryDeadLetter: async (id) => store.retryDeadLetter(checkText(id, 'id'), toInstant(clock.now())),

    async command(nameInput, args) {
      const name = checkText(nameInput, 'name', 200);
      const dot = name.indexOf('.');
      const handler = ctx.pluginByName.get(name.slice(0, dot))?.commands?.[name.slice(dot + 1)];
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
            ctx.log({
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

  return engine;
}
