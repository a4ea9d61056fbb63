import type { TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { addressField, idNumberField, nameField } from './shared/fields.js';
import { nationalImplementation } from './shared/implementation.js';
import { NATIONAL_CODES } from './shared/national-codes.js';
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
 * Code of permanent residence registration: `1.004222`, "Đăng ký thường trú", commune police,
 * published by the Ministry of Public Security [C]. Two independent captures of the national
 * record: the chatbot-tthc crawl (`scripts/crawler/data/raw/bo-cong-an/1.004222.json`) and the
 * page text saved by ttrungtin2910/ai-thuc-chien-2025 (`data/thutuccongdan/doc_congdan_1.004222.txt`,
 * still citing the forms of Circular 66/2023/TT-BCA, which suggests the code predates 01/07/2025
 * [S]); addresses and the date checked in {@link NATIONAL_CODES}. (The `1.004194` of the core test
 * fixture is temporary residence registration, đăng ký tạm trú, in portal captures: another
 * procedure.)
 */
export const PERMANENT_RESIDENCE_CODE: string = NATIONAL_CODES.permanentResidence.code;

/**
 * The application of a permanent residence registration. `ground` says on which basis the
 * applicant claims the address (own lawful home, joining a family member, rented or borrowed
 * home, other); the exact list of grounds of the Residence Law is UNCONFIRMED [R] and checked at
 * appraisal.
 */
export const permanentResidenceApplication = z
  .object({
    address: addressField(),
    ground: z.enum(['own-home', 'family-member', 'rented-or-borrowed', 'other']),
    householdHead: z
      .object({ fullName: nameField(), idNumber: idNumberField().optional() })
      .strict()
      .optional(),
    /** The people registered at the address by this dossier. */
    members: z
      .array(
        z
          .object({
            fullName: nameField(),
            idNumber: idNumberField(),
            relationToHead: z.string().trim().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
/** A permanent residence application. */
export type PermanentResidenceApplication = z.input<typeof permanentResidenceApplication>;

/**
 * Permanent residence registration (đăng ký thường trú), standalone (outside the liaison, where it
 * takes 2 working days, Decree 63/2024/NĐ-CP [C]), for one version period.
 *
 * - **Time limit** [C]: 7 working days from a complete, valid dossier (Residence Law 2020 art.
 *   22(3)). Counted under the Civil Code rule (the day of receipt is not counted; the period ends
 *   at the close of the 7th working day). No 15:00 cut-off: none is stated for it.
 * - **Internal process** (6.5 working days, modelling choice): desk receipt and transfer 4 h,
 *   appraisal and verification by the residence officer 4 days, approval by the head of the
 *   commune police 1 day, database update and result 1 day; half a day is left for the return.
 * - **Documents**: no list for the standalone procedure has been confirmed. Listed conservatively, both
 *   UNCONFIRMED [R]: the change-of-residence declaration (CT01) and a paper proving the lawful
 *   home.
 * - **Fees**: none modelled; no amount has been confirmed (the registration fee is set by local
 *   councils [R]).
 * - **Regimes**: the `2018` version starts with Decree 61 (21/06/2018) as the catalogue's
 *   convention, but the Residence Law 2020 is later: its own commencement date has not been checked
 *   (recalled as 01/07/2021 [R]). Receipts before it fell under the earlier law, whose limit is not
 *   modelled. Override `effectiveFrom` once confirmed.
 * - **Competent agency**: the residence registration authority, the commune police (the commune
 *   level of the two-tier local government from 01/07/2025, Decree 118/2025/NĐ-CP art. 1 [C]; the 2018-era district police for places without
 *   commune police is recalled [R]).
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { permanentResidenceDefinition, WINDOW_2025 } from '@motcua/procedures';
 * const residence = defineProcedure(permanentResidenceDefinition(WINDOW_2025));
 * ```
 */
export function permanentResidenceDefinition(
  window: VersionWindow,
): TypedProcedureDefinitionInput<typeof permanentResidenceApplication> {
  return {
    code: PERMANENT_RESIDENCE_CODE,
    version: window.version,
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
    legalBasis: legalBasis(window.regime, ['Luật Cư trú 68/2020/QH14, điều 22 khoản 3']),
    agency: 'Cơ quan đăng ký cư trú (Công an cấp xã)',
    ...nationalImplementation(NATIONAL_CODES.permanentResidence, window),
    timeLimit: { workingDays: 7 },
    channels: ['in-person', 'postal', 'online-full'],
    application: permanentResidenceApplication,
    documents: [
      {
        id: 'ct01',
        name: 'Tờ khai thay đổi thông tin cư trú (CT01)',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
      {
        id: 'cho-o-hop-phap',
        name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
        copies: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
    ],
    fees: [],
    units: {
      desk: {
        name:
          window.regime === '2018'
            ? 'Bộ phận Một cửa (Công an cấp xã)'
            : 'Trung tâm Phục vụ hành chính công cấp xã (Bộ phận Một cửa)',
      },
      police: { name: 'Cán bộ đăng ký cư trú' },
      leader: { name: 'Trưởng Công an xã' },
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
        name: 'Thẩm định, xác minh hồ sơ',
        unit: 'police',
        budget: { workingDays: 4 },
        kind: 'appraisal',
      },
      {
        id: 'approve',
        name: 'Phê duyệt đăng ký thường trú',
        unit: 'leader',
        budget: { workingDays: 1 },
        kind: 'approval',
        issuesDecision: true,
      },
      {
        id: 'update',
        name: 'Cập nhật Cơ sở dữ liệu về cư trú, thông báo kết quả',
        unit: 'police',
        budget: { workingDays: 1 },
        kind: 'other',
      },
    ],
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * Permanent residence registration: versions `2018.1` (Decree 61) and `2025.1` (Decree 118). Each version is compiled on first use
 * (`permanentResidence.version('2025.1')`, `permanentResidence.versions`).
 */
export const permanentResidence: ProcedureVersions<typeof permanentResidenceApplication> = defineVersions(
  permanentResidenceDefinition,
  [WINDOW_2018, WINDOW_2025],
);
