import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import {
  agencyHeader,
  FormApplicantSchema,
  FormDateSchema,
  FormDateTimeSchema,
  type FormOptions,
  FormSignatureSchema,
  formApplicant,
  formBaseShape,
  formDate,
  formDateTime,
  formIdentity,
  formSource,
  notApplicable,
} from './form-common.js';
import type { OfficeInfoInput } from './office-info.js';

/**
 * Form 04, the apology and new appointment (2018: Phiếu xin lỗi và hẹn lại ngày trả kết quả;
 * 2025: Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết), as data.
 */
export const ApologyFormSchema = z
  .object({
    kind: z.literal('apology'),
    ...formBaseShape,
    /** "Kính gửi". */
    addressee: z.string(),
    applicant: FormApplicantSchema,
    receivedDate: FormDateSchema,
    /** "Ngày …, … tiếp nhận hồ sơ đề nghị … của ông (bà)/tổ chức." */
    receiptStatement: z.string(),
    /** The agency that received and processes the dossier, and apologises. */
    agency: z.string(),
    request: z.string(),
    code: z.string(),
    /** The due time the applicant was given (before this apology). */
    previousDue: FormDateTimeSchema,
    /** "Tuy nhiên đến nay, … chưa trả kết quả …": the dossier will be late. */
    lateStatement: z.string(),
    reason: z.string(),
    /** The apology, with the new date in it. */
    apologyStatement: z.string(),
    newDue: FormDateTimeSchema,
    apologizedAt: FormDateTimeSchema,
    closing: z.string(),
    /** Signed by the head of the agency. */
    signature: FormSignatureSchema,
  })
  .strict();
/** See {@link ApologyFormSchema}. */
export type ApologyForm = z.infer<typeof ApologyFormSchema>;

/** Options of {@link apologyForm}. */
export interface ApologyFormOptions extends FormOptions {
  /** Document number ("Số: …"); default left blank to fill by hand. */
  readonly number?: string;
  /**
   * The agency that apologises, when it is not the office's agency: its letterhead (`parent` on
   * the first line, `name` in bold) and the name used in the text. Decree 61 art. 19(9) puts the
   * apology on the competent agency; a definition's `agency` is a generic name ("Công an xã"), not
   * a letterhead, so it is not used here.
   */
  readonly agency?: { readonly parent: string; readonly name: string };
  /** Title above the signature (default `office.headTitle`). */
  readonly signerTitle?: string;
}

/**
 * Builds Form 04 (Phiếu xin lỗi và hẹn lại ngày trả kết quả; under 2025 "Phiếu xin lỗi và đề nghị
 * gia hạn thời gian giải quyết") from the dossier's apology: addressee, date received, agency,
 * procedure, dossier code, the original due time, the statement that the dossier is late, the
 * reason, the apology, the new return date, and the signature of the head of the agency
 * (`office.headTitle`, the name of the officer who recorded the apology). The agency is the
 * office's agency unless `options.agency` names the competent agency.
 * @throws `MotcuaError` `FORM_NOT_APPLICABLE` when the dossier has no apology.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { apologyForm, renderApologyHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * // after an APOLOGIZE: the letter of apology with the new return date (Form 04)
 * const html = renderApologyHtml(apologyForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function apologyForm(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: ApologyFormOptions = {},
): ApologyForm {
  const source = formSource(definition, context, office, calendar);
  const apology = context.apology;
  if (!apology) throw notApplicable(context, 'apology', 'the dossier has no apology');
  const regime = context.procedure.regime;
  const agency = options.agency?.name ?? source.office.agencyName;
  const newDue = formDateTime(apology.newDue, calendar);
  const receivedDate = formDate(context.receivedAt, calendar);
  const lateStatement =
    regime === '2025'
      ? `Tuy nhiên, ${agency} chưa thể trả kết quả giải quyết hồ sơ của ông (bà)/tổ chức đúng thời hạn nêu trên.`
      : `Tuy nhiên đến nay, ${agency} chưa trả được kết quả giải quyết hồ sơ của ông (bà)/tổ chức.`;
  const apologyStatement =
    regime === '2025'
      ? `${agency} xin lỗi ông (bà)/tổ chức vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ đến ${newDue.text}.`
      : `Sự chậm trễ này đã gây phiền hà cho ông (bà)/tổ chức, ${agency} xin lỗi ông (bà)/tổ chức và sẽ trả kết quả giải quyết hồ sơ cho ông (bà)/tổ chức vào ${newDue.text}.`;
  return {
    kind: 'apology',
    ...formIdentity(source, 'apology', options.numbering),
    header: {
      ...agencyHeader(source, options.issuedAt ?? apology.at, options.number ?? null),
      ...(options.agency ? { parent: options.agency.parent, issuer: options.agency.name } : {}),
    },
    addressee: context.applicant.organisation ?? context.applicant.fullName,
    applicant: formApplicant(context.applicant, regime, calendar),
    receivedDate,
    receiptStatement: `N${receivedDate.text.slice(1)}, ${agency} tiếp nhận hồ sơ đề nghị ${definition.name.vi} của ông (bà)/tổ chức.`,
    agency,
    request: definition.name.vi,
    code: context.code,
    previousDue: formDateTime(apology.previousDue, calendar),
    lateStatement,
    reason: apology.reason,
    apologyStatement,
    newDue,
    apologizedAt: formDateTime(apology.at, calendar),
    closing: 'Xin trân trọng cảm ơn sự hợp tác của ông (bà)/tổ chức./.',
    signature: {
      title: options.signerTitle ?? source.office.headTitle,
      hint: '(Ký, ghi rõ họ tên và đóng dấu)',
      name: apology.by.name ?? null,
    },
  };
}
