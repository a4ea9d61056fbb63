import { z } from 'zod';
import { type Channel, ChannelSchema } from './channel.js';

/**
 * What a fee item is in law: a fee (`fee`, phí: the price of a public service, e.g. an appraisal
 * fee) or a charge (`charge`, lệ phí: a state levy for the administrative act itself, e.g. a
 * registration charge). The Law on Fees and Charges (97/2015/QH13) keeps them apart, and so do the
 * portal's fee list (`LoaiPhiLePhi`) and revenue reports.
 */
export const FeeKindSchema = z.enum(['fee', 'charge']);
/** See {@link FeeKindSchema}. */
export type FeeKind = z.infer<typeof FeeKindSchema>;

/**
 * When a fee item is collected (hình thức thu): `at-intake` (with the dossier, thu trước),
 * `at-supplementation` (with the supplemented papers), `before-result` (before the result is
 * handed over, thu sau) or `waived` (not collected for this procedure version: miễn thu).
 */
export const FeeCollectionSchema = z.enum(['at-intake', 'at-supplementation', 'before-result', 'waived']);
/** See {@link FeeCollectionSchema}. */
export type FeeCollection = z.infer<typeof FeeCollectionSchema>;

/**
 * One fee item (khoản phí, lệ phí) of a procedure version. Its amount is data of the version (in
 * force between the version's `effectiveFrom` and `effectiveTo`), in whole đồng, never a default
 * of the engine: a new amount is a new version of the procedure.
 *
 * @example
 * ```ts
 * import { FeeItemSchema } from '@motcua/core';
 * FeeItemSchema.parse({
 *   id: 'registration-charge',
 *   name: 'Lệ phí đăng ký cư trú',
 *   kind: 'charge',
 *   amountVnd: 20_000,
 *   collection: 'at-intake',
 *   source: 'Nghị quyết của HĐND tỉnh về lệ phí đăng ký cư trú (số, ngày)',
 * });
 * ```
 */
export const FeeItemSchema = z
  .object({
    /** The item's id in the procedure (mã phí, lệ phí), unique within the version. */
    id: z.string().min(1).max(64),
    /** Its name as published, e.g. `'Lệ phí đăng ký cư trú'`. */
    name: z.string().min(1).max(300),
    kind: FeeKindSchema,
    /**
     * The amount in whole đồng (VND has no minor unit in use): per dossier, or per unit of `per`
     * (a copy, a page). `0` for an item published with no amount.
     */
    amountVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    /**
     * The amount for a dossier filed on a channel where it differs from `amountVnd` (e.g. a charge
     * reduced for dossiers filed online), per dossier or per unit like `amountVnd`.
     */
    amountByChannel: z
      .partialRecord(ChannelSchema, z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER))
      .optional(),
    collection: FeeCollectionSchema,
    /**
     * The result is not handed over until this item is paid (không trả kết quả khi chưa nộp phí):
     * `RETURN_RESULT` is refused while it is unpaid. Not with `waived`.
     */
    payBeforeResult: z.boolean().optional(),
    /**
     * What one `amountVnd` pays for when the item is counted per unit (e.g. `'bản sao'`): a payment
     * may then give a quantity. Absent: once per dossier.
     */
    per: z.string().min(1).max(100).optional(),
    /** The legal document that sets the amount (e.g. a Ministry of Finance circular or a provincial resolution). */
    source: z.string().min(1).max(300).optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.payBeforeResult && item.collection === 'waived') {
      ctx.addIssue({
        code: 'custom',
        path: ['payBeforeResult'],
        message: 'a waived item is never paid, so it cannot be required before the result',
      });
    }
  });
/** A validated fee item. */
export type FeeItem = z.output<typeof FeeItemSchema>;
/** A fee item as written in a definition. */
export type FeeItemInput = z.input<typeof FeeItemSchema>;

/**
 * What a fee item costs a dossier filed on `channel` (per dossier, or per unit of `per`): its
 * `amountByChannel` entry, else its `amountVnd`.
 *
 * @example
 * ```ts
 * import { feeAmount } from '@motcua/core';
 * const charge = { id: 'le-phi', name: 'Lệ phí', kind: 'charge', amountVnd: 20000, amountByChannel: { 'online-full': 10000 }, collection: 'at-intake' } as const;
 * feeAmount(charge, 'online-full'); // 10000
 * feeAmount(charge, 'in-person'); // 20000
 * ```
 */
export function feeAmount(
  fee: Pick<FeeItem, 'amountVnd' | 'amountByChannel'>,
  channel: Channel | undefined,
): number {
  return (channel === undefined ? undefined : fee.amountByChannel?.[channel]) ?? fee.amountVnd;
}
