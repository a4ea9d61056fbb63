/**
 * Fee revenue in reports: collected in the period by fee and charge, online and otherwise, refunds
 * in the period, grouped by procedure, field, agency and collecting unit; the arithmetic exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { PaymentChannel, PaymentRecord } from '../model/payment.js';
import { feeRevenueReport } from './fee-revenue.js';

const desk = { officerId: 'desk-1', unitId: 'desk', roles: [] };
const portal = { officerId: 'dvcqg', unitId: 'portal', roles: ['payment-gateway'] };

function paid(
  id: string,
  paidAt: string,
  channel: PaymentChannel,
  lines: [kind: 'fee' | 'charge', amount: number][],
  refund?: [at: string, amount: number],
): PaymentRecord {
  const totalVnd = lines.reduce((s, [, a]) => s + a, 0);
  return {
    id,
    status: refund ? 'refunded' : 'paid',
    lines: lines.map(([kind, amountVnd], i) => ({
      feeId: `f${i}`,
      kind,
      collection: 'at-intake',
      quantity: 1,
      unitAmountVnd: amountVnd,
      amountVnd,
    })),
    totalVnd,
    requestedAt: paidAt,
    requestedBy: desk,
    channel,
    paidAt,
    recordedBy: channel === 'national-portal' ? portal : desk,
    ...(refund ? { refund: { at: refund[0], by: desk, reason: 'Từ chối', amountVnd: refund[1] } } : {}),
  };
}

function dossier(procedure: string, agency: string, payments: PaymentRecord[]): DossierContext {
  return { procedure: { code: procedure, version: '1', regime: '2025' }, agency, payments } as DossierContext;
}

const march = { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' };

describe('feeRevenueReport', () => {
  const dossiers = [
    {
      context: dossier('1.004194', 'H56', [
        paid('payment-1', '2026-03-02T09:05:00+07:00', 'desk', [['charge', 20_000]]),
        paid('payment-2', '2026-03-05T10:00:00+07:00', 'national-portal', [
          ['fee', 150_000],
          ['fee', 6_000],
        ]),
      ]),
      sector: 'Cư trú',
    },
    {
      // Paid in February, refunded in March: the refund counts in March, the payment does not.
      context: dossier('1.001193', 'H56', [
        paid(
          'payment-1',
          '2026-02-27T09:00:00+07:00',
          'provincial-gateway',
          [['charge', 8_000]],
          ['2026-03-03T09:00:00+07:00', 8_000],
        ),
      ]),
      sector: 'Hộ tịch',
    },
  ];

  it('sums what was paid and refunded in the period, by fee and charge, online and otherwise', () => {
    expect(feeRevenueReport(dossiers, { ...march, groupBy: 'none' })).toEqual([
      {
        group: '*',
        payments: 2,
        collectedVnd: 176_000,
        feeVnd: 156_000,
        chargeVnd: 20_000,
        onlineVnd: 156_000,
        otherVnd: 20_000,
        onlinePayments: 1,
        byChannel: { desk: 20_000, 'national-portal': 156_000 },
        refunds: 1,
        refundedVnd: 8_000,
        netVnd: 168_000,
      },
    ]);
  });

  it('groups by procedure, field and collecting unit', () => {
    const by = (groupBy: 'procedure' | 'sector' | 'unit') =>
      feeRevenueReport(dossiers, { ...march, groupBy }).map((r) => [r.group, r.collectedVnd, r.refundedVnd]);
    expect(by('procedure')).toEqual([
      ['1.001193', 0, 8_000],
      ['1.004194', 176_000, 0],
    ]);
    expect(by('sector')).toEqual([
      ['Cư trú', 176_000, 0],
      ['Hộ tịch', 0, 8_000],
    ]);
    expect(by('unit')).toEqual([
      ['desk', 20_000, 8_000],
      ['portal', 156_000, 0],
    ]);
  });

  it('adds up exactly: collected = fee + charge = online + other, net = collected − refunded, groups sum to the whole', () => {
    const channel = fc.constantFrom<PaymentChannel>(
      'national-portal',
      'provincial-gateway',
      'desk',
      'bank-transfer',
    );
    const line = fc.tuple(
      fc.constantFrom<'fee' | 'charge'>('fee', 'charge'),
      fc.integer({ min: 0, max: 2_000_000_000 }),
    );
    const instant = fc
      .integer({ min: Date.parse('2026-02-15T00:00:00Z'), max: Date.parse('2026-04-15T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    const payment = fc.tuple(
      instant,
      channel,
      fc.array(line, { minLength: 1, maxLength: 4 }),
      fc.option(instant),
      fc.nat(),
    );
    const input = fc.array(
      fc.tuple(fc.constantFrom('1.001193', '1.004194', '2.000001'), fc.array(payment, { maxLength: 3 })),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(input, (list) => {
        const dossiers = list.map(([code, payments]) => ({
          context: dossier(
            code,
            'H56',
            payments.map(([at, ch, lines, refundAt, share], i) => {
              const total = lines.reduce((s, [, a]) => s + a, 0);
              return paid(
                `payment-${i + 1}`,
                at,
                ch,
                lines,
                refundAt ? [refundAt, total === 0 ? 0 : share % (total + 1)] : undefined,
              );
            }),
          ),
        }));
        const [all] = feeRevenueReport(dossiers, { ...march, groupBy: 'none' });
        const rows = feeRevenueReport(dossiers, { ...march, groupBy: 'procedure' });
        if (!all) {
          expect(rows).toEqual([]);
          return;
        }
        expect(all.collectedVnd).toBe(all.feeVnd + all.chargeVnd);
        expect(all.collectedVnd).toBe(all.onlineVnd + all.otherVnd);
        expect(all.netVnd).toBe(all.collectedVnd - all.refundedVnd);
        expect(Object.values(all.byChannel).reduce((s, v) => s + (v ?? 0), 0)).toBe(all.collectedVnd);
        for (const key of ['payments', 'collectedVnd', 'refundedVnd', 'onlineVnd', 'refunds'] as const) {
          expect(rows.reduce((s, r) => s + r[key], 0)).toBe(all[key]);
        }
      }),
      { numRuns: laneCount(300, 50) },
    );
  });
});
