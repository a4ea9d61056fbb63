/**
 * The national portal's dossier record and history entries, built from dossiers run on an engine:
 * each field from its fact, dates in `yyyyMMddHHmmss` at Vietnam's time (hand-computed on the 2026
 * calendar), problems naming the portal's field without its value.
 */
import {
  type ApplicantKind,
  type DossierRecord,
  type Engine,
  MemoryStore,
  type TransitionInfo,
} from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { describe, expect, it } from 'vitest';
import { type CodeTable, tableOn } from '../code-tables/code-table.js';
import { IGATE_MOHA_APPLICANT_KINDS, OPENCPS_APPLICANT_KINDS } from '../code-tables/other-targets.js';
import { portalDate } from '../shared/portal-date.js';
import { buildDossierRecord } from './dossier-record.js';
import { DVCQG_CODE_TABLES } from './dvcqg-code-tables.js';
import { buildStepEntry } from './step-entry.js';

const { desk, police, leader } = sampleActors;

function setup(): {
  engine: Engine;
  infos: TransitionInfo[];
  clock: ReturnType<typeof sampleEngine>['clock'];
} {
  const infos: TransitionInfo[] = [];
  const { engine, clock } = sampleEngine(new MemoryStore(), {
    start: '2026-03-02T09:30:00+07:00',
    plugins: [{ name: 'spy', onTransition: (info) => void infos.push(info), async deliver() {} }],
  });
  return { engine, infos, clock };
}

const recordOf = (engine: Engine, d: DossierRecord) =>
  buildDossierRecord(
    d,
    engine.procedures.get(d.summary.procedureCode, d.summary.procedureVersion).definition,
    {
      field: { code: 'G22-CT01', name: 'Đăng ký, quản lý cư trú' },
      fileUrl: (uri) => `https://tep.example.vn/${encodeURIComponent(uri)}`,
    },
  );

describe('portalDate', () => {
  it('writes an instant at Vietnam’s time, whatever offset it was written with', () => {
    expect(portalDate('2026-03-02T02:30:00.000Z', 'yyyyMMddHHmmss')).toBe('20260302093000');
    expect(portalDate('2026-03-02T09:30:00+07:00', 'yyyyMMddHHmmss')).toBe('20260302093000');
    // Past midnight in Vietnam, still the day before in UTC.
    expect(portalDate('2026-03-01T17:15:00Z', 'yyyyMMddHHmmss')).toBe('20260302001500');
    expect(portalDate(new Date('2026-03-02T10:00:00Z'), 'yyyy-MM-dd HH:mm:ss')).toBe('2026-03-02 17:00:00');
  });
});

describe('code tables', () => {
  it('are dated data: the one in use on a date, none outside its period', () => {
    const later = {
      ...DVCQG_CODE_TABLES.channel[0]!,
      id: 'later',
      validFrom: '2027-01-01',
      codes: { postal: '9' },
    };
    const tables = [...DVCQG_CODE_TABLES.channel, later];
    expect(tableOn(tables, '2026-06-30')?.codes.postal).toBe('3');
    expect(tableOn(tables, '2027-01-01')?.codes.postal).toBe('9');
    expect(tableOn([{ ...later, validTo: '2027-12-31' }], '2026-06-30')).toBeUndefined();
  });

  it('differ between targets: the same applicant kind, other codes (or none)', () => {
    const on = '2026-03-02';
    const codes = (tables: readonly CodeTable<ApplicantKind>[]) => tableOn(tables, on)?.codes;
    expect(codes(DVCQG_CODE_TABLES.applicantKind)?.enterprise).toBe('2');
    expect(codes(IGATE_MOHA_APPLICANT_KINDS)?.enterprise).toBe('1');
    expect(codes(OPENCPS_APPLICANT_KINDS)?.enterprise).toBe('2');
    expect(codes(DVCQG_CODE_TABLES.applicantKind)?.['household-business']).toBeUndefined();
    expect(codes(IGATE_MOHA_APPLICANT_KINDS)?.['household-business']).toBe('2');
  });
});

