import type { Worker } from 'node:worker_threads';
import { MotcuaError } from '../errors/motcua-error.js';
import { setupHref, startWorker } from './simulate-in-workers.js';
import {
  officersAtDesk,
  parseStaffingScenario,
  type StaffingScenario,
  type StaffingTargets,
} from './staffing-scenario.js';
import {
  type DossierRunCache,
  dossierKey,
  dossierRunCounts,
  estimate,
  type FigureEstimate,
  meetsTargets,
  runScenarioOnce,
  type ScenarioRun,
  WHAT_IF_FIGURES,
  type WhatIfFigure,
} from './what-if.js';
import type { SimulationSetup } from './worker-protocol.js';

/**
 * A variant of a scenario: other officer counts at desk fields and units, and other loads
 * (a factor per field's visitors and per procedure's dossiers, e.g. `{ land: 2 }`: land doubles).
 */
export interface StaffingVariant {
  readonly name: string;
  readonly desk?: Readonly<Record<string, number>>;
  readonly units?: Readonly<Record<string, number>>;
  readonly visitorFactors?: Readonly<Record<string, number>>;
  readonly dossierFactors?: Readonly<Record<string, number>>;
}

/** Where the runs happen: in this thread with a setup, or on worker threads that import a setup module. */
export interface WhatIfOptions {
  /** Seeds: a count (seeds 1…n) or the seeds themselves. */
  readonly seeds: number | readonly number[];
  /** The procedures, calendar and samples, in this thread. */
  readonly setup?: SimulationSetup;
  /**
   * A module exporting the setup function (as `simulateInWorkers` takes it); with `workers`, each
   * worker imports it once and runs whole (variant, seed) runs, so the figures do not depend on the
   * number of workers.
   */
  readonly setupModule?: string | URL;
  readonly exportName?: string;
  readonly setupArgument?: unknown;
  /** Worker threads (default 1: in this thread, which then needs `setup`). */
  readonly workers?: number;
}

/** A variant's figures over the seeds, each with its 95 % confidence interval. */
export interface VariantResult {
  readonly variant: StaffingVariant;
  readonly scenario: StaffingScenario;
  readonly figures: Readonly<Record<WhatIfFigure, FigureEstimate>>;
  /** Each desk field's wait figures over the seeds. */
  readonly fields: Readonly<
    Record<
      string,
      {
        waitMean: FigureEstimate;
        waitP90: FigureEstimate;
        withinPercent: FigureEstimate;
        afterHoursPerDay: FigureEstimate;
      }
    >
  >;
  /** Each processing unit's mean wait for an officer (working minutes) over the seeds. */
  readonly unitWaits: Readonly<Record<string, FigureEstimate>>;
  /** Officers at the desk and in the processing units (those on rotation counted once, in their unit). */
  readonly officers: { readonly desk: number; readonly units: number; readonly total: number };
  readonly meetsTargets: boolean;
}

