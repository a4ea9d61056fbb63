import {
  defineProcedure,
  type Procedure,
  type ProcedureDefinitionInput,
  ProcedureRegistry,
  personal,
  type Regime,
} from '@motcua/core';
import { z } from 'zod';

/*
 * Certification of marital status (cấp Giấy xác nhận tình trạng hôn nhân) at the commune People's
 * Committee, written from scratch with `defineProcedure`: the application as a zod schema with its
 * personal fields tagged, the papers, the fee, the units and the internal process, the
 * supplementation rule, who may apologise, and one version per set of one-stop rules.
 *
 * Evidence tags as in the project's domain brief: [C] confirmed, [S] one secondary source, [R]
 * recalled and not re-verified (treat as UNCONFIRMED). The brief covers the one-stop rules; the
 * sector facts of this procedure are not in it and are all [R].
 */

/**
 * The procedure code: a placeholder. The national code (mã TTHC) is recalled as `1.004873` [R];
 * confirm it against the National Public Service Portal before using a real one.
 */
export const MARITAL_STATUS_CODE = 'PLACEHOLDER:cap-giay-xac-nhan-tinh-trang-hon-nhan';

const fullName = () => personal(z.string().trim().min(2).max(100), 'name');
const birthDate = () => personal(z.iso.date(), 'other');
const address = () => personal(z.string().trim().min(5).max(300), 'address');

/**
 * The application (tờ khai cấp Giấy xác nhận tình trạng hôn nhân). Names, dates of birth, ID
 * numbers and addresses are tagged with `personal()`, so the kit masks them in logs, errors and
 * the public lookup.
 */
export const maritalStatusApplication = z
  .object({
    requester: z
      .object({
        fullName: fullName(),
        birthDate: birthDate(),
        idNumber: personal(z.string().regex(/^\d{12}$/, 'expected 12 digits'), 'id-number'),
        residence: address(),
      })
      .strict(),
    /** The status to certify. */
    status: z.enum(['never-married', 'divorced', 'widowed', 'married']),
    /** To marry (the certificate then names the intended spouse [R]), or another purpose. */
    purpose: z.enum(['marriage', 'other']),
    intendedSpouse: z
      .object({
        fullName: fullName(),
        birthDate: birthDate(),
        nationality: z.string().trim().min(2).default('Việt Nam'),
      })
      .strict()
      .optional(),
    /** What the certificate is for, when not to marry (e.g. a bank loan, a land transaction). */
    purposeDetail: z.string().trim().min(3).max(200).optional(),
    /** Earlier places of permanent residence, where the status may have to be verified [R]. */
    previousResidences: z.array(address()).max(10).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.purpose === 'marriage' && !a.intendedSpouse) {
      ctx.addIssue({
        code: 'custom',
        path: ['intendedSpouse'],
        message: 'required when the purpose is marriage',
      });
    }
    if (a.purpose === 'marriage' && a.status === 'married') {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'a married person cannot be certified for a new marriage',
      });
    }
    if (a.purpose === 'other' && !a.purposeDetail) {
      ctx.addIssue({
        code: 'custom',
        path: ['purposeDetail'],
        message: 'required when the purpose is other',
      });
    }
  });
/** An application as the desk enters it. */
export type MaritalStatusApplication = z.input<typeof maritalStatusApplication>;

/** The one-stop rules of each regime, with the dates they took effect (brief §0 [C]). */
const ONE_STOP: Record<Regime, string[]> = {
  '2018': [
    'Nghị định 61/2018/NĐ-CP ngày 23/04/2018 (hiệu lực 21/06/2018) về cơ chế một cửa, một cửa liên thông',
    'Thông tư 01/2018/TT-VPCP ngày 23/11/2018 (hiệu lực 06/01/2019): biểu mẫu 01–06',
  ],
  '2025': [
    'Nghị định 118/2025/NĐ-CP ngày 09/06/2025 (hiệu lực 01/07/2025) về cơ chế một cửa, một cửa liên thông',
    'Thông tư 03/2025/TT-VPCP ngày 15/09/2025: biểu mẫu 01–07',
  ],
};

/** The period each version is received under (brief §0 [C]). */
const PERIODS: Record<Regime, { version: string; effectiveFrom: string; effectiveTo?: string }> = {
  '2018': { version: '2018.1', effectiveFrom: '2018-06-21', effectiveTo: '2025-06-30' },
  '2025': { version: '2025.1', effectiveFrom: '2025-07-01' },
};

