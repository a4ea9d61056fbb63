import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { type Regime, RegimeSchema } from '../model/channel.js';
import type { DossierContext, Outcome } from '../model/dossier-context.js';
import { personal } from '../model/personal-data.js';
import { TimelinessSchema } from '../model/timeliness.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { parseOrThrow } from '../validation/zod-issues.js';
import {
  FormDateTimeSchema,
  type FormHeader,
  FormHeaderSchema,
  FormResultDocumentSchema,
  formDateTime,
  formResultDocument,
  formSource,
  TIMELINESS_VI,
} from './form-common.js';
import { formNumber, formTitle } from './form-numbers.js';
import { type OfficeInfoInput, OfficeInfoSchema } from './office-info.js';
import { formatPlaceDate } from './vietnamese-date.js';

/**
 * One row of the tracking book (Sổ theo dõi hồ sơ): STT, dossier code, procedure, applicant,
 * address and phone, lead agency, received, due, returned, how the result was collected, and notes.
 * The receipt-signature column ("Ký nhận") is left blank for paper books.
 */
export const TrackingBookRowSchema = z
  .object({
    no: z.number().int().positive(),
    code: z.string(),
    procedure: z.string(),
    applicant: personal(z.string(), 'name'),
    /** Address and phone, joined. */
    addressPhone: personal(z.string(), 'other'),
    leadAgency: z.string(),
    receivedAt: FormDateTimeSchema,
    /** The due time in force (an apology moves it; the old one is in `note`). */
    dueAt: FormDateTimeSchema,
    /** Processing finished (Đã xử lý xong): the result came back to the desk, kept apart from the return. */
    finishedAt: FormDateTimeSchema.nullable(),
    /** When the result (or the refusal, stop notice…) was handed over. */
    returnedAt: FormDateTimeSchema.nullable(),
    /**
     * How the result was collected: "Trực tiếp", "Qua dịch vụ bưu chính công ích", "Trực tuyến",
     * then who collected it, the postal item and whether the originals went back, when recorded.
     */
    delivery: z.string().nullable(),
    /** Trước hạn / đúng hạn / quá hạn against the legal due time, once closed. */
    result: TimelinessSchema.nullable(),
    /** The result documents issued (number and symbol, issue date); printed in the notes column. */
    results: z.array(FormResultDocumentSchema),
    note: z.string(),
  })
  .strict();
/** See {@link TrackingBookRowSchema}. */
export type TrackingBookRow = z.infer<typeof TrackingBookRowSchema>;

/** The tracking book (Sổ theo dõi hồ sơ; Form 06 of 2018, 07 of 2025) as a list of rows. */
export const TrackingBookFormSchema = z
  .object({
    kind: z.literal('trackingBook'),
    regime: RegimeSchema,
    numbering: RegimeSchema,
    number: z.string().regex(/^\d{2}$/),
    title: z.string(),
    header: FormHeaderSchema,
    /** The register's name (and volume). */
    book: z.string(),
    /** E.g. "Năm 2026", or `null`. */
    period: z.string().nullable(),
    rows: z.array(TrackingBookRowSchema),
  })
  .strict();
/** See {@link TrackingBookFormSchema}. */
export type TrackingBookForm = z.infer<typeof TrackingBookFormSchema>;

const DELIVERY_VI: Record<string, string> = {
  'in-person': 'Trực tiếp',
  postal: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
};

const CLOSED_VI: Record<Outcome['kind'], string> = {
  returned: 'Đã trả kết quả',
  refused: 'Từ chối',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng giải quyết',
  expired: 'Quá hạn bổ sung, đóng hồ sơ',
  'not-accepted': 'Không được tiếp nhận',
};

function noteOf(context: DossierContext, calendar: WorkingCalendar): string {
  const parts: string[] = [];
  if (context.supplements.length > 0) parts.push(`Bổ sung hồ sơ: ${context.supplements.length} lần`);
  if (context.apology) {
    parts.push(`Hẹn lại (hẹn cũ ${formDateTime(context.apology.previousDue, calendar).short})`);
  }
  const outcome = context.outcome;
  if (outcome) {
    const what = CLOSED_VI[outcome.kind];
    parts.push(
      outcome.result ? `${what}, ${TIMELINESS_VI[outcome.result].toLowerCase()}` : what,
      ...(outcome.kind === 'returned' ? [] : outcome.reasons),
    );
  } else parts.push(context.pause ? 'Chờ bổ sung' : 'Đang giải quyết');
  return parts.join('; ');
}

/**
 * How the result was collected, as the book prints it: the way ("Trực tiếp", …), then who collected
 * it (the applicant or an authorised representative, by name), the postal item, and whether the
 * originals went back.
 */
