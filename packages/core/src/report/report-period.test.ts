import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/dossier-errors.js';
import {
  type PeriodicReportKind,
  REPORT_PERIOD_CONVENTIONS,
  reportPeriodContaining,
  resolveReportPeriod,
} from './report-period.js';

const DAY = 86_400_000;

describe('resolveReportPeriod', () => {
  it('cuts months, quarters, half-years and years on the 15th → 14th convention', () => {
    const march = resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 15 });
    expect([march.firstDay, march.lastDay]).toEqual(['2026-02-15', '2026-03-14']);
    expect(march.from).toBe('2026-02-14T17:00:00.000Z');
    expect(march.to).toBe('2026-03-14T17:00:00.000Z');
    expect(march.label).toEqual({ vi: 'Tháng 3 năm 2026', en: 'March 2026' });
    const january = resolveReportPeriod({ kind: 'month', year: 2026, month: 1, startDay: 15 });
    expect([january.firstDay, january.lastDay]).toEqual(['2025-12-15', '2026-01-14']);
    const q1 = resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 1, startDay: 15 });
    expect([q1.firstDay, q1.lastDay, q1.label.vi]).toEqual(['2025-12-15', '2026-03-14', 'Quý I năm 2026']);
    const h2 = resolveReportPeriod({ kind: 'half-year', year: 2026, half: 2, startDay: 15 });
    expect([h2.firstDay, h2.lastDay]).toEqual(['2026-06-15', '2026-12-14']);
    const year = resolveReportPeriod({ kind: 'year', year: 2026, startDay: 15 });
    expect([year.firstDay, year.lastDay, year.label.vi]).toEqual(['2025-12-15', '2026-12-14', 'Năm 2026']);
  });

  it('cuts calendar periods by default, and custom periods by their days', () => {
    const feb = resolveReportPeriod({ kind: 'month', year: 2028, month: 2 });
    expect([feb.firstDay, feb.lastDay]).toEqual(['2028-02-01', '2028-02-29']);
    const q4 = resolveReportPeriod({ kind: 'quarter', year: 2026, quarter: 4 });
    expect([q4.firstDay, q4.lastDay, q4.to]).toEqual([
      '2026-10-01',
      '2026-12-31',
      '2026-12-31T17:00:00.000Z',
    ]);
    const custom = resolveReportPeriod({ kind: 'custom', from: '2026-03-02', to: '2026-03-02' });
    expect([custom.from, custom.to]).toEqual(['2026-03-01T17:00:00.000Z', '2026-03-02T17:00:00.000Z']);
    expect(custom.label.vi).toBe('Từ ngày 02/03/2026 đến ngày 02/03/2026');
    const official = REPORT_PERIOD_CONVENTIONS.find((c) => c.id === 'official-15th');
    expect(official?.startDay).toBe(15);
  });

  it('refuses a custom period ending before it starts and a bad cut-off day, naming the field', () => {
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).message).not.toContain('2026-03-01');
        return (e as ValidationError).issues.map((i) => i.field);
      }
      throw new Error('did not throw');
    };
    expect(
      fieldOf(() => resolveReportPeriod({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' })),
    ).toEqual(['period.to']);
    expect(fieldOf(() => resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 29 }))).toEqual(
      ['period.startDay'],
    );
    expect(
      fieldOf(() => resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 1.5 })),
    ).toEqual(['period.startDay']);
    expect(
      fieldOf(() => resolveReportPeriod({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' })),
    ).toEqual(['period.from']);
    expect(fieldOf(() => reportPeriodContaining('month', 0, '2026-03-01'))).toEqual(['startDay']);
  });

  const kinds: PeriodicReportKind[] = ['month', 'quarter', 'half-year', 'year'];
  const day = fc.integer({ min: Date.UTC(1980, 0, 1) / DAY, max: Date.UTC(2190, 0, 1) / DAY });

  it('tiles time: the next period starts the day after the last ends, at local midnight (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.integer({ min: 1, max: 28 }), day, (kind, startDay, n) => {
        const date = new Date(n * DAY).toISOString().slice(0, 10);
        const p = reportPeriodContaining(kind, startDay, date);
        // The period holds the day.
        expect(p.firstDay <= date && date <= p.lastDay).toBe(true);
        const nextDay = new Date(Date.parse(`${p.lastDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
        const next = reportPeriodContaining(kind, startDay, nextDay);
        // No gap, no overlap: the next period starts right after, and its instants chain.
        expect(next.firstDay).toBe(nextDay);
        expect(next.from).toBe(p.to);
        // Boundaries are 00:00 in Asia/Ho_Chi_Minh (17:00 UTC the day before).
        expect(p.from.slice(11)).toBe('17:00:00.000Z');
        expect(Date.parse(p.from)).toBe(Date.parse(`${p.firstDay}T00:00:00+07:00`));
        // The day before the first is in the previous period.
        const before = new Date(Date.parse(`${p.firstDay}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
        expect(reportPeriodContaining(kind, startDay, before).to).toBe(p.from);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts each year into 12 months, 4 quarters, 2 halves that add up to the year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1977, max: 2199 }), fc.integer({ min: 1, max: 28 }), (year, startDay) => {
        const y = resolveReportPeriod({ kind: 'year', year, startDay });
        const months = Array.from({ length: 12 }, (_, i) =>
          resolveReportPeriod({ kind: 'month', year, month: i + 1, startDay }),
        );
        expect(months[0]?.from).toBe(y.from);
        expect(months[11]?.to).toBe(y.to);
        for (let i = 1; i < 12; i++) expect(months[i]?.from).toBe(months[i - 1]?.to);
        for (let q = 1; q <= 4; q++) {
          const quarter = resolveReportPeriod({ kind: 'quarter', year, quarter: q, startDay });
          expect(quarter.from).toBe(months[q * 3 - 3]?.from);
          expect(quarter.to).toBe(months[q * 3 - 1]?.to);
        }
        expect(resolveReportPeriod({ kind: 'half-year', year, half: 2, startDay }).to).toBe(y.to);
      }),
      { numRuns: 200 },
    );
  });
});
