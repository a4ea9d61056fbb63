import {
  type DossierContext,
  type NationalStatus,
  type ProcedureDefinition,
  wasReceived,
} from '@motcua/core';
import { type CodeTable, tableOn } from '../code-tables/code-table.js';
import { portalDate } from '../shared/portal-date.js';
import type { PayloadProblem } from '../shared/problems.js';
import { DVCQG_CODE_TABLES, type DvcqgCodeTables } from './dvcqg-code-tables.js';

/** The portal's date format for the dossier sync (`yyyyMMddHHmmss`, Vietnam's time). */
export const DVCQG_DATE_FORMAT = 'yyyyMMddHHmmss';

/** What {@link buildDossierRecord} needs beyond the dossier and its procedure. */
export interface DvcqgRecordOptions {
  /** The target's date format (luxon), default {@link DVCQG_DATE_FORMAT}. */
  readonly dateFormat?: string;
  /** The code tables, default {@link DVCQG_CODE_TABLES}. */
  readonly codeTables?: DvcqgCodeTables;
  /** The procedure's field (lĩnh vực) on the portal: `MaLinhVuc`, `TenLinhVuc`. */
  readonly field?: { readonly code: string; readonly name: string };
  /** The processing agency's name (`DonViXuLy`), default the procedure's `agency`. */
  readonly agencyName?: string;
  /** The dossier's summary (`TrichYeuHoSo`), default the procedure's name. */
  readonly summary?: string;
  /** A link the portal can open for a stored file (`kho://…` → `https://…`), default the URI itself. */
  readonly fileUrl?: (uri: string) => string;
}

/** One attachment of the dossier (`TaiLieuNop[]`): a component and how it was satisfied. */
export interface DvcqgAttachment {
  readonly TepDinhKemId: string;
  readonly TenTepDinhKem: string;
  readonly DuongDanTaiTepTin: string;
  readonly DuocSoHoa: '0' | '1';
  readonly DuocTaiSuDung: '0' | '1';
  readonly DuocLayTuKhoDMQG: '0' | '1';
  readonly MaKetQuaThayThe: string;
  readonly IsDeleted: '0';
}

/**
 * The dossier record the national portal's dossier sync takes (`DongBoHoSoMC` data, `HoSoDongBoDVC`):
 * every value text, dates in the target's format. The field names are the portal's as provincial
 * systems send them (the Thanh Hóa system, OpenCPS, a Hà Giang system); see the connectors guide.
 */
export interface DvcqgDossierRecord {
  readonly MaHoSo: string;
  readonly MaTTHC: string;
  readonly TenTTHC: string;
  readonly MaLinhVuc: string;
  readonly TenLinhVuc: string;
  readonly KenhThucHien: string;
  readonly ChuHoSo: string;
  readonly LoaiDoiTuong: string;
  readonly SoGiayToChuHoSo: string;
  readonly DinhDanhCHS: readonly { readonly LoaiDinhDanh: string; readonly SoDinhDanh: string }[];
  readonly Email: string;
  readonly SoDienThoai: string;
  readonly TrichYeuHoSo: string;
  readonly NgayNopHoSo: string;
  readonly NgayTiepNhan: string;
  readonly NgayHenTra: string;
  readonly TrangThaiHoSo: string;
  readonly NgayKetThucXuLy: string;
  readonly NgayTra: string;
  readonly NgayTuChoi: string;
  readonly HinhThuc: string;
  readonly DonViXuLy: string;
  readonly HoSoCoThanhPhanSoHoa: '0' | '1';
  readonly TaiKhoanDuocXacThucVoiVNeID: '0' | '1';
  readonly TaiLieuNop: readonly DvcqgAttachment[];
  readonly DanhSachLePhi: readonly {
    readonly TenPhiLePhi: string;
    readonly MaPhiLePhi: string;
    readonly Gia: string;
  }[];
  readonly DanhSachHoSoBoSung: readonly {
    readonly NguoiYeuCauBoSung: string;
    readonly NoiDungBoSung: string;
    readonly NgayBoSung: string;
    readonly NgayTiepNhanBoSung: string;
    readonly TrangThaiBoSung: '0' | '1';
  }[];
  readonly DanhSachGiayToKetQua: readonly {
    readonly GiayToId: string;
    readonly TenGiayTo: string;
    readonly MaGiayToKetQua: string;
    readonly DuongDanTepTinKetQua: string;
  }[];
  readonly DSKetNoiCSDL: readonly { readonly MaCSDL: string }[];
}

