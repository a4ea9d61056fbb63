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
import {
  DECREE_61_RATING_CRITERIA,
  F766_OPERATIONAL,
  indicatorName,
  localName,
  PORTAL_DOSSIER_STATUSES,
} from '@motcua/core';
import { afterAll, describe, expect, it } from 'vitest';
import { EN } from './labels-en.js';
import { VI } from './labels-vi.js';

const run = promisify(execFile);
const here = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(here, '..', '..', 'node_modules', '.bin', 'tsx');
const out = mkdtempSync(join(tmpdir(), 'motcua-main-job-'));
const outEn = mkdtempSync(join(tmpdir(), 'motcua-main-job-en-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(outEn, { recursive: true, force: true });
});

/** Every fixed text (no sentence built from figures) of a labels section. */
function fixedTexts(section: object): string[] {
  return Object.values(section).flatMap((v) =>
    typeof v === 'string' ? [v] : typeof v === 'object' && v !== null ? fixedTexts(v) : [],
  );
}
/** The headings and header cells of an HTML page, as text. */
const headings = (html: string) =>
  [...html.matchAll(/<(h1|h2|h3|th)>([^<]*)<\/\1>/g)].map((m) =>
    m[2]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'"),
  );
/** The texts of the report that differ between the languages (codes and names do not). */
const reportTexts = (t: typeof VI) => [
  ...fixedTexts(t.html),
  ...fixedTexts(t.form06.rows),
  ...fixedTexts(t.index),
  ...fixedTexts(t.channel),
];
const englishOnly = reportTexts(EN).filter((x) => !reportTexts(VI).includes(x));
const vietnameseOnly = reportTexts(VI).filter((x) => !reportTexts(EN).includes(x));

