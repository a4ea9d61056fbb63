/** Runs the fault worker in a separate Node process and kills it with SIGKILL (test helper). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const worker = fileURLToPath(new URL('./fault-worker.ts', import.meta.url));

/** What became of a killed worker. */
export interface KilledWorker {
  /** Transitions it reported before it was killed. */
  readonly progress: number;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * Starts a worker on `store`/`target`, waits until it has reported `atLeast` transitions and then a
 * random 0–`jitterMs` more, and kills it with SIGKILL while it is running.
 */
export async function runAndKill(options: {
  store: 'postgres' | 'sqlite';
  target: string;
  start: string;
  atLeast: number;
  jitterMs?: number;
  timeoutMs?: number;
}): Promise<KilledWorker> {
  // Node itself with tsx's loader (not the tsx CLI, which would run the worker in a grandchild that
  // SIGKILL would not reach); the root tsconfig maps @motcua/core to its sources.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', worker], {
    cwd: root,
    env: {
      ...process.env,
      MOTCUA_FAULT_STORE: options.store,
      MOTCUA_FAULT_TARGET: options.target,
      MOTCUA_FAULT_START: options.start,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let progress = 0;
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker reached ${progress} transitions only; stderr: ${stderr}`)),
      options.timeoutMs ?? 60_000,
    );
    child.stdout!.on('data', (d: Buffer) => {
      const text = d.toString();
      const pid = /pid (\d+)/.exec(text);
      if (pid && Number(pid[1]) !== child.pid)
        reject(new Error(`the worker runs as pid ${pid[1]}, not ${child.pid}`));
      for (const m of text.matchAll(/progress (\d+)/g)) progress = Number(m[1]);
      if (progress >= options.atLeast) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`worker exited by itself after ${progress} transitions; stderr: ${stderr}`));
    });
  });
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * (options.jitterMs ?? 200))));
  if (child.exitCode !== null) throw new Error(`worker exited by itself; stderr: ${stderr}`);
  child.kill('SIGKILL');
  const signal = await exited;
  return { progress, signal, stderr };
}
