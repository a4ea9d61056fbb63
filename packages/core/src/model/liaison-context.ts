import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';
import { TimelinessSchema } from './timeliness.js';

/**
 * Where one member of a liaison stands, seen from the focal desk:
 * - `not-requested`: an optional member the applicant did not ask for;
 * - `waiting`: requested, not handed off yet (in a sequential liaison, waiting for its turn);
 * - `handed-off`: sent to the member agency, its dossier code not known yet;
 * - `accepted`: the agency received it as a dossier of its own (`childCode`);
 * - `supplementing`: the agency asked for supplementation (the whole liaison is paused);
 * - `cancelling`: the liaison was closed early (withdrawn, stopped, refused, expired) while the
 *   agency held the part: the desk asked it to stop and waits for its answer, `cancelled` when it
 *   stopped, `done` with its result when the part was already decided;
 * - `done`: the agency's result (returned or refused) is back at the desk;
 * - `cancelled`: it will not be done (a member it depends on was refused, or the liaison closed).
 */
export const LiaisonMemberStatusSchema = z.enum([
  'not-requested',
  'waiting',
  'handed-off',
  'accepted',
  'supplementing',
  'cancelling',
  'done',
  'cancelled',
]);
/** See {@link LiaisonMemberStatusSchema}. */
export type LiaisonMemberStatus = z.infer<typeof LiaisonMemberStatusSchema>;

/** The statuses of a member whose agency holds the dossier. */
export const OPEN_MEMBER_STATUSES: readonly LiaisonMemberStatus[] = [
  'handed-off',
  'accepted',
  'supplementing',
];

/** A member agency's apology and new date (Decree 63/2024 art. 7(3); Decree 61 art. 19(9)). */
export const MemberApologySchema = z
  .object({
    at: InstantSchema,
    reason: z.string().min(1),
    previousDue: InstantSchema,
    newDue: InstantSchema,
    /** Whether it came at the latest one working day before the member's due time. */
    noticeInTime: z.boolean(),
  })
  .strict();
/** See {@link MemberApologySchema}. */
export type MemberApology = z.infer<typeof MemberApologySchema>;

/** One member of a liaison on the parent dossier: its agency, its child dossier, its times and result. */
export const LiaisonMemberStateSchema = z
  .object({
    /** Member id of the liaison definition, e.g. `residence`. */
    id: z.string().min(1),
    /** Code of the procedure the member agency runs (the child dossier's procedure). */
    procedure: z.string().min(1),
    /** The member agency's address on the liaison transport. */
    agency: z.string().min(1),
    /** The member's unit on the parent (the control slip's "Cơ quan phối hợp"). */
    unit: z.string().min(1),
    status: LiaisonMemberStatusSchema,
    /** The dossier code the member agency issued. */
    childCode: z.string().nullable(),
    handedAt: InstantSchema.nullable(),
    acceptedAt: InstantSchema.nullable(),
    /** The member's due time inside the liaison's total (moved by a pause, a verification, an apology). */
    due: InstantSchema.nullable(),
    /** When the agency finished, by its own clock. */
    resultAt: InstantSchema.nullable(),
    /** When the result came back to the desk (the control-slip row agency → desk). */
    returnedAt: InstantSchema.nullable(),
    outcome: z.enum(['returned', 'refused']).nullable(),
    reasons: z.array(z.string()),
    /** Early / on time / late against the member's due time. */
    timeliness: TimelinessSchema.nullable(),
    /** The agency switched to its limit "with verification" (xác minh). */
    verification: z.boolean(),
    supplementRequests: z.number().int().nonnegative(),
    /** Working minutes of its budget left when the liaison was paused. */
    remainingMinutes: z.number().nullable(),
    apology: MemberApologySchema.nullable(),
  })
  .strict();
/** See {@link LiaisonMemberStateSchema}. */
export type LiaisonMemberState = z.infer<typeof LiaisonMemberStateSchema>;