/** The scenario a variant makes (parsed again, so a variant gets the same checks). */
export function applyVariant(
  scenario: StaffingScenario,
  variant: StaffingVariant,
  setup?: SimulationSetup,
): StaffingScenario {
  const fields = Object.fromEntries(
    Object.entries(scenario.desk.fields).map(([name, f]) => [
      name,
      { ...f, officers: variant.desk?.[name] ?? f.officers },
    ]),
  );
  for (const name of Object.keys(variant.desk ?? {}))
    if (!scenario.desk.fields[name]) throw unknown(`variant.desk.${name}`, 'is not a desk field');
  const units = scenario.capacity
    ? Object.fromEntries(
        Object.entries(scenario.capacity.units).map(([id, u]) => [
          id,
          { ...u, officers: variant.units?.[id] ?? u.officers },
        ]),
      )
    : undefined;
  for (const id of Object.keys(variant.units ?? {}))
    if (!scenario.capacity?.units[id])
      throw unknown(`variant.units.${id}`, 'is not a unit of capacity.units');
  const visitors = scaled(
    scenario.desk.visitors.perWorkingDay,
    scenario.desk.visitors.fields,
    variant.visitorFactors,
  );
  const dossiers = scenario.dossiers
    ? (() => {
        const mix =
          scenario.dossiers.mix ??
          Object.fromEntries(Object.keys(variant.dossierFactors ?? {}).map((c) => [c, 1]));
        const s = scaled(scenario.dossiers.perWorkingDay, mix, variant.dossierFactors);
        return {
          ...scenario.dossiers,
          perWorkingDay: s.perWorkingDay,
          ...(scenario.dossiers.mix || variant.dossierFactors ? { mix: s.weights } : {}),
        };
      })()
    : undefined;
  const next = {
    ...scenario,
    name: variant.name,
    desk: {
      ...scenario.desk,
      fields,
      visitors: {
        ...scenario.desk.visitors,
        perWorkingDay: visitors.perWorkingDay,
        fields: visitors.weights,
      },
    },
    ...(dossiers ? { dossiers } : {}),
    ...(units ? { capacity: { units } } : {}),
  };
  return parseStaffingScenario(
    next,
    setup ? { calendar: setup.calendar, workUnits: workUnitsOf(setup) } : {},
  );
}

function unknown(field: string, message: string): MotcuaError {
  return new MotcuaError('INVALID_OPTION', `${field} ${message}`, { field });
}

/** A load scaled by factors on some of its weights: the total changes with them. */
function scaled(
  perDay: number,
  weights: Readonly<Record<string, number>>,
  factors: Readonly<Record<string, number>> | undefined,
): { perWorkingDay: number; weights: Record<string, number> } {
  if (!factors) return { perWorkingDay: perDay, weights: { ...weights } };
  const total = Object.values(weights).reduce((s, w) => s + w, 0);
  const next: Record<string, number> = {};
  for (const [k, w] of Object.entries(weights)) {
    const f = factors[k] ?? 1;
    if (!(f >= 0)) throw unknown(`variant factors.${k}`, 'must be a number ≥ 0');
    next[k] = w * f;
  }
  for (const k of Object.keys(factors))
    if (!(k in weights)) throw unknown(`variant factors.${k}`, 'has no weight in the scenario');
  const after = Object.values(next).reduce((s, w) => s + w, 0);
  return { perWorkingDay: total > 0 ? (perDay * after) / total : perDay, weights: next };
}

/** The units of the procedures' steps. */
function workUnitsOf(setup: SimulationSetup): Set<string> {
  return new Set(setup.procedures.flatMap((p) => p.definition.steps.map((s) => s.unit)));
}

function seedList(seeds: number | readonly number[]): number[] {
  if (typeof seeds === 'number') {
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000)
      throw new MotcuaError('INVALID_OPTION', 'seeds must be a whole number 1–10000 or a list', {
        field: 'seeds',
      });
    return Array.from({ length: seeds }, (_, i) => i + 1);
  }
  if (seeds.length === 0 || !seeds.every((s) => Number.isInteger(s)))
    throw new MotcuaError('INVALID_OPTION', 'seeds must be whole numbers', { field: 'seeds' });
  return [...seeds];
}

/** What a worker is told to run, and what it posts back. @internal */
export type WhatIfWorkerMessage =
  | { readonly type: 'task'; readonly id: number; readonly scenario: StaffingScenario; readonly seed: number }
  | { readonly type: 'ready' }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly run: ScenarioRun;
      /** Dossier runs the worker made and reused for this task (added to `dossierRunCounts`). */
      readonly runs: { readonly ran: number; readonly reused: number };
    }
  | {
      readonly type: 'failed';
      readonly message: string;
      readonly code: string | undefined;
      readonly field: string | undefined;
    };

