import { Writable } from 'node:stream';
import { CATALOGUE_CODES, samplePermanentResidence } from '@motcua/procedures';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { officers, startTestOffice, type TestOffice } from './test-office.js';

const residence = CATALOGUE_CODES.permanentResidence;
const applicant = samplePermanentResidence.applicant;
const personal = [applicant.fullName, applicant.idNumber!, applicant.phone!];

describe('the JSON API over HTTP on loopback', () => {
  let office: TestOffice;
  const logLines: string[] = [];
  beforeAll(async () => {
    office = await startTestOffice({
      logger: {
        level: 'debug',
        stream: new Writable({
          write(chunk, _encoding, done) {
            logLines.push(String(chunk));
            done();
          },
        }),
      },
    });
  });
  afterAll(() => office.close());

  it('receives a dossier: 201, its code and lookup secret, a Location, and a summary without personal data', async () => {
    const r = await office.receive('permanentResidence');
    expect(r.status).toBe(201);
    expect(r.body.code).toMatch(/^000\.00\.14\.H56-260302-\d{4}$/);
    expect(r.body.secret).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(r.headers.get('location')).toBe(`/api/dossiers/${r.body.code}`);
    expect(r.body).toMatchObject({ version: 1, status: 'active', state: 'processing.receive' });
    expect(r.body.summary).toMatchObject({ procedureCode: residence, holder: 'desk', channel: 'in-person' });
    expect(r.body.summary.currentDueAt).toBe('2026-03-11T10:00:00.000Z'); // 17:00 on the 7th working day
    for (const p of personal) expect(r.text).not.toContain(p);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('takes an online filing (201, code at once, national status 1) that the desk then accepts', async () => {
    const filed = await office.request('POST', '/api/filings', {
      actor: officers.desk,
      headers: { 'idempotency-key': 'dvcqg-G22-000123' },
      body: {
        procedure: residence,
        channel: 'online-full',
        applicant,
        application: samplePermanentResidence.application,
        filing: { system: 'dvcqg', id: 'G22-000123' },
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      state: 'submitted',
      nationalStatus: { code: 1, name: 'Mới đăng ký' },
    });
    for (const p of personal) expect(filed.text).not.toContain(p);
    const accepted = await office.request('POST', `/api/dossiers/${filed.body.code}/events`, {
      actor: officers.desk,
      body: { type: 'ACCEPT' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'processing.receive', nationalStatus: { code: 2 } });
    const paper = await office.request('POST', '/api/filings', {
      actor: officers.desk,
      body: {
        procedure: residence,
        channel: 'in-person',
        applicant,
        application: samplePermanentResidence.application,
      },
    });
    expect(paper.status).toBe(400);
    expect(paper.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'channel' });
  });

  it('applies an Idempotency-Key once: the retry answers the first dossier and takes no new number', async () => {
    const headers = { 'idempotency-key': 'desk-01/receipt-42' };
    const first = await office.receive('permanentResidence', headers);
    const again = await office.receive('permanentResidence', headers);
    expect(again.status).toBe(201);
    expect(again.body.code).toBe(first.body.code);
    const next = await office.receive('permanentResidence');
    expect(Number(next.body.code.slice(-4))).toBe(Number(first.body.code.slice(-4)) + 1);
    const bad = await office.receive('permanentResidence', { 'idempotency-key': 'two words' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY', field: 'idempotency-key' });
  });

  it('answers 400 naming each bad field of a receipt, without echoing the values', async () => {
    const r = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      body: {
        procedure: residence,
        channel: 'in-person',
        applicant: { ...applicant, idNumber: '0011900123' },
        application: { ...samplePermanentResidence.application, ground: 'on-a-whim' },
      },
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field: 'applicant.idNumber' });
    expect(r.body.issues.map((i: { field: string }) => i.field)).toEqual([
      'applicant.idNumber',
      'application.ground',
    ]);
    expect(r.text).not.toContain('0011900123');
    expect(r.text).not.toContain(applicant.fullName);
    expect(r.text).not.toContain('on-a-whim');
  });

  it('checks the envelope: unknown keys, a missing channel, an unknown procedure', async () => {
    const extra = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      body: {
        procedure: residence,
        channel: 'in-person',
        applicant,
        application: {},
        at: '2020-01-01T00:00:00Z',
      },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.issues).toContainEqual({ field: 'body', message: 'unknown key(s)' });
    const missing = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      body: { procedure: residence, applicant, application: {} },
    });
    expect(missing.body).toMatchObject({ status: 400, field: 'channel' });
    const unknown = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      body: { procedure: 'no-such-procedure', channel: 'in-person', applicant, application: {} },
    });
    expect(unknown.body).toMatchObject({ status: 422, code: 'UNKNOWN_PROCEDURE', field: 'procedure' });
  });

  it('echoes nothing the caller sent: control characters, long texts, unknown key names, codes in paths', async () => {
    const marker = 'Q'.repeat(3000);
    const probes = [
      await office.request('POST', '/api/dossiers', {
        actor: officers.desk,
        body: {
          procedure: `1.0\u0000${marker}`,
          version: `v\u0000${marker}`,
          channel: 'in-person',
          applicant,
          application: {},
        },
      }),
      await office.request('POST', '/api/dossiers', {
        actor: officers.desk,
        body: { procedure: residence, channel: 'in-person', applicant, application: {}, [`k${marker}`]: 1 },
      }),
      await office.request('POST', '/api/dossiers', {
        actor: officers.desk,
        body: {
          procedure: residence,
          channel: 'in-person',
          applicant: { ...applicant, [`x${marker}`]: 1 },
          application: {},
        },
      }),
      await office.request('GET', `/api/dossiers/H56-${marker}`, { actor: officers.desk }),
      await office.request('POST', `/api/dossiers/000.00.14.H56-260302-9${'9'.repeat(60)}/events`, {
        actor: officers.desk,
        body: { type: 'HAND_OVER' },
      }),
    ];
    for (const r of probes) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toContain('QQQQQQQQ');
      expect(r.text).not.toContain('9999999999');
      // Neither the NUL nor an escaped form of it (JSON writes a NUL as a backslash-u escape).
      expect(r.text).not.toContain(String.fromCharCode(0));
      expect(r.text).not.toContain('\\u0000');
    }
  });

  it('answers 422 for an Idempotency-Key reused with another request, and writes nothing', async () => {
    const headers = { 'idempotency-key': 'desk-01/receipt-reused' };
    const first = await office.receive('permanentResidence', headers);
    expect(first.status).toBe(201);
    const other = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      headers,
      body: {
        procedure: residence,
        channel: 'postal',
        applicant,
        application: samplePermanentResidence.application,
      },
    });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.text).not.toContain(first.body.code);
    expect(other.text).not.toContain(first.body.secret);
  });

  it('never echoes a body that is not JSON, nor logs it', async () => {
    const r = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      body: `{"applicant":{"fullName":"${applicant.fullName}","idNumber":"${applicant.idNumber}"`,
    });
    expect(r.status).toBe(400);
    expect(r.body.detail).toBe('the body is not valid JSON');
    for (const p of personal.slice(0, 2)) expect(r.text).not.toContain(p);
    const text = await office.request('POST', '/api/dossiers', {
      actor: officers.desk,
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
  });

  it('asks for an officer: 401 without one, 400 naming a malformed header, 403 when not the desk receives', async () => {
    const none = await office.request('GET', '/api/reports?from=2026-03-01&to=2026-03-31');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'ACTOR_REQUIRED', field: 'x-officer-id' });
    const bad = await office.request('GET', '/api/reports?from=2026-03-01&to=2026-03-31', {
      headers: { 'x-officer-id': 'a b', 'x-unit-id': 'desk' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_ACTOR', field: 'x-officer-id' });
    const half = await office.request('GET', '/api/reports?from=2026-03-01&to=2026-03-31', {
      headers: { 'x-unit-id': 'desk' },
    });
    expect(half.body).toMatchObject({ status: 400, detail: 'x-officer-id: required' });
    const police = await office.request('POST', '/api/dossiers', {
      actor: officers.police,
      body: { procedure: residence, channel: 'in-person', ...samplePermanentResidence },
    });
    expect(police.status).toBe(403);
    expect(police.body).toMatchObject({ code: 'NOT_PERMITTED', field: 'x-unit-id' });
  });

  describe('acting on a dossier', () => {
    let code: string;
    beforeAll(async () => {
      code = (await office.receive('permanentResidence')).body.code;
    });

    it('hands over with the expected version, then refuses a stale one with 409 and writes nothing', async () => {
      const moved = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.desk,
        body: { type: 'HAND_OVER', expectedVersion: 1, note: 'Đủ hồ sơ' },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        version: 2,
        state: 'processing.appraise',
        summary: { holder: 'police' },
      });
      const stale = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.police,
        body: { type: 'HAND_OVER', expectedVersion: 1 },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'CONFLICT', retryable: true, field: 'expectedVersion' });
      const view = await office.request('GET', `/api/dossiers/${code}`, { actor: officers.police });
      expect(view.body.version).toBe(2);
    });

    it('maps refusals: 403 for a unit that does not hold it, 409 for an event its state does not take, 404 for an unknown code', async () => {
      const notHolder = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.justice,
        body: { type: 'HAND_OVER' },
      });
      expect(notHolder.status).toBe(403);
      expect(notHolder.body.code).toBe('NOT_PERMITTED');
      const wrongState = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.desk,
        body: { type: 'RETURN_RESULT' },
      });
      expect(wrongState.status).toBe(409);
      expect(wrongState.body.code).toBe('INVALID_TRANSITION');
      const unknown = await office.request('POST', '/api/dossiers/000.00.14.H56-260302-9999/events', {
        actor: officers.desk,
        body: { type: 'HAND_OVER' },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
    });

    it('accepts officer events only, without actor or time in the body, and names bad fields', async () => {
      const system = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.police,
        body: { type: 'MARK_OVERDUE' },
      });
      expect(system.status).toBe(400);
      expect(system.body.field).toBe('type');
      const actor = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.police,
        body: { type: 'HAND_OVER', actor: officers.head, at: '2026-01-01T00:00:00Z' },
      });
      expect(actor.status).toBe(400);
      expect(actor.body.issues[0].message).toBe('unknown key(s)');
      const refuse = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.police,
        body: { type: 'REFUSE', reasons: [] },
      });
      expect(refuse.body).toMatchObject({ status: 400, field: 'reasons' });
    });

    it('applies an event once per Idempotency-Key', async () => {
      const headers = { 'idempotency-key': 'police-01/step-1' };
      const first = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.police,
        body: { type: 'HAND_OVER' },
        headers,
      });
      const retry = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.police,
        body: { type: 'HAND_OVER' },
        headers,
      });
      expect(first.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const view = await office.request('GET', `/api/dossiers/${code}`, { actor: officers.head });
      expect(view.body.version).toBe(3);
      expect(view.body.journal.map((j: { type: string }) => j.type)).toEqual([
        'RECEIVE',
        'HAND_OVER',
        'HAND_OVER',
      ]);
      expect(view.body.context.applicant.fullName).toBe(applicant.fullName); // the staff view has it all
      expect(view.body.slip.length).toBeGreaterThan(0);
    });

    it('lets the agency head apologise and re-set the due date once', async () => {
      const r = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.head,
        body: {
          type: 'APOLOGIZE',
          reason: 'Cần xác minh thêm nơi cư trú',
          newDue: '2026-03-13T17:00:00+07:00',
        },
      });
      expect(r.status).toBe(200);
      expect(r.body.summary.currentDueAt).toBe('2026-03-13T10:00:00.000Z');
      const twice = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.head,
        body: { type: 'APOLOGIZE', reason: 'Lần nữa', newDue: '2026-03-20T17:00:00+07:00' },
      });
      expect(twice.status).toBe(409);
    });
  });

  describe('the public lookup', () => {
    let code: string;
    let secret: string;
    beforeAll(async () => {
      ({ code, secret } = (await office.receive('permanentResidence')).body);
    });

    it('shows progress by code and secret (any case), with no personal data', async () => {
      const r = await office.request('GET', `/api/lookup?code=${code}&secret=${secret.toLowerCase()}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        code,
        status: 'Đang giải quyết',
        statusCode: 'processing',
        timeliness: 'WITHIN_TIME',
        procedure: { code: residence, name: 'Đăng ký thường trú' },
      });
      for (const p of personal) expect(r.text).not.toContain(p);
    });

    it('fails alike for a wrong secret and an unknown code', async () => {
      const wrong = await office.request('GET', `/api/lookup?code=${code}&secret=AAAAAA`);
      const unknown = await office.request('GET', '/api/lookup?code=000.00.14.H56-260302-9999&secret=AAAAAA');
      expect(wrong.status).toBe(404);
      expect(unknown.status).toBe(404);
      const { requestId: _a, ...a } = wrong.body;
      const { requestId: _b, ...b } = unknown.body;
      expect(a).toEqual(b);
      const missing = await office.request('GET', `/api/lookup?code=${code}`);
      expect(missing.body).toMatchObject({ status: 400, field: 'secret' });
    });
  });

  it('reports a period by procedure, and the steps each unit closed', async () => {
    const r = await office.request('GET', '/api/reports?from=2026-03-01&to=2026-03-31&groupBy=procedure', {
      actor: officers.head,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      from: '2026-02-28T17:00:00.000Z',
      to: '2026-03-31T17:00:00.000Z',
      groupBy: 'procedure',
    });
    const row = r.body.rows.find((x: { group: string }) => x.group === residence);
    expect(row.received).toBeGreaterThanOrEqual(5);
    const units = await office.request('GET', '/api/reports/units?from=2026-03-02&to=2026-03-02', {
      actor: officers.head,
    });
    expect(units.body.rows.map((u: { unit: string }) => u.unit)).toContain('desk');
    // Every receipt here was entered as it happened: none late by an hour.
    const late = await office.request(
      'GET',
      '/api/reports/late-entries?from=2026-03-01&to=2026-03-31&thresholdMinutes=60',
      { actor: officers.head },
    );
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ from: '2026-02-28T17:00:00.000Z', thresholdMs: 3_600_000 });
    const desk = late.body.rows.find((u: { unit: string }) => u.unit === 'desk');
    expect(desk.entries).toBeGreaterThanOrEqual(5);
    expect(desk).toMatchObject({ late: 0, lateCodes: [] });
    const noThreshold = await office.request(
      'GET',
      '/api/reports/late-entries?from=2026-03-01&to=2026-03-31',
      {
        actor: officers.head,
      },
    );
    expect(noThreshold.body).toMatchObject({ status: 400, field: 'thresholdMinutes' });
    const bad = await office.request('GET', '/api/reports?from=2026-03-31&to=2026-03-01&groupBy=unit', {
      actor: officers.head,
    });
    expect(bad.body).toMatchObject({ status: 400, field: 'groupBy' });
    const backwards = await office.request('GET', '/api/reports?from=2026-03-31&to=2026-03-01', {
      actor: officers.head,
    });
    expect(backwards.body).toMatchObject({ status: 400, field: 'to' });
  });

  it('lists summaries in due order, a page at a time', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const q: string = `/api/dossiers?status=active&limit=2${after ? `&after=${after}` : ''}`;
      const page = await office.request('GET', q, { actor: officers.desk });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((s: { code: string }) => s.code));
      after = page.body.next;
      if (!after) break;
    }
    const all = await office.engine.list({ status: 'active', limit: 1000 });
    expect(seen).toEqual(all.map((s) => s.code));
    const bad = await office.request('GET', '/api/dossiers?after=xyz', { actor: officers.desk });
    expect(bad.body).toMatchObject({ status: 400, field: 'after' });
  });

  it('answers unknown paths with a problem', async () => {
    const r = await office.request('GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('never wrote personal data, lookup secrets or query strings into its log', () => {
    const log = logLines.join('');
    expect(log).toContain('"url":"/api/lookup"');
    expect(log).toContain('request refused');
    for (const p of personal) expect(log).not.toContain(p);
    expect(log).not.toContain('secret=');
    expect(log).not.toContain('0011900123');
  });
});

describe('the lookup throttle', () => {
  let office: TestOffice;
  let now = Date.parse('2026-03-02T01:00:00.000Z');
  afterEach(() => office?.close());

  it('refuses a client after too many failed lookups until the window ends, even with the right secret', async () => {
    office = await startTestOffice({
      lookupThrottle: { maxFailures: 3, windowMs: 60_000, now: () => now },
    });
    const { code, secret } = (await office.receive('permanentResidence')).body;
    for (let i = 0; i < 3; i++) {
      expect((await office.request('GET', `/api/lookup?code=${code}&secret=WRONG${i}`)).status).toBe(404);
    }
    const blocked = await office.request('GET', `/api/lookup?code=${code}&secret=${secret}`);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    const form = await fetch(`${office.url}/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, secret }).toString(),
    });
    expect(form.status).toBe(429);
    now += 60_000;
    expect((await office.request('GET', `/api/lookup?code=${code}&secret=${secret}`)).status).toBe(200);
  });
});
