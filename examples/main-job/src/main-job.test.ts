/**
 * The main job as `./pnpmw demo` runs it (a child process on the built packages, a SQLite store
 * in a scratch folder), over a few days: it ends well and writes its documents and report.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(here, '..', '..', 'node_modules', '.bin', 'tsx');
const out = mkdtempSync(join(tmpdir(), 'motcua-main-job-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the main job', () => {
  it('runs a few days end to end and writes the forms, slips and report', async () => {
    const { stdout } = await run(
      TSX,
      ['src/main.ts', '--days', '4', '--per-day', '40', '--seed', '7', '--out', out, '--portal-sync', 'on'],
      { cwd: here, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toMatch(/commands in/);
    // Synced to the portal simulator through its faults: none lost, none duplicated.
    expect(stdout).toMatch(
      /Portal sync {7}(\d+) of \1 received dossiers on the portal \(indicator 1\.4: 1\); .* 0 duplicates, 0 dead letters/,
    );
    // Biểu 06 of the month on the 15th → 14th cut-off holding the first day (17/08: 15/08 – 14/09).
    const form06 =
      /Biểu 06 {11}Tháng 9 năm 2026 \(2026-08-15 – 2026-09-14\): tiếp nhận (\d+) .*đã giải quyết (\d+) .*đang giải quyết (\d+)/.exec(
        stdout,
      );
    expect(form06).not.toBeNull();
    expect(Number(form06?.[1])).toBeGreaterThan(0);
    expect(existsSync(join(out, 'documents', 'bieu-06.html'))).toBe(true);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(readdirSync(join(out, 'documents')).some((f) => f.endsWith('-mau-01.html'))).toBe(true);
  }, 180_000);
});
