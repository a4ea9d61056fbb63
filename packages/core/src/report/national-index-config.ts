import { z } from 'zod';
import { MotcuaError } from '../errors/motcua-error.js';

/**
 * What an indicator measures, in the facts motcua keeps (each one a numerator over a denominator
 * the stores count in SQL):
 * - `synced`: dossiers synced to the national portal over dossiers received (1.4);
 * - `timely`: dossiers finished early or on time over those received or processed in the period (2.1);
 * - `average-time`: mean processing time of the dossiers completed in the period, in days (2.2);
 * - `online`: received online (with an electronic result where one is issued) over received (3.3);
 * - `paid-online`: paid online over fee-bearing dossiers received (3.6);
 * - `e-result`: with an electronic result over those with a result document (4.1);
 * - `digitised`: with digitised components (and an electronic result where one is issued) over received (4.2);
 * - `reused`: reusing digitised data over received (4.3);
 * - `national-store`: taking a component from the citizen's national store over received (4.4);
 * - `population-data`: using the population database or VNeID over received (4.5);
 * - `satisfaction-union`: (dossiers − late or dissatisfied) over dossiers (the Decision's annex);
 * - `satisfaction-sum`: 100 % − (late % + dissatisfied %) (the operational rules).
 */
export const IndicatorMeasureSchema = z.enum([
  'synced',
  'timely',
  'average-time',
  'online',
  'paid-online',
  'e-result',
  'digitised',
  'reused',
  'national-store',
  'population-data',
  'satisfaction-union',
  'satisfaction-sum',
]);
/** See {@link IndicatorMeasureSchema}. */
export type IndicatorMeasure = z.infer<typeof IndicatorMeasureSchema>;

/** One indicator (chỉ số) of an index version: what it counts, and the points it earns. */
export const IndicatorSchema = z
  .object({
    /** The indicator's number in its version, e.g. `'2.1'`. */
    id: z.string().regex(/^\d\.\d{1,2}$/),
    /** Its group (nhóm chỉ số), 1–7. */
    group: z.number().int().min(1).max(7),
    /** The name as the source gives it, in Vietnamese. */
    name: z.string().min(1),
    /** The name in English (a plain translation, not the legal text); Vietnamese is shown without it. */
    nameEn: z.string().min(1).optional(),
    /** The numerator and the denominator, in words. */
    numerator: z.string().min(1),
    denominator: z.string().min(1),
    measure: IndicatorMeasureSchema,
    /** The share that earns full points (0–1), e.g. 0.8; `null`: points are proportional to the share. */
    fullPointsAt: z.number().gt(0).max(1).nullable(),
    /** The indicator's maximum points, `null` when its weight could not be confirmed (points then N/A). */
    points: z.number().min(0).max(100).nullable(),
    /** Where its formula (and its weight, when known) comes from. */
    source: z.string().min(1),
  })
  .strict();
/** See {@link IndicatorSchema}. */
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * A version of the Decision 766/QĐ-TTg index: its groups with their maximum points, its
 * indicators, and the period it applies to (dated data: the 2022 set and the operational rules
 * sit side by side, and the next revision is one more entry).
 */
export const IndexVersionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1),
    /** The name in English (a plain translation). */
    nameEn: z.string().min(1).optional(),
    /** First day it applies (`YYYY-MM-DD`), last day or `null` while in force. */
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
    source: z.string().min(1),
    groups: z
      .array(
        z
          .object({
            group: z.number().int().min(1).max(7),
            name: z.string().min(1),
            /** The group's name in English (a plain translation). */
            nameEn: z.string().min(1).optional(),
            maxPoints: z.number(),
          })
          .strict(),
      )
      .min(1),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .strict()
  .superRefine((v, ctx) => {
    const ids = new Set<string>();
    v.indicators.forEach((i, n) => {
      if (ids.has(i.id))
        ctx.addIssue({ code: 'custom', path: ['indicators', n, 'id'], message: 'listed twice' });
      ids.add(i.id);
      if (!v.groups.some((g) => g.group === i.group))
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', n, 'group'],
          message: 'not a group of the version',
        });
    });
    if (v.validTo !== null && v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'is before validFrom' });
  });
/** See {@link IndexVersionSchema}. */
export type IndexVersion = z.infer<typeof IndexVersionSchema>;

const DECISION_766 =
  'Decision 766/QĐ-TTg of 23/6/2022 of the Prime Minister approving the index for directing, running and evaluating the quality of services to citizens and enterprises in administrative procedures and public services in real time on the electronic environment, Annex';
const F766 =
  'Văn phòng Chính phủ, technical document "Mô tả công thức tính chỉ số 766" (the formulas the National Public Service Portal computes the index with; undated, after 1/7/2025)';

