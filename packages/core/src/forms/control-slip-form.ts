import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DossierContext } from '../model/dossier-context.js';
import { personal } from '../model/personal-data.js';
import { type SlipParty, SlipRowKindSchema } from '../model/slip-row.js';
import { TimelinessSchema } from '../model/timeliness.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { APPLICANT_PARTY } from '../procedure/lifecycle-env.js';
import {
  deskHeader,
  FormDateTimeSchema,
  type FormOptions,
  FormResultDocumentSchema,
  filerName,
  formBaseShape,
  formDateTime,
  formIdentity,
  formResultDocument,
  formSource,
  TIMELINESS_VI,
} from './form-common.js';
import type { OfficeInfoInput } from './office-info.js';

/** One side of a handover as printed: the unit ("1. Giao: …" / "2. Nhận: …") and the officer who signs. */
export const ControlSlipPartySchema = z
  .object({ unit: z.string(), officer: personal(z.string(), 'name').nullable() })
  .strict();

/**
 * One handover block of the control slip: "1. Giao" / "2. Nhận", the time, the result of the step
 * the giver closes (Trước hạn / Đúng hạn / Quá hạn) and a note.
 */
export const ControlSlipBlockSchema = z
  .object({
    seq: z.number().int().positive(),
    kind: SlipRowKindSchema,
    giver: ControlSlipPartySchema,
    receiver: ControlSlipPartySchema,
    at: FormDateTimeSchema,
    /** Name of the step the giver closes, if any. */
    step: z.string().nullable(),
    /** Due time of that step (or of the dossier, for the return). */
    due: FormDateTimeSchema.nullable(),
    result: TimelinessSchema.nullable(),
    /** "Trước hạn" / "Đúng hạn" / "Quá hạn". */
    resultText: z.string().nullable(),
    note: z.string(),
  })
  .strict();
/** See {@link ControlSlipBlockSchema}. */
export type ControlSlipBlock = z.infer<typeof ControlSlipBlockSchema>;

/**
 * The control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ; Form 05 of 2018, 06 of 2025), as
 * data: its header and one block per handover.
 */
export const ControlSlipFormSchema = z
  .object({
    kind: z.literal('controlSlip'),
    ...formBaseShape,
    code: z.string(),
    /** "Kèm theo hồ sơ của". */
    attachedTo: personal(z.string(), 'name'),
    receivedAt: FormDateTimeSchema,
    /** The due time in force (moved by an apology). */
    dueAt: FormDateTimeSchema,
    /** The due time before an apology moved it, if one did. */
    originalDueAt: FormDateTimeSchema.nullable(),
    /** Cơ quan (bộ phận) giải quyết hồ sơ. */
    leadAgency: z.string(),
    /** Cơ quan phối hợp giải quyết hồ sơ (units of other agencies in the process). */
    coordinatingAgencies: z.array(z.string()),
    /** Processing finished (Đã xử lý xong): the result came back to the desk; `null` until then. */
    finishedAt: FormDateTimeSchema.nullable(),
    /** The result documents issued (number and symbol, issue date), in order. */
    results: z.array(FormResultDocumentSchema),
    blocks: z.array(ControlSlipBlockSchema),
  })
  .strict();
/** See {@link ControlSlipFormSchema}. */
export type ControlSlipForm = z.infer<typeof ControlSlipFormSchema>;

/**
 * Builds the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ; Form 05 under 2018, 06 under
 * 2025) from `context.slip`: header (agency, Mã hồ sơ, "Kèm theo hồ sơ của", received at, due at,
 * lead and coordinating agencies, once there: the processing-finished instant and the result
 * documents with their number, symbol and issue date) and one block per row: "1. Giao: <giver>" / "2. Nhận: <receiver>",
 * the time, the step result recorded by the receiving side, and the note. Rows to or from the
 * applicant (supplementation, return of the result) name the applicant as the signing party.
 * @throws `MotcuaError` `FORM_SOURCE_MISMATCH` when the dossier is not of this procedure version.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { controlSlipForm, renderControlSlipHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const slip = controlSlipForm(definition, record.context, office, engine.calendar); // phiếu kiểm soát
 * const html = renderControlSlipHtml(slip);
 * ```
 */
export function controlSlipForm(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: FormOptions = {},
): ControlSlipForm {
  const source = formSource(definition, context, office, calendar);
  const applicantName = filerName(context.applicant);
  const party = (p: SlipParty) => ({
    unit: p.unitName,
    officer: p.officerName ?? (p.unitId === APPLICANT_PARTY.unitId ? applicantName : null),
  });
  const stepName = (id: string | undefined) =>
    id === undefined ? null : (definition.steps.find((s) => s.id === id)?.name ?? id);
  const others = new Set<string>();
  for (const unit of Object.values(definition.units)) {
    if (unit.agency && unit.agency !== definition.agency) others.add(unit.agency);
  }
  return {
    kind: 'controlSlip',
    ...formIdentity(source, 'controlSlip', options.numbering),
    header: deskHeader(source, options.issuedAt ?? null),
    code: context.code,
    attachedTo: context.applicant.organisation ?? context.applicant.fullName,
    receivedAt: formDateTime(context.receivedAt, calendar),
    dueAt: formDateTime(context.due.current, calendar),
    originalDueAt: context.apology ? formDateTime(context.apology.previousDue, calendar) : null,
    leadAgency: definition.agency,
    coordinatingAgencies: [...others],
    finishedAt: context.finishedAt ? formDateTime(context.finishedAt, calendar) : null,
    results: (context.results ?? []).map((d) => formResultDocument(d, calendar)),
    blocks: context.slip.map((row) => ({
      seq: row.seq,
      kind: row.kind,
      giver: party(row.from),
      receiver: party(row.to),
      at: formDateTime(row.at, calendar),
      step: stepName(row.stepId),
      due: row.due ? formDateTime(row.due, calendar) : null,
      result: row.result ?? null,
      resultText: row.result ? TIMELINESS_VI[row.result] : null,
      note: row.note,
    })),
  };
}
