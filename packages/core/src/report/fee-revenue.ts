import type { DossierContext } from '../model/dossier-context.js';
import { isOnlinePayment, type PaymentChannel } from '../model/payment.js';

/** What a fee revenue report covers and how it groups (báo cáo thu phí, lệ phí). */
export interface FeeRevenueQuery {
  /** Start of the period (inclusive), ISO instant. */
  readonly from: string;
  /** End of the period (exclusive), ISO instant. */
  readonly to: string;
  /**
   * `procedure` (national procedure code), `sector` (the procedure's field, lĩnh vực, as given with
   * each dossier), `agency` (the dossier's agency code), `unit` (the unit that recorded the
   * payment, usually the one-stop desk), or `none`.
   */
  readonly groupBy: 'procedure' | 'sector' | 'agency' | 'unit' | 'none';
}

/** One dossier for the report: its context and, for `groupBy: 'sector'`, its procedure's field. */
export interface FeeRevenueInput {
  readonly context: DossierContext;
  /** The field (lĩnh vực) of the dossier's procedure, e.g. its code on the national portal. */
  readonly sector?: string | undefined;
}

/** The fee revenue of one group for one period, in whole đồng. */
export interface FeeRevenueRow {
  /** The procedure code, field, agency or unit; `'*'` for `groupBy: 'none'`; `'?'` for a field not given. */
  readonly group: string;
  /** Payments paid in the period (each counted once, at its payment instant). */
  readonly payments: number;
  /** Paid in the period, refunded later or not. */
  readonly collectedVnd: number;
  /** Of which fees (phí) and charges (lệ phí). */
  readonly feeVnd: number;
  readonly chargeVnd: number;
  /** Of which paid online (the national portal or a ministry's or province's gateway) and otherwise. */
  readonly onlineVnd: number;
  readonly otherVnd: number;
  /** Payments paid online in the period (what Decision 766 counts as paid online). */
  readonly onlinePayments: number;
  /** Paid in the period by payment channel. */
  readonly byChannel: Readonly<Partial<Record<PaymentChannel, number>>>;
  /** Refunds made in the period (whatever the period of the payment) and their amount. */
  readonly refunds: number;
  readonly refundedVnd: number;
  /** `collectedVnd − refundedVnd`. */
  readonly netVnd: number;
}

type MutableRow = { -readonly [K in keyof FeeRevenueRow]: FeeRevenueRow[K] } & {
  byChannel: Partial<Record<PaymentChannel, number>>;
};

function emptyRow(group: string): MutableRow {
  return {
    group,
    payments: 0,
    collectedVnd: 0,
    feeVnd: 0,
    chargeVnd: 0,
    onlineVnd: 0,
    otherVnd: 0,
    onlinePayments: 0,
    byChannel: {},
    refunds: 0,
    refundedVnd: 0,
    netVnd: 0,
  };
}

/**
 * The fee revenue of dossiers for a period, from their payments (`context.payments`): what was
 * paid in [from, to) (by fee and charge, online and otherwise, by payment channel) and what was
 * refunded in it, grouped by procedure, field, agency or collecting unit. Amounts are whole đồng,
 * summed exactly. Rows are sorted by group.
 *
 * @example
 * ```ts
 * import { feeRevenueReport, type Engine } from '@motcua/core';
 * declare const engine: Engine;
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const [march] = feeRevenueReport([{ context: record.context, sector: 'Hộ tịch' }], {
 *   from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00', groupBy: 'sector',
 * });
 * console.log(march?.collectedVnd, march?.onlineVnd, march?.refundedVnd);
 * ```
 */
export function feeRevenueReport(
  dossiers: Iterable<FeeRevenueInput>,
  query: FeeRevenueQuery,
): FeeRevenueRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows = new Map<string, MutableRow>();
  const row = (group: string) => {
    let r = rows.get(group);
    if (!r) {
      r = emptyRow(group);
      rows.set(group, r);
    }
    return r;
  };
  const within = (iso: string | undefined) => {
    if (iso === undefined) return false;
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  for (const { context, sector } of dossiers) {
    for (const p of context.payments ?? []) {
      const group =
        query.groupBy === 'procedure'
          ? context.procedure.code
          : query.groupBy === 'sector'
            ? (sector ?? '?')
            : query.groupBy === 'agency'
              ? context.agency
              : query.groupBy === 'unit'
                ? (p.recordedBy?.unitId ?? '?')
                : '*';
      if (p.paidAt !== undefined && within(p.paidAt)) {
        const r = row(group);
        r.payments++;
        r.collectedVnd += p.totalVnd;
        for (const l of p.lines) {
          if (l.kind === 'fee') r.feeVnd += l.amountVnd;
          else r.chargeVnd += l.amountVnd;
        }
        const channel = p.channel ?? 'desk';
        r.byChannel[channel] = (r.byChannel[channel] ?? 0) + p.totalVnd;
        if (isOnlinePayment(channel)) {
          r.onlineVnd += p.totalVnd;
          r.onlinePayments++;
        } else r.otherVnd += p.totalVnd;
      }
      if (p.refund && within(p.refund.at)) {
        const r = row(group);
        r.refunds++;
        r.refundedVnd += p.refund.amountVnd;
      }
    }
  }
  const out = [...rows.values()];
  for (const r of out) r.netVnd = r.collectedVnd - r.refundedVnd;
  return out.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
