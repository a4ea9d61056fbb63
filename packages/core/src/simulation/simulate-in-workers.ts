import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { MotcuaError } from '../errors/motcua-error.js';
import { mergeReports, mergeUnitReports } from '../report/merge-reports.js';
import type { ReportRow, UnitReportRow } from '../report/report-types.js';
import { mergeDays } from './merge-days.js';
import { mergeFacts, ratingCriteriaOf } from './national-facts.js';
import type { SimulationDay, SimulationFactsSummary } from './simulation-options.js';
import type { SimulationDataOptions, WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** Options of {@link simulateInWorkers}: `simulate`'s plain-data options, the setup module, the workers. */
export interface WorkerSimulationOptions extends SimulationDataOptions {
  /**
   * The module exporting the setup function: a `file:` URL, an absolute path, or a path relative to
   * the working directory. Each worker imports it (a `.ts` module needs `tsx` installed).
   */
  readonly setupModule: string | URL;
  /** The name of the exported setup function (default `'setup'`). */
  readonly exportName?: string;
  /** Passed to the setup function in every worker; plain data (structured clone). */
  readonly setupArgument?: unknown;
  /**
   * Worker threads, each simulating a share of the arrivals (arrival `i` goes to worker
   * `i % workers`). The figures depend on the seed and on this number.
   */
  readonly workers: number;
  /** Called once every worker has finished a simulated day, with the day's merged figures. */
  readonly onDay?: (progress: SimulationDay) => void;
  /**
   * Young-generation size of each worker's heap in MB (default 192, about 64 MB semi-spaces). A
   * dossier's context is replaced on every command but lives until its next one, a whole round of
   * the open dossiers later: a large young generation lets more of them die there instead of being
   * copied and promoted (on a 20-day run: 43 scavenges instead of 93 at 32 MB, about 10–30 % less
   * CPU in all).
   */
  readonly youngGenerationMb?: number;
}

/** What one worker did. */
export interface WorkerShareResult {
  readonly received: number;
  readonly commands: number;
  /** Wall-clock time of the worker's simulation (not its start-up and setup), ms. */
  readonly elapsedMs: number;
  /**
   * CPU time of the worker thread while it simulated (not its setup, not the garbage collector's
   * helper threads), ms; `undefined` where the platform does not tell.
   */
  readonly cpuMs: number | undefined;
}

/** The result of {@link simulateInWorkers}: the figures of all shares merged. */
export interface WorkerSimulationResult {
  readonly workers: number;
  readonly received: number;
  readonly commands: number;
  readonly days: readonly SimulationDay[];
  /** Report over the arrival period and the drain, all groups together and by procedure. */
  readonly report: ReportRow[];
  readonly byProcedure: ReportRow[];
  readonly units: UnitReportRow[];
  /** The national facts generated, their counts added over the workers (with `facts` only). */
  readonly facts?: SimulationFactsSummary;
  /** Wall-clock time of the whole run, workers' start-up included. */
  readonly elapsedMs: number;
  readonly perWorker: readonly WorkerShareResult[];
}

/** Where the worker entry is: beside this module (sources, or the built `dist` in ESM or CJS). @internal */
function workerEntry(): { url: URL; typescript: boolean } {
  // CommonJS builds have `__filename`; ES modules have `import.meta.url`.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  const ext = /\.([cm]?[jt]s)$/.exec(new URL(here).pathname)?.[1] ?? 'js';
  const typescript = ext.endsWith('ts');
  // Sources: src/simulation/simulate-in-workers.ts; builds: dist/index.{js,cjs} or a chunk beside it.
  return { url: new URL(`./simulation-worker.${ext}`, here), typescript };
}

/**
 * Starts a thread on the worker entry ({@link workerEntry}) with `workerData`: from TypeScript
 * sources (tests, benchmarks) through tsx, else the built entry itself. @internal
 */
export function startWorker(workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const entry = workerEntry();
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  return entry.typescript
    ? new Worker(
        `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry.url.href)}); });`,
        { eval: true, ...options },
      )
    : new Worker(entry.url, options);
}

/** The setup module's URL. @internal */
export function setupHref(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (/^file:/.test(module)) return module;
  return pathToFileURL(isAbsolute(module) ? module : resolve(process.cwd(), module)).href;
}

/**
 * Runs a direct-mode simulation (`simulate` with `mode: 'direct'`) on several worker threads
 * (node:worker_threads) and merges what they report: a province-year on every core of the machine.
 * The arrivals are drawn from the seed exactly as `simulate` draws them; worker `k` receives
 * arrivals `k, k + workers, …` (dossier codes as in a single run) and draws its officers' and
 * applicants' behaviour from its own stream of the seed. Deterministic for (seed, workers);
 * `workers: 1` gives what `simulate` gives. Reports and unit reports are summed by group, rates
 * recomputed from the sums (rounded as the engine's reports round them); days are summed by date.
 *
 * Procedures, calendars and sample functions are code, which cannot be sent to a thread: name a
 * module exporting a setup function that makes them; each worker imports it and calls it once.
 *
 * @example
 * ```ts
 * // province-setup.ts: each worker imports it and calls setup once
 * import type { SimulationSetup } from '@motcua/core/simulation';
 * import { vietnamCalendar } from '@motcua/core/calendar';
 * import { CATALOGUE_CODES, catalogueSamples, catalogueVersions } from '@motcua/procedures';
 * export function setup({ agency }: { agency: string }): SimulationSetup {
 *   const calendar = vietnamCalendar();
 *   const code = CATALOGUE_CODES.permanentResidence;
 *   return { procedures: catalogueVersions(calendar), calendar, samples: { [code]: () => catalogueSamples[code]! } };
 * }
 * ```
 * ```ts
 * // main.ts
 * import { simulateInWorkers } from '@motcua/core/simulation';
 * const result = await simulateInWorkers({
 *   setupModule: new URL('./province-setup.js', import.meta.url),
 *   exportName: 'setup',
 *   setupArgument: { agency: 'H56' },
 *   workers: 2,
 *   start: '2026-01-01', days: 365, seed: 2026,
 *   arrivals: { perWorkingDay: 4000 },
 * });
 * console.log(result.received, result.report[0]?.timelyRate);
 * ```
 */
export async function simulateInWorkers(options: WorkerSimulationOptions): Promise<WorkerSimulationResult> {
  const started = performance.now();
  const {
    setupModule,
    exportName = 'setup',
    setupArgument,
    workers,
    onDay,
    youngGenerationMb = 192,
    ...rest
  } = options;
  if (!Number.isInteger(workers) || workers < 1)
    throw new MotcuaError('INVALID_OPTION', 'simulateInWorkers: workers must be a whole number ≥ 1', {
      field: 'workers',
      value: workers,
    });
  if (!(youngGenerationMb > 0))
    throw new MotcuaError(
      'INVALID_OPTION',
      'simulateInWorkers: youngGenerationMb must be a positive number',
      {
        field: 'youngGenerationMb',
        value: youngGenerationMb,
      },
    );
  if (typeof setupModule !== 'string' && !(setupModule instanceof URL))
    throw new MotcuaError('INVALID_OPTION', 'simulateInWorkers: setupModule must be a path or a URL', {
      field: 'setupModule',
    });
  const href = setupHref(setupModule);
  const pendingDays: SimulationDay[][] = [];
  const dayCounts: number[] = [];
  let nextDay = 0;
  const live: Worker[] = [];
  const runs = Array.from(
    { length: workers },
    (_, index) =>
      new Promise<Extract<WorkerResponse, { type: 'done' }>>((resolveRun, reject) => {
        const request: WorkerRequest = {
          setupModule: href,
          exportName,
          setupArgument,
          options: rest,
          share: { index, of: workers },
          progress: onDay !== undefined,
        };
        const worker = startWorker(request, { maxYoungGenerationSizeMb: youngGenerationMb });
        live.push(worker);
        let done = false;
        worker.on('message', (message: WorkerResponse) => {
          if (message.type === 'day') {
            // Day i of every worker, merged once the last of them has posted it.
            const i = dayCounts[index] ?? 0;
            dayCounts[index] = i + 1;
            const parts = pendingDays[i] ?? [];
            pendingDays[i] = parts;
            parts[index] = message.day;
            while (pendingDays[nextDay]?.filter(Boolean).length === workers) {
              onDay?.(mergeDays(pendingDays[nextDay]!));
              pendingDays[nextDay] = [];
              nextDay++;
            }
          } else if (message.type === 'done') {
            done = true;
            resolveRun(message);
            void worker.terminate();
          } else {
            done = true;
            const error = message.code
              ? new MotcuaError(message.code, message.message, message.field ? { field: message.field } : {})
              : new Error(message.message);
            if (message.stack)
              error.stack = `${error.name}: ${message.message} (in worker ${index})\n${message.stack}`;
            reject(error);
          }
        });
        worker.on('error', (e) => {
          done = true;
          reject(e);
        });
        worker.on('exit', (code) => {
          if (!done) reject(new Error(`simulateInWorkers: worker ${index} stopped (exit code ${code})`));
        });
      }),
  );
  let results: Extract<WorkerResponse, { type: 'done' }>[];
  try {
    results = await Promise.all(runs);
  } finally {
    await Promise.all(live.map((w) => w.terminate()));
  }
  const dayCount = results[0]!.days.length;
  if (results.some((r) => r.days.length !== dayCount))
    throw new Error('simulateInWorkers: the workers simulated different days');
  return {
    workers,
    received: results.reduce((n, r) => n + r.received, 0),
    commands: results.reduce((n, r) => n + r.commands, 0),
    days: results[0]!.days.map((_, i) => mergeDays(results.map((r) => r.days[i]!))),
    report: mergeReports(results.map((r) => r.report)),
    byProcedure: mergeReports(results.map((r) => r.byProcedure)),
    units: mergeUnitReports(results.map((r) => r.units)),
    ...(rest.facts
      ? {
          facts: mergeFacts(
            results.flatMap((r) => (r.facts ? [r.facts] : [])),
            ratingCriteriaOf(rest.facts),
          ),
        }
      : {}),
    elapsedMs: performance.now() - started,
    perWorker: results.map((r) => ({
      received: r.received,
      commands: r.commands,
      elapsedMs: r.elapsedMs,
      cpuMs: r.cpuMs,
    })),
  };
}
