/**
 * Province-approved internal processes (quy trình nội bộ) imported from a table: steps, units,
 * fractions of days and hours, national status codes per step, cases, area extensions, the
 * approving decision as the version's source; bad cells named by row and column; steps beyond the
 * legal limit refused by the static check.
 */
import {
  buildStatisticsForm07b,
  DefinitionError,
  defineProcedure,
  resolveReportPeriod,
  ValidationError,
} from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { processFromTable } from './process-table.js';

const procedure = {
  code: '1.004222',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  regime: '2025' as const,
  name: { vi: 'Đăng ký thường trú' },
  legalBasis: ['Luật Cư trú số 68/2020/QH14'],
  agency: 'Công an xã',
  timeLimit: { workingDays: 7 },
  channels: ['in-person' as const, 'online-full' as const],
  application: z.object({ address: z.string() }).strict(),
};
const decision = { number: '2095/QĐ-UBND', date: '2025-10-31', issuedBy: 'UBND tỉnh Đồng Nai' };

const csv = [
  'Bước;Nội dung;Đơn vị/chức danh;Thời gian;Trạng thái',
  '1;Tiếp nhận, kiểm tra và chuyển hồ sơ;Bộ phận Một cửa;0,5 ngày;2',
  '2;Thẩm định hồ sơ;Công an xã;4 ngày;4',
  '3;Phê duyệt kết quả;Trưởng Công an xã;2 ngày;4',
  '4;Cập nhật cơ sở dữ liệu về cư trú;Công an xã;4 giờ;4',
].join('\n');

