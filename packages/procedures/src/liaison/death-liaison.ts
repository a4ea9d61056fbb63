import { defineLiaison, type Procedure, type TimeLimit, type WorkingCalendar } from '@motcua/core';
import { z } from 'zod';
import { placeholderCode } from '../shared/codes.js';
import {
  addressField,
  birthDateField,
  idNumberField,
  localDateField,
  nameField,
  sexField,
} from '../shared/fields.js';
import { inOrder, notAfterReceipt, receiptChecks } from '../shared/receipt-checks.js';
import { legalBasis, type VersionWindow, WINDOW_2025 } from '../shared/regimes.js';
import type { LiaisonPackage } from './birth-liaison.js';
import { type LiaisonAgency, memberProcedure, splitSteps } from './member-procedure.js';

/*
 * The death liaison (liên thông đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí /
 * tử tuất), group 2 of Decree 63/2024/NĐ-CP. Every figure below comes from Decision 296/QĐ-VPCP as
 * quoted by one legal Q&A [S]: provisional, and configurable through the options.
 */

/**
 * Code of the death liaison: a placeholder until one code is confirmed by two independent public
 * sources (the rule for every catalogue code). Candidates: `1.011537` (a commune's portal page, one
 * source, not found again in the public sources searched on 2026-12-02). One implementation
 * uses `1.006714` in its liaison-portal URL [S], and Hải Phòng Decision 3582/QĐ-UBND (08/09/2026)
 * gives `2.002622` "Đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất",
 * replaced there by `2.002913` "Liên thông điện tử: đăng ký khai tử, xóa đăng ký thường trú, giải
 * quyết mai táng phí, tử tuất" (annex rows transcribed by hongdienvbhp/BangNiemYetVinhBao; a
 * citizen Q&A dataset also pairs `2.002913` with reporting a death). The codes conflict and the
 * group each names is not certainly the one modelled: pass `code` to use the one your province
 * publishes.
 */
export const DEATH_LIAISON_CODE = 'PLACEHOLDER:lien-thong-khai-tu-xoa-thuong-tru-mai-tang-phi';
/** The candidate code of one commune's portal page [S] (the default until 2026-12-02). */
export const DEATH_LIAISON_CANDIDATE_CODE = '1.011537';
/** The conflicting code seen in one implementation [S]. */
export const DEATH_LIAISON_ALTERNATIVE_CODE = '1.006714';

const DECREE_63_2024 =
  'Nghị định 63/2024/NĐ-CP ngày 10/06/2024 quy định việc thực hiện liên thông điện tử hai nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất';
const DECISION_296 =
  'Quyết định 296/QĐ-VPCP công bố các thủ tục hành chính liên thông (Nghị định 63/2024/NĐ-CP)';

/** Member ids of the death liaison. */
export type DeathLiaisonMember = 'death' | 'residence' | 'socialInsurance' | 'socialProtection' | 'merit';

/** The agencies of the death liaison (commune level after 07/2025 [R]; configure per province). */
export interface DeathLiaisonAgencies {
  readonly justice: LiaisonAgency;
  readonly police: LiaisonAgency;
  /** Social insurance: burial allowance or survivor allowance (mai táng phí, trợ cấp tuất). */
  readonly socialInsurance: LiaisonAgency;
  /** Social protection burial support (hỗ trợ chi phí mai táng, bảo trợ xã hội). */
  readonly socialProtection: LiaisonAgency;
  /** Burial allowance for people with merit (người có công). */
  readonly merit: LiaisonAgency;
}

/** Default agency addresses and names (UNCONFIRMED which agency handles which part after 07/2025). */
export const DEFAULT_DEATH_LIAISON_AGENCIES: DeathLiaisonAgencies = {
  justice: { id: 'ubnd-xa', name: 'Ủy ban nhân dân xã (công chức tư pháp – hộ tịch)' },
  police: { id: 'cong-an-xa', name: 'Công an xã' },
  socialInsurance: { id: 'bhxh-co-so', name: 'Bảo hiểm xã hội cơ sở' },
  socialProtection: { id: 'ubnd-xa-vhxh', name: 'Ủy ban nhân dân xã (văn hóa – xã hội)' },
  merit: { id: 'ubnd-xa-nguoi-co-cong', name: 'Cơ quan giải quyết chế độ người có công' },
};

/**
 * The composite application of the death liaison. The applicant chooses 2, 3 or 4 procedures
 * (Decision 296/QĐ-VPCP [S]): death registration always; removal from permanent residence (`residence`) and one
 * allowance (`allowance`) as asked.
 */
