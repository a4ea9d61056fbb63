/**
 * The three-URL transport against a provincial-style endpoint on loopback (real HTTP): records
 * created, then updated after "đã tồn tại", history answered in plain text, through the sync plugin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncLog } from '../shared/memory-sync-log.js';
import { dvcqgSync } from './dvcqg-sync.js';
import { splitUrls } from './split-urls.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** A portal behind three URLs: records by MaHoSo, history as a list; the key header required. */
async function threeUrls() {
  const records = new Map<string, Record<string, unknown>>();
  const steps: Record<string, unknown>[] = [];
  const calls: string[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      calls.push(req.url ?? '');
      if (req.headers['x-api-key'] !== 'khoa-thu') {
        res.statusCode = 401;
        return res.end('{"error_code":"401","message":"Sai khóa"}');
      }
      const body = JSON.parse(text) as Record<string, unknown>[];
      res.setHeader('content-type', 'application/json');
      if (req.url === '/them-moi') {
        const code = String(body[0]?.MaHoSo);
        if (records.has(code)) return res.end('{"error_code":"3","message":"Hồ sơ đã tồn tại"}');
        records.set(code, body[0]!);
        return res.end('{"error_code":"0","message":"Thêm mới thành công"}');
      }
      if (req.url === '/cap-nhat') {
        records.set(String(body[0]?.MaHoSo), body[0]!);
        return res.end('{"error_code":"0","message":"Cập nhật thành công"}');
      }
      steps.push(...body);
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      return res.end('Đồng bộ tiến trình thành công');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, records, steps, calls };
}

describe('splitUrls', () => {
  it('syncs through three URLs: create, update on "đã tồn tại", history answered in plain text', async () => {
    const portal = await threeUrls();
    const transport = splitUrls({
      createUrl: `${portal.base}/them-moi`,
      updateUrl: `${portal.base}/cap-nhat`,
      stepsUrl: `${portal.base}/tien-trinh`,
      headers: { 'x-api-key': 'khoa-thu' },
      timeoutMs: 500,
    });
    const syncLog = new MemorySyncLog();
    const sync = dvcqgSync({ transport, syncLog });
    const { engine, clock } = sampleEngine(new MemoryStore(), { plugins: [sync] });
    await sync.attach(engine);
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    // The portal holds the record already (another system created it): the create is answered
    // "đã tồn tại", and the record is updated instead.
    portal.records.set(d.code, {});
    await engine.deliverOutbox();
    expect(portal.records.get(d.code)?.TrangThaiHoSo).toBe('2');
    clock.advance({ minutes: 5 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
    for (let i = 0; i < 5; i++) {
      await engine.deliverOutbox();
      clock.advance({ minutes: 1 });
    }
    expect(portal.records.get(d.code)?.TrangThaiHoSo).toBe('4');
    expect(portal.steps.map((s) => s.NoiDungXuLy)).toEqual([
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý: Cán bộ đăng ký cư trú',
    ]);
    expect(portal.calls.filter((c) => c === '/them-moi')).toHaveLength(1);
    expect(portal.calls.filter((c) => c === '/cap-nhat')).toHaveLength(2);
    expect(await syncLog.row(d.code)).toMatchObject({ ackVersion: 2 });
    // A wrong key is refused by the portal: the record is not acknowledged (the outbox retries).
    const wrong = splitUrls({
      ...{
        createUrl: `${portal.base}/them-moi`,
        updateUrl: `${portal.base}/cap-nhat`,
        stepsUrl: `${portal.base}/tien-trinh`,
      },
      headers: { 'x-api-key': 'sai' },
    });
    expect((await wrong.create([])).httpStatus).toBe(401);
  });

  it('names a bad option, never its value', () => {
    expect(() =>
      splitUrls({ createUrl: 'them-moi', updateUrl: 'https://a.vn/u', stepsUrl: 'https://a.vn/s' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: 'createUrl' }));
    expect(() =>
      splitUrls({
        createUrl: 'https://a.vn/c',
        updateUrl: 'https://a.vn/u',
        stepsUrl: 'https://a.vn/s',
        headers: { 'bad header': 'bí mật' },
      }),
    ).toThrow(expect.objectContaining({ field: 'headers', message: expect.not.stringContaining('bí mật') }));
  });
});
