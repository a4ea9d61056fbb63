/**
 * Import time of the built entries: each measured in fresh Node processes (`await import()` timed
 * inside the process, so Node's own start-up is left out), median of several runs, beside the
 * time to import zod alone (a dependency every entry but the calendar loads anyway).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const dist = new URL('../dist/', import.meta.url);

function importMs(specifier: string, runs: number): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    times.push(Number(out.trim()));
  }
  return median(times);
}

/** Median import times in ms of the main entry, the subpath entries and zod alone. */
export function runImportTimeBench(runs = 9): Record<string, number> {
  return {
    'zod (baseline)': importMs('zod', runs),
    '@motcua/core': importMs(new URL('index.js', dist).href, runs),
    '@motcua/core/calendar': importMs(new URL('calendar.js', dist).href, runs),
    '@motcua/core/forms': importMs(new URL('forms.js', dist).href, runs),
    '@motcua/core/simulation': importMs(new URL('simulation.js', dist).href, runs),
  };
}
