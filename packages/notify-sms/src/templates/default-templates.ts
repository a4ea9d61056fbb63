import type { NoticeKind } from './notice-kinds.js';

/**
 * The built-in Vietnamese texts, with diacritics. The form without diacritics is derived from
 * them. Each fits in 2 GSM-7 segments with the longest example values.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<NoticeKind, string>> = {
  receipt:
    '{agency} đã tiếp nhận hồ sơ {dossierCode}. Hẹn trả kết quả: {returnDate}. ' +
    'Tra cứu tại {lookupUrl}, mã tra cứu {lookupCode}.',
  'supplement-request':
    'Hồ sơ {dossierCode} cần bổ sung, hoàn thiện. Nội dung cần bổ sung xem tại {lookupUrl} ' +
    'hoặc liên hệ {agency}.',
  'result-ready-early':
    'Hồ sơ {dossierCode} đã có kết quả, sớm hơn ngày hẹn {returnDate}. ' +
    'Mời ông/bà nhận kết quả tại {agency}.',
  'result-ready-on-time': 'Hồ sơ {dossierCode} đã có kết quả. Mời ông/bà nhận kết quả tại {agency}.',
  apology:
    '{agency} xin lỗi ông/bà vì hồ sơ {dossierCode} chưa trả được kết quả đúng hẹn. ' +
    'Ngày hẹn trả mới: {newReturnDate}.',
};
