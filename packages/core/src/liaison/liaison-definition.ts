import { z } from 'zod';
import { LocalDateSchema } from '../calendar/schedule-schema.js';
import { TimeLimitSchema } from '../calendar/time-limit.js';
import { ChannelSchema, RegimeSchema } from '../model/channel.js';
import {
  FeeSchema,
  NamesSchema,
  PermissionEventSchema,
  type ProcedureDefinition,
  type ReceiptCheck,
  RequiredDocumentSchema,
} from '../procedure/definition-schema.js';

/** Gives a member's application data from the liaison's composite application; `null` when not requested. */
export type MemberApplication = (application: never) => unknown;

/** What a rule choosing the total time limit sees: the requested members and the application. */
export interface LiaisonLimitInput {
  readonly members: ReadonlySet<string>;
  readonly application: unknown;
}

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', `expected a function (${what})`);

/** An agency's address on the liaison transport: letters, digits, `.`, `-`, `_`. */
export const AgencyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]*$/, 'letters, digits, ., - and _; starting with a letter or digit');

/** One member of a liaison: a procedure run by another agency (or another unit) on its own dossier. */
export const LiaisonMemberSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z][\w-]*$/, 'letters, digits, - and _; starting with a letter'),
    name: NamesSchema,
    /** Code of the procedure the member agency runs (its child dossier's procedure). */
    procedure: z.string().min(1),
    /** A fixed version of it (default: the version in force at the agency when it receives). */
    version: z.string().min(1).optional(),
    /** The agency that runs it: its transport address and its name. */
    agency: z.object({ id: AgencyIdSchema, name: z.string().min(1) }).strict(),
    /** Its unit id on the parent dossier (default: the agency id). */
    unit: z.string().min(1).optional(),
    /** The member's time budget inside the liaison's total, counted from its handoff. */
    budget: TimeLimitSchema,
    /** Its longer budget when it needs verification (xác minh), if the rules give one. */
    verificationBudget: z.optional(TimeLimitSchema),
    /** Members whose result must be back (returned) before this one is handed off. */
    after: z.array(z.string().min(1)).default([]),
    /** The applicant may leave it out: it is requested when `application` gives data for it. */
    optional: z.boolean().default(false),
    /** The member's application data from the composite application (`null`/`undefined`: not requested). */
    application: fn<MemberApplication>('member application'),
    /** Where the member's figures come from, and how sure they are. */
    basis: z.string().optional(),
  })
  .strict();
/** A validated liaison member. */
export type LiaisonMember = z.output<typeof LiaisonMemberSchema>;

/** A total time limit that applies to some combinations of members (first matching rule wins). */
export const LiaisonLimitRuleSchema = z
  .object({
    label: z.string().min(1),
    when: fn<(input: LiaisonLimitInput) => boolean>('limit rule'),
    timeLimit: TimeLimitSchema,
    verificationTimeLimit: z.optional(TimeLimitSchema),
    basis: z.string().optional(),
  })
  .strict();
/** A validated limit rule. */
export type LiaisonLimitRule = z.output<typeof LiaisonLimitRuleSchema>;

/** Extra working days an office may be granted, enabled per office (e.g. a remote commune, +5). */
const LiaisonAllowanceSchema = z
  .object({
    id: z.string().min(1),
    reason: z.string().min(1),
    workingDays: z.number().int().positive(),
    basis: z.string().optional(),
  })
  .strict();

/** Supplementation in a liaison: any member's request pauses the whole liaison. */
const LiaisonSupplementationSchema = z
  .object({
    /** `resume`: due times move by the working time paused; `restart`: the total counts again from the complete dossier. */
    clock: z.enum(['resume', 'restart']).default('resume'),
    /** Requests each member may make. */
    maxRequests: z.number().int().nonnegative().default(1),
    /** Extra working days the rules allow once the dossier had to be completed (e.g. +2, JC 05/2015). */
    extraTime: z
      .object({
        workingDays: z.number().int().positive(),
        /** Granted once per liaison (default) or at every supplementation. */
        once: z.boolean().default(true),
        basis: z.string().optional(),
      })
      .strict()
      .optional(),
    /** The applicant must supplement within this limit, after which the engine may close the dossier. */
    responseLimit: z.optional(TimeLimitSchema),
  })
  .strict();

