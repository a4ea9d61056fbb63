import { z } from 'zod';
import { personal } from './personal-data.js';

/**
 * The applicant (người nộp hồ sơ / tổ chức, cá nhân), as printed on the forms. Every field that
 * identifies a person is tagged as personal data and masked in logs, errors and public lookups.
 */
export const ApplicantSchema = z
  .object({
    fullName: personal(z.string().min(1), 'name'),
    /** Personal ID number (số định danh cá nhân), 12 digits. */
    idNumber: personal(z.string().regex(/^\d{12}$/, 'expected 12 digits'), 'id-number').optional(),
    phone: personal(z.string().min(1), 'phone').optional(),
    email: personal(z.email(), 'email').optional(),
    address: personal(z.string().min(1), 'address').optional(),
    /** For an organisation: its name (not personal data). */
    organisation: z.string().min(1).optional(),
    /** When someone files on the applicant's behalf (ủy quyền). */
    representative: z
      .object({
        fullName: personal(z.string().min(1), 'name'),
        idNumber: personal(z.string().regex(/^\d{12}$/, 'expected 12 digits'), 'id-number').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
/** See {@link ApplicantSchema}. */
export type Applicant = z.output<typeof ApplicantSchema>;
