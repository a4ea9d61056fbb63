import type { TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { placeholderCode } from './shared/codes.js';
import { idNumberField, nameField } from './shared/fields.js';
import {
  legalBasis,
  PERMISSIONS,
  SUPPLEMENTATION,
  type VersionWindow,
  WINDOW_2018,
  WINDOW_2025,
} from './shared/regimes.js';
import { defineVersions, type ProcedureVersions } from './shared/versions.js';

/**
 * Code of new enterprise registration: a placeholder. The national database publishes one procedure
 * per enterprise type (e.g. `2.001610` "Đăng ký thành lập doanh nghiệp tư nhân", published by the
 * Ministry of Finance, found in one source only), while this procedure covers every type of
 * {@link EnterpriseTypeSchema}: no single national code fits it. To split by type once each code is
 * confirmed.
 */
export const ENTERPRISE_REGISTRATION_CODE = placeholderCode('dang-ky-thanh-lap-doanh-nghiep');

/** Enterprise types of the Enterprise Law 2020. */
export const EnterpriseTypeSchema = z.enum([
  'private-enterprise',
  'single-member-llc',
  'multi-member-llc',
  'joint-stock',
  'partnership',
]);

/**
 * The application of a new enterprise registration (giấy đề nghị đăng ký doanh nghiệp). Owners may
 * be organisations; their names are tagged as personal data all the same (masking an
 * organisation's name is harmless, leaving a person's unmasked is not).
 */
export const enterpriseRegistrationApplication = z
  .object({
    enterpriseName: z.string().trim().min(2).max(200),
    type: EnterpriseTypeSchema,
    /** Charter capital (vốn điều lệ) in đồng. */
    charterCapitalVnd: z.number().int().positive(),
    /** The head office address: the enterprise's, not a person's. */
    headOffice: z.string().trim().min(5).max(300),
    businessLines: z
      .array(z.object({ code: z.string().trim().min(1).max(10), name: z.string().trim().min(2) }).strict())
      .min(1),
    legalRepresentative: z.object({ fullName: nameField(), idNumber: idNumberField() }).strict(),
    owners: z
      .array(
        z
          .object({
            name: nameField(),
            idNumber: idNumberField().optional(),
            contributionVnd: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
/** A new enterprise registration application. */
export type EnterpriseRegistrationApplication = z.input<typeof enterpriseRegistrationApplication>;

/**
 * Registration of a new enterprise (đăng ký thành lập doanh nghiệp), for one version period.
 *
 * - **Time limit** [C]: 3 working days (Enterprise Law 2020; Decree 168/2025/NĐ-CP), counted from
 *   receipt under the Civil Code rule. No cut-off: none is stated in these texts.
 * - **Internal process** (2.75 working days, modelling choice): desk 2 h, appraisal by the
 *   registration officer 1.5 days, approval 0.5 day, issue of the certificate and database update
 *   0.5 day.
 * - **Documents**: no list has been confirmed; listed conservatively, UNCONFIRMED [R]: the registration
 *   request, one original; the charter (not for a private enterprise [R]) and the owners' list
 *   are recalled and listed with notes.
 * - **Fees**: none modelled. A registration fee exists [R]; no amount has been confirmed.
 * - **Regimes**: the `2018` version cites the Enterprise Law 2020 only: the decree in force before
 *   Decree 168/2025 has not been checked, and the Law's own commencement (recalled as 01/01/2021
 *   [R]) is after Decree 61: receipts before it followed the previous law, not modelled. Decree
 *   168/2025 is cited only by the `2025` version; its commencement date has not been checked
 *   (recalled as 01/07/2025 [R]).
 * - **Competent agency**: the provincial business registration office (Phòng Đăng ký kinh doanh);
 *   its parent department changed in 2025 [R] and is not named.
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { enterpriseRegistrationDefinition, WINDOW_2025 } from '@motcua/procedures';
 * const enterprise = defineProcedure(enterpriseRegistrationDefinition(WINDOW_2025));
 * ```
 */
export function enterpriseRegistrationDefinition(
  window: VersionWindow,
): TypedProcedureDefinitionInput<typeof enterpriseRegistrationApplication> {
  return {
    code: ENTERPRISE_REGISTRATION_CODE,
    version: window.version,
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: { vi: 'Đăng ký thành lập doanh nghiệp', en: 'New enterprise registration' },
    legalBasis: legalBasis(window.regime, [
      'Luật Doanh nghiệp 2020',
      ...(window.regime === '2025' ? ['Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp'] : []),
    ]),
    agency: 'Phòng Đăng ký kinh doanh (cơ quan đăng ký kinh doanh cấp tỉnh)',
    timeLimit: { workingDays: 3 },
    channels: ['in-person', 'postal', 'online-full'],
    application: enterpriseRegistrationApplication,
    documents: [
      {
        id: 'giay-de-nghi',
        name: 'Giấy đề nghị đăng ký doanh nghiệp',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
      {
        id: 'dieu-le',
        name: 'Điều lệ công ty',
        originals: 1,
        required: false,
        note: 'Chưa xác nhận [R]: không áp dụng cho doanh nghiệp tư nhân',
      },
      {
        id: 'danh-sach',
        name: 'Danh sách thành viên / cổ đông sáng lập',
        originals: 1,
        required: false,
        note: 'Chưa xác nhận [R]: theo loại hình doanh nghiệp',
      },
    ],
    fees: [],
    units: {
      desk: {
        name:
          window.regime === '2018'
            ? 'Bộ phận Một cửa (Phòng Đăng ký kinh doanh)'
            : 'Trung tâm Phục vụ hành chính công cấp tỉnh (Bộ phận Một cửa)',
      },
      registrar: { name: 'Chuyên viên Phòng Đăng ký kinh doanh' },
      leader: { name: 'Lãnh đạo Phòng Đăng ký kinh doanh' },
    },
    steps: [
      {
        id: 'receive',
        name: 'Tiếp nhận, kiểm tra, chuyển hồ sơ',
        unit: 'desk',
        budget: { workingHours: 2 },
        kind: 'transfer',
      },
      {
        id: 'appraise',
        name: 'Kiểm tra tính hợp lệ của hồ sơ, tên doanh nghiệp, ngành nghề',
        unit: 'registrar',
        budget: { workingDays: 1.5 },
        kind: 'appraisal',
      },
      {
        id: 'approve',
        name: 'Phê duyệt cấp Giấy chứng nhận đăng ký doanh nghiệp',
        unit: 'leader',
        budget: { workingHours: 4 },
        kind: 'approval',
        issuesDecision: true,
      },
      {
        id: 'issue',
        name: 'In Giấy chứng nhận, cập nhật Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
        unit: 'registrar',
        budget: { workingHours: 4 },
        kind: 'other',
      },
    ],
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * New enterprise registration: versions `2018.1` (Decree 61) and `2025.1` (Decree 118). Each version is compiled on first use
 * (`enterpriseRegistration.version('2025.1')`, `enterpriseRegistration.versions`).
 */
export const enterpriseRegistration: ProcedureVersions<typeof enterpriseRegistrationApplication> =
  defineVersions(enterpriseRegistrationDefinition, [WINDOW_2018, WINDOW_2025]);