export const deathLiaisonApplication = z
  .object({
    deceased: z
      .object({
        fullName: nameField(),
        sex: sexField(),
        birthDate: birthDateField(),
        idNumber: idNumberField().optional(),
        deathDate: localDateField(),
        deathPlace: addressField(),
        cause: z.string().trim().min(1).optional(),
      })
      .strict(),
    deathProof: z.enum(['death-notice', 'court-decision', 'other']),
    declarantRelation: z.enum(['spouse', 'child', 'parent', 'relative', 'other']),
    /** Remove the deceased from permanent residence (xóa đăng ký thường trú). */
    residence: z.object({ address: addressField() }).strict().optional(),
    /** One allowance, if any. */
    allowance: z
      .discriminatedUnion('kind', [
        z
          .object({
            kind: z.literal('social-insurance'),
            beneficiary: nameField(),
            survivorAllowance: z.boolean().default(false),
          })
          .strict(),
        z
          .object({
            kind: z.literal('social-protection'),
            beneficiary: nameField(),
            /** The deceased was 80 or older and received a monthly allowance (group ≤ 11 working days [S]). */
            over80MonthlyAllowance: z.boolean().default(false),
          })
          .strict(),
        z.object({ kind: z.literal('merit'), beneficiary: nameField() }).strict(),
      ])
      .optional(),
  })
  .strict();
/** A death liaison application as written. */
export type DeathLiaisonApplication = z.input<typeof deathLiaisonApplication>;
type App = z.output<typeof deathLiaisonApplication>;

const deceasedId = (a: App) => ({
  fullName: a.deceased.fullName,
  birthDate: a.deceased.birthDate,
  deathDate: a.deceased.deathDate,
  ...(a.deceased.idNumber ? { idNumber: a.deceased.idNumber } : {}),
});

const deceasedIdSchema = () =>
  z
    .object({
      fullName: nameField(),
      birthDate: birthDateField(),
      deathDate: localDateField(),
      idNumber: idNumberField().optional(),
    })
    .strict();

/** The death registration part (khai tử). */
export const liaisonDeathApplication = z
  .object({
    deceased: deathLiaisonApplication.shape.deceased,
    deathProof: deathLiaisonApplication.shape.deathProof,
    declarantRelation: deathLiaisonApplication.shape.declarantRelation,
  })
  .strict();
/** The removal from permanent residence. */
export const liaisonResidenceRemovalApplication = z
  .object({ deceased: deceasedIdSchema(), address: addressField() })
  .strict();
/** An allowance part. */
export const liaisonAllowanceApplication = z
  .object({
    deceased: deceasedIdSchema(),
    beneficiary: nameField(),
    survivorAllowance: z.boolean().optional(),
    over80MonthlyAllowance: z.boolean().optional(),
  })
  .strict();

/** Options of {@link deathLiaison}. */
export interface DeathLiaisonOptions {
  readonly calendar?: WorkingCalendar;
  readonly agencies?: Partial<DeathLiaisonAgencies>;
  readonly window?: VersionWindow;
  /** Default {@link DEATH_LIAISON_CODE}. */
  readonly code?: string;
  /** Override the provisional [S] figures. */
  readonly limits?: Partial<typeof DEATH_LIAISON_LIMITS>;
}

/**
 * The figures of the death liaison, all [S] (Decision 296/QĐ-VPCP via one legal Q&A), provisional:
 * members — death registered within the working day, ≤ 3 working days with verification; residence
 * removed the same working day the e-death extract arrives; BHXH burial or survivor allowance ≤ 8;
 * social-protection burial support ≤ 5; people with merit ≤ 17. Groups — with BHXH ≤ 9;
 * social protection ≤ 6 (≤ 11 for a person 80+ on a monthly allowance); people with merit ≤ 18.
 * After 15:00, the next working day. `base` (death, with or without residence, no allowance) is
 * not given by that source: the death registration's own limit with verification (3), UNCONFIRMED.
 */
export const DEATH_LIAISON_LIMITS = {
  death: { sameDay: true, cutoff: '15:00' } as TimeLimit,
  deathWithVerification: { workingDays: 3 } as TimeLimit,
  residence: { sameDay: true, cutoff: '15:00' } as TimeLimit,
  socialInsurance: { workingDays: 8 } as TimeLimit,
  socialProtection: { workingDays: 5 } as TimeLimit,
  merit: { workingDays: 17 } as TimeLimit,
  groupBase: { workingDays: 3, cutoff: '15:00' } as TimeLimit,
  groupSocialInsurance: { workingDays: 9, cutoff: '15:00' } as TimeLimit,
  groupSocialProtection: { workingDays: 6, cutoff: '15:00' } as TimeLimit,
  groupSocialProtection80: { workingDays: 11, cutoff: '15:00' } as TimeLimit,
  groupMerit: { workingDays: 18, cutoff: '15:00' } as TimeLimit,
};

