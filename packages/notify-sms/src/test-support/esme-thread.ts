/**
 * Runs an SMPP provider (the ESME) in a worker thread of its own (test helper): a test's SMSC on
 * the main thread then answers and resets while the ESME is busy, as a remote SMSC would. The
 * worker loads the TypeScript sources through tsx.
 */
import { Worker } from 'node:worker_threads';
import type { OutgoingSms } from '../providers/provider.js';
import type { SmppProviderStats } from '../smpp/smpp-provider.js';

/** What the ESME thread does. */
export interface EsmeInput {
  readonly port: number;
  readonly window: number;
  readonly messages: readonly OutgoingSms[];
  /** How long the thread stays busy right after answering the first receipt (0: not). */
  readonly busyAfterFirstReceiptMs: number;
  /** Receipts to wait for after the sends before reporting. */
  readonly receipts: number;
}

/** What the ESME thread saw. */
export interface EsmeReport {
  /** Per message: the part ids the SMSC acknowledged, or the error. */
  readonly results: readonly (
    | { readonly ok: true; readonly ids: readonly string[] }
    | { readonly ok: false; readonly error: string }
  )[];
  /** The message ids of the receipts received, in order. */
  readonly receipts: readonly string[];
  readonly stats: SmppProviderStats;
  readonly logs: readonly string[];
}

const workerFile = new URL('./esme-worker.ts', import.meta.url).href;

/** Starts the ESME thread and resolves with its report. */
export function runEsmeThread(input: EsmeInput): Promise<EsmeReport> {
  const worker = new Worker(
    `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(workerFile)});`,
    { eval: true, workerData: input },
  );
  return new Promise((resolve, reject) => {
    let report: EsmeReport | undefined;
    worker.once('message', (message: EsmeReport) => {
      report = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (report) resolve(report);
      else reject(new Error(`the ESME thread exited with ${code} before reporting`));
    });
  });
}
