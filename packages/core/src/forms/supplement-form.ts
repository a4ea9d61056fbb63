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
 * Form 02, the request to supplement and complete a dossier (Phiếu yêu cầu bổ sung, hoàn thiện hồ
 * sơ), as data: one complete list of what to add or fix, the reason, and whom to contact.
 */
export const SupplementFormSchema = z
  .object({
    kind: z.literal('supplement'),
    ...formBaseShape,
    code: z.string(),
    /** "Hồ sơ của". */
    applicant: FormApplicantSchema,
    request: z.string(),
    /** Which request of the dossier this is (1 = the first). */
    requestNo: z.number().int().positive(),
    requestedAt: FormDateTimeSchema,
    /** The applicant must answer by then, when the procedure sets a limit. */
    respondBy: FormDateTimeSchema.nullable(),
    /** The numbered items to add or fix. */
    items: z.array(
      z.object({ no: z.number().int().positive(), name: z.string(), note: z.string().nullable() }),
    ),
    reason: z.string(),
    /** Officer to contact while completing the dossier. */
    contact: z
      .object({ officerName: z.string().nullable(), unit: z.string(), phone: z.string().nullable() })
      .strict(),
    signature: FormSignatureSchema,
  })
  .strict();
/** See {@link SupplementFormSchema}. */
export type SupplementForm = z.infer<typeof SupplementFormSchema>;

/** Options of {@link supplementForm}. */
export interface SupplementFormOptions extends FormOptions {
  /** Which request (0-based index in `context.supplements`; default the last). */
  readonly supplementIndex?: number;
  /** Slip number ("Số: …"); default left blank to fill by hand. */
  readonly number?: string;
  /** Phone of the officer to contact (default: the desk's phone). */
  readonly contactPhone?: string;
}

/**
 * Builds Form 02, the request to supplement and complete a dossier (Phiếu yêu cầu bổ sung, hoàn
 * thiện hồ sơ), from a supplementation record of the dossier: slip number and date, "Hồ sơ của"
 * (applicant, address, phone, email), the request, the numbered items, the reason, the officer to
 * contact, and the signature of the officer who gives the guidance ("Người hướng dẫn").
 * @throws `MotcuaError` `FORM_NOT_APPLICABLE` when the dossier has no such request;
 * `FORM_SOURCE_MISMATCH` when it is not of this procedure version.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderSupplementHtml, supplementForm } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * // after a REQUEST_SUPPLEMENT: the request to complete the dossier (Form 02)
 * const html = renderSupplementHtml(supplementForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function supplementForm(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: SupplementFormOptions = {},
): SupplementForm {
  const source = formSource(definition, context, office, calendar);
  const index = options.supplementIndex ?? context.supplements.length - 1;
  const record = context.supplements[index];
  if (!record) throw notApplicable(context, 'supplement', `no supplementation request #${index + 1}`);
  const unit = definition.units[record.requestedBy.unitId]?.name ?? record.requestedBy.unitId;
  return {
    kind: 'supplement',
    ...formIdentity(source, 'supplement', options.numbering),
    header: deskHeader(source, options.issuedAt ?? record.requestedAt, options.number ?? null),
    code: context.code,
    applicant: formApplicant(context.applicant, context.procedure.regime, calendar),
    request: definition.name.vi,
    requestNo: index + 1,
    requestedAt: formDateTime(record.requestedAt, calendar),
    respondBy: record.respondBy ? formDateTime(record.respondBy, calendar) : null,
    items: record.items.map((item, i) => ({ no: i + 1, name: item.name, note: item.note ?? null })),
    reason: record.reason,
    contact: {
      officerName: record.requestedBy.name ?? null,
      unit,
      phone: options.contactPhone ?? source.office.phone ?? null,
    },
    signature: { title: 'NGƯỜI HƯỚNG DẪN', hint: SIGN_HINT, name: record.requestedBy.name ?? null },
  };
}