/** Lengths the portal is known to accept at most (one source: the Thanh Hóa system). */
const MAX_LENGTH: Readonly<Record<string, number>> = { TrichYeuHoSo: 1000, TenTepDinhKem: 4000 };

/**
 * The national portal's dossier record of a dossier (`engine.get(code)` gives what it takes), with
 * the problems that keep it from being sent, each naming the portal's field (a required value
 * missing, a value no code table has a code for, a text too long), never the value. A record with
 * problems is a dead letter, not a malformed call. Before an online filing is accepted, its
 * receipt date and due date are empty (it was not received); its status is 1.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { buildDossierRecord } from '@motcua/connectors/dvcqg';
 * declare const engine: Engine;
 * const dossier = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(dossier.summary.procedureCode, dossier.summary.procedureVersion);
 * const { record, problems } = buildDossierRecord(dossier, definition, {
 *   field: { code: 'G22-TP01', name: 'Tư pháp' },
 * });
 * record.NgayTiepNhan; // '20260302093000'
 * problems; // [] when it can be sent
 * ```
 */
export function buildDossierRecord(
  dossier: { readonly context: DossierContext; readonly nationalStatus: NationalStatus | null },
  procedure: ProcedureDefinition,
  options: DvcqgRecordOptions = {},
): { record: DvcqgDossierRecord; problems: PayloadProblem[] } {
  const c = dossier.context;
  const format = options.dateFormat ?? DVCQG_DATE_FORMAT;
  const tables = options.codeTables ?? DVCQG_CODE_TABLES;
  const fileUrl = options.fileUrl ?? ((uri: string) => uri);
  const problems: PayloadProblem[] = [];
  const date = (instant: string | null | undefined) => (instant ? portalDate(instant, format) : '');
  // Codes are looked up in the tables in use on the receipt (or submission) date.
  const on = c.receivedAt.slice(0, 10);
  const code = <K extends string>(field: string, list: readonly CodeTable<K>[], value: K): string => {
    const table = tableOn(list, on);
    const found = table?.codes[value];
    if (found === undefined) {
      problems.push({
        field,
        message: table ? `no code for ${value} in ${table.id}` : `no code table in use on ${on}`,
      });
      return '';
    }
    return found;
  };
  const received = wasReceived(c);
  const outcome = c.outcome;
  const a = c.applicant;
  const identities: { LoaiDinhDanh: string; SoDinhDanh: string }[] = [];
  if (a.idNumber) {
    identities.push({
      LoaiDinhDanh: code('DinhDanhCHS[0].LoaiDinhDanh', tables.identityType, 'personal-id'),
      SoDinhDanh: a.idNumber,
    });
  }
  for (const d of a.documents ?? []) {
    const i = identities.length;
    identities.push({
      LoaiDinhDanh: code(`DinhDanhCHS[${i}].LoaiDinhDanh`, tables.identityType, d.type),
      SoDinhDanh: d.number,
    });
  }
  const documents = new Map(procedure.documents.map((d) => [d.id, d.name]));
  const components = c.components ?? [];
  const postal = outcome?.handover?.collectedBy === 'post' || outcome?.delivery === 'postal';
  const record: DvcqgDossierRecord = {
    MaHoSo: c.code,
    MaTTHC: procedure.code,
    TenTTHC: procedure.name.vi,
    MaLinhVuc: options.field?.code ?? '',
    TenLinhVuc: options.field?.name ?? '',
    KenhThucHien: code('KenhThucHien', tables.channel, c.channel),
    ChuHoSo: a.organisation ?? a.fullName,
    LoaiDoiTuong: code('LoaiDoiTuong', tables.applicantKind, a.kind ?? 'citizen'),
    SoGiayToChuHoSo: a.idNumber ?? a.documents?.[0]?.number ?? '',
    DinhDanhCHS: identities,
    Email: a.email ?? '',
    SoDienThoai: a.phone ?? '',
    TrichYeuHoSo: options.summary ?? procedure.name.vi,
    NgayNopHoSo: date(c.intake?.submittedAt ?? c.receivedAt),
    NgayTiepNhan: received ? date(c.receivedAt) : '',
    NgayHenTra: received ? date(c.due.legal) : '',
    TrangThaiHoSo: dossier.nationalStatus ? String(dossier.nationalStatus.code) : '',
    NgayKetThucXuLy: date(c.finishedAt ?? (outcome?.kind === 'returned' ? outcome.at : null)),
    NgayTra: date(outcome?.kind === 'returned' ? outcome.at : null),
    NgayTuChoi: date(outcome?.kind === 'refused' || outcome?.kind === 'not-accepted' ? outcome.at : null),
    HinhThuc: code('HinhThuc', tables.returnMethod, postal ? 'postal' : 'direct'),
    DonViXuLy: options.agencyName ?? procedure.agency,
    HoSoCoThanhPhanSoHoa: components.some((x) => x.digitised) ? '1' : '0',
    TaiKhoanDuocXacThucVoiVNeID: a.vneidVerified ? '1' : '0',
    TaiLieuNop: components.map((x) => ({
      TepDinhKemId: x.documentId,
      TenTepDinhKem: documents.get(x.documentId) ?? x.documentId,
      DuongDanTaiTepTin: x.file ? fileUrl(x.file.uri) : '',
      DuocSoHoa: x.digitised ? '1' : '0',
      DuocTaiSuDung: x.source === 'reused' ? '1' : '0',
      DuocLayTuKhoDMQG: x.source === 'national-store' ? '1' : '0',
      MaKetQuaThayThe: x.reusedFrom?.resultCode ?? '',
      IsDeleted: '0',
    })),
    DanhSachLePhi: procedure.fees.map((f) => ({
      TenPhiLePhi: f.name,
      MaPhiLePhi: f.id,
      Gia: String(f.amountVnd),
    })),
    DanhSachHoSoBoSung: c.supplements.map((s) => ({
      NguoiYeuCauBoSung: s.requestedBy.name ?? s.requestedBy.officerId,
      NoiDungBoSung: s.items.map((i) => i.name).join('; '),
      NgayBoSung: date(s.requestedAt),
      NgayTiepNhanBoSung: date(s.receivedAt),
      TrangThaiBoSung: s.receivedAt ? '1' : '0',
    })),
    DanhSachGiayToKetQua: (c.results ?? []).map((r, i) => ({
      GiayToId: String(i + 1),
      TenGiayTo: r.title,
      MaGiayToKetQua: r.resultCode ?? '',
      DuongDanTepTinKetQua: r.electronicCopy ? fileUrl(r.electronicCopy.uri) : '',
    })),
    DSKetNoiCSDL: components.flatMap((x) =>
      x.source === 'database' && x.database ? [{ MaCSDL: x.database.code }] : [],
    ),
  };
  for (const field of [
    'MaHoSo',
    'MaTTHC',
    'TenTTHC',
    'ChuHoSo',
    'TrichYeuHoSo',
    'NgayNopHoSo',
    'TrangThaiHoSo',
    'DonViXuLy',
  ] as const) {
    if (record[field] === '') problems.push({ field, message: 'required' });
  }
  if (received) {
    for (const field of ['NgayTiepNhan', 'NgayHenTra'] as const)
      if (record[field] === '') problems.push({ field, message: 'required' });
  }
  if (record.TrichYeuHoSo.length > MAX_LENGTH.TrichYeuHoSo!)
    problems.push({ field: 'TrichYeuHoSo', message: `longer than ${MAX_LENGTH.TrichYeuHoSo} characters` });
  record.TaiLieuNop.forEach((t, i) => {
    if (t.TenTepDinhKem.length > MAX_LENGTH.TenTepDinhKem!)
      problems.push({
        field: `TaiLieuNop[${i}].TenTepDinhKem`,
        message: `longer than ${MAX_LENGTH.TenTepDinhKem} characters`,
      });
  });
  return { record, problems };
}
