import type { TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
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
 * Code of copy certification from originals: `2.000815`, "Chứng thực bản sao từ bản chính giấy tờ,
 * văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; … của nước ngoài; … cấp hoặc chứng nhận",
 * commune level (also notaries and missions abroad), published by the Ministry of Justice (record of
 * Decision 3152/QĐ-BTP, 31/10/2025) [C]. Two independent captures of the national record: the
 * chatbot-tthc crawl (`scripts/crawler/data/raw/bo-tu-phap/2.000815.json`) and the portal API record
 * saved by hongdienvbhp/BangNiemYetVinhBao (`data/source-audit/dvc-api-detail-2.000815.json`);
 * addresses and the date checked in {@link NATIONAL_CODES}. The code's use before 01/07/2025 was not
 * checked; the `2018.1` version carries it all the same.
 */
export const COPY_CERTIFICATION_CODE: string = NATIONAL_CODES.copyCertification.code;

/**
 * The application of a copy certification: the papers whose copies are certified, with their
 * page counts and the number of certified copies wanted. Titles describe papers, not persons, so
 * they are not tagged as personal data.
 */
export const copyCertificationApplication = z
  .object({
    papers: z
      .array(
        z
          .object({
            title: z.string().trim().min(2).max(200),
            issuedBy: z.string().trim().min(2).max(200).optional(),
            pages: z.number().int().positive(),
            copies: z.number().int().positive(),
            /** In a foreign language (certification rules differ; checked by the officer). */
            foreignLanguage: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
/** A copy certification application. */
export type CopyCertificationApplication = z.input<typeof copyCertificationApplication>;

/**
 * Pages to certify in an application (pages × copies, summed): the volume the desk looks at.
 *
 * @example
 * ```ts
 * import { pagesToCertify, sampleCopyCertification } from '@motcua/procedures';
 * pagesToCertify(sampleCopyCertification.application); // pages × copies, summed
 * ```
 */
export function pagesToCertify(application: CopyCertificationApplication): number {
  return application.papers.reduce((n, p) => n + p.pages * p.copies, 0);
}

/**
 * Certification of copies from originals (chứng thực bản sao từ bản chính), for one version period.
 *
 * - **Time limit** [C secondary]: the same working day; a request received after 15:00 is done the
 *   next working day (Decree 23/2015/NĐ-CP; the article, recalled as art. 7, is [R]):
 *   `{ sameDay: true, cutoff: '15:00' }`.
 * - **Large volumes** take longer by agreement with the applicant (Decree 23/2015/NĐ-CP [C; art. 7
 *   R]), but no figure is given: **not modelled**. The kit has no per-dossier limit agreed at receipt; the nearest
 *   tool is an apology with a new date, which still counts the dossier as late. Open question.
 * - **Internal process**: 1.75 working hours, so a request received at the 15:00 cut-off can be
 *   done by 17:00: desk 15 min, comparison with the original 45 min, signature 30 min, seal and
 *   register 15 min (modelling choice).
 * - **Documents**: the original (shown, handed back) and the copies to certify, recalled [R]; no
 *   list has been confirmed. The original is counted as one original to present.
 * - **Fees**: none modelled. A per-page fee exists [R]; no amount has been confirmed.
 * - **Channels**: in person only: the original must be compared with the copy.
 * - **Competent agency**: the commune People's Committee (in the 2018 version also the district
 *   justice office and notary organisations [R]; the district level is gone from 01/07/2025,
 *   Decree 118/2025/NĐ-CP art. 1 [C]).
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { copyCertificationDefinition, WINDOW_2025 } from '@motcua/procedures';
 * const copies = defineProcedure(copyCertificationDefinition(WINDOW_2025));
 * ```
 */
export function copyCertificationDefinition(
  window: VersionWindow,
): TypedProcedureDefinitionInput<typeof copyCertificationApplication> {
  return {
    code: COPY_CERTIFICATION_CODE,
    version: window.version,
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certification of copies from originals' },
    legalBasis: legalBasis(window.regime, [
      'Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
    ]),
    agency: 'Ủy ban nhân dân cấp xã',
    ...nationalImplementation(NATIONAL_CODES.copyCertification, window),
    timeLimit: { sameDay: true, cutoff: '15:00' },
    channels: ['in-person'],
    application: copyCertificationApplication,
    documents: [
      {
        id: 'ban-chinh',
        name: 'Bản chính giấy tờ, văn bản làm cơ sở chứng thực (xuất trình, trả lại)',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
      {
        id: 'ban-sao',
        name: 'Bản sao cần chứng thực',
        copies: 1,
        note: 'Chưa xác nhận [R]: số bản theo yêu cầu của người đề nghị',
      },
    ],
    fees: [],
    units: {
      desk: {
        name:
          window.regime === '2018'
            ? 'Bộ phận Một cửa UBND cấp xã'
            : 'Trung tâm Phục vụ hành chính công cấp xã (Bộ phận Một cửa)',
      },
      justice: { name: 'Công chức Tư pháp – Hộ tịch (người thực hiện chứng thực)' },
      leader: { name: 'Lãnh đạo UBND xã (người ký chứng thực)' },
      clerk: { name: 'Văn thư UBND xã' },
    },
    steps: [
      {
        id: 'receive',
        name: 'Tiếp nhận yêu cầu, kiểm tra bản chính',
        unit: 'desk',
        budget: { workingHours: 0.25 },
        kind: 'transfer',
      },
      {
        id: 'compare',
        name: 'Đối chiếu bản sao với bản chính, ghi lời chứng',
        unit: 'justice',
        budget: { workingHours: 0.75 },
        kind: 'appraisal',
      },
      {
        id: 'sign',
        name: 'Ký chứng thực',
        unit: 'leader',
        budget: { workingHours: 0.5 },
        kind: 'signing',
        issuesDecision: true,
      },
      {
        id: 'seal',
        name: 'Đóng dấu, ghi Sổ chứng thực, chuyển kết quả về Bộ phận Một cửa',
        unit: 'clerk',
        budget: { workingHours: 0.25 },
        kind: 'other',
      },
    ],
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * Copy certification: versions `2018.1` (Decree 61) and `2025.1` (Decree 118). Each version is compiled on first use
 * (`copyCertification.version('2025.1')`, `copyCertification.versions`).
 */
export const copyCertification: ProcedureVersions<typeof copyCertificationApplication> = defineVersions(
  copyCertificationDefinition,
  [WINDOW_2018, WINDOW_2025],
);
