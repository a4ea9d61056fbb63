import { SimulatedClock } from '../clock/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { isLiaison, type Liaison } from '../liaison/define-liaison.js';
import type { Actor } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { Procedure } from '../procedure/define-procedure.js';
import { budgetMinutes } from '../procedure/lifecycle-env.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import { type Driver, engineDriver, storelessDriver } from './drivers.js';
import { EventQueue } from './event-queue.js';
import { instantWriter } from './instant-text.js';
import { LiaisonTraffic, memberProcedureCodes } from './liaison-traffic.js';
import { poisson, seededRandom, weightedPicker } from './seeded-random.js';
import {
  DEFAULT_BEHAVIOUR,
  type SimulationBehaviour,
  type SimulationDay,
  type SimulationOptions,
  type SimulationResult,
  type SimulationShare,
} from './simulation-options.js';
import { type CoreDossier, newCoreDossier } from './storeless-core.js';

const TICK = 0;
const ARRIVE = 1;
const ADVANCE = 2;
const SUPPLEMENTED = 3;
const APOLOGIZE = 4;
const WITHDRAW = 5;
const RETURN = 6;
const HAND_OFF = 7;

/** What the simulation needs of a procedure, computed once. */
interface ProcedurePlan {
  readonly procedure: Procedure;
  readonly desk: Actor;
  readonly stepIndex: ReadonlyMap<string, number>;
  /** Working minutes of each step's budget, and of the steps after it. */
  readonly budgets: readonly number[];
  readonly remainingAfter: readonly number[];
  readonly channels: {
    readonly pick: (random: () => number) => Channel;
    readonly any: boolean;
    readonly fallback: Channel;
  };
  /** The liaison, when the procedure is one. */
  readonly liaison: Liaison | undefined;
}

/** A liaison dossier's links: a parent's children, or a child's parent and agency engine. */
interface LiaisonLinks {
  readonly parent: SimDossier | undefined;
  readonly engine: Engine | undefined;
  readonly children: SimDossier[];
  /** A parent's handoff or return is queued. */
  planned: boolean;
}

/**
 * One simulated dossier: its arrival, what will happen to it, and (store-less) the core's record of
 * it: one object per dossier, carried by the event queue.
 */
export interface SimDossier extends CoreDossier {
  /** The context and state as the last command left them; `undefined` and `''` before receipt and once closed. */
  ctx: DossierContext | undefined;
  state: string;
  readonly plan: ProcedurePlan;
  readonly channel: Channel;
  /** Arrival index, over all shares (given to the sample function). */
  readonly index: number;
  slowStep: number;
  supplementStep: number;
  refuseStep: number;
  withdrawAfterDays: number;
  apologise: boolean;
  closed: boolean;
  /** Engine mode with liaisons only. */
  links: LiaisonLinks | undefined;
}

/** A planned apology: the dossier and the new date it will give. */
interface Apology {
  readonly dossier: SimDossier;
  readonly newDue: number;
}

type Item = SimDossier | Apology | null;

const DEFAULT_HOURS = [1, 3, 4, 3, 2, 1, 2, 3, 2, 1];
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The seed of the behaviour draws of share `k`: not the arrivals' seed, the same for every share count. */
function behaviourSeed(seed: number, k: number): number {
  return (Math.imul((seed ^ 0x5bd1e995) >>> 0, 0x9e3779b1) + Math.imul(k + 1, 0x85ebca6b)) >>> 0;
}

/**
 * Simulates dossier traffic on an engine under a simulated clock: arrivals by working hour,
 * officers handing dossiers on at a pace drawn from each step's budget, supplementation,
 * refusals, withdrawals, slow steps that make dossiers late, apologies with new dates, applicants
 * collecting results, and the engine's timers. Deterministic for a seed. Returns the report.
 * Arrivals and behaviour are drawn from two streams of the seed, so the same seed gives the same
 * arrivals whatever the rest does (and whatever the number of workers of `simulateInWorkers`).
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
export function simulate(options: SimulationOptions): Promise<SimulationResult> {
  return runSimulation(options, { index: 0, of: 1 });
}

/**
 * {@link simulate} over one share of the arrivals (all arrivals are drawn, the others are skipped);
 * the behaviour draws of share `k` come from their own stream. Share 0 of 1 is `simulate`.
 * @internal
 */
