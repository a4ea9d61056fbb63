import { personal, type Step, type TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { placeholderCode } from './shared/codes.js';
import {
  addressField,
  birthDateField,
  idNumberField,
  localDateField,
  nameField,
  sexField,
} from './shared/fields.js';
import { inOrder, notAfterReceipt, receiptChecks } from './shared/receipt-checks.js';
import {
  DECREE_118_IN_FORCE,
  legalBasis,
  PERMISSIONS,
  SUPPLEMENTATION,
  type VersionWindow,
  WINDOW_2018,
} from './shared/regimes.js';
import { variantVersion } from './shared/variants.js';
import { defineVersions, type ProcedureVersions } from './shared/versions.js';

/**
 * Code of the judicial record certificate: a placeholder. The code differs by period: the national
 * record crawled in 2026 (chatbot-tthc, `scripts/crawler/data/raw/bo-cong-an/3.000333.json`) gives
 * `3.000333` "Cấp Phiếu Lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt
 * Nam, người Việt Nam đang cư trú ở nước ngoài" at the provincial police (Decision 1025/QĐ-BCA), in
 * one identified source only; the code of the Ministry of Justice's procedure (Department of Justice)
 * was not found (searched 2026-12-02). One code cannot serve every version here. To confirm against
 * the National Public Service Portal.
 */
export const JUDICIAL_RECORD_CODE = placeholderCode('cap-phieu-ly-lich-tu-phap');

/** The last day of the Law 28/2009 limits and of the Ministry of Justice's function, before Law 107/2025 [C]. */
export const JUDICIAL_RECORD_MOJ_LAST_DAY = '2026-06-30';
/** Law 107/2025/QH15 takes effect: the Ministry of Public Security issues the certificates [C]. */
export const JUDICIAL_RECORD_MPS_IN_FORCE = '2026-07-01';

/** Decree 118 rules, Law 28/2009 limits (01/07/2025 – 30/06/2026). */
export const JUDICIAL_RECORD_WINDOW_2025: VersionWindow = {
  regime: '2025',
  version: '2025.1',
  effectiveFrom: DECREE_118_IN_FORCE,
  effectiveTo: JUDICIAL_RECORD_MOJ_LAST_DAY,
};

/** Decree 118 rules, Law 107/2025 limits (from 01/07/2026). */
export const JUDICIAL_RECORD_WINDOW_2026: VersionWindow = {
  regime: '2025',
  version: '2026.1',
  effectiveFrom: JUDICIAL_RECORD_MPS_IN_FORCE,
};

/**
 * The application of a judicial record certificate (tờ khai yêu cầu cấp Phiếu lý lịch tư pháp).
 * A Vietnamese citizen gives the 12-digit ID number, a foreigner a passport number. The places of
 * residence and the three flags feed {@link judicialRecordNeedsExtendedLimit}.
 */
export const judicialRecordApplication = z
  .object({
    subject: z
      .object({
        fullName: nameField(),
        sex: sexField(),
        birthDate: birthDateField(),
        birthPlace: addressField(),
        nationality: z.string().trim().min(1).default('Việt Nam'),
        idNumber: idNumberField().optional(),
        passportNumber: personal(z.string().trim().min(5).max(20), 'id-number').optional(),
        fatherName: nameField().optional(),
        motherName: nameField().optional(),
      })
      .strict()
      // On the subject (not the whole application), so it is reported with the other fields' issues.
      .superRefine((s, ctx) => {
        if (!s.idNumber && !s.passportNumber) {
          ctx.addIssue({
            code: 'custom',
            path: ['idNumber'],
            message: 'give the ID number (citizens) or a passport number (foreigners)',
          });
        }
      }),
    residences: z
      .array(
        z
          .object({ address: addressField(), from: localDateField(), to: localDateField().optional() })
          .strict(),
      )
      .min(1),
    /** Certificate form No. 1 or No. 2 (Phiếu số 1 / số 2) [R]. */
    certificateForm: z.enum(['form-1', 'form-2']),
    copies: z.number().int().positive().max(20),
    purpose: z.string().trim().min(2).max(300).optional(),
    /** The person lived abroad for some time. */
    livedAbroad: z.boolean().default(false),
    /** Whether the person's conviction must be checked for automatic expungement. */
    expungementCheck: z.boolean().default(false),
  })
  .strict();
/** A judicial record certificate application. */
export type JudicialRecordApplication = z.input<typeof judicialRecordApplication>;

/**
 * Whether an application falls in the cases with the longer limit of Law 28/2009/QH12 art. 48 [C]
 * (the law lists them): residence in several places, residence abroad, a foreigner, or a check of automatic
 * expungement. "Several places" is read as more than one listed residence; the law's exact
 * criterion is UNCONFIRMED, so the desk has the last word. Only meaningful until 30/06/2026.
 *
 * @example
 * ```ts
 * import { judicialRecordNeedsExtendedLimit, sampleJudicialRecord } from '@motcua/procedures';
 * judicialRecordNeedsExtendedLimit(sampleJudicialRecord.application); // false: one residence in Việt Nam
 * ```
 */
export function judicialRecordNeedsExtendedLimit(application: JudicialRecordApplication): boolean {
  const nationality = application.subject.nationality ?? 'Việt Nam';
  return (
    application.residences.length > 1 ||
    application.livedAbroad === true ||
    application.expungementCheck === true ||
    nationality.trim().toLowerCase() !== 'việt nam'
  );
}

/** The cases of the judicial record certificate, each its own version. */
export type JudicialRecordVariant = 'standard' | 'extended';

const step = (
  id: string,
  name: string,
  unit: string,
  budget: Step['budget'],
  kind: Step['kind'],
  issuesDecision = false,
): Step => ({ id, name, unit, budget, kind, issuesDecision });

const stepsFor = (verifyDays: number, draft: Step['budget'], sign: Step['budget'], desk: number): Step[] => [
  step('receive', 'Tiếp nhận, kiểm tra, chuyển hồ sơ', 'desk', { workingHours: desk }, 'transfer'),
  step(
    'verify',
    'Tra cứu cơ sở dữ liệu lý lịch tư pháp, xác minh thông tin về án tích',
    'records',
    { workingDays: verifyDays },
    'appraisal',
  ),
  step('draft', 'Lập Phiếu lý lịch tư pháp', 'records', draft, 'other'),
  step('sign', 'Ký Phiếu lý lịch tư pháp', 'leader', sign, 'signing', true),
  step(
    'issue',
    'Đóng dấu, vào sổ, chuyển kết quả về Bộ phận Một cửa',
    'clerk',
    { workingHours: desk },
    'other',
  ),
];

/**
 * Issue of a judicial record certificate (cấp Phiếu lý lịch tư pháp) to a person, for one version
 * period and one case. Three periods:
 *
 * | version | period | rules | limit |
 * |---|---|---|---|
 * | `2018.1` (+ `-extended`) | 21/06/2018 – 30/06/2025 | Decree 61 | ≤ 10 working days; ≤ 15 in the listed cases |
 * | `2025.1` (+ `-extended`) | 01/07/2025 – 30/06/2026 | Decree 118 | the same (Law 28/2009 art. 48) |
 * | `2026.1` | from 01/07/2026 | Decree 118 | 5 working days, **provisional** |
 *
 * - **Until 30/06/2026** [C]: at most 10 days, at most 15 for citizens who lived in several
 *   places or abroad, foreigners, and expungement checks (Law 28/2009 art. 48; the Ministry of
 *   Justice reads these as working days). The longer case is a variant version
 *   `'<version>-extended'`, chosen at receipt (see {@link judicialRecordNeedsExtendedLimit}).
 *   The ≤ 24 h urgent case is for prosecuting bodies, not applicants at a desk: not modelled.
 * - **From 01/07/2026**: Law 107/2025/QH15 gives the function to the Ministry of Public Security
 *   [C]; the limit of **5 working days is [S]** (a National Assembly report on the draft; the
 *   final text of the new art. 48 is UNCONFIRMED). Whether the new law keeps a
 *   longer limit for the listed cases is not known, so no extended variant exists from that date
 *   and the catalogue's `procedureFor(…, 'extended')` refuses it rather than invent a figure.
 *   Decree 216/2026 art. 23 [C] also sets intake answers (Forms 01/02/03 within 1 hour in person,
 *   1 working day by post; an automatic answer to online requests within 8 working hours): the
 *   definition schema cannot express intake deadlines, so they are not modelled.
 * - **Internal process** (modelling choices): 9 working days (10-day limit), 13.5 (15-day
 *   limit), 4 (5-day limit).
 * - **Documents**: no list has been confirmed; listed conservatively, UNCONFIRMED [R]: the request
 *   form, one original, and a copy of the ID or passport.
 * - **Fees**: none modelled; a fee exists [R]; no amount has been confirmed.
 * - **Competent agency**: the provincial Department of Justice until 30/06/2026 [R for the
 *   department]; the Ministry of Public Security from 01/07/2026 [C] (the unit receiving requests
 *   is UNCONFIRMED).
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { JUDICIAL_RECORD_WINDOW_2025, judicialRecordDefinition } from '@motcua/procedures';
 * const judicial = defineProcedure(judicialRecordDefinition(JUDICIAL_RECORD_WINDOW_2025, 'extended'));
 * ```
 */
export function judicialRecordDefinition(
  window: VersionWindow,
  variant: JudicialRecordVariant = 'standard',
): TypedProcedureDefinitionInput<typeof judicialRecordApplication> {
  const mps = window.effectiveFrom >= JUDICIAL_RECORD_MPS_IN_FORCE;
  const extended = variant === 'extended';
  if (mps && extended) {
    throw new RangeError(
      'judicialRecordDefinition: no extended limit is known under Law 107/2025 (from 01/07/2026)',
    );
  }
  const limit = mps ? 5 : extended ? 15 : 10;
  const steps = mps
    ? stepsFor(2.5, { workingHours: 4 }, { workingHours: 4 }, 2)
    : extended
      ? stepsFor(10, { workingDays: 1.5 }, { workingDays: 1 }, 4)
      : stepsFor(6, { workingDays: 1 }, { workingDays: 1 }, 4);
  const sector = mps
    ? [
        'Luật 107/2025/QH15 (thông qua ngày 05/12/2025, hiệu lực 01/07/2026), thời hạn cấp Phiếu lý lịch tư pháp (điều 48)',
        'Nghị định 216/2026/NĐ-CP ngày 18/06/2026 (thay thế Nghị định 111/2010/NĐ-CP), điều 23',
      ]
    : [
        extended
          ? 'Luật Lý lịch tư pháp 28/2009/QH12, điều 48 (trường hợp không quá 15 ngày)'
          : 'Luật Lý lịch tư pháp 28/2009/QH12, điều 48 (không quá 10 ngày)',
      ];
  const desk = mps
    ? 'Bộ phận Một cửa (Công an)'
    : window.regime === '2018'
      ? 'Bộ phận Một cửa (Sở Tư pháp)'
      : 'Trung tâm Phục vụ hành chính công cấp tỉnh (Bộ phận Một cửa)';
  return {
    code: JUDICIAL_RECORD_CODE,
    version: variantVersion(window, variant),
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: extended
      ? {
          vi: 'Cấp Phiếu lý lịch tư pháp (trường hợp không quá 15 ngày)',
          en: 'Judicial record certificate (15-day cases)',
        }
      : { vi: 'Cấp Phiếu lý lịch tư pháp', en: 'Judicial record certificate' },
    legalBasis: legalBasis(window.regime, sector),
    agency: mps ? 'Bộ Công an (cơ quan cấp Phiếu lý lịch tư pháp)' : 'Sở Tư pháp',
    timeLimit: { workingDays: limit },
    channels: ['in-person', 'postal', 'online-full'],
    application: judicialRecordApplication,
    checkReceipt: receiptChecks(
      notAfterReceipt('subject.birthDate', 'residences[*].from', 'residences[*].to'),
      inOrder('residences[*].from', 'residences[*].to'),
    ),
    documents: [
      {
        id: 'to-khai',
        name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
      {
        id: 'giay-to-tuy-than',
        name: 'Bản chụp thẻ căn cước / hộ chiếu',
        copies: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
    ],
    fees: [],
    units: {
      desk: { name: desk },
      records: {
        name: mps ? 'Cán bộ nghiệp vụ lý lịch tư pháp (Công an)' : 'Phòng Lý lịch tư pháp (Sở Tư pháp)',
      },
      leader: { name: mps ? 'Lãnh đạo đơn vị cấp Phiếu (Công an)' : 'Lãnh đạo Sở Tư pháp' },
      clerk: { name: 'Văn thư' },
    },
    steps,
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * The judicial record certificate: versions `2018.1-extended`, `2018.1` (Decree 61), `2025.1-extended`, `2025.1` (Decree 118, to
 * 30/06/2026) and `2026.1` (Law 107/2025, from 01/07/2026, 5 working days, provisional): the
 * 15-day cases come before the 10-day ones in each period. Each version is compiled on first use
 * (`judicialRecord.version('2025.1')`, `judicialRecord.versions`).
 */
export const judicialRecord: ProcedureVersions<typeof judicialRecordApplication> = defineVersions(
  judicialRecordDefinition,
  [
    { window: WINDOW_2018, variants: ['extended'] },
    { window: JUDICIAL_RECORD_WINDOW_2025, variants: ['extended'] },
    JUDICIAL_RECORD_WINDOW_2026,
  ],
);
