import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ValidationError } from '../errors/dossier-errors.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import { countStatistics } from '../report/statistics-counts.js';
import type { DossierStore } from '../store/store-types.js';
import { newDossierCommit } from './fixtures.js';

const HOUR = 3_600_000;
/** 2026-03-01T00:00+07:00: the dossiers' instants are spread over the 60 days after it. */
const T0 = Date.parse('2026-02-28T17:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Random summary facts: every channel, outcome, timeliness, pause and supplementation state. */
const summaryFacts = fc.record({
  agency: fc.constantFrom('H56', 'H57'),
  procedureCode: fc.constantFrom('1.004194', '1.001193', '2.000001'),
  channel: fc.constantFrom('in-person', 'postal', 'online-full', 'online-partial'),
  receivedHour: fc.integer({ min: 0, max: 60 * 24 }),
  dueHours: fc.integer({ min: 1, max: 20 * 24 }),
  closedAfterHours: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
  outcome: fc.constantFrom('returned', 'refused', 'withdrawn', 'stopped', 'expired'),
  result: fc.constantFrom('EARLY', 'ON_TIME', 'LATE'),
  openState: fc.constantFrom('processing.appraise', 'supplementing', 'resultReady', 'submitted'),
  paused: fc.boolean(),
  nationalStatus: fc.constantFrom(null, 4, 5),
});

type Facts = typeof summaryFacts extends fc.Arbitrary<infer T> ? T : never;

function summaryOf(code: string, f: Facts): DossierSummary {
  const received = T0 + f.receivedHour * HOUR;
  const closed = f.closedAfterHours === null ? null : received + f.closedAfterHours * HOUR;
  const due = iso(received + f.dueHours * HOUR);
  return {
    code,
    agency: f.agency,
    procedureCode: f.procedureCode,
    procedureVersion: '2025.1',
    channel: f.channel,
    state: closed === null ? f.openState : f.outcome,
    status: closed === null ? 'active' : 'done',
    holder: 'desk',
    receivedAt: iso(received),
    legalDueAt: due,
    currentDueAt: due,
    closedAt: closed === null ? null : iso(closed),
    outcome: closed === null ? null : f.outcome,
    result: closed === null || f.outcome === 'withdrawn' ? null : f.result,
    lateUnit: null,
    paused: closed === null && (f.paused || f.openState === 'supplementing'),
    nationalStatus: closed === null ? f.nationalStatus : 10,
  };
}

/**
 * The statistics forms' part of the store conformance suite (Biểu 06 / 07a): the store's
 * set-based counts per agency × procedure equal core's reference `countStatistics` over the same
 * summaries, for periods that cut through receipts, closes and due times; bad queries are typed
 * errors naming the field. Registered by {@link storeConformanceSuite} inside its `describe`.
 */
export function statisticsConformanceTests(current: () => DossierStore): void {
  it('counts the statistics forms as the reference counts them, per agency × procedure', async () => {
    const store = current();
    const facts =
      fc.sample(fc.array(summaryFacts, { minLength: 80, maxLength: 80 }), { numRuns: 1, seed: 17 })[0] ?? [];
    const summaries = facts.map((f, i) => summaryOf(`H56-260301-${String(i + 1).padStart(4, '0')}`, f));
    for (const s of summaries) {
      const c = newDossierCommit(s.code, { at: s.receivedAt });
      await store.commit({ ...c, dossier: { ...c.dossier, summary: s } });
    }
    const periods = [
      { from: iso(T0), to: iso(T0 + 15 * 24 * HOUR) },
      { from: iso(T0 + 14 * 24 * HOUR), to: iso(T0 + 45 * 24 * HOUR) },
      { from: iso(T0 + 30 * 24 * HOUR + 7 * HOUR), to: iso(T0 + 90 * 24 * HOUR) },
      { from: iso(T0 - 24 * HOUR), to: iso(T0 + 200 * 24 * HOUR) },
    ];
    for (const p of periods) {
      const query = { ...p, rule: 'at-return' as const };
      const expected = countStatistics(summaries, query);
      expect(expected.length).toBeGreaterThan(0);
      expect(await store.statisticsCounts(query)).toEqual(expected);
    }
    // Instants with an offset are the same instants.
    expect(
      await store.statisticsCounts({
        from: '2026-03-01T00:00:00+07:00',
        to: '2026-03-16T00:00:00+07:00',
        rule: 'at-return',
      }),
    ).toEqual(countStatistics(summaries, { ...periods[0]!, rule: 'at-return' }));
  });

  it('refuses a statistics query ending before it starts or with an unknown rule, naming the field', async () => {
    const store = current();
    await expect(
      store.statisticsCounts({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z', rule: 'at-return' }),
    ).rejects.toMatchObject({ constructor: ValidationError, issues: [{ field: 'query.to' }] });
    await expect(
      store.statisticsCounts({
        from: '2026-03-01T00:00:00Z',
        to: '2026-03-02T00:00:00Z',
        rule: 'national' as never,
      }),
    ).rejects.toMatchObject({ issues: [{ field: 'query.rule' }] });
  });
}
