import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  exampleAgency,
  exampleLifecycle,
  exampleOffice,
  exampleProcedure,
  exampleRefused,
  exampleStopped,
  receiveExample,
} from '../../test-support/example-dossiers.js';
import { ValidationError } from '../errors/dossier-errors.js';
import type { Regime } from '../model/channel.js';
import { apologyForm } from './apology-form.js';
import { controlSlipForm } from './control-slip-form.js';
import { escapeHtml } from './html-escape.js';
import { receiptForm } from './receipt-form.js';
import { refusalForm } from './refusal-form.js';
import {
  defaultPaper,
  type OfficialForm,
  renderControlSlipHtml,
  renderFormHtml,
  renderReceiptHtml,
} from './render-html.js';
import { stopNoticeForm } from './stop-notice-form.js';
import { supplementForm } from './supplement-form.js';
import { trackingBookForm } from './tracking-book.js';

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

function allForms(regime: Regime): OfficialForm[] {
  const life = exampleLifecycle(regime);
  const def = life.procedure.definition;
  const cal = life.procedure.calendar;
  const refused = exampleRefused(regime).refused.context;
  const forms: OfficialForm[] = [
    receiptForm(def, life.received.context, exampleOffice, cal, { entryNumber: 92 }),
    supplementForm(def, life.returned.context, exampleOffice, cal),
    refusalForm(def, refused, exampleOffice, cal),
    apologyForm(def, life.returned.context, exampleOffice, cal, { agency: exampleAgency }),
    controlSlipForm(def, life.returned.context, exampleOffice, cal),
    trackingBookForm(regime, [{ definition: def, context: life.returned.context }], exampleOffice, cal),
  ];
  if (regime === '2025') {
    const s = exampleStopped();
    forms.push(
      stopNoticeForm(s.procedure.definition, s.stopped.context, exampleOffice, s.procedure.calendar),
    );
  }
  return forms;
}

