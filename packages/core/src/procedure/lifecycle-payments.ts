import type { FieldIssue } from '../errors/dossier-errors.js';
import type { Channel } from '../model/channel.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import { type FeeItem, feeAmount } from '../model/fee-item.js';
import { instantMs } from '../model/instant-format.js';
import type { FeeExemption, PaymentItem, PaymentLine, PaymentRecord } from '../model/payment.js';
import type { ProcedureDefinition } from './definition-schema.js';
import { type LifecycleEnv, laterInstant, resumeShift } from './lifecycle-env.js';

type E<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;

/** One problem of a payment event, naming the field as the caller wrote it (a public `FieldIssue`). */
type Issue = FieldIssue;

const d = (iso: string) => new Date(instantMs(iso));

/** Whether a payment still waits for the applicant: requested or pending. */
function outstanding(p: PaymentRecord): boolean {
  return p.status === 'requested' || p.status === 'pending';
}

/** Whether a payment counts as money received and kept: paid, or refunded in part only. */
function kept(p: PaymentRecord): boolean {
  return p.status === 'paid' || (p.status === 'refunded' && (p.refund?.amountVnd ?? 0) < p.totalVnd);
}

/**
 * The lines of `items` against the procedure's fee items, with the problems found, each naming
 * `<prefix>[i].<field>`: an unknown item, a waived one, a quantity on an item not counted per
 * unit, an amount that differs from the definition's (for the dossier's `channel`: see
 * {@link feeAmount}), an item listed twice or already requested or paid for the dossier. The arithmetic is in whole đồng; a total beyond the safe integers is refused.
 *
 * @example
 * ```ts
 * import { defineProcedure, paymentLines, vietnamCalendar } from '@motcua/core';
 * import { sampleResidenceDefinition } from '@motcua/core/testing';
 * const { definition } = defineProcedure(sampleResidenceDefinition, { calendar: vietnamCalendar() });
 * const { lines, issues } = paymentLines(definition, [], [{ feeId: 'fee' }], 'event.items');
 * lines[0]?.amountVnd; // 20000, from the definition
 * issues; // []
 * ```
 */
export function paymentLines(
  def: ProcedureDefinition,
  payments: readonly PaymentRecord[],
  items: readonly PaymentItem[],
  prefix: string,
  exemptions: readonly FeeExemption[] = [],
  channel?: Channel,
): { lines: PaymentLine[]; totalVnd: number; issues: Issue[] } {
  const fees = new Map<string, FeeItem>(def.fees.map((f) => [f.id, f]));
  const taken = takenItems(payments);
  const exempt = new Set(exemptions.map((x) => x.feeId));
  const seen = new Set<string>();
  const lines: PaymentLine[] = [];
  const issues: Issue[] = [];
  let totalVnd = 0;
  items.forEach((item, i) => {
    const at = `${prefix}[${i}]`;
    const fee = fees.get(item.feeId);
    const quantity = item.quantity ?? 1;
    const unit = fee ? feeAmount(fee, channel) : 0;
    const amountVnd = unit * quantity;
    let issue: Issue | undefined;
    if (!fee) issue = { field: `${at}.feeId`, message: 'not a fee item of this procedure' };
    else if (fee.collection === 'waived')
      issue = { field: `${at}.feeId`, message: 'the fee item is waived: nothing is paid for it' };
    else if (seen.has(fee.id)) issue = { field: `${at}.feeId`, message: 'listed twice' };
    else if (exempt.has(fee.id)) issue = { field: `${at}.feeId`, message: 'this dossier is exempt from it' };
    else if (taken.has(fee.id))
      issue = { field: `${at}.feeId`, message: 'already requested or paid for this dossier' };
    else if (quantity !== 1 && fee.per === undefined)
      issue = { field: `${at}.quantity`, message: 'the fee item is paid once per dossier' };
    else if (!Number.isSafeInteger(amountVnd))
      issue = { field: `${at}.quantity`, message: 'the amount is too large' };
    else if (item.amountVnd !== undefined && item.amountVnd !== amountVnd)
      issue = { field: `${at}.amountVnd`, message: "differs from the procedure's amount for this fee item" };
    if (fee) seen.add(fee.id);
    if (issue || !fee) {
      if (issue) issues.push(issue);
      return;
    }
    totalVnd += amountVnd;
    lines.push({
      feeId: fee.id,
      kind: fee.kind,
      collection: fee.collection,
      quantity,
      unitAmountVnd: unit,
      amountVnd,
    });
  });
  if (!Number.isSafeInteger(totalVnd)) issues.push({ field: prefix, message: 'the total is too large' });
  return { lines, totalVnd, issues };
}

