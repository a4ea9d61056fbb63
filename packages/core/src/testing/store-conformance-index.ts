import { expect, it } from 'vitest';
import type { IndexCounts } from '../report/national-index-counts.js';
import type { DossierStore } from '../store/store-types.js';
import { handOverCommit, newDossierCommit } from './fixtures.js';
import { INDEX_SCENARIO_PERIOD, nationalIndexScenario } from './national-index-scenario.js';

const D = 86_400_000;
const H = 3_600_000;
const zero = {
  judged: 0,
  timely: 0,
  dissatisfied: 0,
  lateOrDissatisfied: 0,
  judgedWithoutFacts: 0,
  completed: 0,
  processingMs: 0,
  received: 0,
  receivedWithoutFacts: 0,
  online: 0,
  feeBearing: 0,
  paidOnline: 0,
  paidOnPortal: 0,
  withResults: 0,
  eResults: 0,
  digitised: 0,
  reused: 0,
  nationalStore: 0,
  populationData: 0,
  filings: 0,
  synced: 0,
  syncKept: 0,
};

/**
 * The counts of {@link nationalIndexScenario} for March 2026 by agency, counted by hand (each
 * dossier's sets are listed in the scenario's comments in core's national-index tests).
 */
const SCENARIO_COUNTS: Record<'national' | 'at-return', IndexCounts[]> = {
  national: [
    {
      ...zero,
      group: 'A',
      judged: 12,
      timely: 10,
      dissatisfied: 1,
      lateOrDissatisfied: 2,
      completed: 6,
      processingMs: 7 * D + H + (9 * D + 7 * H) + 5 * D + 2 * D + 8 * D + 2 * D,
      received: 12,
      filings: 12,
      online: 2,
      feeBearing: 4,
      paidOnline: 2,
      paidOnPortal: 1,
      withResults: 6,
      eResults: 3,
      digitised: 3,
      reused: 1,
      nationalStore: 1,
      populationData: 2,
    },
    {
      ...zero,
      group: 'B',
      judged: 6,
      timely: 4,
      dissatisfied: 1,
      lateOrDissatisfied: 3,
      completed: 2,
      processingMs: 20 * D,
      received: 5,
      filings: 5,
      withResults: 1,
      eResults: 1,
      populationData: 1,
    },
    {
      ...zero,
      group: 'C',
      judged: 1,
      lateOrDissatisfied: 1,
      judgedWithoutFacts: 1,
      received: 1,
      filings: 1,
      receivedWithoutFacts: 1,
    },
  ],
  'at-return': [
    {
      ...zero,
      group: 'A',
      judged: 6,
      timely: 5,
      dissatisfied: 1,
      lateOrDissatisfied: 2,
      completed: 6,
      processingMs: 8 * D + H + (11 * D + H) + (5 * D + 6 * H) + (2 * D + 3 * H) + (8 * D + H) + (2 * D + H),
      received: 12,
      filings: 12,
      online: 3,
      feeBearing: 4,
      paidOnline: 2,
      paidOnPortal: 1,
      withResults: 6,
      eResults: 3,
      digitised: 3,
      reused: 1,
      nationalStore: 1,
      populationData: 2,
    },
    {
      ...zero,
      group: 'B',
      judged: 3,
      timely: 1,
      dissatisfied: 1,
      lateOrDissatisfied: 2,
      completed: 2,
      processingMs: 34 * D,
      received: 5,
      filings: 5,
      withResults: 1,
      eResults: 1,
      populationData: 1,
    },
    {
      ...zero,
      group: 'C',
      judged: 1,
      timely: 1,
      judgedWithoutFacts: 1,
      received: 1,
      filings: 1,
      receivedWithoutFacts: 1,
    },
  ],
};

/**
 * The national index's part of the store conformance suite: the counts of the hand-checked
 * scenario under both rules and every grouping, and the drill-down's pages. Registered by
 * `storeConformanceSuite` inside its `describe`.
 */