/** Runs every (scenario, seed) task, here or on worker threads; results in task order. */
async function runTasks(
  tasks: readonly { scenario: StaffingScenario; seed: number }[],
  options: WhatIfOptions,
): Promise<ScenarioRun[]> {
  const workers = options.workers ?? 1;
  // Runs sharing their dossiers (same dossier key and seed) go together, to one worker, one after another.
  const byKey = new Map<string, number[]>();
  tasks.forEach((t, i) => {
    const k = `${dossierKey(t.scenario)}|${t.seed}`;
    const g = byKey.get(k);
    if (g) g.push(i);
    else byKey.set(k, [i]);
  });
  const groups = [...byKey.values()];
  if (!Number.isInteger(workers) || workers < 1)
    throw new MotcuaError('INVALID_OPTION', 'workers must be a whole number ≥ 1', { field: 'workers' });
  if (workers === 1 || !options.setupModule) {
    if (!options.setup)
      throw new MotcuaError('INVALID_OPTION', 'give a setup (or a setupModule and workers)', {
        field: 'setup',
      });
    const out: ScenarioRun[] = new Array(tasks.length);
    const cache: DossierRunCache = new Map();
    for (const group of groups)
      for (const i of group)
        out[i] = await runScenarioOnce(tasks[i]!.scenario, options.setup, tasks[i]!.seed, cache);
    return out;
  }
  const href = setupHref(options.setupModule);
  const results: ScenarioRun[] = new Array(tasks.length);
  if (groups.length === 0) return results;
  let next = 0;
  const live: Worker[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const workerData = {
        kind: 'what-if',
        setupModule: href,
        exportName: options.exportName ?? 'setup',
        setupArgument: options.setupArgument,
      };
      const worker = startWorker(workerData);
      live.push(worker);
      let done = false;
      let pending = 0;
      const feed = () => {
        if (next >= groups.length) {
          done = true;
          resolve();
          void worker.terminate();
          return;
        }
        const group = groups[next++]!;
        pending = group.length;
        for (const id of group) {
          const t = tasks[id]!;
          worker.postMessage({
            type: 'task',
            id,
            scenario: t.scenario,
            seed: t.seed,
          } satisfies WhatIfWorkerMessage);
        }
      };
      worker.on('message', (m: WhatIfWorkerMessage) => {
        if (m.type === 'ready') feed();
        else if (m.type === 'result') {
          results[m.id] = m.run;
          dossierRunCounts.ran += m.runs.ran;
          dossierRunCounts.reused += m.runs.reused;
          pending--;
          if (pending === 0) feed();
        } else if (m.type === 'failed') {
          done = true;
          reject(
            m.code
              ? new MotcuaError(m.code, m.message, m.field ? { field: m.field } : {})
              : new Error(m.message),
          );
        }
      });
      worker.on('error', (e) => {
        done = true;
        reject(e);
      });
      worker.on('exit', (code) => {
        if (!done) reject(new Error(`what-if: worker stopped (exit code ${code})`));
      });
    });
  try {
    await Promise.all(Array.from({ length: Math.min(workers, groups.length) }, one));
  } finally {
    await Promise.all(live.map((w) => w.terminate()));
  }
  return results;
}

/** Officers of a scenario: at desk fields not on rotation, and in units. */
function officersOf(s: StaffingScenario): VariantResult['officers'] {
  let desk = 0;
  for (const f of Object.values(s.desk.fields)) if (!f.fromUnit) desk += f.officers;
  const units = Object.values(s.capacity?.units ?? {}).reduce((n, u) => n + u.officers, 0);
  return { desk, units, total: desk + units };
}

