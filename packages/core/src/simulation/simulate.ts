import type { LocalDate } from '../calendar/local-date.js';
import { SimulatedClock } from '../clock/clock.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine-types.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { isLiaison } from '../liaison/define-liaison.js';
import type { Actor } from '../model/actor.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { formatInstant } from '../model/instant-format.js';
import type { Procedure } from '../procedure/define-procedure.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import { arrivalPlanner, procedurePlan } from './arrivals.js';
import { BehaviourDraws, type StepPlan } from './behaviour.js';
import { type Driver, engineDriver, storelessDriver } from './drivers.js';
import { EventQueue } from './event-queue.js';
import { LiaisonTraffic, memberProcedureCodes } from './liaison-traffic.js';
import { FactDraws, ratingCriteriaOf } from './national-facts.js';
import { UnitCapacity } from './processing-capacity.js';
import { seededRandom } from './seeded-random.js';
import {
  type MemberDossier,
  memberDossier,
  openContext,
  type ParentDossier,
  type ProcedurePlan,
  type SimDossier,
  type WorkedDossier,
} from './sim-dossiers.js';
import {
  DEFAULT_BEHAVIOUR,
  type SimulationDay,
  type SimulationOptions,
  type SimulationResult,
  type SimulationShare,
} from './simulation-options.js';

const TICK = 0;
const ARRIVE = 1;
const ADVANCE = 2;
const SUPPLEMENTED = 3;
const APOLOGIZE = 4;
const WITHDRAW = 5;
const RETURN = 6;
const HAND_OFF = 7;
const PAPER = 8;

/** A planned apology: the dossier and the new date it will give. */
interface Apology {
  readonly dossier: WorkedDossier;
  readonly newDue: number;
}

/** Papers a failed database lookup left to bring, and the dossier. */
interface Papers {
  readonly dossier: WorkedDossier;
  readonly documentIds: readonly string[];
}

type Item = SimDossier | Apology | Papers | null;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The seed of the behaviour draws of share `k`: not the arrivals' seed, the same for every share count. */
function behaviourSeed(seed: number, k: number): number {
  return (Math.imul((seed ^ 0x5bd1e995) >>> 0, 0x9e3779b1) + Math.imul(k + 1, 0x85ebca6b)) >>> 0;
}

/** The seed of the processing capacity's service times: a fourth stream. */
function capacitySeed(seed: number, k: number): number {
  return (Math.imul((seed ^ 0x1b873593) >>> 0, 0x2c1b3c6d) + Math.imul(k + 1, 0x297a2d39)) >>> 0;
}

/** The seed of the national facts' draws of share `k`: a third stream, so facts change no fate. */
function factsSeed(seed: number, k: number): number {
  return (Math.imul((seed ^ 0x27d4eb2f) >>> 0, 0x165667b1) + Math.imul(k + 1, 0xc2b2ae35)) >>> 0;
}

