import { samplePermanentResidence } from '@motcua/procedures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, trustedHtml } from './html.js';
import { workingDurationLabel } from './labels.js';
import { FORM_CSP } from './page-routes.js';
import { PAGE_CSP } from './server.js';
import { actorHeaders, officers, startTestOffice, type TestOffice } from './test-office.js';

describe('html', () => {
  it('escapes every interpolated value, arrays included, and passes safe markup through', () => {
    const items = ['<b>', '"x" & \'y\''];
    expect(
      html`<p title="${'"quoted"'}">${items.map((i) => html`<i>${i}</i>`)}${trustedHtml('<br>')}${null}${false}</p>`
        .text,
    ).toBe('<p title="&quot;quoted&quot;"><i>&lt;b&gt;</i><i>&quot;x&quot; &amp; &#39;y&#39;</i><br></p>');
  });

  it('writes working time in Vietnamese, 8 hours a day', () => {
    expect(workingDurationLabel(0)).toBe('0 phút');
    expect(workingDurationLabel(150)).toBe('2 giờ 30 phút');
    expect(workingDurationLabel(480 * 2 + 60)).toBe('2 ngày 1 giờ');
  });
});

describe('the pages over HTTP on loopback', () => {
  let office: TestOffice;
  const codes: Record<string, { code: string; secret: string }> = {};
  const page = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${office.url}${path}`, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const post = (code: string, secret: string) =>
    page('/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, secret }).toString(),
    });

  beforeAll(async () => {
    office = await startTestOffice();
    // Monday 2 March 2026: a copy certification (due the same day) handed to the justice officer…
    codes.copy = (await office.receive('copyCertification')).body;
    await office.request('POST', `/api/dossiers/${codes.copy!.code}/events`, {
      actor: officers.desk,
      body: { type: 'HAND_OVER' },
    });
    // …a new enterprise (3 working days) and a permanent residence (7).
    codes.enterprise = (await office.receive('enterpriseRegistration')).body;
    codes.residence = (await office.receive('permanentResidence')).body;
    // Wednesday 09:00: the engine's timers mark the copy certification overdue.
    office.clock.set('2026-03-04T09:00:00+07:00');
    await office.engine.runDueTimers();
  });
  afterAll(() => office.close());

  it('lists overdue and due-soon dossiers on the desk page, with unit, due time and status', async () => {
    const r = await page('/desk', { headers: actorHeaders(officers.desk) });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const [overdue, soon] = r.text.split('Sắp đến hạn');
    expect(overdue).toContain(codes.copy!.code);
    expect(overdue).toContain('Công chức Tư pháp – Hộ tịch (người thực hiện chứng thực)');
    expect(overdue).toContain('17:00 02/03/2026');
    expect(overdue).toContain('Đang giải quyết: ');
    // Past due by Tuesday's 8 working hours and Wednesday's 07:30–09:00.
    expect(overdue).toContain('Quá hạn 1 ngày 1 giờ 30 phút');
    expect(soon).toContain(codes.enterprise!.code);
    expect(soon).toContain('17:00 05/03/2026');
    expect(soon).toContain('Trung tâm Phục vụ hành chính công cấp tỉnh (Bộ phận Một cửa)');
    expect(r.text).not.toContain(codes.residence!.code); // due 11/03: beyond 2 working days
    expect(r.text).not.toContain(samplePermanentResidence.applicant.fullName);
  });

  it('filters the desk by unit and horizon', async () => {
    const justice = await page('/desk?unit=justice', { headers: actorHeaders(officers.desk) });
    expect(justice.text).toContain(codes.copy!.code);
    expect(justice.text).not.toContain(codes.enterprise!.code);
    const wide = await page('/desk?days=10', { headers: actorHeaders(officers.desk) });
    expect(wide.text).toContain(codes.residence!.code);
    const bad = await page('/desk?days=100', { headers: actorHeaders(officers.desk) });
    expect(bad.status).toBe(400);
  });

  it('keeps the desk page for officers', async () => {
    const r = await page('/desk');
    expect(r.status).toBe(401);
    expect(r.text).toContain('Cần xác định cán bộ');
  });

  it('serves the public lookup form and shows progress without personal data or the secret', async () => {
    const form = await page('/lookup');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<form class="card" method="post" action="/lookup"');
    const { code, secret } = codes.residence!;
    const r = await post(code, secret.toLowerCase());
    expect(r.status).toBe(200);
    expect(r.text).toContain('Kết quả tra cứu');
    expect(r.text).toContain('Đăng ký thường trú');
    expect(r.text).toContain('Đang giải quyết');
    expect(r.text).toContain('17:00 11/03/2026');
    expect(r.text).toContain('Trong hạn');
    expect(r.text).not.toContain(secret);
    for (const p of [
      samplePermanentResidence.applicant.fullName,
      samplePermanentResidence.applicant.idNumber!,
    ]) {
      expect(r.text).not.toContain(p);
    }
    const late = await post(codes.copy!.code, codes.copy!.secret);
    expect(late.text).toContain('Quá hạn');
  });

  it('answers a failed lookup with the same message for a wrong secret and an unknown code, escaping what was typed', async () => {
    const wrong = await post(codes.residence!.code, 'ZZZZZZ');
    const unknown = await post('000.00.14.H56-260302-9999', 'ZZZZZZ');
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.text).toContain('Không tìm thấy hồ sơ khớp');
    const hostile = await post('"><script>alert(1)</script>', 'x');
    expect(hostile.status).toBe(400);
    expect(hostile.text).not.toContain('<script>');
    expect(hostile.text).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('prints the receipt (Form 01) for officers, with the lookup secret', async () => {
    const { code, secret } = codes.residence!;
    expect((await page(`/dossiers/${code}/receipt`)).status).toBe(401);
    const r = await page(`/dossiers/${code}/receipt`, { headers: actorHeaders(officers.desk) });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(FORM_CSP);
    expect(r.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(r.text).toContain(code);
    expect(r.text).toContain(secret);
  });

  it('prints the statistics forms (Biểu 06, II.07a) for officers, for a chosen period', async () => {
    // March 2026 on the 15th → 14th convention (15/02 – 14/03): the three dossiers of 2 March.
    const r = await page('/reports/forms/06?kind=month&year=2026&number=3&by=procedure', {
      headers: actorHeaders(officers.desk),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(FORM_CSP);
    expect(r.text).toContain('Biểu số 06/VPCP/KSTT');
    expect(r.text).toContain('Kỳ báo cáo: Tháng 3 năm 2026 (từ ngày 15/02/2026 đến ngày 14/03/2026)');
    // Total: 3 received (none carried over), none resolved, 3 in progress of which 1 overdue.
    expect(r.text).toMatch(
      /Tổng cộng<\/td><td class="n">3<\/td><td class="n">0<\/td><td class="n">\d<\/td><td class="n">\d<\/td><td class="n">0<\/td><td class="n">0<\/td><td class="n">0<\/td><td class="n">0<\/td><td class="n">3<\/td><td class="n">2<\/td><td class="n">1<\/td><\/tr>/,
    );
    const a07 = await page('/reports/forms/07a?kind=custom&from=2026-03-01&to=2026-03-31&lang=en', {
      headers: actorHeaders(officers.desk),
    });
    expect(a07.status).toBe(200);
    expect(a07.text).toContain('Dossiers waiting for supplementation');
    const bad = await page('/reports/forms/06?kind=month&year=2026&number=3&startDay=40', {
      headers: actorHeaders(officers.desk),
    });
    expect(bad.status).toBe(400);
    expect((await page('/reports/forms/06')).status).toBe(401);
    expect((await page('/reports/forms/08', { headers: actorHeaders(officers.desk) })).status).toBe(400);
  });

  it('prints Biểu II.07b, a count of the procedure catalogue, for a chosen period', async () => {
    const r = await page('/reports/forms/07b?kind=year&year=2026&startDay=1', {
      headers: actorHeaders(officers.desk),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(FORM_CSP);
    expect(r.text).toContain('Biểu số II.07b/VPCP/KSTT');
    expect(r.text).toContain('Tổng hợp số lượng thủ tục hành chính');
    expect(r.text).toContain('Tại Bộ phận Một cửa cấp xã');
    expect(r.text).not.toContain('cấp huyện');
    expect(r.text).toContain('chưa khai báo');
    const byField = await page(
      '/reports/forms/07b?kind=custom&from=2026-01-01&to=2026-03-31&by=field&lang=en',
      {
        headers: actorHeaders(officers.desk),
      },
    );
    expect(byField.status).toBe(200);
    expect(byField.text).toContain('Form II.07b/VPCP/KSTT');
    // A dossier breakdown on a catalogue form, a period ending before it starts: 400 naming the field.
    const bad = await page('/reports/forms/07b?by=procedure', { headers: actorHeaders(officers.desk) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('query.by');
    const backwards = await page('/reports/forms/07b?kind=custom&from=2026-03-31&to=2026-03-01', {
      headers: actorHeaders(officers.desk),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('query.period.to');
  });

  it('serves its style sheet, redirects / to the lookup and answers unknown pages in HTML', async () => {
    const css = await page('/assets/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=3600');
    const root = await page('/', { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/lookup');
    const missing = await page('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Không tìm thấy');
  });
});
