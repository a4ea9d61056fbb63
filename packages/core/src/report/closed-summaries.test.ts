import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../model/channel.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import { aggregateReport } from './aggregate-report.js';
import { ClosedSummaries } from './closed-summaries.js';
import type { ReportQuery } from './report-types.js';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const MIN = 60_000;
const iso = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

const summary: fc.Arbitrary<DossierSummary> = fc
  .record({
    received: fc.integer({ min: 0, max: 100 }),
    closedAfter: fc.option(fc.integer({ min: 0, max: 100 })),
    legalAfter: fc.integer({ min: 0, max: 100 }),
    channel: fc.constantFrom<Channel>('in-person', 'online-full', 'online-partial', 'postal'),
    agency: fc.constantFrom('A', 'B.1', 'C'),
    procedure: fc.constantFrom('1.004194', '2.000001', '1.000002'),
    outcome: fc.constantFrom('returned', 'refused', 'withdrawn', 'stopped', 'expired') as fc.Arbitrary<
      NonNullable<DossierSummary['outcome']>
    >,
    result: fc.constantFrom('EARLY', 'ON_TIME', 'LATE', null) as fc.Arbitrary<DossierSummary['result']>,
    paused: fc.boolean(),
  })
  .map((r) => {
    const closed = r.closedAfter === null ? null : r.received + r.closedAfter;
    return {
      code: 'X',
      agency: r.agency,
      procedureCode: r.procedure,
      procedureVersion: '1',
      channel: r.channel,
      state: closed === null ? 'processing.x' : r.outcome,
      status: closed === null ? 'active' : 'done',
      holder: 'desk',
      receivedAt: iso(r.received),
      legalDueAt: iso(r.received + r.legalAfter),
      currentDueAt: iso(r.received + r.legalAfter),
      closedAt: closed === null ? null : iso(closed),
      outcome: closed === null ? null : r.outcome,
      result: closed === null ? null : r.result,
      lateUnit: null,
      paused: r.paused,
      nationalStatus: closed === null ? 4 : 10,
    } satisfies DossierSummary;
  });

const query: fc.Arbitrary<ReportQuery> = fc
  .record({
    from: fc.integer({ min: -10, max: 150 }),
    length: fc.integer({ min: 0, max: 150 }),
    groupBy: fc.constantFrom('agency', 'procedure', 'channel', 'none') as fc.Arbitrary<
      ReportQuery['groupBy']
    >,
  })
  .map((q) => ({ from: iso(q.from), to: iso(q.from + q.length), groupBy: q.groupBy }));

describe('ClosedSummaries', () => {
  it('reports what aggregateReport reports over the same summaries, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(summary, { maxLength: 60 }),
        fc.array(summary, { maxLength: 20 }),
        query,
        (kept, live, q) => {
          const columns = new ClosedSummaries();
          for (const s of kept) columns.add(s);
          expect(columns.count).toBe(kept.length);
          const got = columns.report(q, live);
          const want = aggregateReport([...kept, ...live], q);
          expect(got).toEqual(want);
          // Same keys in the same order too (receivedByChannel in first-seen order).
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('grows past its first columns', () => {
    const columns = new ClosedSummaries();
    const s: DossierSummary = fc.sample(summary, { numRuns: 1, seed: 3 })[0]!;
    for (let i = 0; i < 3000; i++) columns.add(s);
    const q: ReportQuery = { from: iso(-1000), to: iso(1000), groupBy: 'none' };
    expect(columns.report(q)).toEqual(aggregateReport(Array(3000).fill(s), q));
  });
});
