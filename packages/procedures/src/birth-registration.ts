import type { TypedProcedureDefinitionInput } from '@motcua/core';
import { z } from 'zod';
import { addressField, birthDateField, idNumberField, nameField, sexField } from './shared/fields.js';
import { nationalImplementation } from './shared/implementation.js';
import { NATIONAL_CODES } from './shared/national-codes.js';
import { inOrder, notAfterReceipt, receiptChecks } from './shared/receipt-checks.js';
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
 * Code of birth registration: `1.001193`, "Thủ tục đăng ký khai sinh", commune level, published by
 * the Ministry of Justice [C]. Two independent captures of the national record: the chatbot-tthc
 * crawl (`scripts/crawler/data/raw/bo-tu-phap/1.001193.json`) and the portal API record saved by
 * hongdienvbhp/BangNiemYetVinhBao (`data/source-audit/dvc-api-detail-1.001193.json`); sources,
 * addresses and the date checked in {@link NATIONAL_CODES}. The record dates from 2019, so the
 * `2018.1` version keeps the same code.
 */
export const BIRTH_REGISTRATION_CODE: string = NATIONAL_CODES.birthRegistration.code;

const parent = () =>
  z
    .object({
      fullName: nameField(),
      birthDate: birthDateField().optional(),
      idNumber: idNumberField().optional(),
      ethnicity: z.string().trim().min(1).optional(),
      nationality: z.string().trim().min(1).default('Việt Nam'),
      residence: addressField().optional(),
    })
    .strict();

/**
 * The application of a birth registration (tờ khai đăng ký khai sinh). The proof of birth is one of
 * the four papers of Joint Circular 05/2015/TTLT-BTP-BCA-BYT [C]: a birth certificate (giấy
 * chứng sinh), a witness statement, a sworn declaration, or a record of an abandoned child.
 * At least one parent is named unless the child was abandoned.
 */
export const birthRegistrationApplication = z
  .object({
    child: z
      .object({
        fullName: nameField(),
        sex: sexField(),
        birthDate: birthDateField(),
        birthPlace: addressField(),
        ethnicity: z.string().trim().min(1),
        nationality: z.string().trim().min(1).default('Việt Nam'),
      })
      .strict(),
    mother: parent().optional(),
    father: parent().optional(),
    birthProof: z.enum(['birth-certificate', 'witness-statement', 'sworn-declaration', 'abandonment-record']),
    /** How the declarant (the applicant) is related to the child. */
    declarantRelation: z.enum(['mother', 'father', 'grandparent', 'relative', 'other']),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!a.mother && !a.father && a.birthProof !== 'abandonment-record') {
      ctx.addIssue({
        code: 'custom',
        path: ['mother'],
        message: 'name at least one parent (unless the child was abandoned)',
      });
    }
  });
/** A birth registration application. */
export type BirthRegistrationApplication = z.input<typeof birthRegistrationApplication>;

/**
 * Birth registration (đăng ký khai sinh) at the commune People's Committee, standalone (outside the
 * "3 in 1" liaison), for one version period.
 *
 * - **Time limit** [C]: immediately once the papers are complete; a dossier received after 15:00
 *   that cannot be done at once is done the next working day (Law on Civil Status 60/2014 arts.
 *   16(2), 5(3)). Modelled as `{ sameDay: true, cutoff: '15:00' }`: due at the close of the day of
 *   receipt, or of the next working day after 15:00. "Immediately" has no figure finer than the
 *   day, so no shorter service target is set.
 * - **Internal process**: 1.75 working hours in all, so a dossier received at the 15:00 cut-off
 *   can still be finished by the 17:00 close: desk 15 min, civil-status officer 45 min, leader's
 *   signature 30 min, clerk's seal and return 15 min. These budgets are a modelling choice, not
 *   law: the province approves the real internal process.
 * - **Documents**: the declaration and one proof of birth [C, Joint Circular 05/2015/TTLT-BTP-BCA-BYT]. Originals, one each
 *   (conservative). Papers shown rather than handed in (the declarant's ID) are not listed: the
 *   definition schema has no "shown" count.
 * - **Fees**: none modelled. No amount has been confirmed; timely birth registration is recalled as
 *   free of the civil-status fee [R, UNCONFIRMED].
 * - **Channels**: in person, by post, online (Decree 61 art. 16 channels). Which online level the
 *   portal offers for the standalone procedure is UNCONFIRMED [R].
 * - **Competent agency**: the commune People's Committee in both regimes (in the 2025 regime the
 *   commune of the two-tier local government, Decree 118/2025/NĐ-CP art. 1 [C]). National code
 *   `1.001193` (see {@link BIRTH_REGISTRATION_CODE}).
 *
 * @example
 * ```ts
 * import { defineProcedure, vietnamCalendar } from '@motcua/core';
 * import { birthRegistrationDefinition, WINDOW_2025 } from '@motcua/procedures';
 * // the definition as data: adjust it for a local office, then compile it
 * const definition = birthRegistrationDefinition(WINDOW_2025);
 * const birth = defineProcedure({ ...definition, agency: 'UBND xã Hưng Nguyên' }, { calendar: vietnamCalendar() });
 * ```
 */
