import { z } from 'zod';
import { personal } from './personal-data.js';

/**
 * A result document (giấy tờ kết quả giải quyết TTHC) as a typed record: what was issued, by whom,
 * when, for how long, and its electronic copy with the copy's SHA-256, as the national portal's
 * dossier sync reports result documents (number and symbol, signer, issuing body, issue date).
 *
 * @example
 * ```ts
 * import { ResultDocumentSchema } from '@motcua/core';
 * ResultDocumentSchema.parse({
 *   title: 'Giấy chứng nhận đăng ký kết hôn',
 *   number: '125',
 *   symbol: 'QĐ-UBND',
 *   signer: { name: 'Lê Văn Cường', title: 'Phó Chủ tịch UBND xã' },
 *   issuingBody: 'UBND xã Đông Anh',
 *   issuedOn: '2026-03-05',
 *   validUntil: null,
 *   electronicCopy: { uri: 'https://files.example.vn/kq/125.pdf', sha256: 'ab'.repeat(32), signed: true },
 * });
 * ```
 */
export const ResultDocumentSchema = z
  .object({
    /** What the document is, e.g. `'Giấy chứng nhận đăng ký kết hôn'`. */
    title: z.string().min(1).max(300),
    /** The result's code in the procedure's result catalogue (mã kết quả), when it has one. */
    resultCode: z.string().min(1).max(64).optional(),
    /** Number (số), e.g. `'125'`. */
    number: z.string().min(1).max(64),
    /** Symbol (ký hiệu), e.g. `'QĐ-UBND'`; absent for documents that have none. */
    symbol: z.string().min(1).max(64).optional(),
    /** The official who signed it: name (personal data) and title. */
    signer: z
      .object({
        name: personal(z.string().min(1).max(200), 'name'),
        title: z.string().min(1).max(200).optional(),
      })
      .strict(),
    /** Issuing body (cơ quan ban hành). */
    issuingBody: z.string().min(1).max(300),
    /** Issue date (ngày ban hành), `YYYY-MM-DD`. */
    issuedOn: z.iso.date(),
    /** Last day it is valid (`YYYY-MM-DD`), or `null` when it has no end (vĩnh viễn). */
    validUntil: z.iso.date().nullable(),
    /** The electronic copy (bản điện tử): where it is kept, its SHA-256, whether it is digitally signed. */
    electronicCopy: z
      .object({
        uri: z.string().min(1).max(2000),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hexadecimal digits'),
        signed: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.validUntil !== null && d.validUntil < d.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'is before issuedOn' });
    }
  });
/** See {@link ResultDocumentSchema}. */
export type ResultDocument = z.output<typeof ResultDocumentSchema>;

/**
 * How the result was handed over (trả kết quả): who collected it (the applicant or an authorised
 * representative, or nobody in person: by post or online), whether originals taken for checking
 * were given back, and the postal item when it went through the public postal service.
 */
export const ResultHandoverSchema = z
  .object({
    collectedBy: z.enum(['applicant', 'representative', 'post', 'online']),
    /** The name of the person who collected it at the desk (personal data). */
    collectorName: personal(z.string().min(1).max(200), 'name').optional(),
    /** Originals taken for checking were given back (Decree 61 art. 20). */
    originalsReturned: z.boolean().optional(),
    /** The postal item (dịch vụ bưu chính công ích): service and tracking number. */
    postal: z
      .object({ service: z.string().min(1).max(100), trackingNumber: z.string().min(1).max(64) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.collectedBy === 'post' && h.postal === undefined) {
      ctx.addIssue({ code: 'custom', path: ['postal'], message: 'required when the result goes by post' });
    }
    if (h.collectedBy !== 'post' && h.postal !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['postal'], message: 'only when the result goes by post' });
    }
  });
/** See {@link ResultHandoverSchema}. */
export type ResultHandover = z.output<typeof ResultHandoverSchema>;
