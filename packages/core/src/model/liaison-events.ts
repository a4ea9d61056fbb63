import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';

const base = { at: InstantSchema, actor: ActorSchema };
const member = z.string().min(1);
const childCode = z.string().min(1).optional();

/**
 * The desk hands a member's part of the liaison to its agency (chuyển hồ sơ liên thông): a
 * control-slip row desk → agency with the member's due time. Without `member`: every member
 * whose turn it is (all at once in a parallel liaison; the next in a sequential one).
 */
export const HandOffEventSchema = z
  .object({ type: z.literal('HAND_OFF'), ...base, member: member.optional(), note: z.string().optional() })
  .strict();

/** The member agency received its part as a dossier of its own, with that dossier's code. */
export const MemberAcceptedEventSchema = z
  .object({ type: z.literal('MEMBER_ACCEPTED'), ...base, member, childCode: z.string().min(1) })
  .strict();

/** The member agency needs verification (xác minh): its limit, and the group's, switch to the longer one. */
export const MemberVerificationEventSchema = z
  .object({ type: z.literal('MEMBER_VERIFICATION'), ...base, member, childCode, reason: z.string().min(1) })
  .strict();

/** The member agency asks for supplementation: the whole liaison pauses. */
export const MemberSupplementEventSchema = z
  .object({
    type: z.literal('MEMBER_SUPPLEMENT'),
    ...base,
    member,
    childCode,
    items: z.array(z.object({ name: z.string().min(1), note: z.string().optional() }).strict()).min(1),
    reason: z.string().min(1),
  })
  .strict();

/** The member agency is late: it apologises and sets a new date for its part (once). */
export const MemberApologyEventSchema = z
  .object({
    type: z.literal('MEMBER_APOLOGY'),
    ...base,
    member,
    childCode,
    reason: z.string().min(1),
    newDue: InstantSchema,
  })
  .strict();

/**
 * The member agency's result is back at the desk: `returned` (done) or `refused` (with reasons).
 * A control-slip row agency → desk records it early / on time / late against the member's due time.
 */
export const MemberResultEventSchema = z
  .object({
    type: z.literal('MEMBER_RESULT'),
    ...base,
    member,
    childCode,
    outcome: z.enum(['returned', 'refused']),
    reasons: z.array(z.string().min(1)).default([]),
    /** When the agency finished by its own clock (default `at`); its timeliness is counted on it. */
    resultAt: InstantSchema.optional(),
    note: z.string().optional(),
  })
  .strict();

/**
 * The member agency stopped its part (its dossier withdrawn) when the desk asked it to, the
 * liaison being closed early: the member is `cancelled`; a control-slip row agency → desk.
 */
export const MemberCancelledEventSchema = z
  .object({ type: z.literal('MEMBER_CANCELLED'), ...base, member, childCode, note: z.string().optional() })
  .strict();

/** The liaison events of a parent dossier (see `defineLiaison`). */
export const LIAISON_EVENT_SCHEMAS = [
  HandOffEventSchema,
  MemberAcceptedEventSchema,
  MemberVerificationEventSchema,
  MemberSupplementEventSchema,
  MemberApologyEventSchema,
  MemberResultEventSchema,
  MemberCancelledEventSchema,
] as const;

/** Names of the liaison events. */
export const LIAISON_EVENT_TYPES = [
  'HAND_OFF',
  'MEMBER_ACCEPTED',
  'MEMBER_VERIFICATION',
  'MEMBER_SUPPLEMENT',
  'MEMBER_APOLOGY',
  'MEMBER_RESULT',
  'MEMBER_CANCELLED',
] as const;
/** One of {@link LIAISON_EVENT_TYPES}. */
export type LiaisonEventType = (typeof LIAISON_EVENT_TYPES)[number];
