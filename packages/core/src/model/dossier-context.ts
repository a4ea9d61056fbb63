import { z } from 'zod';
import { ChannelSchema, RegimeSchema } from '../model/channel.js';
import { ActorSchema, InstantSchema } from './actor.js';
import { ApplicantSchema } from './applicant.js';
import { ReceptionSchema } from './cross-boundary.js';
import { ComponentRecordSchema } from './dossier-component.js';
import { LiaisonSectionSchema } from './liaison-context.js';
import { IntakeSchema } from './online-intake.js';
import { FeeExemptionSchema, PaymentRecordSchema } from './payment.js';
import { RatingSchema } from './rating.js';
import { ResultDocumentSchema, ResultHandoverSchema } from './result-document.js';
import { SlipRowSchema } from './slip-row.js';
import { SupplementRecordSchema } from './supplement-record.js';
import { TimelinessSchema } from './timeliness.js';

/** One step as it happened: who held the dossier, from when, until when, against which due time. */
export const StepRecordSchema = z
  .object({
    stepId: z.string(),
    unit: z.string(),
    startedAt: InstantSchema,
    due: InstantSchema,
    endedAt: InstantSchema.nullable(),
    result: TimelinessSchema.nullable(),
    /** Working minutes of the step's budget left when the clock was paused (supplementation). */
    remainingMinutes: z.number().nullable(),
  })
  .strict();
/** See {@link StepRecordSchema}. */
export type StepRecord = z.infer<typeof StepRecordSchema>;

/** The apology and new appointment (Form 04), given at most once. */
export const ApologySchema = z
  .object({
    at: InstantSchema,
    by: ActorSchema,
    /** The unit whose delay caused it. */
    causedBy: z.string(),
    reason: z.string().min(1),
    previousDue: InstantSchema,
    newDue: InstantSchema,
    /** Whether it came at the latest one working day before the due time (Decree 61 art. 19(9)). */
    noticeInTime: z.boolean(),
  })
  .strict();
/** See {@link ApologySchema}. */
export type Apology = z.infer<typeof ApologySchema>;

/** How a dossier ended. */
export const OutcomeSchema = z
  .object({
    /**
     * `not-accepted`: an online filing the desk refused, or left incomplete past its limit, before
     * any receipt (national status 3); it was never received.
     */
    kind: z.enum(['returned', 'refused', 'withdrawn', 'stopped', 'expired', 'not-accepted']),
    at: InstantSchema,
    by: ActorSchema,
    /** Against the legal due time (statistics count late against it even after an apology). */
    result: TimelinessSchema.nullable(),
    /** The unit that held the dossier when it went late, when it did. */
    lateUnit: z.string().nullable(),
    reasons: z.array(z.string()).default([]),
    /** How the result was collected (in person, by post, online). */
    delivery: z.string().optional(),
    /** Who collected the result, originals given back, the postal item. */
    handover: ResultHandoverSchema.optional(),
  })
  .strict();
/** See {@link OutcomeSchema}. */
export type Outcome = z.output<typeof OutcomeSchema>;

/**
 * A dossier (hồ sơ) as its procedure machine holds it: everything needed to resume it after a
 * restart, as plain JSON. Deadlines are absolute instants, fired by the engine, never timers.
 */
export const DossierContextSchema = z
  .object({
    /** The dossier code (mã hồ sơ), issued once at receipt. */
    code: z.string().min(1),
    /** Short secret printed on Form 01 for the public lookup. */
    secret: z.string().min(1),
    procedure: z.object({ code: z.string(), version: z.string(), regime: RegimeSchema }).strict(),
    /** Agency code used in the dossier code. */
    agency: z.string().min(1),
    channel: ChannelSchema,
    applicant: ApplicantSchema,
    application: z.unknown(),
    receivedAt: InstantSchema,
    receivedBy: ActorSchema,
    due: z
      .object({
        /** Legal due time (restarts after a supplementation under the `restart` policy). */
        legal: InstantSchema,
        /** Due time in force: the legal one, or the new date of an apology. */
        current: InstantSchema,
        /** Service target, when the procedure has one. */
        service: InstantSchema.nullable(),
      })
      .strict(),
    /** Set while the clock is paused (supplementation): when, and how much working time was left. */
    pause: z.object({ since: InstantSchema, remainingMinutes: z.number() }).strict().nullable(),
    /** Unit holding the dossier now. */
    holder: z.string(),
    steps: z.array(StepRecordSchema),
    supplements: z.array(SupplementRecordSchema),
    apology: ApologySchema.nullable(),
    /** True once a step that issues the decision has completed. */
    decisionIssued: z.boolean(),
    /** When the dossier went past its due time, and who held it then. */
    overdue: z.object({ at: InstantSchema, unit: z.string() }).strict().nullable(),
    slip: z.array(SlipRowSchema),
    outcome: OutcomeSchema.nullable(),
    /** Time of the last event applied; a later event may not be earlier. */
    updatedAt: InstantSchema,
    /**
     * Inter-agency liaison (một cửa liên thông), when the dossier takes part in one: the parent
     * dossier at the focal desk (`role: 'parent'`, one entry per member agency), or a member
     * agency's own dossier (`role: 'member'`, linked to its parent). Absent otherwise.
     */
    liaison: LiaisonSectionSchema.optional(),
    /**
     * When processing finished (Đã xử lý xong): the result came back to the desk, ready to be
     * returned; kept apart from the return itself (`outcome.at`). Absent until then.
     */
    finishedAt: InstantSchema.optional(),
    /** How each dossier component was satisfied (`RECORD_COMPONENTS`): the last recording per document. */
    components: z.array(ComponentRecordSchema).optional(),
    /** The result documents issued (`ISSUE_RESULT`), in order. */
    results: z.array(ResultDocumentSchema).optional(),
    /** The applicant's rating of the returned dossier (đánh giá mức độ hài lòng), once given. */
    rating: RatingSchema.optional(),
    /**
     * An online filing (nộp trực tuyến): its submission, intake deadline and requests before the
     * desk accepted it. Until then (states `submitted`, `intakeSupplementing`) the dossier is not
     * received: `receivedAt` and `receivedBy` hold the submission and the account that recorded it,
     * `due` the time limit as if received then, and no step is open. Absent for a dossier received
     * at the desk.
     */
    intake: IntakeSchema.optional(),
    /**
     * The receiving, competent and returning centres, when the engine has a desk topology and the
     * receipt named them; for a dossier received regardless of administrative boundary (phi địa
     * giới), the transfer of its paper original between centres.
     */
    reception: ReceptionSchema.optional(),
    /** The dossier's payments of fees and charges (phí, lệ phí), in the order they were created. */
    payments: z.array(PaymentRecordSchema).optional(),
    /** The fee items this dossier is exempt from (`WAIVE_FEE`). */
    feeExemptions: z.array(FeeExemptionSchema).optional(),
  })
  .strict();
/** See {@link DossierContextSchema}. */
export type DossierContext = z.output<typeof DossierContextSchema>;

/**
 * A dossier context whose application has the type `App` (the output of its procedure's
 * application schema); the same as {@link DossierContext} when `App` is `unknown`.
 */
export type DossierContextOf<App> = DossierContext & { readonly application: App };
