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
});