export async function runSimulation(
  options: SimulationOptions,
  share: SimulationShare,
): Promise<SimulationResult> {
  const started = performance.now();
  if (
    !Number.isInteger(share.of) ||
    share.of < 1 ||
    !Number.isInteger(share.index) ||
    share.index < 0 ||
    share.index >= share.of
  )
    throw new MotcuaError('INVALID_OPTION', `simulate: no share ${share.index} of ${share.of}`, {
      field: 'share',
    });
  const seed = options.seed ?? 1;
  const arrivalRandom = seededRandom(seed);
  const random = seededRandom(behaviourSeed(seed, share.index));
  const behaviour: SimulationBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const engineRandom = seededRandom(seed ^ 0x9e3779b9);
  const agency = options.agency ?? 'SIM';
  let engine: Engine | undefined = options.engine;
  let driver: Driver;
  if (options.mode === 'direct') {
    if (!options.procedures?.length || !options.calendar) {
      throw new MotcuaError('INVALID_OPTION', 'simulate: direct mode needs procedures and a calendar', {
        field: 'procedures',
      });
    }
    const calendar = options.calendar;
    driver = storelessDriver({
      // Bound to the office calendar, as the engine binds them.
      procedures: new ProcedureRegistry(options.procedures.map((p) => p.withCalendar(calendar))),
      calendar,
      clock: new SimulatedClock(`${options.start}T00:00:00+07:00`),
      agency,
      random: engineRandom,
      ...(options.keepRecords ? { keepRecords: true } : {}),
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
        agency,
        clock: new SimulatedClock(`${options.start}T00:00:00+07:00`),
        random: engineRandom,
        ...(options.store ? { store: options.store } : {}),
        ...(options.plugins ? { plugins: options.plugins } : {}),
      });
    }
    driver = engineDriver(engine);
  }
  const target = driver.target;
  const clock = target.clock;
  if (!(clock instanceof SimulatedClock)) {
    throw new MotcuaError('INVALID_OPTION', 'simulate: the engine must run on a SimulatedClock', {
      field: 'engine.clock',
    });
  }
  const calendar = target.calendar;
  const procedures = target.procedures.all();
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const memberCodes = memberProcedureCodes(procedures);
  const mix =
    options.arrivals.mix ??
    Object.fromEntries([...byCode.keys()].filter((c) => !memberCodes.has(c)).map((c) => [c, 1]));
  const liaison =
    engine && options.liaison && options.mode !== 'direct'
      ? new LiaisonTraffic(engine, options.liaison, clock)
      : undefined;
  for (const code of Object.keys(mix)) {
    if (!byCode.has(code))
      throw new MotcuaError('INVALID_OPTION', `simulate: no procedure ${code}`, { field: 'arrivals.mix' });
    if (!options.samples[code])
      throw new MotcuaError('INVALID_OPTION', `simulate: no sample data for ${code}`, { field: 'samples' });
    if (!liaison && (mix[code] ?? 0) > 0 && isLiaison(byCode.get(code)!))
      throw new MotcuaError(
        'INVALID_OPTION',
        `simulate: ${code} is a liaison: give its member agencies (liaison.agencies) in engine mode`,
        { field: 'liaison' },
      );
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
  const channelWeights = options.arrivals.channels ?? {
    'in-person': 70,
    'online-full': 20,
    'online-partial': 5,
    postal: 5,
  };
  const planOf = (p: Procedure): ProcedurePlan => {
    const def = p.definition;
    const accepted = def.channels;
    const allowed = Object.fromEntries(
      Object.entries(channelWeights).filter(([c]) => accepted.includes(c as Channel)),
    ) as Record<Channel, number>;
    const budgets = def.steps.map((s) => budgetMinutes({ def, calendar }, s.budget));
    return {
      procedure: p,
      desk: actorOf(def.desk),
      stepIndex: new Map(def.steps.map((s, i) => [s.id, i])),
      budgets,
      // Summed left to right from the next step, as a reduce over the steps after it would.
      remainingAfter: budgets.map((_, i) => budgets.slice(i + 1).reduce((s, x) => s + x, 0)),
      channels: {
        pick: weightedPicker(allowed),
        any: Object.keys(allowed).length > 0,
        fallback: accepted[0]!,
      },
      liaison: isLiaison(p) ? p : undefined,
    };
  };
  const plans = new Map(procedures.map((p): [string, ProcedurePlan] => [p.code, planOf(p)]));
  const pickProcedure = weightedPicker(mix);

  const queue = new EventQueue<Item>();
  const days: SimulationDay[] = [];
  let commands = 0;
  let received = 0;
  let dayStats = { received: 0, resolved: 0, timely: 0 };
  let open = 0;

  // Arrivals are drawn a day at a time, each day before it starts, and wait in the queue's backlog.
  const first = Date.parse(`${options.start}T00:00:00+07:00`);
  const drainEnd = first + (options.days + (options.drainDays ?? 30)) * DAY;
  let arrivalIndex = 0;
  let planned = -1;
  const planDay = (d: number) => {
    planned = d;
    const ats: number[] = [];
    const items: Item[] = [];
    const tags: number[] = [];
    if (d < options.days && calendar.isWorkingDay(new Date(first + d * DAY))) {
      const count = poisson(options.arrivals.perWorkingDay, arrivalRandom);
      const at = new Float64Array(count);
      const drawn: { plan: ProcedurePlan; channel: Channel; index: number }[] = [];
      for (let i = 0; i < count; i++) {
        const hour = 7 + indexByWeight(hours, arrivalRandom);
        at[i] = first + d * DAY + hour * HOUR + Math.floor(arrivalRandom() * HOUR);
        const plan = plans.get(pickProcedure(arrivalRandom))!;
        const channel = plan.channels.any ? plan.channels.pick(arrivalRandom) : plan.channels.fallback;
        drawn.push({ plan, channel, index: arrivalIndex++ });
      }
      // Receipt order: by time, ties in drawing order; the place is the dossier code's sequence.
      const order = drawn.map((_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
      for (let k = 0; k < count; k++) {
        const a = drawn[order[k]!]!;
        if (a.index % share.of !== share.index) continue;
        ats.push(at[order[k]!]!);
        tags.push(ARRIVE);
        items.push({
          ...newCoreDossier(),
          ctx: undefined,
          state: '',
          plan: a.plan,
          channel: a.channel,
          index: a.index,
          slowStep: -1,
          supplementStep: -1,
          refuseStep: -1,
          withdrawAfterDays: -1,
          apologise: false,
          closed: false,
          links: undefined,
        } satisfies SimDossier);
      }
    }
    ats.push(first + d * DAY + 17.5 * HOUR);
    items.push(null);
    tags.push(TICK);
    queue.appendSorted(ats, items, tags);
  };
  planDay(0);

  const scheduleAdvance = (d: SimDossier, now: number) => {
    const ctx = d.ctx!;
    const step = ctx.steps[ctx.steps.length - 1];
    if (!step || step.endedAt !== null) return;
    const plan = d.plan;
    const index = plan.stepIndex.get(step.stepId) ?? -1;
    let pace = uniform(behaviour.stepPace);
    if (index === d.slowStep) pace = 1.5 + random() * 2.5;
    const end = calendar.addWorkingMinutes(new Date(now), plan.budgets[index]! * pace);
    queue.push(end.getTime(), d, ADVANCE);
    // An agency that sees the dossier will be late apologises a working day before the due time.
    if (d.apologise && !ctx.apology && index === d.slowStep) {
      const due = Date.parse(ctx.due.current);
      const remaining = plan.remainingAfter[index]!;
      const projected = calendar.addWorkingMinutes(end, remaining + calendar.workingDayMinutes).getTime();
      if (projected > due) {
        const notice = Math.max(
          now + 60_000,
          calendar.addWorkingMinutes(new Date(due), -calendar.workingDayMinutes).getTime(),
        );
        if (notice < end.getTime()) queue.push(notice, { dossier: d, newDue: projected }, APOLOGIZE);
      }
    }
  };

  const close = (d: SimDossier) => {
    const outcome = d.ctx!.outcome;
    d.closed = true;
    const links = d.links;
    if (links?.parent) {
      // A member agency's own dossier: not one of the simulated desk's dossiers.
      d.ctx = undefined;
      return;
    }
    open--;
    const resolved = outcome?.kind === 'returned' || outcome?.kind === 'refused';
    if (resolved) {
      dayStats.resolved++;
      if (outcome.result !== 'LATE') dayStats.timely++;
    }
    if (links) {
      liaison!.closed(d.ctx!);
      openParents.delete(d);
      for (const c of links.children) c.closed = true;
      if (resolved) liaisonDay.resolved++;
    }
    // Queued plans may still hold the record: let the context go (kept records stay for `target.get`).
    d.ctx = undefined;
    if (!options.keepRecords) d.persisted = undefined;
  };

  /** What will happen to a dossier: a slow step, supplementation, refusal, withdrawal, an apology. */
  const drawFate = (d: SimDossier, now: number, withdrawal: boolean) => {
    const steps = d.plan.procedure.definition.steps;
    const pickStep = () => Math.floor(random() * steps.length);
    d.slowStep = random() < behaviour.lateShare ? pickStep() : -1;
    d.supplementStep = random() < behaviour.supplementShare ? Math.max(1, pickStep()) : -1;
    d.refuseStep = random() < behaviour.refusalShare ? Math.max(1, pickStep()) : -1;
    if (withdrawal) drawWithdrawal(d, now);
    d.apologise = random() < behaviour.apologyShare;
  };
  const drawWithdrawal = (d: SimDossier, now: number) => {
    d.withdrawAfterDays = random() < behaviour.withdrawalShare ? 1 + Math.floor(random() * 5) : -1;
    if (d.withdrawAfterDays > 0) {
      queue.push(
        calendar.addWorkingMinutes(new Date(now), d.withdrawAfterDays * calendar.workingDayMinutes).getTime(),
        d,
        WITHDRAW,
      );
    }
  };

  // Liaisons: parents at the simulated desk, their parts on the member agencies' engines.
  let liaisonDay = { received: 0, resolved: 0, handoffs: 0 };
  const openParents = new Set<SimDossier>();
  const childPlans = new Map<string, ProcedurePlan>();
  const laterBy = (now: number, range: readonly [number, number]) =>
    calendar.addWorkingMinutes(new Date(now), uniform(range)).getTime();

  /** Reads a parent back after its messages settled: new parts, its end, what the desk does next. */
  const checkParent = async (d: SimDossier, now: number) => {
    if (d.closed) return;
    const links = d.links!;
    const view = await liaison!.parent(d.plan.liaison!, d.code);
    d.ctx = view.context;
    d.state = view.state;
    for (const m of view.section.members) {
      if (!m.childCode || links.children.some((c) => c.code === m.childCode)) continue;
      const engine = liaison!.engineOf(m.agency);
      const child = await liaison!.view(engine, m.childCode);
      const { code, version } = child.context.procedure;
      const key = `${m.agency}|${code}@${version}`;
      let plan = childPlans.get(key);
      if (!plan) {
        plan = planOf(engine.procedures.get(code, version));
        childPlans.set(key, plan);
      }
      const c: SimDossier = {
        ...newCoreDossier(),
        code: m.childCode,
        ctx: child.context,
        state: child.state,
        plan,
        channel: child.context.channel,
        index: d.index,
        slowStep: -1,
        supplementStep: -1,
        refuseStep: -1,
        withdrawAfterDays: -1,
        apologise: false,
        closed: child.done,
        links: { parent: d, engine, children: [], planned: false },
      };
      links.children.push(c);
      liaison!.handedOff();
      liaisonDay.handoffs++;
      if (!c.closed) {
        drawFate(c, now, false);
        scheduleAdvance(c, now);
      }
    }
    if (view.done) {
      close(d);
      return;
    }
    if (links.planned) return;
    if (view.state === 'resultReady') {
      queue.push(laterBy(now, [behaviour.pickupHours[0] * 60, behaviour.pickupHours[1] * 60]), d, RETURN);
      links.planned = true;
    } else if (view.handOffReady) {
      queue.push(laterBy(now, liaison!.handOffMinutes), d, HAND_OFF);
      links.planned = true;
    }
  };
  /** After a command on a member agency's dossier: its messages reach the parent. */
  const afterChild = async (d: SimDossier, now: number) => {
    const parent = d.links?.parent;
    if (!parent) return;
    await liaison!.settle([d.links!.engine!], liaison!.peersOf(parent.ctx));
    await checkParent(parent, now);
  };

  const instant = instantWriter();
  let now = clock.now().getTime();
  let nowIso = instant(now);
  while (queue.size) {
    const item = queue.shift()!;
    const kind = queue.lastTag;
    if (queue.lastAt > now) {
      now = queue.lastAt;
      nowIso = instant(now);
      driver.advance(now);
    }
    try {
      switch (kind) {
        case TICK: {
          const r = driver.endOfDay(now);
          if (r) await r;
          if (liaison) {
            await liaison.endOfDay();
            for (const p of [...openParents]) await checkParent(p, now);
          }
          const day: SimulationDay = {
            date: calendar.localDate(new Date(now)),
            ...dayStats,
            open,
            ...(liaison ? { liaison: liaisonDay } : {}),
          };
          days.push(day);
          options.onDay?.(day);
          dayStats = { received: 0, resolved: 0, timely: 0 };
          liaisonDay = { received: 0, resolved: 0, handoffs: 0 };
          const next = planned + 1;
          if (next < options.days || first + next * DAY < drainEnd) planDay(next);
          break;
        }
        case ARRIVE: {
          const d = item as SimDossier;
          const procedure = d.plan.procedure;
          const sample = options.samples[procedure.code]!(d.index, random);
          commands++;
          const r = driver.receive(d, d.plan.desk, sample, nowIso);
          if (r) await r;
          received++;
          dayStats.received++;
          open++;
          if (d.plan.liaison) {
            // A liaison's parent: the desk hands its parts off; the agencies' dossiers do the steps.
            d.links = { parent: undefined, engine: undefined, children: [], planned: true };
            openParents.add(d);
            liaison!.received();
            liaisonDay.received++;
            drawWithdrawal(d, now);
            queue.push(laterBy(now, liaison!.handOffMinutes), d, HAND_OFF);
            break;
          }
          drawFate(d, now, true);
          scheduleAdvance(d, now);
          break;
        }
        case HAND_OFF: {
          const d = item as SimDossier;
          if (d.closed) break;
          d.links!.planned = false;
          commands++;
          await driver.send(d, { type: 'HAND_OFF', at: nowIso, actor: d.plan.desk });
          await liaison!.settle([engine!], liaison!.peersOf(d.ctx));
          await checkParent(d, now);
          break;
        }
        case ADVANCE: {
          const d = item as SimDossier;
          if (d.closed) break;
          const ctx = d.ctx!;
          if (d.state === 'supplementing' || d.state === 'resultReady') break;
          const step = ctx.steps[ctx.steps.length - 1]!;
          const index = d.plan.stepIndex.get(step.stepId) ?? -1;
          const holder = actorOf(ctx.holder);
          if (index === d.supplementStep && ctx.supplements.length === 0) {
            commands++;
            const r = driver.send(d, {
              type: 'REQUEST_SUPPLEMENT',
              at: nowIso,
              actor: holder,
              items: [{ name: 'Giấy tờ chứng minh bổ sung' }],
              reason: 'Thành phần hồ sơ chưa đầy đủ',
            });
            if (r) await r;
            const back = calendar.addWorkingMinutes(
              new Date(now),
              uniform(behaviour.supplementDays) * calendar.workingDayMinutes,
            );
            queue.push(back.getTime(), d, SUPPLEMENTED);
            if (d.links) await afterChild(d, now);
            break;
          }
          if (index === d.refuseStep) {
            commands++;
            const r = driver.send(d, {
              type: 'REFUSE',
              at: nowIso,
              actor: holder,
              reasons: ['Không đủ điều kiện theo quy định'],
            });
            if (r) await r;
            close(d);
            if (d.links) await afterChild(d, now);
            break;
          }
          commands++;
          const r = driver.send(d, { type: 'HAND_OVER', at: nowIso, actor: holder });
          if (r) await r;
          if (d.state === 'resultReady') {
            // A member agency returns its part to the focal desk; an applicant comes to collect.
            const pickup = d.links
              ? laterBy(now, liaison!.returnMinutes)
              : calendar.addWorkingMinutes(new Date(now), uniform(behaviour.pickupHours) * 60).getTime();
            queue.push(pickup, d, RETURN);
          } else scheduleAdvance(d, now);
          break;
        }
        case SUPPLEMENTED: {
          const d = item as SimDossier;
          if (d.closed) break;
          commands++;
          const parent = d.links?.parent;
          if (parent) {
            // The applicant brings the papers to the focal desk, which passes them on.
            const view = await liaison!.supplemented(
              parent.plan.liaison!,
              parent.code,
              { engine: d.links!.engine!, code: d.code },
              { focal: parent.plan.desk, member: d.plan.desk },
            );
            d.ctx = view.context;
            d.state = view.state;
            await checkParent(parent, now);
            if (!view.done) scheduleAdvance(d, now);
            break;
          }
          const r = driver.send(d, { type: 'SUPPLEMENT_RECEIVED', at: nowIso, actor: d.plan.desk });
          if (r) await r;
          scheduleAdvance(d, now);
          break;
        }
        case APOLOGIZE: {
          const { dossier: d, newDue } = item as Apology;
          if (d.closed) break;
          const ctx = d.ctx!;
          if (ctx.apology || ctx.outcome || d.state === 'supplementing') break;
          commands++;
          const r = driver.send(d, {
            type: 'APOLOGIZE',
            at: nowIso,
            actor: actorOf(ctx.holder),
            reason: 'Hồ sơ cần xác minh thêm',
            newDue: new Date(Math.max(newDue, Date.parse(ctx.due.current) + 60_000)).toISOString(),
          });
          if (r) await r;
          if (d.links) await afterChild(d, now);
          break;
        }
        case WITHDRAW: {
          const d = item as SimDossier;
          if (d.closed) break;
          commands++;
          const r = driver.send(d, {
            type: 'WITHDRAW',
            at: nowIso,
            actor: d.plan.desk,
            reason: 'Theo đề nghị',
          });
          if (r) await r;
          close(d);
          break;
        }
        case RETURN: {
          const d = item as SimDossier;
          if (d.closed) break;
          commands++;
          const r = driver.send(d, { type: 'RETURN_RESULT', at: nowIso, actor: d.plan.desk });
          if (r) await r;
          close(d);
          if (d.links) await afterChild(d, now);
          break;
        }
      }
    } catch (e) {
      // A planned action may no longer apply (e.g. the dossier expired meanwhile): the simulation goes on.
      if (!(e instanceof MotcuaError)) throw e;
    }
  }
  if (now > clock.now().getTime()) clock.set(new Date(now));
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
    ...(liaison ? { liaison: liaison.result() } : {}),
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
