/**
 * No tracked file holds a merge's conflict markers (one was committed inside a TSDoc comment once,
 * where neither the compiler nor the linter saw it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = /\.(ts|tsx|js|cjs|mjs|json|md|sql|csv|yaml|yml|html|css)$/;

describe('the repository', () => {
  it('has no merge conflict markers in its tracked text files', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => TEXT.test(f) && !f.endsWith('pnpm-lock.yaml'));
    expect(files.length).toBeGreaterThan(100);
    const marked = files.filter((f) => {
      let text: string;
      try {
        text = readFileSync(`${root}/${f}`, 'utf8');
      } catch {
        return false; // listed but not in the work tree
      }
      return /^(<{7} |>{7} |={7}$)/m.test(text);
    });
    expect(marked).toEqual([]);
  });
});
