/**
 * The national dossier statuses (trạng thái hồ sơ) that one-stop systems report to the National
 * Public Service Portal (Cổng Dịch vụ công quốc gia): a code table kept as dated data.
 */
import type { ExplainLanguage } from '../calendar/explain.js';
import { localName } from './local-name.js';

/** One status of a national code table. */
export interface NationalStatus {
  /** The code exchanged with the portal (`TrangThaiHoSo`). */
  readonly code: number;
  /** Its name on the portal, in Vietnamese. */
  readonly name: string;
  /** Its name in English (a plain translation; the portal knows the Vietnamese one only). */
  readonly nameEn?: string | undefined;
}

/** A national code table of dossier statuses, with the period it is used in. */
export interface NationalStatusTable {
  /** A stable id for the table, e.g. `dvcqg-2019`. */
  readonly id: string;
  /**
   * First day the table is known to be in use (ISO local date), or `null` when no starting date
   * is known (in use throughout the period motcua covers).
   */
  readonly validFrom: string | null;
  /** Last day the table is in use, or `null` while it is in force. */
  readonly validTo: string | null;
  /** Where the codes come from. */
  readonly source: string;
  readonly statuses: readonly NationalStatus[];
}

/**
 * The ten dossier statuses of the National Public Service Portal (`TrangThaiHoSo`, 1 Mới đăng ký …
 * 10 Đã trả kết quả), as provincial one-stop systems exchange them with the portal. The status
 * display at each step is required by Circular 22/2019/TT-BTTTT art. 4; the codes are the portal's
 * integration codes, which independent provincial and ministry integrations use alike. Each
 * status has its Vietnamese name as the portal exchanges it and an English name beside it (`nameEn`,
 * a plain translation; {@link nationalStatusName} with `'en'`).
 *
 * @example
 * ```ts
 * import { nationalStatusName, PORTAL_DOSSIER_STATUSES } from '@motcua/core';
 * nationalStatusName(PORTAL_DOSSIER_STATUSES, 9); // 'Đã xử lý xong'
 * ```
 */
export const PORTAL_DOSSIER_STATUSES: NationalStatusTable = {
  id: 'dvcqg-2019',
  validFrom: null,
  validTo: null,
  source:
    'Cổng Dịch vụ công quốc gia, dossier status codes (TrangThaiHoSo) of the dossier sync services; status display: Circular 22/2019/TT-BTTTT art. 4',
  statuses: [
    { code: 1, name: 'Mới đăng ký', nameEn: 'Newly registered' },
    { code: 2, name: 'Được tiếp nhận', nameEn: 'Received' },
    { code: 3, name: 'Không được tiếp nhận', nameEn: 'Not received' },
    { code: 4, name: 'Đang xử lý', nameEn: 'Being processed' },
    { code: 5, name: 'Yêu cầu bổ sung giấy tờ', nameEn: 'Additional papers requested' },
    {
      code: 6,
      name: 'Yêu cầu thực hiện nghĩa vụ tài chính',
      nameEn: 'Payment of financial obligations requested',
    },
    { code: 7, name: 'Công dân yêu cầu rút hồ sơ', nameEn: 'Withdrawal requested by the applicant' },
    { code: 8, name: 'Dừng xử lý', nameEn: 'Processing stopped' },
    { code: 9, name: 'Đã xử lý xong', nameEn: 'Processing finished' },
    { code: 10, name: 'Đã trả kết quả', nameEn: 'Result returned' },
  ],
};

/**
 * The name of `code` in `table`, in `language` (Vietnamese by default; English when the table
 * has it, else Vietnamese), or `undefined` when the table has no such code.
 *
 * @example
 * ```ts
 * import { nationalStatusName, PORTAL_DOSSIER_STATUSES } from '@motcua/core';
 * nationalStatusName(PORTAL_DOSSIER_STATUSES, 4); // 'Đang xử lý'
 * nationalStatusName(PORTAL_DOSSIER_STATUSES, 4, 'en'); // 'Being processed'
 * ```
 */
export function nationalStatusName(
  table: NationalStatusTable,
  code: number,
  language: ExplainLanguage = 'vi',
): string | undefined {
  const status = table.statuses.find((s) => s.code === code);
  return status && localName(status, language);
}
