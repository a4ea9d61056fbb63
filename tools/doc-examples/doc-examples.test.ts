import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeProblem, type ExportedSymbol, exportedSymbols, typecheckExamples } from './examples.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Two compiler programs over the workspace sources (no build needed): seconds on a quiet machine,
// so a generous guard against hangs on a loaded one.
const TIMEOUT = 180_000;

describe('the TSDoc of the published entries', () => {
  let symbols: ExportedSymbol[];
  let program: ReturnType<typeof exportedSymbols>['program'];
  beforeAll(() => {
    ({ symbols, program } = exportedSymbols(root));
  }, TIMEOUT);

  it('reads the exports of every entry of every published package', () => {
    const entries = new Set(symbols.map((s) => s.entry));
    for (const entry of [
      '@motcua/core',
      '@motcua/core/forms',
      '@motcua/procedures',
      '@motcua/notify-sms/text',
    ]) {
      expect(entries).toContain(entry);
    }
  });

  it('documents every exported name', () => {
    const undocumented = symbols
      .filter((s) => !s.documented)
      .map((s) => `${s.entry} ${s.name} (${s.location})`);
    expect(undocumented).toEqual([]);
  });

  it(
    'has @example blocks that typecheck as modules importing the published package names',
    () => {
      const { checked, problems } = typecheckExamples(root, symbols, program);
      expect(checked).toBeGreaterThan(100);
      // Each line names the symbol, the file and line of the problem, and the compiler's message.
      expect(problems.map(describeProblem)).toEqual([]);
    },
    TIMEOUT,
  );
});
