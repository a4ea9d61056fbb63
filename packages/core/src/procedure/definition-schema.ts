import { z } from 'zod';
import { LocalDateSchema } from '../calendar/schedule-schema.js';
import { TimeLimitSchema } from '../calendar/time-limit.js';
import { type Channel, ChannelSchema, RegimeSchema } from '../model/channel.js';
import { FeeItemSchema } from '../model/fee-item.js';
import { ProcedureImplementationSchema } from '../model/procedure-implementation.js';

/** One required paper (thành phần hồ sơ) with how many originals and copies. */
export const RequiredDocumentSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    originals: z.number().int().nonnegative().default(0),
    copies: z.number().int().nonnegative().default(0),
    required: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict();

/** A fee or charge (phí, lệ phí), in đồng: see {@link FeeItemSchema}. */
export const FeeSchema = FeeItemSchema;

/** A unit (đơn vị, bộ phận) that can hold a dossier. */
const UnitSchema = z
  .object({
    name: z.string().min(1),
    /** The agency the unit belongs to (cơ quan), when it differs from the procedure's. */
    agency: z.string().min(1).optional(),
  })
  .strict();

/** What a step does; it decides the wording on forms and in reports. */
const StepKindSchema = z.enum(['transfer', 'appraisal', 'consultation', 'approval', 'signing', 'other']);

/** A step's time budget: working hours, or working days counted as elapsed working time. */
export const StepBudgetSchema = z.union([
  z.object({ workingHours: z.number().positive().finite() }).strict(),
  z.object({ workingDays: z.number().positive().finite() }).strict(),
]);
/** See {@link StepBudgetSchema}. */
export type StepBudget = z.infer<typeof StepBudgetSchema>;

/** One step of the internal process (quy trình nội bộ): the unit that holds the dossier and its budget. */
export const StepSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z][\w-]*$/, 'letters, digits, - and _; starting with a letter'),
    name: z.string().min(1),
    /** Id of the unit (key of `units`) that holds the dossier during the step. */
    unit: z.string().min(1),
    budget: StepBudgetSchema,
    kind: StepKindSchema.default('other'),
    /** Set on the step whose completion issues the decision (after it, the 2025 "stop" is refused). */
    issuesDecision: z.boolean().default(false),
    /**
     * The phase (giai đoạn) of the province's process the step belongs to (default 1); phases never
     * go back along the steps. A phase listed in `phases` with a gate starts only once it is met.
     */
    phase: z.number().int().min(1).max(9).optional(),
  })
  .strict();

/**
 * A phase of the internal process that starts only after something outside it (giai đoạn 2 after
 * the financial obligations are paid, or once the file is complete): the hand-over into its first
 * step is refused until then.
 */
export const PhaseSchema = z
  .object({
    phase: z.number().int().min(2).max(9),
    name: z.string().min(1).optional(),
    /**
     * `payment`: every payment asked for is paid (none requested or pending), and a procedure with
     * fees not waived has one paid; `complete-file`: every required document is recorded as
     * satisfied (`RECORD_COMPONENTS`: a database lookup that found nothing leaves it unsatisfied).
     */
    startsAfter: z.enum(['payment', 'complete-file']),
  })
  .strict();
/** See {@link PhaseSchema}. */
export type Phase = z.infer<typeof PhaseSchema>;
/** A validated step. */
export type Step = z.output<typeof StepSchema>;

/** What happens to the clock when a supplemented dossier comes back (Decree 61 art. 19(4)). */
const SupplementationSchema = z
  .object({
    /** `restart`: the time limit counts again from zero; `resume`: the time left at the request resumes. */
    clock: z.enum(['restart', 'resume']).default('restart'),
    /** How many supplementation requests a dossier may get during processing. */
    maxRequests: z.number().int().nonnegative().default(1),
    /**
     * Optional: the applicant must supplement within this limit of the request, after which the
     * engine may close the dossier (Decree 297/2025 for online dossiers: 15 working days).
     */
    responseLimit: z.optional(TimeLimitSchema),
  })
  .strict();

/** The online channels, those a dossier may be submitted on before the desk accepts it. */
const OnlineChannelSchema = z.enum(['online-full', 'online-partial']);

/**
 * Online intake (tiếp nhận hồ sơ trực tuyến): how long the desk has to accept or refuse an online
 * filing, per online channel, and how long the applicant has to complete one on request.
 */
const IntakeOptionsSchema = z
  .object({
    /**
     * The desk accepts or refuses an online filing within this limit of its submission, counted in
     * working time (e.g. `{ workingHours: 8 }`), per online channel. No legal default is given.
     */
    deadline: z.partialRecord(OnlineChannelSchema, TimeLimitSchema).optional(),
    /**
     * The applicant completes a filing within this limit of the desk's request, after which the
     * engine closes it as not accepted (national status 3). None by default.
     */
    responseLimit: z.optional(TimeLimitSchema),
  })
  .strict();

/** Events whose permission a definition can widen to roles (see {@link DossierEvent}). */
export const PermissionEventSchema = z.enum([
  'ACCEPT',
  'HAND_OVER',
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'REFUSE',
  'WITHDRAW',
  'STOP',
  'APOLOGIZE',
  'RETURN_RESULT',
  'SEND_BACK',
  'REQUEST_PAYMENT',
  'START_PAYMENT',
  'RECORD_PAYMENT',
  'CANCEL_PAYMENT',
  'REFUND_PAYMENT',
  'WAIVE_FEE',
]);