describe('escapeHtml', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<b class="x">Tom & 'Jerry'</b>`)).toBe(
      '&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(92)).toBe('92');
    expect(escapeHtml('Nguyễn Thị Lan')).toBe('Nguyễn Thị Lan');
  });
});

describe.each(['2018', '2025'] as const)('HTML of the %s forms', (regime) => {
  const forms = allForms(regime);

  it('is a self-contained printable UTF-8 Vietnamese page with the national header', () => {
    for (const form of forms) {
      const html = renderFormHtml(form);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('<html lang="vi">');
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('"Times New Roman"');
      for (const line of MOTTO) expect(html).toContain(line);
      expect(html).toContain(`Mẫu số ${form.number}`);
      expect(html).toContain(`<h1 class="title">${form.title}</h1>`);
      expect(html).not.toMatch(/<link|<script|<img|<iframe|src=|url\(|https?:/i);
      const paper = defaultPaper(form.kind);
      expect(html).toContain(paper === 'A5' ? '@page { size: A5 portrait;' : '@page { size: A4 landscape;');
    }
  });

  it('Form 01 shows its numbered items and values', () => {
    const html = renderFormHtml(forms[0]!);
    for (const text of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.14.H40-260212-0007',
      'K7Q2M9',
      'UBND xã Hưng Nguyên',
      'Hưng Nguyên, ngày 12 tháng 02 năm 2026',
      'Tiếp nhận hồ sơ của: <span class="val">Nguyễn Thị Lan</span>',
      'Nội dung yêu cầu giải quyết: <span class="val">Đăng ký thường trú</span>',
      '1. Thành phần hồ sơ nộp gồm:',
      'Tờ khai thay đổi thông tin cư trú (CT01)',
      '<th>Bản chính</th><th>Bản sao</th>',
      '2. Số lượng hồ sơ: <span class="val">01</span> (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định là: <span class="val">07 ngày làm việc</span>',
      '4. Thời gian nhận hồ sơ: <span class="val">10 giờ 05 phút, ngày 12 tháng 02 năm 2026</span>',
      '5. Thời gian trả kết quả giải quyết hồ sơ: <span class="val">17 giờ 00 phút, ngày 02 tháng 3 năm 2026</span>',
      '6. Đăng ký nhận kết quả tại:',
      'Vào Sổ theo dõi hồ sơ, Quyển số: <span class="val">01/2026</span>, Số thứ tự: <span class="val">92</span>',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Phan Thị Hồng',
    ]) {
      expect(html).toContain(text);
    }
    // Nothing recorded about the components yet: no "Hình thức" column.
    expect(html).not.toContain('<th>Hình thức</th>');
    if (regime === '2025') {
      expect(html).toContain('Số định danh cá nhân: <span class="val">040190012345</span>');
      expect(html).toContain(
        'Người được ủy quyền nộp hồ sơ: <span class="val">Trần Văn Bình</span>; số định danh cá nhân: <span class="val">040088009876</span>; theo <span class="val">Giấy ủy quyền số 05/2026/GUQ</span> ngày 10 tháng 02 năm 2026',
      );
      expect(html).not.toContain('Mã số doanh nghiệp');
    } else {
      expect(html).not.toContain('Số định danh cá nhân');
      expect(html).not.toContain('040190012345');
      expect(html).not.toContain('ủy quyền');
    }
  });

  it('Form 01 prints how each component was satisfied once recorded', () => {
    const life = exampleLifecycle(regime);
    const f = receiptForm(
      life.procedure.definition,
      life.recorded.context,
      exampleOffice,
      life.procedure.calendar,
    );
    const html = renderFormHtml(f);
    expect(html).toContain('<th>Bản chính</th><th>Bản sao</th><th>Hình thức</th>');
    expect(html).toContain('<td class="num">1</td><td class="num"></td><td>Bản giấy, đã số hóa</td>');
    expect(html).toContain('<td>Tra cứu Cơ sở dữ liệu đất đai: không có dữ liệu; nộp bản giấy</td>');
  });

  it('an organisation applicant: its kind and, under 2025, its tax code', () => {
    const p = exampleProcedure(regime);
    const s = receiveExample(p, {
      kind: 'household-business',
      fullName: 'Phạm Thị Dung',
      organisation: 'Hộ kinh doanh Tạp hóa Dung',
      documents: [{ type: 'tax-code', number: '2901234567' }],
    });
    const html = renderFormHtml(receiptForm(p.definition, s.context, exampleOffice, p.calendar));
    expect(html).toContain(
      'Tiếp nhận hồ sơ của: <span class="val">Hộ kinh doanh Tạp hóa Dung</span> (Phạm Thị Dung)',
    );
    if (regime === '2025') {
      expect(html).toContain('Đối tượng: <span class="val">Hộ kinh doanh</span>');
      expect(html).toContain('Mã số doanh nghiệp/mã số thuế: <span class="val">2901234567</span>');
    } else expect(html).not.toContain('2901234567');
  });

  it('Forms 02–05 show their headings and values', () => {
    const [, supplement, refusal, apology] = forms;
    const s = renderFormHtml(supplement!);
    expect(s).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(s).toContain('Hồ sơ của: <span class="val">Nguyễn Thị Lan</span>');
    expect(s).toContain('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
    expect(s).toContain('1. Giấy tờ chứng minh chỗ ở hợp pháp (bản sao có chứng thực)');
    expect(s).toContain('Lý do: <span class="val">Giấy tờ chỗ ở nộp kèm là bản photo');
    expect(s).toContain('NGƯỜI HƯỚNG DẪN');
    expect(s).toContain('<span class="val">Lê Văn Dũng</span> (Cán bộ đăng ký cư trú)');
    expect(s).toContain('Số: <span class="blank">');
    const r = renderFormHtml(refusal!);
    // 2025: the authorised person with the authorisation, on Forms 02 and 03 as on Form 01.
    for (const html of [s, r]) {
      if (regime === '2025')
        expect(html).toContain('theo <span class="val">Giấy ủy quyền số 05/2026/GUQ</span>');
      else expect(html).not.toContain('ủy quyền');
    }
    expect(r).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(r).toContain('thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
    expect(r).toContain('<li>Diện tích nhà ở bình quân dưới mức tối thiểu do HĐND tỉnh quy định.</li>');
    expect(r).toContain('Mã hồ sơ (nếu có): <span class="val">000.00.14.H40-260212-0007</span>');
    const a = renderFormHtml(apology!);
    expect(a).toContain(
      regime === '2025'
        ? 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'
        : 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    );
    expect(a).toContain('Kính gửi: <span class="val">Nguyễn Thị Lan</span>');
    expect(a).toContain('Công an tỉnh Nghệ An');
    expect(a).toContain(
      'Thời gian hẹn trả kết quả giải quyết hồ sơ: <span class="val">17 giờ 00 phút, ngày 05 tháng 3 năm 2026',
    );
    expect(a).toContain('16 giờ 00 phút, ngày 10 tháng 3 năm 2026');
    expect(a).toContain('CHỦ TỊCH');
    expect(a).toContain('(Ký, ghi rõ họ tên và đóng dấu)');
    if (regime === '2025') {
      const n = renderFormHtml(forms.at(-1)!);
      expect(n).toContain('Mẫu số 05');
      expect(n).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
      expect(n).toContain('Người được ủy quyền nộp hồ sơ: <span class="val">Trần Văn Bình</span>');
      expect(n).toContain(
        'thông báo dừng giải quyết hồ sơ nêu trên kể từ 08 giờ 30 phút, ngày 13 tháng 02 năm 2026',
      );
    }
  });

  it('the control slip has the official table with two-line Giao/Nhận blocks', () => {
    const html = renderFormHtml(forms[4]!);
    expect(html).toContain(`Mẫu số ${regime === '2025' ? '06' : '05'}`);
    for (const text of [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: 000.00.14.H40-260212-0007',
      'Kèm theo hồ sơ của: <span class="val">Nguyễn Thị Lan</span>',
      'Cơ quan (bộ phận) giải quyết hồ sơ: <span class="val">Công an xã</span>',
      'Cơ quan phối hợp giải quyết hồ sơ:',
      '<th>TÊN CƠ QUAN</th><th>THỜI GIAN GIAO, NHẬN HỒ SƠ</th><th>KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      '(Trước hạn/ đúng hạn/ quá hạn)',
      '<th>GHI CHÚ</th>',
      '1. Giao: Bộ phận một cửa',
      '2. Nhận: Cán bộ đăng ký cư trú',
      '11 giờ 00 phút, ngày 12 tháng 02 năm 2026',
      'Người giao',
      'Người nhận',
      'Đúng hạn',
      'Trước hạn',
      'Quá hạn',
      '2. Nhận: Tổ chức, cá nhân',
      'Ngày, giờ xử lý xong: <span class="val">09 giờ 00 phút, ngày 09 tháng 3 năm 2026</span>',
      'Kết quả giải quyết: <span class="val">Thông báo kết quả đăng ký thường trú, số 125/TB-CAX ngày 05/03/2026</span>',
    ]) {
      expect(html).toContain(text);
    }
    expect(html.match(/1\. Giao: /g)).toHaveLength(8);
    expect(html.match(/2\. Nhận: /g)).toHaveLength(8);
    expect(html).toContain('@page { size: A5 portrait;');
    expect(renderControlSlipHtml(forms[4] as never, { paper: 'A4' })).toContain('@page { size: A4 portrait;');
  });

  it('the tracking book has its columns and rows', () => {
    const html = renderFormHtml(forms[5]!);
    expect(html).toContain(`Mẫu số ${regime === '2025' ? '07' : '06'}`);
    for (const text of [
      'SỔ THEO DÕI HỒ SƠ',
      '<th>STT</th><th>Mã hồ sơ</th><th>Tên thủ tục hành chính</th><th>Tên tổ chức, cá nhân</th>',
      '<th>Địa chỉ, số điện thoại</th><th>Cơ quan chủ trì giải quyết</th>',
      '<th>Nhận hồ sơ</th><th>Hẹn trả kết quả</th><th>Trả kết quả</th><th>Phương thức nhận kết quả</th><th>Ký nhận</th><th>Ghi chú</th>',
      '<td class="num">1</td><td>000.00.14.H40-260212-0007</td><td>Đăng ký thường trú</td><td>Nguyễn Thị Lan</td>',
      '10:05 12/02/2026',
      '16:00 10/03/2026',
      'Trực tiếp',
      'Xử lý xong 09:00 09/03/2026; Kết quả số 125/TB-CAX ngày 05/03/2026',
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe('escaping and checks in rendering', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('escapes every interpolated value', () => {
    const p = exampleProcedure('2025');
    const hostile = {
      fullName: '<script>alert("x")</script>',
      organisation: 'Công ty "A & B" <TNHH>',
      address: `Số 5 <img src=x onerror='y'>`,
      phone: '0912&345',
    };
    const s = receiveExample(p, hostile);
    const office = { ...exampleOffice, deskName: 'Bộ phận <Một cửa> & "TTPVHCC"', placeName: "O'Neil" };
    const forms: OfficialForm[] = [
      receiptForm(p.definition, s.context, office, p.calendar, { resultPlace: '<b>tại nhà</b>' }),
      controlSlipForm(p.definition, s.context, office, p.calendar, { issuedAt: s.context.receivedAt }),
      trackingBookForm('2025', [{ definition: p.definition, context: s.context }], office, p.calendar),
    ];
    for (const form of forms) {
      const html = renderFormHtml(form);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<TNHH>');
      expect(html).not.toContain('<Một cửa>');
      expect(html).not.toContain('<b>tại nhà</b>');
      if (form.kind !== 'controlSlip') {
        // The slip names the organisation only.
        expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      }
      expect(html).toContain('Công ty &quot;A &amp; B&quot; &lt;TNHH&gt;');
      expect(html).toContain('Bộ phận &lt;Một cửa&gt; &amp; &quot;TTPVHCC&quot;');
    }
    const receipt = renderFormHtml(forms[0]!);
    expect(receipt).toContain('Số 5 &lt;img src=x onerror=&#39;y&#39;&gt;');
    expect(receipt).toContain('0912&amp;345');
    expect(receipt).toContain('&lt;b&gt;tại nhà&lt;/b&gt;');
    expect(receipt).toContain('O&#39;Neil, ngày 12 tháng 02 năm 2026');
    // Missing values print dots to fill by hand.
    expect(receipt).toContain('Email: <span class="blank">');
  });

  it('renderFormHtml rejects data that is not a form', () => {
    const f = allForms('2025')[0]! as OfficialForm;
    expect(() => renderFormHtml({ ...f, number: 'x' } as OfficialForm)).toThrow(ValidationError);
    expect(() => renderFormHtml({ kind: 'nope' } as unknown as OfficialForm)).toThrow(ValidationError);
  });

  it('writes nothing to the console while building and rendering forms with personal data', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    for (const form of allForms('2025')) renderFormHtml(form);
    renderReceiptHtml(allForms('2018')[0] as never);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
