import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';
import { type SupplementRecord, SupplementRecordSchema } from './supplement-record.js';

/**
 * The portal a dossier was filed on and its own identifier there (e.g. the National Public Service
 * Portal's filing id), so a second delivery of the same filing is recognised.
 */
export const FilingReferenceSchema = z
  .object({
    /** The system the applicant filed on, e.g. `'dvcqg'` (Cổng Dịch vụ công quốc gia). */
    system: z.string().min(1).max(40),
    /** Its identifier of the filing. */
    id: z.string().min(1).max(100),
  })
  .strict();
/** See {@link FilingReferenceSchema}. */
export type FilingReference = z.infer<typeof FilingReferenceSchema>;

/**
 * A request to complete an online filing before it is accepted, and its answer: the same record
 * as a supplementation request (its `respondBy` from the procedure's `intake.responseLimit`).
 */
export const IntakeRequestSchema = SupplementRecordSchema;
/** See {@link IntakeRequestSchema}. */
export type IntakeRequest = SupplementRecord;

/**
 * An online filing (hồ sơ nộp trực tuyến) before and at its acceptance: submitted on a portal,
 * given its dossier code at once (national status 1, Mới đăng ký), then accepted by the desk (the
 * receipt: the time limit counts from then), completed on request, or not accepted (status 3).
 */
export const IntakeSchema = z
  .object({
    /** When the applicant submitted it. */
    submittedAt: InstantSchema,
    /** The account that recorded the filing (the portal connector, the centre's online form). */
    submittedBy: ActorSchema,
    /** The portal's own reference of the filing, when it came from one. */
    filing: FilingReferenceSchema.optional(),
    /**
     * The desk must accept or refuse it by then: the procedure's intake limit for the channel,
     * counted in working time from the submission (or from the last completion); `null` for none.
     */
    dueAt: InstantSchema.nullable(),
    /** Requests to complete the filing before acceptance, in order. */
    requests: z.array(IntakeRequestSchema),
    /** When the desk accepted it (its receipt); absent while waiting, or when it was not accepted. */
    acceptedAt: InstantSchema.optional(),
    /** Whether the desk accepted or refused it after `dueAt` (set when it decided). */
    late: z.boolean().optional(),
  })
  .strict();
/** See {@link IntakeSchema}. */
export type Intake = z.infer<typeof IntakeSchema>;

/**
 * Whether a dossier was received: one taken at the desk, or an online filing the desk accepted.
 * An online filing still waiting, refused at intake or withdrawn before acceptance was never
 * received, and reports leave it out.
 *
 * @example
 * ```ts
 * import { type Engine, wasReceived } from '@motcua/core';
 * declare const engine: Engine;
 * const { context } = await engine.get('000.00.14.H56-260306-0001');
 * wasReceived(context); // false until the desk accepts the online filing
 * ```
 */
export function wasReceived(ctx: { readonly intake?: Intake | undefined }): boolean {
  return ctx.intake === undefined || ctx.intake.acceptedAt !== undefined;
}
