import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';
import { ComponentEntrySchema } from './dossier-component.js';
import { LIAISON_EVENT_SCHEMAS } from './liaison-events.js';
import { PAYMENT_EVENT_SCHEMAS } from './payment.js';
import { ResultDocumentSchema, ResultHandoverSchema } from './result-document.js';

const base = { at: InstantSchema, actor: ActorSchema };

/**
 * The desk accepts an online filing (tiếp nhận hồ sơ trực tuyến): this is its receipt. The time
 * limit counts from `at`, the accepting officer is the receiving officer, the first step opens.
 */
export const AcceptEventSchema = z
  .object({ type: z.literal('ACCEPT'), ...base, note: z.string().optional() })
  .strict();

/** Hand the dossier to the next step's unit (chuyển hồ sơ); from the last step, back to the desk. */
export const HandOverEventSchema = z
  .object({
    type: z.literal('HAND_OVER'),
    ...base,
    /** The receiving officer, when known. */
    receiver: z
      .object({ officerId: z.string().min(1), name: z.string().min(1).optional() })
      .strict()
      .optional(),
    note: z.string().optional(),
  })
  .strict();

/** Send the dossier back to an earlier step (e.g. the leader returns a draft to the specialist). */
export const SendBackEventSchema = z
  .object({ type: z.literal('SEND_BACK'), ...base, toStep: z.string().min(1), reason: z.string().min(1) })
  .strict();

/** Ask the applicant to supplement (Form 02); the clock stops. */
export const RequestSupplementEventSchema = z
  .object({
    type: z.literal('REQUEST_SUPPLEMENT'),
    ...base,
    items: z.array(z.object({ name: z.string().min(1), note: z.string().optional() }).strict()).min(1),
    reason: z.string().min(1),
  })
  .strict();

/** The complete dossier came back to the desk; the clock restarts or resumes. */
export const SupplementReceivedEventSchema = z
  .object({ type: z.literal('SUPPLEMENT_RECEIVED'), ...base, note: z.string().optional() })
  .strict();

/**
 * Refuse the dossier with reasons (Form 03 at intake; a written refusal after appraisal). Before an
 * online filing is accepted, this is its refusal at intake (not accepted, national status 3).
 */
export const RefuseEventSchema = z
  .object({ type: z.literal('REFUSE'), ...base, reasons: z.array(z.string().min(1)).min(1) })
  .strict();

/** The applicant withdraws the dossier. */
export const WithdrawEventSchema = z
  .object({ type: z.literal('WITHDRAW'), ...base, reason: z.string().optional() })
  .strict();

/** Stop processing at the applicant's request (Decree 118/2025 art. 21; 2025 regime). */
export const StopEventSchema = z
  .object({ type: z.literal('STOP'), ...base, reason: z.string().optional() })
  .strict();

/** Apologise and set a new date (Form 04); at most once. */
export const ApologizeEventSchema = z
  .object({
    type: z.literal('APOLOGIZE'),
    ...base,
    reason: z.string().min(1),
    newDue: InstantSchema,
    /** The unit whose delay caused it (default: the holder). */
    causedBy: z.string().min(1).optional(),
  })
  .strict();

/** Hand the result to the applicant (trả kết quả). */
export const ReturnResultEventSchema = z
  .object({
    type: z.literal('RETURN_RESULT'),
    ...base,
    delivery: z.enum(['in-person', 'postal', 'online']).default('in-person'),
    note: z.string().optional(),
    /** Who collected it, originals given back, the postal item (see {@link ResultHandoverSchema}). */
    handover: ResultHandoverSchema.optional(),
  })
  .strict();

/**
 * Record the result documents issued for the dossier (number and symbol, signer, issuing body,
 * dates, electronic copy): by the unit holding it or the desk, while processing or once the result
 * is ready. The state does not change.
 */
export const IssueResultEventSchema = z
  .object({
    type: z.literal('ISSUE_RESULT'),
    ...base,
    documents: z.array(ResultDocumentSchema).min(1).max(20),
  })
  .strict();

/**
 * Record how dossier components (thành phần hồ sơ) were satisfied: a paper (digitised or not), an
 * earlier result reused, the citizen's national document store, or a database lookup. By the desk
 * or the unit holding the dossier, while processing or supplementing; the state does not change.
 */
export const RecordComponentsEventSchema = z
  .object({
    type: z.literal('RECORD_COMPONENTS'),
    ...base,
    components: z.array(ComponentEntrySchema).min(1).max(50),
  })
  .strict();

/**
 * The paper original of a dossier received regardless of administrative boundary moves between
 * centres (Decree 118/2025/NĐ-CP): `sent` by the receiving centre, `received` by the competent
 * centre (early / on time / late against the transfer budget), `returned` to the returning centre
 * with the result. Each is a handover on the control slip; the state does not change.
 */
export const TransferOriginalsEventSchema = z
  .object({
    type: z.literal('TRANSFER_ORIGINALS'),
    ...base,
    stage: z.enum(['sent', 'received', 'returned']),
    note: z.string().optional(),
  })
  .strict();

/** The engine's timer: the dossier (or its step) passed its due time. */
export const MarkOverdueEventSchema = z.object({ type: z.literal('MARK_OVERDUE'), ...base }).strict();

/** The applicant did not supplement in time: the dossier is closed (Decree 297/2025). */
export const ExpireEventSchema = z.object({ type: z.literal('EXPIRE'), ...base }).strict();

/**
 * Every event a dossier machine accepts. The liaison events (`HAND_OFF`, `MEMBER_*`) are accepted
 * by the parent dossiers of a liaison only (see `defineLiaison`); other dossiers refuse them.
 */
export const DossierEventSchema = z.discriminatedUnion('type', [
  AcceptEventSchema,
  HandOverEventSchema,
  SendBackEventSchema,
  RequestSupplementEventSchema,
  SupplementReceivedEventSchema,
  RefuseEventSchema,
  WithdrawEventSchema,
  StopEventSchema,
  ApologizeEventSchema,
  ReturnResultEventSchema,
  IssueResultEventSchema,
  RecordComponentsEventSchema,
  TransferOriginalsEventSchema,
  MarkOverdueEventSchema,
  ExpireEventSchema,
  ...LIAISON_EVENT_SCHEMAS,
  ...PAYMENT_EVENT_SCHEMAS,
]);
/** A validated dossier event. */
export type DossierEvent = z.output<typeof DossierEventSchema>;
/** A dossier event as sent (defaults not applied). */
export type DossierEventInput = z.input<typeof DossierEventSchema>;
/** Event type names. */
export type DossierEventType = DossierEvent['type'];
