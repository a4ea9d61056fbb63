import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';
import { FeeCollectionSchema, FeeKindSchema } from './fee-item.js';
import { personal } from './personal-data.js';

/** An amount in whole đồng: a non-negative safe integer. */
const VndSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * How the applicant paid (hình thức thanh toán): online on the National Public Service Portal's
 * payment platform (`national-portal`), online on a ministry's or the province's payment gateway
 * (`provincial-gateway`), in cash or by card at the desk (`desk`), or by bank transfer to the
 * agency's account (`bank-transfer`).
 */
export const PaymentChannelSchema = z.enum([
  'national-portal',
  'provincial-gateway',
  'desk',
  'bank-transfer',
]);
/** See {@link PaymentChannelSchema}. */
export type PaymentChannel = z.infer<typeof PaymentChannelSchema>;

/** Where a payment stands: requested → pending → paid → refunded, or cancelled before it is paid. */
export const PaymentStatusSchema = z.enum(['requested', 'pending', 'paid', 'refunded', 'cancelled']);
/** See {@link PaymentStatusSchema}. */
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/** The portal's code for how a dossier's fees were paid, with the period it is used in. */
export interface OnlinePaymentCodeTable {
  /** A stable id for the table, e.g. `dvcqg-766`. */
  readonly id: string;
  /** First day the codes are known to be in use (ISO local date), or `null` when not known. */
  readonly validFrom: string | null;
  /** Last day they are in use, or `null` while in force. */
  readonly validTo: string | null;
  /** Where the codes come from. */
  readonly source: string;
  /** The code of each payment channel; a channel left out is `0` (not paid online). */
  readonly codes: Readonly<Partial<Record<PaymentChannel, number>>>;
}

/**
 * The codes of the portal's `DuocThanhToanTrucTuyen` flag: 1 paid online on the National Public
 * Service Portal, 2 paid online on a ministry's or province's gateway, 0 otherwise. Decision
 * 766/QĐ-TTg's indicator of online payment counts dossiers with 1 or 2.
 *
 * @example
 * ```ts
 * import { onlinePaymentCode, PORTAL_ONLINE_PAYMENT_CODES } from '@motcua/core';
 * onlinePaymentCode(PORTAL_ONLINE_PAYMENT_CODES, 'national-portal'); // 1
 * onlinePaymentCode(PORTAL_ONLINE_PAYMENT_CODES, 'desk'); // 0
 * ```
 */
export const PORTAL_ONLINE_PAYMENT_CODES: OnlinePaymentCodeTable = {
  id: 'dvcqg-766',
  validFrom: null,
  validTo: null,
  source:
    'Cổng Dịch vụ công quốc gia, dossier sync field DuocThanhToanTrucTuyen, as counted by the indicators of Decision 766/QĐ-TTg (one secondary source)',
  codes: { 'national-portal': 1, 'provincial-gateway': 2 },
};

/**
 * The code `table` gives a payment `channel` (`0` for a channel it does not list).
 *
 * @example
 * ```ts
 * import { onlinePaymentCode, PORTAL_ONLINE_PAYMENT_CODES } from '@motcua/core';
 * onlinePaymentCode(PORTAL_ONLINE_PAYMENT_CODES, 'provincial-gateway'); // 2
 * ```
 */
export function onlinePaymentCode(table: OnlinePaymentCodeTable, channel: PaymentChannel): number {
  return table.codes[channel] ?? 0;
}

/** Whether a payment channel is online (the portal's or a gateway's), as the revenue report counts it. */
export function isOnlinePayment(channel: PaymentChannel): boolean {
  return channel === 'national-portal' || channel === 'provincial-gateway';
}

/** One fee item of a payment: the item, how many units, and the amount taken from the definition. */
export const PaymentLineSchema = z
  .object({
    feeId: z.string().min(1),
    kind: FeeKindSchema,
    /** When the procedure collects it. */
    collection: FeeCollectionSchema,
    quantity: z.number().int().positive(),
    /** The item's amount in the definition (per unit when it is counted per unit). */
    unitAmountVnd: VndSchema,
    /** `unitAmountVnd × quantity`. */
    amountVnd: VndSchema,
  })
  .strict();
