/**
 * The main job as `./pnpmw demo` runs it (a child process on the built packages, a SQLite store
 * in a scratch folder), over a few days: it ends well and writes its documents and report.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    // The Decision 766 scorecard of the month holding the first day (01/08 – 31/08: the run has ended by then),
    // on the console and in the report, with the same figures.
    const head =
      /Chỉ số 766 {8}01\/08\/2026 – 31\/08\/2026, bộ chỉ số f766-2025, quy tắc Cổng DVCQG: (.*)/.exec(stdout);
    expect(head).not.toBeNull();
    const groups = [...(head?.[1] ?? '').matchAll(/nhóm (\d) ([\d,]+)\/(\d+)/g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(groups.map((g) => `${g[0]}:${g[2]}`)).toEqual(['1:18', '2:20', '3:22', '4:22', '5:18']);
    const timely = /^ {2}2\.1 {2}.*: ([\d,]+) % \((\d+)\/(\d+)\); điểm N\/A/m.exec(stdout);
    expect(timely).not.toBeNull();
    expect(Number(timely?.[3])).toBeGreaterThan(0);
    // 1.4 from the store: the portal sync recorded each first acknowledgement there (every dossier
    // received in the month is on the portal simulator by the end of the run).
    const synced14 = /^ {2}1\.4 {2}.*: ([\d,]+) % \(([\d.]+)\/([\d.]+)\); điểm N\/A/m.exec(stdout);
    expect(synced14?.[1]).toBe('100');
    expect(synced14?.[2]).toBe(synced14?.[3]);
    expect(Number(synced14?.[3]?.replace('.', ''))).toBeGreaterThan(0);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('<h2>Chỉ số 766 (Quyết định 766/QĐ-TTg) – 01/08/2026 – 31/08/2026</h2>');
    expect(report).toContain(
      `<tr data-indicator="2.1"><td>2.1</td><td>Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn</td><td class="n">${timely?.[1]} % (${timely?.[2]}/${timely?.[3]})</td>`,
    );
    for (const [group, points, max] of groups)
      expect(report).toMatch(
        new RegExp(`<tr data-group="${group}"><td>[^<]+</td><td class="n">${points} / ${max}</td>`),
      );
    expect(readdirSync(join(out, 'documents')).some((f) => f.endsWith('-mau-01.html'))).toBe(true);
  }, 180_000);
});
