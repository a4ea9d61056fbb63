import { describe, expect, it } from 'vitest';
import { FORM_NUMBERS, formKindOf, formNumber, formTitle } from './form-numbers.js';

describe('form numbers by (regime, number)', () => {
  it('has both numberings', () => {
    expect(FORM_NUMBERS).toEqual({
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
    });
  });

  it('maps kinds to numbers and back', () => {
    expect(formNumber('2018', 'controlSlip')).toBe('05');
    expect(formNumber('2025', 'controlSlip')).toBe('06');
    expect(formNumber('2018', 'stopNotice')).toBeUndefined();
    expect(formKindOf('2018', '05')).toBe('controlSlip');
    expect(formKindOf('2025', '05')).toBe('stopNotice');
    expect(formKindOf('2025', '7')).toBe('trackingBook');
    expect(formKindOf('2018', '07')).toBeUndefined();
  });

  it('titles the 2025 apology as a request for extension', () => {
    expect(formTitle('2018', 'apology')).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(formTitle('2025', 'apology')).toBe('PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(formTitle('2025', 'receipt')).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  });
});
