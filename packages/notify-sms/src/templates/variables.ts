import { z } from 'zod';

/** A variable name as written inside `{…}`: a letter, then letters or digits (`dossierCode`). */
export const VariableNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, { message: 'expected a name like dossierCode (letters and digits)' });

/** What a template variable holds, and its longest realistic value for the length check. */
export const VariableDefinitionSchema = z
  .object({
    /** What the value is, in a few words. */
    description: z.string().min(1),
    /**
     * The longest value met in practice. Templates are checked against it when defined, so a
     * template that would need too many segments fails then, not when an SMS is due.
     */
    longestExample: z.string().min(1),
  })
  .strict();
/** A validated variable definition. */
export type VariableDefinition = z.infer<typeof VariableDefinitionSchema>;

/**
 * The variables templates can use. Dates come pre-formatted, as the applicant should read them.
 * Override `longestExample` in the options when a deployment knows its own longest values.
 */
export const DEFAULT_VARIABLES: Readonly<Record<string, VariableDefinition>> = {
  agency: {
    description: 'Name of the receiving agency or desk',
    longestExample: 'Trung tâm Phục vụ hành chính công phường Nguyễn Thái Bình',
  },
  dossierCode: {
    description: 'Dossier code (mã hồ sơ) from the receipt, also used to look the dossier up',
    longestExample: '000.00.14.H56-261231-10118',
  },
  lookupCode: {
    description: 'Short lookup code printed on the receipt, where the portal asks for one',
    longestExample: 'A7K9-P2QX',
  },
  returnDate: {
    description: 'Return date (ngày hẹn trả) with its time',
    longestExample: '16 giờ 30 phút ngày 31/12/2026',
  },
  newReturnDate: {
    description: 'New return date after an apology',
    longestExample: '16 giờ 30 phút ngày 31/12/2026',
  },
  procedure: {
    description: 'Short name of the procedure',
    longestExample: 'Đăng ký khai sinh, thường trú, cấp thẻ BHYT trẻ dưới 6 tuổi',
  },
  reason: {
    description: 'Short reason for a late result',
    longestExample: 'cần xác minh thêm thông tin với cơ quan liên quan',
  },
  lookupUrl: {
    description: 'Where to look the dossier up',
    longestExample: 'https://dichvucong.hochiminhcity.gov.vn',
  },
  hotline: {
    description: 'Phone number of the desk',
    longestExample: '0283 829 6666 (nhánh 102)',
  },
};
