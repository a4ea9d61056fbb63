import { z } from 'zod';
import type { ExplainLanguage } from '../calendar/explain.js';
import { ActorSchema, InstantSchema } from './actor.js';

/** One criterion of a rating: its id, its text and the answers it takes, each with its score. */
export interface RatingCriterion {
  /** A stable id, e.g. `'1'` or `'overall'`. */
  readonly id: string;
  /** The criterion as the applicant reads it, in Vietnamese. */
  readonly name: string;
  /** The criterion in English (a plain translation, not the legal text). */
  readonly nameEn?: string | undefined;
  /** The answers, each with its score (higher is better) and label. */
  readonly answers: readonly RatingAnswer[];
}

/** One answer to a rating criterion: its score and its label, in Vietnamese and English. */
export interface RatingAnswer {
  readonly score: number;
  /** The label as the applicant reads it, in Vietnamese. */
  readonly label: string;
  /** The label in English (a plain translation). */
  readonly labelEn?: string | undefined;
}

/**
 * A set of criteria the applicant rates a dossier on (đánh giá mức độ hài lòng), with the period it
 * is used in: dated data, so that the next set sits beside this one.
 */
export interface RatingCriteriaSet {
  /** A stable id, stored with each rating. */
  readonly id: string;
  /** First day the set is used (ISO local date), or `null` when no starting date is known. */
  readonly validFrom: string | null;
  /** Last day the set is used, or `null` while it is in use. */
  readonly validTo: string | null;
  /** Where the criteria come from. */
  readonly source: string;
  readonly criteria: readonly RatingCriterion[];
}

/** Answers scored 2, 1 and 0, each as `[Vietnamese, English]`. */
const points = (
  better: readonly [string, string],
  equal: readonly [string, string],
  worse: readonly [string, string],
) => [better, equal, worse].map(([label, labelEn], i) => ({ score: 2 - i, label, labelEn }));
const satisfaction = points(
  ['Rất hài lòng', 'Very satisfied'],
  ['Hài lòng', 'Satisfied'],
  ['Không hài lòng', 'Dissatisfied'],
);

/**
 * The per-dossier rating taken when the result is returned: the nine evaluation indices of the
 * handling of administrative procedures of Decree 61/2018/NĐ-CP (Chapter V), each scored 2, 1 or 0,
 * and two satisfaction questions (convenience of the service, overall), each "Rất hài lòng",
 * "Hài lòng" or "Không hài lòng". Criteria and answers carry English beside the Vietnamese
 * (`nameEn`, `labelEn`: plain translations, not the Decree's text).
 *
 * @example
 * ```ts
 * import { DECREE_61_RATING_CRITERIA } from '@motcua/core';
 * DECREE_61_RATING_CRITERIA.criteria.map((c) => c.id); // ['1', …, '9', 'convenience', 'overall']
 * ```
 */
