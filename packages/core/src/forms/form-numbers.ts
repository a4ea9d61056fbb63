import { z } from 'zod';
import type { Regime } from '../model/channel.js';

/**
 * The official forms of the one-stop mechanism, by what they are rather than by number (numbers
 * differ between the regimes, see {@link FORM_NUMBERS}).
 */
export const FormKindSchema = z.enum([
  'receipt',
  'supplement',
  'refusal',
  'apology',
  'stopNotice',
  'controlSlip',
  'trackingBook',
]);
/** See {@link FormKindSchema}. */
export type FormKind = z.infer<typeof FormKindSchema>;

/**
 * Form numbers ("Mẫu số") by regime.
 *
 * - `'2018'`: Circular 01/2018/TT-VPCP art. 9 (forms 01–06).
 * - `'2025'`: Circular 03/2025/TT-VPCP Annex I (forms 01–07). 01, 02, 03, 06 and 07 are confirmed
 *   by two provincial decisions (Nghệ An 3857/QĐ-UBND; Hà Nội TTPVHCC 1594/QĐ-TTPVHCC, 11/2025);
 *   **04 (apology) and 05 (stop notice) rest on a single secondary source** (one thesis; the
 *   titles themselves are in Circular 03/2025 art. 7 and on a 2025 Bộ Y tế form), and some bodies (Hà Tĩnh, Bộ Y tế) still print the 2018 numbers
 *   while citing Circular 03. Every form builder therefore takes a `numbering` option: the content
 *   follows the dossier's regime, the printed number follows `numbering`.
 */
export const FORM_NUMBERS = {
  '2018': {
    receipt: '01',
    supplement: '02',
    refusal: '03',
    apology: '04',
    controlSlip: '05',
    trackingBook: '06',
  },
  '2025': {
    receipt: '01',
    supplement: '02',
    refusal: '03',
    apology: '04',
    stopNotice: '05',
    controlSlip: '06',
    trackingBook: '07',
  },
} as const satisfies Record<Regime, Partial<Record<FormKind, string>>>;

/**
 * The printed number ("Mẫu số") of a form under a regime's numbering, or `undefined` when that
 * regime has no such form (the stop notice under 2018).
 * @example
 * ```ts
 * import { formNumber } from '@motcua/core/forms';
 * formNumber('2018', 'controlSlip'); // '05'
 * formNumber('2025', 'controlSlip'); // '06'
 * ```
 */
export function formNumber(regime: Regime, kind: FormKind): string | undefined {
  const numbers: Partial<Record<FormKind, string>> = FORM_NUMBERS[regime];
  return numbers[kind];
}

/**
 * The form a number stands for under a regime's numbering, e.g. `formKindOf('2018', '05')` is
 * `'controlSlip'` while `formKindOf('2025', '05')` is `'stopNotice'`. Accepts `'5'` or `'05'`.
 *
 * @example
 * ```ts
 * import { formKindOf } from '@motcua/core/forms';
 * formKindOf('2025', '01'); // 'receipt'
 * ```
 */
export function formKindOf(regime: Regime, number: string): FormKind | undefined {
  const wanted = number.trim().padStart(2, '0');
  const numbers: Partial<Record<FormKind, string>> = FORM_NUMBERS[regime];
  for (const kind of FormKindSchema.options) if (numbers[kind] === wanted) return kind;
  return undefined;
}

const TITLES: Record<FormKind, string> = {
  receipt: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  supplement: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  refusal: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  apology: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  stopNotice: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  controlSlip: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  trackingBook: 'SỔ THEO DÕI HỒ SƠ',
};

/**
 * The printed title of a form under a regime. Only the apology differs: 2025 copies title it
 * "Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết" (Decree 61 art. 19(9) already spoke of a
 * "phiếu đề nghị gia hạn thời gian giải quyết").
 *
 * @example
 * ```ts
 * import { formTitle } from '@motcua/core/forms';
 * formTitle('2025', 'receipt'); // 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'
 * ```
 */
export function formTitle(regime: Regime, kind: FormKind): string {
  if (kind === 'apology' && regime === '2025') return 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT';
  return TITLES[kind];
}