/** Names in Vietnamese (English optional). */
export const NamesSchema = z.object({ vi: z.string().min(1), en: z.string().min(1).optional() }).strict();

/**
 * A declarative procedure definition (one version of a thủ tục hành chính). See {@link defineProcedure}.
 */
export const ProcedureDefinitionSchema = z
  .object({
    /** National procedure code (mã TTHC), e.g. `'1.001193'`. */
    code: z.string().min(1),
    /** Version of this definition, e.g. `'2025.1'`. */
    version: z.string().min(1),
    /** First day dossiers are received under this version. */
    effectiveFrom: LocalDateSchema,
    /** Last day, if a newer version replaced it. */
    effectiveTo: z.optional(LocalDateSchema),
    regime: RegimeSchema,
    name: NamesSchema,
    /** Legal basis (căn cứ pháp lý), one line per document. */
    legalBasis: z.array(z.string().min(1)).min(1),
    /** Competent agency (cơ quan có thẩm quyền). */
    agency: z.string().min(1),
    /** The field (lĩnh vực) the procedure belongs to, as the portal's catalogue names it; reports group by it. */
    sector: z
      .object({ code: z.string().min(1).max(64), name: z.string().min(1).max(300) })
      .strict()
      .optional(),
    /**
     * Where and how this version is implemented (cấp thực hiện, một cửa / một cửa liên thông, quy
     * trình nội bộ được phê duyệt), as far as declared; Biểu II.07b counts it. See
     * {@link ProcedureImplementationSchema}.
     */
    implementation: ProcedureImplementationSchema.optional(),
    /** The legal time limit (thời hạn giải quyết). */
    timeLimit: TimeLimitSchema,
    /** An optional shorter service target the office commits to. */
    serviceTarget: z.optional(TimeLimitSchema),
    /** The application data as a zod schema (tag personal fields with `personal()`). */
    application: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'expected a zod schema'),
    /**
     * Checks across the application and its receipt that the law implies and the schema cannot see
     * (a child born after the receipt date, a death before a birth): returns the problems, each
     * naming a field of the application (`'child.birthDate'`). Runs at receipt, after the schema.
     */
    checkReceipt: z
      .custom<ReceiptCheck>(
        (v) => typeof v === 'function',
        'expected a function (application, receipt) => issues',
      )
      .optional(),
    documents: z.array(RequiredDocumentSchema).default([]),
    fees: z.array(FeeSchema).default([]),
    channels: z.array(ChannelSchema).min(1),
    /**
     * A time limit per channel where it differs from `timeLimit` (e.g. a shorter one for dossiers
     * filed fully online, thời gian thực hiện trực tuyến); each channel must be one of `channels`.
     */
    channelTimeLimits: z.partialRecord(ChannelSchema, TimeLimitSchema).optional(),
    /** Online intake: deadlines before the desk accepts an online filing (see `Procedure.submit`). */
    intake: IntakeOptionsSchema.optional(),
    /** Units by id; must include `desk` (the one-stop desk, bộ phận một cửa). */
    units: z.record(z.string(), UnitSchema),
    /** The one-stop desk's unit id (default `'desk'`). */
    desk: z.string().min(1).default('desk'),
    /** The internal process, in order. The desk holds the dossier before the first and after the last. */
    steps: z.array(StepSchema).min(1),
    supplementation: SupplementationSchema.default({ clock: 'restart', maxRequests: 1 }),
    /** Phases of the internal process that wait for something (see {@link PhaseSchema}), by number. */
    phases: z.array(PhaseSchema).optional(),
    /** Roles that may send an event whoever holds the dossier, e.g. `{ APOLOGIZE: ['agency-head'] }`. */
    permissions: z.partialRecord(PermissionEventSchema, z.array(z.string().min(1))).default({}),
    /**
     * Whether an authorised representative (người được ủy quyền) may file for the applicant:
     * `'allowed'` (the default) or `'not-allowed'` for procedures the applicant must file in person.
     */
    representation: z.enum(['allowed', 'not-allowed']).optional(),
    /**
     * The national dossier status (trạng thái hồ sơ, 1 Mới đăng ký … 10 Đã trả kết quả) of the
     * machine's states, by state path (`'processing.appraise'`) or parent state (`'processing'`),
     * where it differs from the default mapping of the standard lifecycle
     * (`DEFAULT_NATIONAL_STATUS`). A hand-written machine maps each state the default does not know.
     */
    nationalStatus: z.record(z.string().min(1).max(200), z.number().int().min(1).max(99)).optional(),
  })
  .strict();
/** What a procedure definition's `checkReceipt` sees of the receipt. */
export interface ReceiptFacts {
  /** The receipt instant, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly receivedAt: string;
  /** Its local date in the office's time zone, `'YYYY-MM-DD'`. */
  readonly receivedOn: string;
  readonly channel: Channel;
}

/** One problem a `checkReceipt` finds: a field of the application (`'child.birthDate'`) and why. */
export interface ReceiptIssue {
  readonly field: string;
  readonly message: string;
}

/** A cross-field check of an application at receipt (a procedure definition's `checkReceipt`). */
export type ReceiptCheck = (application: never, receipt: ReceiptFacts) => readonly ReceiptIssue[];

/** A validated procedure definition. */
export type ProcedureDefinition = z.output<typeof ProcedureDefinitionSchema>;
/** A procedure definition as written by a developer. */
export type ProcedureDefinitionInput = z.input<typeof ProcedureDefinitionSchema>;
