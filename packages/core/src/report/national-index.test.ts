import { describe, expect, it } from 'vitest';
import { nationalIndex, nationalIndexDossiers } from '../engine/national-index-commands.js';
import { MemoryStore } from '../store/memory-store.js';
import { testCalendar } from '../testing/fixtures.js';
import { INDEX_SCENARIO_PERIOD, nationalIndexScenario } from '../testing/national-index-scenario.js';
import { type IndicatorFigure, mergeIndexCounts } from './national-index.js';
import { IndexQueryError } from './national-index-config.js';

async function scenarioStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (const c of nationalIndexScenario()) await store.commit(c);
  return store;
}

const byId = (figures: readonly IndicatorFigure[]) => Object.fromEntries(figures.map((f) => [f.id, f]));
const calendar = testCalendar();
const march = { from: '2026-03-01', to: '2026-04-01' };

describe('the national index of the hand-checked scenario (March 2026)', () => {
  it('computes 1.4 from the portal acknowledgements the store keeps, with its drill-down', async () => {
    const store = await scenarioStore();
    const at = '2026-03-02T02:05:00.000Z';
    // 01 and 02 of agency A acknowledged; 14 (received in February) is outside the period.
    for (const n of ['01', '02', '14'])
      expect(await store.recordPortalSync(`H56-260302-01${n}`, at)).toBe(true);
    const index = await nationalIndex(store, calendar, { ...march, by: 'agency', version: 'f766-2025' });
    const figure = (group: string) => byId(index.rows.find((r) => r.group === group)!.figures)['1.4'];
    expect(figure('A')).toMatchObject({ numerator: 2, denominator: 12, value: 16.67, na: null });
    // A store that keeps acknowledgements: an agency with none synced is 0 %, not N/A.
    expect(figure('B')).toMatchObject({ numerator: 0, denominator: 5, value: 0, na: null });
    const drill = (part: 'numerator' | 'denominator') =>
      nationalIndexDossiers(store, calendar, { ...march, indicator: '1.4', part, agency: 'A' });
    expect(await drill('numerator')).toEqual(['H56-260302-0101', 'H56-260302-0102']);
    expect(await drill('denominator')).toHaveLength(12);
  });

  it('computes every indicator of agency A by hand under the operational rules', async () => {
    const store = await scenarioStore();
    const index = await nationalIndex(store, calendar, { ...march, by: 'agency', version: 'f766-2025' });
    expect(index.from).toBe(INDEX_SCENARIO_PERIOD.from);
    const a = byId(index.rows.find((r) => r.group === 'A')!.figures);
    // 1.4: the store keeps no sync state — N/A with its reason, never 0 %.
    expect(a['1.4']).toMatchObject({
      value: null,
      points: null,
      na: { kind: 'no-sync-state', reason: expect.stringContaining('sync') },
    });
    // 2.1: judged 01–09, 21, 22, 23 (12); late: 03 (two supplementation requests), 05 (open past due).
    // 02 finished before its due time and was returned after it: on time by the national rule.
    expect(a['2.1']).toMatchObject({ numerator: 10, denominator: 12, value: 83.33, points: null });
    expect(a['2.1']?.pointsNa).toMatchObject({
      kind: 'weight-unconfirmed',
      reason: expect.stringContaining('weight'),
    });
    expect(a['2.2']?.pointsNa).toMatchObject({ kind: 'no-points' });
    // 2.2: finished in March: 01 (7 d 1 h), 02 (9 d 7 h), 03 (7 d − 2 d supplementation), 07 (2 d),
    // 08 (8 d), 22 (2 d): 33 d 8 h = 33.33 days over 6 = 5.5555… days.
    expect(a['2.2']).toMatchObject({ numerator: 33.33, denominator: 6, value: 5.56, unit: 'days' });
    // 3.3: online 07 (e-result), 09 (no result document); 08 online but a paper result only: 2 / 12.
    expect(a['3.3']).toMatchObject({ numerator: 2, denominator: 12, value: 16.67, points: null });
    // 3.6: fee-bearing 07, 08, 09, 22; paid online 07 (portal), 08 (gateway).
    expect(a['3.6']).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    // 4.1: result documents 01, 02, 03, 07, 08, 22; electronic 01, 03, 07.
    expect(a['4.1']).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    // 4.2: digitised 01, 07, 21 (no result yet); 22 digitised but its paper result has no e-copy.
    expect(a['4.2']).toMatchObject({ numerator: 3, denominator: 12, value: 25 });
    expect(a['4.3']).toMatchObject({ numerator: 1, denominator: 12, value: 8.33 });
    expect(a['4.4']).toMatchObject({ numerator: 1, denominator: 12, value: 8.33 });
    expect(a['4.5']).toMatchObject({ numerator: 2, denominator: 12, value: 16.67 });
    // 5.4 = 100 % − (late 2/12 + dissatisfied 1/12) = 9/12 = 75 %: 0.75 × 6 / 0.9 = 5 points.
    expect(a['5.4']).toMatchObject({ numerator: 9, denominator: 12, value: 75, points: 5, maxPoints: 6 });
    const group5 = index.rows.find((r) => r.group === 'A')!.groups.find((g) => g.group === 5);
    expect(group5).toMatchObject({ maxPoints: 18, points: 5, complete: true });
  });

  it('counts satisfaction by the 2022 annex as (dossiers − late or dissatisfied) / dossiers', async () => {
    const store = await scenarioStore();
    const index = await nationalIndex(store, calendar, { ...march, by: 'agency', version: '766-2022' });
    // Late or dissatisfied: 03 (both), 05: 10 / 12 = 83.33 %, 0.8333 × 6 / 0.9 = 5.56 points.
    const a = byId(index.rows.find((r) => r.group === 'A')!.figures);
    expect(a['5.4']).toMatchObject({ numerator: 10, denominator: 12, value: 83.33, points: 5.56 });
  });

  it('judges at return under the at-return rule, and online by channel alone', async () => {
    const store = await scenarioStore();
    const index = await nationalIndex(store, calendar, { ...march, by: 'agency', rule: 'at-return' });
    const a = byId(index.rows.find((r) => r.group === 'A')!.figures);
    // Returned in March: 01, 02 (late at return), 03, 07, 08, 22.
    expect(a['2.1']).toMatchObject({ numerator: 5, denominator: 6, value: 83.33 });
    expect(a['3.3']).toMatchObject({ numerator: 3, denominator: 12, value: 25 });
    // 2.2 at return: 8d1h + 11d1h + 5d6h + 2d3h + 8d1h + 2d1h = 36 d 13 h over 6.
    expect(a['2.2']).toMatchObject({ numerator: 36.54, denominator: 6, value: 6.09 });
    const b = byId(index.rows.find((r) => r.group === 'B')!.figures);
    // Refused 10 (early), returned 14 and 16 (late; 16 finished in February).
    expect(b['2.1']).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });
  });

  it('shows agency B’s edge rules and a zero denominator as N/A', async () => {
    const store = await scenarioStore();
    const index = await nationalIndex(store, calendar, { ...march, by: 'agency' });
    expect(index.version.id).toBe('f766-2025');
    const b = byId(index.rows.find((r) => r.group === 'B')!.figures);
    // 10 refused early, 12 stopped early, 13 expired (ends at its one request), 14 carried over and
    // finished on time: on time; 11 withdrawn after its due time, 24 finished late: late.
    expect(b['2.1']).toMatchObject({ numerator: 4, denominator: 6, value: 66.67 });
    expect(b['3.6']).toMatchObject({
      value: null,
      denominator: 0,
      na: { kind: 'zero-denominator', reason: expect.stringContaining('zero') },
    });
    // 5.4: (4 on time − 1 dissatisfied) / 6 = 50 %: 0.5 × 6 / 0.9 = 3.33 points.
    expect(b['5.4']).toMatchObject({ numerator: 3, denominator: 6, value: 50, points: 3.33 });
  });

  it('reports what needs facts as N/A for dossiers stored before the facts were kept', async () => {
    const store = await scenarioStore();
    const national = await nationalIndex(store, calendar, { ...march, by: 'agency' });
    const c = byId(national.rows.find((r) => r.group === 'C')!.figures);
    for (const id of ['2.1', '2.2', '3.3', '4.2', '5.4']) {
      expect(c[id]?.na).toMatchObject({ kind: 'facts-missing', dossiers: expect.any(Number) });
      expect(c[id]?.na?.reason).toContain('before the index facts were kept');
    }
    const atReturn = await nationalIndex(store, calendar, { ...march, by: 'agency', rule: 'at-return' });
    // The at-return rule needs no fact for 2.1: it is counted.
    expect(byId(atReturn.rows.find((r) => r.group === 'C')!.figures)['2.1']).toMatchObject({ value: 100 });
  });

  it('groups by field and by month as the sums of its procedures and months', async () => {
    const store = await scenarioStore();
    const fields = { P1: 'Đất đai', P2: 'Đất đai' };
    const byField = await nationalIndex(store, calendar, { ...march, by: 'field', fields });
    const none = await nationalIndex(store, calendar, march);
    expect(byField.rows.map((r) => ({ ...r.counts, group: '*' }))).toEqual(none.rows.map((r) => r.counts));
    const byMonth = await nationalIndex(store, calendar, {
      from: '2026-02-01',
      to: '2026-04-01',
      by: 'month',
    });
    expect(byMonth.rows.map((r) => r.group)).toEqual(['2026-02', '2026-03']);
    expect({ ...byMonth.rows[1]!.counts, group: '*' }).toEqual(none.rows[0]!.counts);
  });

  it('splits a period by month at local midnights, across a year end and from mid-month', async () => {
    const store = await scenarioStore();
    const period = { from: '2025-12-10', to: '2026-03-20' };
    const index = await nationalIndex(store, calendar, { ...period, by: 'month' });
    // A month with no dossier has no row.
    expect(index.rows.map((r) => r.group)).toEqual(
      ['2025-12', '2026-01', '2026-02', '2026-03'].filter((m) => index.rows.some((r) => r.group === m)),
    );
    expect(index.rows.map((r) => r.group)).toContain('2026-03');
    const whole = await nationalIndex(store, calendar, period);
    // Receipts add up over the months (open dossiers are judged at each month's end: not additive).
    const [sum] = mergeIndexCounts(
      index.rows.map((r) => r.counts),
      () => '*',
    );
    expect(sum?.received).toBe(whole.rows[0]?.counts.received);
    expect(sum?.received).toBeGreaterThan(0);
  });

  it('lists the dossiers behind a figure, paged', async () => {
    const store = await scenarioStore();
    const q = { ...march, indicator: '5.4', part: 'lowering', agency: 'A' } as const;
    expect(await nationalIndexDossiers(store, calendar, q)).toEqual(['H56-260302-0103', 'H56-260302-0105']);
    expect(
      await nationalIndexDossiers(store, calendar, { ...q, limit: 1, after: 'H56-260302-0103' }),
    ).toEqual(['H56-260302-0105']);
  });

  it('refuses bad queries with typed errors naming the field', async () => {
    const store = await scenarioStore();
    await expect(
      nationalIndex(store, calendar, { from: '2026-04-01', to: '2026-03-01' }),
    ).rejects.toMatchObject({
      field: 'query.to',
    });
    await expect(nationalIndex(store, calendar, { ...march, version: 'no-such' })).rejects.toSatisfy(
      (e) => e instanceof IndexQueryError && e.field === 'version' && !e.message.includes('no-such'),
    );
    await expect(nationalIndex(store, calendar, { ...march, rule: 'later' })).rejects.toMatchObject({
      field: 'query.rule',
    });
    await expect(nationalIndex(store, calendar, { ...march, by: 'field' })).rejects.toMatchObject({
      field: 'fields',
    });
    await expect(
      nationalIndex(store, calendar, { from: '2020-01-01', to: '2020-02-01' }),
    ).rejects.toMatchObject({
      field: 'version',
    });
    await expect(
      nationalIndexDossiers(store, calendar, { ...march, indicator: '9.9', part: 'numerator' }),
    ).rejects.toMatchObject({ field: 'indicator' });
    await expect(
      nationalIndexDossiers(store, calendar, { ...march, indicator: '1.4', part: 'lowering' }),
    ).rejects.toMatchObject({ field: 'part' });
  });
});
