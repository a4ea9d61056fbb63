import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';

/** One supplementation request (yêu cầu bổ sung, Form 02) and its answer. */
export const SupplementRecordSchema = z
  .object({
    requestedAt: InstantSchema,
    requestedBy: ActorSchema,
    items: z.array(z.object({ name: z.string().min(1), note: z.string().optional() }).strict()).min(1),
    reason: z.string().min(1),
    /** The applicant must answer by then, when the procedure sets a response limit. */
    respondBy: InstantSchema.nullable(),
    receivedAt: InstantSchema.nullable(),
  })
  .strict();
/** See {@link SupplementRecordSchema}. */
export type SupplementRecord = z.infer<typeof SupplementRecordSchema>;
