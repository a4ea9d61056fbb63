import { z } from 'zod';
import { LocalDateSchema } from '../calendar/schedule-schema.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { InstantSchema, toInstant } from '../model/actor.js';
import { type Applicant, ApplicantKindSchema } from '../model/applicant.js';
import { type Regime, RegimeSchema } from '../model/channel.js';
import { type ComponentRecord, ComponentSourceSchema } from '../model/dossier-component.js';
import type { DossierContext } from '../model/dossier-context.js';
import { personal } from '../model/personal-data.js';
import type { ResultDocument } from '../model/result-document.js';
import type { Timeliness } from '../model/timeliness.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { parseOrThrow } from '../validation/zod-issues.js';
import { type FormKind, formNumber, formTitle } from './form-numbers.js';
import { type OfficeInfo, type OfficeInfoInput, OfficeInfoSchema } from './office-info.js';
import {
  formatPlaceDate,
  formatShortDateTime,
  formatVietnameseDate,
  formatVietnameseDateTime,
} from './vietnamese-date.js';

/** An instant as printed: the ISO instant, the long Vietnamese text and a short cell text. */
export const FormDateTimeSchema = z
  .object({
    at: InstantSchema,
    /** `"10 giờ 05 phút, ngày 12 tháng 02 năm 2026"`. */
    text: z.string(),
    /** `"10:05 12/02/2026"`. */
    short: z.string(),
  })
  .strict();
/** See {@link FormDateTimeSchema}. */
export type FormDateTime = z.infer<typeof FormDateTimeSchema>;

/** A local date as printed: `'YYYY-MM-DD'` and `"ngày 12 tháng 02 năm 2026"`. */
export const FormDateSchema = z.object({ date: LocalDateSchema, text: z.string() }).strict();
/** See {@link FormDateSchema}. */
export type FormDate = z.infer<typeof FormDateSchema>;

/**
 * The letterhead: the issuer's block on the left (governing body or agency on the first line, the
 * issuer in bold on the second), the national motto on the right (added by the renderer), the
 * document number and the place-and-date line.
 */
export const FormHeaderSchema = z
  .object({
    parent: z.string(),
    issuer: z.string(),
    /** "Số: …"; `null` prints a blank to fill by hand; absent on forms that carry no number. */
    number: z.string().nullable().optional(),
    /** `"Hưng Nguyên, ngày 12 tháng 02 năm 2026"`, or `null` on forms without one. */
    placeDate: z.string().nullable(),
  })
  .strict();
/** See {@link FormHeaderSchema}. */
export type FormHeader = z.infer<typeof FormHeaderSchema>;

/** A signature block: title, hint in brackets, and the name printed under the space to sign. */
export const FormSignatureSchema = z
  .object({ title: z.string(), hint: z.string(), name: z.string().nullable() })
  .strict();
/** See {@link FormSignatureSchema}. */
export type FormSignature = z.infer<typeof FormSignatureSchema>;

/**
 * The applicant as printed. Personal fields keep their `personal()` tags, so
 * `maskPersonalData(SomeFormSchema, form)` masks a form before it goes anywhere but the printer.
 * `kind` and `organisation` are printed under both regimes; `idNumber`, `organisationCode` and
 * `representative` under the 2025 regime only (its forms add the personal or organisation ID
 * number and the authorised person).
 */