describe('the main job', () => {
  it('runs a few days end to end and writes the forms, slips and report', async () => {
    const { stdout } = await run(
      TSX,
      ['src/main.ts', '--days', '4', '--per-day', '40', '--seed', '7', '--out', out, '--portal-sync', 'on'],
      { cwd: here, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toMatch(/\d+ lệnh trong [\d,]+ giây/);
    // Synced to the portal simulator through its faults: none lost, none duplicated.
    expect(stdout).toMatch(
      /Đồng bộ DVCQG {5}(\d+)\/\1 hồ sơ đã tiếp nhận có trên Cổng \(chỉ số 1\.4: 100,0 %\); .* 0 bản trùng, 0 lượt gửi hỏng hẳn/,
    );
    // Biểu 06 of the month on the 15th → 14th cut-off holding the first day (17/08: 15/08 – 14/09).
    const form06 =
      /Biểu 06 {11}Tháng 9 năm 2026 \(15\/08\/2026 – 14\/09\/2026\): tiếp nhận (\d+) .*đã giải quyết (\d+) .*đang giải quyết (\d+)/.exec(
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
    // Vietnamese by default: no English heading, header cell or console label left.
    expect(report).toContain('<html lang="vi">');
    const shown = headings(report);
    expect(shown.filter((h) => englishOnly.includes(h))).toEqual([]);
    for (const h of [VI.html.title, VI.html.report, VI.html.byProcedure, VI.html.liaison, VI.html.documents])
      expect(shown).toContain(h);
    for (const label of [EN.console.showcase, EN.console.ratings, EN.console.lateEntries, 'commands in'])
      expect(stdout).not.toContain(label);
    expect(stdout).toMatch(/^ {4}trước hạn +\d+ +[\d,]+ %$/m);
    // Each national fact of issue #15, on the console and in the report: every dossier's portal
    // status, one dossier through every fact (digitised papers, a result document, a postal
    // return, a rating), online filings paying on the portal, a cross-boundary dossier, the
    // province's imported process, ratings at return, late entries per unit.
    for (const label of [
      VI.console.nationalStatus,
      VI.console.showcase,
      VI.console.online,
      VI.console.crossBoundary,
      VI.console.provinceProcess,
      VI.console.feeRevenue,
      VI.console.ratings,
      VI.console.lateEntries,
    ])
      expect(stdout).toMatch(new RegExp(`^${label} +\\S`, 'm'));
    expect(stdout).toMatch(/thành phần hồ sơ, \d+ văn bản kết quả, trả kết quả qua bưu chính/);
    expect(stdout).toMatch(/đã nộp [\d.]+ đ trên Cổng DVCQG/);
    expect(stdout).toMatch(/tiếp nhận tại .+ cho .+; bản gốc /);
    expect(stdout).toMatch(/chuyển sang giai đoạn 2 bị từ chối cho đến khi nộp lệ phí/);
    // Fee revenue of the sample dossiers that paid: collected = fees + charges, none refunded.
    const fees =
      /^Thu phí, lệ phí +(\d+) lần nộp, thu ([\d.]+) đ \(phí ([\d.]+) đ, lệ phí ([\d.]+) đ; trực tuyến ([\d.]+) đ\), hoàn trả 0 đ$/m.exec(
        stdout,
      );
    expect(fees).not.toBeNull();
    const vnd = (s: string | undefined) => Number((s ?? '').replaceAll('.', ''));
    expect(Number(fees?.[1])).toBeGreaterThan(0);
    expect(vnd(fees?.[2])).toBe(vnd(fees?.[3]) + vnd(fees?.[4]));
    expect(vnd(fees?.[5])).toBeGreaterThan(0);
    for (const h of [
      VI.html.nationalStatus,
      VI.html.showcase,
      VI.html.online,
      VI.html.crossBoundary,
      VI.html.provinceProcess,
      VI.html.feeRevenue,
      VI.html.ratings,
      VI.html.lateEntries,
    ])
      expect(shown).toContain(h);
    // The liaison parts under their agency's name (not its transport id).
    expect(stdout).toMatch(/^ {4}Công an xã\n {6}khai sinh \(3 trong 1\): Đăng ký thường trú +\d+ phần /m);
    expect(stdout).not.toMatch(/ cong-an-xa /);
  }, 180_000);

  it('prints the console and the report in English with --lang en', async () => {
    const { stdout } = await run(
      TSX,
      [
        'src/main.ts',
        '--days',
        '2',
        '--per-day',
        '20',
        '--seed',
        '7',
        '--out',
        outEn,
        '--portal-sync',
        'off',
        '--lang',
        'en',
      ],
      { cwd: here, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toMatch(/\d+ commands in [\d.]+ s/);
    expect(stdout).toMatch(
      /^Index 766 {9}2026-08-01 – 2026-08-31, index version f766-2025, national portal rule: group 1/m,
    );
    expect(stdout).toMatch(/^ {4}early +\d+ +[\d.]+%$/m);
    const report = readFileSync(join(outEn, 'report.html'), 'utf8');
    expect(report).toContain('<html lang="en">');
    const shown = headings(report);
    expect(shown.filter((h) => vietnameseOnly.includes(h))).toEqual([]);
    for (const h of [EN.html.title, EN.html.report, EN.html.byProcedure, EN.html.documents])
      expect(shown).toContain(h);
    // Core's national names in English: indicators, groups, portal statuses, rating criteria; no
    // Vietnamese one left on the console or in the report.
    const timely = F766_OPERATIONAL.indicators.find((i) => i.id === '2.1')!;
    expect(stdout).toMatch(new RegExp(`^ {2}2\\.1 {2}${indicatorName(timely, 'en')}: `, 'm'));
    expect(report).toContain(`<td>2.1</td><td>${indicatorName(timely, 'en')}</td>`);
    expect(report).toContain(`<td>5. ${localName(F766_OPERATIONAL.groups[4]!, 'en')}</td>`);
    expect(report).toContain('<td>Overall rating of the service</td>');
    expect(stdout).toMatch(/^National status {3}.*\d+ Result returned: \d+/m);
    expect(stdout).toMatch(/^Online filing {5}\S+: 1 Newly registered → 2 Received/m);
    const vietnameseNames = [
      ...F766_OPERATIONAL.indicators.map((i) => i.name),
      ...F766_OPERATIONAL.groups.map((g) => g.name),
      ...PORTAL_DOSSIER_STATUSES.statuses.map((x) => x.name),
      ...DECREE_61_RATING_CRITERIA.criteria.map((x) => x.name),
    ];
    for (const name of vietnameseNames) {
      expect(stdout).not.toContain(name);
      expect(report).not.toContain(`>${name}<`);
    }
  }, 180_000);

  it('refuses an unknown --lang, naming it', async () => {
    const failed = await run(TSX, ['src/main.ts', '--lang', 'fr', '--out', outEn], { cwd: here }).then(
      () => '',
      (e: { stderr: string }) => e.stderr,
    );
    expect(failed).toContain('--lang: expected vi or en');
  }, 60_000);
});
