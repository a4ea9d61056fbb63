import { expect, it } from 'vitest';
import type { ReceptionOptions } from '../engine/resolve-reception.js';
import type { DossierStore } from '../store/store-types.js';
import { sampleActors, sampleEngine, sampleReceipt } from './fixtures.js';

/** Two commune centres; permanent residence open to reception at either from 1 March 2026. */
const reception: ReceptionOptions = {
  topology: {
    province: 'Nghệ An',
    centres: [
      { id: 'hung-nguyen', name: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', kind: 'commune-centre' },
      { id: 'vinh-hung', name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng', kind: 'commune-centre' },
    ],
  },
  boundaryFree: [
    {
      province: 'Nghệ An',
      source: { document: '123/QĐ-UBND', issuedOn: '2026-02-20' },
      effectiveFrom: '2026-03-01',
      transferBudget: { workingDays: 1 },
      procedures: [{ procedure: '1.004194' }],
    },
  ],
};

/** JSON-equal (what a store writes and reads back). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/**
 * The national facts' part of the store conformance suite: one dossier carries every fact of a
 * dossier (a representative, a fee paid with its e-receipt, digitised papers and a failed database
 * lookup, the paper original moved between centres, a result document with its electronic copy,
 * processing finished, a postal return, a rating) and the store gives each back as the engine
 * wrote it, after the dossier is closed (archived, where the store archives) and to a second engine
 * on the same store. Registered by `storeConformanceSuite` inside its `describe`.
 */
export function factsConformanceTests(current: () => DossierStore): void {
  it('keeps every national fact of a dossier through the store, closed and read by another engine', async () => {
    const store = current();
    const options = { start: '2026-03-02T09:00:00+07:00', reception, ratings: { amendWithinMs: 0 } };
    const { engine, clock } = sampleEngine(store, options);
    const { desk, police, leader } = sampleActors;
    const at = (local: string) => clock.set(`${local}+07:00`);
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      applicant: {
        ...sampleReceipt.applicant,
        vneidVerified: true,
        representative: {
          fullName: 'Hoàng Văn Giáp',
          idNumber: '001085054321',
          authorisation: { document: 'Giấy ủy quyền số 12/2026', date: '2026-02-27' },
        },
      },
      application: sampleReceipt.application,
      reception: { receivingCentre: 'hung-nguyen', competentCentre: 'vinh-hung' },
    });
    // Received Monday 2 March 2026, 09:00: 7 working days, due Wednesday 11 March 17:00 (10:00Z);
    // the original's one working day: Tuesday 3 March 17:00.
    expect(d.context.due.legal).toBe('2026-03-11T10:00:00.000Z');
    expect(d.context.reception?.originals?.due).toBe('2026-03-03T10:00:00.000Z');
    at('2026-03-02T09:05:00');
    await engine.send(d.code, {
      type: 'RECORD_PAYMENT',
      actor: desk,
      items: [{ feeId: 'fee' }],
      channel: 'desk',
      receipt: { form: '01BLP0-001', series: 'AB-26E', number: '0000125', issuer: 'vnpt' },
    });
    at('2026-03-02T09:10:00');
    await engine.send(d.code, {
      type: 'RECORD_COMPONENTS',
      actor: desk,
      components: [
        {
          documentId: 'ct01',
          source: 'paper',
          digitised: true,
          file: { uri: 'https://files.example.vn/h56/ct01.pdf', sha256: 'ab'.repeat(32) },
        },
        { documentId: 'ownership', source: 'database', database: { code: 'CSDLQGDC', answer: 'not-found' } },
      ],
    });
    at('2026-03-02T10:00:00');
    await engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'sent', actor: desk });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    at('2026-03-03T08:00:00');
    const other = { officerId: 'vh-desk-1', unitId: 'desk', name: 'Hồ Thị Giang' };
    await engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'received', actor: other });
    at('2026-03-04T09:00:00');
    await engine.send(d.code, {
      type: 'RECORD_COMPONENTS',
      actor: police,
      components: [{ documentId: 'ownership', source: 'paper' }],
    });
    at('2026-03-05T09:00:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    at('2026-03-06T09:00:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: leader });
    at('2026-03-06T15:00:00');
    await engine.send(d.code, {
      type: 'ISSUE_RESULT',
      actor: police,
      documents: [
        {
          title: 'Xác nhận đăng ký thường trú',
          number: '125',
          symbol: 'XN-CAX',
          signer: { name: 'Lê Văn Cường', title: 'Trưởng Công an xã' },
          issuingBody: 'Công an xã',
          issuedOn: '2026-03-06',
          validUntil: null,
          electronicCopy: {
            uri: 'https://files.example.vn/kq/125.pdf',
            sha256: 'cd'.repeat(32),
            signed: true,
          },
        },
      ],
    });
    at('2026-03-09T09:00:00');
    const ready = await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    expect(ready.nationalStatus?.code).toBe(9);
    at('2026-03-09T10:00:00');
    await engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'returned', actor: other });
    at('2026-03-10T09:00:00');
    await engine.send(d.code, {
      type: 'RETURN_RESULT',
      actor: desk,
      handover: {
        collectedBy: 'post',
        originalsReturned: true,
        postal: { service: 'Bưu chính công ích', trackingNumber: 'EA123456789VN' },
      },
    });
    at('2026-03-10T09:05:00');
    const scores = { '1': 2, '2': 2, '3': 1, '4': 2, '5': 2, '6': 2, '7': 2, '8': 2, '9': 2, convenience: 2 };
    await engine.rate(d.code, { actor: desk, scores: { ...scores, overall: 1 } });

    const written = await engine.get(d.code);
    const c = written.context;
    // What the engine wrote, fact by fact.
    expect(written.state).toBe('returned');
    expect(written.nationalStatus).toEqual({ code: 10, name: 'Đã trả kết quả' });
    expect(c.applicant.representative?.authorisation?.document).toBe('Giấy ủy quyền số 12/2026');
    expect(c.payments?.map((p) => [p.status, p.totalVnd, p.receipt?.number])).toEqual([
      ['paid', 20_000, '0000125'],
    ]);
    expect(c.components?.map((x) => [x.documentId, x.source, x.digitised, x.satisfied])).toEqual([
      ['ct01', 'paper', true, true],
      ['ownership', 'paper', false, true],
    ]);
    expect(c.reception?.originals).toMatchObject({
      due: '2026-03-03T10:00:00.000Z',
      sent: { at: '2026-03-02T03:00:00.000Z' },
      // Tuesday 08:00, within its due day: on time.
      received: { at: '2026-03-03T01:00:00.000Z' },
      result: 'ON_TIME',
      returned: { at: '2026-03-09T03:00:00.000Z' },
    });
    expect(c.results?.map((r) => [r.number, r.symbol, r.electronicCopy?.signed])).toEqual([
      ['125', 'XN-CAX', true],
    ]);
    expect(c.finishedAt).toBe('2026-03-09T02:00:00.000Z');
    // Returned Tuesday 10 March, before the due day (Wednesday 11 March): early.
    expect(c.outcome).toMatchObject({ kind: 'returned', at: '2026-03-10T02:00:00.000Z', result: 'EARLY' });
    expect(c.outcome?.handover).toMatchObject({
      collectedBy: 'post',
      postal: { trackingNumber: 'EA123456789VN' },
    });
    expect(c.rating).toMatchObject({
      channel: 'desk',
      at: '2026-03-10T02:05:00.000Z',
      scores: { '3': 1, overall: 1 },
    });
    expect(written.journal.map((j) => j.type)).toEqual([
      'RECEIVE',
      'RECORD_PAYMENT',
      'RECORD_COMPONENTS',
      'TRANSFER_ORIGINALS',
      'HAND_OVER',
      'TRANSFER_ORIGINALS',
      'RECORD_COMPONENTS',
      'HAND_OVER',
      'HAND_OVER',
      'ISSUE_RESULT',
      'HAND_OVER',
      'TRANSFER_ORIGINALS',
      'RETURN_RESULT',
      'RATING',
    ]);
    // The store gives it all back: to a load, and to a second engine on the same store.
    const loaded = await store.load(d.code);
    expect(plain(loaded?.persisted.context)).toEqual(plain(c));
    expect(loaded?.summary.nationalStatus).toBe(10);
    const { engine: restarted } = sampleEngine(store, { ...options, clock, workerId: 'w-facts' });
    const again = await restarted.get(d.code);
    expect(plain(again.context)).toEqual(plain(c));
    expect(plain(again.journal)).toEqual(plain(written.journal));
    const view = await restarted.lookup(d.code, d.context.secret);
    expect(view).toMatchObject({
      nationalStatus: { code: 10 },
      finishedAt: '2026-03-09T02:00:00.000Z',
      returningCentre: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên',
      timeliness: 'EARLY',
    });
    // One rating per dossier, even through another engine.
    await expect(
      restarted.rate(d.code, { actor: desk, scores: { ...scores, overall: 2 } }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
}
