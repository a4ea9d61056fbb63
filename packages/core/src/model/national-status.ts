/**
 * The national dossier statuses (trạng thái hồ sơ) that one-stop systems report to the National
 * Public Service Portal (Cổng Dịch vụ công quốc gia): a code table kept as dated data.
 */

/** One status of a national code table. */
export interface NationalStatus {
  /** The code exchanged with the portal (`TrangThaiHoSo`). */
  readonly code: number;
  /** Its name on the portal, in Vietnamese. */
  readonly name: string;
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
 * integration codes, which independent provincial and ministry integrations use alike.
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
    { code: 1, name: 'Mới đăng ký' },
    { code: 2, name: 'Được tiếp nhận' },
    { code: 3, name: 'Không được tiếp nhận' },
    { code: 4, name: 'Đang xử lý' },
    { code: 5, name: 'Yêu cầu bổ sung giấy tờ' },
    { code: 6, name: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
    { code: 7, name: 'Công dân yêu cầu rút hồ sơ' },
    { code: 8, name: 'Dừng xử lý' },
    { code: 9, name: 'Đã xử lý xong' },
    { code: 10, name: 'Đã trả kết quả' },
  ],
};

/**
 * The name of `code` in `table`, or `undefined` when the table has no such code.
 *
 * @example
 * ```ts
 * import { nationalStatusName, PORTAL_DOSSIER_STATUSES } from '@motcua/core';
 * nationalStatusName(PORTAL_DOSSIER_STATUSES, 4); // 'Đang xử lý'
 * ```
 */
export function nationalStatusName(table: NationalStatusTable, code: number): string | undefined {
  return table.statuses.find((s) => s.code === code)?.name;
}
