import {
  countIndex,
  type DossierIndexFacts,
  type DossierStore,
  type DossierSummary,
  INDEX_COUNT_NAMES,
  type IndexCountGroupBy,
  type IndexDossierSet,
  type IndexRule,
  indexDossiers,
} from '@motcua/core';
import { newDossierCommit } from '@motcua/core/testing';
import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../postgres/postgres-store.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';

// Instants on a 12-hour grid from 2026-02-20, so that ends, due times and period bounds often coincide.
const START = Date.parse('2026-02-20T00:00:00.000Z');
const at = (step: number) => new Date(START + step * 12 * 3_600_000).toISOString();
const step = fc.integer({ min: 0, max: 100 });
const optStep = fc.option(step, { nil: null });

const facts: fc.Arbitrary<DossierIndexFacts | undefined> = fc.option(
  fc.record({
    version: fc.constant(1),
    finishedAt: optStep.map((s) => (s === null ? null : at(s))),
    endAt: optStep.map((s) => (s === null ? null : at(s))),
    supplementRequests: fc.integer({ min: 0, max: 3 }),
    supplementMs: fc.integer({ min: 0, max: 10 * 86_400_000 }),
    lastRequestAt: optStep.map((s) => (s === null ? null : at(s))),
    lastSuppliedAt: optStep.map((s) => (s === null ? null : at(s))),
    processingMs: fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 }), { nil: null }),
    returnProcessingMs: fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 }), { nil: null }),
    results: fc.integer({ min: 0, max: 2 }),
    eResult: fc.boolean(),
    feeBearing: fc.boolean(),
    paidOnline: fc.integer({ min: 0, max: 2 }),
    digitised: fc.boolean(),
    reused: fc.boolean(),
    nationalStore: fc.boolean(),
    populationData: fc.boolean(),
    satisfied: fc.option(fc.boolean(), { nil: null }),
  }),
  { nil: undefined, freq: 6 },
);

const dossier = fc.record({
  agency: fc.constantFrom('A', 'B'),
  holder: fc.constantFrom('desk', 'unit'),
  procedure: fc.constantFrom('P1', 'P2'),
  channel: fc.constantFrom('in-person', 'postal', 'online-full', 'online-partial'),
  state: fc.constantFrom('processing', 'submitted', 'returned'),
  received: step,
  due: step,
  closed: fc.option(
    fc.record({
      at: step,
      outcome: fc.constantFrom('returned', 'refused', 'withdrawn', 'stopped', 'expired'),
      result: fc.constantFrom('EARLY', 'ON_TIME', 'LATE', null),
    }),
    { nil: null },
  ),
  facts,
  /** Acknowledged by the portal (1.4), recorded through the store. */
  synced: fc.boolean(),
  /** A liaison member part (not a filing of its own: out of 1.4). */
  member: fc.boolean(),
});

type Generated = typeof dossier extends fc.Arbitrary<infer T> ? T : never;

function summaries(rows: Generated[]) {
  return rows.map((r, i) => {
    const c = newDossierCommit(`P-${String(i).padStart(4, '0')}`);
    const { indexFacts: _drop, ...base } = c.dossier.summary;
    const summary: DossierSummary = {
      ...base,
      agency: r.agency,
      holder: r.holder,
      procedureCode: r.procedure,
      channel: r.channel as DossierSummary['channel'],
      state: r.state,
      status: r.closed ? 'done' : 'active',
      receivedAt: at(r.received),
      legalDueAt: at(r.due),
      currentDueAt: at(r.due),
      closedAt: r.closed ? at(r.closed.at) : null,
      outcome: (r.closed?.outcome ?? null) as DossierSummary['outcome'],
      result: (r.closed?.result ?? null) as DossierSummary['result'],
      ...(r.facts ? { indexFacts: r.member ? { ...r.facts, liaisonMember: true as const } : r.facts } : {}),
    };
    return { ...c, dossier: { ...c.dossier, summary } };
  });
}

const query = fc.record({
  from: fc.integer({ min: 0, max: 90 }),
  length: fc.integer({ min: 1, max: 60 }),
  rule: fc.constantFrom<IndexRule>('national', 'at-return'),
  by: fc.constantFrom<IndexCountGroupBy>('agency', 'unit', 'procedure', 'none'),
  set: fc.constantFrom(
    ...INDEX_COUNT_NAMES.filter((n): n is IndexDossierSet => n !== 'processingMs' && n !== 'syncKept'),
  ),
  agency: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
});

async function differential(
  makeStore: () => Promise<DossierStore & { close?(): Promise<void> }>,
  runs: number,
) {
  await fc.assert(
    fc.asyncProperty(
      fc.array(dossier, { maxLength: 40 }),
      fc.array(query, { minLength: 1, maxLength: 4 }),
      async (rows, queries) => {
        const store = await makeStore();
        try {
          const commits = summaries(rows);
          for (const c of commits) await store.commit(c);
          const portalSynced = new Map<string, string>();
          for (const [i, r] of rows.entries()) {
            if (!r.synced) continue;
            const code = commits[i]!.dossier.summary.code;
            expect(await store.recordPortalSync?.(code, at(r.received))).toBe(true);
            portalSynced.set(code, at(r.received));
          }
          for (const q of queries) {
            const period = { from: at(q.from), to: at(q.from + q.length), rule: q.rule, by: q.by };
            const expected = countIndex(
              commits.map((c) => c.dossier.summary),
              period,
              portalSynced,
            );
            expect(await store.nationalIndexCounts(period)).toEqual(expected);
            // The drill-down's set: the same dossiers as core's, by the same conditions.
            const drill = { ...period, set: q.set, agency: q.agency, limit: 1000 };
            expect(await store.nationalIndexDossiers(drill)).toEqual(
              indexDossiers(
                commits.map((c) => c.dossier.summary),
                drill,
                portalSynced,
              ),
            );
          }
        } finally {
          await store.close?.();
        }
      },
    ),
    { numRuns: runs },
  );
}

describe('national index counts and dossier sets in SQL equal the in-memory ones (SQLite)', () => {
  it('for any dossiers, period, rule and grouping', async () => {
    await differential(async () => {
      const store = new SqliteStore(':memory:');
      await store.migrate();
      return store;
    }, 60);
  });
});

describePostgres(
  'national index counts and dossier sets in SQL equal the in-memory ones (PostgreSQL)',
  () => {
    const pool = testPool({ max: 2 });
    const schemas: string[] = [];
    afterAll(async () => {
      for (const s of schemas) await dropSchema(pool, s);
      await pool.end();
    });
    it('for any dossiers, period, rule and grouping', async () => {
      await differential(async () => {
        const schema = freshSchema();
        schemas.push(schema);
        const store = new PostgresStore({ pool, schema });
        await store.migrate();
        return Object.assign(store, { close: async () => dropSchema(pool, schema) });
      }, 15);
    }, 120_000);
  },
);
