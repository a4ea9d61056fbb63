import { z } from 'zod';
import { InstantSchema } from '../model/actor.js';
import { ChannelSchema } from '../model/channel.js';
import { AgencyIdSchema } from './liaison-definition.js';

const common = {
  /** Unique and stable: the receiving engine uses it as the idempotency key (a redelivery is applied once). */
  id: z.string().min(1),
  /** Sending agency (transport address). */
  from: AgencyIdSchema,
  /** Receiving agency (transport address). */
  to: AgencyIdSchema,
  /** When the transition that sent it happened. */
  at: InstantSchema,
  /** The parent dossier at the focal desk. */
  parentCode: z.string().min(1),
  memberId: z.string().min(1),
  /** The liaison's procedure, `code@version`. */
  liaison: z.string().min(1).optional(),
};
const items = z.array(z.object({ name: z.string().min(1), note: z.string().optional() }).strict()).min(1);

/** Focal desk → member agency: a member's part of the liaison, with its application data. */
const HandoffMessageSchema = z
  .object({
    kind: z.literal('handoff'),
    ...common,
    /** The procedure the member agency runs, and optionally its version. */
    procedure: z.string().min(1),
    version: z.string().min(1).optional(),
    channel: ChannelSchema,
    /** The applicant and the member's application data (personal data: never log a message). */
    applicant: z.unknown(),
    application: z.unknown(),
    /** The member's due time inside the liaison. */
    due: InstantSchema.nullable(),
  })
  .strict();

/** Member agency → focal desk: it received the part as its dossier `childCode`. */
const AcceptedMessageSchema = z
  .object({ kind: z.literal('accepted'), ...common, childCode: z.string().min(1) })
  .strict();

/** Member agency → focal desk: it needs verification (its limit with verification applies). */
const VerificationMessageSchema = z
  .object({
    kind: z.literal('verification'),
    ...common,
    childCode: z.string().min(1),
    reason: z.string().min(1),
  })
  .strict();

/** Member agency → focal desk: supplementation needed (the whole liaison pauses). */
const SupplementMessageSchema = z
  .object({
    kind: z.literal('supplement'),
    ...common,
    childCode: z.string().min(1),
    items,
    reason: z.string().min(1),
  })
  .strict();

/** Focal desk → member agency: the applicant supplemented; the agency's dossier resumes. */
const SupplementedMessageSchema = z
  .object({
    kind: z.literal('supplemented'),
    ...common,
    childCode: z.string().min(1).nullable(),
    handoffId: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

/** Member agency → focal desk: it is late, apologises, and sets a new date. */
const ApologyMessageSchema = z
  .object({
    kind: z.literal('apology'),
    ...common,
    childCode: z.string().min(1),
    reason: z.string().min(1),
    newDue: InstantSchema,
  })
  .strict();

/** Member agency → focal desk: its result, returned or refused (`childCode` null: refused at receipt). */
const ResultMessageSchema = z
  .object({
    kind: z.literal('result'),
    ...common,
    childCode: z.string().min(1).nullable(),
    outcome: z.enum(['returned', 'refused']),
    reasons: z.array(z.string().min(1)),
    resultAt: InstantSchema,
  })
  .strict();

/**
 * Focal desk → member agency: the liaison is being closed early (withdrawn, stopped, refused,
 * expired): stop the part unless it is already decided. The agency answers with `cancelled`, or
 * with its `result` when the part was decided.
 */
const CancelMessageSchema = z
  .object({
    kind: z.literal('cancel'),
    ...common,
    childCode: z.string().min(1).nullable(),
    handoffId: z.string().min(1),
    reason: z.string().min(1),
  })
  .strict();

/** Member agency → focal desk: it stopped the part (its dossier was withdrawn or stopped). */
const CancelledMessageSchema = z
  .object({ kind: z.literal('cancelled'), ...common, childCode: z.string().min(1) })
  .strict();

/** A message between a focal desk and a member agency (plain JSON on every transport). */
export const LiaisonMessageSchema = z.discriminatedUnion('kind', [
  HandoffMessageSchema,
  AcceptedMessageSchema,
  VerificationMessageSchema,
  SupplementMessageSchema,
  SupplementedMessageSchema,
  ApologyMessageSchema,
  ResultMessageSchema,
  CancelMessageSchema,
  CancelledMessageSchema,
]);
/** See {@link LiaisonMessageSchema}. */
export type LiaisonMessage = z.infer<typeof LiaisonMessageSchema>;
/** The kinds of liaison messages. */
export type LiaisonMessageKind = LiaisonMessage['kind'];

/** The id of the handoff message of a member (deterministic: a redelivered or re-derived handoff has the same id). */
export function handoffId(parentCode: string, memberId: string, handedAt: string): string {
  return `handoff:${parentCode}:${memberId}:${handedAt}`;
}