/** The fee items of payments awaited or paid (and kept): not to be asked for again. */
function takenItems(payments: readonly PaymentRecord[]): Set<string> {
  const taken = new Set<string>();
  for (const p of payments) {
    if (outstanding(p) || kept(p)) for (const l of p.lines) taken.add(l.feeId);
  }
  return taken;
}

/** The problems of a `WAIVE_FEE`: an unknown item, one waived for every dossier, listed twice, already exempt, asked for or paid. */
function exemptionIssues(def: ProcedureDefinition, ctx: DossierContext, e: E<'WAIVE_FEE'>): Issue[] {
  const fees = new Map<string, FeeItem>(def.fees.map((f) => [f.id, f]));
  const taken = takenItems(ctx.payments ?? []);
  const exempt = new Set((ctx.feeExemptions ?? []).map((x) => x.feeId));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  e.items.forEach((item, i) => {
    const field = `event.items[${i}].feeId`;
    const fee = fees.get(item.feeId);
    if (!fee) issues.push({ field, message: 'not a fee item of this procedure' });
    else if (fee.collection === 'waived')
      issues.push({ field, message: 'the fee item is waived for every dossier' });
    else if (seen.has(fee.id)) issues.push({ field, message: 'listed twice' });
    else if (exempt.has(fee.id)) issues.push({ field, message: 'this dossier is already exempt from it' });
    else if (taken.has(fee.id))
      issues.push({ field, message: 'already requested or paid: cancel or refund the payment first' });
    seen.add(item.feeId);
  });
  return issues;
}

function findPayment(ctx: DossierContext, id: string): PaymentRecord | undefined {
  return ctx.payments?.find((p) => p.id === id);
}

/**
 * The problems of a payment event against the procedure and the dossier's payments, each naming
 * its field (`event.items[0].feeId`, `event.paymentId`, `event.amountVnd`); `[]` for any other
 * event. The engine refuses an event with problems with a `ValidationError`, storing nothing.
 *
 * @example
 * ```ts
 * import { defineProcedure, paymentIssues, vietnamCalendar } from '@motcua/core';
 * import type { DossierContext, DossierEvent } from '@motcua/core';
 * import { sampleResidenceDefinition } from '@motcua/core/testing';
 * declare const context: DossierContext;
 * const { definition } = defineProcedure(sampleResidenceDefinition, { calendar: vietnamCalendar() });
 * const refund = { type: 'REFUND_PAYMENT', at: '2026-03-02T02:00:00.000Z', reason: 'Từ chối',
 *   paymentId: 'payment-9', actor: { officerId: 'desk-1', unitId: 'desk', roles: [] } } as DossierEvent;
 * paymentIssues(definition, context, refund); // [{ field: 'event.paymentId', message: 'no such payment' }]
 * ```
 */
