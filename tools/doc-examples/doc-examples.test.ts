import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeProblem, exportedSymbols, typecheckExamples } from './examples.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the @example blocks of the published entries', () => {
  // One program for the entries' exports, reused for the examples: a few seconds, no build needed.
  const { symbols, program } = exportedSymbols(root);

  it('finds the exported functions and classes of every entry', () => {
    const entries = new Set(symbols.map((c) => c.entry));
    for (const entry of ['@motcua/core', '@motcua/core/forms', '@motcua/procedures', '@motcua/notify-sms/text']) {
      expect(entries).toContain(entry);
    }
  });

  it('typecheck as modules importing the published package names', () => {
    const { checked, problems } = typecheckExamples(root, symbols, program);
    expect(checked).toBeGreaterThan(0);
    // Each line names the symbol, the file and line of the problem, and the compiler's message.
    expect(problems.map(describeProblem)).toEqual([]);
  });
});