/** See {@link PaymentLineSchema}. */
export type PaymentLine = z.infer<typeof PaymentLineSchema>;

/**
 * The electronic receipt (biên lai điện tử) of a payment: form (mẫu số), series (ký hiệu), number
 * (số), and the issuer or e-receipt provider.
 */
export const PaymentReceiptSchema = z
  .object({
    /** Form number (mẫu số), e.g. `'01BLP0-001'`. */
    form: z.string().min(1).max(64),
    /** Series (ký hiệu), e.g. `'AB-26E'`. */
    series: z.string().min(1).max(64),
    /** Number (số biên lai). */
    number: z.string().min(1).max(64),
    /** Who issued it: the agency or the e-receipt provider (e.g. `'vnpt'`, `'viettel'`). */
    issuer: z.string().min(1).max(200),
    issuedAt: InstantSchema.optional(),
    /** Where the electronic receipt can be fetched. */
    uri: z.string().min(1).max(2000).optional(),
  })
  .strict();
/** See {@link PaymentReceiptSchema}. */
export type PaymentReceipt = z.infer<typeof PaymentReceiptSchema>;

/** The bank account a refund is paid to: the bank, the account number and holder (personal data). */
export const BankAccountSchema = z
  .object({
    bank: z.string().min(1).max(200),
    accountNumber: personal(
      z.string().regex(/^[0-9A-Za-z]{4,34}$/, 'letters and digits, 4 to 34'),
      'id-number',
    ),
    holder: personal(z.string().min(1).max(200), 'name'),
  })
  .strict();
/** See {@link BankAccountSchema}. */
export type BankAccount = z.infer<typeof BankAccountSchema>;

/** A refund (hoàn phí): when, by whom, why, how much, and to which account. */
export const RefundSchema = z
  .object({
    at: InstantSchema,
    by: ActorSchema,
    reason: z.string().min(1),
    amountVnd: VndSchema,
    bankAccount: BankAccountSchema.optional(),
  })
  .strict();
/** See {@link RefundSchema}. */
export type Refund = z.infer<typeof RefundSchema>;

/**
 * One payment of a dossier (yêu cầu thanh toán): the fee items it covers and where it stands.
 * Requested by an officer (`REQUEST_PAYMENT`), started by the applicant on a payment channel
 * (`START_PAYMENT`, pending), paid (`RECORD_PAYMENT`, with its transaction code and e-receipt),
 * cancelled before it is paid (`CANCEL_PAYMENT`), or refunded after (`REFUND_PAYMENT`).
 */
export const PaymentRecordSchema = z
  .object({
    /** `payment-1`, `payment-2`, … in the order they were created. */
    id: z.string().min(1),
    status: PaymentStatusSchema,
    lines: z.array(PaymentLineSchema).min(1),
    /** The sum of the lines' amounts. */
    totalVnd: VndSchema,
    requestedAt: InstantSchema,
    requestedBy: ActorSchema,
    note: z.string().optional(),
    channel: PaymentChannelSchema.optional(),
    /** The payment platform's transaction code (mã giao dịch). */
    transactionCode: z.string().min(1).max(128).optional(),
    /** The payment partner (e.g. the portal's payment platform, a bank, a wallet). */
    provider: z.string().min(1).max(200).optional(),
    startedAt: InstantSchema.optional(),
    paidAt: InstantSchema.optional(),
    recordedBy: ActorSchema.optional(),
    receipt: PaymentReceiptSchema.optional(),
    cancelled: z
      .object({ at: InstantSchema, by: ActorSchema, reason: z.string().min(1) })
      .strict()
      .optional(),
    refund: RefundSchema.optional(),
  })
  .strict();
