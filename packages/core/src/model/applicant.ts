import { z } from 'zod';
import { personal } from './personal-data.js';

/**
 * Who files (đối tượng thực hiện): a citizen (cá nhân), an enterprise (doanh nghiệp), a household
 * business (hộ kinh doanh), a state agency (cơ quan nhà nước) or another organisation. Each target
 * system codes these differently (the portal, ministry adapters): its connector maps them.
 */
export const ApplicantKindSchema = z.enum(['citizen', 'enterprise', 'household-business', 'agency', 'other']);
/** See {@link ApplicantKindSchema}. */
export type ApplicantKind = z.infer<typeof ApplicantKindSchema>;

/** Kinds of identity documents (giấy tờ tùy thân, mã số) an applicant or representative gives. */
export const IdentityDocumentTypeSchema = z.enum(['personal-id', 'legacy-id', 'passport', 'tax-code']);
/** See {@link IdentityDocumentTypeSchema}. */
export type IdentityDocumentType = z.infer<typeof IdentityDocumentTypeSchema>;

/** The shape of each identity document's number. */
const DOCUMENT_NUMBER: Record<IdentityDocumentType, { readonly pattern: RegExp; readonly expected: string }> =
  {
    // Số định danh cá nhân (Law on Identification 2023): 12 digits.
    'personal-id': { pattern: /^\d{12}$/, expected: '12 digits' },
    // Chứng minh nhân dân (the 9-digit card issued before 2016).
    'legacy-id': { pattern: /^\d{9}$/, expected: '9 digits' },
    // Vietnamese passports: a letter and 7 digits; foreign ones vary.
    passport: { pattern: /^[A-Z0-9]{5,20}$/, expected: '5 to 20 capital letters or digits' },
    // Mã số thuế / mã số doanh nghiệp: 10 digits, or 10-3 for a branch.
    'tax-code': { pattern: /^\d{10}(-\d{3})?$/, expected: '10 digits, or 10 digits, a hyphen and 3 digits' },
  };

/**
 * An identity document: its type and number (masked as personal data), optionally who issued it
 * and when. The number is checked against the type (12 digits for a personal ID, …).
 */
export const IdentityDocumentSchema = z
  .object({
    type: IdentityDocumentTypeSchema,
    number: personal(z.string().min(1).max(32), 'id-number'),
    /** Issuing authority (nơi cấp). */
    issuedBy: z.string().min(1).max(200).optional(),
    /** Issue date (ngày cấp), `YYYY-MM-DD`. */
    issuedOn: z.iso.date().optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const rule = DOCUMENT_NUMBER[doc.type];
    if (!rule.pattern.test(doc.number)) {
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: `expected ${rule.expected} for ${doc.type}`,
      });
    }
  });
/** See {@link IdentityDocumentSchema}. */
export type IdentityDocument = z.output<typeof IdentityDocumentSchema>;

const idNumber = () => personal(z.string().regex(/^\d{12}$/, 'expected 12 digits'), 'id-number');

/**
 * The person who files on the applicant's behalf under an authorisation (người được ủy quyền): a
 * party of its own, with its own identity and contact data, all masked as personal data.
 * `defineProcedure`'s `representation: 'not-allowed'` refuses it at receipt.
 */
export const RepresentativeSchema = z
  .object({
    fullName: personal(z.string().min(1), 'name'),
    /** Personal ID number (số định danh cá nhân), 12 digits. */
    idNumber: idNumber().optional(),
    /** Other identity documents (a passport, a legacy ID). */
    documents: z.array(IdentityDocumentSchema).max(5).optional(),
    phone: personal(z.string().min(1), 'phone').optional(),
    address: personal(z.string().min(1), 'address').optional(),
    /** The authorisation (giấy ủy quyền / văn bản ủy quyền): its number or description, and date. */
    authorisation: z
      .object({
        document: z.string().min(1).max(200),
        /** `YYYY-MM-DD`. */
        date: z.iso.date().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/** See {@link RepresentativeSchema}. */
export type Representative = z.output<typeof RepresentativeSchema>;

/**
 * The applicant (người nộp hồ sơ / tổ chức, cá nhân), as printed on the forms and reported to the
 * national portal. Every field that identifies a person is tagged as personal data and masked in
 * logs, errors and public lookups.
 *
 * @example
 * ```ts
 * import { ApplicantSchema } from '@motcua/core';
 * ApplicantSchema.parse({
 *   kind: 'household-business',
 *   fullName: 'Phạm Thị Dung',
 *   organisation: 'Hộ kinh doanh Tạp hóa Dung',
 *   documents: [{ type: 'tax-code', number: '0312345678' }],
 *   vneidVerified: true,
 *   representative: { fullName: 'Phạm Văn Em', idNumber: '001090012345', authorisation: { document: 'Giấy ủy quyền số 12/2026' } },
 * });
 * ```
 */
export const ApplicantSchema = z
  .object({
    /** Who files; absent means a citizen (cá nhân). */
    kind: ApplicantKindSchema.optional(),
    /** The person's name, or the name of the person filing for an organisation. */
    fullName: personal(z.string().min(1), 'name'),
    /** Personal ID number (số định danh cá nhân), 12 digits. */
    idNumber: idNumber().optional(),
    /** Other identity documents: a legacy ID, a passport, an enterprise's or household's tax code. */
    documents: z.array(IdentityDocumentSchema).max(5).optional(),
    /** The applicant's account was verified with the national identification app (VNeID). */
    vneidVerified: z.boolean().optional(),
    phone: personal(z.string().min(1), 'phone').optional(),
    email: personal(z.email(), 'email').optional(),
    address: personal(z.string().min(1), 'address').optional(),
    /** For an organisation: its name (not personal data). */
    organisation: z.string().min(1).optional(),
    /** When someone files on the applicant's behalf (ủy quyền). */
    representative: RepresentativeSchema.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.kind !== undefined && a.kind !== 'citizen' && a.kind !== 'other' && a.organisation === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisation'],
        message: `required for an applicant of kind ${a.kind}`,
      });
    }
  });
/** See {@link ApplicantSchema}. */
export type Applicant = z.output<typeof ApplicantSchema>;
