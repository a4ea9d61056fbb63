import {
  AcceptEventSchema,
  ApologizeEventSchema,
  ChannelSchema,
  type FieldIssue,
  FilingReferenceSchema,
  HandOverEventSchema,
  RefuseEventSchema,
  RequestSupplementEventSchema,
  ReturnResultEventSchema,
  SendBackEventSchema,
  StopEventSchema,
  SupplementReceivedEventSchema,
  ValidationError,
  WithdrawEventSchema,
} from '@motcua/core';
import { z } from 'zod';

/**
 * Body of `POST /api/dossiers` (tiếp nhận hồ sơ). The envelope is checked here; the applicant and
 * the application are checked by the procedure's own schema when the engine receives them.
 */
export const ReceiveBodySchema = z
  .object({
    /** National procedure code; the version in force today is used unless `version` is given. */
    procedure: z.string().trim().min(1).max(120),
    version: z.string().trim().min(1).max(60).optional(),
    channel: ChannelSchema,
    applicant: z.record(z.string(), z.unknown()),
    application: z.unknown().refine((v) => v !== undefined, 'required'),
  })
  .strict();

/**
 * Body of `POST /api/filings` (nộp hồ sơ trực tuyến): an online filing delivered by a portal
 * connector or the centre's online form, kept as `submitted` until the desk accepts it. The channel
 * must be an online one; `filing` is the portal's own reference.
 */
export const FilingBodySchema = z
  .object({
    procedure: z.string().trim().min(1).max(120),
    version: z.string().trim().min(1).max(60).optional(),
    channel: z.enum(['online-full', 'online-partial']),
    applicant: z.record(z.string(), z.unknown()),
    application: z.unknown().refine((v) => v !== undefined, 'required'),
    filing: FilingReferenceSchema.optional(),
  })
  .strict();

const expectedVersion = z.number().int().min(1).optional();
// The actor comes from the request's identity and the time from the engine's clock: a body may
// not set either.
const officerEvent = <S extends z.ZodObject>(schema: S) =>
  schema.omit({ at: true, actor: true } as never).extend({ expectedVersion });

/**
 * Body of `POST /api/dossiers/:code/events`: one officer event (tiếp nhận hồ sơ trực tuyến, chuyển, trả lại, yêu cầu bổ sung,
 * nhận bổ sung, từ chối, rút, dừng, xin lỗi, trả kết quả) and, optionally, the version the officer
 * saw (`expectedVersion`): if the dossier moved on since, nothing is written and the answer is 409.
 * The engine's own events (overdue marks, expiry) and the liaison's are not accepted here.
 */
export const EventBodySchema = z.discriminatedUnion('type', [
  officerEvent(AcceptEventSchema),
  officerEvent(HandOverEventSchema),
  officerEvent(SendBackEventSchema),
  officerEvent(RequestSupplementEventSchema),
  officerEvent(SupplementReceivedEventSchema),
  officerEvent(RefuseEventSchema),
  officerEvent(WithdrawEventSchema),
  officerEvent(StopEventSchema),
  officerEvent(ApologizeEventSchema),
  officerEvent(ReturnResultEventSchema),
]);

/** A dossier code as it may appear in a path or a form: printable, short. */
export const DossierCodeSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(80)
  .regex(/^[A-Za-z0-9.:-]+$/, 'expected letters, digits, dots and dashes');

/** Query of `GET /api/lookup` and the fields of the lookup form (tra cứu hồ sơ). */
export const LookupQuerySchema = z
  .object({
    code: DossierCodeSchema,
    secret: z.string().trim().min(1, 'required').max(32),
  })
  .strict();

const LocalDateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "expected a date 'YYYY-MM-DD' or an instant with an offset",
});

/**
 * Query of `GET /api/reports` (báo cáo): `from` and `to` are dates (whole days in
 * Asia/Ho_Chi_Minh, both included) or instants with an offset (`to` excluded).
 */
export const ReportQuerySchema = z
  .object({
    from: LocalDateOrInstant,
    to: LocalDateOrInstant,
    groupBy: z.enum(['agency', 'procedure', 'channel', 'none']).default('none'),
  })
  .strict();

/** Query of `GET /api/reports/units`. */
export const UnitReportQuerySchema = ReportQuerySchema.omit({ groupBy: true });

/**
 * Query of `GET /api/reports/late-entries`: a period, and the delay in minutes beyond which an
 * entry is late (hồ sơ cập nhật trễ hạn; one minute to 366 days, no default).
 */
export const LateEntryQuerySchema = ReportQuerySchema.omit({ groupBy: true })
  .extend({
    thresholdMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(366 * 24 * 60),
  })
  .strict();

/** Query of `GET /api/dossiers`: summaries in due order, a page at a time. */
export const ListQuerySchema = z
  .object({
    status: z.enum(['active', 'done']).optional(),
    holder: z.string().trim().min(1).max(64).optional(),
    procedure: z.string().trim().min(1).max(120).optional(),
    dueBefore: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The `next` cursor of the previous page. */
    after: z.string().max(400).optional(),
  })
  .strict();

/** Query of the desk page: the horizon of "due soon", in working days, and an optional unit. */
export const DeskQuerySchema = z
  .object({
    days: z.coerce.number().int().min(1).max(20).optional(),
    unit: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

/** The `Idempotency-Key` header: 1–200 visible ASCII characters. */
export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'expected 1–200 visible ASCII characters');

/**
 * Parses request input with a schema, or throws a `ValidationError` naming every bad field
 * (`applicant`, `reasons[0]`, …). Values are never echoed.
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => {
    let field = '';
    for (const key of issue.path)
      field += typeof key === 'number' ? `[${key}]` : `${field ? '.' : ''}${String(key)}`;
    // Unknown keys are not named: their names are the caller's text, never echoed.
    const message = issue.code === 'unrecognized_keys' ? 'unknown key(s)' : issue.message;
    return { field: field || what, message };
  });
  throw new ValidationError(what, issues);
}