export function paymentIssues(def: ProcedureDefinition, ctx: DossierContext, e: DossierEvent): Issue[] {
  switch (e.type) {
    case 'REQUEST_PAYMENT':
      return paymentLines(def, ctx.payments ?? [], e.items, 'event.items', ctx.feeExemptions, ctx.channel)
        .issues;
    case 'RECORD_PAYMENT': {
      if ((e.paymentId === undefined) === (e.items === undefined))
        return [
          {
            field: 'event.paymentId',
            message: 'give either the payment requested (paymentId) or the items paid',
          },
        ];
      if (e.items)
        return paymentLines(def, ctx.payments ?? [], e.items, 'event.items', ctx.feeExemptions, ctx.channel)
          .issues;
      return awaited(ctx, e.paymentId!);
    }
    case 'START_PAYMENT':
    case 'CANCEL_PAYMENT':
      return awaited(ctx, e.paymentId);
    case 'REFUND_PAYMENT': {
      const p = findPayment(ctx, e.paymentId);
      if (!p) return [{ field: 'event.paymentId', message: 'no such payment' }];
      if (p.status !== 'paid')
        return [
          { field: 'event.paymentId', message: `the payment is ${p.status}, not paid: nothing to refund` },
        ];
      if (e.amountVnd !== undefined && e.amountVnd > p.totalVnd)
        return [{ field: 'event.amountVnd', message: 'more than the payment' }];
      return [];
    }
    case 'WAIVE_FEE':
      return exemptionIssues(def, ctx, e);
    default:
      return [];
  }
}

function awaited(ctx: DossierContext, id: string): Issue[] {
  const p = findPayment(ctx, id);
  if (!p) return [{ field: 'event.paymentId', message: 'no such payment' }];
  if (!outstanding(p)) return [{ field: 'event.paymentId', message: `the payment is already ${p.status}` }];
  return [];
}

/**
 * The fee items the result waits for (`payBeforeResult`): those not covered by a payment paid and
 * kept, nor exempted for the dossier (`WAIVE_FEE`). `RETURN_RESULT` is refused while any is left.
 *
 * @example
 * ```ts
 * import { unpaidBeforeResult } from '@motcua/core';
 * import type { DossierContext, ProcedureDefinition } from '@motcua/core';
 * declare const definition: ProcedureDefinition;
 * declare const context: DossierContext;
 * unpaidBeforeResult(definition, context); // e.g. ['appraisal-fee']
 * ```
 */
export function unpaidBeforeResult(def: ProcedureDefinition, ctx: DossierContext): string[] {
  // Most procedures have no fee paid before the result: nothing to collect the payments for.
  if (!def.fees.some((f) => f.payBeforeResult)) return [];
  const paid = new Set<string>((ctx.feeExemptions ?? []).map((x) => x.feeId));
  for (const p of ctx.payments ?? []) if (kept(p)) for (const l of p.lines) paid.add(l.feeId);
  return def.fees.filter((f) => f.payBeforeResult && !paid.has(f.id)).map((f) => f.id);
}

/**
 * What keeps a phase that starts after payment (`phases[].startsAfter: 'payment'`) from starting:
 * a payment still awaited, or, for a procedure with fee items not waived (nor exempted for the
 * dossier), no payment paid yet; `null` when the financial obligations are met.
 */
export function financialObligationsMissing(def: ProcedureDefinition, ctx: DossierContext): string | null {
  const awaited = (ctx.payments ?? []).filter(outstanding).map((p) => p.id);
  if (awaited.length) return `${awaited.join(', ')} awaited`;
  const exempt = new Set((ctx.feeExemptions ?? []).map((x) => x.feeId));
  const due = def.fees.some((f) => f.collection !== 'waived' && !exempt.has(f.id));
  if (due && !(ctx.payments ?? []).some(kept)) return 'no payment made';
  return null;
}

/** The payments still awaited once `e` is applied (a recorded or cancelled payment leaves them). */
function awaitedAfter(ctx: DossierContext, e: DossierEvent): number {
  const settled =
    (e.type === 'RECORD_PAYMENT' || e.type === 'CANCEL_PAYMENT') && e.paymentId !== undefined
      ? e.paymentId
      : null;
  return (ctx.payments ?? []).filter((p) => outstanding(p) && p.id !== settled).length;
}

