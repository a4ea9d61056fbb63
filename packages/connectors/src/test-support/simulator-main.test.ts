/**
 * The standalone portal simulator as a real process on loopback: its fault flags play the same
 * seeded faults as the in-process simulator with the same mix, it prints what it played when
 * stopped, and a bad flag exits non-zero naming the flag, before anything listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type DvcqgSimulator, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { seededFaultSource } from './seeded-fault-mix.js';
import { parseSimulatorFlags } from './simulator-flags.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const main = fileURLToPath(new URL('./simulator-main.ts', import.meta.url));
const children: ChildProcess[] = [];
const sims: DvcqgSimulator[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const s of sims.splice(0)) await s.close();
});

/** Starts simulator-main.ts with `args`; resolves with its URL once it prints it. */
function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      // Its three lines printed: the URL, the envelope's paths, the faults.
      const m = /at (http:\/\/127\.0\.0\.1:\d+)[\s\S]*faults: .*\n/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`exited: ${stderr}`)));
  });
  url.catch(() => {}); // awaited only by a run expected to start
  return { child, url, exited, out: () => stdout, err: () => stderr };
}

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  return res?.status ?? 0; // 0: the connection was dropped
};

/** Logs in, then creates `n` records one after the other: each call's HTTP status. */
async function createRecords(url: string, unit: string, n: number): Promise<number[]> {
  const auth = await fetch(`${url}/auth`, {
    method: 'POST',
    body: JSON.stringify({ username: 'motcua', password: 'mat-khau-thu' }),
  });
  const { session } = (await auth.json()) as { session: string };
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = {
      MaHoSo: `${unit}-260302-${String(i + 1).padStart(4, '0')}`,
      MaTTHC: '1.004194',
      TenTTHC: 'Đăng ký thường trú',
      KenhThucHien: '2',
      ChuHoSo: 'Người nộp thử',
      LoaiDoiTuong: '1',
      TrichYeuHoSo: 'Đăng ký thường trú',
      NgayNopHoSo: '20260302093000',
      TrangThaiHoSo: '1',
      DonViXuLy: 'UBND phường thử',
    };
    statuses.push(
      await post(`${url}/integration`, {
        session,
        madonvi: unit,
        service: 'DongBoHoSoMC',
        isUpdating: 'False',
        data: [record],
      }),
    );
  }
  return statuses;
}

describe('simulator-main (a real process on loopback)', { tags: ['slow'], timeout: 120_000 }, () => {
  it('plays the seeded faults its flags ask for, the same as in process, and sums them up when stopped', async () => {
    const args = [
      '--port',
      '0',
      '--faults',
      '0.5',
      '--seed',
      '7',
      '--fault-kinds',
      'http500*2,http400',
      '--bad-field',
      'NgayHenTra',
    ];
    const proc = run(args);
    const url = await proc.url;
    expect(proc.out()).toContain('faults: 50 % of calls fail (seed 7): http500*2, http400');
    const statuses = await createRecords(url, '000.00.14.H56', 30);
    // The same flags in process: the same statuses call by call.
    const flags = parseSimulatorFlags(args);
    const local = await startDvcqgSimulator({ faultSource: seededFaultSource(flags.mix!) });
    sims.push(local);
    expect(await createRecords(local.url, '000.00.14.H56', 30)).toEqual(statuses);
    const played = (s: number) => statuses.filter((x) => x === s).length;
    expect(played(500) + played(400)).toBeGreaterThan(0);
    expect(played(200)).toBeGreaterThan(0);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.out()).toContain(
      `${played(200)} records, 0 duplicate creates, 0 history resends; 30 calls, faults: `,
    );
    for (const [kind, status] of [
      ['http500', 500],
      ['http400', 400],
    ] as const)
      if (played(status) > 0) expect(proc.out()).toContain(`${kind} ${played(status)}`);
  });

  it('exits with status 2 naming a bad flag, and never listens', async () => {
    const cases: [string[], string][] = [
      [['--faults', '1.5'], '--faults: a rate from 0 to 1'],
      [['--faults', '0.1', '--fault-kinds', 'held'], '--fault-kinds: kinds among'],
      [['--fualts', '0.1'], '--fualts: unknown flag'],
    ];
    const runs = cases.map(([args]) => run(args));
    for (const [i, r] of runs.entries()) {
      expect(await r.exited).toBe(2);
      expect(r.err()).toContain(`simulator: ${cases[i]![1]}`);
      expect(r.out()).toBe('');
    }
  });
});
