import { expect, it } from 'vitest';
import { indexFactsOf } from '../model/index-facts.js';
import type { DossierStore } from '../store/store-types.js';
import { sampleActors, sampleEngine, sampleReceipt } from './fixtures.js';

/** The store as an engine saw it before the stores kept index facts: commits write none. */
function withoutIndexFacts(store: DossierStore): DossierStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'commit')
        return (request: Parameters<DossierStore['commit']>[0]) => {
          const { indexFacts: _old, ...summary } = request.dossier.summary;
          return target.commit({ ...request, dossier: { ...request.dossier, summary } });
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const MARCH = { from: '2026-02-28T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' };

/**
 * The index-facts backfill's part of the store conformance suite: the dossiers stored without
 * facts are listed in code order, written only at the version read and only once, and
 * `engine.backfillIndexFacts` fills them from their snapshots, resumably. Registered by
 * `storeConformanceSuite` inside its `describe`.
 */
export function backfillConformanceTests(current: () => DossierStore): void {
  it('backfills the index facts of dossiers stored without them: once, at their version, resumably', async () => {
    const store = current();
    const { engine: old, clock } = sampleEngine(withoutIndexFacts(store));
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await old.receive({
        procedure: '1.004194',
        channel: i % 2 ? 'online-full' : 'in-person',
        actor: sampleActors.desk,
        ...sampleReceipt,
      });
      if (i < 2) await old.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
      codes.push(d.code);
    }
    codes.sort();
    const { engine } = sampleEngine(store, { clock });
    const kept = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    const versions = Object.fromEntries(
      await Promise.all(codes.map(async (c) => [c, (await store.load(c))!.version] as const)),
    );

    expect(await store.codesWithoutIndexFacts({ limit: 2 })).toEqual(codes.slice(0, 2));
    expect(await store.codesWithoutIndexFacts({ after: codes[1], limit: 10 })).toEqual(codes.slice(2));
    const [before] = await store.nationalIndexCounts({ ...MARCH, rule: 'national', by: 'none' });
    expect(before?.receivedWithoutFacts).toBe(5);

    // At a version the dossier has left, or with bad facts: nothing written.
    const first = (await store.load(codes[0]!))!;
    const facts = indexFactsOf(first.persisted.context);
    expect(await store.writeIndexFacts([{ code: codes[0]!, version: first.version + 1, facts }])).toBe(0);
    await expect(
      store.writeIndexFacts([
        { code: codes[0]!, version: first.version, facts: { ...facts, endAt: 'soon' } },
      ]),
    ).rejects.toMatchObject({ field: 'writes[0].facts.endAt' });
    await expect(engine.backfillIndexFacts({ batch: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await store.codesWithoutIndexFacts({ limit: 10 })).toEqual(codes);

    // In slices: 3, then the rest, then nothing left.
    expect(await engine.backfillIndexFacts({ batch: 2, max: 3 })).toEqual({
      examined: 3,
      written: 3,
      done: false,
    });
    expect(await store.codesWithoutIndexFacts({ limit: 10 })).toEqual(codes.slice(3));
    expect(await engine.backfillIndexFacts({ batch: 2 })).toEqual({ examined: 2, written: 2, done: true });
    expect(await engine.backfillIndexFacts()).toEqual({ examined: 0, written: 0, done: true });
    expect(await store.writeIndexFacts([{ code: codes[0]!, version: first.version, facts }])).toBe(0);

    for (const code of [...codes, kept.code]) {
      const d = (await store.load(code))!;
      expect(d.summary.indexFacts).toEqual(indexFactsOf(d.persisted.context));
      if (code !== kept.code) expect(d.version).toBe(versions[code]);
    }
    const [after] = await store.nationalIndexCounts({ ...MARCH, rule: 'national', by: 'none' });
    expect(after?.receivedWithoutFacts).toBe(0);
    expect(after?.received).toBe(6);
  });
}