/**
 * The electronic death liaison (Decree 63/2024, group 2): death registration at the commune, then
 * at once the removal from permanent residence and the allowance the applicant asked for (each
 * after the death is registered: they need the e-death extract). Figures: {@link DEATH_LIAISON_LIMITS}
 * ([S], provisional). Relatives' confirmation on VNeID (≤ 5 working days, not counted in the limit)
 * is not modelled: record it as a supplementation pause if needed.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { deathLiaison } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const death = deathLiaison({ calendar }); // { liaison, members, procedures }
 * const focal = createEngine({ procedures: death.procedures, calendar, agency: 'H56' });
 * ```
 */
export function deathLiaison(options: DeathLiaisonOptions = {}): LiaisonPackage<DeathLiaisonMember> {
  const agencies = { ...DEFAULT_DEATH_LIAISON_AGENCIES, ...options.agencies };
  const window = options.window ?? WINDOW_2025;
  const L = { ...DEATH_LIAISON_LIMITS, ...options.limits };
  const basis = [DECREE_63_2024, DECISION_296];
  const allowance = (kind: NonNullable<App['allowance']>['kind']) => (a: App) =>
    a.allowance?.kind === kind
      ? {
          deceased: deceasedId(a),
          beneficiary: a.allowance.beneficiary,
          ...('survivorAllowance' in a.allowance ? { survivorAllowance: a.allowance.survivorAllowance } : {}),
          ...('over80MonthlyAllowance' in a.allowance
            ? { over80MonthlyAllowance: a.allowance.over80MonthlyAllowance }
            : {}),
        }
      : null;
  // Placeholders: the national database publishes the liaison as one procedure; its members'
  // parts have no codes of their own.
  const codes: Record<DeathLiaisonMember, string> = {
    death: placeholderCode('lien-thong-dien-tu-dang-ky-khai-tu'),
    residence: placeholderCode('lien-thong-dien-tu-xoa-dang-ky-thuong-tru'),
    socialInsurance: placeholderCode('lien-thong-dien-tu-mai-tang-phi-tu-tuat-bhxh'),
    socialProtection: placeholderCode('lien-thong-dien-tu-ho-tro-mai-tang-bao-tro-xa-hoi'),
    merit: placeholderCode('lien-thong-dien-tu-mai-tang-phi-nguoi-co-cong'),
  };
  const liaison = defineLiaison(
    {
      code: options.code ?? DEATH_LIAISON_CODE,
      version: window.version,
      effectiveFrom: window.effectiveFrom,
      ...(window.effectiveTo ? { effectiveTo: window.effectiveTo } : {}),
      regime: window.regime,
      name: {
        vi: 'Liên thông điện tử đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất',
        en: 'Death liaison (electronic, Decree 63/2024)',
      },
      legalBasis: legalBasis(window.regime, basis),
      agency: agencies.justice.name,
      mode: 'parallel',
      timeLimit: L.groupBase,
      timeLimits: [
        {
          label: 'with merit allowance',
          when: ({ members }) => members.has('merit'),
          timeLimit: L.groupMerit,
          basis: '[S]',
        },
        {
          label: 'with BHXH allowance',
          when: ({ members }) => members.has('socialInsurance'),
          timeLimit: L.groupSocialInsurance,
          basis: '[S]',
        },
        {
          label: 'with social protection support, 80+ on a monthly allowance',
          when: ({ members, application }) =>
            members.has('socialProtection') &&
            (application as App).allowance?.kind === 'social-protection' &&
            (application as { allowance: { over80MonthlyAllowance?: boolean } }).allowance
              .over80MonthlyAllowance === true,
          timeLimit: L.groupSocialProtection80,
          basis: '[S]',
        },
        {
          label: 'with social protection support',
          when: ({ members }) => members.has('socialProtection'),
          timeLimit: L.groupSocialProtection,
          basis: '[S]',
        },
      ],
      application: deathLiaisonApplication,
      checkReceipt: receiptChecks(
        notAfterReceipt('deceased.birthDate', 'deceased.deathDate'),
        inOrder('deceased.birthDate', 'deceased.deathDate'),
      ),
      channels: ['online-full'],
      supplementation: { clock: 'restart', maxRequests: 1 },
      permissions: { APOLOGIZE: ['agency-head'] },
      members: [
        {
          id: 'death',
          name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
          procedure: codes.death,
          agency: agencies.justice,
          budget: L.death,
          verificationBudget: L.deathWithVerification,
          application: (a: App) => ({
            deceased: a.deceased,
            deathProof: a.deathProof,
            declarantRelation: a.declarantRelation,
          }),
          basis: '[S] within the working day; ≤ 3 working days with verification',
        },
        {
          id: 'residence',
          name: { vi: 'Xóa đăng ký thường trú', en: 'Removal from permanent residence' },
          procedure: codes.residence,
          agency: agencies.police,
          budget: L.residence,
          after: ['death'],
          optional: true,
          application: (a: App) =>
            a.residence ? { deceased: deceasedId(a), address: a.residence.address } : null,
          basis: '[S] the same working day the e-death extract arrives',
        },
        {
          id: 'socialInsurance',
          name: {
            vi: 'Giải quyết mai táng phí, trợ cấp tuất (BHXH)',
            en: 'Burial / survivor allowance (social insurance)',
          },
          procedure: codes.socialInsurance,
          agency: agencies.socialInsurance,
          budget: L.socialInsurance,
          after: ['death'],
          optional: true,
          application: allowance('social-insurance'),
          basis: '[S] ≤ 8 working days (stopping a monthly survivor allowance ≤ 2: not modelled)',
        },
        {
          id: 'socialProtection',
          name: { vi: 'Hỗ trợ chi phí mai táng (bảo trợ xã hội)', en: 'Burial support (social protection)' },
          procedure: codes.socialProtection,
          agency: agencies.socialProtection,
          budget: L.socialProtection,
          after: ['death'],
          optional: true,
          application: allowance('social-protection'),
          basis: '[S] ≤ 5 working days',
        },
        {
          id: 'merit',
          name: { vi: 'Trợ cấp mai táng người có công', en: 'Burial allowance (people with merit)' },
          procedure: codes.merit,
          agency: agencies.merit,
          budget: L.merit,
          after: ['death'],
          optional: true,
          application: allowance('merit'),
          basis: '[S] ≤ 17 working days',
        },
      ],
      provisional: [
        'every figure: Decision 296/QĐ-VPCP via one legal Q&A [S]',
        'procedure code: a placeholder; candidates 1.011537 vs 1.006714 vs 2.002622 / 2.002913 (conflict)',
        'group limit for death (+ residence) without an allowance: no source',
        'member procedure codes: placeholders',
      ],
    },
    options.calendar ? { calendar: options.calendar } : {},
  );
  const member = (
    id: DeathLiaisonMember,
    agency: LiaisonAgency,
    name: string,
    timeLimit: TimeLimit,
    application: z.ZodType,
    officer: string,
  ): Procedure =>
    memberProcedure(
      {
        code: codes[id],
        window,
        name: { vi: `${name} (liên thông)` },
        sector: basis,
        agency,
        officer,
        leader: `Lãnh đạo ${agency.name}`,
        timeLimit,
        application,
        channels: ['online-full'],
        steps: splitSteps(timeLimit, { work: 'Kiểm tra, xử lý', sign: 'Ký, phê duyệt' }),
      },
      options.calendar,
    );
  const members: Record<DeathLiaisonMember, Procedure> = {
    death: member(
      'death',
      agencies.justice,
      'Đăng ký khai tử',
      L.death,
      liaisonDeathApplication,
      'Công chức tư pháp – hộ tịch',
    ),
    residence: member(
      'residence',
      agencies.police,
      'Xóa đăng ký thường trú',
      L.residence,
      liaisonResidenceRemovalApplication,
      'Cán bộ đăng ký cư trú',
    ),
    socialInsurance: member(
      'socialInsurance',
      agencies.socialInsurance,
      'Giải quyết mai táng phí, trợ cấp tuất',
      L.socialInsurance,
      liaisonAllowanceApplication,
      'Cán bộ chế độ BHXH',
    ),
    socialProtection: member(
      'socialProtection',
      agencies.socialProtection,
      'Hỗ trợ chi phí mai táng',
      L.socialProtection,
      liaisonAllowanceApplication,
      'Công chức văn hóa – xã hội',
    ),
    merit: member(
      'merit',
      agencies.merit,
      'Trợ cấp mai táng người có công',
      L.merit,
      liaisonAllowanceApplication,
      'Cán bộ chính sách người có công',
    ),
  };
  return { liaison, members, procedures: [liaison, ...Object.values(members)] };
}