/**
 * Whether `e` ends the wait for payments (status 6) back in step `step` (`null`: the result ready
 * at the desk): it settles the last payment awaited, and that step is the one left open.
 */
export function settlesAt(ctx: DossierContext, e: DossierEvent, step: string | null): boolean {
  if (awaitedAfter(ctx, e) > 0) return false;
  const last = ctx.steps[ctx.steps.length - 1];
  const open = last && last.endedAt === null ? last.stepId : null;
  return open === step;
}

function replaced(ctx: DossierContext, p: PaymentRecord): PaymentRecord[] {
  return (ctx.payments ?? []).map((x) => (x.id === p.id ? p : x));
}

function nextId(ctx: DossierContext): string {
  return `payment-${(ctx.payments?.length ?? 0) + 1}`;
}

/**
 * REQUEST_PAYMENT: a new payment of the items asked for, `requested`. With `wait`, the dossier
 * waits for it with its clock stopped (status 6), keeping the time left as supplementation does.
 */
export function requestPayment(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'REQUEST_PAYMENT'>,
  wait: boolean,
): DossierContext {
  const { lines, totalVnd } = paymentLines(
    env.def,
    ctx.payments ?? [],
    e.items,
    'event.items',
    ctx.feeExemptions,
    ctx.channel,
  );
  const record: PaymentRecord = {
    id: nextId(ctx),
    status: 'requested',
    lines,
    totalVnd,
    requestedAt: e.at,
    requestedBy: e.actor,
    ...(e.note !== undefined ? { note: e.note } : {}),
  };
  const payments = [...(ctx.payments ?? []), record];
  if (!wait) return { ...ctx, payments, updatedAt: e.at };
  const left = Math.max(0, env.calendar.workingMinutesBetween(d(e.at), d(ctx.due.current)));
  const last = ctx.steps[ctx.steps.length - 1];
  const steps =
    last && last.endedAt === null
      ? [
          ...ctx.steps.slice(0, -1),
          {
            ...last,
            remainingMinutes: Math.max(0, env.calendar.workingMinutesBetween(d(e.at), d(last.due))),
          },
        ]
      : ctx.steps;
  return { ...ctx, steps, pause: { since: e.at, remainingMinutes: left }, payments, updatedAt: e.at };
}

/** START_PAYMENT: the applicant started paying on a channel; the payment is `pending`. */
export function startPayment(_env: LifecycleEnv, ctx: DossierContext, e: E<'START_PAYMENT'>): DossierContext {
  const p = findPayment(ctx, e.paymentId)!;
  const next: PaymentRecord = {
    ...p,
    status: 'pending',
    channel: e.channel,
    ...(e.transactionCode !== undefined ? { transactionCode: e.transactionCode } : {}),
    ...(e.provider !== undefined ? { provider: e.provider } : {}),
    startedAt: e.at,
  };
  return { ...ctx, payments: replaced(ctx, next), updatedAt: e.at };
}

/**
 * RECORD_PAYMENT: a payment was made, a requested one or, with `items`, a new one paid at once;
 * with `resume`, the wait for payments ends and the clock resumes (see {@link resumeAfterPayment}).
 */
export function recordPayment(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'RECORD_PAYMENT'>,
  resume: boolean,
): DossierContext {
  const details = {
    status: 'paid' as const,
    channel: e.channel,
    ...(e.transactionCode !== undefined ? { transactionCode: e.transactionCode } : {}),
    ...(e.provider !== undefined ? { provider: e.provider } : {}),
    paidAt: e.at,
    recordedBy: e.actor,
    ...(e.receipt !== undefined ? { receipt: e.receipt } : {}),
  };
  let payments: PaymentRecord[];
  if (e.paymentId !== undefined) {
    const p = findPayment(ctx, e.paymentId)!;
    payments = replaced(ctx, { ...p, ...details });
  } else {
    const { lines, totalVnd } = paymentLines(
      env.def,
      ctx.payments ?? [],
      e.items ?? [],
      'event.items',
      ctx.feeExemptions,
      ctx.channel,
    );
    payments = [
      ...(ctx.payments ?? []),
      { id: nextId(ctx), lines, totalVnd, requestedAt: e.at, requestedBy: e.actor, ...details },
    ];
  }
  const next = { ...ctx, payments, updatedAt: e.at };
  return resume ? resumeAfterPayment(env, next, e.at) : next;
}

