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
  filerName,
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
 * Form 03, the refusal to receive and process a dossier (Phiếu từ chối tiếp nhận giải quyết hồ
 * sơ), as data: the desk's statement and its specific reasons.
 */
export const RefusalFormSchema = z
  .object({
    kind: z.literal('refusal'),
    ...formBaseShape,
    desk: z.string(),
    applicant: FormApplicantSchema,
    /** The dossier code ("if any": a refusal recorded by the engine always has one). */
    code: z.string().nullable(),
    request: z.string(),
    refusedAt: FormDateTimeSchema,
    /** "Qua xem xét, … thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:". */
    statement: z.string(),
    reasons: z.array(z.string()).min(1),
    signatures: z.object({ applicant: FormSignatureSchema, receiver: FormSignatureSchema }).strict(),
  })
  .strict();
/** See {@link RefusalFormSchema}. */
export type RefusalForm = z.infer<typeof RefusalFormSchema>;

/**
 * Builds Form 03, the refusal to receive and process a dossier (Phiếu từ chối tiếp nhận giải quyết
 * hồ sơ), from an outcome of kind `'refused'`: desk, applicant (2025: with the ID number), dossier
 * code, request, the statement of refusal with its specific reasons, and the signatures of the
 * applicant and of the receiving officer.
 *
 * The receiving officer is the one who refused when a desk officer did; when another unit refused
 * after appraisal (Decree 61 art. 19(8): a written refusal sent through the desk), the desk officer
 * who received the dossier signs.
 * @throws `MotcuaError` `FORM_NOT_APPLICABLE` unless the dossier was refused.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { refusalForm, renderRefusalHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * // after a REFUSE at the desk: the refusal notice (Form 03)
 * const html = renderRefusalHtml(refusalForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function refusalForm(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: FormOptions = {},
): RefusalForm {
  const source = formSource(definition, context, office, calendar);
  const outcome = context.outcome;
  // An online filing refused at intake (not accepted) gets the same form, with its reasons.
  if (outcome?.kind !== 'refused' && outcome?.kind !== 'not-accepted') {
    throw notApplicable(context, 'refusal', 'the dossier was not refused');
  }
  const desk = source.office.deskName;
  const officer = outcome.by.unitId === definition.desk ? outcome.by : context.receivedBy;
  return {
    kind: 'refusal',
    ...formIdentity(source, 'refusal', options.numbering),
    header: deskHeader(source, options.issuedAt ?? outcome.at),
    desk,
    applicant: formApplicant(context.applicant, context.procedure.regime, calendar),
    code: context.code,
    request: definition.name.vi,
    refusedAt: formDateTime(outcome.at, calendar),
    statement: `Qua xem xét, ${desk} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    reasons: outcome.reasons.length > 0 ? outcome.reasons : ['(không ghi lý do)'],
    signatures: {
      applicant: { title: 'NGƯỜI NỘP HỒ SƠ', hint: SIGN_HINT, name: filerName(context.applicant) },
      receiver: { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: SIGN_HINT, name: officer.name ?? null },
    },
  };
}
