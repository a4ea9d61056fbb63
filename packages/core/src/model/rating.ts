import { z } from 'zod';
import { ActorSchema, InstantSchema } from './actor.js';

/** One criterion of a rating: its id, its text and the answers it takes, each with its score. */
export interface RatingCriterion {
  /** A stable id, e.g. `'1'` or `'overall'`. */
  readonly id: string;
  /** The criterion as the applicant reads it, in Vietnamese. */
  readonly name: string;
  /** The answers, each with its score (higher is better) and label. */
  readonly answers: readonly { readonly score: number; readonly label: string }[];
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

const points = (better: string, equal: string, worse: string) => [
  { score: 2, label: better },
  { score: 1, label: equal },
  { score: 0, label: worse },
];
const satisfaction = [
  { score: 2, label: 'Rất hài lòng' },
  { score: 1, label: 'Hài lòng' },
  { score: 0, label: 'Không hài lòng' },
];

/**
 * The per-dossier rating taken when the result is returned: the nine evaluation indices of the
 * handling of administrative procedures of Decree 61/2018/NĐ-CP (Chapter V), each scored 2, 1 or 0,
 * and two satisfaction questions (convenience of the service, overall), each "Rất hài lòng",
 * "Hài lòng" or "Không hài lòng".
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
      answers: points('Ngắn hơn quy định', 'Bằng thời gian quy định', 'Dài hơn quy định'),
    },
    {
      id: '2',
      name: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp) so với quy định',
      answers: points('Ngắn hơn thời hạn quy định', 'Bằng thời hạn quy định', 'Dài hơn thời hạn quy định'),
    },
    {
      id: '3',
      name: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ thủ tục hành chính (kể cả trực tuyến)',
      answers: points('Không lần nào', 'Một lần', 'Hơn một lần'),
    },
    {
      id: '4',
      name: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính (kể cả trực tuyến)',
      answers: points('Không phải liên hệ', 'Một (Bộ phận Một cửa)', 'Hơn một'),
    },
    {
      id: '5',
      name: 'Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa',
      answers: points('Đạt mức 2', 'Đạt mức 1', 'Không đạt'),
    },
    {
      id: '6',
      name: 'Công khai các thủ tục hành chính',
      answers: points('Niêm yết và điện tử', 'Niêm yết hoặc điện tử', 'Không công khai đầy đủ'),
    },
    {
      id: '7',
      name: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết thủ tục hành chính',
      answers: points(
        'Sớm hơn thời hạn, không có phản ánh',
        'Đúng thời hạn, không có phản ánh',
        'Có phản ánh, kiến nghị',
      ),
    },
    {
      id: '8',
      name: 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân',
      answers: points('100% đúng hạn', 'Từ 90% đúng hạn', 'Dưới 90% đúng hạn'),
    },
    {
      id: '9',
      name: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
      answers: points('Đạt mức 2', 'Đạt mức 1', 'Không đạt'),
    },
    {
      id: 'convenience',
      name: 'Mức độ thuận tiện khi sử dụng dịch vụ',
      answers: satisfaction,
    },
    { id: 'overall', name: 'Đánh giá tổng thể dịch vụ', answers: satisfaction },
  ],
};

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
