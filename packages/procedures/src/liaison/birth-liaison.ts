import {
  defineLiaison,
  type Liaison,
  type LiaisonDefinitionInput,
  type Procedure,
  personal,
  type TimeLimit,
  type WorkingCalendar,
} from '@motcua/core';
import { z } from 'zod';
import { placeholderCode } from '../shared/codes.js';
import { addressField, birthDateField, idNumberField, nameField, sexField } from '../shared/fields.js';
import { NATIONAL_CODES } from '../shared/national-codes.js';
import { inOrder, notAfterReceipt, receiptChecks } from '../shared/receipt-checks.js';
import { legalBasis, type VersionWindow, WINDOW_2025 } from '../shared/regimes.js';
import { type LiaisonAgency, memberProcedure, splitSteps } from './member-procedure.js';

/*
 * The "3 in 1" birth liaison (liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho
 * trẻ em dưới 6 tuổi), in its two forms:
 * - the paper liaison of Joint Circular 05/2015/TTLT-BTP-BCA-BYT (in force 01/07/2015) [C];
 * - the electronic liaison of Decree 63/2024/NĐ-CP (10/06/2024), published by Decision 296/QĐ-VPCP [C].
 */

const JC_05_2015 =
  'Thông tư liên tịch 05/2015/TTLT-BTP-BCA-BYT ngày 15/05/2015 hướng dẫn thực hiện liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';
const DECREE_63_2024 =
  'Nghị định 63/2024/NĐ-CP ngày 10/06/2024 quy định việc thực hiện liên thông điện tử hai nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất';
const DECISION_296 =
  'Quyết định 296/QĐ-VPCP công bố các thủ tục hành chính liên thông (Nghị định 63/2024/NĐ-CP)';
const CIVIL_STATUS = 'Luật Hộ tịch 60/2014/QH13, điều 16 và điều 5(3)';
const RESIDENCE = 'Luật Cư trú 68/2020/QH14, điều 22';
const HEALTH_INSURANCE = 'Luật Bảo hiểm y tế 25/2008/QH12 (sửa đổi), điều 17';

/** The agencies of the birth liaison: their transport addresses and names (commune level after 07/2025 [R]). */
export interface BirthLiaisonAgencies {
  /** The commune People's Committee's civil-status officer (the focal point registers the birth itself). */
  readonly justice: LiaisonAgency;
  /** The police that registers permanent residence. */
  readonly police: LiaisonAgency;
  /** Social insurance (BHXH) that issues the health-insurance card. */
  readonly socialInsurance: LiaisonAgency;
}

/** Default agency addresses and names; configure them per province. */
export const DEFAULT_BIRTH_LIAISON_AGENCIES: BirthLiaisonAgencies = {
  justice: { id: 'ubnd-xa', name: 'Ủy ban nhân dân xã (công chức tư pháp – hộ tịch)' },
  police: { id: 'cong-an-xa', name: 'Công an xã' },
  socialInsurance: { id: 'bhxh-co-so', name: 'Bảo hiểm xã hội cơ sở' },
};

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

const child = () =>
  z
    .object({
      fullName: nameField(),
      sex: sexField(),
      birthDate: birthDateField(),
      birthPlace: addressField(),
      ethnicity: z.string().trim().min(1),
      nationality: z.string().trim().min(1).default('Việt Nam'),
    })
    .strict();

/**
 * The composite application of the birth liaison: the birth declaration (child, parents, proof of
 * birth), the permanent residence part (optional: the applicant may ask for birth + card only),
 * and the health-insurance declaration (tờ khai tham gia BHYT) for the child under 6.
 * The papers (Joint Circular 05/2015/TTLT-BTP-BCA-BYT [C]): birth declaration; birth certificate, witness statement, sworn
 * declaration or abandonment record; household-change slip; household book; BHYT declaration.
 */