/**
 * Simulates dossier traffic on an engine under a simulated clock: arrivals by working hour,
 * officers handing dossiers on at a pace drawn from each step's budget, supplementation,
 * refusals, withdrawals, slow steps that make dossiers late, apologies with new dates, applicants
 * collecting results, and the engine's timers; with `facts`, the national facts of each dossier
 * (applicant kinds and representatives, components' sources, result documents, handovers, ratings).
 * Deterministic for a seed. Returns the report.
 * Arrivals and behaviour are drawn from two streams of the seed, so the same seed gives the same
 * arrivals whatever the rest does (and whatever the number of workers of `simulateInWorkers`).
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core';
 * import { simulate } from '@motcua/core/simulation';
 * import { CATALOGUE_CODES, catalogueSamples, catalogueVersions } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const code = CATALOGUE_CODES.permanentResidence;
 * const result = await simulate({
 *   procedures: catalogueVersions(calendar), calendar, start: '2026-03-02', days: 30, seed: 1,
 *   arrivals: { perWorkingDay: 40 },
 *   samples: { [code]: () => catalogueSamples[code]! },
 * });
 * console.log(result.report[0]?.timelyRate);
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
  const engineRandom = seededRandom(seed ^ 0x9e3779b9);
  const { driver, engine } = driverFor(options, engineRandom);
  const target = driver.target;
  const clock = target.clock;
  if (!(clock instanceof SimulatedClock)) {
    throw new MotcuaError('INVALID_OPTION', 'simulate: the engine must run on a SimulatedClock', {
      field: 'engine.clock',
    });
  }
  const calendar = target.calendar;
  const draws = new BehaviourDraws({ ...DEFAULT_BEHAVIOUR, ...options.behaviour }, random, calendar);
  const facts = options.facts
    ? new FactDraws(options.facts, seededRandom(factsSeed(seed, share.index)), calendar)
    : undefined;
  const capacity = options.capacity
    ? new UnitCapacity(options.capacity, calendar, seededRandom(capacitySeed(seed, share.index)), seed)
    : undefined;
  if (capacity && share.of > 1)
    throw new MotcuaError(
      'INVALID_OPTION',
      'simulate: processing capacity is shared by every dossier: run it on one share (workers: 1)',
      { field: 'capacity' },
    );
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
    const procedure = byCode.get(code);
    if (!procedure)
      throw new MotcuaError('INVALID_OPTION', `simulate: no procedure ${code}`, { field: 'arrivals.mix' });
    if (!options.samples[code])
      throw new MotcuaError('INVALID_OPTION', `simulate: no sample data for ${code}`, { field: 'samples' });
    if (!liaison && (mix[code] ?? 0) > 0 && isLiaison(procedure))
      throw new MotcuaError(
        'INVALID_OPTION',
        `simulate: ${code} is a liaison: give its member agencies (liaison.agencies) in engine mode`,
        { field: 'liaison' },
      );
  }
  /** The liaison traffic: there is one whenever a parent dossier exists (checked above). */
  const traffic = (): LiaisonTraffic => {
    if (!liaison)
      throw new MotcuaError('INVALID_OPTION', 'simulate: no liaison traffic', { field: 'liaison' });
    return liaison;
  };
  // One officer per unit, made once: events and contexts only read actors. The officer is named
  // after the unit's name in the first procedure naming it (the unit id is no name).
  const language = options.language ?? 'vi';
  if (language !== 'vi' && language !== 'en')
    throw new MotcuaError('INVALID_OPTION', "simulate: language must be 'vi' or 'en'", { field: 'language' });
  const unitNames = new Map<string, string>();
  const actors = new Map<string, Actor>();
  const actorOf = (unit: string): Actor => {
    let actor = actors.get(unit);
    if (!actor) {
      actor = {
        officerId: `${unit}-1`,
        unitId: unit,
        name: officerName(unit, unitNames.get(unit), language),
        roles: [],
      };
      actors.set(unit, actor);
    }
    return actor;
  };
  const planOf = (p: Procedure) => {
    for (const [id, u] of Object.entries(p.definition.units))
      if (!unitNames.has(id)) unitNames.set(id, u.name);
    return procedurePlan(p, calendar, options.arrivals.channels, actorOf);
  };

  const queue = new EventQueue<Item>();
  const days: SimulationDay[] = [];
  let commands = 0;
  let received = 0;
  let dayStats = { received: 0, resolved: 0, timely: 0 };
  let open = 0;

  // Arrivals are drawn a day at a time, each day before it starts, and wait in the queue's backlog.
  const first = Date.parse(`${options.start}T00:00:00+07:00`);
  const drainEnd = first + (options.days + (options.drainDays ?? 30)) * DAY;
  const versionPlans = planCache(target.procedures, planOf, (d) =>
    calendar.localDate(new Date(first + d * DAY + 12 * HOUR)),
  );
  // Up front: every procedure drawn has a version in force on every working day of arrivals.
  for (let d = 0; d < options.days; d++) {
    if (!calendar.isWorkingDay(new Date(first + d * DAY))) continue;
    for (const [code, weight] of Object.entries(mix)) if (weight > 0) versionPlans(code, d);
  }
  const arrivalsOf = arrivalPlanner({
    arrivals: options.arrivals,
    days: options.days,
    first,
    calendar,
    planOf: versionPlans,
    mix,
    random: arrivalRandom,
    share,
  });
  let planned = -1;
  const planDay = (d: number) => {
    planned = d;
    const { ats, dossiers } = arrivalsOf(d);
    const items: Item[] = dossiers;
    const tags = dossiers.map(() => ARRIVE);
    ats.push(first + d * DAY + 17.5 * HOUR);
    items.push(null);
    tags.push(TICK);
    queue.appendSorted(ats, items, tags);
  };
  planDay(0);

  const scheduleAdvance = (d: WorkedDossier, now: number) => {
    const ctx = openContext(d);
    const step = ctx.steps[ctx.steps.length - 1];
    if (!step || step.endedAt !== null) return;
    const index = d.plan.stepIndex.get(step.stepId) ?? -1;
    const unit = d.plan.procedure.definition.steps[index]?.unit;
    let plan: StepPlan;
    if (capacity && unit !== undefined && capacity.has(unit)) {
      // The step waits for an officer of its unit; its end, and the outcome, come from capacity.
      const hold = capacity.holdShare(unit);
      const held = hold
        ? calendar.addWorkingMinutesMs(now, (d.plan.budgets[index] as number) * draws.uniform(hold))
        : 0;
      const slow = Math.max(draws.slowUntil(d, index, now), held);
      const { end } = capacity.book(unit, d.plan.procedure.code, step.stepId, now, slow);
      if (end === Number.POSITIVE_INFINITY) return;
      plan = { end, apology: draws.apology(d, ctx, index, now, end) };
    } else plan = draws.step(d, ctx, index, now);
    const { end, apology } = plan;
    queue.push(end, d, ADVANCE);
    if (apology) queue.push(apology.at, { dossier: d, newDue: apology.newDue }, APOLOGIZE);
  };
  const withdrawLater = (d: SimDossier, at: number) => {
    if (at >= 0) queue.push(at, d, WITHDRAW);
  };

  const close = (d: SimDossier) => {
    const ctx = openContext(d);
    const outcome = ctx.outcome;
    d.closed = true;
    if (d.kind === 'member') {
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
    if (d.kind === 'parent') {
      traffic().closed(ctx);
      openParents.delete(d);
      for (const c of d.children) c.closed = true;
      if (resolved) liaisonDay.resolved++;
    }
    // Queued plans may still hold the record: let the context go (kept records stay for `target.get`).
    d.ctx = undefined;
    if (!options.keepRecords) d.persisted = undefined;
  };

  // Liaisons: parents at the simulated desk, their parts on the member agencies' engines.
  let liaisonDay = { received: 0, resolved: 0, handoffs: 0 };
  const openParents = new Set<ParentDossier>();
  const childPlans = new Map<string, ProcedurePlan>();

  /** Reads a parent back after its messages settled: new parts, its end, what the desk does next. */
  const checkParent = async (d: ParentDossier, now: number) => {
    if (d.closed) return;
    const lt = traffic();
    const view = await lt.parent(d.liaison, d.code);
    d.ctx = view.context;
    d.state = view.state;
    for (const m of view.section.members) {
      if (!m.childCode || d.children.some((c) => c.code === m.childCode)) continue;
      const memberEngine = lt.engineOf(m.agency);
      const child = await lt.view(memberEngine, m.childCode);
      const { code, version } = child.context.procedure;
      const key = `${m.agency}|${code}@${version}`;
      let plan = childPlans.get(key);
      if (!plan) {
        plan = planOf(memberEngine.procedures.get(code, version));
        childPlans.set(key, plan);
      }
      const c = memberDossier(d, plan, memberEngine, { ...child, code: m.childCode });
      d.children.push(c);
      lt.handedOff();
      liaisonDay.handoffs++;
      if (!c.closed) {
        draws.fate(c, now, false);
        scheduleAdvance(c, now);
      }
    }
    if (view.done) {
      close(d);
      return;
    }
    if (d.planned) return;
    if (view.state === 'resultReady') {
      const [h0, h1] = draws.pickupHours;
      queue.push(draws.laterBy(now, [h0 * 60, h1 * 60]), d, RETURN);
      d.planned = true;
    } else if (view.handOffReady) {
      queue.push(draws.laterBy(now, lt.handOffMinutes), d, HAND_OFF);
      d.planned = true;
    }
  };
  /** After a command on a member agency's dossier: its messages reach the parent. */
  const afterChild = async (d: MemberDossier, now: number) => {
    await traffic().settle([d.engine], traffic().peersOf(d.parent.ctx));
    await checkParent(d.parent, now);
  };
  /**
   * A command: a promise on an engine only. The store-less driver answers at once, and the loop
   * awaits nothing then (an `await` per command suspends the loop and allocates its promises).
   */
  const send = (d: SimDossier, event: DossierEventInput): undefined | Promise<void> => {
    commands++;
    return driver.send(d, event);
  };
  /** A command recording a national fact: refused, it is left out and the dossier goes on. */
  const sendFact = async (d: SimDossier, event: DossierEventInput): Promise<boolean> => {
    try {
      const sent = send(d, event);
      if (sent) await sent;
      return true;
    } catch (e) {
      if (!(e instanceof MotcuaError)) throw e;
      return false;
    }
  };
  /** The applicant's rating at return, entered at the desk (drawn by the facts). */
  const rateAtReturn = async (f: FactDraws, d: SimDossier, at: string) => {
    const ctx = d.ctx;
    // A liaison whose every part was refused closes refused: nothing to rate.
    const scores = ctx?.outcome?.kind === 'returned' ? f.scores(ctx) : undefined;
    if (!scores) return;
    commands++;
    try {
      const r = driver.rate(d, { scores, actor: d.plan.desk, at });
      if (r) await r;
      f.rated(scores);
    } catch (e) {
      if (!(e instanceof MotcuaError)) throw e;
    }
  };

  let now = clock.now().getTime();
  let nowIso = formatInstant(now);
  // The answer of the command sent last (see `send`).
  let sent: undefined | Promise<void>;
  while (queue.size) {
    const item = queue.shift() as Item;
    const kind = queue.lastTag;
    if (queue.lastAt > now) {
      now = queue.lastAt;
      nowIso = formatInstant(now);
      driver.advance(now);
    }
    try {
      if (item === null) {
        // TICK: the end of a day.
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
        continue;
      }
      if (kind === APOLOGIZE) {
        const { dossier: d, newDue } = item as Apology;
        if (d.closed) continue;
        const ctx = openContext(d);
        if (ctx.apology || ctx.outcome || d.state === 'supplementing') continue;
        sent = send(d, {
          type: 'APOLOGIZE',
          at: nowIso,
          actor: actorOf(ctx.holder),
          reason: 'Hồ sơ cần xác minh thêm',
          newDue: new Date(Math.max(newDue, Date.parse(ctx.due.current) + 60_000)).toISOString(),
        });
        if (sent) await sent;
        if (capacity) capacity.apologies++;
        if (d.kind === 'member') await afterChild(d, now);
        continue;
      }
      if (kind === PAPER) {
        // The applicant brings the papers a failed lookup left (Resolution 66.7/2025/NQ-CP).
        const { dossier: d, documentIds } = item as Papers;
        if (d.closed || !facts || d.state === 'resultReady') continue;
        const components = facts.papers(documentIds, d.code);
        if (await sendFact(d, { type: 'RECORD_COMPONENTS', at: nowIso, actor: d.plan.desk, components }))
          facts.recorded(components, true);
        continue;
      }
      const d = item as SimDossier;
      if (kind === ARRIVE) {
        const receivedOn = calendar.localDate(new Date(now));
        let sample = (options.samples[d.plan.procedure.code] as SimulationOptions['samples'][string])(
          d.index,
          random,
          receivedOn,
        );
        if (facts?.drawsApplicants && d.kind === 'plain') {
          sample = {
            ...sample,
            applicant: facts.applicant(sample.applicant, d.plan.procedure.definition, d.index),
          };
        }
        commands++;
        try {
          const r = driver.receive(d, d.plan.desk, sample, nowIso);
          if (r) await r;
        } catch (e) {
          // Never a silent drop: a sample the desk refuses stops the run, naming what was refused.
          throw e instanceof MotcuaError ? receiptRefused(e, d.plan.procedure, receivedOn) : e;
        }
        received++;
        dayStats.received++;
        open++;
        if (facts?.recordsComponents && d.kind === 'plain') {
          // The desk records how each component was satisfied, at receipt.
          const { entries, fallback } = facts.components(d.plan.procedure.definition, d.code);
          if (
            entries.length > 0 &&
            (await sendFact(d, {
              type: 'RECORD_COMPONENTS',
              at: nowIso,
              actor: d.plan.desk,
              components: entries,
            }))
          ) {
            facts.recorded(entries, false);
            if (fallback) {
              const at = calendar.addWorkingMinutesMs(now, fallback.afterMinutes);
              queue.push(at, { dossier: d, documentIds: fallback.documentIds }, PAPER);
            }
          }
        }
        if (d.kind === 'parent') {
          // A liaison's parent: the desk hands its parts off; the agencies' dossiers do the steps.
          d.planned = true;
          openParents.add(d);
          traffic().received();
          liaisonDay.received++;
          withdrawLater(d, draws.withdrawal(d, now));
          queue.push(draws.laterBy(now, traffic().handOffMinutes), d, HAND_OFF);
        } else if (d.kind === 'plain') {
          withdrawLater(d, draws.fate(d, now, true));
          scheduleAdvance(d, now);
        }
        continue;
      }
      if (d.closed) continue;
      switch (kind) {
        case HAND_OFF: {
          if (d.kind !== 'parent') break;
          d.planned = false;
          sent = send(d, { type: 'HAND_OFF', at: nowIso, actor: d.plan.desk });
          if (sent) await sent;
          await traffic().settle([engine as Engine], traffic().peersOf(d.ctx));
          await checkParent(d, now);
          break;
        }
        case ADVANCE: {
          if (d.kind === 'parent') break;
          const ctx = openContext(d);
          if (d.state === 'supplementing' || d.state === 'resultReady') break;
          const step = ctx.steps[ctx.steps.length - 1];
          if (!step) break;
          const index = d.plan.stepIndex.get(step.stepId) ?? -1;
          const holder = actorOf(ctx.holder);
          if (index === d.supplementStep && ctx.supplements.length === 0) {
            sent = send(d, {
              type: 'REQUEST_SUPPLEMENT',
              at: nowIso,
              actor: holder,
              items: [{ name: 'Giấy tờ chứng minh bổ sung' }],
              reason: 'Thành phần hồ sơ chưa đầy đủ',
            });
            if (sent) await sent;
            queue.push(calendar.addWorkingMinutesMs(now, draws.supplementMinutes()), d, SUPPLEMENTED);
            if (d.kind === 'member') await afterChild(d, now);
            break;
          }
          if (index === d.refuseStep) {
            sent = send(d, {
              type: 'REFUSE',
              at: nowIso,
              actor: holder,
              reasons: ['Không đủ điều kiện theo quy định'],
            });
            if (sent) await sent;
            close(d);
            if (d.kind === 'member') await afterChild(d, now);
            break;
          }
          if (facts?.issuesResults && d.kind === 'plain' && index === d.plan.budgets.length - 1) {
            // The last step ends processing: its unit issues the result document.
            const documents = [facts.result(d.plan.procedure.definition, d.code, now)];
            if (await sendFact(d, { type: 'ISSUE_RESULT', at: nowIso, actor: holder, documents }))
              facts.issued();
          }
          sent = send(d, { type: 'HAND_OVER', at: nowIso, actor: holder });
          if (sent) await sent;
          if (d.state === 'resultReady') {
            // A member agency returns its part to the focal desk; an applicant comes to collect.
            const pickup =
              d.kind === 'member'
                ? draws.laterBy(now, traffic().returnMinutes)
                : calendar.addWorkingMinutesMs(now, draws.uniform(draws.pickupHours) * 60);
            queue.push(pickup, d, RETURN);
          } else scheduleAdvance(d, now);
          break;
        }
        case SUPPLEMENTED: {
          if (d.kind === 'parent') break;
          if (d.kind === 'member') {
            // The applicant brings the papers to the focal desk, which passes them on.
            commands++;
            const parent = d.parent;
            const view = await traffic().supplemented(
              parent.liaison,
              parent.code,
              { engine: d.engine, code: d.code },
              { focal: parent.plan.desk, member: d.plan.desk },
            );
            d.ctx = view.context;
            d.state = view.state;
            await checkParent(parent, now);
            if (!view.done) scheduleAdvance(d, now);
            break;
          }
          sent = send(d, { type: 'SUPPLEMENT_RECEIVED', at: nowIso, actor: d.plan.desk });
          if (sent) await sent;
          scheduleAdvance(d, now);
          break;
        }
        case WITHDRAW: {
          sent = send(d, { type: 'WITHDRAW', at: nowIso, actor: d.plan.desk, reason: 'Theo đề nghị' });
          if (sent) await sent;
          close(d);
          break;
        }
        case RETURN: {
          // The desk returns to the applicant (a plain dossier, or a liaison's whole): the handover
          // and the rating; a member agency's return goes to the focal desk.
          const toApplicant = facts && d.kind !== 'member' ? facts : undefined;
          const handed = toApplicant && d.ctx ? toApplicant.handover(d.ctx) : undefined;
          sent = send(d, { type: 'RETURN_RESULT', at: nowIso, actor: d.plan.desk, ...handed });
          if (sent) await sent;
          if (toApplicant) {
            const h = d.ctx?.outcome?.handover;
            if (h) toApplicant.handedOver(h.collectedBy);
            await rateAtReturn(toApplicant, d, nowIso);
          }
          close(d);
          if (d.kind === 'member') await afterChild(d, now);
          break;
        }
      }
    } catch (e) {
      // A planned action may no longer apply (e.g. the dossier expired meanwhile): the simulation goes
      // on. A refused receipt is no such action: it stops the run.
      if (!(e instanceof MotcuaError) || e.code === RECEIPT_REFUSED) throw e;
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
    ...(facts ? { facts: facts.summary() } : {}),
    ...(capacity ? { capacity: capacity.result() } : {}),
    elapsedMs: performance.now() - started,
  };
}

/**
 * The longest officer name the national portal's processing history takes (`NguoiXuLy`, 50
 * characters in the one system documented): a simulated officer's name fits in it.
 */
const OFFICER_NAME_MAX = 50;
/** Unit names that already name a person’s role (công chức, viên chức, lãnh đạo, …): used as they are. */
const ROLE_NAME = /^(cán bộ|công chức|viên chức|lãnh đạo|văn thư|chuyên viên|người)\s/iu;

/**
 * The name of a unit's simulated officer (cán bộ), as slips and journals show it: the unit's name
 * in the procedure, without its parenthesised notes, after `Cán bộ` unless it names a role already
 * (`Cán bộ Bộ phận Một cửa UBND cấp xã`, `Lãnh đạo UBND xã`), or in English `Officer – …`; at most
 * 50 characters, cut at a word. A unit no procedure names is given by its id.
 */
function officerLabel(unit: string, base: string, language: 'vi' | 'en'): string {
  if (language === 'en') return base ? `Officer – ${base}` : `Officer (unit ${unit})`;
  if (!base) return `Cán bộ (đơn vị ${unit})`;
  return ROLE_NAME.test(base) ? base : `Cán bộ ${base}`;
}

function officerName(unit: string, unitName: string | undefined, language: 'vi' | 'en'): string {
  const base = (unitName ?? '')
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const name = officerLabel(unit, base, language);
  if (name.length <= OFFICER_NAME_MAX) return name;
  const cut = name.slice(0, OFFICER_NAME_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s–,-]+$/u, '')}…`;
}

/** The code of the error a refused sample stops a run with. */
const RECEIPT_REFUSED = 'RECEIPT_REFUSED';

/**
 * The error a run stops with when the desk refuses a sample at receipt: the procedure, its version
 * and the receipt date in the message, the refused field of the application as `field`
 * (`samples.<code>.<field>`), the desk's own error as `cause`. No value of the sample is echoed.
 */
function receiptRefused(e: MotcuaError, procedure: Procedure, receivedOn: string): MotcuaError {
  return new MotcuaError(
    RECEIPT_REFUSED,
    `simulate: the desk refused the sample of ${procedure.code}@${procedure.version} received on ${receivedOn} (${e.code}) — ${e.message}`,
    { field: `samples.${procedure.code}${e.field ? `.${e.field}` : ''}`, cause: e },
  );
}

/**
 * The plan of a procedure code for the arrivals of a day: the version in force that day (a dossier
 * keeps the version of its receipt date), one plan per version, looked up once a day per code.
 * @throws `INVALID_OPTION` naming `arrivals.mix` when a code has no version in force that day.
 */
function planCache(
  registry: ProcedureRegistry,
  planOf: (p: Procedure) => ProcedurePlan,
  dateOf: (day: number) => LocalDate,
): (code: string, day: number) => ProcedurePlan {
  const byVersion = new Map<Procedure, ProcedurePlan>();
  let today = -1;
  let date = '';
  const byCode = new Map<string, ProcedurePlan>();
  return (code, day) => {
    if (day !== today) {
      today = day;
      date = dateOf(day);
      byCode.clear();
    }
    let plan = byCode.get(code);
    if (plan) return plan;
    let p: Procedure;
    try {
      p = registry.inForce(code, date);
    } catch (e) {
      if (!(e instanceof MotcuaError) || e.code !== 'NO_VERSION_IN_FORCE') throw e;
      throw new MotcuaError(
        'INVALID_OPTION',
        `simulate: procedure ${code} has no version in force on ${date}, a day of arrivals`,
        { field: 'arrivals.mix', cause: e },
      );
    }
    plan = byVersion.get(p);
    if (!plan) {
      plan = planOf(p);
      byVersion.set(p, plan);
    }
    byCode.set(code, plan);
    return plan;
  };
}

/** The engine (given, or new and in memory) or the store-less core the run drives. */
function driverFor(
  options: SimulationOptions,
  engineRandom: () => number,
): { driver: Driver; engine: Engine | undefined } {
  const agency = options.agency ?? 'SIM';
  const clock = () => new SimulatedClock(`${options.start}T00:00:00+07:00`);
  if (options.mode === 'direct') {
    if (!options.procedures?.length || !options.calendar) {
      throw new MotcuaError('INVALID_OPTION', 'simulate: direct mode needs procedures and a calendar', {
        field: 'procedures',
      });
    }
    const calendar = options.calendar;
    const driver = storelessDriver({
      // Bound to the office calendar, as the engine binds them.
      procedures: new ProcedureRegistry(options.procedures.map((p) => p.withCalendar(calendar))),
      calendar,
      clock: clock(),
      agency,
      random: engineRandom,
      ...(options.keepRecords ? { keepRecords: true } : {}),
      ...(options.facts?.ratings ? { ratings: { criteria: ratingCriteriaOf(options.facts) } } : {}),
    });
    return { driver, engine: undefined };
  }
  let engine = options.engine;
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
      clock: clock(),
      random: engineRandom,
      ...(options.facts?.ratings ? { ratings: { criteria: ratingCriteriaOf(options.facts) } } : {}),
      ...(options.store ? { store: options.store } : {}),
      ...(options.plugins ? { plugins: options.plugins } : {}),
    });
  }
  return { driver: engineDriver(engine), engine };
}
