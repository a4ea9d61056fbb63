import { z } from 'zod';
import { LocalDateSchema } from '../calendar/schedule-schema.js';

/**
 * A level of local government at which a procedure is implemented (cấp thực hiện): the province
 * (cấp tỉnh), the district (cấp huyện, abolished on 01/07/2025) or the commune (cấp xã). Which
 * levels exist on a day is dated data: see {@link ADMINISTRATIVE_LEVELS}.
 */
export const AdministrativeLevelSchema = z.enum(['province', 'district', 'commune']);
/** See {@link AdministrativeLevelSchema}. */
export type AdministrativeLevel = z.infer<typeof AdministrativeLevelSchema>;

/** When a level of local government exists, with the source saying so. */
export interface AdministrativeLevelPeriod {
  readonly level: AdministrativeLevel;
  /** Last local day the level exists; absent while it exists. */
  readonly until?: string;
  readonly source: string;
}

/**
 * The levels of local government, dated: the district level ends on 30/06/2025, when local
 * government became two-level and the one-stop desks were organised at ministry, province and
 * commune levels (Decree 118/2025/NĐ-CP of 09/06/2025, art. 1, in force 01/07/2025).
 */
export const ADMINISTRATIVE_LEVELS: readonly AdministrativeLevelPeriod[] = [
  { level: 'province', source: 'Nghị định 118/2025/NĐ-CP, Điều 1' },
  {
    level: 'district',
    until: '2025-06-30',
    source: 'Nghị định 118/2025/NĐ-CP, Điều 1 (chính quyền địa phương hai cấp từ 01/07/2025)',
  },
  { level: 'commune', source: 'Nghị định 118/2025/NĐ-CP, Điều 1' },
];

/**
 * Whether a level of local government exists on a local day (per {@link ADMINISTRATIVE_LEVELS}).
 *
 * @example
 * ```ts
 * import { levelExistsOn } from '@motcua/core';
 * levelExistsOn('district', '2025-06-30'); // true
 * levelExistsOn('district', '2025-07-01'); // false: two-level local government
 * ```
 */
export function levelExistsOn(level: AdministrativeLevel, day: string): boolean {
  const p = ADMINISTRATIVE_LEVELS.find((l) => l.level === level);
  return p !== undefined && (p.until === undefined || day <= p.until);
}

/**
 * The mechanism a procedure is handled under: `'one-stop'` (cơ chế một cửa), `'inter-agency'`
 * (cơ chế một cửa liên thông) or `'none'` (declared as handled outside both).
 */
export const OneStopMechanismSchema = z.enum(['one-stop', 'inter-agency', 'none']);
/** See {@link OneStopMechanismSchema}. */
export type OneStopMechanism = z.infer<typeof OneStopMechanismSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * One approved internal process (quy trình nội bộ giải quyết TTHC) of a procedure at one level:
 * the decision approving it (number, date, issuer) and, when a procedure has several processes
 * at a level (one per case, trường hợp), the case it covers.
 */
export const InternalProcessApprovalSchema = z
  .object({
    level: AdministrativeLevelSchema,
    /** Số quyết định, e.g. `'2851/QĐ-UBND'`. */
    decision: text(100),
    /** Ngày ban hành (local date): the process counts from this day. */
    date: LocalDateSchema,
    /** Cơ quan ban hành, e.g. `'UBND tỉnh Quảng Bình'`. */
    issuer: text(300),
    /** The case (trường hợp) the process covers, when the procedure has several. */
    case: text(300).optional(),
  })
  .strict();
/** See {@link InternalProcessApprovalSchema}. */
export type InternalProcessApproval = z.infer<typeof InternalProcessApprovalSchema>;

/**
 * Where and how one procedure version is implemented, as the catalogue declares it; every part is
 * optional and an absent part means "not declared" (reports count it apart, never guess it):
 * - `levels`: the levels of local government that handle it (cấp thực hiện);
 * - `mechanism`: one-stop, inter-agency one-stop or neither;
 * - `internalProcesses`: the approved internal processes (`[]`: declared, none approved);
 * - `source`: where these facts come from (a decision, a portal record).
 * Checked against the version's dates by `defineProcedure` (a level must exist during the version;
 * a process's level must be one of `levels`).
 */
export const ProcedureImplementationSchema = z
  .object({
    levels: z
      .array(AdministrativeLevelSchema)
      .min(1)
      .max(3)
      .refine((l) => new Set(l).size === l.length, 'a level is listed twice')
      .optional(),
    mechanism: OneStopMechanismSchema.optional(),
    internalProcesses: z.array(InternalProcessApprovalSchema).max(200).optional(),
    source: text(1000).optional(),
  })
  .strict();
/** See {@link ProcedureImplementationSchema}. */
export type ProcedureImplementation = z.infer<typeof ProcedureImplementationSchema>;

/** A problem of a procedure version's implementation facts: the field (under `implementation`) and why. */
export interface ImplementationIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * The checks of implementation facts that need the version's dates: each declared level must
 * exist on the version's first day, each process's level must be a declared level.
 *
 * @example
 * ```ts
 * import { implementationIssues } from '@motcua/core';
 * implementationIssues({ levels: ['district'] }, '2025-07-01');
 * // [{ field: 'implementation.levels[0]', message: 'the district level does not exist on 2025-07-01' }]
 * ```
 */
export function implementationIssues(
  facts: ProcedureImplementation,
  effectiveFrom: string,
): ImplementationIssue[] {
  const issues: ImplementationIssue[] = [];
  facts.levels?.forEach((level, i) => {
    if (!levelExistsOn(level, effectiveFrom))
      issues.push({
        field: `implementation.levels[${i}]`,
        message: `the ${level} level does not exist on ${effectiveFrom}`,
      });
  });
  facts.internalProcesses?.forEach((p, i) => {
    if (!facts.levels && !levelExistsOn(p.level, effectiveFrom))
      issues.push({
        field: `implementation.internalProcesses[${i}].level`,
        message: `the ${p.level} level does not exist on ${effectiveFrom}`,
      });
    if (facts.levels && !facts.levels.includes(p.level))
      issues.push({
        field: `implementation.internalProcesses[${i}].level`,
        message: `level ${p.level} is not in implementation.levels`,
      });
  });
  return issues;
}
