import {
  defineProcedure,
  type Procedure,
  type ProcedureDefinitionInput,
  type TimeLimit,
  type WorkingCalendar,
} from '@motcua/core';
import type { z } from 'zod';
import { legalBasis, PERMISSIONS, type VersionWindow } from '../shared/regimes.js';

/** An agency of a liaison: its address on the liaison transport and its name. */
export interface LiaisonAgency {
  readonly id: string;
  readonly name: string;
}

/** One step of a member procedure's internal process (a modelling choice, not a legal figure). */
export interface MemberStep {
  readonly id: string;
  readonly name: string;
  readonly unit: 'officer' | 'leader';
  readonly budget: { workingHours: number } | { workingDays: number };
  readonly issuesDecision?: boolean;
}

/** What {@link memberProcedureDefinition} needs. */
export interface MemberProcedureSpec {
  readonly code: string;
  readonly window: VersionWindow;
  readonly name: { vi: string; en?: string };
  readonly sector: readonly string[];
  readonly agency: LiaisonAgency;
  readonly officer: string;
  readonly leader: string;
  readonly timeLimit: TimeLimit;
  readonly application: z.ZodType;
  readonly channels: ProcedureDefinitionInput['channels'];
  readonly steps: readonly MemberStep[];
}

/**
 * The definition of a member procedure of a liaison: the procedure a member agency runs on its own
 * engine for its part (its own dossier, received from the focal desk by the liaison plugin). The
 * member agency's intake unit is `desk`; its officer and leader do the work.
 *
 * @example
 * ```ts
 * import { memberProcedureDefinition, splitSteps, WINDOW_2025 } from '@motcua/procedures';
 * import { z } from 'zod';
 * const definition = memberProcedureDefinition({
 *   code: 'PLACEHOLDER:lien-thong-dang-ky-thuong-tru', window: WINDOW_2025,
 *   name: { vi: 'Đăng ký thường trú (liên thông)' }, sector: ['Luật Cư trú 2020'],
 *   agency: { id: 'cong-an-xa', name: 'Công an xã' }, officer: 'Cán bộ Công an xã', leader: 'Trưởng Công an xã',
 *   timeLimit: { workingDays: 2 }, application: z.object({ address: z.string() }), channels: ['online-full'],
 *   steps: splitSteps({ workingDays: 2 }, { work: 'Thẩm định hồ sơ', sign: 'Phê duyệt' }),
 * });
 * ```
 */
export function memberProcedureDefinition(spec: MemberProcedureSpec): ProcedureDefinitionInput {
  return {
    code: spec.code,
    version: spec.window.version,
    effectiveFrom: spec.window.effectiveFrom,
    ...(spec.window.effectiveTo ? { effectiveTo: spec.window.effectiveTo } : {}),
    regime: spec.window.regime,
    name: spec.name,
    legalBasis: legalBasis(spec.window.regime, spec.sector),
    agency: spec.agency.name,
    timeLimit: spec.timeLimit,
    application: spec.application,
    channels: spec.channels,
    units: {
      desk: { name: `Bộ phận tiếp nhận liên thông — ${spec.agency.name}` },
      officer: { name: spec.officer },
      leader: { name: spec.leader },
    },
    steps: spec.steps.map((s) => ({
      id: s.id,
      name: s.name,
      unit: s.unit,
      budget: s.budget,
      kind: s.unit === 'leader' ? ('approval' as const) : ('appraisal' as const),
      issuesDecision: s.issuesDecision ?? false,
    })),
    supplementation: { clock: 'restart', maxRequests: 1 },
    permissions: PERMISSIONS,
  };
}

/**
 * Builds a member procedure on a calendar.
 *
 * @example
 * ```ts
 * import { vietnamCalendar } from '@motcua/core';
 * import { memberProcedure, splitSteps, WINDOW_2025 } from '@motcua/procedures';
 * import { z } from 'zod';
 * const residence = memberProcedure({
 *   code: 'PLACEHOLDER:lien-thong-dang-ky-thuong-tru', window: WINDOW_2025,
 *   name: { vi: 'Đăng ký thường trú (liên thông)' }, sector: ['Luật Cư trú 2020'],
 *   agency: { id: 'cong-an-xa', name: 'Công an xã' }, officer: 'Cán bộ Công an xã', leader: 'Trưởng Công an xã',
 *   timeLimit: { workingDays: 2 }, application: z.object({ address: z.string() }), channels: ['online-full'],
 *   steps: splitSteps({ workingDays: 2 }, { work: 'Thẩm định hồ sơ', sign: 'Phê duyệt' }),
 * }, vietnamCalendar());
 * ```
 */
export function memberProcedure(spec: MemberProcedureSpec, calendar?: WorkingCalendar): Procedure {
  return defineProcedure(memberProcedureDefinition(spec), calendar ? { calendar } : {});
}

/**
 * Steps for a member whose budget is `limit`: `share` of it to the officer (appraisal and the
 * decision), the rest to the leader (approval and signature). An even split by default, in whole
 * hours or days; a modelling choice.
 *
 * @example
 * ```ts
 * import { splitSteps } from '@motcua/procedures';
 * splitSteps({ workingDays: 2 }, { work: 'Thẩm định hồ sơ', sign: 'Phê duyệt' });
 * // officer: 1 working day, leader: 1 working day
 * ```
 */
export function splitSteps(
  limit: TimeLimit,
  names: { readonly work: string; readonly sign: string },
): MemberStep[] {
  if ('workingDays' in limit && limit.workingDays >= 2) {
    const sign = Math.max(1, Math.floor(limit.workingDays / 4));
    return [
      {
        id: 'appraise',
        name: names.work,
        unit: 'officer',
        budget: { workingDays: limit.workingDays - sign },
      },
      { id: 'sign', name: names.sign, unit: 'leader', budget: { workingDays: sign }, issuesDecision: true },
    ];
  }
  const hours =
    'workingHours' in limit ? limit.workingHours : 'workingDays' in limit ? limit.workingDays * 8 : 3;
  const work = Math.max(0.5, Math.round(hours * 0.66 * 2) / 2);
  return [
    { id: 'appraise', name: names.work, unit: 'officer', budget: { workingHours: Math.min(work, hours) } },
    {
      id: 'sign',
      name: names.sign,
      unit: 'leader',
      budget: { workingHours: Math.max(0.5, Math.min(1, hours - work)) },
      issuesDecision: true,
    },
  ];
}