export const DECREE_61_RATING_CRITERIA: RatingCriteriaSet = {
  id: 'nd61-2018',
  validFrom: '2018-06-21',
  validTo: null,
  source: 'Decree 61/2018/NĐ-CP, Chapter V: indices for evaluating the handling of administrative procedures',
  criteria: [
    {
      id: '1',
      name: 'Tổng thời gian giải quyết thủ tục hành chính so với thời gian cho phép theo quy định của pháp luật',
      nameEn: 'Total time to handle the administrative procedure compared with the time the law allows',
      answers: points(
        ['Ngắn hơn quy định', 'Shorter than allowed'],
        ['Bằng thời gian quy định', 'As long as allowed'],
        ['Dài hơn quy định', 'Longer than allowed'],
      ),
    },
    {
      id: '2',
      name: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp) so với quy định',
      nameEn:
        'Time taken by each agency or unit handling it (coordinating units included) compared with the rules',
      answers: points(
        ['Ngắn hơn thời hạn quy định', 'Shorter than the time limit'],
        ['Bằng thời hạn quy định', 'As long as the time limit'],
        ['Dài hơn thời hạn quy định', 'Longer than the time limit'],
      ),
    },
    {
      id: '3',
      name: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ thủ tục hành chính (kể cả trực tuyến)',
      nameEn:
        'Times the applicant had to contact the receiving office to complete the dossier (online included)',
      answers: points(['Không lần nào', 'Never'], ['Một lần', 'Once'], ['Hơn một lần', 'More than once']),
    },
    {
      id: '4',
      name: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính (kể cả trực tuyến)',
      nameEn:
        'Agencies, units and organisations the applicant had to contact to complete the dossier (online included)',
      answers: points(
        ['Không phải liên hệ', 'None'],
        ['Một (Bộ phận Một cửa)', 'One (the one-stop desk)'],
        ['Hơn một', 'More than one'],
      ),
    },
    {
      id: '5',
      name: 'Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa',
      nameEn: 'Receiving dossiers, handling them and returning results at the one-stop desk',
      answers: points(['Đạt mức 2', 'Level 2 met'], ['Đạt mức 1', 'Level 1 met'], ['Không đạt', 'Not met']),
    },
    {
      id: '6',
      name: 'Công khai các thủ tục hành chính',
      nameEn: 'Publicity of the administrative procedures',
      answers: points(
        ['Niêm yết và điện tử', 'Posted and online'],
        ['Niêm yết hoặc điện tử', 'Posted or online'],
        ['Không công khai đầy đủ', 'Not fully public'],
      ),
    },
    {
      id: '7',
      name: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết thủ tục hành chính',
      nameEn:
        'Attitude of the officials when guiding the applicant, receiving the dossier and handling the procedure',
      answers: points(
        ['Sớm hơn thời hạn, không có phản ánh', 'Earlier than the time limit, no complaint'],
        ['Đúng thời hạn, không có phản ánh', 'On time, no complaint'],
        ['Có phản ánh, kiến nghị', 'Complaints or petitions'],
      ),
    },
    {
      id: '8',
      name: 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân',
      nameEn: 'Taking in and answering the feedback and petitions of organisations and individuals',
      answers: points(
        ['100% đúng hạn', '100% on time'],
        ['Từ 90% đúng hạn', 'At least 90% on time'],
        ['Dưới 90% đúng hạn', 'Under 90% on time'],
      ),
    },
    {
      id: '9',
      name: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
      nameEn: 'Progress and quality of the competent agency’s online public services',
      answers: points(['Đạt mức 2', 'Level 2 met'], ['Đạt mức 1', 'Level 1 met'], ['Không đạt', 'Not met']),
    },
    {
      id: 'convenience',
      name: 'Mức độ thuận tiện khi sử dụng dịch vụ',
      nameEn: 'Convenience of using the service',
      answers: satisfaction,
    },
    {
      id: 'overall',
      name: 'Đánh giá tổng thể dịch vụ',
      nameEn: 'Overall rating of the service',
      answers: satisfaction,
    },
  ],
};

/**
 * The label of a rating answer in `language` (Vietnamese by default; English when the set has it,
 * else Vietnamese). A criterion's own name: `localName(criterion, language)`.
 *
 * @example
 * ```ts
 * import { DECREE_61_RATING_CRITERIA, localName, ratingAnswerLabel } from '@motcua/core';
 * const overall = DECREE_61_RATING_CRITERIA.criteria.find((c) => c.id === 'overall')!;
 * localName(overall, 'en'); // 'Overall rating of the service'
 * ratingAnswerLabel(overall.answers[0]!, 'en'); // 'Very satisfied'
 * ```
 */
export function ratingAnswerLabel(answer: RatingAnswer, language: ExplainLanguage = 'vi'): string {
  return language === 'en' ? (answer.labelEn ?? answer.label) : answer.label;
}

/**
 * A dossier's rating as stored with it: the criteria set, each criterion's score, how it was taken
 * (at the desk by an officer, or publicly by code and secret), when, and when it was last amended.
 */
export const RatingSchema = z
  .object({
    criteriaSet: z.string().min(1),
    scores: z.record(z.string().min(1).max(64), z.number().int().min(0).max(100)),
    /** `desk`: entered at the desk by an officer; `public`: by the applicant, with the code and secret. */
    channel: z.enum(['desk', 'public']),
    /** The officer who entered it at the desk. */
    by: ActorSchema.optional(),
    /** When it was first given. */
    at: InstantSchema,
    /** When it was last amended, if it was. */
    amendedAt: InstantSchema.optional(),
  })
  .strict();
/** See {@link RatingSchema}. */
export type Rating = z.output<typeof RatingSchema>;

/**
 * The problems of `scores` against `set`: unknown criteria (named `scores`), a score no answer has
 * or a criterion left out (named `scores.<id>`).
 */
export function ratingProblems(
  set: RatingCriteriaSet,
  scores: Readonly<Record<string, unknown>>,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const byId = new Map(set.criteria.map((c) => [c.id, c]));
  // An unknown key is named without echoing it (input never comes back in an error).
  const unknown = Object.keys(scores).filter((id) => !byId.has(id)).length;
  if (unknown > 0) problems.push({ field: 'scores', message: `${unknown} criterion id(s) not in ${set.id}` });
  for (const c of set.criteria) {
    const score = scores[c.id];
    if (score === undefined) problems.push({ field: `scores.${c.id}`, message: 'required' });
    else if (!c.answers.some((a) => a.score === score)) {
      problems.push({
        field: `scores.${c.id}`,
        message: `expected one of ${c.answers.map((a) => a.score).join(', ')}`,
      });
    }
  }
  return problems;
}
