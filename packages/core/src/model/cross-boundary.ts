import { z } from 'zod';
import { LocalDateSchema } from '../calendar/schedule-schema.js';
import { TimeLimitSchema } from '../calendar/time-limit.js';
import { ActorSchema, InstantSchema } from './actor.js';
import { TimelinessSchema } from './timeliness.js';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.-]+$/, 'letters, digits, ., - and _');

/**
 * A place that receives dossiers and returns results (Decree 118/2025/NĐ-CP): a provincial public
 * administrative service centre, a commune centre (with its own seal and account), or a reception
 * point of a centre.
 */
export const ServiceCentreSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    kind: z.enum(['provincial-centre', 'commune-centre', 'reception-point']),
    /** For a reception point: the centre it belongs to. */
    parent: id.optional(),
  })
  .strict();
/** See {@link ServiceCentreSchema}. */
export type ServiceCentre = z.infer<typeof ServiceCentreSchema>;

/**
 * A province's desks as configuration: a province with a provincial centre and commune centres, or
 * one provincial centre with reception points (the one-level model of Hà Nội, Hồ Chí Minh City).
 */
export const DeskTopologySchema = z
  .object({
    /** The province, e.g. `'H56'` or its name. */
    province: z.string().min(1).max(100),
    centres: z.array(ServiceCentreSchema).min(1).max(10_000),
  })
  .strict()
  .superRefine((value, ctx) => {
    const ids = new Set<string>();
    value.centres.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', message: 'duplicate id', path: ['centres', i, 'id'] });
      ids.add(c.id);
    });
    value.centres.forEach((c, i) => {
      if (c.kind === 'reception-point' && (!c.parent || !ids.has(c.parent))) {
        ctx.addIssue({
          code: 'custom',
          message: 'a reception point names a centre of the topology it belongs to',
          path: ['centres', i, 'parent'],
        });
      } else if (c.kind !== 'reception-point' && c.parent !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'only a reception point has a parent',
          path: ['centres', i, 'parent'],
        });
      }
    });
  });
/** See {@link DeskTopologySchema}. */
export type DeskTopology = z.infer<typeof DeskTopologySchema>;

/** One procedure open to reception regardless of administrative boundary, with its own dates and transfer budget. */
const BoundaryFreeEntrySchema = z
  .object({
    /** National procedure code (mã TTHC). */
    procedure: z.string().min(1).max(100),
    /** First day it is open, when later than the list's. */
    from: z.optional(LocalDateSchema),
    /** Last day it is open, when earlier than the list's. */
    to: z.optional(LocalDateSchema),
    /**
     * How long the paper original may take from the receiving centre to the competent one, counted
     * from the receipt (e.g. `{ workingDays: 1 }`); absent: the list's `transferBudget`.
     */
    transferBudget: z.optional(TimeLimitSchema),
  })
  .strict();

/**
 * A province's dated list of procedures open to reception regardless of administrative boundary
 * (tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính), as the province's decision publishes it:
 * its source, when it is in force, and the procedures. A newer decision is another list.
 */
export const BoundaryFreeListSchema = z
  .object({
    province: z.string().min(1).max(100),
    /** The approving decision, e.g. `'2095/QĐ-UBND'` of 31/10/2025. */
    source: z.object({ document: z.string().min(1).max(200), issuedOn: LocalDateSchema }).strict(),
    effectiveFrom: LocalDateSchema,
    effectiveTo: z.optional(LocalDateSchema),
    /** Default transfer budget of the paper original between centres (none: no due time is set). */
    transferBudget: z.optional(TimeLimitSchema),
    procedures: z.array(BoundaryFreeEntrySchema).min(1).max(10_000),
  })
  .strict();
/** See {@link BoundaryFreeListSchema}. */
export type BoundaryFreeList = z.infer<typeof BoundaryFreeListSchema>;

/** A centre as the dossier keeps it (its id and name, for the control slip and the forms). */
const CentreRefSchema = z.object({ id, name: z.string().min(1) }).strict();

/** One move of the paper original between centres: when, by whom. */
const OriginalsMoveSchema = z.object({ at: InstantSchema, by: ActorSchema }).strict();

/**
 * Where a dossier was received, which centre's agency is competent, and where the result is
 * returned; for a dossier received regardless of administrative boundary, the transfer of its
 * paper original (sent, received by the competent centre, returned to the returning centre).
 */
export const ReceptionSchema = z
  .object({
    receivingCentre: CentreRefSchema,
    competentCentre: CentreRefSchema,
    returningCentre: CentreRefSchema,
    /** Received at a centre other than the competent one's (phi địa giới). */
    crossBoundary: z.boolean(),
    /** The list it was received under (its source document), for a cross-boundary dossier. */
    list: z.string().optional(),
    /** The paper original's transfer, for a cross-boundary dossier. */
    originals: z
      .object({
        /** The competent centre should have it by then (receipt + the transfer budget), `null` for no budget. */
        due: InstantSchema.nullable(),
        sent: OriginalsMoveSchema.optional(),
        received: OriginalsMoveSchema.optional(),
        /** Early / on time / late of the arrival against `due`. */
        result: TimelinessSchema.optional(),
        returned: OriginalsMoveSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/** See {@link ReceptionSchema}. */
export type Reception = z.infer<typeof ReceptionSchema>;

/** What a receipt names of its reception: the centres by id (the engine resolves them in its topology). */
export const ReceptionInputSchema = z
  .object({
    receivingCentre: id,
    competentCentre: id,
    /** Default: the receiving centre (the result is returned where the dossier was received). */
    returningCentre: id.optional(),
  })
  .strict();
/** See {@link ReceptionInputSchema}. */
export type ReceptionInput = z.infer<typeof ReceptionInputSchema>;

/**
 * A reception the engine resolved for a receipt (centres by id and name, whether cross-boundary,
 * the list and the transfer budget), which the lifecycle turns into the dossier's
 * {@link ReceptionSchema} section.
 */
export const ResolvedReceptionSchema = z
  .object({
    receivingCentre: CentreRefSchema,
    competentCentre: CentreRefSchema,
    returningCentre: CentreRefSchema,
    crossBoundary: z.boolean(),
    list: z.string().optional(),
    transferBudget: z.optional(TimeLimitSchema),
  })
  .strict();
/** See {@link ResolvedReceptionSchema}. */
export type ResolvedReception = z.infer<typeof ResolvedReceptionSchema>;
