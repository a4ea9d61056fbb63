import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const cwd = process.cwd();
let dir: string | undefined;
afterEach(() => {
  process.chdir(cwd);
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the getting-started guide', () => {
  it('shows first-engine.ts as it is, so the guide cannot drift from code that runs', () => {
    const guide = readFileSync(here('../../../docs/guides/getting-started.md'), 'utf8');
    const block = /<!-- first-engine\.ts -->\n```ts\n([\s\S]*?)```/.exec(guide);
    expect(block, 'a ```ts block after <!-- first-engine.ts --> in the guide').not.toBeNull();
    expect(block![1]).toBe(readFileSync(here('./first-engine.ts'), 'utf8'));
  });

  it('runs: receives, hands over, looks up, fires the overdue timer and reports', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-getting-started-'));
    process.chdir(dir); // the script writes motcua.db where it runs
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    await import('./first-engine.js');
    // The output the guide shows, line for line.
    const guide = readFileSync(here('../../../docs/guides/getting-started.md'), 'utf8');
    const shown = /<!-- first-engine output -->\n```\n([\s\S]*?)```/.exec(guide);
    expect(shown, 'a ``` block after <!-- first-engine output --> in the guide').not.toBeNull();
    expect(lines).toEqual(shown![1]!.trimEnd().split('\n'));
    expect(lines[2]).toMatch(/overdue since 2026-03-11T10:00:00\.000Z, held by desk$/);
  });
});
