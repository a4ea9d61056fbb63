import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedClock } from '@motcua/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { laneCount } from '../../../tools/test-lane/lane.js';
import { officers, startTestOffice, type TestOffice } from './test-office.js';

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

describe('the public lookup’s limits', () => {
  const offices: TestOffice[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'motcua-lookup-limits-'));
  afterEach(async () => {
    for (const o of offices.splice(0)) await o.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses 30 addresses × 10 guesses on one code after the per-code limit: 429 LOOKUP_LOCKED with Retry-After', async () => {
    const office = await startTestOffice({ trustProxy: true });
    offices.push(office);
    const { code, secret } = (await office.receive('permanentResidence')).body;
    // Three addresses show the per-code lock as thirty do; the 300 requests are the full lane's.
    const addresses = laneCount(30, 3);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestOffice['request']>> | undefined;
    for (let a = 0; a < addresses; a++) {
      for (let g = 0; g < 10; g++) {
        last = await office.request(
          'GET',
          `/api/lookup?code=${code}&secret=WRONG${a}X${g}`,
          from(`198.51.100.${a + 1}`),
        );
        statuses.push(last.status);
      }
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(addresses * 10 - 10);
    expect(last?.body).toMatchObject({ status: 429, code: 'LOOKUP_LOCKED', field: 'code', retryable: true });
    expect(last?.headers.get('retry-after')).toBe('3600');
    // The right secret from a new address is refused too, and the page says to ask the desk.
    const right = await office.request(
      'GET',
      `/api/lookup?code=${code}&secret=${secret}`,
      from('203.0.113.9'),
    );
    expect(right.status).toBe(429);
    const page = await fetch(`${office.url}/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.10' },
      body: new URLSearchParams({ code, secret }).toString(),
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('3600');
    expect(await page.text()).toContain('cấp lại mã tra cứu');
    // The desk reissues the secret: the code is unlocked, the new secret works, the old one not.
    const reissued = await office.request('POST', `/api/dossiers/${code}/lookup-secret`, {
      actor: officers.desk,
    });
    expect(reissued.status).toBe(201);
    expect(reissued.body).toMatchObject({ code, version: 2 });
    expect(reissued.body.secret).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(
      (
        await office.request(
          'GET',
          `/api/lookup?code=${code}&secret=${reissued.body.secret}`,
          from('203.0.113.9'),
        )
      ).status,
    ).toBe(200);
    expect(
      (await office.request('GET', `/api/lookup?code=${code}&secret=${secret}`, from('203.0.113.9'))).status,
    ).toBe(404);
    const notDesk = await office.request('POST', `/api/dossiers/${code}/lookup-secret`, {
      actor: officers.police,
    });
    expect(notDesk.status).toBe(403);
    // Without the desk, the lock heals when the window ends.
    for (let g = 0; g < 10; g++)
      await office.request('GET', `/api/lookup?code=${code}&secret=AGAIN${g}`, from(`198.51.100.${g + 100}`));
    expect(
      (
        await office.request(
          'GET',
          `/api/lookup?code=${code}&secret=${reissued.body.secret}`,
          from('203.0.113.9'),
        )
      ).status,
    ).toBe(429);
    office.clock.advance({ minutes: 60 });
    expect(
      (
        await office.request(
          'GET',
          `/api/lookup?code=${code}&secret=${reissued.body.secret}`,
          from('203.0.113.9'),
        )
      ).status,
    ).toBe(200);
  });

  it('shares the per-address and per-code counts between two servers on one SQLite store', async () => {
    const dbFile = join(dir, 'shared.sqlite');
    const clock = new SimulatedClock('2026-03-02T08:00:00+07:00');
    const a = await startTestOffice({ dbFile, clock, trustProxy: true, lookupThrottle: { maxFailures: 4 } });
    offices.push(a);
    const b = await startTestOffice({ dbFile, clock, trustProxy: true, lookupThrottle: { maxFailures: 4 } });
    offices.push(b);
    const first = (await a.receive('permanentResidence')).body;
    const second = (await a.receive('permanentResidence')).body;
    // One address fails twice on each server: the fifth lookup, on either, is refused.
    for (const office of [a, b, a, b]) {
      const r = await office.request('GET', `/api/lookup?code=${first.code}&secret=WRONG`, from('192.0.2.7'));
      expect(r.status).toBe(404);
    }
    for (const office of [a, b]) {
      const refused = await office.request(
        'GET',
        `/api/lookup?code=${second.code}&secret=${second.secret}`,
        from('192.0.2.7'),
      );
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_LOOKUPS');
      expect(refused.headers.get('retry-after')).toBe('900');
    }
    // Another address is not held back, and successful lookups are not counted.
    for (let i = 0; i < 6; i++) {
      const office = i % 2 ? a : b;
      expect(
        (
          await office.request(
            'GET',
            `/api/lookup?code=${second.code}&secret=${second.secret}`,
            from('192.0.2.8'),
          )
        ).status,
      ).toBe(200);
    }
    // The per-code limit (10 per hour) is shared as well: 5 failures on each server lock the code.
    for (let i = 0; i < 10; i++) {
      const office = i % 2 ? a : b;
      const r = await office.request(
        'GET',
        `/api/lookup?code=${second.code}&secret=NOPE`,
        from(`192.0.2.${20 + i}`),
      );
      expect(r.status).toBe(404);
    }
    for (const office of [a, b]) {
      const r = await office.request(
        'GET',
        `/api/lookup?code=${second.code}&secret=${second.secret}`,
        from('192.0.2.99'),
      );
      expect(r.body.code).toBe('LOOKUP_LOCKED');
    }
    // The address window ends after 15 minutes, on both servers.
    clock.advance({ minutes: 15 });
    expect(
      (await b.request('GET', `/api/lookup?code=${first.code}&secret=${first.secret}`, from('192.0.2.7')))
        .status,
    ).toBe(200);
  });

  it('counts a burst of parallel guesses from one address exactly', async () => {
    const office = await startTestOffice({ trustProxy: true, lookupThrottle: { maxFailures: 5 } });
    offices.push(office);
    const d = (await office.receive('permanentResidence')).body;
    const other = (await office.receive('permanentResidence')).body;
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        office
          .request(
            'GET',
            `/api/lookup?code=${i % 2 ? d.code : other.code}&secret=BURST${i}`,
            from('192.0.2.50'),
          )
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });
});
