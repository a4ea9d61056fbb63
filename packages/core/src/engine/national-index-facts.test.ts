/**
 * The index facts are derived in the engine's one commit path: a dossier driven through the engine
 * (components, a supplementation, an online payment, a result with an electronic copy, the return,
 * a rating) carries them in its stored summary, and the index counts them.
 */
import { describe, expect, it } from 'vitest';
import { DECREE_61_RATING_CRITERIA } from '../model/rating.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

const { desk, police, leader } = sampleActors;
const allGood = Object.fromEntries(DECREE_61_RATING_CRITERIA.criteria.map((c) => [c.id, 2]));

describe('index facts through the engine', () => {
  it('derives every fact at commit and the index counts the dossier', async () => {
    const store = new MemoryStore();
    const { engine, clock } = sampleEngine(store, { start: '2026-03-02T09:00:00+07:00' });
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'online-full',
      actor: desk,
      applicant: { ...sampleReceipt.applicant, vneidVerified: true },
      application: sampleReceipt.application,
    });
    const fresh = (await store.load(d.code))!.summary.indexFacts;
    expect(fresh).toMatchObject({ version: 1, endAt: null, supplementRequests: 0, populationData: true });
    await engine.send(d.code, {
      type: 'RECORD_COMPONENTS',
      actor: desk,
      components: [
        { documentId: 'ct01', source: 'reused', reusedFrom: { dossierCode: 'H56-250101-0001' } },
        { documentId: 'ownership', source: 'national-store', nationalStoreId: 'KHO-1' },
      ],
    });
    await engine.send(d.code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: desk,
      reason: 'Thiếu giấy tờ',
      items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp' }],
    });
    clock.advance({ days: 1 });
    await engine.send(d.code, { type: 'SUPPLEMENT_RECEIVED', actor: desk });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await engine.send(d.code, { type: 'REQUEST_PAYMENT', actor: police, items: [{ feeId: 'fee' }] });
    await engine.send(d.code, {
      type: 'RECORD_PAYMENT',
      actor: desk,
      paymentId: 'payment-1',
      channel: 'national-portal',
      transactionCode: 'DVCQG-1',
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    await engine.send(d.code, {
      type: 'ISSUE_RESULT',
      actor: leader,
      documents: [
        {
          title: 'Xác nhận đăng ký thường trú',
          number: '125',
          signer: { name: 'Đỗ Minh Khoa' },
          issuingBody: 'Công an xã',
          issuedOn: '2026-03-03',
          validUntil: null,
          electronicCopy: {
            uri: 'https://files.example.vn/kq/125.pdf',
            sha256: 'ab'.repeat(32),
            signed: true,
          },
        },
      ],
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: leader });
    clock.advance({ hours: 1 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    const finished = (await engine.get(d.code)).context.finishedAt!;
    clock.advance({ days: 1 });
    await engine.send(d.code, { type: 'RETURN_RESULT', actor: desk });
    await engine.rate(d.code, { actor: desk, scores: { ...allGood, overall: 0 } });

    const { summary, persisted } = (await store.load(d.code))!;
    const c = persisted.context;
    const supplementMs =
      Date.parse(c.supplements[0]!.receivedAt!) - Date.parse(c.supplements[0]!.requestedAt);
    expect(supplementMs).toBeGreaterThan(0);
    expect(summary.indexFacts).toEqual({
      version: 1,
      finishedAt: finished,
      endAt: finished,
      supplementRequests: 1,
      supplementMs,
      lastRequestAt: c.supplements[0]!.requestedAt,
      lastSuppliedAt: c.supplements[0]!.receivedAt,
      processingMs: Date.parse(finished) - Date.parse(c.receivedAt) - supplementMs,
      returnProcessingMs: Date.parse(c.outcome!.at) - Date.parse(c.receivedAt) - supplementMs,
      results: 1,
      eResult: true,
      feeBearing: true,
      paidOnline: 1,
      digitised: true,
      reused: true,
      nationalStore: true,
      populationData: true,
      satisfied: false,
    });

    const index = await engine.nationalIndex({ from: '2026-03-01', to: '2026-04-01' });
    expect(index.rows[0]?.counts).toMatchObject({
      judged: 1,
      timely: 1,
      dissatisfied: 1,
      lateOrDissatisfied: 1,
      completed: 1,
      received: 1,
      online: 1,
      feeBearing: 1,
      paidOnline: 1,
      paidOnPortal: 1,
      eResults: 1,
      digitised: 1,
      reused: 1,
      nationalStore: 1,
      populationData: 1,
    });
    expect(
      await engine.nationalIndexDossiers({
        from: '2026-03-01',
        to: '2026-04-01',
        indicator: '3.6',
        part: 'numerator',
      }),
    ).toEqual([d.code]);
  });

  it('records the portal acknowledgement beside the dossier: no version, journal, outbox or plugin call; 1.4 counts it', async () => {
    const store = new MemoryStore();
    const transitions: string[] = [];
    const { engine, clock } = sampleEngine(store, {
      start: '2026-03-02T09:00:00+07:00',
      plugins: [{ name: 'spy', onTransition: (i) => void transitions.push(i.type) }],
    });
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    const march = { from: '2026-03-01', to: '2026-04-01' };
    const figure = async () =>
      (await engine.nationalIndex(march)).rows[0]!.figures.find((f) => f.id === '1.4');
    expect((await figure())?.na?.reason).toContain('no sync state');
    const before = { stored: await store.load(d.code), journal: await store.journal(d.code) };
    clock.advance({ minutes: 2 });
    expect(await engine.recordPortalSync(d.code)).toBe(true);
    expect(await engine.recordPortalSync(d.code, '2026-03-03T09:00:00+07:00')).toBe(false);
    expect(await store.load(d.code)).toEqual(before.stored);
    expect(await store.journal(d.code)).toEqual(before.journal);
    expect(await store.outbox({ code: d.code })).toEqual([]);
    expect(transitions).toEqual(['RECEIVE']);
    expect(await figure()).toMatchObject({ numerator: 1, denominator: 1, value: 100, na: null });
    // A later transition keeps the fact.
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    expect(await figure()).toMatchObject({ numerator: 1, denominator: 1 });
    await expect(engine.recordPortalSync('not a code')).rejects.toMatchObject({ field: 'code' });
    await expect(engine.recordPortalSync(d.code, 'yesterday')).rejects.toMatchObject({ field: 'at' });
    expect(await engine.recordPortalSync('H56-260302-9999')).toBe(false);
  });

  it('answers false and keeps 1.4 N/A with a store that keeps no sync state', async () => {
    // The memory store without its optional method, as a store of one's own may be.
    const without = Object.assign(Object.create(new MemoryStore()), {
      recordPortalSync: undefined,
    }) as MemoryStore;
    const { engine } = sampleEngine(without, { start: '2026-03-02T09:00:00+07:00' });
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    expect(await engine.recordPortalSync(d.code)).toBe(false);
    const [row] = (await engine.nationalIndex({ from: '2026-03-01', to: '2026-04-01' })).rows;
    expect(row!.figures.find((f) => f.id === '1.4')?.na?.reason).toContain('no sync state');
  });
});