describe('buildDossierRecord', () => {
  it('fills every field from the dossier’s facts, with dates at Vietnam’s time', async () => {
    const { engine, clock } = setup();
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'postal',
      actor: desk,
      applicant: { ...sampleReceipt.applicant, vneidVerified: true, email: 'dung@example.vn' },
      application: sampleReceipt.application,
    });
    await engine.send(d.code, {
      type: 'RECORD_COMPONENTS',
      actor: desk,
      components: [
        {
          documentId: 'ct01',
          source: 'paper',
          digitised: true,
          file: { uri: 'kho/ct01.pdf', sha256: 'ab'.repeat(32) },
        },
        {
          documentId: 'ownership',
          source: 'database',
          digitised: false,
          database: { code: 'CSDLDD', answer: 'found' },
        },
      ],
    });
    clock.set('2026-03-03T08:00:00+07:00');
    await engine.send(d.code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: desk,
      items: [{ name: 'Sổ hộ khẩu' }, { name: 'Giấy xác nhận' }],
      reason: 'Thiếu giấy tờ',
    });
    clock.set('2026-03-04T14:00:00+07:00');
    await engine.send(d.code, { type: 'SUPPLEMENT_RECEIVED', actor: desk });
    const { record, problems } = recordOf(engine, await engine.get(d.code));
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      MaHoSo: d.code,
      MaTTHC: '1.004194',
      TenTTHC: 'Đăng ký thường trú',
      MaLinhVuc: 'G22-CT01',
      KenhThucHien: '3',
      ChuHoSo: 'Phạm Thị Dung',
      LoaiDoiTuong: '1',
      SoGiayToChuHoSo: '001190012345',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001190012345' }],
      Email: 'dung@example.vn',
      NgayNopHoSo: '20260302093000',
      NgayTiepNhan: '20260302093000',
      // The clock restarted at the supplement (Wednesday 4 March, 14:00): 7 working days, Friday 13 March, 17:00.
      NgayHenTra: '20260313170000',
      TrangThaiHoSo: '2',
      NgayTra: '',
      HinhThuc: '0',
      HoSoCoThanhPhanSoHoa: '1',
      TaiKhoanDuocXacThucVoiVNeID: '1',
      DSKetNoiCSDL: [{ MaCSDL: 'CSDLDD' }],
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí đăng ký cư trú', MaPhiLePhi: 'fee', Gia: '20000' }],
      DanhSachHoSoBoSung: [
        {
          NguoiYeuCauBoSung: 'Nguyễn Văn An',
          NoiDungBoSung: 'Sổ hộ khẩu; Giấy xác nhận',
          NgayBoSung: '20260303080000',
          NgayTiepNhanBoSung: '20260304140000',
          TrangThaiBoSung: '1',
        },
      ],
    });
    expect(record.TaiLieuNop[0]).toEqual({
      TepDinhKemId: 'ct01',
      TenTepDinhKem: 'Tờ khai thay đổi thông tin cư trú (CT01)',
      DuongDanTaiTepTin: 'https://tep.example.vn/kho%2Fct01.pdf',
      DuocSoHoa: '1',
      DuocTaiSuDung: '0',
      DuocLayTuKhoDMQG: '0',
      MaKetQuaThayThe: '',
      IsDeleted: '0',
    });
  });

  it('sends an online filing not yet accepted with status 1 and no receipt or due date', async () => {
    const { engine } = setup();
    const filed = await engine.submit({
      procedure: '1.004194',
      channel: 'online-full',
      actor: { officerId: 'dvcqg', unitId: 'desk' },
      ...sampleReceipt,
    });
    const { record, problems } = recordOf(engine, await engine.get(filed.code));
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      TrangThaiHoSo: '1',
      KenhThucHien: '2',
      NgayNopHoSo: '20260302093000',
      NgayTiepNhan: '',
      NgayHenTra: '',
    });
  });

  it('names each field it cannot fill, never its value', async () => {
    const { engine } = setup();
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      applicant: {
        ...sampleReceipt.applicant,
        kind: 'household-business',
        organisation: 'Hộ kinh doanh Phạm Dung',
        documents: [{ type: 'passport', number: 'C1234567' }],
      },
      application: sampleReceipt.application,
    });
    const dossier = await engine.get(d.code);
    const definition = engine.procedures.get('1.004194', '2025.1').definition;
    const { problems } = buildDossierRecord(dossier, definition, { summary: 'x'.repeat(1001) });
    expect(problems).toEqual([
      { field: 'DinhDanhCHS[1].LoaiDinhDanh', message: 'no code for passport in dvcqg-loai-dinh-danh' },
      { field: 'LoaiDoiTuong', message: 'no code for household-business in dvcqg-loai-doi-tuong' },
      { field: 'TrichYeuHoSo', message: 'longer than 1000 characters' },
    ]);
    expect(JSON.stringify(problems)).not.toContain('C1234567');
    expect(JSON.stringify(problems)).not.toContain('Phạm');
  });
});

describe('buildStepEntry', () => {
  it('gives one entry per processing step, with the status after it and the step it opened', async () => {
    const { engine, infos, clock } = setup();
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    clock.set('2026-03-02T10:00:00+07:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await engine.send(d.code, {
      type: 'RECORD_COMPONENTS',
      actor: police,
      components: [{ documentId: 'ct01', source: 'paper', digitised: false }],
    });
    clock.set('2026-03-05T16:00:00+07:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    const entries = infos.map((i) => buildStepEntry(i)).filter((e) => e !== null);
    expect(entries.map((e) => e.problems)).toEqual([[], [], []]);
    expect(entries.map((e) => e.entry)).toEqual([
      {
        MaHoSo: d.code,
        NguoiXuLy: 'Nguyễn Văn An',
        ChucDanh: '',
        ThoiDiemXuLy: '20260302093000',
        PhongBanXuLy: 'Bộ phận một cửa',
        NoiDungXuLy: 'Tiếp nhận hồ sơ',
        TrangThai: '2',
        NgayBatDau: '20260302093000',
        // The desk's 4 working hours: 2 until 11:30, 2 from 13:00.
        NgayKetThucTheoQuyDinh: '20260302150000',
      },
      {
        MaHoSo: d.code,
        NguoiXuLy: 'Nguyễn Văn An',
        ChucDanh: '',
        ThoiDiemXuLy: '20260302100000',
        PhongBanXuLy: 'Bộ phận một cửa',
        NoiDungXuLy: 'Chuyển xử lý: Cán bộ đăng ký cư trú',
        TrangThai: '4',
        NgayBatDau: '20260302100000',
        // Appraisal, 4 working days as elapsed working time: Friday 6 March, 10:00.
        NgayKetThucTheoQuyDinh: '20260306100000',
      },
      expect.objectContaining({
        NguoiXuLy: 'Trần Thị Bình',
        PhongBanXuLy: 'Cán bộ đăng ký cư trú',
        NoiDungXuLy: 'Chuyển xử lý: Lãnh đạo Công an xã',
        ThoiDiemXuLy: '20260305160000',
      }),
    ]);
    void leader;
  });

  it('names an officer’s name longer than the portal takes', async () => {
    const { engine, infos } = setup();
    await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: { ...desk, name: 'N'.repeat(51) },
      ...sampleReceipt,
    });
    expect(buildStepEntry(infos[0]!)?.problems).toEqual([
      { field: 'NguoiXuLy', message: 'longer than 50 characters' },
    ]);
  });
});