function summarise(
  variant: StaffingVariant,
  scenario: StaffingScenario,
  runs: readonly ScenarioRun[],
): VariantResult {
  const figures = Object.fromEntries(
    (Object.keys(WHAT_IF_FIGURES) as WhatIfFigure[]).map((k) => [k, estimate(runs.map((r) => r.figures[k]))]),
  ) as Record<WhatIfFigure, FigureEstimate>;
  const fields = Object.fromEntries(
    Object.keys(scenario.desk.fields).map((name) => [
      name,
      {
        waitMean: estimate(runs.map((r) => r.fields[name]?.waitMean ?? 0)),
        waitP90: estimate(runs.map((r) => r.fields[name]?.waitP90 ?? 0)),
        withinPercent: estimate(runs.map((r) => r.fields[name]?.withinPercent ?? 100)),
        afterHoursPerDay: estimate(runs.map((r) => r.fields[name]?.afterHoursPerDay ?? 0)),
      },
    ]),
  );
  const unitWaits = Object.fromEntries(
    Object.keys(scenario.capacity?.units ?? {}).map((id) => [
      id,
      estimate(runs.map((r) => r.capacity?.units[id]?.meanWaitMinutes ?? 0)),
    ]),
  );
  const means = Object.fromEntries(Object.entries(figures).map(([k, e]) => [k, e.mean])) as Record<
    WhatIfFigure,
    number
  >;
  return {
    variant,
    scenario,
    figures,
    fields,
    unitWaits,
    officers: officersOf(scenario),
    meetsTargets: meetsTargets(means, scenario.targets),
  };
}

/**
 * Runs variants of a scenario over the same seeds and gives each figure with its 95 % confidence
 * interval, side by side (the first variant is usually the current staffing). Every (variant,
 * seed) run is a whole simulation (desk queue and dossiers), on worker threads when asked:
 * deterministic for the seeds, whatever the number of workers.
 *
 * @example
 * ```ts
 * import { compareVariants, parseStaffingScenario } from '@motcua/core/simulation';
 * declare const input: unknown; // a scenario file's JSON
 * const scenario = parseStaffingScenario(input);
 * const [now, more] = await compareVariants(scenario, [
 *   { name: 'hiện tại' },
 *   { name: '+1 cán bộ đất đai', desk: { land: 4 } },
 * ], { seeds: 10, setupModule: new URL('./centre-setup.js', import.meta.url), workers: 2 });
 * console.log(now!.figures.waitP90.mean, more!.figures.waitP90.mean);
 * ```
 */
export async function compareVariants(
  scenario: StaffingScenario,
  variants: readonly StaffingVariant[],
  options: WhatIfOptions,
): Promise<VariantResult[]> {
  const seeds = seedList(options.seeds);
  const scenarios = variants.map((v) => applyVariant(scenario, v, options.setup));
  const tasks = scenarios.flatMap((s) => seeds.map((seed) => ({ scenario: s, seed })));
  const runs = await runTasks(tasks, options);
  return variants.map((v, i) =>
    summarise(v, scenarios[i]!, runs.slice(i * seeds.length, (i + 1) * seeds.length)),
  );
}

/**
 * Runs a scenario over many seeds: each figure with its 95 % confidence interval.
 *
 * @example
 * ```ts
 * import { parseStaffingScenario, runWhatIf } from '@motcua/core/simulation';
 * import type { SimulationSetup } from '@motcua/core/simulation';
 * declare const input: unknown;
 * declare const setup: SimulationSetup; // procedures, calendar, samples
 * const result = await runWhatIf(parseStaffingScenario(input), { seeds: 10, setup });
 * const { mean, low, high } = result.figures.onTimePercent;
 * console.log(`${mean.toFixed(1)} % (95 % CI ${low.toFixed(1)}–${high.toFixed(1)})`);
 * ```
 */
export async function runWhatIf(scenario: StaffingScenario, options: WhatIfOptions): Promise<VariantResult> {
  const [result] = await compareVariants(scenario, [{ name: scenario.name ?? 'hiện tại' }], options);
  return result as VariantResult;
}