/** Extra working days granted to a liaison (remote commune, the commune completing the dossier…). */
export const LiaisonExtensionSchema = z
  .object({
    /** Allowance id of the definition, or `supplementation`. */
    id: z.string().min(1),
    reason: z.string().min(1),
    workingDays: z.number().int().positive(),
    at: InstantSchema,
  })
  .strict();
/** See {@link LiaisonExtensionSchema}. */
export type LiaisonExtension = z.infer<typeof LiaisonExtensionSchema>;

/**
 * A request to close a liaison early (withdrawal, stop, refusal, expiry) made while member agencies
 * held parts: the liaison closes with it once every such agency has answered.
 */
export const LiaisonClosingSchema = z
  .object({
    /** The event that closes the liaison. */
    type: z.enum(['WITHDRAW', 'STOP', 'REFUSE', 'EXPIRE']),
    /** When it was asked for. */
    at: InstantSchema,
    actor: ActorSchema,
    /** Its reason (`WITHDRAW`, `STOP`) or reasons (`REFUSE`). */
    reasons: z.array(z.string()),
    /** Some part was stopped by it; when none was (every part already decided), it cannot take effect. */
    stopped: z.boolean(),
  })
  .strict();
/** See {@link LiaisonClosingSchema}. */
export type LiaisonClosing = z.infer<typeof LiaisonClosingSchema>;

/**
 * The parent dossier of a liaison (một cửa liên thông) at the focal desk: one entry per member
 * agency, and how the liaison as a whole ended: `complete` (every requested member returned its
 * result), `partial` (some refused: the desk returns what was done and the refusals together),
 * `refused` (all refused).
 */
export const LiaisonParentSchema = z
  .object({
    role: z.literal('parent'),
    /** `sequential`: one agency at a time, in the order the desk fixes; `parallel`: all at once. */
    mode: z.enum(['sequential', 'parallel']),
    members: z.array(LiaisonMemberStateSchema),
    /** Which total time limit applies (`base`, or the label of a rule of the definition). */
    limit: z.string().min(1),
    /** The total switched to its limit with verification. */
    verification: z.boolean(),
    extensions: z.array(LiaisonExtensionSchema),
    outcome: z.enum(['complete', 'partial', 'refused']).nullable(),
    /** The request to close the liaison early that waited (or waits) for the agencies' answers. */
    closing: LiaisonClosingSchema.nullable().optional(),
  })
  .strict();
/** See {@link LiaisonParentSchema}. */
export type LiaisonParent = z.infer<typeof LiaisonParentSchema>;

/** A child dossier's link to its liaison: received from a focal desk for one member. */
export const LiaisonLinkSchema = z
  .object({
    role: z.literal('member'),
    /** The parent dossier's code at the focal desk. */
    parentCode: z.string().min(1),
    memberId: z.string().min(1),
    /** The focal desk's address on the liaison transport (where results go back). */
    focalAgency: z.string().min(1),
    /** The parent's procedure (the liaison), `code@version`. */
    liaison: z.string().min(1).optional(),
    /** Id of the handoff message that created this dossier. */
    handoffId: z.string().min(1).optional(),
    /** The member's due time inside the liaison, as the focal desk set it. */
    due: InstantSchema.nullable().optional(),
  })
  .strict();
/** See {@link LiaisonLinkSchema}. */
export type LiaisonLink = z.infer<typeof LiaisonLinkSchema>;
/** A liaison link as passed in. */
export type LiaisonLinkInput = z.input<typeof LiaisonLinkSchema>;

/** The optional `liaison` section of a dossier's context: a parent, or a member's child dossier. */
export const LiaisonSectionSchema = z.discriminatedUnion('role', [LiaisonParentSchema, LiaisonLinkSchema]);
/** See {@link LiaisonSectionSchema}. */
export type LiaisonSection = z.infer<typeof LiaisonSectionSchema>;
