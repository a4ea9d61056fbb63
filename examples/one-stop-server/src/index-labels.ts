import type { IndicatorFigure, NotApplicable, NotApplicableKind } from '@motcua/core';

/** The language of the index pages: Vietnamese (default) or English. */
export type IndexLanguage = 'vi' | 'en';

/** The fixed texts of the index pages (bộ chỉ số 766), in both languages. */
export const INDEX_TEXTS = {
  vi: {
    title: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
    short: 'Chỉ số 766',
    period: 'Kỳ',
    version: 'Phiên bản bộ chỉ số',
    rule: 'Quy tắc tính',
    rules: { national: 'theo quy tắc của Cổng DVCQG', 'at-return': 'tại thời điểm trả kết quả' },
    scorecard: 'Điểm theo nhóm chỉ số',
    scorecardNote:
      'Điểm của một nhóm là tổng điểm các chỉ số đã tính được; "chưa đủ" khi có chỉ số chưa có điểm (lý do ở bảng dưới).',
    incomplete: 'chưa đủ',
    indicators: 'Các chỉ số',
    id: 'Chỉ số',
    name: 'Tên chỉ số',
    value: 'Giá trị',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    lowering: 'Hồ sơ làm giảm',
    points: 'Điểm',
    trend: 'Xu hướng theo tháng',
    trendOf: (id: string) => `Chỉ số ${id} theo tháng`,
    month: 'Tháng',
    ranking: 'Xếp hạng',
    rankingBy: { unit: 'đơn vị', agency: 'cơ quan', procedure: 'thủ tục' },
    rankingNote: (id: string) => `Xếp theo chỉ số ${id}; N/A xếp cuối.`,
    group: 'Nhóm',
    rank: 'Hạng',
    knownPoints: 'Tổng điểm đã tính',
    none: 'Không có hồ sơ nào trong kỳ.',
    dossiers: 'Danh sách hồ sơ',
    dossiersOf: (id: string, part: string) => `Hồ sơ của chỉ số ${id} – ${part}`,
    code: 'Mã hồ sơ',
    next: 'Trang sau',
    first: 'Trang đầu',
    back: 'Về bảng chỉ số',
    filter: 'Xem',
    from: 'Từ ngày',
    to: 'Đến ngày',
    days: 'ngày',
    na: 'N/A',
  },
  en: {
    title: 'Index of services to citizens and enterprises (Decision 766/QĐ-TTg)',
    short: 'Index 766',
    period: 'Period',
    version: 'Index version',
    rule: 'Counting rule',
    rules: { national: 'the national portal’s rule', 'at-return': 'at return' },
    scorecard: 'Points per group',
    scorecardNote:
      'A group’s points are the sum of the points computed; "incomplete" when an indicator has none (the reason is in the table below).',
    incomplete: 'incomplete',
    indicators: 'Indicators',
    id: 'Indicator',
    name: 'Name',
    value: 'Value',
    numerator: 'Numerator',
    denominator: 'Denominator',
    lowering: 'Lowering',
    points: 'Points',
    trend: 'Trend per month',
    trendOf: (id: string) => `Indicator ${id} per month`,
    month: 'Month',
    ranking: 'Ranking',
    rankingBy: { unit: 'units', agency: 'agencies', procedure: 'procedures' },
    rankingNote: (id: string) => `Ranked by indicator ${id}; N/A last.`,
    group: 'Group',
    rank: 'Rank',
    knownPoints: 'Points computed',
    none: 'No dossier in the period.',
    dossiers: 'Dossiers',
    dossiersOf: (id: string, part: string) => `Dossiers of indicator ${id} – ${part}`,
    code: 'Dossier code',
    next: 'Next page',
    first: 'First page',
    back: 'Back to the index',
    filter: 'Show',
    from: 'From',
    to: 'To',
    days: 'days',
    na: 'N/A',
  },
} as const;

/** The words for each N/A kind core gives: a kind missing here does not compile. */
type NaTexts = { readonly 'facts-missing': (dossiers: number) => string } & {
  readonly [K in Exclude<NotApplicableKind, 'facts-missing'>]: string;
};

const NA_TEXTS: Record<IndexLanguage, NaTexts> = {
  vi: {
    'facts-missing': (n) =>
      `${n} hồ sơ được lưu trước khi hệ thống ghi dữ liệu chỉ số; sẽ được tính khi hồ sơ được cập nhật lại`,
    'no-sync-state':
      'Kho dữ liệu không lưu trạng thái đồng bộ: chưa hồ sơ nào được ghi nhận là đã được Cổng DVCQG xác nhận (kết nối Cổng DVCQG ghi nhận khi được cài đặt)',
    'zero-denominator': 'Không có hồ sơ ở mẫu số',
    'no-points': 'Chỉ số không tính điểm (theo dõi theo từng thủ tục)',
    'weight-unconfirmed': 'Chưa xác nhận trọng số điểm của chỉ số trong nhóm',
  },
  en: {
    'facts-missing': (n) =>
      `${n} ${n === 1 ? 'dossier was' : 'dossiers were'} stored before the index facts were kept; they are counted once updated again`,
    'no-sync-state':
      'The store keeps no sync state: no dossier was recorded as acknowledged by the national portal (the portal connector records it once installed)',
    'zero-denominator': 'No dossier in the denominator',
    'no-points': 'The indicator earns no points (followed per procedure)',
    'weight-unconfirmed': 'The indicator’s weight in its group is not confirmed',
  },
};

/** Why a figure is N/A, in the page's language, by the kind core gives. */
export function naReason(na: NotApplicable, lang: IndexLanguage): string {
  const t = NA_TEXTS[lang];
  return na.kind === 'facts-missing' ? t['facts-missing'](na.dossiers) : t[na.kind];
}

/** A number with the page's decimal separator (`92,5` in Vietnamese), at most 2 decimals. */
export function formatNumber(n: number, lang: IndexLanguage): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}

/** A figure's value with its unit (`92,5 %`, `1,5 ngày`), or N/A. */
export function formatValue(figure: Pick<IndicatorFigure, 'value' | 'unit'>, lang: IndexLanguage): string {
  if (figure.value === null) return INDEX_TEXTS[lang].na;
  return figure.unit === 'days'
    ? `${formatNumber(figure.value, lang)} ${INDEX_TEXTS[lang].days}`
    : `${formatNumber(figure.value, lang)} %`;
}
