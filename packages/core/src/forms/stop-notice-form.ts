import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import {
  deskHeader,
  FormApplicantSchema,
  FormDateTimeSchema,
  type FormOptions,
  FormSignatureSchema,
  formApplicant,
  formBaseShape,
  formDateTime,
  formIdentity,
  formSource,
  notApplicable,
  SIGN_HINT,
} from './form-common.js';
import type { OfficeInfoInput } from './office-info.js';

/**
 * Form 05 of the 2025 regime, the notice that processing stops at the applicant's request
 * (Thông báo dừng giải quyết hồ sơ; Decree 118/2025 art. 21, Circular 03/2025 art. 7), as data.
 */
export const StopNoticeFormSchema = z
  .object({
    kind: z.literal('stopNotice'),
    ...formBaseShape,
    addressee: z.string(),
    applicant: FormApplicantSchema,
    desk: z.string(),
    code: z.string(),
    request: z.string(),
    receivedAt: FormDateTimeSchema,
    /** When processing stopped. */
    stoppedAt: FormDateTimeSchema,
    /** "Ngày …, … đã tiếp nhận hồ sơ …". */
    receiptStatement: z.string(),
    /** "Theo đề nghị của ông (bà)/tổ chức, … thông báo dừng giải quyết hồ sơ …". */
    statement: z.string(),
    /** The applicant's reasons, when given. */
    reasons: z.array(z.string()),
    closing: z.string(),
    signature: FormSignatureSchema,
  })
  .strict();
/** See {@link StopNoticeFormSchema}. */
export type StopNoticeForm = z.infer<typeof StopNoticeFormSchema>;

/** Options of {@link stopNoticeForm}. */
export interface StopNoticeFormOptions extends FormOptions {
  /** Document number ("Số: …"); default left blank to fill by hand. */
  readonly number?: string;
}

/**
 * Builds the 2025 stop notice (Thông báo dừng giải quyết hồ sơ, Form 05 of Circular 03/2025) from
 * an outcome of kind `'stopped'`: addressee, applicant with ID number, dossier code, request, the
 * receipt, the statement that processing stops at the applicant's request and from when, the
 * applicant's reasons, and the signature of the desk officer who recorded the stop.
 *
 * Only the title and the purpose of this form were confirmed (its fields were not read): the
 * content follows the other desk forms.
 * @throws `MotcuaError` `FORM_NOT_APPLICABLE` unless the dossier is a 2025 dossier that stopped.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderStopNoticeHtml, stopNoticeForm } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * // after a STOP: the notice that handling stopped
 * const html = renderStopNoticeHtml(stopNoticeForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function stopNoticeForm(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: StopNoticeFormOptions = {},
): StopNoticeForm {
  const source = formSource(definition, context, office, calendar);
  if (context.procedure.regime !== '2025') {
    throw notApplicable(context, 'stopNotice', 'the stop notice exists under the 2025 regime only');
  }
  const outcome = context.outcome;
  if (outcome?.kind !== 'stopped') throw notApplicable(context, 'stopNotice', 'the dossier was not stopped');
  const desk = source.office.deskName;
  const receivedAt = formDateTime(context.receivedAt, calendar);
  const stoppedAt = formDateTime(outcome.at, calendar);
  return {
    kind: 'stopNotice',
    ...formIdentity(source, 'stopNotice', options.numbering),
    header: deskHeader(source, options.issuedAt ?? outcome.at, options.number ?? null),
    addressee: context.applicant.organisation ?? context.applicant.fullName,
    applicant: formApplicant(context.applicant, context.procedure.regime, calendar),
    desk,
    code: context.code,
    request: definition.name.vi,
    receivedAt,
    stoppedAt,
    receiptStatement: `Lúc ${receivedAt.text}, ${desk} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính của ông (bà)/tổ chức.`,
    statement: `Theo đề nghị của ông (bà)/tổ chức, ${desk} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${stoppedAt.text}.`,
    reasons: outcome.reasons,
    closing: `${desk} thông báo để ông (bà)/tổ chức được biết./.`,
    signature: { title: 'NGƯỜI THÔNG BÁO', hint: SIGN_HINT, name: outcome.by.name ?? null },
  };
}
