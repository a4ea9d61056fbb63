/**
 * The worker side of `simulateInWorkers`: imports the caller's setup module, runs one share of the
 * arrivals in direct mode and posts the figures back. Loaded by path, in a worker thread only.
 * @internal
 */
import { readFileSync } from 'node:fs';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { MotcuaError } from '../errors/motcua-error.js';
import { runSimulation } from './simulate.js';
import type { SimulationOptions, SimulationShare } from './simulation-options.js';
import { type DossierRunCache, dossierRunCounts, runScenarioOnce } from './what-if.js';
import type { WhatIfWorkerMessage } from './what-if-runner.js';
import type { SimulationSetup, WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** Imports a module by URL; a TypeScript file is loaded through tsx when Node cannot load it alone. */
async function importModule(href: string): Promise<Record<string, unknown>> {
  try {
    return (await import(href)) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(href)) throw e;
    let api: { register: () => unknown };
    try {
      const tsx = 'tsx/esm/api'; // not a literal: bundlers leave it to the runtime
      api = (await import(tsx)) as typeof api;
    } catch {
      throw new MotcuaError(
        'INVALID_OPTION',
        `simulateInWorkers: ${href} is TypeScript; install tsx or give the compiled JavaScript`,
        { field: 'setupModule' },
      );
    }
    api.register();
    return (await import(href)) as Record<string, unknown>;
  }
}

/**
 * CPU time of this thread in ms (`process.cpuUsage` counts every thread of the process): Node's
 * `threadCpuUsage` where it exists, else Linux's `/proc/thread-self/stat`, else `undefined`.
 */
function threadCpuMs(): number | undefined {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  if (usage) return (usage.user + usage.system) / 1000;
  try {
    // Fields after the command name: state is field 3, utime and stime are fields 14 and 15 (clock ticks).
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function run(request: WorkerRequest, post: (message: WorkerResponse) => void): Promise<void> {
  const module = await importModule(request.setupModule);
  const setup = module[request.exportName];
  if (typeof setup !== 'function') {
    throw new MotcuaError(
      'INVALID_OPTION',
      `simulateInWorkers: ${request.setupModule} exports no function ${request.exportName}`,
      { field: 'exportName' },
    );
  }
  const made = (await setup(request.setupArgument)) as SimulationSetup;
  const options: SimulationOptions = {
    ...request.options,
    procedures: made.procedures,
    calendar: made.calendar,
    samples: made.samples,
    mode: 'direct',
    ...(request.progress ? { onDay: (day) => post({ type: 'day', day }) } : {}),
  };
  const share: SimulationShare = request.share;
  const cpuStart = threadCpuMs();
  const result = await runSimulation(options, share);
  const cpuEnd = threadCpuMs();
  post({
    type: 'done',
    received: result.received,
    commands: result.commands,
    days: result.days,
    report: result.report,
    byProcedure: result.byProcedure,
    units: result.units,
    ...(result.facts ? { facts: result.facts } : {}),
    elapsedMs: result.elapsedMs,
    cpuMs: cpuStart === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpuStart,
  });
}

/** A what-if worker: sets up once, then runs whole (scenario, seed) tasks as they come. */
async function whatIf(
  request: { setupModule: string; exportName: string; setupArgument: unknown },
  port: MessagePort,
): Promise<void> {
  const post = (m: WhatIfWorkerMessage) => port.postMessage(m);
  try {
    const module = await importModule(request.setupModule);
    const setup = module[request.exportName];
    if (typeof setup !== 'function')
      throw new MotcuaError(
        'INVALID_OPTION',
        `what-if: the setup module exports no function ${request.exportName}`,
        {
          field: 'exportName',
        },
      );
    const made = (await setup(request.setupArgument)) as SimulationSetup;
    // Tasks arrive in groups sharing their dossiers' run; they run one after another (a chain).
    const cache: DossierRunCache = new Map();
    let chain: Promise<unknown> = Promise.resolve();
    port.on('message', (m: WhatIfWorkerMessage) => {
      if (m.type !== 'task') return;
      chain = chain
        .then(async () => {
          const { ran, reused } = dossierRunCounts;
          const run = await runScenarioOnce(m.scenario, made, m.seed, cache);
          return { run, runs: { ran: dossierRunCounts.ran - ran, reused: dossierRunCounts.reused - reused } };
        })
        .then(
          ({ run, runs }) => post({ type: 'result', id: m.id, run, runs }),
          (e: unknown) => post(failure(e)),
        );
    });
    post({ type: 'ready' });
  } catch (e) {
    post(failure(e));
  }
}

function failure(e: unknown): WhatIfWorkerMessage {
  const error = e as { message?: string; code?: unknown; field?: unknown };
  return {
    type: 'failed',
    message: String(error?.message ?? e),
    code: typeof error?.code === 'string' ? error.code : undefined,
    field: typeof error?.field === 'string' ? error.field : undefined,
  };
}

if (parentPort && (workerData as { kind?: string } | undefined)?.kind === 'what-if') {
  void whatIf(workerData as { setupModule: string; exportName: string; setupArgument: unknown }, parentPort);
} else if (parentPort) {
  const port = parentPort;
  const post = (message: WorkerResponse) => port.postMessage(message);
  run(workerData as WorkerRequest, post).catch((e: unknown) => {
    const error = e as { name?: string; message?: string; code?: unknown; field?: unknown; stack?: string };
    post({
      type: 'failed',
      name: String(error?.name ?? 'Error'),
      message: String(error?.message ?? e),
      code: typeof error?.code === 'string' ? error.code : undefined,
      field: typeof error?.field === 'string' ? error.field : undefined,
      stack: typeof error?.stack === 'string' ? error.stack : undefined,
    });
  });
}
