import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { ValidationError } from '../errors/dossier-errors.js';
import { resolveReportPeriod } from '../report/report-period.js';
import { buildStatisticsForm07b, type CatalogueVersionFacts } from '../report/statistics-form-07b.js';
import { renderStatisticsForm07bHtml } from './statistics-form-07b-html.js';

const office = {
  governingBody: 'UBND tỉnh Nghệ An',
  agencyName: 'Văn phòng UBND tỉnh Nghệ An',
  deskName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
  placeName: 'Nghệ An',
};

const catalogue: CatalogueVersionFacts[] = [
  {
    code: '1.000001',
    version: '1',
    effectiveFrom: '2025-07-01',
    name: { vi: 'A' },
    agency: 'UBND cấp xã <b>',
    implementation: {
      levels: ['commune'],
      mechanism: 'one-stop',
      internalProcesses: [
        { level: 'commune', decision: '1/QĐ-UBND', date: '2026-01-05', issuer: 'UBND tỉnh' },
      ],
    },
  },
  { code: '1.000002', version: '1', effectiveFrom: '2025-07-01', name: { vi: 'B' }, agency: 'Sở Tư pháp' },
];

/** The text of each row's cells, tags stripped. */
const cellsOf = (html: string) =>
  [...html.slice(html.indexOf('<table class="grid stat">')).matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) =>
      (c[1] ?? '').replace(/<[^>]+>/g, ''),
    ),
  );

describe('renderStatisticsForm07bHtml', () => {
  const period = resolveReportPeriod({ kind: 'year', year: 2026, startDay: 15 });
  const form = buildStatisticsForm07b(catalogue, { period, by: ['agency'] });

  it('prints the form number, title, period, the three column groups by level, rows, total and notes', () => {
    const html = renderStatisticsForm07bHtml(form, {
      office,
      reportDate: new Date('2026-12-15T03:00:00Z'),
      calendar: vietnamCalendar(),
    });
    expect(html).toContain('Biểu số II.07b/VPCP/KSTT');
    expect(html).toContain('Thông tư số 01/2020/TT-VPCP');
    expect(html).toContain('Tổng hợp số lượng thủ tục hành chính');
    expect(html).toContain('từ ngày 15/12/2025 đến ngày 14/12/2026');
    expect(html).toContain('có hiệu lực ngày 14/12/2026');
    const rows = cellsOf(html).filter((r) => r.length > 0);
    expect(rows[0]).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      'Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương',
      'TTHC được thực hiện theo cơ chế một cửa, một cửa liên thông',
      'Quy trình nội bộ giải quyết TTHC theo cơ chế một cửa, một cửa liên thông được ban hành',
    ]);
    // Two-level local government: no district column.
    expect(rows[1]).toEqual([
      'Tổng số TTHC',
      'Cấp tỉnh',
      'Cấp xã',
      'Tổng số TTHC',
      'Tại Bộ phận Một cửa cấp tỉnh',
      'Tại Bộ phận Một cửa cấp xã',
      'Tổng số quy trình',
      'Cấp tỉnh',
      'Cấp xã',
    ]);
    expect(rows[2]).toHaveLength(11);
    expect(rows[3]).toEqual(['1', 'Sở Tư pháp', '1', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(rows[4]).toEqual(['2', 'UBND cấp xã &lt;b&gt;', '1', '0', '1', '1', '0', '1', '1', '0', '1']);
    expect(rows[5]).toEqual(['', 'Tổng cộng', '2', '0', '1', '1', '0', '1', '1', '0', '1']);
    expect(html).toContain('1 thủ tục hành chính chưa khai báo cấp thực hiện');
    expect(html).toContain(': 1.000002</li>');
    expect(html).toContain('Nghệ An, ngày 15 tháng 12 năm 2026');
    expect(html).not.toContain('cấp xã <b>');
  });

  it('prints the district column for a period before 01/07/2025, and English labels', () => {
    const old = buildStatisticsForm07b([], {
      period: resolveReportPeriod({ kind: 'month', year: 2025, month: 6 }),
      by: [],
    });
    const html = renderStatisticsForm07bHtml(old, { office, language: 'en' });
    expect(html).toContain('Form II.07b/VPCP/KSTT');
    expect(html).toContain('At district one-stop desks');
    expect(html).not.toContain('Notes');
    expect(cellsOf(html).find((r) => r[1] === 'Total')).toEqual(['', 'Total', ...Array(12).fill('0')]);
  });

  it('refuses bad office info naming the field', () => {
    expect(() => renderStatisticsForm07bHtml(form, { office: { ...office, agencyName: '' } })).toThrow(
      ValidationError,
    );
  });
});
