/**
 * Fees and payments: fee items in the definition, the payment sub-lifecycle (requested → pending →
 * paid → refunded / cancelled), the wait for financial obligations with its clock stopped (national
 * status 6), "no result before payment", refunds, and the refusals, each a typed error naming the
 * field with the snapshot untouched. Dates are hand-computed on the 2026 national calendar
 * (sessions 07:30–11:30 and 13:00–17:00; Tết 16–20/02/2026).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import {
  applyAll,
  officers,
  residenceReceipt,
  residenceVariant,
  thrown,
  utc,
} from '../../test-support/dossier-harness.js';
import { DefinitionError, TransitionError, ValidationError } from '../errors/dossier-errors.js';
import { DossierContextSchema } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { FeeItemInput } from '../model/fee-item.js';
import { maskPersonalData } from '../model/personal-data.js';
import { type DossierSnapshot, stateName } from './define-procedure.js';
import { paymentLines } from './lifecycle-payments.js';
import { nationalStatusOf } from './national-status.js';

const fees: FeeItemInput[] = [
  {
    id: 'registration',
    name: 'Lệ phí đăng ký cư trú',
    kind: 'charge',
    amountVnd: 20_000,
    collection: 'at-intake',
  },
  {
    id: 'appraisal',
    name: 'Phí thẩm định',
    kind: 'fee',
    amountVnd: 150_000,
    collection: 'before-result',
    payBeforeResult: true,
  },
  {
    id: 'copy',
    name: 'Phí cấp bản sao',
    kind: 'fee',
    amountVnd: 3_000,
    collection: 'before-result',
    per: 'bản sao',
  },
  { id: 'exempt', name: 'Lệ phí (miễn thu)', kind: 'charge', amountVnd: 10_000, collection: 'waived' },
];
const p = residenceVariant({ fees });
const { desk, police, leader } = officers;
const vn = (local: string) => `${local}:00+07:00`;

function refused(s: DossierSnapshot, event: DossierEventInput): unknown {
  const before = structuredClone({ value: s.value, context: s.context });
  const error = thrown(() => p.apply(s, event));
  expect({ value: s.value, context: s.context }).toEqual(before);
  return error;
}

const status = (s: DossierSnapshot) => nationalStatusOf(p.definition, stateName(s.value), s.context)?.code;

describe('fee items in the definition', () => {
  it('keeps fees and charges apart, with when each is collected', () => {
    expect(p.definition.fees.map((f) => [f.id, f.kind, f.collection])).toEqual([
      ['registration', 'charge', 'at-intake'],
      ['appraisal', 'fee', 'before-result'],
      ['copy', 'fee', 'before-result'],
      ['exempt', 'charge', 'waived'],
    ]);
  });

  it('refuses a waived item required before the result, a fractional amount, a missing kind', () => {
    const waived = { ...fees[3]!, payBeforeResult: true };
    const bad: [{ fees: FeeItemInput[] }, string][] = [
      [{ fees: [waived] }, 'definition.fees[0].payBeforeResult'],
      [{ fees: [{ ...fees[0]!, amountVnd: 1.5 }] }, 'definition.fees[0].amountVnd'],
      [
        { fees: [{ id: 'x', name: 'X', amountVnd: 1, collection: 'at-intake' } as FeeItemInput] },
        'definition.fees[0].kind',
      ],
    ];
    for (const [overrides, field] of bad) {
      const error = thrown(() => residenceVariant(overrides));
      expect(error, field).toBeInstanceOf(DefinitionError);
      expect((error as DefinitionError).field, field).toBe(field);
    }
  });
});

describe('paid at the desk at intake', () => {
  it('records a payment paid at once, with its e-receipt, without stopping the clock', () => {
    const s = p.apply(p.receive(residenceReceipt(vn('2026-03-02T09:00'))), {
      type: 'RECORD_PAYMENT',
      at: vn('2026-03-02T09:05'),
      actor: desk,
      items: [{ feeId: 'registration', amountVnd: 20_000 }],
      channel: 'desk',
      receipt: { form: '01BLP0-001', series: 'AB-26E', number: '0000125', issuer: 'vnpt' },
    });
    expect(stateName(s.value)).toBe('processing.receive');
    expect(s.context.pause).toBeNull();
    expect(s.context.payments).toEqual([
      {
        id: 'payment-1',
        status: 'paid',
        lines: [
          {
            feeId: 'registration',
            kind: 'charge',
            collection: 'at-intake',
            quantity: 1,
            unitAmountVnd: 20_000,
            amountVnd: 20_000,
          },
        ],
        totalVnd: 20_000,
        requestedAt: utc(vn('2026-03-02T09:05')),
        requestedBy: desk,
        channel: 'desk',
        paidAt: utc(vn('2026-03-02T09:05')),
        recordedBy: desk,
        receipt: { form: '01BLP0-001', series: 'AB-26E', number: '0000125', issuer: 'vnpt' },
      },
    ]);
    expect(DossierContextSchema.parse(s.context)).toEqual(s.context);
  });
});

describe('a fee by channel (amountByChannel)', () => {
  const online = residenceVariant({
    fees: [{ ...fees[0]!, amountByChannel: { 'online-full': 10_000 } }],
  });
  it('charges a dossier filed online its channel amount, and refuses the other amount', () => {
    const viaPortal = online.receive(residenceReceipt(vn('2026-03-02T09:00'), { channel: 'online-full' }));
    const paid = online.apply(viaPortal, {
      type: 'RECORD_PAYMENT',
      at: vn('2026-03-02T09:05'),
      actor: desk,
      items: [{ feeId: 'registration' }],
      channel: 'national-portal',
    });
    expect(paid.context.payments?.[0]).toMatchObject({
      totalVnd: 10_000,
      lines: [{ unitAmountVnd: 10_000 }],
    });
    const error = thrown(() =>
      online.apply(viaPortal, {
        type: 'RECORD_PAYMENT',
        at: vn('2026-03-02T09:05'),
        actor: desk,
        items: [{ feeId: 'registration', amountVnd: 20_000 }],
        channel: 'national-portal',
      }),
    );
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['event.items[0].amountVnd']);
    // At the desk the full amount.
    const atDesk = online.apply(online.receive(residenceReceipt(vn('2026-03-02T09:00'))), {
      type: 'RECORD_PAYMENT',
      at: vn('2026-03-02T09:05'),
      actor: desk,
      items: [{ feeId: 'registration' }],
      channel: 'desk',
    });
    expect(atDesk.context.payments?.[0]?.totalVnd).toBe(20_000);
  });

  it('refuses an amount for a channel the procedure does not take, naming it', () => {
    expect(() =>
      residenceVariant({ fees: [{ ...fees[0]!, amountByChannel: { 'online-partial': 10_000 } }] }),
    ).toThrow(expect.objectContaining({ field: 'fees[0].amountByChannel.online-partial' }));
  });
});

describe('waiting for financial obligations (national status 6)', () => {
  const appraising = () =>
    p.apply(p.receive(residenceReceipt(vn('2026-03-02T09:00'))), {
      type: 'HAND_OVER',
      at: vn('2026-03-02T10:00'),
      actor: desk,
    });

  it('stops the clock while the applicant pays, then moves every due time by the time waited', () => {
    const before = appraising();
    // 7 working days from Mon 02/03 09:00: Wed 11/03 17:00. The appraisal step (4 working days)
    // opened Mon 02/03 10:00: due Fri 06/03 10:00.
    expect(before.context.due.legal).toBe(utc(vn('2026-03-11T17:00')));
    expect(before.context.steps[1]!.due).toBe(utc(vn('2026-03-06T10:00')));
    const waiting = p.apply(before, {
      type: 'REQUEST_PAYMENT',
      at: vn('2026-03-04T10:00'),
      actor: police,
      items: [{ feeId: 'appraisal' }, { feeId: 'copy', quantity: 2 }],
    });
    expect(stateName(waiting.value)).toBe('awaitingPayment');
    expect(status(waiting)).toBe(6);
    // Left at Wed 04/03 10:00: 04/03 10:00–17:00 (330 min) + 5, 6, 9, 10, 11/03 (5 × 480) = 2730;
    // of the step: 04/03 10:00 → 06/03 10:00 = 960.
    expect(waiting.context.pause).toEqual({ since: utc(vn('2026-03-04T10:00')), remainingMinutes: 2730 });
    expect(waiting.context.steps[1]!.remainingMinutes).toBe(960);
    expect(waiting.context.payments?.[0]).toMatchObject({
      id: 'payment-1',
      status: 'requested',
      totalVnd: 156_000,
      lines: [
        { feeId: 'appraisal', quantity: 1, amountVnd: 150_000 },
        { feeId: 'copy', quantity: 2, unitAmountVnd: 3_000, amountVnd: 6_000 },
      ],
    });
    // No overdue timer fires while paused: MARK_OVERDUE finds no transition.
    const pending = p.apply(waiting, {
      type: 'START_PAYMENT',
      at: vn('2026-03-05T14:00'),
      actor: desk,
      paymentId: 'payment-1',
      channel: 'national-portal',
      transactionCode: 'DVCQG-260305-000123',
      provider: 'Payment Platform DVCQG',
    });
    expect(stateName(pending.value)).toBe('awaitingPayment');
    expect(pending.context.payments?.[0]?.status).toBe('pending');
    const paid = p.apply(pending, {
      type: 'RECORD_PAYMENT',
      at: vn('2026-03-09T10:00'),
      actor: desk,
      paymentId: 'payment-1',
      channel: 'national-portal',
      transactionCode: 'DVCQG-260305-000123',
      receipt: { form: '01BLP0-001', series: 'CD-26E', number: '0000456', issuer: 'viettel' },
    });
    // Back at the step that was open; stopped Wed 04/03 10:00 → Mon 09/03 10:00 = 3 working days
    // (1440 min): legal due Mon 16/03 17:00, the step's Wed 11/03 10:00.
    expect(stateName(paid.value)).toBe('processing.appraise');
    expect(status(paid)).toBe(4);
    expect(paid.context.pause).toBeNull();
    expect(paid.context.due.legal).toBe(utc(vn('2026-03-16T17:00')));
    expect(paid.context.due.current).toBe(utc(vn('2026-03-16T17:00')));
    expect(paid.context.steps[1]).toMatchObject({ due: utc(vn('2026-03-11T10:00')), remainingMinutes: null });
    expect(paid.context.payments?.[0]).toMatchObject({
      status: 'paid',
      channel: 'national-portal',
      startedAt: utc(vn('2026-03-05T14:00')),
      paidAt: utc(vn('2026-03-09T10:00')),
    });
    expect(DossierContextSchema.parse(paid.context)).toEqual(paid.context);
  });

  it('waits until every payment asked for is paid or cancelled', () => {
    const waiting = applyAll(p, appraising(), [
      { type: 'REQUEST_PAYMENT', at: vn('2026-03-04T10:00'), actor: police, items: [{ feeId: 'appraisal' }] },
      { type: 'REQUEST_PAYMENT', at: vn('2026-03-04T10:30'), actor: desk, items: [{ feeId: 'copy' }] },
      {
        type: 'RECORD_PAYMENT',
        at: vn('2026-03-05T09:00'),
        actor: desk,
        paymentId: 'payment-1',
        channel: 'bank-transfer',
      },
    ]);
    expect(stateName(waiting.value)).toBe('awaitingPayment');
    const resumed = p.apply(waiting, {
      type: 'CANCEL_PAYMENT',
      at: vn('2026-03-05T10:00'),
      actor: desk,
      paymentId: 'payment-2',
      reason: 'Công dân không yêu cầu bản sao',
    });
    expect(stateName(resumed.value)).toBe('processing.appraise');
    expect(resumed.context.payments?.map((x) => x.status)).toEqual(['paid', 'cancelled']);
    // Stopped 04/03 10:00 → 05/03 10:00: one working day.
    expect(resumed.context.due.legal).toBe(utc(vn('2026-03-12T17:00')));
  });

  it('holds the result before payment across Tết, and does not count the wait as late', () => {
    // Received Tue 10/02 09:00: 7 working days are 11, 12, 13, 23, 24, 25, 26/02 (Tết 16–20/02).
    const ready = applyAll(p, p.receive(residenceReceipt(vn('2026-02-10T09:00'))), [
      { type: 'HAND_OVER', at: vn('2026-02-10T10:00'), actor: desk },
      { type: 'HAND_OVER', at: vn('2026-02-11T10:00'), actor: police },
      { type: 'HAND_OVER', at: vn('2026-02-12T10:00'), actor: leader },
      { type: 'HAND_OVER', at: vn('2026-02-12T14:00'), actor: police },
    ]);
    expect(stateName(ready.value)).toBe('resultReady');
    expect(ready.context.due.legal).toBe(utc(vn('2026-02-26T17:00')));
    const early = refused(ready, { type: 'RETURN_RESULT', at: vn('2026-02-12T15:00'), actor: desk });
    expect(early).toBeInstanceOf(TransitionError);
    expect((early as Error).message).toContain('appraisal');
    const waiting = p.apply(ready, {
      type: 'REQUEST_PAYMENT',
      at: vn('2026-02-12T15:00'),
      actor: desk,
      items: [{ feeId: 'appraisal', amountVnd: 150_000 }],
    });
    expect(status(waiting)).toBe(6);
    const paid = p.apply(waiting, {
      type: 'RECORD_PAYMENT',
      at: vn('2026-02-23T09:00'),
      actor: desk,
      paymentId: 'payment-1',
      channel: 'provincial-gateway',
    });
    // Stopped Thu 12/02 15:00 → Mon 23/02 09:00: 120 + 480 (13/02) + 90 = 690 working minutes,
    // so the legal due moves from Thu 26/02 17:00 to Mon 02/03 11:00 (480 on 27/02, then 210).
    expect(stateName(paid.value)).toBe('resultReady');
    expect(paid.context.due.legal).toBe(utc(vn('2026-03-02T11:00')));
    expect(paid.context.finishedAt).toBe(utc(vn('2026-02-12T14:00')));
    const returned = p.apply(paid, { type: 'RETURN_RESULT', at: vn('2026-03-02T10:00'), actor: desk });
    expect(returned.context.outcome?.result).toBe('ON_TIME');
  });
});

describe('closing and refunds', () => {
  const withPayments = () =>
    applyAll(p, p.receive(residenceReceipt(vn('2026-03-02T09:00'))), [
      {
        type: 'RECORD_PAYMENT',
        at: vn('2026-03-02T09:05'),
        actor: desk,
        items: [{ feeId: 'registration' }],
        channel: 'desk',
      },
      { type: 'HAND_OVER', at: vn('2026-03-02T10:00'), actor: desk },
      { type: 'REQUEST_PAYMENT', at: vn('2026-03-03T10:00'), actor: police, items: [{ feeId: 'appraisal' }] },
    ]);

  it('cancels the payments still awaited when the dossier is refused, and keeps the paid ones', () => {
    const s = p.apply(withPayments(), {
      type: 'REFUSE',
      at: vn('2026-03-04T10:00'),
      actor: police,
      reasons: ['Chỗ ở không hợp pháp'],
    });
    expect(stateName(s.value)).toBe('refused');
    expect(s.context.payments?.map((x) => x.status)).toEqual(['paid', 'cancelled']);
    expect(s.context.payments?.[1]?.cancelled?.at).toBe(utc(vn('2026-03-04T10:00')));
    // Refused while the clock was stopped: classified when it stopped.
    expect(s.context.outcome?.result).not.toBe('LATE');
  });

  it('records the refund of a paid payment after the dossier is refused, and nothing else', () => {
    const closed = p.apply(withPayments(), {
      type: 'REFUSE',
      at: vn('2026-03-04T10:00'),
      actor: police,
      reasons: ['Chỗ ở không hợp pháp'],
    });
    const refunded = p.apply(closed, {
      type: 'REFUND_PAYMENT',
      at: vn('2026-03-10T14:00'),
      actor: desk,
      paymentId: 'payment-1',
      reason: 'Hồ sơ bị từ chối',
      amountVnd: 20_000,
    });
    expect(stateName(refunded.value)).toBe('refused');
    expect(refunded.status).toBe('done');
    expect(refunded.context.payments?.[0]).toMatchObject({
      status: 'refunded',
      refund: { at: utc(vn('2026-03-10T14:00')), by: desk, reason: 'Hồ sơ bị từ chối', amountVnd: 20_000 },
    });
    expect(refunded.context.outcome).toEqual(closed.context.outcome);
    // The same through the compiled table.
    expect(
      p.step(p.persist(closed), {
        type: 'REFUND_PAYMENT',
        at: vn('2026-03-10T14:00'),
        actor: desk,
        paymentId: 'payment-1',
        reason: 'Hồ sơ bị từ chối',
        amountVnd: 20_000,
      }),
    ).toEqual(p.persist(refunded));
    // The cancelled payment has nothing to refund; a closed dossier takes no other payment event.
    const cancelled = refused(closed, {
      type: 'REFUND_PAYMENT',
      at: vn('2026-03-10T14:00'),
      actor: desk,
      paymentId: 'payment-2',
      reason: 'x',
    }) as ValidationError;
    expect(cancelled.issues[0]?.field).toBe('event.paymentId');
    const other = refused(closed, {
      type: 'RECORD_PAYMENT',
      at: vn('2026-03-10T14:00'),
      actor: desk,
      items: [{ feeId: 'copy' }],
      channel: 'desk',
    });
    expect(other).toBeInstanceOf(TransitionError);
    const notDesk = refused(closed, {
      type: 'REFUND_PAYMENT',
      at: vn('2026-03-10T14:00'),
      actor: police,
      paymentId: 'payment-1',
      reason: 'x',
    });
    expect((notDesk as Error).name).toBe('PermissionError');
  });

  it('records a refund, in part or whole, with the bank account masked as personal data', () => {
    const s = p.apply(withPayments(), {
      type: 'REFUND_PAYMENT',
      at: vn('2026-03-03T11:00'),
      actor: desk,
      paymentId: 'payment-1',
      reason: 'Thu nhầm',
      bankAccount: { bank: 'Vietcombank', accountNumber: '0011004455667', holder: 'Phạm Thị Dung' },
    });
    expect(stateName(s.value)).toBe('awaitingPayment');
    expect(s.context.payments?.[0]).toMatchObject({
      status: 'refunded',
      refund: { amountVnd: 20_000, reason: 'Thu nhầm' },
    });
    const masked = JSON.stringify(maskPersonalData(DossierContextSchema, s.context));
    expect(masked).not.toContain('0011004455667');
    expect(masked).not.toContain('Phạm Thị Dung');
  });
});

describe('refusals: a typed error naming the field, nothing changed', () => {
  const s = () =>
    p.apply(p.receive(residenceReceipt(vn('2026-03-02T09:00'))), {
      type: 'HAND_OVER',
      at: vn('2026-03-02T10:00'),
      actor: desk,
    });
  const at = vn('2026-03-03T10:00');
  const cases: [string, DossierEventInput][] = [
    ['event.items[0].feeId', { type: 'REQUEST_PAYMENT', at, actor: police, items: [{ feeId: 'nope' }] }],
    ['event.items[0].feeId', { type: 'REQUEST_PAYMENT', at, actor: police, items: [{ feeId: 'exempt' }] }],
    [
      'event.items[0].amountVnd',
      { type: 'REQUEST_PAYMENT', at, actor: police, items: [{ feeId: 'appraisal', amountVnd: 100_000 }] },
    ],
    [
      'event.items[0].quantity',
      { type: 'REQUEST_PAYMENT', at, actor: police, items: [{ feeId: 'appraisal', quantity: 2 }] },
    ],
    [
      'event.items[1].feeId',
      { type: 'REQUEST_PAYMENT', at, actor: police, items: [{ feeId: 'copy' }, { feeId: 'copy' }] },
    ],
    [
      'event.paymentId',
      { type: 'REFUND_PAYMENT', at, actor: desk, paymentId: 'payment-1', reason: 'Từ chối' },
    ],
    ['event.paymentId', { type: 'RECORD_PAYMENT', at, actor: desk, channel: 'desk' }],
    ['event.paymentId', { type: 'CANCEL_PAYMENT', at, actor: desk, paymentId: 'payment-7', reason: 'x' }],
    [
      'event.items[0].amountVnd',
      {
        type: 'RECORD_PAYMENT',
        at,
        actor: desk,
        channel: 'desk',
        items: [{ feeId: 'registration', amountVnd: 25_000 }],
      },
    ],
  ];
  for (const [field, event] of cases) {
    it(`${event.type} → ${field}`, () => {
      const error = refused(s(), event);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.field).toBe(field);
    });
  }

  it('refuses a refund of a payment not paid, more than was paid, and a second request of an item', () => {
    const waiting = p.apply(s(), {
      type: 'REQUEST_PAYMENT',
      at,
      actor: police,
      items: [{ feeId: 'appraisal' }],
    });
    const notPaid = refused(waiting, {
      type: 'REFUND_PAYMENT',
      at,
      actor: desk,
      paymentId: 'payment-1',
      reason: 'x',
    }) as ValidationError;
    expect(notPaid.issues[0]?.field).toBe('event.paymentId');
    const again = refused(waiting, {
      type: 'REQUEST_PAYMENT',
      at,
      actor: desk,
      items: [{ feeId: 'appraisal' }],
    }) as ValidationError;
    expect(again.issues[0]?.field).toBe('event.items[0].feeId');
    const paid = p.apply(waiting, {
      type: 'RECORD_PAYMENT',
      at,
      actor: desk,
      paymentId: 'payment-1',
      channel: 'desk',
    });
    const tooMuch = refused(paid, {
      type: 'REFUND_PAYMENT',
      at,
      actor: desk,
      paymentId: 'payment-1',
      reason: 'x',
      amountVnd: 150_001,
    }) as ValidationError;
    expect(tooMuch.issues[0]?.field).toBe('event.amountVnd');
  });

  it('lets only the desk record payments, and does not echo the input', () => {
    const error = refused(s(), {
      type: 'RECORD_PAYMENT',
      at,
      actor: police,
      channel: 'desk',
      items: [{ feeId: 'registration' }],
    });
    expect((error as Error).name).toBe('PermissionError');
    const unknown = refused(s(), {
      type: 'REQUEST_PAYMENT',
      at,
      actor: police,
      items: [{ feeId: 'secret-0912345678' }],
    });
    expect((unknown as Error).message).not.toContain('0912345678');
  });
});

describe('a dossier exempt from a fee item (miễn)', () => {
  it('returns the result without the payment, and refuses to ask for the item afterwards', () => {
    const ready = applyAll(p, p.receive(residenceReceipt(vn('2026-03-02T09:00'))), [
      { type: 'HAND_OVER', at: vn('2026-03-02T10:00'), actor: desk },
      {
        type: 'WAIVE_FEE',
        at: vn('2026-03-02T10:30'),
        actor: desk,
        items: [{ feeId: 'appraisal' }],
        reason: 'Hộ nghèo',
      },
      { type: 'HAND_OVER', at: vn('2026-03-03T10:00'), actor: police },
      { type: 'HAND_OVER', at: vn('2026-03-04T10:00'), actor: leader },
      { type: 'HAND_OVER', at: vn('2026-03-04T14:00'), actor: police },
    ]);
    expect(ready.context.feeExemptions).toEqual([
      { feeId: 'appraisal', reason: 'Hộ nghèo', at: utc(vn('2026-03-02T10:30')), by: desk },
    ]);
    const asked = refused(ready, {
      type: 'REQUEST_PAYMENT',
      at: vn('2026-03-05T09:00'),
      actor: desk,
      items: [{ feeId: 'appraisal' }],
    }) as ValidationError;
    expect(asked.issues[0]?.field).toBe('event.items[0].feeId');
    const again = refused(ready, {
      type: 'WAIVE_FEE',
      at: vn('2026-03-05T09:00'),
      actor: desk,
      items: [{ feeId: 'copy' }, { feeId: 'appraisal' }],
      reason: 'x',
    }) as ValidationError;
    expect(again.issues.map((i) => i.field)).toEqual(['event.items[1].feeId']);
    const returned = p.apply(ready, { type: 'RETURN_RESULT', at: vn('2026-03-05T09:00'), actor: desk });
    expect(stateName(returned.value)).toBe('returned');
  });
});

describe('the amount arithmetic', () => {
  it('is the definition amount times the quantity, in whole đồng, totals the sum of the lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 6, maxLength: 6 }),
        (amounts, quantities) => {
          const def = {
            ...p.definition,
            fees: amounts.map((amountVnd, i) => ({
              id: `f${i}`,
              name: `Phí ${i}`,
              kind: 'fee' as const,
              amountVnd,
              collection: 'before-result' as const,
              per: 'bản',
            })),
          };
          const items = amounts.map((_, i) => ({ feeId: `f${i}`, quantity: quantities[i]! }));
          const { lines, totalVnd, issues } = paymentLines(def, [], items, 'event.items');
          expect(issues).toEqual([]);
          lines.forEach((l, i) => {
            expect(Number.isSafeInteger(l.amountVnd)).toBe(true);
            expect(l.amountVnd).toBe(amounts[i]! * quantities[i]!);
          });
          expect(totalVnd).toBe(lines.reduce((sum, l) => sum + l.amountVnd, 0));
          // A stated amount one đồng off is refused, naming the line.
          const off = paymentLines(
            def,
            [],
            [{ ...items[0]!, amountVnd: lines[0]!.amountVnd + 1 }],
            'event.items',
          );
          expect(off.issues.map((x) => x.field)).toEqual(['event.items[0].amountVnd']);
        },
      ),
      { numRuns: laneCount(200, 50) },
    );
  });
});

describe('fees paid online with the filing, before the desk accepts it', () => {
  const portal = { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng Dịch vụ công quốc gia' };
  const filed = () =>
    p.submit({
      code: '000.00.14.H56-260306-0001',
      secret: 'K7Q2M9AB',
      agency: '000.00.14.H56',
      submittedAt: vn('2026-03-06T16:00'),
      submittedBy: portal,
      channel: 'online-full',
      filing: { system: 'dvcqg', id: 'G22-260306-000123' },
      applicant: residenceReceipt(vn('2026-03-06T16:00')).applicant,
      application: residenceReceipt(vn('2026-03-06T16:00')).application,
    });
  const paidOnline: DossierEventInput = {
    type: 'RECORD_PAYMENT',
    at: vn('2026-03-06T16:05'),
    actor: portal,
    items: [{ feeId: 'registration' }],
    channel: 'national-portal',
    transactionCode: 'DVCQG-260306-77',
  };

  it('records them without a wait, and keeps them once the filing is accepted (table and XState alike)', () => {
    const events: DossierEventInput[] = [
      paidOnline,
      { type: 'ACCEPT', at: vn('2026-03-09T10:00'), actor: desk },
    ];
    let table = filed();
    let reference = filed();
    for (const e of events) {
      table = p.step(table, e);
      reference = p.persist(p.apply(p.restore(reference), e));
      expect(JSON.stringify(table)).toBe(JSON.stringify(reference));
    }
    expect(stateName(table.value)).toBe('processing.receive');
    expect(table.context.payments?.[0]).toMatchObject({ status: 'paid', channel: 'national-portal' });
  });

  it('cancels a payment still awaited when the filing is not accepted', () => {
    const s = [
      {
        type: 'REQUEST_PAYMENT',
        at: vn('2026-03-06T16:05'),
        actor: portal,
        items: [{ feeId: 'registration' }],
      },
      { type: 'REFUSE', at: vn('2026-03-09T09:00'), actor: desk, reasons: ['Sai thủ tục'] },
    ].reduce((x, e) => p.step(x, e as DossierEventInput), filed());
    expect(stateName(s.value)).toBe('notAccepted');
    expect(s.context.payments?.map((x) => x.status)).toEqual(['cancelled']);
  });
});

describe('a phase that starts after payment (giai đoạn 2)', () => {
  const phased = residenceVariant({
    version: '2025.1-phases',
    fees,
    steps: residenceVariant({}).definition.steps.map((s, i) => ({ ...s, phase: i < 2 ? 1 : 2 })),
    phases: [{ phase: 2, name: 'Giai đoạn 2', startsAfter: 'payment' }],
  });

  it('opens once every payment asked for is paid, not before; the wait itself stops the clock', () => {
    let s = applyAll(phased, phased.receive(residenceReceipt(vn('2026-03-02T09:00'))), [
      { type: 'HAND_OVER', at: vn('2026-03-02T10:00'), actor: desk },
    ]);
    const into2: DossierEventInput = { type: 'HAND_OVER', at: vn('2026-03-03T10:00'), actor: police };
    expect(() => phased.apply(s, into2)).toThrow(
      /Giai đoạn 2 starts once the financial obligations are paid: no payment made/,
    );
    s = phased.apply(s, {
      type: 'REQUEST_PAYMENT',
      at: vn('2026-03-03T09:00'),
      actor: police,
      items: [{ feeId: 'appraisal' }],
    });
    expect(stateName(s.value)).toBe('awaitingPayment');
    s = phased.apply(s, {
      type: 'RECORD_PAYMENT',
      at: vn('2026-03-03T09:30'),
      actor: desk,
      paymentId: 'payment-1',
      channel: 'national-portal',
    });
    expect(stateName(s.value)).toBe('processing.appraise');
    s = phased.apply(s, into2);
    expect(stateName(s.value)).toBe('processing.approve');
  });
});