/** See {@link PaymentRecordSchema}. */
export type PaymentRecord = z.infer<typeof PaymentRecordSchema>;

/**
 * A fee item this dossier does not pay (đối tượng miễn, giảm): the applicant is exempt, with the
 * reason (and its legal basis) as the desk recorded it. It counts as settled for `payBeforeResult`.
 */
export const FeeExemptionSchema = z
  .object({ feeId: z.string().min(1), reason: z.string().min(1), at: InstantSchema, by: ActorSchema })
  .strict();
/** See {@link FeeExemptionSchema}. */
export type FeeExemption = z.infer<typeof FeeExemptionSchema>;

const base = { at: InstantSchema, actor: ActorSchema };

/** A fee item asked for or paid: its id, how many units (default 1), and the amount stated, if any. */
export const PaymentItemSchema = z
  .object({
    feeId: z.string().min(1).max(64),
    quantity: z.number().int().positive().max(10_000).optional(),
    /** The amount stated by the caller: it must equal the definition's amount × quantity. */
    amountVnd: VndSchema.optional(),
  })
  .strict();
/** See {@link PaymentItemSchema}. */
export type PaymentItem = z.infer<typeof PaymentItemSchema>;

const items = z.array(PaymentItemSchema).min(1).max(50);
const payment = {
  channel: PaymentChannelSchema,
  transactionCode: z.string().min(1).max(128).optional(),
  provider: z.string().min(1).max(200).optional(),
};

/**
 * Ask the applicant to pay fee items (yêu cầu thực hiện nghĩa vụ tài chính). From processing or a
 * ready result the dossier waits for the payment with its clock stopped (national status 6).
 */
export const RequestPaymentEventSchema = z
  .object({ type: z.literal('REQUEST_PAYMENT'), ...base, items, note: z.string().optional() })
  .strict();

/** The applicant started paying a requested payment on a channel: the payment is pending. */
export const StartPaymentEventSchema = z
  .object({ type: z.literal('START_PAYMENT'), ...base, paymentId: z.string().min(1), ...payment })
  .strict();

/**
 * A payment was made: a requested or pending one (`paymentId`), or, without a request, fee items
 * paid at once (`items`, e.g. at the desk at intake). With its transaction code and e-receipt.
 */
export const RecordPaymentEventSchema = z
  .object({
    type: z.literal('RECORD_PAYMENT'),
    ...base,
    paymentId: z.string().min(1).optional(),
    items: items.optional(),
    ...payment,
    receipt: PaymentReceiptSchema.optional(),
  })
  .strict();

/** A requested or pending payment is cancelled (hủy thanh toán) with a reason. */
export const CancelPaymentEventSchema = z
  .object({
    type: z.literal('CANCEL_PAYMENT'),
    ...base,
    paymentId: z.string().min(1),
    reason: z.string().min(1),
  })
  .strict();

/** A paid payment is refunded (hoàn phí), in full or in part, with a reason and the account. */
export const RefundPaymentEventSchema = z
  .object({
    type: z.literal('REFUND_PAYMENT'),
    ...base,
    paymentId: z.string().min(1),
    reason: z.string().min(1),
    /** Default: the whole payment. */
    amountVnd: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    bankAccount: BankAccountSchema.optional(),
  })
  .strict();

/** The applicant of this dossier is exempt from fee items (miễn phí, lệ phí), with the reason. */
export const WaiveFeeEventSchema = z
  .object({
    type: z.literal('WAIVE_FEE'),
    ...base,
    items: z
      .array(z.object({ feeId: z.string().min(1).max(64) }).strict())
      .min(1)
      .max(50),
    reason: z.string().min(1),
  })
  .strict();

/** The payment events, for the dossier event union. */
export const PAYMENT_EVENT_SCHEMAS = [
  RequestPaymentEventSchema,
  StartPaymentEventSchema,
  RecordPaymentEventSchema,
  CancelPaymentEventSchema,
  RefundPaymentEventSchema,
  WaiveFeeEventSchema,
] as const;