function deliveryText(outcome: DossierContext['outcome']): string | null {
  if (!outcome?.delivery) return null;
  const parts = [DELIVERY_VI[outcome.delivery] ?? outcome.delivery];
  const h = outcome.handover;
  if (h) {
    if (h.collectedBy === 'representative') {
      parts.push(`người được ủy quyền nhận${h.collectorName ? `: ${h.collectorName}` : ''}`);
    } else if (h.collectedBy === 'applicant' && h.collectorName) parts.push(`người nhận: ${h.collectorName}`);
    if (h.postal) parts.push(`${h.postal.service}, số hiệu ${h.postal.trackingNumber}`);
    if (h.originalsReturned) parts.push('đã trả bản gốc');
  }
  return parts.join('; ');
}

/** Options of {@link trackingBookRow}. */
export interface TrackingBookRowOptions {
  /** STT (default 1). */
  readonly no?: number;
}

/**
 * Builds one row of the tracking book (dòng Sổ theo dõi hồ sơ) for a dossier: STT, dossier code,
 * procedure, applicant, address/phone, lead agency, received, due (in force), processing finished,
 * returned, how the result was collected, its timeliness, the result documents issued and a note
 * (supplementations, apology, outcome).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { trackingBookRow } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const row = trackingBookRow(definition, record.context, office, engine.calendar); // one line of the book
 * ```
 */
export function trackingBookRow(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: TrackingBookRowOptions = {},
): TrackingBookRow {
  formSource(definition, context, office, calendar);
  const a = context.applicant;
  const outcome = context.outcome;
  return {
    no: options.no ?? 1,
    code: context.code,
    procedure: definition.name.vi,
    applicant: a.organisation ? `${a.organisation} (${a.fullName})` : a.fullName,
    addressPhone: [a.address, a.phone].filter((x): x is string => !!x).join('; '),
    leadAgency: definition.agency,
    receivedAt: formDateTime(context.receivedAt, calendar),
    dueAt: formDateTime(context.due.current, calendar),
    finishedAt: context.finishedAt ? formDateTime(context.finishedAt, calendar) : null,
    returnedAt: outcome ? formDateTime(outcome.at, calendar) : null,
    delivery: deliveryText(outcome),
    result: outcome?.result ?? null,
    results: (context.results ?? []).map((d) => formResultDocument(d, calendar)),
    note: noteOf(context, calendar),
  };
}

/** One dossier of a tracking book: the procedure version it was received under, and its context. */
export interface TrackingBookEntry {
  readonly definition: ProcedureDefinition;
  readonly context: DossierContext;
}

/** Options of {@link trackingBookForm}. */
export interface TrackingBookOptions {
  /** Print the number under this regime's numbering (default: `regime`). */
  readonly numbering?: Regime;
  /** Period printed under the title, e.g. `'Năm 2026'`. */
  readonly period?: string;
  /** STT of the first row (default 1): entries run through the year, continuing into a new book. */
  readonly startNo?: number;
  /** Date of the letterhead (default none). */
  readonly issuedAt?: Date | string;
}

/**
 * Builds the tracking book (Sổ theo dõi hồ sơ; Form 06 under 2018, 07 under 2025) as a list of
 * rows, one per dossier, numbered from `startNo` in the order given.
 * @param regime the regime the book is kept under (its number and title).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderTrackingBookHtml, trackingBookForm } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * // the register of dossiers received (sổ theo dõi hồ sơ), one row per dossier
 * const book = trackingBookForm('2025', [{ definition, context: record.context }], office, engine.calendar, {
 *   period: 'Tháng 3 năm 2026',
 * });
 * const html = renderTrackingBookHtml(book);
 * ```
 */
export function trackingBookForm(
  regime: Regime,
  entries: readonly TrackingBookEntry[],
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
  options: TrackingBookOptions = {},
): TrackingBookForm {
  const o = parseOrThrow(OfficeInfoSchema, office, 'office');
  const numbering = options.numbering ?? regime;
  const number = formNumber(numbering, 'trackingBook');
  if (!number)
    throw new MotcuaError('FORM_NOT_APPLICABLE', 'no tracking book number', { field: 'numbering' });
  const start = options.startNo ?? 1;
  const header: FormHeader = {
    parent: o.agencyName,
    issuer: o.deskName,
    placeDate: options.issuedAt ? formatPlaceDate(o.placeName, options.issuedAt, calendar) : null,
  };
  return {
    kind: 'trackingBook',
    regime,
    numbering,
    number,
    title: formTitle(regime, 'trackingBook'),
    header,
    book: o.registerVolume ? `${o.registerBook}, quyển số ${o.registerVolume}` : o.registerBook,
    period: options.period ?? null,
    rows: entries.map((e, i) => trackingBookRow(e.definition, e.context, o, calendar, { no: start + i })),
  };
}
