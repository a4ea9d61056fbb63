import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { ValidationError } from '../errors/dossier-errors.js';
import { resolveReportPeriod } from '../report/report-period.js';
import type { StatisticsCountRow } from '../report/statistics-counts.js';
import { buildStatisticsForm } from '../report/statistics-form.js';
import { renderStatisticsFormHtml } from './statistics-form-html.js';

const office = {
  governingBody: 'UBND tỉnh Nghệ An',
  agencyName: 'UBND xã Hưng Nguyên',
  deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên',
  placeName: 'Hưng Nguyên',
};

const row = (agency: string, procedureCode: string, n: Partial<StatisticsCountRow>): StatisticsCountRow => ({
  agency,
  procedureCode,
  carriedOver: 0,
  receivedOnline: 0,
  receivedInPerson: 0,
  receivedPostal: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  refusedEarly: 0,
  refusedOnTime: 0,
  refusedLate: 0,
  closedWithoutResult: 0,
  inProgressWithinTime: 0,
  inProgressOverdue: 0,
  waitingSupplement: 0,
  ...n,
});

/** A known scenario: one field with two procedures; the first has counts above a thousand. */
const counts = [
  row('H56', '1.000001', {
    carriedOver: 120,
    receivedOnline: 1_050,
    receivedInPerson: 300,
    receivedPostal: 4,
    resolvedEarly: 971,
    resolvedOnTime: 300,
    resolvedLate: 7,
    closedWithoutResult: 10,
    inProgressWithinTime: 150,
    inProgressOverdue: 36,
    waitingSupplement: 12,
  }),
  row('H56', '1.000002', { receivedInPerson: 3, resolvedOnTime: 2, inProgressOverdue: 1 }),
];
const period = resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 15 });
const info = (code: string) => ({
  name: code === '1.000001' ? 'Đăng ký khai sinh' : 'Đăng ký kết hôn',
  field: { code: 'TP', name: 'Hộ tịch' },
});

/** The text of each cell of the grid's body rows (tags stripped). */
function bodyCells(html: string): string[][] {
  const grid = html.slice(
    html.indexOf('<table class="grid stat">'),
    html.indexOf('</table>', html.indexOf('<table class="grid stat">')),
  );
  return [
    ...grid.matchAll(
      /<tr(?: class="total")?><td class="num">\d*<\/td>.*?<\/tr>|<tr class="total">.*?<\/tr>/g,
    ),
  ].map((m) => [...m[0].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1] ?? ''));
}

describe('renderStatisticsFormHtml', () => {
  it('prints Biểu 06 with the official title, units, period, headers and Vietnamese numbers', () => {
    const form = buildStatisticsForm(counts, {
      form: '06',
      period,
      rule: 'at-return',
      by: ['procedure'],
      procedureInfo: info,
    });
    const html = renderStatisticsFormHtml(form, {
      office,
      reportDate: '2026-03-16T09:00:00+07:00',
      calendar: vietnamCalendar(),
    });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Biểu số 06/VPCP/KSTT');
    expect(html).toContain('Thông tư số 01/2020/TT-VPCP ngày 21/10/2020');
    expect(html).toContain(
      'Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết thủ tục hành chính',
    );
    expect(html).toContain('Đơn vị báo cáo: <b>UBND xã Hưng Nguyên</b>');
    expect(html).toContain('Đơn vị nhận báo cáo: <b>UBND tỉnh Nghệ An</b>');
    expect(html).toContain('Kỳ báo cáo: Tháng 3 năm 2026 (từ ngày 15/02/2026 đến ngày 14/03/2026)');
    for (const h of [
      'Số kỳ trước chuyển qua',
      'Số mới tiếp nhận trực tuyến',
      'Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích',
      'Trả trước hạn',
      'Trả đúng thời hạn',
      'Trả quá hạn',
      'Trong hạn',
      'Quá hạn',
    ]) {
      expect(html).toContain(`<th>${h}</th>`);
    }
    expect(html).toContain('<th colspan="3">Số hồ sơ đang giải quyết</th>');
    expect(html).not.toContain('Số hồ sơ trả lại');
    expect(html).toContain('<td class="num"><i>(13)</i></td>'); // STT + 1 group column + 11 figures
    expect(html).not.toContain('<i>(14)</i>');
    expect(bodyCells(html)).toEqual([
      [
        '1',
        '1.000001 – Đăng ký khai sinh',
        '1.474',
        '120',
        '1.050',
        '304',
        '1.278',
        '971',
        '300',
        '7',
        '186',
        '150',
        '36',
      ],
      ['2', '1.000002 – Đăng ký kết hôn', '3', '0', '0', '3', '2', '0', '2', '0', '1', '0', '1'],
      ['', 'Tổng cộng', '1.477', '120', '1.050', '307', '1.280', '971', '302', '7', '187', '150', '37'],
    ]);
    expect(html).toContain('Hưng Nguyên, ngày 16 tháng 3 năm 2026');
    expect(html).toContain('Người lập biểu');
    expect(html).toContain('Thủ trưởng đơn vị');
  });

  it('prints 07a with the returned and waiting columns, in English on request', () => {
    const form = buildStatisticsForm(counts, {
      form: '07a',
      period,
      rule: 'at-return',
      by: ['field', 'procedure'],
      procedureInfo: info,
    });
    const vi = renderStatisticsFormHtml(form, { office });
    expect(vi).toContain('Biểu số II.07a');
    expect(vi).toContain('<th rowspan="3">Số hồ sơ trả lại</th><th rowspan="3">Số hồ sơ chờ bổ sung</th>');
    expect(vi).toContain('<i>(16)</i>'); // STT + 2 group columns + 13 figures
    expect(bodyCells(vi)[2]).toEqual([
      '',
      'Tổng cộng',
      '1.477',
      '120',
      '1.050',
      '307',
      '1.280',
      '971',
      '302',
      '7',
      '187',
      '150',
      '37',
      '10',
      '12',
    ]);
    expect(bodyCells(vi)[0]?.slice(0, 3)).toEqual(['1', 'Hộ tịch', '1.000001 – Đăng ký khai sinh']);
    const en = renderStatisticsFormHtml(form, { office, language: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Form II.07a');
    expect(en).toContain('Report period: March 2026 (2026-02-15 to 2026-03-14)');
    expect(en).toContain('<th>Carried over from the previous period</th>');
    expect(bodyCells(en)[2]?.slice(2, 3)).toEqual(['1,477']);
  });

  it('escapes names and refuses bad office info naming the field', () => {
    const form = buildStatisticsForm(counts, { form: '06', period, rule: 'at-return', by: ['agency'] });
    const html = renderStatisticsFormHtml(form, { office, agencyNames: { H56: '<script>x</script>' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(() => renderStatisticsFormHtml(form, { office: { ...office, agencyName: '' } })).toThrow(
      ValidationError,
    );
    try {
      renderStatisticsFormHtml(form, { office: { ...office, agencyName: '' } });
    } catch (e) {
      expect((e as ValidationError).issues[0]?.field).toBe('options.office.agencyName');
    }
  });
});