export function indexConformanceTests(current: () => DossierStore): void {
  it('counts the national index of a hand-checked scenario under both rules, and pages its dossiers', async () => {
    const store = current();
    for (const c of nationalIndexScenario()) await store.commit(c);
    const period = INDEX_SCENARIO_PERIOD;
    for (const rule of ['national', 'at-return'] as const) {
      expect(await store.nationalIndexCounts({ ...period, rule, by: 'agency' })).toEqual(
        SCENARIO_COUNTS[rule],
      );
      const [all] = await store.nationalIndexCounts({ ...period, rule, by: 'none' });
      for (const [k, v] of Object.entries(all!)) {
        if (k === 'group') expect(v).toBe('*');
        else
          expect(v).toBe(
            SCENARIO_COUNTS[rule].reduce((s, r) => s + (r[k as keyof typeof zero] as number), 0),
          );
      }
    }
    const units = await store.nationalIndexCounts({ ...period, rule: 'national', by: 'unit' });
    expect(units.map((u) => [u.group, u.judged, u.timely])).toEqual([
      ['cadastre', 2, 1],
      ['desk', 17, 13],
    ]);
    const procedures = await store.nationalIndexCounts({ ...period, rule: 'national', by: 'procedure' });
    expect(procedures.map((u) => [u.group, u.judged, u.received])).toEqual([
      ['P1', 11, 11],
      ['P2', 8, 7],
    ]);
    const page = (after?: string) =>
      store.nationalIndexDossiers({
        ...period,
        rule: 'national',
        set: 'timely',
        agency: 'A',
        limit: 4,
        after,
      });
    expect(await page()).toEqual([
      'H56-260302-0101',
      'H56-260302-0102',
      'H56-260302-0104',
      'H56-260302-0106',
    ]);
    expect(await page('H56-260302-0106')).toEqual([
      'H56-260302-0107',
      'H56-260302-0108',
      'H56-260302-0109',
      'H56-260302-0121',
    ]);
    expect(await page('H56-260302-0121')).toEqual(['H56-260302-0122', 'H56-260302-0123']);
    expect(
      await store.nationalIndexDossiers({
        ...period,
        rule: 'at-return',
        set: 'lateOrDissatisfied',
        limit: 100,
      }),
    ).toEqual(['H56-260302-0102', 'H56-260302-0103', 'H56-260302-0114', 'H56-260302-0116']);
    expect(
      await store.nationalIndexDossiers({
        ...period,
        rule: 'national',
        set: 'judgedWithoutFacts',
        unit: 'desk',
        limit: 10,
      }),
    ).toEqual(['H56-260302-0119']);
    await expect(
      store.nationalIndexCounts({ from: period.to, to: period.from, rule: 'national', by: 'none' }),
    ).rejects.toMatchObject({ field: 'query.to' });
    await expect(
      store.nationalIndexDossiers({ ...period, rule: 'national', set: 'processingMs' as never, limit: 1 }),
    ).rejects.toMatchObject({ field: 'query.set' });
  });

  it('counts 1.4 from the portal acknowledgements recorded beside the dossiers, kept by later commits', async () => {
    const store = current();
    const record = store.recordPortalSync?.bind(store);
    if (!record) return; // optional: a store without it keeps no sync state (1.4 N/A)
    for (const c of nationalIndexScenario()) await store.commit(c);
    const first = newDossierCommit('H56-260302-0201'); // agency H56, received 2026-03-02
    await store.commit(first);
    // A part a member agency handles in a liaison: received, but not a filing of its own.
    const part = newDossierCommit('H56-260302-0202');
    const partFacts = { ...part.dossier.summary.indexFacts!, liaisonMember: true as const };
    await store.commit({
      ...part,
      dossier: { ...part.dossier, summary: { ...part.dossier.summary, indexFacts: partFacts } },
    });
    const period = INDEX_SCENARIO_PERIOD;
    const all = async () => (await store.nationalIndexCounts({ ...period, rule: 'national', by: 'none' }))[0];
    expect(await all()).toMatchObject({ synced: 0, syncKept: 0 });
    const at = '2026-03-02T02:05:00.000Z';
    expect(await record('H56-260302-0101', at)).toBe(true);
    expect(await record('H56-260302-0101', '2026-03-09T02:05:00+07:00')).toBe(false); // kept once
    expect(await record('H56-260302-0102', at)).toBe(true);
    expect(await record('H56-260302-0114', at)).toBe(true); // received in February: not counted
    expect(await record('H56-260302-0119', at)).toBe(true); // without index facts: 1.4 needs none
    expect(await record('H56-260302-0201', at)).toBe(true);
    expect(await record('H56-260302-0202', at)).toBe(true); // recorded, never counted
    expect(await record('H56-260302-9999', at)).toBe(false); // no such dossier
    // A later commit keeps the fact; the dossier's version is the commit's.
    await store.commit(handOverCommit(first));
    expect((await store.load('H56-260302-0201'))?.version).toBe(2);
    for (const rule of ['national', 'at-return'] as const) {
      const rows = await store.nationalIndexCounts({ ...period, rule, by: 'agency' });
      expect(rows.map((r) => [r.group, r.synced, r.filings, r.received, r.syncKept])).toEqual([
        ['A', 2, 12, 12, 1],
        ['B', 0, 5, 5, 1],
        ['C', 1, 1, 1, 1],
        ['H56', 1, 1, 2, 1],
      ]);
    }
    expect(await all()).toMatchObject({ synced: 4, filings: 19, received: 20, syncKept: 1 });
    // The part is read back with its fact, and left out of 1.4's denominator.
    expect((await store.load('H56-260302-0202'))?.summary.indexFacts?.liaisonMember).toBe(true);
    expect(
      await store.nationalIndexDossiers({
        ...period,
        rule: 'national',
        set: 'filings',
        agency: 'H56',
        limit: 10,
      }),
    ).toEqual(['H56-260302-0201']);
    expect(
      await store.nationalIndexDossiers({ ...period, rule: 'national', set: 'synced', limit: 10 }),
    ).toEqual(['H56-260302-0101', 'H56-260302-0102', 'H56-260302-0119', 'H56-260302-0201']);
    expect(
      await store.nationalIndexDossiers({
        ...period,
        rule: 'national',
        set: 'synced',
        agency: 'A',
        limit: 1,
        after: 'H56-260302-0101',
      }),
    ).toEqual(['H56-260302-0102']);
    await expect(
      store.nationalIndexDossiers({ ...period, rule: 'national', set: 'syncKept' as never, limit: 1 }),
    ).rejects.toMatchObject({ field: 'query.set' });
    await expect(record('', at)).rejects.toMatchObject({ field: 'code' });
    await expect(record('H56-260302-0102', 'yesterday')).rejects.toMatchObject({ field: 'at' });
  });
}