const GROUPS_2022 = [
  { group: 1, name: 'Công khai, minh bạch', nameEn: 'Publicity and transparency', maxPoints: 18 },
  {
    group: 2,
    name: 'Tiến độ, kết quả giải quyết',
    nameEn: 'Progress and results of handling',
    maxPoints: 20,
  },
  { group: 3, name: 'Cung cấp dịch vụ trực tuyến', nameEn: 'Online services', maxPoints: 22 },
  { group: 4, name: 'Số hóa hồ sơ', nameEn: 'Digitisation of dossiers', maxPoints: 22 },
  { group: 5, name: 'Mức độ hài lòng', nameEn: 'Satisfaction', maxPoints: 18 },
];

/** The indicators both versions share (numbered as the operational document numbers them). */
function sharedIndicators(source: string): Indicator[] {
  return [
    {
      id: '1.4',
      group: 1,
      name: 'Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
      nameEn: 'Share of dossiers synced to the National Public Service Portal',
      numerator: 'hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng DVCQG',
      denominator: 'hồ sơ tiếp nhận trong kỳ',
      measure: 'synced',
      fullPointsAt: null,
      points: null,
      source,
    },
    {
      id: '2.1',
      group: 2,
      name: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn',
      nameEn: 'Share of dossiers processed early or on time',
      numerator: 'hồ sơ đã xử lý hoặc đang xử lý trước hạn, đúng hạn',
      denominator: 'hồ sơ tiếp nhận hoặc xử lý trong kỳ',
      measure: 'timely',
      fullPointsAt: null,
      points: null,
      source,
    },
    {
      id: '2.2',
      group: 2,
      name: 'Thời gian giải quyết trung bình',
      nameEn: 'Average processing time',
      numerator: 'tổng thời gian giải quyết (ngày)',
      denominator: 'hồ sơ đã xử lý xong hoặc đã trả kết quả trong kỳ',
      measure: 'average-time',
      fullPointsAt: null,
      points: null,
      source,
    },
    {
      id: '3.3',
      group: 3,
      name: 'Tỷ lệ hồ sơ trực tuyến theo hình thức nộp',
      nameEn: 'Share of online dossiers by submission channel',
      numerator: 'hồ sơ nộp trực tuyến (có kết quả điện tử nếu thủ tục có kết quả bản giấy)',
      denominator: 'hồ sơ tiếp nhận trong kỳ',
      measure: 'online',
      fullPointsAt: 0.5,
      points: null,
      source,
    },
    {
      id: '3.6',
      group: 3,
      name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
      nameEn: 'Share of dossiers paid online',
      numerator: 'hồ sơ thanh toán trực tuyến (trên Cổng DVCQG hoặc cổng thanh toán của bộ, tỉnh)',
      denominator: 'hồ sơ tiếp nhận trong kỳ có phí, lệ phí',
      measure: 'paid-online',
      fullPointsAt: null,
      points: null,
      source,
    },
    {
      id: '4.1',
      group: 4,
      name: 'Tỷ lệ hồ sơ có kết quả điện tử',
      nameEn: 'Share of dossiers with an electronic result',
      numerator: 'hồ sơ có tệp kết quả điện tử',
      denominator: 'hồ sơ tiếp nhận trong kỳ có kết quả giải quyết bản giấy',
      measure: 'e-result',
      fullPointsAt: null,
      points: null,
      source,
    },
    {
      id: '4.2',
      group: 4,
      name: 'Tỷ lệ hồ sơ thực hiện số hóa',
      nameEn: 'Share of digitised dossiers',
      numerator: 'hồ sơ có thành phần số hóa và kết quả điện tử (nếu có kết quả bản giấy)',
      denominator: 'hồ sơ tiếp nhận trong kỳ',
      measure: 'digitised',
      fullPointsAt: 0.8,
      points: null,
      source,
    },
    {
      id: '4.3',
      group: 4,
      name: 'Tỷ lệ khai thác, tái sử dụng thông tin, dữ liệu số hóa',
      nameEn: 'Share of dossiers using and reusing digitised information and data',
      numerator: 'hồ sơ có thành phần tái sử dụng dữ liệu số hóa',
      denominator: 'hồ sơ tiếp nhận trong kỳ',
      measure: 'reused',
      fullPointsAt: 0.8,
      points: null,
      source,
    },
    {
      id: '4.4',
      group: 4,
      name: 'Tỷ lệ số hóa có kết nối, chia sẻ dữ liệu',
      nameEn: 'Share of digitisation with data connected and shared',
      numerator: 'hồ sơ có thành phần lấy từ Kho quản lý dữ liệu điện tử của tổ chức, cá nhân',
      denominator: 'hồ sơ tiếp nhận trong kỳ',
      measure: 'national-store',
      fullPointsAt: null,
      points: null,
      source,
    },
    {
      id: '4.5',
      group: 4,
      name: 'Tỷ lệ ứng dụng dữ liệu dân cư',
      nameEn: 'Share of dossiers using population data',
      numerator: 'hồ sơ xác thực VNeID hoặc khai thác Cơ sở dữ liệu quốc gia về dân cư',
      denominator: 'hồ sơ tiếp nhận trong kỳ',
      measure: 'population-data',
      fullPointsAt: null,
      points: null,
      source,
    },
  ];
}

