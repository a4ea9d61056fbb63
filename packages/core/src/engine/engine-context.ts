import { randomInt } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { type Clock, systemClock } from '../clock/clock.js';
import type { DeadlineOptions } from '../deadlines/deadlines.js';
import { MotcuaError, NotFoundError } from '../errors/index.js';
import { type Instant, toInstant } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { PersistedDossier, Procedure } from '../procedure/define-procedure.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import { MemoryStore } from '../store/memory-store.js';
import type { DossierStore, OutboxEffect, StoredDossier, TimerRow } from '../store/store-types.js';
import { type BackoffOptions, DEFAULT_BACKOFF } from './backoff.js';
import { summaryWithStatus } from './dossier-summary.js';
import type { DossierView, EngineLogEntry, EngineOptions } from './engine-types.js';
import { dossierInspection } from './inspection.js';
import type { EffectRequest, EnginePlugin } from './plugin.js';
import { type CheckedReception, checkReceptionOptions } from './resolve-reception.js';
import { timerRows } from './timer-rows.js';

/**
 * What the parts of an engine share (commands, the commit, timers, the outbox, the lookup): its
 * options resolved once, and the small functions every part uses. Internal to the engine.
 */
export interface EngineContext {
  readonly calendar: WorkingCalendar;
  readonly registry: ProcedureRegistry;
  readonly store: DossierStore;
  readonly clock: Clock;
  readonly plugins: readonly EnginePlugin[];
  readonly pluginByName: ReadonlyMap<string, EnginePlugin>;
  readonly random: () => number;
  readonly workerId: string;
  readonly backoff: BackoffOptions;
  readonly leaseMs: number;
  /** How long after an event it may still be entered (`backdating.maxMs`); `undefined`: no limit. */
  readonly backdatingMs: number | undefined;
  /** The desk topology and boundary-free lists (`reception`), checked; `undefined` when not configured. */
  readonly reception: CheckedReception | undefined;
  readonly agency: string;
  readonly log: (entry: EngineLogEntry) => void;
  readonly inspection: ReturnType<typeof dossierInspection>;
  readonly deadlineOptions: DeadlineOptions;
}

/** A retry-safe read of a dossier's procedure version, bound to the office calendar. */
function bindProcedures(
  procs: ProcedureRegistry | readonly Procedure[],
  calendar: WorkingCalendar,
): ProcedureRegistry {
  const list = procs instanceof ProcedureRegistry ? procs.all() : procs;
  return new ProcedureRegistry(list.map((p) => p.withCalendar(calendar)));
}

/** Resolves an engine's options (already checked by `checkEngineOptions`) into its context. */
export function engineContext(options: EngineOptions): EngineContext {
  const calendar = options.calendar;
  const plugins = options.plugins ?? [];
  const pluginByName = new Map(plugins.map((p) => [p.name, p]));
  if (pluginByName.size !== plugins.length)
    throw new MotcuaError('INVALID_OPTION', 'plugins: two plugins share a name', { field: 'plugins' });
  const random = options.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32);
  const log = options.log ?? (() => {});
  return {
    calendar,
    registry: bindProcedures(options.procedures, calendar),
    store: options.store ?? new MemoryStore(),
    clock: options.clock ?? systemClock,
    plugins,
    pluginByName,
    random,
    workerId: options.workerId ?? `worker-${Math.floor(random() * 1e9).toString(36)}`,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    leaseMs: options.leaseMs ?? 60_000,
    backdatingMs: options.backdating?.maxMs,
    reception: options.reception ? checkReceptionOptions(options.reception) : undefined,
    agency: options.agency,
    log,
    inspection: dossierInspection(options.inspect, log),
    deadlineOptions: {
      calendar,
      ...(options.warnBeforeMinutes === undefined ? {} : { warnBeforeMinutes: options.warnBeforeMinutes }),
    },
  };
}

/** The procedure version a stored dossier was received under. */
export function procedureOf(ctx: EngineContext, persisted: PersistedDossier): Procedure {
  try {
    return ctx.registry.get(persisted.procedure.code, persisted.procedure.version);
  } catch {
    throw new NotFoundError('procedure', `${persisted.procedure.code}@${persisted.procedure.version}`);
  }
}

/**
 * The instant a change that does not move the dossier (a reissued secret, a rating) is recorded at:
 * its own `at`, never earlier than the dossier's last change.
 */
export function notBeforeLastChange(at: Instant, dossier: DossierContext): Instant {
  return toInstant(new Date(Math.max(Date.parse(at), Date.parse(dossier.updatedAt))));
}

/** A stored dossier, or {@link NotFoundError}. */
export async function loadDossier(ctx: EngineContext, code: string): Promise<StoredDossier> {
  const stored = await ctx.store.load(code);
  if (!stored) throw new NotFoundError('dossier', code);
  return stored;
}

/** What a command returns: the dossier at a version, with its indexed summary. */
export function dossierView(
  persisted: PersistedDossier,
  version: number,
  procedure: ProcedureDefinition,
): DossierView {
  const { summary, national } = summaryWithStatus(persisted, procedure);
  return {
    code: summary.code,
    version,
    state: summary.state,
    status: summary.status,
    nationalStatus: national ?? null,
    context: persisted.context,
    summary,
  };
}

/** The timers a dossier owes after a change, less those already fired. */
export function dossierTimers(
  ctx: EngineContext,
  dossier: DossierContext,
  fired: readonly string[],
): TimerRow[] {
  return timerRows(dossier, fired, ctx.deadlineOptions);
}

/**
 * The outbox effects the plugins ask for at a change (`collect` asks each plugin), with ids that
 * are stable for the dossier, its version, the plugin and the effect.
 */
export function pluginEffects(
  ctx: EngineContext,
  code: string,
  version: number,
  now: Date,
  collect: (p: EnginePlugin) => readonly EffectRequest[] | undefined,
): OutboxEffect[] {
  const out: OutboxEffect[] = [];
  let createdAt: string | undefined;
  for (const p of ctx.plugins) {
    const requested = collect(p);
    if (!requested || requested.length === 0) continue;
    createdAt ??= toInstant(now);
    const at = createdAt;
    requested.forEach((e, i) => {
      out.push({
        id: `${code}:${version}:${p.name}.${e.type}:${e.key ?? i}`,
        code,
        type: `${p.name}.${e.type}`,
        payload: e.payload,
        createdAt: at,
        notBefore: e.notBefore && e.notBefore > now ? toInstant(e.notBefore) : at,
      });
    });
  }
  return out;
}
