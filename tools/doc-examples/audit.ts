import { fileURLToPath } from 'node:url';
import { describeProblem, exportedSymbols, typecheckExamples } from './examples.js';

/**
 * Lists, per published entry, how many exported functions and classes have an `@example`
 * (`--list`: each of them), then typechecks the examples of every exported name (`--check`).
 * Run with `./pnpmw exec tsx tools/doc-examples/audit.ts --list --check`.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const { symbols, program } = exportedSymbols(root);
const byEntry = new Map<string, typeof symbols>();
for (const s of symbols) {
  if (s.kind !== 'other') byEntry.set(s.entry, [...(byEntry.get(s.entry) ?? []), s]);
}
const verbose = process.argv.includes('--list');
for (const [entry, list] of byEntry) {
  const withExample = list.filter((s) => s.examples.length > 0).length;
  console.log(`${entry}: ${withExample}/${list.length} functions and classes with @example`);
  if (verbose) {
    for (const s of list) {
      console.log(`  ${s.examples.length > 0 ? '✓' : '·'} ${s.kind} ${s.name}  ${s.location}`);
    }
  }
}
const undocumented = [...new Map(symbols.filter((s) => !s.documented).map((s) => [s.location, s])).values()];
console.log(`${undocumented.length} exported names without TSDoc`);
if (verbose) for (const s of undocumented) console.log(`  ${s.name}  ${s.location}`);
if (process.argv.includes('--check')) {
  const { checked, problems } = typecheckExamples(root, symbols, program);
  for (const p of problems) console.log(describeProblem(p));
  console.log(`${checked} example blocks, ${problems.length} problems`);
}
