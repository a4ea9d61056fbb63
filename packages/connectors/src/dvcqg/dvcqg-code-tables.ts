import type { ApplicantKind, Channel, IdentityDocumentType } from '@motcua/core';
import type { CodeTable } from '../code-tables/code-table.js';

/** How the result is returned, as the portal codes it (`HinhThuc`). */
export type ReturnMethod = 'direct' | 'postal';

/** The national portal's code tables for the dossier sync, each a list of dated versions. */
export interface DvcqgCodeTables {
  /** `LoaiDoiTuong`: the applicant's kind. */
  readonly applicantKind: readonly CodeTable<ApplicantKind>[];
  /** `DinhDanhCHS[].LoaiDinhDanh`: the identity document's type. */
  readonly identityType: readonly CodeTable<IdentityDocumentType>[];
  /** `KenhThucHien`: how the dossier was filed. */
  readonly channel: readonly CodeTable<Channel>[];
  /** `HinhThuc`: how the result is returned. */
  readonly returnMethod: readonly CodeTable<ReturnMethod>[];
}

const TH =
  'Thanh Hóa provincial one-stop system, DVCQG sync service (public repository HuanVu201/DichVuCong_KhoaLuan_PASETO)';

/**
 * The national portal's codes as the provincial systems send them (dated data: a table with its
 * source and confidence; a newer table goes beside it). Values with no known code are left out, so
 * a payload that needs one names the field instead of sending a guess: the household business
 * applicant kind, passports and tax codes as identity types.
 *
 * @example
 * ```ts
 * import { tableOn } from '@motcua/connectors';
 * import { DVCQG_CODE_TABLES } from '@motcua/connectors/dvcqg';
 * tableOn(DVCQG_CODE_TABLES.applicantKind, '2026-03-02')?.codes.enterprise; // '2'
 * ```
 */
export const DVCQG_CODE_TABLES: DvcqgCodeTables = {
  applicantKind: [
    {
      id: 'dvcqg-loai-doi-tuong',
      target: 'dvcqg',
      field: 'LoaiDoiTuong',
      validFrom: null,
      validTo: null,
      source: TH,
      confidence: 'S',
      codes: { citizen: '1', enterprise: '2', agency: '3', other: '4' },
    },
  ],
  identityType: [
    {
      id: 'dvcqg-loai-dinh-danh',
      target: 'dvcqg',
      field: 'LoaiDinhDanh',
      validFrom: null,
      validTo: null,
      source: TH,
      confidence: 'S',
      codes: { 'personal-id': '1', 'legacy-id': '2' },
    },
  ],
  channel: [
    {
      id: 'dvcqg-kenh-thuc-hien',
      target: 'dvcqg',
      field: 'KenhThucHien',
      validFrom: null,
      validTo: null,
      source: `${TH}; Decision 766/QĐ-TTg indicator formulas (channel counts)`,
      confidence: 'C',
      codes: { 'in-person': '1', 'online-full': '2', 'online-partial': '2', postal: '3' },
    },
  ],
  returnMethod: [
    {
      id: 'dvcqg-hinh-thuc',
      target: 'dvcqg',
      field: 'HinhThuc',
      validFrom: null,
      validTo: null,
      source: 'OpenCPS DVCQG integration (VietOpenCPS/opencps-v2)',
      confidence: 'S',
      codes: { direct: '0', postal: '1' },
    },
  ],
};
