import { fileURLToPath } from 'node:url';
import { describeProblem, exportedCallables, typecheckExamples } from './examples.js';

/**
 * Lists every exported function and class of each published entry and whether it has an
 * `@example` (`--list`: each name), then typechecks the examples (`--check`).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const { callables, program } = exportedCallables(root);
const byEntry = new Map<string, typeof callables>();
for (const c of callables) byEntry.set(c.entry, [...(byEntry.get(c.entry) ?? []), c]);
const verbose = process.argv.includes('--list');
for (const [entry, list] of byEntry) {
  const withExample = list.filter((c) => c.examples.length > 0).length;
  console.log(`${entry}: ${withExample}/${list.length} with @example`);
  if (verbose) {
    for (const c of list) console.log(`  ${c.examples.length > 0 ? '✓' : '·'} ${c.kind} ${c.name}  ${c.location}`);
  }
}
if (process.argv.includes('--check')) {
  const { checked, problems } = typecheckExamples(root, callables, program);
  for (const p of problems) console.log(describeProblem(p));
  console.log(`${checked} example blocks, ${problems.length} problems`);
}
