import { z } from 'zod';

/**
 * The office that prints the forms (thông tin cơ quan in trên biểu mẫu). Names are printed as
 * given, except in the letterhead, where they are upper-cased as the official layout requires.
 * @example
 * ```ts
 * import { OfficeInfoSchema } from '@motcua/core/forms';
 * const office = OfficeInfoSchema.parse({
 *   governingBody: 'UBND tỉnh Nghệ An',
 *   agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên',
 *   placeName: 'Hưng Nguyên',
 * });
 * ```
 */
export const OfficeInfoSchema = z
  .object({
    /** The body above the agency (tên cơ quan chủ quản), e.g. `'UBND tỉnh Nghệ An'`: letterhead of Form 04. */
    governingBody: z.string().min(1),
    /** The agency (tên cơ quan), e.g. `'UBND xã Hưng Nguyên'`: upper letterhead line of desk forms. */
    agencyName: z.string().min(1),
    /** The one-stop desk (Bộ phận Một cửa / Bộ phận tiếp nhận và trả kết quả / TTPVHCC). */
    deskName: z.string().min(1),
    /** Place written before the date: "<placeName>, ngày … tháng … năm …". */
    placeName: z.string().min(1),
    /** Address of the desk, printed as the default place to collect the result. */
    address: z.string().min(1).optional(),
    /** Phone of the desk, printed as the contact on Form 02 when no officer phone is given. */
    phone: z.string().min(1).optional(),
    /** Name of the register (sổ theo dõi hồ sơ) Form 01 refers to and the tracking book prints. */
    registerBook: z.string().min(1).default('Sổ theo dõi hồ sơ'),
    /** Volume of the register ("Quyển số"), when paper books are kept. */
    registerVolume: z.string().min(1).optional(),
    /** Title above the signature of the head of the agency on Form 04. */
    headTitle: z.string().min(1).default('THỦ TRƯỞNG CƠ QUAN'),
  })
  .strict();
/** A parsed {@link OfficeInfoSchema}. */
export type OfficeInfo = z.output<typeof OfficeInfoSchema>;
/** Office info as written by a caller (defaults not applied). */
export type OfficeInfoInput = z.input<typeof OfficeInfoSchema>;
