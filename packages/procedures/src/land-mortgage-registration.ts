import { personal, type Step, type TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { addressField, idNumberField, localDateField, nameField } from './shared/fields.js';
import { nationalImplementation } from './shared/implementation.js';
import { NATIONAL_CODES } from './shared/national-codes.js';
import { notAfterReceipt, receiptChecks } from './shared/receipt-checks.js';
import {
  legalBasis,
  PERMISSIONS,
  SUPPLEMENTATION,
  type VersionWindow,
  WINDOW_2018,
  WINDOW_2025,
} from './shared/regimes.js';
import { variantVersion } from './shared/variants.js';
import { defineVersions, type ProcedureVersions } from './shared/versions.js';

/**
 * Code of land-use-right mortgage registration: `1.011441`, "Đăng ký biện pháp bảo đảm bằng quyền sử
 * dụng đất, tài sản gắn liền với đất" (the registration of a security, the mortgage among them, under
 * Decree 99/2022/NĐ-CP), provincial and commune level (the land registration office and its
 * branches), published by the Ministry of Justice (Decision 570/QĐ-BTP) [C]. Sources: the
 * chatbot-tthc crawl of the national record (`scripts/crawler/data/raw/bo-tu-phap/1.011441.json`,
 * with the same-day / 15:00 / 3-working-day rule modelled here) and Hải Phòng's list of procedures
 * received at its service centre of 03/07/2025 (as transcribed in hongdienvbhp/BangNiemYetVinhBao
 * `data/source-audit/city-reception-baseline.json`); addresses in {@link NATIONAL_CODES}. Receipts
 * before Decree 99/2022 took effect followed an earlier procedure whose code was not checked; the
 * `2018.1` versions carry this code all the same.
 */
export const LAND_MORTGAGE_REGISTRATION_CODE: string = NATIONAL_CODES.landMortgageRegistration.code;

/**
 * The application of a mortgage registration (phiếu yêu cầu đăng ký): the mortgagors, the
 * secured party, the parcels and the contract. The land-use-right certificate's serial is tagged
 * as personal data (it leads to the holder).
 */
export const landMortgageApplication = z
  .object({
    mortgagors: z
      .array(z.object({ fullName: nameField(), idNumber: idNumberField().optional() }).strict())
      .min(1),
    /** The secured party, usually a credit institution (not personal data). */
    mortgagee: z
      .object({
        name: z.string().trim().min(2).max(200),
        branch: z.string().trim().min(2).max(200).optional(),
      })
      .strict(),
    parcels: z
      .array(
        z
          .object({
            certificateSerial: personal(z.string().trim().min(3).max(30), 'other'),
            parcelNumber: z.string().trim().min(1).max(20),
            mapSheet: z.string().trim().min(1).max(20),
            location: addressField(),
          })
          .strict(),
      )
      .min(1),
    contract: z.object({ number: z.string().trim().min(1).max(60), signedOn: localDateField() }).strict(),
    includesAssetsOnLand: z.boolean().default(false),
  })
  .strict();
/** A land-use-right mortgage registration application. */
export type LandMortgageApplication = z.input<typeof landMortgageApplication>;

/** The two cases of mortgage registration, each its own version. */
export type LandMortgageVariant = 'standard' | 'special-case';

const SAME_DAY_STEPS: Step[] = [
  {
    id: 'receive',
    name: 'Tiếp nhận, kiểm tra, chuyển hồ sơ',
    unit: 'desk',
    budget: { workingHours: 0.25 },
    kind: 'transfer',
    issuesDecision: false,
  },
  {
    id: 'appraise',
    name: 'Kiểm tra hồ sơ, ghi nội dung đăng ký thế chấp',
    unit: 'registry',
    budget: { workingHours: 0.75 },
    kind: 'appraisal',
    issuesDecision: false,
  },
  {
    id: 'sign',
    name: 'Ký xác nhận đăng ký thế chấp',
    unit: 'leader',
    budget: { workingHours: 0.5 },
    kind: 'signing',
    issuesDecision: true,
  },
  {
    id: 'update',
    name: 'Cập nhật hồ sơ địa chính, chuyển kết quả về Bộ phận Một cửa',
    unit: 'registry',
    budget: { workingHours: 0.25 },
    kind: 'other',
    issuesDecision: false,
  },
];

const SPECIAL_CASE_STEPS: Step[] = [
  {
    id: 'receive',
    name: 'Tiếp nhận, kiểm tra, chuyển hồ sơ',
    unit: 'desk',
    budget: { workingHours: 4 },
    kind: 'transfer',
    issuesDecision: false,
  },
  {
    id: 'appraise',
    name: 'Kiểm tra hồ sơ, ghi nội dung đăng ký thế chấp',
    unit: 'registry',
    budget: { workingDays: 1.25 },
    kind: 'appraisal',
    issuesDecision: false,
  },
  {
    id: 'sign',
    name: 'Ký xác nhận đăng ký thế chấp',
    unit: 'leader',
    budget: { workingHours: 4 },
    kind: 'signing',
    issuesDecision: true,
  },
  {
    id: 'update',
    name: 'Cập nhật hồ sơ địa chính, chuyển kết quả về Bộ phận Một cửa',
    unit: 'registry',
    budget: { workingHours: 4 },
    kind: 'other',
    issuesDecision: false,
  },
];

/**
 * Registration of a mortgage of land-use rights (đăng ký thế chấp quyền sử dụng đất), for one
 * version period and one case.
 *
 * - **Time limit** [C secondary; the article is R]: the same working day; after 15:00, the next
 *   working day; at most 3 working days in special cases (Decree 99/2022/NĐ-CP). Standard case
 *   `{ sameDay: true, cutoff: '15:00' }`; the special cases are a variant version
 *   `'<version>-special-case'` with `{ workingDays: 3 }`, chosen at receipt like the marriage
 *   verification case. Which cases are "special" has not been confirmed: the desk decides, and the
 *   list is an open question.
 * - **Internal process** (modelling choice): standard 1.75 working hours (fits from the 15:00
 *   cut-off to 17:00); special cases 2.75 working days.
 * - **Documents**: no list has been confirmed. Listed conservatively, UNCONFIRMED [R]: the registration
 *   request form and the mortgage contract, one original each, and the land-use-right
 *   certificate, one original (held for the registration).
 * - **Fees**: none modelled; no amount has been confirmed.
 * - **Regimes**: the `2018` version starts with Decree 61 as the catalogue's convention, but
 *   Decree 99/2022 is later: its commencement date has not been checked (recalled as 15/01/2023
 *   [R]); receipts before it followed the previous decree, not modelled.
 * - **Competent agency**: the land registration office or its branch [R].
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { landMortgageDefinition, WINDOW_2025 } from '@motcua/procedures';
 * const mortgage = defineProcedure(landMortgageDefinition(WINDOW_2025));
 * ```
 */
export function landMortgageDefinition(
  window: VersionWindow,
  variant: LandMortgageVariant = 'standard',
): TypedProcedureDefinitionInput<typeof landMortgageApplication> {
  const special = variant === 'special-case';
  return {
    code: LAND_MORTGAGE_REGISTRATION_CODE,
    version: variantVersion(window, variant),
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: special
      ? {
          vi: 'Đăng ký thế chấp quyền sử dụng đất (trường hợp đặc biệt)',
          en: 'Land-use-right mortgage registration (special case)',
        }
      : { vi: 'Đăng ký thế chấp quyền sử dụng đất', en: 'Land-use-right mortgage registration' },
    legalBasis: legalBasis(window.regime, ['Nghị định 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm']),
    agency: 'Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai',
    ...nationalImplementation(NATIONAL_CODES.landMortgageRegistration, window),
    timeLimit: special ? { workingDays: 3 } : { sameDay: true, cutoff: '15:00' },
    channels: ['in-person', 'postal', 'online-full'],
    application: landMortgageApplication,
    checkReceipt: receiptChecks(notAfterReceipt('contract.signedOn')),
    documents: [
      {
        id: 'phieu-yeu-cau',
        name: 'Phiếu yêu cầu đăng ký thế chấp',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
      {
        id: 'hop-dong',
        name: 'Hợp đồng thế chấp',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
      {
        id: 'giay-chung-nhan',
        name: 'Giấy chứng nhận quyền sử dụng đất (bản gốc)',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
    ],
    fees: [],
    units: {
      desk: {
        name:
          window.regime === '2018'
            ? 'Bộ phận Một cửa (Văn phòng đăng ký đất đai)'
            : 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa)',
      },
      registry: { name: 'Viên chức Văn phòng đăng ký đất đai' },
      leader: { name: 'Lãnh đạo Văn phòng đăng ký đất đai (Chi nhánh)' },
    },
    steps: special ? SPECIAL_CASE_STEPS : SAME_DAY_STEPS,
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * Land-use-right mortgage registration: versions `2018.1-special-case`, `2018.1`, `2025.1-special-case` and `2025.1`: the special cases
 * (≤ 3 working days) come before the standard (same-day) one in each period. Each version is compiled on first use
 * (`landMortgage.version('2025.1')`, `landMortgage.versions`).
 */
export const landMortgage: ProcedureVersions<typeof landMortgageApplication> = defineVersions(
  landMortgageDefinition,
  [
    { window: WINDOW_2018, variants: ['special-case'] },
    { window: WINDOW_2025, variants: ['special-case'] },
  ],
);