/** The result of {@link searchStaffing}: the smallest staffing found, and every variant tried. */
export interface StaffingSearchResult {
  readonly best: VariantResult | undefined;
  readonly tried: readonly VariantResult[];
}

/**
 * Searches the smallest staffing per desk field and per processing unit that meets the targets:
 * each round runs one candidate per resource that does not meet its own target (one more officer)
 * over the seeds, keeps them all as the trade-off, and moves every failing resource up by one;
 * resources start from `from` (default: 1 per desk field, the desk's rotation + 1 per unit).
 * Desk fields are judged by their own wait figures, units by the dossiers' on-time share.
 *
 * @example
 * ```ts
 * import { parseStaffingScenario, searchStaffing } from '@motcua/core/simulation';
 * declare const input: unknown;
 * const search = await searchStaffing(parseStaffingScenario(input), {
 *   seeds: 10, setupModule: './centre-setup.ts', workers: 2,
 *   targets: { visitorsWithinPercent: 90, waitMinutes: 15, onTimePercent: 95 },
 * });
 * console.log(search.best?.variant);
 * ```
 */
export async function searchStaffing(
  scenario: StaffingScenario,
  options: WhatIfOptions & {
    readonly targets?: StaffingTargets;
    readonly from?: Pick<StaffingVariant, 'desk' | 'units'>;
    /** The most officers tried per field or unit (default 40). */
    readonly maxOfficers?: number;
    /** The most rounds (default 30). */
    readonly maxRounds?: number;
  },
): Promise<StaffingSearchResult> {
  const targets =
    parseStaffingScenario({ ...scenario, targets: options.targets ?? scenario.targets }).targets ?? {};
  const base: StaffingScenario = { ...scenario, targets };
  const max = options.maxOfficers ?? 40;
  const desk: Record<string, number> = {};
  for (const [name, f] of Object.entries(scenario.desk.fields))
    desk[name] =
      options.from?.desk?.[name] ??
      (f.officers > 0 || (scenario.desk.visitors.fields[name] ?? 0) > 0 ? 1 : 0);
  const units: Record<string, number> = {};
  const tried: VariantResult[] = [];
  let best: VariantResult | undefined;
  for (let round = 0; round < (options.maxRounds ?? 30); round++) {
    const atDesk = officersAtDesk(scenario, (field) => desk[field] ?? 0);
    for (const [id] of Object.entries(scenario.capacity?.units ?? {})) {
      const lent = atDesk[id] ?? 0;
      units[id] = Math.max(units[id] ?? options.from?.units?.[id] ?? lent + 1, lent + 1);
    }
    const name = Object.entries({ ...desk, ...units })
      .map(([k, n]) => `${k}=${n}`)
      .join(' ');
    const [result] = await compareVariants(base, [{ name, desk: { ...desk }, units: { ...units } }], options);
    tried.push(result!);
    if (result!.meetsTargets) {
      best = result;
      break;
    }
    let moved = false;
    for (const [field, f] of Object.entries(result!.fields)) {
      const slow =
        (targets.visitorsWithinPercent !== undefined &&
          f.withinPercent.mean < targets.visitorsWithinPercent) ||
        (targets.servedAfterHoursPerDay !== undefined &&
          f.afterHoursPerDay.mean > targets.servedAfterHoursPerDay);
      if (slow && (desk[field] ?? 0) < max) {
        desk[field] = (desk[field] ?? 0) + 1;
        moved = true;
      }
    }
    if (targets.onTimePercent !== undefined && result!.figures.onTimePercent.mean < targets.onTimePercent) {
      // The unit whose steps wait longest for an officer gets one more.
      const waits = Object.keys(units).map((id) => ({ id, wait: result!.unitWaits[id]?.mean ?? 0 }));
      waits.sort((a, b) => b.wait - a.wait);
      const top = waits[0];
      if (top && (units[top.id] ?? 0) < max) {
        units[top.id] = (units[top.id] ?? 0) + 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { best, tried };
}