export const FormApplicantSchema = z
  .object({
    /** Who files (đối tượng thực hiện): `citizen` when the dossier does not say. */
    kind: ApplicantKindSchema,
    fullName: personal(z.string(), 'name'),
    organisation: z.string().nullable(),
    idNumber: personal(z.string(), 'id-number').nullable(),
    /** 2025: the enterprise's or household business's code (mã số doanh nghiệp / mã số thuế). */
    organisationCode: personal(z.string(), 'id-number').nullable(),
    address: personal(z.string(), 'address').nullable(),
    phone: personal(z.string(), 'phone').nullable(),
    email: personal(z.string(), 'email').nullable(),
    /** 2025: the person filing under an authorisation (người được ủy quyền). */
    representative: z
      .object({
        fullName: personal(z.string(), 'name'),
        idNumber: personal(z.string(), 'id-number').nullable(),
        /** The authorisation (văn bản ủy quyền): its number or description, and its date. */
        authorisation: z
          .object({ document: z.string(), date: FormDateSchema.nullable() })
          .strict()
          .nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();
/** See {@link FormApplicantSchema}. */
export type FormApplicant = z.infer<typeof FormApplicantSchema>;

/** Đối tượng thực hiện, as printed. */
export const APPLICANT_KIND_VI: Record<FormApplicant['kind'], string> = {
  citizen: 'Cá nhân',
  enterprise: 'Doanh nghiệp',
  'household-business': 'Hộ kinh doanh',
  agency: 'Cơ quan nhà nước',
  other: 'Tổ chức khác',
};

/**
 * How a dossier component (thành phần hồ sơ) was satisfied, as printed beside it: the source
 * (paper, reused, the national document store, a database lookup), whether it was digitised,
 * whether it is satisfied (a lookup that found nothing leaves the paper to bring), and the text.
 */
export const FormComponentSchema = z
  .object({
    source: ComponentSourceSchema,
    digitised: z.boolean(),
    satisfied: z.boolean(),
    /** E.g. `"Bản giấy, đã số hóa"`, `"Khai thác từ Cơ sở dữ liệu quốc gia về dân cư"`. */
    text: z.string(),
  })
  .strict();
/** See {@link FormComponentSchema}. */
export type FormComponent = z.infer<typeof FormComponentSchema>;

/**
 * A result document as printed (giấy tờ kết quả): title, number and symbol (`"125/QĐ-UBND"`), issue
 * date, issuing body, and the one-line text the forms print.
 */
export const FormResultDocumentSchema = z
  .object({
    title: z.string(),
    /** Số, ký hiệu: `"125/QĐ-UBND"`, or the number alone. */
    numberSymbol: z.string(),
    issuedOn: FormDateSchema,
    issuingBody: z.string(),
    /** `"Giấy chứng nhận …, số 125/QĐ-UBND ngày 05/03/2026"`. */
    text: z.string(),
  })
  .strict();
/** See {@link FormResultDocumentSchema}. */
export type FormResultDocument = z.infer<typeof FormResultDocumentSchema>;

/** Fields every form carries: what it is, under which rules, and how it is numbered. */
export const formBaseShape = {
  /** The dossier's regime: decides the content (e.g. 2025 forms print the ID number). */
  regime: RegimeSchema,
  /** The numbering the form number follows (usually the same as `regime`). */
  numbering: RegimeSchema,
  /** "Mẫu số …", e.g. `'01'`. */
  number: z.string().regex(/^\d{2}$/),
  title: z.string(),
  header: FormHeaderSchema,
};

/** Options every form builder takes. */
export interface FormOptions {
  /**
   * Print the form number under this regime's numbering (default: the dossier's regime). Use
   * `'2018'` where a 2025 dossier's forms are still numbered the old way.
   */
  readonly numbering?: Regime;
  /** Date of the letterhead (default: the event the form records). */
  readonly issuedAt?: Date | string;
}

/** Everything a form builder reads: the procedure version, the dossier, the office, the calendar. */
export interface FormSource {
  readonly definition: ProcedureDefinition;
  readonly context: DossierContext;
  readonly office: OfficeInfo;
  readonly calendar: WorkingCalendar;
}

/**
 * Checks that the dossier belongs to the procedure version and parses the office info.
 * @throws `MotcuaError` `FORM_SOURCE_MISMATCH`; `ValidationError` for bad office info.
 */
export function formSource(
  definition: ProcedureDefinition,
  context: DossierContext,
  office: OfficeInfoInput,
  calendar: WorkingCalendar,
): FormSource {
  const p = context.procedure;
  if (p.code !== definition.code || p.version !== definition.version || p.regime !== definition.regime) {
    throw new MotcuaError(
      'FORM_SOURCE_MISMATCH',
      `dossier ${context.code} was received under ${p.code}@${p.version} (${p.regime}), not ${definition.code}@${definition.version} (${definition.regime})`,
      { field: 'definition', value: `${definition.code}@${definition.version}` },
    );
  }
  return { definition, context, office: parseOrThrow(OfficeInfoSchema, office, 'office'), calendar };
}

/** The error thrown when a dossier has nothing a form could be built from. */
export function notApplicable(context: DossierContext, kind: FormKind, reason: string): MotcuaError {
  return new MotcuaError('FORM_NOT_APPLICABLE', `dossier ${context.code}: no ${kind} form — ${reason}`, {
    field: 'context',
    value: kind,
  });
}

/** Regime, numbering, number and title of a form, or a `FORM_NOT_APPLICABLE` error. */
export function formIdentity(
  source: FormSource,
  kind: FormKind,
  numbering: Regime | undefined,
): { regime: Regime; numbering: Regime; number: string; title: string } {
  const regime = source.context.procedure.regime;
  const by = numbering ?? regime;
  const number = formNumber(by, kind);
  if (!number) throw notApplicable(source.context, kind, `the ${by} numbering has no such form`);
  return { regime, numbering: by, number, title: formTitle(regime, kind) };
}

/** An instant as printed. */
export function formDateTime(at: Date | string, calendar: WorkingCalendar): FormDateTime {
  const date = at instanceof Date ? at : new Date(at);
  return {
    at: toInstant(date),
    text: formatVietnameseDateTime(date, calendar),
    short: formatShortDateTime(date, calendar),
  };
}

/** The local date of an instant (or a local date `'YYYY-MM-DD'` itself), as printed. */
export function formDate(at: Date | string, calendar: WorkingCalendar): FormDate {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) {
    return { date: at, text: formatVietnameseDate(at, calendar) };
  }
  const date = at instanceof Date ? at : new Date(at);
  return { date: calendar.localDate(date), text: formatVietnameseDate(date, calendar) };
}

/** Letterhead of a form the one-stop desk issues: the agency above, the desk in bold. */
export function deskHeader(source: FormSource, at: Date | string | null, number?: string | null): FormHeader {
  const { office, calendar } = source;
  return {
    parent: office.agencyName,
    issuer: office.deskName,
    ...(number === undefined ? {} : { number }),
    placeDate: at === null ? null : formatPlaceDate(office.placeName, at, calendar),
  };
}

/** Letterhead of a form the agency issues (Form 04): the governing body above, the agency in bold. */
export function agencyHeader(source: FormSource, at: Date | string, number: string | null): FormHeader {
  const { office, calendar } = source;
  return {
    parent: office.governingBody,
    issuer: office.agencyName,
    number,
    placeDate: formatPlaceDate(office.placeName, at, calendar),
  };
}

/** `dd/mm/yyyy` of a local date. */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** The applicant as printed under `regime` (2025: ID numbers and the representative with the authorisation). */
export function formApplicant(
  applicant: Applicant,
  regime: Regime,
  calendar: WorkingCalendar,
): FormApplicant {
  const with2025 = regime === '2025';
  const kind = applicant.kind ?? 'citizen';
  const taxCode = applicant.documents?.find((d) => d.type === 'tax-code')?.number;
  const r = applicant.representative;
  return {
    kind,
    fullName: applicant.fullName,
    organisation: applicant.organisation ?? null,
    idNumber: with2025 ? (applicant.idNumber ?? null) : null,
    organisationCode: with2025 && kind !== 'citizen' ? (taxCode ?? null) : null,
    address: applicant.address ?? null,
    phone: applicant.phone ?? null,
    email: applicant.email ?? null,
    representative:
      with2025 && r
        ? {
            fullName: r.fullName,
            idNumber: r.idNumber ?? null,
            authorisation: r.authorisation
              ? {
                  document: r.authorisation.document,
                  date: r.authorisation.date ? formDate(r.authorisation.date, calendar) : null,
                }
              : null,
          }
        : null,
  };
}

const DATABASE_ANSWER_VI = {
  'not-found': 'không có dữ liệu',
  unavailable: 'không kết nối được',
} as const;

/** How a component was satisfied, as printed (see {@link FormComponentSchema}). */
export function formComponent(c: ComponentRecord): FormComponent {
  let text: string;
  switch (c.source) {
    case 'paper':
      text = c.digitised ? 'Bản giấy, đã số hóa' : 'Bản giấy';
      break;
    case 'reused': {
      const from = c.reusedFrom;
      const what = [
        from?.documentNumber ? `số ${from.documentNumber}` : '',
        from?.dossierCode ? `của hồ sơ ${from.dossierCode}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      text = `Tái sử dụng kết quả, giấy tờ đã số hóa${what ? ` (${what})` : ''}`;
      break;
    }
    case 'national-store':
      text = 'Lấy từ Kho quản lý dữ liệu điện tử của tổ chức, cá nhân';
      break;
    case 'database': {
      const db = c.database;
      const name = db?.name ?? db?.code ?? 'cơ sở dữ liệu';
      text =
        !db || db.answer === 'found'
          ? `Khai thác từ ${name}`
          : `Tra cứu ${name}: ${DATABASE_ANSWER_VI[db.answer]}; nộp bản giấy`;
      break;
    }
  }
  return { source: c.source, digitised: c.digitised, satisfied: c.satisfied, text };
}

/** A result document as printed (see {@link FormResultDocumentSchema}). */
export function formResultDocument(d: ResultDocument, calendar: WorkingCalendar): FormResultDocument {
  const numberSymbol = d.symbol ? `${d.number}/${d.symbol}` : d.number;
  return {
    title: d.title,
    numberSymbol,
    issuedOn: formDate(d.issuedOn, calendar),
    issuingBody: d.issuingBody,
    text: `${d.title}, số ${numberSymbol} ngày ${shortDate(d.issuedOn)}`,
  };
}

/** Who signs as the person who filed: the representative when there is one, else the applicant. */
export function filerName(applicant: Applicant): string {
  return applicant.representative?.fullName ?? applicant.fullName;
}

/** Trước hạn / Đúng hạn / Quá hạn. */
export const TIMELINESS_VI: Record<Timeliness, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
};

/** The usual hint under a signature. */
export const SIGN_HINT = '(Ký và ghi rõ họ tên)';