/**
 * The definition of one version, under the one-stop rules of `regime`.
 *
 * - **Time limit** [R]: 3 working days from the complete dossier (Decree 123/2015/NĐ-CP art. 22(2)
 *   as recalled). The longer case where the status must be verified at earlier places of residence
 *   is not modelled.
 * - **Internal process** (a modelling choice, as a province would approve it): desk 4 working hours,
 *   verification 12, signature 4, seal and register 2 — 22 of the 24 working hours.
 * - **Supplementation**: one request during processing; the time limit counts again from the
 *   complete dossier (Decree 61 art. 19(4) [C]; kept for the 2025 rules, UNCONFIRMED).
 * - **Apology** (Form 04): signed by the head of the agency (brief §2 [C]): the role `agency-head`.
 * - **Fee**: set by each province's People's Council [R]; `0` until configured.
 */
export function maritalStatusDefinition(regime: Regime): ProcedureDefinitionInput {
  const period = PERIODS[regime];
  return {
    code: MARITAL_STATUS_CODE,
    version: period.version,
    effectiveFrom: period.effectiveFrom,
    ...(period.effectiveTo ? { effectiveTo: period.effectiveTo } : {}),
    regime,
    name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân', en: 'Certification of marital status' },
    legalBasis: [
      'Luật Hộ tịch 60/2014/QH13 ngày 20/11/2014 (hiệu lực 01/01/2016)',
      'Nghị định 123/2015/NĐ-CP ngày 15/11/2015 (hiệu lực 01/01/2016), điều 21–23 [R: chưa đối chiếu văn bản sửa đổi]',
      ...ONE_STOP[regime],
    ],
    agency: 'Ủy ban nhân dân cấp xã',
    timeLimit: { workingDays: 3 },
    channels: ['in-person', 'online-full', 'postal'],
    application: maritalStatusApplication,
    documents: [
      { id: 'to-khai', name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1 },
      {
        id: 'ly-hon-hoac-chung-tu',
        name: 'Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ/chồng',
        copies: 1,
        required: false,
        note: 'Khi đã ly hôn hoặc vợ/chồng đã chết [R]',
      },
      {
        id: 'giay-xac-nhan-cu',
        name: 'Giấy xác nhận tình trạng hôn nhân đã cấp trước đây',
        originals: 1,
        required: false,
        note: 'Khi xin cấp lại để kết hôn [R]',
      },
    ],
    fees: [
      {
        id: 'le-phi',
        name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
        kind: 'charge',
        amountVnd: 0,
        collection: 'at-intake',
        note: 'Mức do Hội đồng nhân dân tỉnh quyết định [R]: cấu hình theo tỉnh',
      },
    ],
    units: {
      desk: {
        name:
          regime === '2018'
            ? 'Bộ phận Một cửa UBND cấp xã'
            : 'Trung tâm Phục vụ hành chính công cấp xã (Bộ phận Một cửa)',
      },
      justice: { name: 'Công chức Tư pháp – Hộ tịch' },
      leader: { name: 'Chủ tịch hoặc Phó Chủ tịch UBND xã' },
      clerk: { name: 'Văn thư UBND xã' },
    },
    steps: [
      {
        id: 'receive',
        name: 'Tiếp nhận, kiểm tra hồ sơ, chuyển công chức Tư pháp – Hộ tịch',
        unit: 'desk',
        budget: { workingHours: 4 },
        kind: 'transfer',
      },
      {
        id: 'verify',
        name: 'Kiểm tra, xác minh tình trạng hôn nhân, dự thảo Giấy xác nhận',
        unit: 'justice',
        budget: { workingHours: 12 },
        kind: 'appraisal',
      },
      {
        id: 'sign',
        name: 'Ký Giấy xác nhận tình trạng hôn nhân',
        unit: 'leader',
        budget: { workingHours: 4 },
        kind: 'signing',
        issuesDecision: true,
      },
      {
        id: 'record',
        name: 'Đóng dấu, vào sổ, chuyển kết quả về Bộ phận Một cửa',
        unit: 'clerk',
        budget: { workingHours: 2 },
        kind: 'other',
      },
    ],
    supplementation: { clock: 'restart', maxRequests: 1 },
    permissions: { APOLOGIZE: ['agency-head'] },
  };
}

/** Version `2018.1`: received 21/06/2018 – 30/06/2025 under Decree 61. */
export const maritalStatus2018: Procedure = defineProcedure(maritalStatusDefinition('2018'));
/** Version `2025.1`: received from 01/07/2025 under Decree 118. */
export const maritalStatus2025: Procedure = defineProcedure(maritalStatusDefinition('2025'));

/** Both versions: `registry.inForce(MARITAL_STATUS_CODE, receiptDate)` picks the one in force. */
export function maritalStatusRegistry(): ProcedureRegistry {
  return new ProcedureRegistry([maritalStatus2018, maritalStatus2025]);
}
