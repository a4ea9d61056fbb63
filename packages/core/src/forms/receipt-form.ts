import { z } from 'zod';
import { TimeLimitSchema } from '../calendar/time-limit.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ComponentRecord } from '../model/dossier-component.js';
import type { DossierContext } from '../model/dossier-context.js';
import { wasReceived } from '../model/online-intake.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { timeLimitFor } from '../procedure/lifecycle-env.js';
import {
  deskHeader,
  FormApplicantSchema,
  FormComponentSchema,
  FormDateTimeSchema,
  type FormOptions,
  FormSignatureSchema,
  filerName,
  formApplicant,
  formBaseShape,
  formComponent,
  formDateTime,
  formIdentity,
  formSource,
  notApplicable,
  SIGN_HINT,
} from './form-common.js';
import type { OfficeInfoInput } from './office-info.js';
import { describeTimeLimit } from './vietnamese-date.js';

/**
 * One paper of Form 01, item (1): its name, how many originals and copies were handed in, and how
 * it was satisfied when the desk recorded it (`RECORD_COMPONENTS`: paper, digitised, reused, the
 * national document store, a database lookup), else `null`.
 */
export const ReceiptDocumentSchema = z
  .object({
    no: z.number().int().positive(),
    name: z.string(),
    originals: z.number().int().nonnegative(),
    copies: z.number().int().nonnegative(),
    note: z.string().nullable(),
    satisfiedBy: FormComponentSchema.nullable(),
  })
  .strict();

/**
 * Form 01, the receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), as data.
 * Items (1)–(6) are `documents`, `sets`, `timeLimit`, `receivedAt`, `dueAt`, `resultPlace`.
 */
export const ReceiptFormSchema = z
  .object({
    kind: z.literal('receipt'),
    ...formBaseShape,
    /** Mã hồ sơ. */
    code: z.string(),
    /** The short secret for the public lookup, printed beside the code. */
    lookupSecret: z.string(),
    /** The desk that received the dossier. */
    desk: z.string(),
    applicant: FormApplicantSchema,
    /** Nội dung yêu cầu giải quyết: the procedure's name. */
    request: z.string(),
    procedureCode: z.string(),
    /** (1) Thành phần hồ sơ. */
    documents: z.array(ReceiptDocumentSchema),
    /** (2) Số lượng hồ sơ (bộ). */
    sets: z.number().int().positive(),
    /** (3) Thời gian giải quyết theo quy định. */
    timeLimit: z.object({ limit: TimeLimitSchema, text: z.string() }).strict(),
    /** (4) Thời gian nhận hồ sơ. */
    receivedAt: FormDateTimeSchema,
    /** (5) Thời gian trả kết quả: the legal due time in force (it restarts after a supplementation). */
    dueAt: FormDateTimeSchema,
    /** When a supplemented dossier came back complete (the clock restarted from it), if it did. */
    supplementedAt: FormDateTimeSchema.nullable(),
    /** (6) Đăng ký nhận kết quả tại. */
    resultPlace: z.string(),
    /** "Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …". */
    register: z
      .object({
        book: z.string(),
        volume: z.string().nullable(),
        entry: z.number().int().positive().nullable(),
      })
      .strict(),
    signatures: z.object({ applicant: FormSignatureSchema, receiver: FormSignatureSchema }).strict(),
  })
  .strict();
/** See {@link ReceiptFormSchema}. */
export type ReceiptForm = z.infer<typeof ReceiptFormSchema>;

/** Options of {@link receiptForm}. */
export interface ReceiptFormOptions extends FormOptions {
  /** (2) Number of sets handed in (default 1). */
  readonly sets?: number;
  /** Ids of the documents handed in (default: every document of the procedure). */
  readonly submittedDocuments?: readonly string[];
  /** Entry number in the register (số thứ tự), when paper books are kept. */
  readonly entryNumber?: number;
  /**
   * (6) Where the result is collected (default: the desk, with its address; for a dossier received
   * regardless of administrative boundary, its returning centre).
   */
  readonly resultPlace?: string;
}

/**
 * Builds Form 01, the receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) of a
 * received dossier: letterhead, dossier code and lookup secret, applicant (its kind and
 * organisation; 2025: with the personal or organisation ID number and the representative with the
 * authorisation), the request, (1) documents with original/copy counts and how each was satisfied
 * (paper, digitised, reused, national document store, database lookup) once recorded, (2) sets,
 * (3) legal time limit, (4) received at, (5) due at, (6) where to collect the result, the register
 * entry and both signatures. A pure function: it reads its arguments only.
 *
 * (5) is the legal due time in force (`context.due.legal`): after a supplementation that restarts
 * the clock it is the new one, and `supplementedAt` says when the complete dossier came back. The
 * date of an apology (Form 04) is not printed here.
 * @throws `MotcuaError` `FORM_SOURCE_MISMATCH` when the dossier is not of this procedure version;
 * `FORM_NOT_APPLICABLE` for an online filing the desk has not accepted (it has no receipt yet).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { receiptForm, renderReceiptHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const form = receiptForm(definition, record.context, office, engine.calendar); // Form 01, as data
 * const html = renderReceiptHtml(form); // a printable A5 page
 * ```
 */
export function receiptForm(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: ReceiptFormOptions = {},
): ReceiptForm {
  const source = formSource(definition, context, office, calendar);
  if (!wasReceived(context)) {
    throw notApplicable(context, 'receipt', 'the online filing has not been accepted (no receipt yet)');
  }
  const { office: o } = source;
  // The time limit of the dossier's channel (`channelTimeLimits`), as its due time was counted.
  const timeLimit = timeLimitFor(definition, context.channel);
  const submitted = options.submittedDocuments ? new Set(options.submittedDocuments) : undefined;
  const recorded = new Map((context.components ?? []).map((c) => [c.documentId, c]));
  const satisfiedBy = (c: ComponentRecord | undefined) => (c ? formComponent(c) : null);
  const documents = definition.documents
    .filter((d) => (submitted ? submitted.has(d.id) : true))
    .map((d, i) => ({
      no: i + 1,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      note: d.note ?? null,
      satisfiedBy: satisfiedBy(recorded.get(d.id)),
    }));
  const supplemented = [...context.supplements].reverse().find((s) => s.receivedAt !== null);
  return {
    kind: 'receipt',
    ...formIdentity(source, 'receipt', options.numbering),
    header: deskHeader(source, options.issuedAt ?? context.receivedAt),
    code: context.code,
    lookupSecret: context.secret,
    desk: o.deskName,
    applicant: formApplicant(context.applicant, context.procedure.regime, calendar),
    request: definition.name.vi,
    procedureCode: definition.code,
    documents,
    sets: options.sets ?? 1,
    timeLimit: { limit: timeLimit, text: describeTimeLimit(timeLimit) },
    receivedAt: formDateTime(context.receivedAt, calendar),
    dueAt: formDateTime(context.due.legal, calendar),
    supplementedAt: supplemented?.receivedAt ? formDateTime(supplemented.receivedAt, calendar) : null,
    // A dossier received regardless of administrative boundary is returned at its returning centre.
    resultPlace:
      options.resultPlace ??
      (context.reception?.crossBoundary
        ? context.reception.returningCentre.name
        : o.address
          ? `${o.deskName}, ${o.address}`
          : o.deskName),
    register: { book: o.registerBook, volume: o.registerVolume ?? null, entry: options.entryNumber ?? null },
    signatures: {
      applicant: { title: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT, name: filerName(context.applicant) },
      receiver: { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: SIGN_HINT, name: context.receivedBy.name ?? null },
    },
  };
}
