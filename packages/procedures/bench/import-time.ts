/**
 * Import time of the built `@motcua/procedures` (run `pnpm build` first): the median of fresh Node
 * processes, each timing one dynamic import with `performance.now()`. Printed beside the baseline
 * of `@motcua/core` alone (which the catalogue imports), and the catalogue's own share (core
 * imported first). Importing the catalogue compiles no procedure; the first `createCatalogue()`
 * does, and is timed too.
 *
 *   pnpm --filter @motcua/procedures bench            # 10 processes
 *   pnpm --filter @motcua/procedures bench -- 20      # 20 processes
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const procedures = pathToFileURL(join(here, '../dist/index.js')).href;
const core = pathToFileURL(join(here, '../../core/dist/index.js')).href;
const runs = Number(process.argv[2] ?? 10);

/** Milliseconds printed by one fresh `node -e` process. */
function fresh(script: string): number {
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

function median(script: string): { median: number; min: number; max: number } {
  const times = Array.from({ length: runs }, () => fresh(script)).sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { median, min: times[0]!, max: times[times.length - 1]! };
}

const timed = (before: string, body: string) =>
  `${before}const t = performance.now(); ${body}; process.stdout.write(String(performance.now() - t));`;

const cases: [string, string][] = [
  ['import @motcua/core (baseline)', timed('', `await import('${core}')`)],
  ['import @motcua/procedures', timed('', `await import('${procedures}')`)],
  [
    '  its own share (core imported first)',
    timed(`await import('${core}');`, `await import('${procedures}')`),
  ],
  [
    '  first createCatalogue() after import (23 versions)',
    timed(`const p = await import('${procedures}');`, 'p.createCatalogue()'),
  ],
];
console.log(`import time, median of ${runs} fresh processes`);
for (const [name, script] of cases) {
  const r = median(script);
  console.log(
    `${name.padEnd(52)} ${r.median.toFixed(1).padStart(7)} ms  (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`,
  );
}
