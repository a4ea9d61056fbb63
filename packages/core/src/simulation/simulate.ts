import type { LocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { SimulatedClock } from '../clock/clock.js';
import type { Actor } from '../dossier/actor.js';
import type { DossierContext } from '../dossier/dossier-context.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import type { EnginePlugin } from '../engine/plugin.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { Procedure } from '../procedure/define-procedure.js';
import type { Channel } from '../procedure/definition-schema.js';
import { budgetMinutes } from '../procedure/lifecycle-env.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import type { ReportRow, UnitReportRow } from '../report/report-types.js';
import type { DossierStore } from '../store/store-types.js';
import { directRunner, type SimulationTarget } from './direct-runner.js';
import { EventQueue } from './event-queue.js';
import { pickWeighted, poisson, seededRandom } from './seeded-random.js';

/** How officers and applicants behave in a simulation. Shares are probabilities per dossier. */
export interface SimulationBehaviour {
  /** A step takes this share of its budget, drawn uniformly (default [0.3, 1.05]). */
  readonly stepPace: readonly [number, number];
  /** Share of dossiers with one slow step (1.5–4× its budget): most of them end late (default 0.04). */
  readonly lateShare: number;
  /** Share asked to supplement during processing (default 0.06). */
  readonly supplementShare: number;
  /** Working days the applicant takes to supplement (default [1, 8]). */
  readonly supplementDays: readonly [number, number];
  /** Share refused after appraisal (default 0.015). */
  readonly refusalShare: number;
  /** Share withdrawn by the applicant (default 0.005). */
  readonly withdrawalShare: number;
  /** Share of dossiers about to be late whose agency apologises with a new date (default 0.7). */
  readonly apologyShare: number;
  /** Working hours between the result being ready and the applicant collecting it (default [0, 16]). */
  readonly pickupHours: readonly [number, number];
}

/** Default behaviour: figures of the order one-stop reports show (most early, a few late). */
export const DEFAULT_BEHAVIOUR: SimulationBehaviour = {
  stepPace: [0.3, 1.05],
  lateShare: 0.04,
  supplementShare: 0.06,
  supplementDays: [1, 8],
  refusalShare: 0.015,
  withdrawalShare: 0.005,
  apologyShare: 0.7,
  pickupHours: [0, 16],
};

/** Arrivals: how many dossiers, of which procedures, by which channel, at which hours. */
export interface SimulationArrivals {
  /** Mean dossiers received per working day (Poisson). */
  readonly perWorkingDay: number;
  /** Weights of the procedures by code (default: equal). */
  readonly mix?: Readonly<Record<string, number>>;
  /** Weights of the channels (default: 70% in person, 25% online, 5% postal, where the procedure accepts them). */
  readonly channels?: Readonly<Partial<Record<Channel, number>>>;
  /** Weights of the working hours 7…16 (default: a morning peak). */
  readonly byHour?: readonly number[];
}

/** Options of {@link simulate}. */
export interface SimulationOptions {
  /** Run on this engine (its clock must be a `SimulatedClock`), or give `procedures` for a new in-memory one. */
  readonly engine?: Engine;
  readonly procedures?: readonly Procedure[];
  readonly calendar?: WorkingCalendar;
  readonly store?: DossierStore;
  readonly plugins?: readonly EnginePlugin[];
  readonly agency?: string;
  /** First local day simulated, `'YYYY-MM-DD'`. */
  readonly start: LocalDate;
  /** Calendar days simulated (arrivals stop after them; open dossiers are carried to the end). */
  readonly days: number;
  readonly seed?: number;
  readonly arrivals: SimulationArrivals;
  readonly behaviour?: Partial<SimulationBehaviour>;
  /** Applicant and application data of a new dossier, per procedure code. */
  readonly samples: Readonly<
    Record<string, (index: number, random: () => number) => { applicant: unknown; application: unknown }>
  >;
  /** Extra calendar days after the last arrival to let open dossiers finish (default 30). */
  readonly drainDays?: number;
  /** Called after each simulated day. */
  readonly onDay?: (progress: SimulationDay) => void;
  /**
   * `engine` (default): every command goes through an engine and its store. `direct`: the same
   * lifecycle rules and context updates applied without a store (see {@link directRunner}), for
   * province-scale runs; it needs `procedures` and `calendar`, and ignores `store` and `plugins`.
   */
  readonly mode?: 'engine' | 'direct';
}

/** What happened on one simulated day. */
export interface SimulationDay {
  readonly date: LocalDate;
  readonly received: number;
  /** Returned or refused that day, and how many of them early or on time. */
  readonly resolved: number;
  readonly timely: number;
  readonly open: number;
}

/** The result of {@link simulate}. */
export interface SimulationResult {
  /** The engine, in `engine` mode. */
  readonly engine: Engine | undefined;
  readonly target: SimulationTarget;
  readonly received: number;
  readonly commands: number;
  readonly days: readonly SimulationDay[];
  /** Report over the arrival period and the drain, all groups together and by procedure. */
  readonly report: ReportRow[];
  readonly byProcedure: ReportRow[];
  readonly units: UnitReportRow[];
  readonly elapsedMs: number;
}

type Plan =
  | { kind: 'arrive'; procedure: Procedure; channel: Channel; index: number }
  | { kind: 'advance'; code: string }
  | { kind: 'supplemented'; code: string }
  | { kind: 'apologize'; code: string; newDue: number }
  | { kind: 'withdraw'; code: string }
  | { kind: 'return'; code: string }
  | { kind: 'tick' };

interface Tracked {
  procedure: Procedure;
  /** The dossier as the last command left it. */
  ctx: DossierContext;
  state: string;
  slowStep: number;
  supplementStep: number;
  refuseStep: number;
  withdrawAfterDays: number;
  apologise: boolean;
  closed: boolean;
}

const DEFAULT_HOURS = [1, 3, 4, 3, 2, 1, 2, 3, 2, 1];
const DAY = 86_400_000;

/**
 * Simulates dossier traffic on an engine under a simulated clock: arrivals by working hour,
 * officers handing dossiers on at a pace drawn from each step's budget, supplementation,
 * refusals, withdrawals, slow steps that make dossiers late, apologies with new dates, applicants
 * collecting results, and the engine's timers. Deterministic for a seed. Returns the report.
 *
 * @example
 * ```ts
 * const result = await simulate({
 *   procedures: [residence], start: '2026-03-02', days: 30, seed: 1,
 *   arrivals: { perWorkingDay: 40 },
 *   samples: { '1.004194': () => ({ applicant, application }) },
 * });
 * console.log(result.report[0].timelyRate);
 * ```
 */
export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 1);
  const behaviour: SimulationBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const engineRandom = seededRandom((options.seed ?? 1) ^ 0x9e3779b9);
  let engine: Engine | undefined = options.engine;
  let target: SimulationTarget;
  if (options.mode === 'direct') {
    if (!options.procedures?.length || !options.calendar) {
      throw new MotcuaError('INVALID_OPTION', 'simulate: direct mode needs procedures and a calendar', {
        field: 'procedures',
      });
    }
    target = directRunner({
      procedures: new ProcedureRegistry(options.procedures.map((p) => p.withCalendar(options.calendar!))),
      calendar: options.calendar,
      clock: new SimulatedClock(`${options.start}T00:00:00+07:00`),
      agency: options.agency ?? 'SIM',
      random: engineRandom,
    });
  } else {
    if (!engine) {
      if (!options.procedures?.length || !options.calendar) {
        throw new MotcuaError('INVALID_OPTION', 'simulate: give an engine, or procedures and a calendar', {
          field: 'engine',
        });
      }
      engine = createEngine({
        procedures: options.procedures,
        calendar: options.calendar,
        agency: options.agency ?? 'SIM',
        clock: new SimulatedClock(`${options.start}T00:00:00+07:00`),
        random: engineRandom,
        ...(options.store ? { store: options.store } : {}),
        ...(options.plugins ? { plugins: options.plugins } : {}),
      });
    }
    target = engine as unknown as SimulationTarget;
  }
  const clock = target.clock;
  if (!(clock instanceof SimulatedClock)) {
    throw new MotcuaError('INVALID_OPTION', 'simulate: the engine must run on a SimulatedClock', {
      field: 'engine.clock',
    });
  }
  const calendar = target.calendar;
  const procedures = target.procedures.all();
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const mix = options.arrivals.mix ?? Object.fromEntries([...byCode.keys()].map((c) => [c, 1]));
  for (const code of Object.keys(mix)) {
    if (!byCode.has(code))
      throw new MotcuaError('INVALID_OPTION', `simulate: no procedure ${code}`, { field: 'arrivals.mix' });
    if (!options.samples[code])
      throw new MotcuaError('INVALID_OPTION', `simulate: no sample data for ${code}`, { field: 'samples' });
  }
  const hours = options.arrivals.byHour ?? DEFAULT_HOURS;
  const uniform = (range: readonly [number, number]) => range[0] + random() * (range[1] - range[0]);
  // One officer per unit, made once: events and contexts only read actors.
  const actors = new Map<string, Actor>();
  const actorOf = (unit: string): Actor => {
    let actor = actors.get(unit);
    if (!actor) {
      actor = { officerId: `${unit}-1`, unitId: unit, name: `Cán bộ ${unit}`, roles: [] };
      actors.set(unit, actor);
    }
    return actor;
  };

  const queue = new EventQueue<Plan>();
  const tracked = new Map<string, Tracked>();
  const days: SimulationDay[] = [];
  let commands = 0;
  let received = 0;
  let dayStats = { received: 0, resolved: 0, timely: 0 };
  let open = 0;

  // Arrivals, day by day: known in advance, so they wait in the queue's sorted backlog.
  const first = Date.parse(`${options.start}T00:00:00+07:00`);
  const channelWeights = options.arrivals.channels ?? {
    'in-person': 70,
    'online-full': 20,
    'online-partial': 5,
    postal: 5,
  };
  // The channel weights each procedure accepts, computed once per procedure.
  const channelsOf = new Map(
    procedures.map((p) => {
      const accepted = p.definition.channels;
      const allowed = Object.fromEntries(
        Object.entries(channelWeights).filter(([c]) => accepted.includes(c as Channel)),
      ) as Record<Channel, number>;
      return [p, { allowed, any: Object.keys(allowed).length > 0, fallback: accepted[0]! }] as const;
    }),
  );
  const planned: { at: number; item: Plan }[] = [];
  let index = 0;
  for (let d = 0; d < options.days; d++) {
    const date = new Date(first + d * DAY);
    planned.push({ at: first + d * DAY + 17.5 * 3_600_000, item: { kind: 'tick' } });
    if (!calendar.isWorkingDay(date)) continue;
    const count = poisson(options.arrivals.perWorkingDay, random);
    for (let i = 0; i < count; i++) {
      const hour = 7 + indexByWeight(hours, random);
      const at = first + d * DAY + hour * 3_600_000 + Math.floor(random() * 3_600_000);
      const procedure = byCode.get(pickWeighted(mix, random))!;
      const channels = channelsOf.get(procedure)!;
      const channel = channels.any ? pickWeighted(channels.allowed, random) : channels.fallback;
      planned.push({ at, item: { kind: 'arrive', procedure, channel, index: index++ } });
    }
  }
  const drainEnd = first + (options.days + (options.drainDays ?? 30)) * DAY;
  for (let d = options.days; first + d * DAY < drainEnd; d++)
    planned.push({ at: first + d * DAY + 17.5 * 3_600_000, item: { kind: 'tick' } });
  queue.preload(planned);
  planned.length = 0;

  const send = async (code: string, event: Record<string, unknown>) => {
    commands++;
    const view = await target.send(code, event as never);
    const t = tracked.get(code);
    if (t) {
      t.ctx = view.context;
      t.state = view.state;
    }
    return view;
  };

  const scheduleAdvance = (code: string, ctx: DossierContext, t: Tracked, now: number) => {
    const step = ctx.steps[ctx.steps.length - 1];
    if (!step || step.endedAt !== null) return;
    const index = t.procedure.definition.steps.findIndex((s) => s.id === step.stepId);
    const def = t.procedure.definition.steps[index]!;
    let pace = uniform(behaviour.stepPace);
    if (index === t.slowStep) pace = 1.5 + random() * 2.5;
    const end = calendar.addWorkingMinutes(
      new Date(now),
      budgetMinutes({ def: t.procedure.definition, calendar }, def.budget) * pace,
    );
    queue.push(end.getTime(), { kind: 'advance', code });
    // An agency that sees the dossier will be late apologises a working day before the due time.
    if (t.apologise && !ctx.apology && index === t.slowStep) {
      const due = Date.parse(ctx.due.current);
      const remaining = t.procedure.definition.steps
        .slice(index + 1)
        .reduce((s, x) => s + budgetMinutes({ def: t.procedure.definition, calendar }, x.budget), 0);
      const projected = calendar.addWorkingMinutes(end, remaining + calendar.workingDayMinutes).getTime();
      if (projected > due) {
        const notice = Math.max(
          now + 60_000,
          calendar.addWorkingMinutes(new Date(due), -calendar.workingDayMinutes).getTime(),
        );
        if (notice < end.getTime()) queue.push(notice, { kind: 'apologize', code, newDue: projected });
      }
    }
  };

  const close = (code: string, ctx: DossierContext) => {
    const t = tracked.get(code)!;
    t.closed = true;
    open--;
    if (ctx.outcome?.kind === 'returned' || ctx.outcome?.kind === 'refused') {
      dayStats.resolved++;
      if (ctx.outcome.result !== 'LATE') dayStats.timely++;
    }
    tracked.delete(code);
  };

  let currentDay = Math.floor((first + 7 * 3_600_000) / DAY);
  while (queue.size) {
    const next = queue.pop()!;
    if (next.at > clock.now().getTime()) clock.set(new Date(next.at));
    const now = clock.now().getTime();
    const plan = next.item;
    try {
      switch (plan.kind) {
        case 'tick': {
          await target.runDueTimers();
          // On an engine, plugin effects (SMS notices, liaison messages) go out at the end of each day.
          await (target as { deliverOutbox?: () => Promise<unknown> }).deliverOutbox?.();
          const day: SimulationDay = { date: calendar.localDate(new Date(now)), ...dayStats, open };
          days.push(day);
          options.onDay?.(day);
          dayStats = { received: 0, resolved: 0, timely: 0 };
          currentDay++;
          break;
        }
        case 'arrive': {
          const sample = options.samples[plan.procedure.code]!(plan.index, random);
          commands++;
          const view = await target.receive({
            procedure: plan.procedure.code,
            version: plan.procedure.version,
            channel: plan.channel,
            actor: actorOf(plan.procedure.definition.desk),
            applicant: sample.applicant,
            application: sample.application,
          });
          received++;
          dayStats.received++;
          open++;
          const steps = plan.procedure.definition.steps;
          const pickStep = () => Math.floor(random() * steps.length);
          const t: Tracked = {
            procedure: plan.procedure,
            slowStep: random() < behaviour.lateShare ? pickStep() : -1,
            supplementStep: random() < behaviour.supplementShare ? Math.max(1, pickStep()) : -1,
            refuseStep: random() < behaviour.refusalShare ? Math.max(1, pickStep()) : -1,
            withdrawAfterDays: random() < behaviour.withdrawalShare ? 1 + Math.floor(random() * 5) : -1,
            apologise: random() < behaviour.apologyShare,
            closed: false,
            ctx: view.context,
            state: view.state,
          };
          tracked.set(view.code, t);
          if (t.withdrawAfterDays > 0) {
            queue.push(
              calendar
                .addWorkingMinutes(new Date(now), t.withdrawAfterDays * calendar.workingDayMinutes)
                .getTime(),
              {
                kind: 'withdraw',
                code: view.code,
              },
            );
          }
          scheduleAdvance(view.code, view.context, t, now);
          break;
        }
        case 'advance': {
          const t = tracked.get(plan.code);
          if (!t) break;
          const ctx = t.ctx;
          if (t.state === 'supplementing' || t.state === 'resultReady') break;
          const step = ctx.steps[ctx.steps.length - 1]!;
          const index = t.procedure.definition.steps.findIndex((s) => s.id === step.stepId);
          const holder = actorOf(ctx.holder);
          if (index === t.supplementStep && ctx.supplements.length === 0) {
            await send(plan.code, {
              type: 'REQUEST_SUPPLEMENT',
              actor: holder,
              items: [{ name: 'Giấy tờ chứng minh bổ sung' }],
              reason: 'Thành phần hồ sơ chưa đầy đủ',
            });
            const back = calendar.addWorkingMinutes(
              new Date(now),
              uniform(behaviour.supplementDays) * calendar.workingDayMinutes,
            );
            queue.push(back.getTime(), { kind: 'supplemented', code: plan.code });
            break;
          }
          if (index === t.refuseStep) {
            const v = await send(plan.code, {
              type: 'REFUSE',
              actor: holder,
              reasons: ['Không đủ điều kiện theo quy định'],
            });
            close(plan.code, v.context);
            break;
          }
          const v = await send(plan.code, { type: 'HAND_OVER', actor: holder });
          if (v.state === 'resultReady') {
            const pickup = calendar.addWorkingMinutes(new Date(now), uniform(behaviour.pickupHours) * 60);
            queue.push(pickup.getTime(), { kind: 'return', code: plan.code });
          } else scheduleAdvance(plan.code, v.context, t, now);
          break;
        }
        case 'supplemented': {
          const t = tracked.get(plan.code);
          if (!t) break;
          const v = await send(plan.code, {
            type: 'SUPPLEMENT_RECEIVED',
            actor: actorOf(t.procedure.definition.desk),
          });
          scheduleAdvance(plan.code, v.context, t, now);
          break;
        }
        case 'apologize': {
          const t = tracked.get(plan.code);
          if (!t) break;
          if (t.ctx.apology || t.ctx.outcome || t.state === 'supplementing') break;
          await send(plan.code, {
            type: 'APOLOGIZE',
            actor: actorOf(t.ctx.holder),
            reason: 'Hồ sơ cần xác minh thêm',
            newDue: new Date(Math.max(plan.newDue, Date.parse(t.ctx.due.current) + 60_000)).toISOString(),
          });
          break;
        }
        case 'withdraw': {
          const t = tracked.get(plan.code);
          if (!t) break;
          const v = await send(plan.code, {
            type: 'WITHDRAW',
            actor: actorOf(t.procedure.definition.desk),
            reason: 'Theo đề nghị',
          });
          close(plan.code, v.context);
          break;
        }
        case 'return': {
          const t = tracked.get(plan.code);
          if (!t) break;
          const v = await send(plan.code, {
            type: 'RETURN_RESULT',
            actor: actorOf(t.procedure.definition.desk),
          });
          close(plan.code, v.context);
          break;
        }
      }
    } catch (e) {
      // A planned action may no longer apply (e.g. the dossier expired meanwhile): the simulation goes on.
      if (!(e instanceof MotcuaError)) throw e;
    }
  }
  void currentDay;
  const period = { from: new Date(first).toISOString(), to: new Date(drainEnd).toISOString() };
  const [report, byProcedure, units] = await Promise.all([
    target.report({ ...period, groupBy: 'none' }),
    target.report({ ...period, groupBy: 'procedure' }),
    target.unitReport(period),
  ]);
  return {
    engine,
    target,
    received,
    commands,
    days,
    report,
    byProcedure,
    units,
    elapsedMs: performance.now() - started,
  };
}

function indexByWeight(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}