const fields = (e: unknown) => (e as ValidationError).issues.map((i) => i.field);
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('processFromTable', () => {
  it('builds the steps, units, budgets and status codes of a province table (CSV)', () => {
    const [d, ...rest] = processFromTable(csv, { procedure, decision });
    expect(rest).toEqual([]);
    expect(d!.units).toEqual({
      desk: { name: 'Bộ phận Một cửa' },
      'cong-an-xa': { name: 'Công an xã' },
      'truong-cong-an-xa': { name: 'Trưởng Công an xã' },
    });
    expect(d!.steps).toEqual([
      { id: 'b1', name: 'Tiếp nhận, kiểm tra và chuyển hồ sơ', unit: 'desk', budget: { workingDays: 0.5 } },
      { id: 'b2', name: 'Thẩm định hồ sơ', unit: 'cong-an-xa', budget: { workingDays: 4 } },
      { id: 'b3', name: 'Phê duyệt kết quả', unit: 'truong-cong-an-xa', budget: { workingDays: 2 } },
      { id: 'b4', name: 'Cập nhật cơ sở dữ liệu về cư trú', unit: 'cong-an-xa', budget: { workingHours: 4 } },
    ]);
    expect(d!.nationalStatus).toEqual({
      'processing.b1': 2,
      'processing.b2': 4,
      'processing.b3': 4,
      'processing.b4': 4,
    });
    expect(d!.legalBasis.at(-1)).toBe(
      'Quyết định số 2095/QĐ-UBND ngày 31/10/2025 của UBND tỉnh Đồng Nai phê duyệt quy trình nội bộ',
    );
    // It runs: a receipt at the desk is status 2.
    const p = defineProcedure(d!);
    expect(p.definition.steps).toHaveLength(4);
  });

  it('takes rows already parsed (JSON), cases with their own steps, and area extensions', () => {
    const rows = [
      {
        'Trường hợp': 'Có nhà ở hợp pháp',
        'Nội dung': 'Tiếp nhận',
        'Đơn vị': 'Bộ phận Một cửa',
        'Thời gian': '0.5 ngày',
      },
      {
        'Trường hợp': 'Có nhà ở hợp pháp',
        'Nội dung': 'Giải quyết',
        'Đơn vị': 'Công an xã',
        'Thời gian': '6.5 ngày',
      },
      {
        'Trường hợp': 'Thuê, mượn nhà',
        'Nội dung': 'Tiếp nhận',
        'Đơn vị': 'Bộ phận Một cửa',
        'Thời gian': '0.5 ngày',
      },
      {
        'Trường hợp': 'Thuê, mượn nhà',
        'Nội dung': 'Xác minh',
        'Đơn vị': 'Công an xã',
        'Thời gian': '3 ngày',
      },
      {
        'Trường hợp': 'Thuê, mượn nhà',
        'Nội dung': 'Giải quyết',
        'Đơn vị': 'Công an xã',
        'Thời gian': '3,5 ngày',
      },
    ];
    const defs = processFromTable(rows, {
      procedure,
      decision,
      areaExtensions: [{ id: 'vkk', name: 'Vùng khó khăn', extraWorkingDays: 10 }],
    });
    expect(defs.map((d) => [d.version, d.steps.length, d.timeLimit])).toEqual([
      ['2026.1-th1', 2, { workingDays: 7 }],
      ['2026.1-th1-vkk', 2, { workingDays: 17 }],
      ['2026.1-th2', 3, { workingDays: 7 }],
      ['2026.1-th2-vkk', 3, { workingDays: 17 }],
    ]);
    expect(defs[2]!.name.vi).toBe('Đăng ký thường trú (Thuê, mượn nhà)');
  });

  it('gives a case (Trường hợp) its own time limit, extended by area and checked against its steps', () => {
    const rows = [
      ['Có nhà ở hợp pháp', 'Tiếp nhận', 'Bộ phận Một cửa', '0,5 ngày'],
      ['Có nhà ở hợp pháp', 'Giải quyết', 'Công an xã', '6 ngày'],
      ['Thuê, mượn nhà', 'Tiếp nhận', 'Bộ phận Một cửa', '0,5 ngày'],
      ['Thuê, mượn nhà', 'Xác minh', 'Công an xã', '5 ngày'],
      ['Thuê, mượn nhà', 'Giải quyết', 'Công an xã', '4,5 ngày'],
    ].map(([c, n, u, t]) => ({ 'Trường hợp': c!, 'Nội dung': n!, 'Đơn vị': u!, 'Thời gian': t! }));
    const caseLimits = { 'Thuê, mượn nhà': { workingDays: 10 } };
    const defs = processFromTable(rows, {
      procedure,
      decision,
      caseLimits,
      areaExtensions: [{ id: 'vkk', name: 'Vùng khó khăn', extraWorkingDays: 10 }],
    });
    expect(defs.map((d) => [d.version, d.timeLimit])).toEqual([
      ['2026.1-th1', { workingDays: 7 }],
      ['2026.1-th1-vkk', { workingDays: 17 }],
      ['2026.1-th2', { workingDays: 10 }],
      ['2026.1-th2-vkk', { workingDays: 20 }],
    ]);
    // Without its own limit, the second case's 10 days of steps exceed the procedure's 7.
    const over = thrown(() => processFromTable(rows, { procedure, decision }));
    expect(over).toBeInstanceOf(DefinitionError);
    expect((over as DefinitionError).field).toBe('steps');
    // A limit for a case the table does not have, or not a limit: named, nothing built.
    const unknown = thrown(() =>
      processFromTable(rows, {
        procedure,
        decision,
        caseLimits: { ...caseLimits, '<script>': { workingDays: 5 } },
      }),
    );
    expect(fields(unknown)).toEqual(['caseLimits']);
    expect((unknown as Error).message).not.toContain('<script>');
    const notALimit = thrown(() =>
      processFromTable(rows, { procedure, decision, caseLimits: { 'Thuê, mượn nhà': { workingDays: -1 } } }),
    );
    expect(fields(notALimit)).toEqual(['caseLimits']);
  });

  it('declares the approval of each case for Biểu II.07b when the level is given', () => {
    const cases = [
      ['Có nhà ở hợp pháp', 'Tiếp nhận', 'Bộ phận Một cửa', '0,5 ngày'],
      ['Có nhà ở hợp pháp', 'Giải quyết', 'Công an xã', '6 ngày'],
      ['Thuê, mượn nhà', 'Tiếp nhận', 'Bộ phận Một cửa', '0,5 ngày'],
      ['Thuê, mượn nhà', 'Giải quyết', 'Công an xã', '6 ngày'],
    ].map(([c, n, u, t]) => ({ 'Trường hợp': c!, 'Nội dung': n!, 'Đơn vị': u!, 'Thời gian': t! }));
    const defs = processFromTable(cases, {
      procedure: { ...procedure, implementation: { levels: ['commune'], mechanism: 'one-stop' } },
      decision,
      level: 'commune',
      areaExtensions: [{ id: 'vkk', name: 'Vùng khó khăn', extraWorkingDays: 10 }],
    });
    expect(defs[0]!.implementation).toEqual({
      levels: ['commune'],
      mechanism: 'one-stop',
      internalProcesses: [
        {
          level: 'commune',
          decision: '2095/QĐ-UBND',
          date: '2025-10-31',
          issuer: 'UBND tỉnh Đồng Nai',
          case: 'Có nhà ở hợp pháp',
        },
      ],
    });
    // Two cases, each with its area extension: one procedure, two approved processes.
    const form = buildStatisticsForm07b(defs, {
      period: resolveReportPeriod({ kind: 'year', year: 2026 }),
      by: [],
    });
    expect(form.total.processes).toEqual({ total: 2, byLevel: { province: 0, commune: 2 } });
    expect(form.total.oneStop.total).toBe(1);
    // Without a level nothing is declared; with one, the issuer is required.
    expect(processFromTable(cases, { procedure, decision })[0]!.implementation).toBeUndefined();
    const noIssuer = thrown(() =>
      processFromTable(cases, {
        procedure,
        decision: { number: '1/QĐ', date: '2026-01-02' },
        level: 'commune',
      }),
    );
    expect(fields(noIssuer)).toEqual(['decision.issuedBy']);
    // No district level on a 2026 version: the static check names the field.
    const district = thrown(() => processFromTable(cases, { procedure, decision, level: 'district' }));
    expect(district).toBeInstanceOf(DefinitionError);
    expect((district as DefinitionError).field).toBe('implementation.internalProcesses[0].level');
  });

  it('reads the phases (Giai đoạn) and what a later phase waits for', () => {
    const phased = [
      'Bước;Nội dung;Đơn vị/chức danh;Thời gian;Giai đoạn',
      '1;Tiếp nhận, kiểm tra và chuyển hồ sơ;Bộ phận Một cửa;0,5 ngày;1',
      '2;Thẩm định hồ sơ;Công an xã;4 ngày;1',
      '3;Phê duyệt kết quả;Trưởng Công an xã;2 ngày;2',
      '4;Cập nhật cơ sở dữ liệu về cư trú;Công an xã;4 giờ;2',
    ].join('\n');
    const [d] = processFromTable(phased, { procedure, decision, phases: { 2: 'complete-file' } });
    expect(d!.steps.map((st) => st.phase)).toEqual([1, 1, 2, 2]);
    expect(d!.phases).toEqual([{ phase: 2, name: 'Giai đoạn 2', startsAfter: 'complete-file' }]);
    const bad = thrown(() =>
      processFromTable(phased.replace(';4 ngày;1', ';4 ngày;hai'), { procedure, decision }),
    );
    expect(fields(bad)).toEqual(['rows[1].phase']);
    // Phases that go back along the steps: the static check names the step.
    const back = thrown(() =>
      processFromTable(phased.replace('4 giờ;2', '4 giờ;1'), { procedure, decision }),
    );
    expect(back).toBeInstanceOf(DefinitionError);
    expect((back as DefinitionError).field).toBe('steps[3].phase');
  });

  it('names a bad approving decision (no number, a date that is not a calendar day), without echoing it', () => {
    const cases: [object, string[]][] = [
      [{ ...decision, number: '' }, ['decision.number']],
      [{ ...decision, number: '   ' }, ['decision.number']],
      [{ ...decision, date: '31/10/2025' }, ['decision.date']],
      [{ ...decision, date: '2025-02-30' }, ['decision.date']],
      [{ ...decision, date: '<script>' }, ['decision.date']],
      [{ ...decision, issuedBy: '' }, ['decision.issuedBy']],
      [{ number: '', date: 'hôm qua' }, ['decision.number', 'decision.date']],
    ];
    for (const [bad, expected] of cases) {
      const error = thrown(() => processFromTable(csv, { procedure, decision: bad as typeof decision }));
      expect(error, JSON.stringify(bad)).toBeInstanceOf(ValidationError);
      expect(fields(error)).toEqual(expected);
      expect((error as Error).message).not.toContain('<script>');
    }
  });

  it('names each bad cell by row and column; nothing is built', () => {
    const bad = [
      'Bước,Nội dung,Đơn vị,Thời gian,Trạng thái',
      '1,Tiếp nhận,Bộ phận Một cửa,nửa ngày,2',
      '2,,Công an xã,4 ngày,11',
    ].join('\n');
    const error = thrown(() => processFromTable(bad, { procedure, decision }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(fields(error)).toEqual(['rows[0].time', 'rows[1].content', 'rows[1].status']);
    expect((error as ValidationError).issues[0]!.message).toContain("row 1, column 'Thời gian'");
    expect(fields(thrown(() => processFromTable('Nội dung;Đơn vị\nA;B', { procedure, decision })))).toEqual([
      'time',
    ]);
    expect(
      fields(
        thrown(() =>
          processFromTable('Nội dung;Đơn vị;Thời gian\nA;Công an xã;1 ngày', { procedure, decision }),
        ),
      ),
    ).toEqual(['rows']);
  });

  it('refuses steps that exceed the legal limit (the static check)', () => {
    const tooLong = csv.replace(
      '4;Cập nhật cơ sở dữ liệu về cư trú;Công an xã;4 giờ;4',
      '4;Cập nhật;Công an xã;1 ngày;4',
    );
    const error = thrown(() => processFromTable(tooLong, { procedure, decision }));
    expect(error).toBeInstanceOf(DefinitionError);
    expect(error).toMatchObject({ field: 'steps' });
  });
});