/** CANCEL_PAYMENT: a requested or pending payment is cancelled; with `resume`, the clock resumes. */
export function cancelPayment(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'CANCEL_PAYMENT'>,
  resume: boolean,
): DossierContext {
  const p = findPayment(ctx, e.paymentId)!;
  const cancelled: PaymentRecord = {
    ...p,
    status: 'cancelled',
    cancelled: { at: e.at, by: e.actor, reason: e.reason },
  };
  const next = { ...ctx, payments: replaced(ctx, cancelled), updatedAt: e.at };
  return resume ? resumeAfterPayment(env, next, e.at) : next;
}

/** REFUND_PAYMENT: a paid payment is refunded, whole or in part, with the account it went to. */
export function refundPayment(
  _env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'REFUND_PAYMENT'>,
): DossierContext {
  const p = findPayment(ctx, e.paymentId)!;
  const refunded: PaymentRecord = {
    ...p,
    status: 'refunded',
    refund: {
      at: e.at,
      by: e.actor,
      reason: e.reason,
      amountVnd: e.amountVnd ?? p.totalVnd,
      ...(e.bankAccount !== undefined ? { bankAccount: e.bankAccount } : {}),
    },
  };
  return { ...ctx, payments: replaced(ctx, refunded), updatedAt: e.at };
}

/**
 * The end of a wait for payments: every due time (legal, in force, service, the open step's) moves
 * later by the working time the clock was stopped, as a `resume` supplementation does; due times
 * never move earlier.
 */
function resumeAfterPayment(env: LifecycleEnv, ctx: DossierContext, at: string): DossierContext {
  const shift = resumeShift(env, ctx, instantMs(at));
  const later = laterInstant;
  const legal = shift(ctx.due.legal);
  const current = later(shift(ctx.due.current), legal);
  const service = ctx.due.service ? shift(ctx.due.service) : null;
  const last = ctx.steps[ctx.steps.length - 1];
  const steps =
    last && last.endedAt === null
      ? [...ctx.steps.slice(0, -1), { ...last, due: shift(last.due), remainingMinutes: null }]
      : ctx.steps;
  const overdue = ctx.overdue && instantMs(legal) > instantMs(at) ? null : ctx.overdue;
  return { ...ctx, due: { legal, current, service }, overdue, pause: null, steps };
}

/**
 * The payments of a dossier being closed (refused, withdrawn, stopped, expired): those still
 * awaited are cancelled; paid ones stay paid until a refund is recorded. `{}` when it has none.
 */
export function closedPayments(ctx: DossierContext, e: DossierEvent): { payments?: PaymentRecord[] } {
  if (!ctx.payments?.some(outstanding)) return {};
  const reason = 'Hồ sơ đã kết thúc, không thu';
  return {
    payments: ctx.payments.map((p) =>
      outstanding(p) ? { ...p, status: 'cancelled', cancelled: { at: e.at, by: e.actor, reason } } : p,
    ),
  };
}

/** WAIVE_FEE: the dossier is exempt from fee items (miễn), with the reason, who and when. */
export function waiveFee(_env: LifecycleEnv, ctx: DossierContext, e: E<'WAIVE_FEE'>): DossierContext {
  const added = e.items.map((item) => ({ feeId: item.feeId, reason: e.reason, at: e.at, by: e.actor }));
  return { ...ctx, feeExemptions: [...(ctx.feeExemptions ?? []), ...added], updatedAt: e.at };
}