/**
 * A liaison (một cửa liên thông): the focal desk's parent dossier and its member agencies. See
 * {@link defineLiaison}.
 */
export const LiaisonDefinitionSchema = z
  .object({
    /** Procedure code of the liaison (the group), e.g. `'1.011537'`. */
    code: z.string().min(1),
    version: z.string().min(1),
    effectiveFrom: LocalDateSchema,
    effectiveTo: z.optional(LocalDateSchema),
    regime: RegimeSchema,
    name: NamesSchema,
    legalBasis: z.array(z.string().min(1)).min(1),
    /** The focal agency (cơ quan đầu mối) whose desk receives and returns everything. */
    agency: z.string().min(1),
    /** Name of the focal desk's unit. */
    deskName: z.string().min(1).default('Bộ phận một cửa'),
    /** `sequential`: the desk hands members off one at a time (paper); `parallel`: all at once (electronic). */
    mode: z.enum(['sequential', 'parallel']),
    /** The total time limit of the liaison, e.g. `{ workingDays: 3, cutoff: '15:00' }`. */
    timeLimit: TimeLimitSchema,
    /** The total when a member needs verification, if the rules give one. */
    verificationTimeLimit: z.optional(TimeLimitSchema),
    /** Totals for some combinations of members (first match wins; otherwise `timeLimit`). */
    timeLimits: z.array(LiaisonLimitRuleSchema).default([]),
    /** The composite application (tag personal fields with `personal()`). */
    application: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'expected a zod schema'),
    /** Cross-field checks of the composite application at receipt (see `ProcedureDefinition.checkReceipt`). */
    checkReceipt: z
      .custom<ReceiptCheck>(
        (v) => typeof v === 'function',
        'expected a function (application, receipt) => issues',
      )
      .optional(),
    documents: z.array(RequiredDocumentSchema).default([]),
    fees: z.array(FeeSchema).default([]),
    channels: z.array(ChannelSchema).min(1),
    members: z.array(LiaisonMemberSchema).min(1),
    supplementation: LiaisonSupplementationSchema.default({ clock: 'resume', maxRequests: 1 }),
    allowances: z.array(LiaisonAllowanceSchema).default([]),
    permissions: z.partialRecord(PermissionEventSchema, z.array(z.string().min(1))).default({}),
    /** Figures or facts that are provisional (one secondary source, or unconfirmed): configure them. */
    provisional: z.array(z.string().min(1)).default([]),
  })
  .strict();
/** A validated liaison definition. */
export type LiaisonDefinition = z.output<typeof LiaisonDefinitionSchema>;
/** A liaison definition as written by a developer. */
export type LiaisonDefinitionInput = z.input<typeof LiaisonDefinitionSchema>;

/** A liaison definition with the allowances an office enabled. */
export interface ResolvedLiaison {
  readonly definition: LiaisonDefinition;
  /** Allowances enabled for this office (added to every total). */
  readonly allowances: readonly z.output<typeof LiaisonAllowanceSchema>[];
}

const byProcedure = new WeakMap<ProcedureDefinition, ResolvedLiaison>();

/** Remembers the liaison a parent procedure definition was built from. */
export function registerLiaison(def: ProcedureDefinition, liaison: ResolvedLiaison): void {
  byProcedure.set(def, liaison);
}

/** The liaison a parent procedure definition was built from by `defineLiaison`, if any. */
export function liaisonOf(def: ProcedureDefinition): ResolvedLiaison | undefined {
  return byProcedure.get(def);
}
