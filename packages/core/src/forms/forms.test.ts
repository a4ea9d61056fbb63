import { describe, expect, it } from 'vitest';
import {
  exampleAgency,
  exampleLifecycle,
  exampleOffice,
  exampleProcedure,
  exampleRefused,
  exampleStopped,
  officers,
  receiveExample,
} from '../../test-support/example-dossiers.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { Regime } from '../model/channel.js';
import { maskPersonalData } from '../model/personal-data.js';
import { apologyForm } from './apology-form.js';
import { controlSlipForm } from './control-slip-form.js';
import { ReceiptFormSchema, receiptForm } from './receipt-form.js';
import { refusalForm } from './refusal-form.js';
import { stopNoticeForm } from './stop-notice-form.js';
import { supplementForm } from './supplement-form.js';
import { trackingBookForm, trackingBookRow } from './tracking-book.js';

const regimes: Regime[] = ['2018', '2025'];

describe.each(regimes)('forms of a %s dossier through its lifecycle', (regime) => {
  const life = exampleLifecycle(regime);
  const def = life.procedure.definition;
  const cal = life.procedure.calendar;
  const is2025 = regime === '2025';

  it('Form 01: receipt and appointment at receipt', () => {
    const f = receiptForm(def, life.received.context, exampleOffice, cal, { entryNumber: 92 });
    expect(f).toMatchObject({
      kind: 'receipt',
      regime,
      numbering: regime,
      number: '01',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      header: {
        parent: 'UBND xã Hưng Nguyên',
        issuer: 'Trung tâm Phục vụ hành chính công xã',
        placeDate: 'Hưng Nguyên, ngày 12 tháng 02 năm 2026',
      },
      code: '000.00.14.H40-260212-0007',
      lookupSecret: 'K7Q2M9',
      request: 'Đăng ký thường trú',
      sets: 1,
      timeLimit: { limit: { workingDays: 7 }, text: '07 ngày làm việc' },
      receivedAt: { text: '10 giờ 05 phút, ngày 12 tháng 02 năm 2026' },
      // 7 working days after Thursday 12/02, Tết (16–20/02) skipped.
      dueAt: { text: '17 giờ 00 phút, ngày 02 tháng 3 năm 2026' },
      supplementedAt: null,
      register: { book: 'Sổ theo dõi hồ sơ', volume: '01/2026', entry: 92 },
      signatures: {
        applicant: { title: 'NGƯỜI NỘP HỒ SƠ', name: 'Trần Văn Bình' },
        receiver: { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Phan Thị Hồng' },
      },
    });
    // Nothing recorded yet about how the components were satisfied.
    expect(f.documents).toEqual([
      {
        no: 1,
        name: 'Tờ khai thay đổi thông tin cư trú (CT01)',
        originals: 1,
        copies: 0,
        note: null,
        satisfiedBy: null,
      },
      {
        no: 2,
        name: 'Giấy tờ chứng minh chỗ ở hợp pháp',
        originals: 0,
        copies: 1,
        note: null,
        satisfiedBy: null,
      },
    ]);
    expect(f.resultPlace).toContain('Số 1 đường Lê Hồng Phong');
    expect(f.applicant.fullName).toBe('Nguyễn Thị Lan');
    expect(f.applicant.phone).toBe('0912345678');
    expect(f.applicant.email).toBe('lan.nguyen@example.vn');
    // The 2025 forms add the ID number and the representative with the authorisation.
    expect(f.applicant.kind).toBe('citizen');
    expect(f.applicant.idNumber).toBe(is2025 ? '040190012345' : null);
    expect(f.applicant.organisationCode).toBeNull();
    expect(f.applicant.representative).toEqual(
      is2025
        ? {
            fullName: 'Trần Văn Bình',
            idNumber: '040088009876',
            authorisation: {
              document: 'Giấy ủy quyền số 05/2026/GUQ',
              date: { date: '2026-02-10', text: 'ngày 10 tháng 02 năm 2026' },
            },
          }
        : null,
    );
    expect(ReceiptFormSchema.parse(f)).toEqual(f);
  });

  it('Form 01 prints how each component was satisfied, the last recording winning', () => {
    const atDesk = receiptForm(def, life.recorded.context, exampleOffice, cal);
    expect(atDesk.documents.map((d) => d.satisfiedBy)).toEqual([
      { source: 'paper', digitised: true, satisfied: true, text: 'Bản giấy, đã số hóa' },
      {
        source: 'database',
        digitised: false,
        satisfied: false,
        text: 'Tra cứu Cơ sở dữ liệu đất đai: không có dữ liệu; nộp bản giấy',
      },
    ]);
    // The lookup found nothing: the paper came with the supplementation, digitised.
    const later = receiptForm(def, life.returned.context, exampleOffice, cal);
    expect(later.documents[1]!.satisfiedBy).toEqual({
      source: 'paper',
      digitised: true,
      satisfied: true,
      text: 'Bản giấy, đã số hóa',
    });
    expect(ReceiptFormSchema.parse(later)).toEqual(later);
  });

  it('Form 01 prints reuse, the national document store and a lookup that found the data', () => {
    const p = life.procedure;
    const s = p.apply(life.received, {
      type: 'RECORD_COMPONENTS',
      at: '2026-02-12T10:30:00+07:00',
      actor: officers.desk,
      components: [
        { documentId: 'ct01', source: 'national-store', nationalStoreId: 'KHO-001' },
        {
          documentId: 'ownership',
          source: 'reused',
          reusedFrom: { documentNumber: '88/GCN', dossierCode: '000.00.14.H40-250110-0003' },
        },
      ],
    });
    expect(receiptForm(def, s.context, exampleOffice, cal).documents.map((d) => d.satisfiedBy?.text)).toEqual(
      [
        'Lấy từ Kho quản lý dữ liệu điện tử của tổ chức, cá nhân',
        'Tái sử dụng kết quả, giấy tờ đã số hóa (số 88/GCN của hồ sơ 000.00.14.H40-250110-0003)',
      ],
    );
    const found = p.apply(s, {
      type: 'RECORD_COMPONENTS',
      at: '2026-02-12T10:35:00+07:00',
      actor: officers.desk,
      components: [
        { documentId: 'ownership', source: 'database', database: { code: 'CSDLDD', answer: 'found' } },
      ],
    });
    expect(receiptForm(def, found.context, exampleOffice, cal).documents[1]!.satisfiedBy).toMatchObject({
      satisfied: true,
      text: 'Khai thác từ CSDLDD',
    });
  });

  it('Form 01 after supplementation shows the restarted due time', () => {
    const f = receiptForm(def, life.supplemented.context, exampleOffice, cal, {
      submittedDocuments: ['ct01'],
      sets: 2,
    });
    expect(f.documents.map((d) => d.name)).toEqual(['Tờ khai thay đổi thông tin cư trú (CT01)']);
    expect(f.sets).toBe(2);
    expect(f.supplementedAt?.text).toBe('09 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(f.dueAt.text).toBe('17 giờ 00 phút, ngày 05 tháng 3 năm 2026');
    expect(f.receivedAt.text).toBe('10 giờ 05 phút, ngày 12 tháng 02 năm 2026');
  });

  it('Form 02: supplementation request', () => {
    const f = supplementForm(def, life.returned.context, exampleOffice, cal, { number: '15/PYCBS' });
    expect(f).toMatchObject({
      kind: 'supplement',
      number: '02',
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      header: { number: '15/PYCBS', placeDate: 'Hưng Nguyên, ngày 13 tháng 02 năm 2026' },
      code: '000.00.14.H40-260212-0007',
      request: 'Đăng ký thường trú',
      requestNo: 1,
      requestedAt: { text: '09 giờ 00 phút, ngày 13 tháng 02 năm 2026' },
      respondBy: null,
      reason: 'Giấy tờ chỗ ở nộp kèm là bản photo không chứng thực; thiếu ý kiến đồng ý của chủ hộ.',
      contact: { officerName: 'Lê Văn Dũng', unit: 'Cán bộ đăng ký cư trú', phone: '0238 3821 000' },
      signature: { title: 'NGƯỜI HƯỚNG DẪN', name: 'Lê Văn Dũng' },
    });
    expect(f.items).toEqual([
      { no: 1, name: 'Giấy tờ chứng minh chỗ ở hợp pháp', note: 'bản sao có chứng thực' },
      { no: 2, name: 'Văn bản đồng ý cho đăng ký thường trú của chủ hộ', note: null },
    ]);
    expect(
      supplementForm(def, life.returned.context, exampleOffice, cal, { contactPhone: '0912000111' }).contact
        .phone,
    ).toBe('0912000111');
    expect(supplementForm(def, life.returned.context, exampleOffice, cal).header.number).toBeNull();
  });

  it('Form 04: apology and new date, signed by the head of the agency', () => {
    const f = apologyForm(def, life.returned.context, exampleOffice, cal, {
      agency: exampleAgency,
      signerTitle: 'TRƯỞNG CÔNG AN XÃ',
    });
    expect(f).toMatchObject({
      kind: 'apology',
      number: '04',
      title: is2025
        ? 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'
        : 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      header: {
        parent: 'Công an tỉnh Nghệ An',
        issuer: 'Công an xã Hưng Nguyên',
        number: null,
        placeDate: 'Hưng Nguyên, ngày 27 tháng 02 năm 2026',
      },
      addressee: 'Nguyễn Thị Lan',
      receivedDate: { date: '2026-02-12', text: 'ngày 12 tháng 02 năm 2026' },
      agency: 'Công an xã Hưng Nguyên',
      code: '000.00.14.H40-260212-0007',
      previousDue: { text: '17 giờ 00 phút, ngày 05 tháng 3 năm 2026' },
      reason: 'Cần xác minh thêm thông tin về chỗ ở hợp pháp với cơ quan đăng ký đất đai.',
      newDue: { text: '16 giờ 00 phút, ngày 10 tháng 3 năm 2026' },
      signature: { title: 'TRƯỞNG CÔNG AN XÃ', name: 'Hoàng Minh Tuấn' },
    });
    expect(f.receiptStatement).toBe(
      'Ngày 12 tháng 02 năm 2026, Công an xã Hưng Nguyên tiếp nhận hồ sơ đề nghị Đăng ký thường trú của ông (bà)/tổ chức.',
    );
    expect(f.lateStatement).toContain('chưa');
    expect(f.apologyStatement).toContain('xin lỗi');
    expect(f.apologyStatement).toContain('16 giờ 00 phút, ngày 10 tháng 3 năm 2026');
    expect(f.apologyStatement).toContain(is2025 ? 'đề nghị gia hạn' : 'sẽ trả kết quả');
    expect(f.applicant.idNumber).toBe(is2025 ? '040190012345' : null);
    // Defaults: the office's agency and head.
    const plain = apologyForm(def, life.returned.context, exampleOffice, cal);
    expect(plain.header).toMatchObject({ parent: 'UBND tỉnh Nghệ An', issuer: 'UBND xã Hưng Nguyên' });
    expect(plain.signature.title).toBe('CHỦ TỊCH');
  });

  it('control slip: header and one Giao/Nhận block per handover', () => {
    const f = controlSlipForm(def, life.returned.context, exampleOffice, cal);
    expect(f).toMatchObject({
      kind: 'controlSlip',
      number: is2025 ? '06' : '05',
      title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      header: {
        parent: 'UBND xã Hưng Nguyên',
        issuer: 'Trung tâm Phục vụ hành chính công xã',
        placeDate: null,
      },
      code: '000.00.14.H40-260212-0007',
      attachedTo: 'Nguyễn Thị Lan',
      receivedAt: { text: '10 giờ 05 phút, ngày 12 tháng 02 năm 2026' },
      dueAt: { text: '16 giờ 00 phút, ngày 10 tháng 3 năm 2026' },
      originalDueAt: { text: '17 giờ 00 phút, ngày 05 tháng 3 năm 2026' },
      leadAgency: 'Công an xã',
      coordinatingAgencies: [],
      // The result came back to the desk at the last handover, an hour before the return.
      finishedAt: { text: '09 giờ 00 phút, ngày 09 tháng 3 năm 2026' },
    });
    expect(f.results).toEqual([
      {
        title: 'Thông báo kết quả đăng ký thường trú',
        numberSymbol: '125/TB-CAX',
        issuedOn: { date: '2026-03-05', text: 'ngày 05 tháng 3 năm 2026' },
        issuingBody: 'Công an xã Hưng Nguyên',
        text: 'Thông báo kết quả đăng ký thường trú, số 125/TB-CAX ngày 05/03/2026',
      },
    ]);
    // Before the result is back: neither.
    const open = controlSlipForm(def, life.apologized.context, exampleOffice, cal);
    expect(open.finishedAt).toBeNull();
    expect(open.results).toEqual([]);
    expect(f.blocks).toHaveLength(life.returned.context.slip.length);
    const first = f.blocks[0]!;
    expect(first).toMatchObject({
      seq: 1,
      kind: 'handover',
      giver: { unit: 'Bộ phận một cửa', officer: 'Phan Thị Hồng' },
      receiver: { unit: 'Cán bộ đăng ký cư trú', officer: 'Lê Văn Dũng' },
      at: { text: '11 giờ 00 phút, ngày 12 tháng 02 năm 2026' },
      step: 'Tiếp nhận, chuyển hồ sơ',
      result: 'ON_TIME',
      resultText: 'Đúng hạn',
    });
    expect(f.blocks.map((b) => b.resultText)).toEqual([
      'Đúng hạn',
      null,
      null,
      null,
      'Trước hạn',
      'Quá hạn',
      'Quá hạn',
      'Quá hạn',
    ]);
    // Rows to and from the applicant name the person who filed.
    expect(f.blocks[1]!.receiver).toEqual({ unit: 'Tổ chức, cá nhân', officer: 'Trần Văn Bình' });
    const last = f.blocks.at(-1)!;
    expect(last).toMatchObject({ kind: 'result-returned', giver: { unit: 'Bộ phận một cửa' } });
    expect(last.at.text).toBe('10 giờ 00 phút, ngày 09 tháng 3 năm 2026');
  });

  it('tracking book: a row per dossier and the list form', () => {
    const row = trackingBookRow(def, life.returned.context, exampleOffice, cal, { no: 91 });
    expect(row).toMatchObject({
      no: 91,
      code: '000.00.14.H40-260212-0007',
      procedure: 'Đăng ký thường trú',
      applicant: 'Nguyễn Thị Lan',
      addressPhone: 'Xóm 3, xã Hưng Nguyên, tỉnh Nghệ An; 0912345678',
      leadAgency: 'Công an xã',
      receivedAt: { short: '10:05 12/02/2026' },
      dueAt: { short: '16:00 10/03/2026' },
      finishedAt: { short: '09:00 09/03/2026' },
      returnedAt: { short: '10:00 09/03/2026' },
      delivery: 'Trực tiếp',
      result: 'LATE',
      results: [{ numberSymbol: '125/TB-CAX', issuedOn: { date: '2026-03-05' } }],
    });
    expect(row.note).toContain('Hẹn lại');
    expect(row.note).toContain('quá hạn');
    // With the handover recorded at return: who collected it, the postal item, the originals.
    const returned = life.returned.context;
    const withHandover = (
      handover: NonNullable<NonNullable<typeof returned.outcome>['handover']>,
      delivery = 'in-person',
    ) => ({
      ...returned,
      outcome: { ...returned.outcome!, delivery, handover },
    });
    expect(
      trackingBookRow(
        def,
        withHandover({
          collectedBy: 'representative',
          collectorName: 'Trần Thị Hoa',
          originalsReturned: true,
        }),
        exampleOffice,
        cal,
      ).delivery,
    ).toBe('Trực tiếp; người được ủy quyền nhận: Trần Thị Hoa; đã trả bản gốc');
    expect(
      trackingBookRow(
        def,
        withHandover(
          { collectedBy: 'post', postal: { service: 'VNPost', trackingNumber: 'EB123456789VN' } },
          'postal',
        ),
        exampleOffice,
        cal,
      ).delivery,
    ).toBe('Qua dịch vụ bưu chính công ích; VNPost, số hiệu EB123456789VN');
    const refused = exampleRefused(regime).refused.context;
    const open = life.received.context;
    const book = trackingBookForm(
      regime,
      [
        { definition: def, context: life.returned.context },
        { definition: def, context: refused },
        { definition: def, context: open },
      ],
      exampleOffice,
      cal,
      { startNo: 91, period: 'Năm 2026' },
    );
    expect(book).toMatchObject({
      kind: 'trackingBook',
      number: is2025 ? '07' : '06',
      title: 'SỔ THEO DÕI HỒ SƠ',
      book: 'Sổ theo dõi hồ sơ, quyển số 01/2026',
      period: 'Năm 2026',
    });
    expect(book.rows.map((r) => r.no)).toEqual([91, 92, 93]);
    expect(book.rows[1]!.note).toContain('Từ chối');
    expect(book.rows[2]).toMatchObject({
      finishedAt: null,
      results: [],
      returnedAt: null,
      delivery: null,
      result: null,
      note: 'Đang giải quyết',
    });
  });
});

describe.each(regimes)('closing forms of a %s dossier', (regime) => {
  it('Form 03: refusal with specific reasons', () => {
    const { procedure, refused } = exampleRefused(regime);
    const f = refusalForm(procedure.definition, refused.context, exampleOffice, procedure.calendar);
    expect(f).toMatchObject({
      kind: 'refusal',
      number: '03',
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      desk: 'Trung tâm Phục vụ hành chính công xã',
      code: '000.00.14.H40-260212-0007',
      request: 'Đăng ký thường trú',
      refusedAt: { text: '15 giờ 30 phút, ngày 13 tháng 02 năm 2026' },
      statement:
        'Qua xem xét, Trung tâm Phục vụ hành chính công xã thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      signatures: {
        applicant: { title: 'NGƯỜI NỘP HỒ SƠ', name: 'Trần Văn Bình' },
        // The police officer refused; the desk officer who received the dossier signs.
        receiver: { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Phan Thị Hồng' },
      },
    });
    expect(f.reasons).toHaveLength(2);
    expect(f.reasons[0]).toContain('Luật Cư trú');
    expect(f.applicant.idNumber).toBe(regime === '2025' ? '040190012345' : null);
  });

  it('forms that need a record refuse dossiers without it', () => {
    const { procedure, refused } = exampleRefused(regime);
    const args = [procedure.definition, refused.context, exampleOffice, procedure.calendar] as const;
    for (const build of [supplementForm, apologyForm, stopNoticeForm]) {
      expect(() => build(...args)).toThrow(MotcuaError);
      expect(() => build(...args)).toThrow(/FORM_NOT_APPLICABLE|no (supplement|apology|stopNotice) form/);
    }
    const received = receiveExample(procedure);
    expect(() =>
      refusalForm(procedure.definition, received.context, exampleOffice, procedure.calendar),
    ).toThrow(/not refused/);
  });
});

describe('Form 05 (2025): stop notice', () => {
  it('is built from a stopped outcome', () => {
    const { procedure, stopped } = exampleStopped();
    const f = stopNoticeForm(procedure.definition, stopped.context, exampleOffice, procedure.calendar, {
      number: '03/TB-TTPVHCC',
    });
    expect(f).toMatchObject({
      kind: 'stopNotice',
      regime: '2025',
      number: '05',
      title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      header: { number: '03/TB-TTPVHCC', placeDate: 'Hưng Nguyên, ngày 13 tháng 02 năm 2026' },
      addressee: 'Nguyễn Thị Lan',
      applicant: { idNumber: '040190012345' },
      code: '000.00.14.H40-260212-0007',
      stoppedAt: { text: '08 giờ 30 phút, ngày 13 tháng 02 năm 2026' },
      reasons: ['Gia đình chuyển nơi ở, không còn nhu cầu đăng ký thường trú tại địa chỉ này.'],
      signature: { name: 'Phan Thị Hồng' },
    });
    expect(f.statement).toContain('dừng giải quyết hồ sơ');
    expect(f.statement).toContain('08 giờ 30 phút, ngày 13 tháng 02 năm 2026');
  });

  it('has no number under the 2018 numbering, and no 2018 dossier can have one', () => {
    const { procedure, stopped } = exampleStopped();
    expect(() =>
      stopNoticeForm(procedure.definition, stopped.context, exampleOffice, procedure.calendar, {
        numbering: '2018',
      }),
    ).toThrow(/2018 numbering has no such form/);
    const p2018 = exampleProcedure('2018');
    const received = receiveExample(p2018);
    expect(() => stopNoticeForm(p2018.definition, received.context, exampleOffice, p2018.calendar)).toThrow(
      /2025 regime only/,
    );
  });
});

describe('numbering, checks and personal data', () => {
  const life = exampleLifecycle('2025');
  const def = life.procedure.definition;
  const cal = life.procedure.calendar;

  it('prints 2018 numbers on a 2025 dossier when asked, keeping the 2025 content', () => {
    const f = controlSlipForm(def, life.returned.context, exampleOffice, cal, { numbering: '2018' });
    expect(f).toMatchObject({ regime: '2025', numbering: '2018', number: '05' });
    const r = receiptForm(def, life.received.context, exampleOffice, cal, { numbering: '2018' });
    expect(r.applicant.idNumber).toBe('040190012345');
  });

  it('refuses a dossier of another procedure version', () => {
    const other = exampleProcedure('2018').definition;
    expect(() => receiptForm(other, life.received.context, exampleOffice, cal)).toThrow(
      /FORM_SOURCE_MISMATCH|not 1\.004194@2018\.1/,
    );
    try {
      receiptForm(other, life.received.context, exampleOffice, cal);
    } catch (e) {
      expect((e as MotcuaError).code).toBe('FORM_SOURCE_MISMATCH');
    }
  });

  it('validates the office info without echoing it', () => {
    expect(() => receiptForm(def, life.received.context, { ...exampleOffice, placeName: '' }, cal)).toThrow(
      /office\.placeName/,
    );
  });

  it('is pure: the same input gives the same form, and the context is untouched', () => {
    const before = JSON.stringify(life.returned.context);
    const a = controlSlipForm(def, life.returned.context, exampleOffice, cal);
    const b = controlSlipForm(def, life.returned.context, exampleOffice, cal);
    expect(a).toEqual(b);
    expect(JSON.stringify(life.returned.context)).toBe(before);
  });

  it('keeps the personal-data tags, so a form can be masked before logging', () => {
    const f = receiptForm(def, life.received.context, exampleOffice, cal);
    const masked = maskPersonalData(ReceiptFormSchema, f) as typeof f;
    expect(masked.applicant.fullName).toBe('N. T. L.');
    expect(masked.applicant.idNumber).toBe('04*******345');
    expect(masked.applicant.phone).toBe('09*****678');
    expect(masked.applicant.email).toBe('l***@example.vn');
    expect(masked.applicant.representative?.fullName).toBe('T. V. B.');
    expect(masked.applicant.representative?.idNumber).toBe('04*******876');
    expect(masked.applicant.representative?.authorisation?.document).toBe('Giấy ủy quyền số 05/2026/GUQ');
    expect(masked.code).toBe(f.code);
  });

  it('prints an organisation applicant: its kind and, under 2025, its tax code (masked like an ID)', () => {
    for (const regime of regimes) {
      const p = exampleProcedure(regime);
      const s = receiveExample(p, {
        kind: 'enterprise',
        fullName: 'Đỗ Văn Nam',
        organisation: 'Công ty TNHH Sông Lam',
        documents: [{ type: 'tax-code', number: '2901234567' }],
      });
      const f = receiptForm(p.definition, s.context, exampleOffice, p.calendar);
      expect(f.applicant).toMatchObject({
        kind: 'enterprise',
        organisation: 'Công ty TNHH Sông Lam',
        organisationCode: regime === '2025' ? '2901234567' : null,
        representative: null,
      });
      if (regime === '2025') {
        const masked = maskPersonalData(ReceiptFormSchema, f) as typeof f;
        expect(masked.applicant.organisationCode).toBe('29*****567');
      }
    }
  });

  it('uses the organisation as the addressee when there is one', () => {
    const p = exampleProcedure('2025');
    const s = receiveExample(p, { fullName: 'Đỗ Văn Nam', organisation: 'Công ty TNHH Sông Lam' });
    const f = receiptForm(p.definition, s.context, exampleOffice, p.calendar);
    expect(f.applicant).toMatchObject({ organisation: 'Công ty TNHH Sông Lam', address: null, phone: null });
    const slip = controlSlipForm(p.definition, s.context, exampleOffice, p.calendar);
    expect(slip.attachedTo).toBe('Công ty TNHH Sông Lam');
    expect(slip.blocks).toEqual([]);
    expect(officers.desk.unitId).toBe('desk');
  });
});
