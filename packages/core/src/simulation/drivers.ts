import { SimulatedClock } from '../clock/clock.js';
import type { Engine, EngineEvent, RateCommand } from '../engine/engine-types.js';
import type { Actor } from '../model/actor.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { stateName } from '../procedure/define-procedure.js';
import type { SimDossier } from './sim-dossiers.js';
import type { SimulationTarget, SimulationView } from './simulation-options.js';
import { StorelessCore, type StorelessCoreOptions } from './storeless-core.js';

/**
 * How the simulation loop reaches an engine or the store-less core: the same commands either way.
 * Store-less methods return nothing (no await on the hot path).
 */
export interface Driver {
  readonly target: SimulationTarget;
  /** The time moves on to `at` (ms). */
  advance(at: number): void;
  receive(
    d: SimDossier,
    actor: Actor,
    sample: { applicant: unknown; application: unknown },
    at: string,
  ): undefined | Promise<void>;
  send(d: SimDossier, event: DossierEventInput): undefined | Promise<void>;
  /** The applicant's rating entered at the desk (`engine.rate` with an officer); the context gets it. */
  rate(d: SimDossier, command: RateCommand & { readonly at: string }): undefined | Promise<void>;
  /** End of a day: timers, and an engine's outbox. */
  endOfDay(now: number): undefined | Promise<unknown>;
}

/** The loop's way to an engine: every command awaited, the clock set before each. */
export function engineDriver(engine: Engine): Driver {
  const clock = engine.clock as SimulatedClock;
  const target = engine as unknown as SimulationTarget;
  const update = (d: SimDossier) => (view: SimulationView) => {
    d.code = view.code;
    d.ctx = view.context;
    d.state = view.state;
  };
  return {
    target,
    advance(at) {
      if (clock instanceof SimulatedClock && at > clock.now().getTime()) clock.set(new Date(at));
    },
    receive(d, actor, sample) {
      return engine
        .receive({
          procedure: d.plan.procedure.code,
          version: d.plan.procedure.version,
          channel: d.channel,
          actor,
          applicant: sample.applicant,
          application: sample.application,
        })
        .then(update(d));
    },
    send(d, event) {
      return (d.kind === 'member' ? d.engine : engine).send(d.code, event as EngineEvent).then(update(d));
    },
    rate(d, command) {
      return (d.kind === 'member' ? d.engine : engine).rate(d.code, command).then(({ rating }) => {
        if (d.ctx) d.ctx = { ...d.ctx, rating };
      });
    },
    async endOfDay() {
      await engine.runDueTimers();
      // Plugin effects (SMS notices, liaison messages) go out at the end of each day.
      await engine.deliverOutbox();
    },
  };
}

/**
 * The loop's way to the store-less core (`StorelessCore`): the engine's commands on the
 * loop's own records, synchronous.
 */
export function storelessDriver(options: StorelessCoreOptions & { readonly clock: SimulatedClock }): Driver {
  const core = new StorelessCore<SimDossier>(options);
  const clock = options.clock;
  const update = (d: SimDossier) => {
    const p = d.persisted;
    if (!p) return;
    d.ctx = p.context;
    d.state = stateName(p.value);
  };
  const target: SimulationTarget = {
    clock,
    calendar: core.calendar,
    procedures: core.procedures,
    receive: async () => {
      throw new Error('the store-less target is driven by the simulation loop');
    },
    report: async (query) => core.report(query),
    unitReport: async (query) => core.unitReport(query),
    list: async () => core.list(),
    get: async (code) => core.get(code),
  };
  return {
    target,
    advance(at) {
      // As `clock.set(new Date(at))` when `at` is later (the instant truncated to whole ms, as a
      // Date does), with no Date made: the loop moves the clock on most commands.
      const t = clock.nowMs();
      if (at > t) clock.advance(Math.trunc(at) - t);
    },
    receive(d, actor, sample, at) {
      core.receive(d, {
        procedure: d.plan.procedure.code,
        version: d.plan.procedure.version,
        channel: d.channel,
        actor,
        applicant: sample.applicant,
        application: sample.application,
        at,
      });
      update(d);
      return undefined;
    },
    send(d, event) {
      core.send(d, event as EngineEvent);
      update(d);
      return undefined;
    },
    rate(d, command) {
      core.rate(d, command);
      update(d);
      return undefined;
    },
    endOfDay(now) {
      core.runDueTimers(now);
      return undefined;
    },
  };
}
