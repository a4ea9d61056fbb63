import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { samplePermanentResidence } from '@motcua/procedures';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.js';
import { actorHeaders, officers, startTestOffice, type TestOffice } from './test-office.js';

const images = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const viewport = { width: 1280, height: 860 };

/**
 * End to end in a real browser: Debian's Chromium (headless, driven by playwright-core) against the
 * server on loopback. Dossiers are received and moved through the JSON API under a simulated
 * clock, then an officer opens the desk page and an applicant looks one up with the form. The
 * screenshots are kept in docs/images for the guide.
 */
describe('in headless Chromium', () => {
  let office: TestOffice;
  let browser: Browser;
  const dossiers: Record<string, { code: string; secret: string }> = {};

  beforeAll(async () => {
    const executablePath = ensureChromium((m) => console.log(m));
    office = await startTestOffice();
    const act = (code: string, actor: (typeof officers)[keyof typeof officers], body: unknown) =>
      office.request('POST', `/api/dossiers/${code}/events`, { actor, body });
    // Monday 2 March 2026.
    office.clock.set('2026-03-02T08:10:00+07:00');
    dossiers.copy = (await office.receive('copyCertification')).body;
    await act(dossiers.copy!.code, officers.desk, { type: 'HAND_OVER' });
    office.clock.set('2026-03-02T08:40:00+07:00');
    dossiers.birth = (await office.receive('birthRegistration')).body;
    office.clock.set('2026-03-02T09:15:00+07:00');
    dossiers.enterprise = (await office.receive('enterpriseRegistration')).body;
    await act(dossiers.enterprise!.code, officers.desk, { type: 'HAND_OVER' });
    office.clock.set('2026-03-02T10:05:00+07:00');
    dossiers.residence = (await office.receive('permanentResidence')).body;
    await act(dossiers.residence!.code, officers.desk, { type: 'HAND_OVER', note: 'Hồ sơ đầy đủ' });
    // Tuesday: a marriage registration, due the same day.
    office.clock.set('2026-03-03T14:20:00+07:00');
    dossiers.marriage = (await office.receive('marriageRegistration')).body;
    // Wednesday morning: a mortgage (due today) and a judicial record (10 working days).
    office.clock.set('2026-03-04T08:05:00+07:00');
    dossiers.mortgage = (await office.receive('landMortgageRegistration')).body;
    dossiers.judicial = (await office.receive('judicialRecord')).body;
    office.clock.set('2026-03-04T09:30:00+07:00');
    await office.engine.runDueTimers();
    await act(dossiers.residence!.code, officers.police, { type: 'HAND_OVER' });

    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    mkdirSync(images, { recursive: true });
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await office?.close();
  });

  it('shows an officer the overdue and due-soon dossiers on the desk page', async () => {
    const context = await browser.newContext({
      viewport,
      extraHTTPHeaders: actorHeaders(officers.desk),
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const response = await page.goto(`${office.url}/desk`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Hồ sơ đến hạn — Một cửa');
    const overdue = page.locator('table[data-list="overdue"] tbody tr');
    const soon = page.locator('table[data-list="soon"] tbody tr');
    const overdueCodes = await overdue.locator('td.code').allInnerTexts();
    expect(overdueCodes).toEqual([dossiers.copy!.code, dossiers.birth!.code, dossiers.marriage!.code]);
    expect(await soon.locator('td.code').allInnerTexts()).toEqual([
      dossiers.mortgage!.code,
      dossiers.enterprise!.code,
    ]);
    const first = await overdue.first().locator('td').allInnerTexts();
    expect(first.slice(2)).toEqual([
      'Chứng thực bản sao từ bản chính',
      'Công chức Tư pháp – Hộ tịch (người thực hiện chứng thực)',
      '17:00 02/03/2026',
      'Đang giải quyết: Đối chiếu bản sao với bản chính, ghi lời chứng',
      'Quá hạn 1 ngày 2 giờ',
    ]);
    // The style sheet loaded (no CSP violation): the header is the page's navy.
    // (Runs in the page, where getComputedStyle exists; this project's types have no DOM.)
    type Styled = { getComputedStyle(e: unknown): { backgroundColor: string } };
    const header = await page
      .locator('header.top')
      .evaluate((e) => (globalThis as unknown as Styled).getComputedStyle(e).backgroundColor);
    expect(header).toBe('rgb(11, 61, 145)');
    await page.screenshot({ path: `${images}one-stop-server-desk.png`, fullPage: true });
    await context.close();
  });

  it('shows a director the Decision 766 index with its charts, and drills down to the dossiers', async () => {
    // Return the copy certification (its four steps), so that the month has a finished dossier.
    const clerk = { officerId: 'clerk-01', unitId: 'clerk', name: 'Đỗ Văn Nam' };
    for (const actor of [officers.justice, officers.head, clerk]) {
      const r = await office.request('POST', `/api/dossiers/${dossiers.copy!.code}/events`, {
        actor,
        body: { type: 'HAND_OVER' },
      });
      expect(r.status).toBe(200);
    }
    const returned = await office.request('POST', `/api/dossiers/${dossiers.copy!.code}/events`, {
      actor: officers.desk,
      body: { type: 'RETURN_RESULT' },
    });
    expect(returned.status).toBe(200);
    // Two more copies, received and returned on time the same morning.
    for (let i = 0; i < 2; i++) {
      const { code } = (await office.receive('copyCertification')).body;
      for (const actor of [officers.desk, officers.justice, officers.head, clerk]) {
        const r = await office.request('POST', `/api/dossiers/${code}/events`, {
          actor,
          body: { type: 'HAND_OVER' },
        });
        expect(r.status).toBe(200);
      }
      const r = await office.request('POST', `/api/dossiers/${code}/events`, {
        actor: officers.desk,
        body: { type: 'RETURN_RESULT' },
      });
      expect(r.status).toBe(200);
    }
    const index = await office.engine.nationalIndex({ from: '2026-03-01', to: '2026-04-01' });
    const timely = index.rows[0]!.figures.find((f) => f.id === '2.1')!;

    const context = await browser.newContext({
      viewport,
      extraHTTPHeaders: actorHeaders(officers.head),
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text()); // a CSP violation would show here
    });
    const response = await page.goto(`${office.url}/reports/index?from=2026-03-01&to=2026-03-31&months=3`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Chỉ số 766 — Một cửa');
    // Three charts drawn, each with its bars or line visible.
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect((await charts.nth(i).boundingBox())?.width).toBeGreaterThan(300);
    const row = page.locator('table[data-table="indicators"] tr[data-indicator="2.1"] td');
    expect((await row.nth(3).textContent())?.trim()).toBe(String(timely.numerator));
    expect((await row.nth(4).textContent())?.trim()).toBe(String(timely.denominator));
    await expect(page.getByText('Kho dữ liệu không lưu trạng thái đồng bộ').count()).resolves.toBeGreaterThan(
      0,
    );
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${images}one-stop-server-index.png`, fullPage: true });

    await Promise.all([page.waitForURL(/\/reports\/index\/dossiers/), row.nth(4).locator('a').click()]);
    const codes = await page.locator('table[data-list="dossiers"] td.code').allInnerTexts();
    expect(codes).toEqual(
      await office.engine.nationalIndexDossiers({
        from: '2026-03-01',
        to: '2026-04-01',
        indicator: '2.1',
        part: 'denominator',
      }),
    );
    await context.close();
  });

  it('lets an applicant look a dossier up by code and secret, and shows no personal data', async () => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${office.url}/lookup`);
    await page.getByLabel('Mã hồ sơ').fill(dossiers.residence!.code);
    await page.getByLabel('Mã tra cứu').fill(dossiers.residence!.secret.toLowerCase());
    await Promise.all([
      page.waitForURL(`${office.url}/lookup`),
      page.getByRole('button', { name: 'Tra cứu' }).click(),
    ]);
    const result = page.locator('#ket-qua');
    await expect(result.locator('[data-field="code"]').textContent()).resolves.toBe(dossiers.residence!.code);
    await expect(result.locator('[data-field="procedure"]').textContent()).resolves.toBe(
      'Đăng ký thường trú',
    );
    await expect(result.locator('[data-field="status"]').textContent()).resolves.toBe('Đang giải quyết');
    await expect(result.locator('[data-field="unit"]').textContent()).resolves.toBe('Trưởng Công an xã');
    await expect(result.locator('[data-field="received"]').textContent()).resolves.toBe('10:05 02/03/2026');
    await expect(result.locator('[data-field="due"]').textContent()).resolves.toBe('17:00 11/03/2026');
    await expect(result.locator('[data-field="timeliness"]').textContent()).resolves.toBe('Trong hạn');
    const text = await page.locator('body').textContent();
    for (const p of [
      samplePermanentResidence.applicant.fullName,
      samplePermanentResidence.applicant.idNumber!,
    ]) {
      expect(text).not.toContain(p);
    }
    expect(await page.getByLabel('Mã tra cứu').inputValue()).toBe(''); // the secret is not written back
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${images}one-stop-server-lookup.png`, fullPage: true });

    await page.getByLabel('Mã tra cứu').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Không tìm thấy hồ sơ khớp');
    expect(await page.locator('#ket-qua').count()).toBe(0);
    await context.close();
  });
});