export function birthRegistrationDefinition(
  window: VersionWindow,
): TypedProcedureDefinitionInput<typeof birthRegistrationApplication> {
  const desk =
    window.regime === '2018'
      ? 'Bộ phận Một cửa UBND cấp xã'
      : 'Trung tâm Phục vụ hành chính công cấp xã (Bộ phận Một cửa)';
  return {
    code: BIRTH_REGISTRATION_CODE,
    version: window.version,
    effectiveFrom: window.effectiveFrom,
    ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
    regime: window.regime,
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    legalBasis: legalBasis(window.regime, [
      'Luật Hộ tịch 60/2014/QH13, điều 16 khoản 2 (giải quyết ngay khi nhận đủ giấy tờ)',
      'Luật Hộ tịch 60/2014/QH13, điều 5 khoản 3 (nhận hồ sơ sau 15 giờ: trả kết quả trong ngày làm việc tiếp theo)',
    ]),
    agency: 'Ủy ban nhân dân cấp xã',
    ...nationalImplementation(NATIONAL_CODES.birthRegistration, window),
    timeLimit: { sameDay: true, cutoff: '15:00' },
    channels: ['in-person', 'postal', 'online-full'],
    application: birthRegistrationApplication,
    checkReceipt: receiptChecks(
      notAfterReceipt('child.birthDate', 'mother.birthDate', 'father.birthDate'),
      inOrder('mother.birthDate', 'child.birthDate'),
      inOrder('father.birthDate', 'child.birthDate'),
    ),
    documents: [
      { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1 },
      {
        id: 'giay-chung-sinh',
        name: 'Giấy chứng sinh; hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh, hoặc biên bản xác nhận trẻ bị bỏ rơi',
        originals: 1,
      },
    ],
    fees: [],
    units: {
      desk: { name: desk },
      justice: { name: 'Công chức Tư pháp – Hộ tịch' },
      leader: { name: 'Lãnh đạo UBND xã (Chủ tịch hoặc Phó Chủ tịch)' },
      clerk: { name: 'Văn thư UBND xã' },
    },
    steps: [
      {
        id: 'receive',
        name: 'Tiếp nhận, kiểm tra hồ sơ, chuyển công chức Tư pháp – Hộ tịch',
        unit: 'desk',
        budget: { workingHours: 0.25 },
        kind: 'transfer',
      },
      {
        id: 'appraise',
        name: 'Kiểm tra thông tin khai sinh, ghi Sổ đăng ký khai sinh, cập nhật cơ sở dữ liệu hộ tịch, in Giấy khai sinh',
        unit: 'justice',
        budget: { workingHours: 0.75 },
        kind: 'appraisal',
      },
      {
        id: 'sign',
        name: 'Ký Giấy khai sinh',
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
      },
    ],
    supplementation: SUPPLEMENTATION,
    permissions: PERMISSIONS,
  };
}

/**
 * Birth registration: versions `2018.1` (Decree 61) and `2025.1` (Decree 118). Each version is compiled on first use
 * (`birthRegistration.version('2025.1')`, `birthRegistration.versions`).
 */
export const birthRegistration: ProcedureVersions<typeof birthRegistrationApplication> = defineVersions(
  birthRegistrationDefinition,
  [WINDOW_2018, WINDOW_2025],
);
