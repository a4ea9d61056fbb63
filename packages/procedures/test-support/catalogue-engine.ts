import {
  type ActorInput,
  type Channel,
  createEngine,
  type DossierView,
  type Engine,
  type Procedure,
  type ProcedureRegistry,
  SimulatedClock,
  vietnamCalendar,
  type WorkingCalendar,
} from '@motcua/core';
import { createCatalogue } from '../src/catalogue.js';
import type { SampleDossier } from '../src/samples.js';

/*
 * Test support (not exported by the package): one engine over the whole catalogue on the
 * national calendar and a simulated clock, and a driver that takes a dossier through every step.
 */

let calendar: WorkingCalendar | undefined;
let registry: ProcedureRegistry | undefined;

/** The national civil-service calendar, built once. */
export function nationalCalendar(): WorkingCalendar {
  calendar ??= vietnamCalendar();
  return calendar;
}

/** The catalogue bound to the national calendar, built once. */
export function catalogue(): ProcedureRegistry {
  registry ??= createCatalogue({ calendar: nationalCalendar() });
  return registry;
}

/** An officer of a unit; leaders carry the `agency-head` role (they sign Form 04). */
export function officer(unit: string): ActorInput {
  return {
    officerId: `${unit}-1`,
    unitId: unit,
    name: `Cán bộ ${unit}`,
    roles: unit === 'leader' ? ['agency-head'] : [],
  };
}

/** A fresh engine over the catalogue, its clock at `start`. */
export function catalogueEngine(start: string): { engine: Engine; clock: SimulatedClock } {
  const clock = new SimulatedClock(start);
  let seed = 7;
  const engine = createEngine({
    procedures: catalogue(),
    calendar: nationalCalendar(),
    agency: 'H56',
    clock,
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
  });
  return { engine, clock };
}

/** What {@link runLifecycle} does. */
export interface LifecyclePlan {
  /** The procedure code; the version in force is used unless `version` is given. */
  readonly code: string;
  readonly version?: string;
  readonly sample: SampleDossier<unknown>;
  readonly channel?: Channel;
  /** Local time with offset, e.g. `'2026-02-13T15:20:00+07:00'`. */
  readonly receivedAt: string;
  /** One instant per step: when its holder hands the dossier on. */
  readonly handOvers: readonly string[];
  /** When the desk hands the result over; omit to stop at `resultReady`. */
  readonly returnAt?: string;
  /** Run the engine's timers at these instants (before the hand-over at the same index or later). */
  readonly timersAt?: readonly string[];
}

/** The dossier at each stage of a {@link runLifecycle} run. */
export interface LifecycleRun {
  readonly engine: Engine;
  readonly procedure: Procedure;
  readonly received: DossierView;
  readonly ready: DossierView;
  readonly returned: DossierView | undefined;
}

/**
 * Receives a dossier on a fresh engine, moves the clock to each hand-over time and sends
 * `HAND_OVER` from the unit holding the dossier, then `RETURN_RESULT` from the desk.
 */
export async function runLifecycle(plan: LifecyclePlan): Promise<LifecycleRun> {
  const { engine, clock } = catalogueEngine(plan.receivedAt);
  const received = await engine.receive({
    procedure: plan.code,
    ...(plan.version ? { version: plan.version } : {}),
    channel: plan.channel ?? 'in-person',
    actor: officer('desk'),
    applicant: plan.sample.applicant,
    application: plan.sample.application,
  });
  const procedure = engine.procedures.get(
    received.context.procedure.code,
    received.context.procedure.version,
  );
  const timers = [...(plan.timersAt ?? [])];
  let view = received;
  for (const at of plan.handOvers) {
    while (timers.length && timers[0]! <= at) {
      clock.set(timers.shift()!);
      await engine.runDueTimers();
    }
    clock.set(at);
    view = await engine.send(received.code, { type: 'HAND_OVER', actor: officer(view.context.holder) });
  }
  const ready = view;
  let returned: DossierView | undefined;
  if (plan.returnAt) {
    for (const at of timers) {
      clock.set(at);
      await engine.runDueTimers();
    }
    clock.set(plan.returnAt);
    returned = await engine.send(received.code, { type: 'RETURN_RESULT', actor: officer('desk') });
  }
  return { engine, procedure, received, ready, returned };
}

/** An instant in Vietnam time as the ISO string the engine stores. */
export function vn(local: string): string {
  return new Date(`${local}+07:00`).toISOString();
}
