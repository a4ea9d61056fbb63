import { F766_OPERATIONAL, type IndicatorFigure, type NationalIndexResult } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue, naReason } from './index-labels.js';
import { rankRows } from './index-page.js';
import { PAGE_CSP } from './server.js';
import { actorHeaders, officers, startTestOffice, type TestOffice } from './test-office.js';

/** The cells' data attributes of the row `<tr data-<key>="<id>">` of a table. */
function rowOf(text: string, table: string, key: string, id: string): Record<string, string> | null {
  const section = new RegExp(`<table data-table="${table}">([\\s\\S]*?)</table>`).exec(text)?.[1] ?? '';
  const row = new RegExp(`<tr data-${key}="${id.replaceAll('.', '\\.')}">([\\s\\S]*?)</tr>`).exec(
    section,
  )?.[1];
  if (row === undefined) return null;
  return Object.fromEntries(
    [...row.matchAll(/data-(value|numerator|denominator|points)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** What the page must show for a figure: the value or NA, the counts, the points or NA. */
function expected(f: IndicatorFigure): Record<string, string> {
  const out: Record<string, string> = { value: f.value === null ? 'NA' : String(f.value) };
  if (f.numerator !== null) out.numerator = String(f.numerator);
  if (f.denominator !== null) out.denominator = String(f.denominator);
  out.points = f.points === null ? 'NA' : String(f.points);
  return out;
}

const decode = (s: string) => s.replaceAll('&amp;', '&');

describe('the Decision 766 index page over HTTP', () => {
  let office: TestOffice;
  const desk = { headers: actorHeaders(officers.desk) };
  const get = async (path: string, init: RequestInit = desk) => {
    const response = await fetch(`${office.url}${path}`, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const clerk = { officerId: 'clerk-01', unitId: 'clerk', name: 'Đỗ Văn Nam' };
  const act = (code: string, actor: (typeof officers)[keyof typeof officers] | typeof clerk, type: string) =>
    office.request('POST', `/api/dossiers/${code}/events`, { actor, body: { type } });
  /** A copy certification received now and moved through its four steps to its return. */
  const copyReturned = async () => {
    const { code } = (await office.receive('copyCertification')).body;
    expect((await act(code, officers.desk, 'HAND_OVER')).status).toBe(200);
    expect((await act(code, officers.justice, 'HAND_OVER')).status).toBe(200);
    expect((await act(code, officers.head, 'HAND_OVER')).status).toBe(200);
    expect((await act(code, clerk, 'HAND_OVER')).status).toBe(200);
    expect((await act(code, officers.desk, 'RETURN_RESULT')).status).toBe(200);
    return code as string;
  };
  let march: NationalIndexResult;

  beforeAll(async () => {
    office = await startTestOffice({ start: '2026-02-10T08:00:00+07:00' });
    await copyReturned();
    office.clock.set('2026-02-11T09:00:00+07:00');
    await office.receive('birthRegistration');
    office.clock.set('2026-03-02T08:10:00+07:00');
    await copyReturned();
    await copyReturned();
    await office.receive('marriageRegistration');
    await office.receive('enterpriseRegistration');
    office.clock.set('2026-03-20T10:00:00+07:00');
    await office.engine.runDueTimers();
    march = await office.engine.nationalIndex({ from: '2026-03-01', to: '2026-04-01' });
  }, 60_000);

  afterAll(async () => {
    await office?.close();
  });

  it('shows the scorecard: every figure, count and point as engine.nationalIndex has it, N/A with the reason', async () => {
    const r = await get('/reports/index?from=2026-03-01&to=2026-03-31');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(r.text).not.toContain('<script');
    expect(r.text).toContain('<html lang="vi">');
    expect(r.text).toContain('Điểm theo nhóm chỉ số');
    expect(r.text).toContain('<svg class="chart"');
    expect(r.text).toContain('data-field="period">01/03/2026 – 31/03/2026');
    expect(r.text).toContain(`data-field="version">${march.version.id}`);
    const total = march.rows[0]!;
    expect(total.counts.received).toBe(4);
    for (const f of total.figures) {
      expect(rowOf(r.text, 'indicators', 'indicator', f.id), f.id).toEqual(expected(f));
      if (f.na) expect(r.text).toContain(naReason(f.na, 'vi'));
    }
    // 1.4 is N/A with the reason in Vietnamese; the scorecard shows 2.1 as core counts it.
    expect(r.text).toContain('Kho dữ liệu không lưu trạng thái đồng bộ');
    expect(total.figures.find((f) => f.id === '2.1')?.value).not.toBeNull();
    for (const g of total.groups) {
      expect(rowOf(r.text, 'groups', 'group', String(g.group))).toEqual({ points: String(g.points) });
    }
    expect(r.text).toContain('chưa đủ');
  });

  it('shows the trend per month and the ranking of units as the index by month and by unit', async () => {
    const r = await get('/reports/index?from=2026-03-01&to=2026-03-31&months=3&indicator=2.1');
    const trend = await office.engine.nationalIndex({ from: '2026-01-01', to: '2026-04-01', by: 'month' });
    // January has no dossier: the index has no row for it, the page shows it N/A.
    expect(trend.rows.map((row) => row.group)).toEqual(['2026-02', '2026-03']);
    expect(rowOf(r.text, 'trend', 'month', '2026-01')).toEqual({ value: 'NA' });
    for (const row of trend.rows) {
      const f = row.figures.find((x) => x.id === '2.1')!;
      expect(rowOf(r.text, 'trend', 'month', row.group)?.value, row.group).toBe(
        f.value === null ? 'NA' : String(f.value),
      );
      expect(r.text).toContain(formatValue(f, 'vi'));
    }
    const byUnit = await office.engine.nationalIndex({ from: '2026-03-01', to: '2026-04-01', by: 'unit' });
    const ranked = rankRows(byUnit.rows, '2.1');
    const section = /<table data-table="ranking">[\s\S]*?<\/table>/.exec(r.text)![0];
    expect([...section.matchAll(/<tr data-group="([^"]+)">/g)].map((m) => m[1])).toEqual(
      ranked.map((x) => x.row.group),
    );
    for (const x of ranked) {
      expect(rowOf(r.text, 'ranking', 'group', x.row.group)).toMatchObject({
        value: x.figure?.value === null ? 'NA' : String(x.figure?.value),
      });
    }
  });

  it('shows a trend through every month of a period longer than a month', async () => {
    // The months after the first were added one at a time by a step that never moved: the page
    // spun forever on any period past one month.
    const r = await get('/reports/index?from=2026-01-01&to=2026-03-31&months=2&indicator=2.1');
    expect(r.status).toBe(200);
    const months = [...r.text.matchAll(/<tr data-month="([^"]+)"/g)].map((m) => m[1]);
    expect(months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('lists the dossier codes behind a figure, paged, as engine.nationalIndexDossiers does', async () => {
    const r = await get('/reports/index?from=2026-03-01&to=2026-03-31');
    const link = /<tr data-indicator="2\.1">[\s\S]*?data-denominator="\d+"><a href="([^"]+)"/.exec(
      r.text,
    )?.[1];
    expect(link).toBeDefined();
    const list = await get(decode(link!));
    expect(list.status).toBe(200);
    const codes = await office.engine.nationalIndexDossiers({
      from: '2026-03-01',
      to: '2026-04-01',
      indicator: '2.1',
      part: 'denominator',
      version: march.version.id,
    });
    expect(codes.length).toBe(march.rows[0]!.figures.find((f) => f.id === '2.1')!.denominator);
    const shown = (text: string) => [...text.matchAll(/<td class="code">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(shown(list.text)).toEqual(codes);
    // One code a page: follow the next links to the end.
    const seen: string[] = [];
    let next: string | undefined = `${decode(link!)}&limit=1`;
    while (next) {
      const p = await get(next);
      seen.push(...(shown(p.text) as string[]));
      next = /<a href="([^"]+)" rel="next">/.exec(p.text)?.[1];
      next = next ? decode(next) : undefined;
    }
    expect(seen).toEqual(codes);
    // 5.4's lowering dossiers, for one unit.
    const lowering = await get(
      `/reports/index/dossiers?from=2026-03-01&to=2026-03-31&indicator=5.4&part=lowering&unit=desk`,
    );
    expect(lowering.status).toBe(200);
  });

  it('reads in English on request', async () => {
    const r = await get('/reports/index?from=2026-03-01&to=2026-03-31&lang=en&by=procedure');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<html lang="en">');
    expect(r.text).toContain('Points per group');
    expect(r.text).toContain('Ranking procedures');
    // Indicator and group names are core's English names, none left in Vietnamese.
    for (const i of F766_OPERATIONAL.indicators) {
      expect(r.text).toContain(`<td class="code">${i.id}</td><td>${i.nameEn}`);
      expect(r.text).not.toContain(i.name);
    }
    for (const g of F766_OPERATIONAL.groups) {
      expect(r.text).toContain(`<td>${g.group}. ${g.nameEn}</td>`);
      expect(r.text).not.toContain(g.name);
    }
    // Vietnamese by default.
    const vi = await get('/reports/index?from=2026-03-01&to=2026-03-31');
    expect(vi.text).toContain(`<td>${F766_OPERATIONAL.indicators.find((i) => i.id === '2.1')?.name}`);
    expect(vi.text).toContain(`<td>5. Mức độ hài lòng</td>`);
  });

  it('answers a bad query with a 400 naming the field, and an anonymous caller with a 401', async () => {
    const field = (text: string) => /<code data-field="([^"]+)"/.exec(text)?.[1];
    const backwards = await get('/reports/index?from=2026-03-31&to=2026-03-01');
    expect(backwards.status).toBe(400);
    expect(field(backwards.text)).toBe('to');
    const version = await get('/reports/index?from=2026-03-01&to=2026-03-31&version=no-such-version');
    expect(version.status).toBe(400);
    expect(field(version.text)).toBe('version');
    expect(version.text).not.toContain('no-such-version');
    const ancient = await get('/reports/index?from=1900-01-01');
    expect(ancient.status).toBe(400);
    expect(field(ancient.text)).toBe('from');
    const indicator = await get('/reports/index?indicator=9.9');
    expect(indicator.status).toBe(400);
    expect(field(indicator.text)).toBe('indicator');
    const part = await get(
      '/reports/index/dossiers?from=2026-03-01&to=2026-03-31&indicator=1.4&part=lowering',
    );
    expect(part.status).toBe(400);
    expect(field(part.text)).toBe('part');
    expect((await get('/reports/index', {})).status).toBe(401);
  });
});
