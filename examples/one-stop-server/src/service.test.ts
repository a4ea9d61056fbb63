import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '@motcua/adapters/sqlite';
import { createEngine, MemoryStore, SimulatedClock, vietnamCalendar } from '@motcua/core';
import { createCatalogue } from '@motcua/procedures';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from './server.js';
import { startService } from './service.js';
import { actorHeaders, officers } from './test-office.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('startService', () => {
  it('listens, runs the timer loop, and on close stops taking connections, then stops the loop and runs onClose', async () => {
    const calendar = vietnamCalendar();
    const engine = createEngine({
      procedures: createCatalogue({ calendar }),
      calendar,
      store: new MemoryStore(),
      clock: new SimulatedClock('2026-03-02T08:00:00+07:00'),
      agency: 'H56',
    });
    const calls: string[] = [];
    const watched = {
      ...engine,
      start: (o?: { intervalMs?: number }) => {
        calls.push(`start ${o?.intervalMs}`);
        engine.start(o);
      },
      stop: async () => {
        calls.push('stop');
        await engine.stop();
      },
    };
    const service = await startService({
      app: createServer({ engine: watched }),
      engine: watched,
      port: 0,
      timerIntervalMs: 250,
      onClose: () => {
        calls.push('onClose');
      },
    });
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await Promise.all([service.close(), service.close()]);
    expect(calls).toEqual(['start 250', 'stop', 'onClose']);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });
});

describe('main.ts', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the catalogue on a SQLite file and stops cleanly on SIGTERM, keeping every dossier', {
    tags: ['slow'],
    timeout: 60_000,
  }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-one-stop-main-'));
    const db = join(dir, 'motcua.sqlite');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'examples/one-stop-server/src/main.ts', '--port', '0', '--db', db, '--demo'],
      {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (d) => {
      output += String(d);
    });
    child.stderr!.on('data', (d) => {
      output += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const m = /one-stop server at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m) {
          clearInterval(poll);
          resolve(m[1]!);
        }
        if (child!.exitCode !== null) {
          clearInterval(poll);
          reject(new Error(`main.ts exited early:\n${output}`));
        }
      }, 50);
    });

    expect((await fetch(`${url}/lookup`)).status).toBe(200);
    const received = await fetch(`${url}/api/dossiers`, {
      method: 'POST',
      headers: { ...actorHeaders(officers.desk), 'content-type': 'application/json' },
      body: JSON.stringify({
        procedure: '2.000815',
        channel: 'in-person',
        applicant: { fullName: 'Đỗ Thị Lan' },
        application: { papers: [{ title: 'Bằng tốt nghiệp', pages: 1, copies: 2 }] },
      }),
    });
    expect(received.status).toBe(201);
    const { code, secret } = (await received.json()) as { code: string; secret: string };
    expect((await fetch(`${url}/api/lookup?code=${code}&secret=${secret}`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping');
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain('Đỗ Thị Lan');

    const store = new SqliteStore(db);
    try {
      const all = await store.list({ limit: 100 });
      expect(all).toHaveLength(9); // 8 demonstration dossiers and ours
      expect(all.map((s) => s.code)).toContain(code);
    } finally {
      await store.close();
    }
  });
});
