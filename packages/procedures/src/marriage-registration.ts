import type { Step, TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { addressField, birthDateField, idNumberField, nameField } from './shared/fields.js';
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
 * Code of marriage registration (between Vietnamese citizens): `1.000894`, "Thủ tục đăng ký kết
 * hôn", commune level, published by the Ministry of Justice [C]. Two independent captures of the
 * national record: the chatbot-tthc crawl (`scripts/crawler/data/raw/bo-tu-phap/1.000894.json`)
 * and VoidKeishi/OpenGOV (`data/procedures/1.000894.json`); a third project's evaluation cases
 * agree; addresses and the date checked in {@link NATIONAL_CODES}. The code's use before
 * 01/07/2025 was not checked; the `2018.1` versions carry it all the same.
 */
export const MARRIAGE_REGISTRATION_CODE: string = NATIONAL_CODES.marriageRegistration.code;

const party = () =>
  z
    .object({
      fullName: nameField(),
      birthDate: birthDateField(),
      idNumber: idNumberField(),
      nationality: z.string().trim().min(1).default('Việt Nam'),
      residence: addressField(),
    })
    .strict();

/**
 * The application of a marriage registration (tờ khai đăng ký kết hôn): the two parties. Legal
 * conditions of marriage (age, marital status) are not checked here: they are matters of the Law on
 * Marriage and Family, not of the receipt, and
 * they are appraised by the civil-status officer.
 */
export const marriageRegistrationApplication = z
  .object({ partyA: party(), partyB: party() })
  .strict()
  .superRefine((a, ctx) => {
    if (a.partyA.idNumber === a.partyB.idNumber) {
      ctx.addIssue({
        code: 'custom',
        path: ['partyB', 'idNumber'],
        message: 'the two parties are the same person',
      });
    }
  });
/** A marriage registration application. */
export type MarriageRegistrationApplication = z.input<typeof marriageRegistrationApplication>;

/** The two cases of marriage registration, each its own version (see the factory's notes). */
export type MarriageVariant = 'standard' | 'verification';

const IMMEDIATE_STEPS: Step[] = [
  {
    id: 'receive',
    name: 'Tiếp nhận, kiểm tra hồ sơ, chuyển công chức Tư pháp – Hộ tịch',
    unit: 'desk',
    budget: { workingHours: 0.25 },
    kind: 'transfer',
    issuesDecision: false,
  },
  {
    id: 'appraise',
    name: 'Kiểm tra điều kiện kết hôn, ghi Sổ đăng ký kết hôn, in Giấy chứng nhận kết hôn',
    unit: 'justice',
    budget: { workingHours: 0.75 },
    kind: 'appraisal',
    issuesDecision: false,
  },
  {
    id: 'sign',
    name: 'Ký Giấy chứng nhận kết hôn',
    unit: 'leader',
    budget: { workingHours: 0.5 },
    kind: 'signing',
    issuesDecision: true,
  },
  {
    id: 'seal',
    name: 'Đóng dấu, vào sổ, chuyển kết quả về Bộ phận Một cửa',
    unit: 'clerk',
    budget: { workingHours: 0.25 },
    kind: 'other',
    issuesDecision: false,
  },
];

const VERIFICATION_STEPS: Step[] = [
  {
    id: 'receive',
    name: 'Tiếp nhận, kiểm tra hồ sơ, chuyển công chức Tư pháp – Hộ tịch',
    unit: 'desk',
    budget: { workingHours: 4 },
    kind: 'transfer',
    issuesDecision: false,
  },
  {
    id: 'verify',
    name: 'Xác minh điều kiện kết hôn của hai bên, ghi Sổ đăng ký kết hôn, in Giấy chứng nhận kết hôn',
    unit: 'justice',
    budget: { workingDays: 3 },
    kind: 'appraisal',
    issuesDecision: false,
  },
  {
    id: 'sign',
    name: 'Ký Giấy chứng nhận kết hôn',
    unit: 'leader',
    budget: { workingHours: 4 },
    kind: 'signing',
    issuesDecision: true,
  },
  {
    id: 'seal',
    name: 'Đóng dấu, vào sổ, chuyển kết quả về Bộ phận Một cửa',
    unit: 'clerk',
    budget: { workingHours: 2 },
    kind: 'other',
    issuesDecision: false,
  },
];

/**
 * Marriage registration (đăng ký kết hôn) at the commune People's Committee, for one version
 * period and one case.
 *
 * - **Time limit** [C]: immediately once the papers are complete; at most 5 working days if the
 *   marriage conditions need verification (Law on Civil Status art. 18(2)). The immediate case
 *   follows the civil-status 15:00 rule of art. 5(3) (Law on Civil Status 60/2014/QH13) for
 *   civil-status matters with no statutory figure: `{ sameDay: true, cutoff: '15:00' }`. The verification case has a
 *   statutory figure, so no cut-off: `{ workingDays: 5 }`.
 * - **Choice: the verification case is a variant version**, `'<version>-verification'` (e.g.
 *   `2025.1-verification`), with the same code and period. The one-stop rules fix the due time at
 *   receipt (Form 01), and the definition schema has a single `timeLimit` with no way to lengthen
 *   it during processing (an apology moves the due time in force but the dossier still counts as
 *   late against the legal one). So the desk picks the case at receipt, as provinces do when they
 *   approve one internal process per case: `engine.receive({ procedure, version })`, or
 *   `procedureFor(registry, code, date, 'verification')` from the catalogue. `inForce` returns the
 *   standard (immediate) case. A dossier found to need verification only after receipt cannot be
 *   moved to the 5-day limit without a migration: a gap of the kit, reported.
 * - **Internal process** (modelling choices): immediate case 1.75 working hours, so a dossier
 *   received at the 15:00 cut-off can be finished by 17:00; verification case 4.25 working days
 *   (desk 4 h, verification 3 days, signature 4 h, seal 2 h).
 * - **Documents**: no list has been confirmed. Listed conservatively: the joint declaration, one
 *   original, UNCONFIRMED [R]. The marital-status certificate needed in some cases is recalled
 *   [R] and not listed.
 * - **Fees**: none modelled; no amount has been confirmed.
 * - **Channels**: in person only (conservative: the parties are recalled to have to be present to
 *   receive the certificate [R]).
 *
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { marriageRegistrationDefinition, WINDOW_2025 } from '@motcua/procedures';
 * const marriage = defineProcedure(marriageRegistrationDefinition(WINDOW_2025));
 * ```
 */
export function marriageRegistrationDefinition(
  window: VersionWindow,
  variant: MarriageVariant = 'standard',
): TypedProcedureDefinitionInput<typeof marriageRegistrationApplication> {
  const desk =
    window.regime === '2018'
      ? 'Bộ phận Một cửa UBND cấp xã'
      : 'Trung tâm Phục vụ hành chính công cấp xã (Bộ phận Một cửa)';
  const verification = variant === 'verification';
  return {
    code: MARRIAGE_REGISTRATION_CODE,
    version: variantVersion(window, variant),
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: verification
      ? {
          vi: 'Đăng ký kết hôn (trường hợp cần xác minh)',
          en: 'Marriage registration (verification needed)',
        }
      : { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
    legalBasis: legalBasis(window.regime, [
      verification
        ? 'Luật Hộ tịch 60/2014/QH13, điều 18 khoản 2 (cần xác minh: không quá 05 ngày làm việc)'
        : 'Luật Hộ tịch 60/2014/QH13, điều 18 khoản 2 (giải quyết ngay khi nhận đủ giấy tờ)',
      ...(verification
        ? []
        : [
            'Luật Hộ tịch 60/2014/QH13, điều 5 khoản 3 (nhận hồ sơ sau 15 giờ: trả kết quả trong ngày làm việc tiếp theo)',
          ]),
    ]),
    agency: 'Ủy ban nhân dân cấp xã',
    ...nationalImplementation(NATIONAL_CODES.marriageRegistration, window),
    timeLimit: verification ? { workingDays: 5 } : { sameDay: true, cutoff: '15:00' },
    channels: ['in-person'],
    application: marriageRegistrationApplication,
    checkReceipt: receiptChecks(notAfterReceipt('partyA.birthDate', 'partyB.birthDate')),
    documents: [
      {
        id: 'to-khai',
        name: 'Tờ khai đăng ký kết hôn',
        originals: 1,
        note: 'Chưa xác nhận [R]: không có trong tài liệu nghiệp vụ',
      },
    ],
    fees: [],
    units: {
      desk: { name: desk },
      justice: { name: 'Công chức Tư pháp – Hộ tịch' },
      leader: { name: 'Lãnh đạo UBND xã (Chủ tịch hoặc Phó Chủ tịch)' },
      clerk: { name: 'Văn thư UBND xã' },
    },
    steps: verification ? VERIFICATION_STEPS : IMMEDIATE_STEPS,
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * Marriage registration: versions `2018.1-verification`, `2018.1` (Decree 61), `2025.1-verification` and `2025.1` (Decree 118): the
 * verification case (≤ 5 working days) comes before the immediate one in each period. Each version is compiled on first use
 * (`marriageRegistration.version('2025.1')`, `marriageRegistration.versions`).
 */
export const marriageRegistration: ProcedureVersions<typeof marriageRegistrationApplication> = defineVersions(
  marriageRegistrationDefinition,
  [
    { window: WINDOW_2018, variants: ['verification'] },
    { window: WINDOW_2025, variants: ['verification'] },
  ],
);