/**
 * The index of Decision 766/QĐ-TTg as approved in 2022 and run on the portal from 01/8/2022: five
 * groups of 18, 20, 22, 22 and 18 points; the satisfaction indicator by the annex's formula
 * ((dossiers − those dissatisfied or late) / dossiers, 6 points, full at 90 %). The annex's own
 * numbering of the other indicators could not be read: they carry the operational document's
 * numbers and formulas so that the two versions line up.
 */
export const DECISION_766_2022: IndexVersion = {
  id: '766-2022',
  name: 'Quyết định 766/QĐ-TTg (2022)',
  nameEn: 'Decision 766/QĐ-TTg (2022)',
  validFrom: '2022-08-01',
  validTo: '2025-06-30',
  source: DECISION_766,
  groups: GROUPS_2022,
  indicators: [
    ...sharedIndicators(`${F766} (formula); ${DECISION_766} (groups and points)`),
    {
      id: '5.4',
      group: 5,
      name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
      nameEn: 'Satisfaction with the receipt and handling of administrative procedures',
      numerator: 'tổng hồ sơ − hồ sơ không hài lòng hoặc quá hạn',
      denominator: 'tổng hồ sơ thuộc thẩm quyền',
      measure: 'satisfaction-union',
      fullPointsAt: 0.9,
      points: 6,
      source: DECISION_766,
    },
  ],
};

/**
 * The formulas the National Public Service Portal computes the index with now (the operational
 * document of the Government Office), from 01/7/2025 (the two-level local government it
 * mentions): the counting rules of 2.1 (processing finished, more than one supplementation request
 * is late, open dossiers judged at the period's end), online dossiers only with an electronic
 * result, and satisfaction as 100 % − (late % + dissatisfied %).
 */
export const F766_OPERATIONAL: IndexVersion = {
  id: 'f766-2025',
  name: 'Công thức tính chỉ số 766 (Cổng DVCQG)',
  nameEn: 'Formulas of the 766 index (National Public Service Portal)',
  validFrom: '2025-07-01',
  validTo: null,
  source: F766,
  groups: GROUPS_2022,
  indicators: [
    ...sharedIndicators(F766),
    {
      id: '5.4',
      group: 5,
      name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
      nameEn: 'Satisfaction with the receipt and handling of administrative procedures',
      numerator: '100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ không hài lòng)',
      denominator: 'tổng hồ sơ',
      measure: 'satisfaction-sum',
      fullPointsAt: 0.9,
      points: 6,
      source: `${F766}; weight 6 of 18: ${DECISION_766}`,
    },
  ],
};

/** The index versions motcua ships, oldest first. */
export const INDEX_VERSIONS: readonly IndexVersion[] = [DECISION_766_2022, F766_OPERATIONAL];

/**
 * An index version or indicator that does not exist, or a period that is not one; names the field
 * (`version`, `indicator`, `to`), never echoes the input.
 *
 * @example
 * ```ts
 * import { IndexQueryError, type Engine } from '@motcua/core';
 * declare const engine: Engine;
 * try {
 *   await engine.nationalIndex({ from: '2026-03-01', to: '2026-04-01', version: 'no-such' });
 * } catch (e) {
 *   if (e instanceof IndexQueryError) console.log(e.field); // 'version'
 * }
 * ```
 */
export class IndexQueryError extends MotcuaError {
  constructor(field: string, message: string) {
    super('INVALID_INDEX_QUERY', `${field}: ${message}`, { field });
  }
}

/**
 * The index version `id`, or the one in force on `date` (`YYYY-MM-DD`) when `id` is absent.
 * @throws {@link IndexQueryError} naming `version` when there is none.
 *
 * @example
 * ```ts
 * import { indexVersion } from '@motcua/core';
 * indexVersion(undefined, '2026-03-01').id; // 'f766-2025'
 * indexVersion('766-2022', '2026-03-01').indicators.length; // 11
 * ```
 */
export function indexVersion(
  id: string | undefined,
  date: string,
  versions: readonly IndexVersion[] = INDEX_VERSIONS,
): IndexVersion {
  const found =
    id === undefined
      ? versions.find((v) => v.validFrom <= date && (v.validTo === null || date <= v.validTo))
      : versions.find((v) => v.id === id);
  if (!found) {
    throw new IndexQueryError(
      'version',
      id === undefined ? 'no index version applies on the period start' : 'unknown index version',
    );
  }
  return found;
}
