import { z } from 'zod';
import { InstantSchema } from './actor.js';
import { TimelinessSchema } from './timeliness.js';

/** One side of a handover: a unit (or the applicant) and, when known, the officer. */
export const SlipPartySchema = z
  .object({
    unitId: z.string().min(1),
    unitName: z.string().min(1),
    officerId: z.string().min(1).optional(),
    officerName: z.string().min(1).optional(),
  })
  .strict();
/** See {@link SlipPartySchema}. */
export type SlipParty = z.infer<typeof SlipPartySchema>;

/** Why the dossier moved. */
export const SlipRowKindSchema = z.enum([
  'handover',
  'sent-back',
  'supplement-request',
  'supplement-received',
  'result-returned',
  'closed',
]);

/**
 * One handover on the control slip (phiếu kiểm soát quá trình giải quyết hồ sơ): "Giao" (giver)
 * and "Nhận" (receiver), the time, the due time of the step being closed and its result, and a
 * note. Rows are append-only and chained: `hash` covers the row and the previous row's hash.
 */
export const SlipRowSchema = z
  .object({
    seq: z.number().int().positive(),
    kind: SlipRowKindSchema,
    from: SlipPartySchema,
    to: SlipPartySchema,
    at: InstantSchema,
    /** The step the giver closes by this handover (absent for moves outside the steps). */
    stepId: z.string().optional(),
    /** Due time of that step (or of the dossier, for the return). */
    due: InstantSchema.optional(),
    /** Trước hạn / đúng hạn / quá hạn of that step, recorded by the receiving side. */
    result: TimelinessSchema.optional(),
    note: z.string().default(''),
    prevHash: z.string(),
    hash: z.string(),
  })
  .strict();
/** See {@link SlipRowSchema}. */
export type SlipRow = z.output<typeof SlipRowSchema>;
