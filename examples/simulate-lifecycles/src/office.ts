import {
  type AnyProcedure,
  createEngine,
  type DossierContext,
  type Engine,
  type EngineEvent,
  type LocalDate,
  MemoryStore,
  type Procedure,
  ProcedureRegistry,
  type SendOptions,
  SimulatedClock,
  type StepBudget,
  vietnamCalendar,
  type WorkingCalendar,
} from '@motcua/core';
import {
  type SimulationOptions,
  type SimulationResult,
  seededRandom,
  simulate,
} from '@motcua/core/simulation';
import { catalogueSampleOn, createCatalogue, proceduresInForce } from '@motcua/procedures';

/*
 * The office a vendor configures and simulates: the procedures of the catalogue in force at the
 * start of the run, on the national civil-service calendar, in an engine with an in-memory store
 * and a simulated clock.
 */

let calendar: WorkingCalendar | undefined;

/** The national civil-service calendar, built once. */
export function nationalCalendar(): WorkingCalendar {
  calendar ??= vietnamCalendar();
  return calendar;
}

/** The standard version of each catalogue procedure in force on `date`. */
export function catalogueInForce(date: LocalDate): Procedure[] {
  return proceduresInForce(createCatalogue({ calendar: nationalCalendar() }), date);
}

/** An engine over the catalogue in force on `start`, with a new in-memory store, its clock at midnight. */
function officeEngine(start: LocalDate, seed: number): Engine {
  return createEngine({
    procedures: catalogueInForce(start),
    calendar: nationalCalendar(),
    store: new MemoryStore(),
    clock: new SimulatedClock(`${start}T00:00:00+07:00`),
    agency: '000.00.14.H56',
    random: seededRandom(seed),
  });
}

/** What {@link runOffice} simulates. */
export interface OfficeRun {
  readonly start: LocalDate;
  readonly days: number;
  readonly seed: number;
  readonly perWorkingDay: number;
  readonly behaviour?: SimulationOptions['behaviour'];
  readonly drainDays?: number;
  /** Wrap the engine before the run (e.g. {@link withSlowUnit}). */
  readonly decorate?: (engine: Engine) => Engine;
}

/** Simulates the office: arrivals, officers, applicants and the engine's timers. */
export async function runOffice(run: OfficeRun): Promise<SimulationResult & { engine: Engine }> {
  const base = officeEngine(run.start, run.seed);
  const engine = run.decorate ? run.decorate(base) : base;
  const procedures = engine.procedures.all();
  const result = await simulate({
    engine,
    start: run.start,
    days: run.days,
    seed: run.seed,
    arrivals: { perWorkingDay: run.perWorkingDay },
    // Applicants collect within half a working hour of the result being ready; the default (up
    // to 16 working hours) makes most same-day procedures late, since timeliness is judged when
    // the result is handed over.
    behaviour: { pickupHours: [0, 0.5], ...run.behaviour },
    // Samples dated for each receipt: a week from 26/01/2026 comes before the static samples' dates.
    samples: Object.fromEntries(
      procedures.map((p) => [
        p.code,
        (_i: number, _r: () => number, on: string) => catalogueSampleOn(p.code, on),
      ]),
    ),
    ...(run.drainDays === undefined ? {} : { drainDays: run.drainDays }),
  });
  return { ...result, engine };
}

/** Every dossier the engine holds, as its context, ordered by code. */
export async function allDossiers(engine: Engine): Promise<DossierContext[]> {
  const summaries = await engine.list({});
  const records = await Promise.all(summaries.map((s) => engine.get(s.code)));
  return records.map((r) => r.context).sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Options of {@link withSlowUnit}. */
export interface SlowUnit {
  /** The unit whose officers are slow, e.g. `'leader'`. */
  readonly unit: string;
  /** How many times its step budgets its officers take, on the simulation's pace (e.g. 4). */
  readonly factor: number;
  /**
   * The unit apologises (Form 04) as soon as a dossier reaches it and its worst pace would make the
   * dossier late, with the new date that pace gives.
   */
  readonly apologize: boolean;
}

const scaled = (budget: StepBudget, factor: number): StepBudget =>
  'workingHours' in budget
    ? { workingHours: budget.workingHours * factor }
    : { workingDays: budget.workingDays * factor };

/**
 * The engine as a simulation sees it with one deliberately slow unit. `simulate` draws each step's
 * duration from the step's budget in the procedure the engine lists; this view lists the same
 * procedures with that unit's budgets multiplied, while the dossiers are still received and moved
 * by the real engine under the real budgets and due times. With `apologize`, the view also sends
 * the unit's apology when a dossier reaches it, as an office that knows its backlog would.
 */
export function withSlowUnit(engine: Engine, slow: SlowUnit): Engine {
  const cal = engine.calendar;
  const minutes = (b: StepBudget) =>
    'workingHours' in b ? b.workingHours * 60 : b.workingDays * cal.workingDayMinutes;
  const view = (p: Procedure): Procedure => ({
    ...p,
    definition: {
      ...p.definition,
      steps: p.definition.steps.map((s) =>
        s.unit === slow.unit ? { ...s, budget: scaled(s.budget, slow.factor) } : s,
      ),
    },
  });
  const apologyFor = (ctx: DossierContext): { newDue: Date; unitName: string } | null => {
    if (!slow.apologize || ctx.holder !== slow.unit || ctx.apology || ctx.outcome || ctx.pause) return null;
    const open = ctx.steps[ctx.steps.length - 1];
    if (!open || open.endedAt !== null) return null;
    const def = engine.procedures.get(ctx.procedure.code, ctx.procedure.version).definition;
    const index = def.steps.findIndex((s) => s.id === open.stepId);
    // The slowest pace the simulation draws is 1.05 of the budget.
    const left =
      minutes(def.steps[index]!.budget) * slow.factor * 1.05 +
      def.steps.slice(index + 1).reduce((sum, s) => sum + minutes(s.budget), 0);
    const projected = cal.addWorkingMinutes(engine.clock.now(), left);
    const unitName = def.units[slow.unit]?.name ?? slow.unit;
    return projected.getTime() > Date.parse(ctx.due.current) ? { newDue: projected, unitName } : null;
  };
  return {
    ...engine,
    procedures: new ProcedureRegistry(engine.procedures.all().map(view)),
    async send<P extends AnyProcedure = Procedure>(code: string, event: EngineEvent, options?: SendOptions) {
      const after = await engine.send<P>(code, event, options);
      const apology = apologyFor(after.context);
      if (!apology) return after;
      return engine.send<P>(code, {
        type: 'APOLOGIZE',
        actor: {
          officerId: `${slow.unit}-1`,
          unitId: slow.unit,
          name: `Cán bộ mô phỏng – ${apology.unitName}`, // the unit's name, not its id
          roles: [],
        },
        reason: 'Đơn vị đang quá tải hồ sơ',
        newDue: apology.newDue.toISOString(),
      });
    },
  };
}
