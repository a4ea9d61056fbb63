import type { LocalDate, TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { placeholderCode } from './shared/codes.js';
import { addressField, birthDateField, idNumberField, nameField, sexField } from './shared/fields.js';
import { notAfterReceipt, receiptChecks } from './shared/receipt-checks.js';
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
 * Code of the health-insurance card for a child under 6: a placeholder. No standalone national
 * procedure (mã TTHC) for it was found in the public sources searched (2026-12-02): the card is
 * published as part of the birth liaisons. To confirm against the National Public Service Portal.
 */
export const CHILD_HEALTH_INSURANCE_CODE = placeholderCode('cap-the-bhyt-tre-em-duoi-6-tuoi');

/**
 * The application of a health-insurance card for a child under 6 (the BHYT declaration, tờ khai
 * tham gia BHYT, of Joint Circular 05/2015/TTLT-BTP-BCA-BYT). The child's age is not checked here: a zod schema cannot see the receipt date, so the desk
 * checks it with {@link isUnderSix}.
 */
export const childHealthInsuranceApplication = z
  .object({
    child: z
      .object({
        fullName: nameField(),
        sex: sexField(),
        birthDate: birthDateField(),
        /** Given at birth registration; may be missing for a child registered long ago. */
        idNumber: idNumberField().optional(),
      })
      .strict(),
    guardian: z
      .object({
        fullName: nameField(),
        idNumber: idNumberField().optional(),
        relation: z.enum(['mother', 'father', 'guardian']),
      })
      .strict(),
    residence: addressField(),
    /** The health facility chosen for first-contact care (nơi đăng ký khám chữa bệnh ban đầu). */
    primaryCareFacility: z.string().trim().min(2).max(200),
  })
  .strict();
/** A child health-insurance card application. */
export type ChildHealthInsuranceApplication = z.input<typeof childHealthInsuranceApplication>;

/**
 * Whether a child born on `birthDate` is still under 6 on `on` (both `'YYYY-MM-DD'`): the sixth
 * birthday has not come yet. A 29 February birthday falls, in a common year, between 28/02 and
 * 01/03.
 *
 * @example
 * ```ts
 * import { isUnderSix } from '@motcua/procedures';
 * isUnderSix('2020-03-02', '2026-03-01'); // true
 * isUnderSix('2020-03-02', '2026-03-02'); // false: the sixth birthday
 * ```
 */
export function isUnderSix(birthDate: LocalDate, on: LocalDate): boolean {
  const sixth = `${String(Number(birthDate.slice(0, 4)) + 6).padStart(4, '0')}${birthDate.slice(4)}`;
  return birthDate <= on && on < sixth;
}

/**
 * Health-insurance card for a child under 6 (cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi),
 * standalone (outside the "3 in 1" liaison, where BHXH has 2 working days, Decree 63/2024 art.
 * 8(3)), for one version period.
 *
 * - **Time limit**: at most 10 working days from a complete dossier, the general rule of the Law
 *   on Health Insurance 25/2008 art. 17(2) [C for the **2008 text**]. **UNCONFIRMED**: the
 *   article's current wording after its later amendments (including the 2024 amendment) was not
 *   checked. The figure is kept as the 2008 text gives it; override `timeLimit` if
 *   the amended text differs.
 * - **Internal process** (7.5 working days, modelling choice): desk 4 h, BHXH appraisal and data
 *   matching 4 days, approval 1 day, card issue 2 days.
 * - **Documents**: the BHYT declaration [C, Joint Circular 05/2015/TTLT-BTP-BCA-BYT], one original. Nothing else is listed: no
 *   other paper for the standalone procedure has been confirmed.
 * - **Fees**: none. The contribution for under-6s is recalled as paid by the State budget [R]; no
 *   amount is modelled either way.
 * - **Competent agency**: Vietnam Social Security at the local level: district BHXH in the 2018
 *   version [R], "BHXH cơ sở" in the 2025 version (the two-tier local government of Decree
 *   118/2025/NĐ-CP art. 1 [C]). The code is a placeholder.
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { childHealthInsuranceDefinition, WINDOW_2025 } from '@motcua/procedures';
 * const card = defineProcedure(childHealthInsuranceDefinition(WINDOW_2025));
 * ```
 */
export function childHealthInsuranceDefinition(
  window: VersionWindow,
): TypedProcedureDefinitionInput<typeof childHealthInsuranceApplication> {
  const agency = window.regime === '2018' ? 'Bảo hiểm xã hội cấp huyện' : 'Bảo hiểm xã hội cơ sở';
  return {
    code: CHILD_HEALTH_INSURANCE_CODE,
    version: window.version,
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: {
      vi: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
      en: 'Health-insurance card for a child under 6',
    },
    legalBasis: legalBasis(window.regime, ['Luật Bảo hiểm y tế 25/2008/QH12, điều 17 khoản 2']),
    agency,
    timeLimit: { workingDays: 10 },
    channels: ['in-person', 'postal', 'online-full'],
    application: childHealthInsuranceApplication,
    checkReceipt: receiptChecks(notAfterReceipt('child.birthDate')),
    documents: [{ id: 'to-khai-bhyt', name: 'Tờ khai tham gia bảo hiểm y tế', originals: 1 }],
    fees: [],
    units: {
      desk: { name: `Bộ phận Một cửa (${agency})` },
      collection: { name: 'Bộ phận Quản lý thu – Sổ, thẻ' },
      leader: { name: `Lãnh đạo ${agency}` },
    },
    steps: [
      {
        id: 'receive',
        name: 'Tiếp nhận, kiểm tra, chuyển hồ sơ',
        unit: 'desk',
        budget: { workingHours: 4 },
        kind: 'transfer',
      },
      {
        id: 'appraise',
        name: 'Thẩm định hồ sơ, đối chiếu dữ liệu dân cư, ghi nhận quá trình tham gia',
        unit: 'collection',
        budget: { workingDays: 4 },
        kind: 'appraisal',
      },
      {
        id: 'approve',
        name: 'Phê duyệt cấp thẻ',
        unit: 'leader',
        budget: { workingDays: 1 },
        kind: 'approval',
        issuesDecision: true,
      },
      {
        id: 'issue',
        name: 'In thẻ bảo hiểm y tế, chuyển kết quả về Bộ phận Một cửa',
        unit: 'collection',
        budget: { workingDays: 2 },
        kind: 'other',
      },
    ],
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * The health-insurance card for a child under 6: versions `2018.1` (Decree 61) and `2025.1` (Decree 118). Each version is compiled on first use
 * (`childHealthInsurance.version('2025.1')`, `childHealthInsurance.versions`).
 */
export const childHealthInsurance: ProcedureVersions<typeof childHealthInsuranceApplication> = defineVersions(
  childHealthInsuranceDefinition,
  [WINDOW_2018, WINDOW_2025],
);