export const birthLiaisonApplication = z
  .object({
    child: child(),
    mother: parent().optional(),
    father: parent().optional(),
    birthProof: z.enum(['birth-certificate', 'witness-statement', 'sworn-declaration', 'abandonment-record']),
    declarantRelation: z.enum(['mother', 'father', 'grandparent', 'relative', 'other']),
    /** Permanent residence of the child (thường trú): where, and in whose household. */
    residence: z
      .object({
        address: addressField(),
        householdHead: nameField(),
        householdHeadIdNumber: idNumberField().optional(),
        relationToHead: z.string().trim().min(1),
      })
      .strict()
      .optional(),
    /** The health-insurance card (thẻ BHYT): the initial health-care facility and where the card goes. */
    healthInsurance: z
      .object({
        initialClinic: z.string().trim().min(2),
        deliveryAddress: addressField().optional(),
        phone: personal(
          z.string().regex(/^0\d{9}$/, 'expected 10 digits starting with 0'),
          'phone',
        ).optional(),
      })
      .strict(),
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
/** A birth liaison application as written. */
export type BirthLiaisonApplication = z.input<typeof birthLiaisonApplication>;
type App = z.output<typeof birthLiaisonApplication>;

/** The birth part as the civil-status officer receives it. */
export const liaisonBirthApplication = z
  .object({
    child: child(),
    mother: parent().optional(),
    father: parent().optional(),
    birthProof: z.enum(['birth-certificate', 'witness-statement', 'sworn-declaration', 'abandonment-record']),
    declarantRelation: z.enum(['mother', 'father', 'grandparent', 'relative', 'other']),
  })
  .strict();

/** The residence part as the police receive it. */
export const liaisonResidenceApplication = z
  .object({
    child: z.object({ fullName: nameField(), sex: sexField(), birthDate: birthDateField() }).strict(),
    address: addressField(),
    householdHead: nameField(),
    householdHeadIdNumber: idNumberField().optional(),
    relationToHead: z.string().trim().min(1),
  })
  .strict();

/** The card part as social insurance receives it. */
export const liaisonHealthInsuranceApplication = z
  .object({
    child: z.object({ fullName: nameField(), sex: sexField(), birthDate: birthDateField() }).strict(),
    mother: nameField().optional(),
    father: nameField().optional(),
    initialClinic: z.string().trim().min(2),
    deliveryAddress: addressField().optional(),
    phone: personal(z.string().regex(/^0\d{9}$/), 'phone').optional(),
  })
  .strict();

const birthPart = (a: App) => ({
  child: a.child,
  ...(a.mother ? { mother: a.mother } : {}),
  ...(a.father ? { father: a.father } : {}),
  birthProof: a.birthProof,
  declarantRelation: a.declarantRelation,
});
const childId = (a: App) => ({ fullName: a.child.fullName, sex: a.child.sex, birthDate: a.child.birthDate });
const residencePart = (a: App) => (a.residence ? { child: childId(a), ...a.residence } : null);
const cardPart = (a: App) => ({
  child: childId(a),
  ...(a.mother ? { mother: a.mother.fullName } : {}),
  ...(a.father ? { father: a.father.fullName } : {}),
  ...a.healthInsurance,
});

/** A liaison with the member procedures its agencies run. */
export interface LiaisonPackage<M extends string> {
  /** The focal desk's parent procedure. */
  readonly liaison: Liaison;
  /** Each member's procedure, run by its agency on its own engine. */
  readonly members: Readonly<Record<M, Procedure>>;
  /** The liaison and every member procedure (e.g. for one engine that runs them all). */
  readonly procedures: readonly Procedure[];
}

/** Options of the birth liaisons. */
export interface BirthLiaisonOptions {
  readonly calendar?: WorkingCalendar;
  readonly agencies?: Partial<BirthLiaisonAgencies>;
  /** The version period and one-stop rules (default: the 2025 rules, from 01/07/2025). */
  readonly window?: VersionWindow;
  /**
   * The liaison's code (default: {@link BIRTH_LIAISON_2015_CODE} for the paper liaison, the
   * placeholder {@link BIRTH_LIAISON_2024_CODE} for the electronic one).
   */
  readonly code?: string;
}

/** Options of {@link birthLiaison2015}. */
export interface PaperBirthLiaisonOptions extends BirthLiaisonOptions {
  /** The commune is remote (vùng sâu, vùng xa): +5 working days (JC 05/2015) [C]. */
  readonly remoteCommune?: boolean;
  /**
   * The members' budgets inside the 20 working days. JC 05/2015 sets the totals only and lets the
   * locality set the time within them [S, press summary]; defaults: the standalone statutory limits
   * (birth: same day, next working day after 15:00 — Law on Civil Status [C]; residence: 7 working
   * days — Residence Law art. 22(3) [C]; card: 10 working days — Law on Health Insurance art. 17(2),
   * 2008 text [C]), which add up to 18 ≤ 20 and, without residence, 11 ≤ 15.
   */
  readonly budgets?: {
    readonly birth?: TimeLimit;
    readonly residence?: TimeLimit;
    readonly healthInsurance?: TimeLimit;
  };
}

/** Member ids of the birth liaison. */
export type BirthLiaisonMember = 'birth' | 'residence' | 'healthInsurance';

function agenciesOf(options: BirthLiaisonOptions): BirthLiaisonAgencies {
  return { ...DEFAULT_BIRTH_LIAISON_AGENCIES, ...options.agencies };
}

interface MemberSpec {
  readonly code: string;
  readonly budget: TimeLimit;
  readonly verificationBudget?: TimeLimit;
  readonly basis: string;
}

function buildBirthLiaison(
  definition: Omit<LiaisonDefinitionInput, 'members' | 'application' | 'agency'>,
  specs: Record<BirthLiaisonMember, MemberSpec>,
  options: BirthLiaisonOptions,
  channels: LiaisonDefinitionInput['channels'],
  sequential: boolean,
  allowances: string[],
): LiaisonPackage<BirthLiaisonMember> {
  const agencies = agenciesOf(options);
  const window = options.window ?? WINDOW_2025;
  const after = sequential ? ['birth'] : [];
  const liaison = defineLiaison(
    {
      ...definition,
      agency: agencies.justice.name,
      application: birthLiaisonApplication,
      checkReceipt: receiptChecks(
        notAfterReceipt('child.birthDate', 'mother.birthDate', 'father.birthDate'),
        inOrder('mother.birthDate', 'child.birthDate'),
        inOrder('father.birthDate', 'child.birthDate'),
      ),
      members: [
        {
          id: 'birth',
          name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
          procedure: specs.birth.code,
          agency: agencies.justice,
          budget: specs.birth.budget,
          application: birthPart,
          basis: specs.birth.basis,
        },
        {
          id: 'residence',
          name: { vi: 'Đăng ký thường trú', en: 'Permanent residence registration' },
          procedure: specs.residence.code,
          agency: agencies.police,
          budget: specs.residence.budget,
          ...(specs.residence.verificationBudget
            ? { verificationBudget: specs.residence.verificationBudget }
            : {}),
          after,
          optional: true,
          application: residencePart,
          basis: specs.residence.basis,
        },
        {
          id: 'healthInsurance',
          name: {
            vi: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
            en: 'Health-insurance card (child under 6)',
          },
          procedure: specs.healthInsurance.code,
          agency: agencies.socialInsurance,
          budget: specs.healthInsurance.budget,
          after,
          application: cardPart,
          basis: specs.healthInsurance.basis,
        },
      ],
    },
    { ...(options.calendar ? { calendar: options.calendar } : {}), allowances },
  );
  const members: Record<BirthLiaisonMember, Procedure> = {
    birth: memberProcedure(
      {
        code: specs.birth.code,
        window,
        name: { vi: 'Đăng ký khai sinh (liên thông)', en: 'Birth registration (liaison)' },
        sector: [CIVIL_STATUS, ...definition.legalBasis],
        agency: agencies.justice,
        officer: 'Công chức tư pháp – hộ tịch',
        leader: 'Lãnh đạo UBND xã',
        timeLimit: specs.birth.budget,
        application: liaisonBirthApplication,
        channels,
        steps: splitSteps(specs.birth.budget, {
          work: 'Kiểm tra, ghi sổ hộ tịch',
          sign: 'Ký giấy khai sinh',
        }),
      },
      options.calendar,
    ),
    residence: memberProcedure(
      {
        code: specs.residence.code,
        window,
        name: { vi: 'Đăng ký thường trú (liên thông)', en: 'Permanent residence registration (liaison)' },
        sector: [RESIDENCE, ...definition.legalBasis],
        agency: agencies.police,
        officer: 'Cán bộ đăng ký cư trú',
        leader: 'Lãnh đạo Công an xã',
        timeLimit: specs.residence.budget,
        application: liaisonResidenceApplication,
        channels,
        steps: splitSteps(specs.residence.budget, {
          work: 'Thẩm định, cập nhật CSDL cư trú',
          sign: 'Phê duyệt',
        }),
      },
      options.calendar,
    ),
    healthInsurance: memberProcedure(
      {
        code: specs.healthInsurance.code,
        window,
        name: {
          vi: 'Cấp thẻ BHYT cho trẻ em dưới 6 tuổi (liên thông)',
          en: 'Health-insurance card, child under 6 (liaison)',
        },
        sector: [HEALTH_INSURANCE, ...definition.legalBasis],
        agency: agencies.socialInsurance,
        officer: 'Cán bộ thu – cấp thẻ BHXH',
        leader: 'Lãnh đạo BHXH cơ sở',
        timeLimit: specs.healthInsurance.budget,
        application: liaisonHealthInsuranceApplication,
        channels,
        steps: splitSteps(specs.healthInsurance.budget, {
          work: 'Thẩm định, in thẻ',
          sign: 'Ký duyệt cấp thẻ',
        }),
      },
      options.calendar,
    ),
  };
  return {
    liaison,
    members,
    procedures: [liaison, members.birth, members.residence, members.healthInsurance],
  };
}

/**
 * Code of the paper birth liaison: `2.000986`, "Liên thông thủ tục hành chính về đăng ký khai sinh,
 * đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", commune level [C]. Sources:
 * the chatbot-tthc crawl of the national record (`scripts/crawler/data/raw/bo-tu-phap/2.000986.json`,
 * citing Joint Circular 05/2015 with its 20 / +2 / +5 working days) and Hải Phòng Decision
 * 3582/QĐ-UBND of 08/09/2026, which lists it among the procedures it replaces (annex rows transcribed
 * by hongdienvbhp/BangNiemYetVinhBao); addresses in {@link NATIONAL_CODES}.
 */
export const BIRTH_LIAISON_2015_CODE: string = NATIONAL_CODES.birthLiaison2015.code;
/**
 * Code of the electronic birth liaison of Decree 63/2024: a placeholder. Hải Phòng Decision
 * 3582/QĐ-UBND (08/09/2026) gives `2.002621` "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm
 * y tế cho trẻ em dưới 6 tuổi" and replaces it by `3.000722`, a liaison that adds the identity card;
 * `2.002621` was found in that one source only. To confirm against the National Public Service Portal.
 */
export const BIRTH_LIAISON_2024_CODE = placeholderCode('lien-thong-dien-tu-khai-sinh-thuong-tru-bhyt');

/*
 * The member procedures of both liaisons keep placeholder codes: the national database publishes a
 * liaison group as one procedure, and the members' parts (e.g. the birth registration inside the
 * liaison, with the liaison's own time limit) have no codes of their own. The standalone codes
 * (`1.001193`, `1.004222`) name the standalone procedures of the catalogue, with other limits, and
 * would collide with them in one registry.
 */

/**
 * The paper "3 in 1" birth liaison of Joint Circular 05/2015/TTLT-BTP-BCA-BYT [C]: the commune
 * People's Committee is the focal point; it registers the birth itself, then passes the dossier to
 * the police (permanent residence) and to social insurance (the card), in the order its desk fixes
 * (Decree 61 art. 19(6): paper liaisons are sequential).
 *
 * - Totals [C]: ≤ 20 working days for the three; ≤ 15 for birth + card (no residence); +2 working
 *   days when the commune must have the dossier completed (once, at the first supplementation);
 *   +5 for a remote commune (`remoteCommune`).
 * - Members' budgets: see {@link PaperBirthLiaisonOptions.budgets} (a local allocation, configurable).
 * - A member's supplementation request pauses the whole liaison; due times move by the working
 *   time paused (`resume`): an assumption, the circular's clock rule was not read (UNCONFIRMED).
 * - Whether JC 05/2015 still applies beside Decree 63/2024 has not been checked (UNCONFIRMED).
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { birthLiaison2015 } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const birth = birthLiaison2015({ calendar, remoteCommune: true }); // paper "3 in 1", +5 days for a remote commune
 * const focal = createEngine({ procedures: [birth.liaison, birth.members.birth], calendar, agency: 'H56' });
 * ```
 */
export function birthLiaison2015(options: PaperBirthLiaisonOptions = {}): LiaisonPackage<BirthLiaisonMember> {
  const window = options.window ?? WINDOW_2025;
  const code = options.code ?? BIRTH_LIAISON_2015_CODE;
  const basis = [JC_05_2015];
  return buildBirthLiaison(
    {
      code,
      version: window.version,
      effectiveFrom: window.effectiveFrom,
      ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
      regime: window.regime,
      name: {
        vi: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
        en: '"3 in 1" birth liaison (paper, JC 05/2015)',
      },
      legalBasis: legalBasis(window.regime, basis),
      mode: 'sequential',
      timeLimit: { workingDays: 20 },
      timeLimits: [
        {
          label: 'birth + card (no residence)',
          when: ({ members }) => !members.has('residence'),
          timeLimit: { workingDays: 15 },
          basis: 'JC 05/2015: ≤ 15 working days for birth + card [C]',
        },
      ],
      channels: ['in-person', 'postal'],
      supplementation: {
        clock: 'resume',
        maxRequests: 1,
        extraTime: {
          workingDays: 2,
          once: true,
          basis: 'TTLT 05/2015: UBND xã hoàn thiện hồ sơ (+2 ngày làm việc)',
        },
      },
      allowances: [
        {
          id: 'remote-commune',
          reason: 'Xã vùng sâu, vùng xa (+5 ngày làm việc)',
          workingDays: 5,
          basis: 'JC 05/2015 [C]',
        },
      ],
      permissions: { APOLOGIZE: ['agency-head'] },
      provisional: [
        'members budgets: a local allocation within the totals (defaults: the standalone statutory limits)',
        'clock during supplementation: resume (the circular text was not read)',
        'JC 05/2015 in force beside Decree 63/2024: not confirmed',
        'member procedure codes: placeholders (the national database publishes the liaison as one procedure)',
      ],
    },
    {
      birth: {
        code: placeholderCode('lien-thong-2015-dang-ky-khai-sinh'),
        budget: options.budgets?.birth ?? { sameDay: true, cutoff: '15:00' },
        basis: 'Law on Civil Status arts. 16(2), 5(3) [C]; local allocation',
      },
      residence: {
        code: placeholderCode('lien-thong-2015-dang-ky-thuong-tru'),
        budget: options.budgets?.residence ?? { workingDays: 7 },
        basis: 'Residence Law art. 22(3) [C]; local allocation',
      },
      healthInsurance: {
        code: placeholderCode('lien-thong-2015-cap-the-bhyt-duoi-6-tuoi'),
        budget: options.budgets?.healthInsurance ?? { workingDays: 10 },
        basis: 'Law on Health Insurance art. 17(2), 2008 text [C]; local allocation',
      },
    },
    options,
    ['in-person', 'postal'],
    true,
    options.remoteCommune ? ['remote-commune'] : [],
  );
}

/**
 * The electronic "3 in 1" birth liaison of Decree 63/2024/NĐ-CP [C] (procedures published by
 * Decision 296/QĐ-VPCP): online only (Cổng DVCQG or VNeID), sent to all agencies at once
 * (Decree 61 art. 19(7)).
 *
 * - Group: ≤ 3 working days from the complete dossier, ≤ 5 with verification; a dossier received
 *   after 15:00 counts from the next working day (art. 7) [C].
 * - Birth: within the working day (15:00 cut-off); residence: ≤ 2 working days, ≤ 5 with
 *   verification; card: ≤ 2 working days (art. 8(3)) [C].
 * - A late agency apologises and sets a new date through the liaison software (art. 7(3)) [C].
 * - Supplementation: the group's limit counts again from the complete dossier (`restart`).
 * - The effective date of Decree 63/2024 (signed 10/06/2024) has not been checked: the default version starts with the 2025
 *   rules (01/07/2025); pass `window` for an earlier period.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { birthLiaison2024 } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const birth = birthLiaison2024({ calendar }); // { liaison, members, procedures }
 * const focal = createEngine({ procedures: [birth.liaison, birth.members.birth], calendar, agency: 'H56' });
 * const police = createEngine({ procedures: [birth.members.residence], calendar, agency: 'CA01' });
 * ```
 */
export function birthLiaison2024(options: BirthLiaisonOptions = {}): LiaisonPackage<BirthLiaisonMember> {
  const window = options.window ?? WINDOW_2025;
  const code = options.code ?? BIRTH_LIAISON_2024_CODE;
  const basis = [DECREE_63_2024, DECISION_296];
  return buildBirthLiaison(
    {
      code,
      version: window.version,
      effectiveFrom: window.effectiveFrom,
      ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
      regime: window.regime,
      name: {
        vi: 'Liên thông điện tử đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
        en: '"3 in 1" birth liaison (electronic, Decree 63/2024)',
      },
      legalBasis: legalBasis(window.regime, basis),
      mode: 'parallel',
      timeLimit: { workingDays: 3, cutoff: '15:00' },
      verificationTimeLimit: { workingDays: 5, cutoff: '15:00' },
      channels: ['online-full'],
      supplementation: { clock: 'restart', maxRequests: 1 },
      permissions: { APOLOGIZE: ['agency-head'] },
      provisional: [
        'procedure codes: placeholders (2.002621 found in one source only)',
        'effective date of Decree 63/2024: not checked',
      ],
    },
    {
      birth: {
        code: placeholderCode('lien-thong-dien-tu-dang-ky-khai-sinh'),
        budget: { sameDay: true, cutoff: '15:00' },
        basis: 'Decree 63/2024: within the working day [C]',
      },
      residence: {
        code: placeholderCode('lien-thong-dien-tu-dang-ky-thuong-tru'),
        budget: { workingDays: 2 },
        verificationBudget: { workingDays: 5 },
        basis: 'Decree 63/2024: ≤ 2 working days, ≤ 5 with verification [C]',
      },
      healthInsurance: {
        code: placeholderCode('lien-thong-dien-tu-cap-the-bhyt-duoi-6-tuoi'),
        budget: { workingDays: 2 },
        basis: 'Decree 63/2024 art. 8(3): ≤ 2 working days [C]',
      },
    },
    options,
    ['online-full'],
    false,
    [],
  );
}
