import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { findPersonalIdLike } from '../personal-data/find-personal-id.js';
import { isGsm7 } from '../text/gsm7.js';
import { withoutDiacritics } from '../text/without-diacritics.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { NoticeKindSchema } from './notice-kinds.js';
import { createSmsTemplates } from './sms-templates.js';
import { DEFAULT_VARIABLES } from './variables.js';

function errorOf(run: () => unknown): SmsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SmsError) return error;
    throw error;
  }
  throw new Error('expected an SmsError');
}

const FIXED = { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' };
const VALUES = {
  dossierCode: '000.00.14.H56-260107-0001',
  returnDate: '15/07/2026',
  newReturnDate: '20/07/2026',
  lookupCode: 'K7QX2M',
};

describe('createSmsTemplates — built-in templates', () => {
  it('has a Vietnamese template for every notice, each fitting 2 GSM-7 segments at worst', () => {
    const sms = createSmsTemplates();
    expect(sms).toMatchObject({ policy: 'always-without-diacritics', maxSegments: 2 });
    const list = sms.list();
    expect(list.map((t) => t.id)).toEqual(NoticeKindSchema.options);
    for (const t of list) {
      expect(t.text).toBe(DEFAULT_TEMPLATES[t.notice]);
      expect(t.longest.encoding).toBe('GSM-7');
      expect(t.longest.segments).toBeLessThanOrEqual(2);
    }
  });

  it('renders a receipt with the dossier code, return date, where to look it up and the lookup secret', () => {
    const message = createSmsTemplates({ fixedValues: FIXED }).render('receipt', VALUES);
    expect(message).toMatchObject({
      templateId: 'receipt',
      notice: 'receipt',
      procedure: undefined,
      diacritics: false,
      encoding: 'GSM-7',
      text:
        'UBND phuong Ben Nghe da tiep nhan ho so 000.00.14.H56-260107-0001. Hen tra ket qua: 15/07/2026. ' +
        'Tra cuu tai dichvucong.gov.vn, ma tra cuu K7QX2M.',
    });
    expect(message.withDiacritics.text).toBe(
      'UBND phường Bến Nghé đã tiếp nhận hồ sơ 000.00.14.H56-260107-0001. Hẹn trả kết quả: 15/07/2026. ' +
        'Tra cứu tại dichvucong.gov.vn, mã tra cứu K7QX2M.',
    );
    expect(message.withDiacritics.count.encoding).toBe('UCS-2');
  });

  it('renders every notice', () => {
    const sms = createSmsTemplates({ fixedValues: FIXED });
    expect(sms.render('supplement-request', VALUES).text).toMatch(
      /^Ho so 000\.00\.14\.H56-260107-0001 can bo sung/,
    );
    expect(sms.render('result-ready-early', VALUES).text).toMatch(/som hon ngay hen 15\/07\/2026/);
    expect(sms.render('result-ready-on-time', VALUES).text).toMatch(/da co ket qua\. Moi ong\/ba nhan/);
    expect(sms.render('apology', VALUES).text).toMatch(/xin loi .* Ngay hen tra moi: 20\/07\/2026\.$/);
  });
});

describe('createSmsTemplates — overrides', () => {
  const procedures = {
    '1.001193': { receipt: 'Hồ sơ khai sinh {dossierCode} đã được tiếp nhận, hẹn trả {returnDate}.' },
  };

  it('uses a procedure template where there is one and the general one elsewhere', () => {
    const sms = createSmsTemplates({ fixedValues: FIXED, procedures });
    expect(sms.render('receipt', VALUES, { procedure: '1.001193' })).toMatchObject({
      templateId: '1.001193/receipt',
      procedure: '1.001193',
      text: 'Ho so khai sinh 000.00.14.H56-260107-0001 da duoc tiep nhan, hen tra 15/07/2026.',
    });
    expect(sms.render('apology', VALUES, { procedure: '1.001193' }).templateId).toBe('apology');
    expect(sms.render('receipt', VALUES, { procedure: '2.000001' }).templateId).toBe('receipt');
    expect(sms.list().map((t) => t.id)).toContain('1.001193/receipt');
  });

  it('replaces a built-in template for every procedure', () => {
    const sms = createSmsTemplates({ templates: { receipt: 'Đã nhận {dossierCode}, hẹn {returnDate}.' } });
    expect(sms.render('receipt', VALUES).text).toBe('Da nhan 000.00.14.H56-260107-0001, hen 15/07/2026.');
  });

  it('lets values given at render win over fixed values', () => {
    const sms = createSmsTemplates({ fixedValues: FIXED });
    expect(sms.render('result-ready-on-time', { ...VALUES, agency: 'UBND xã Tân Phú' }).text).toMatch(
      /tai UBND xa Tan Phu\.$/,
    );
  });

  it('accepts extra variables and literal braces', () => {
    const sms = createSmsTemplates({
      variables: { counter: { description: 'Desk number', longestExample: 'Quầy số 12' } },
      templates: {
        'result-ready-on-time': 'Hồ sơ {dossierCode} đã có kết quả, mời nhận tại {counter} {{A}}.',
      },
    });
    const message = sms.render('result-ready-on-time', { ...VALUES, counter: 'Quầy số 3' });
    expect(message.text).toBe('Ho so 000.00.14.H56-260107-0001 da co ket qua, moi nhan tai Quay so 3 {A}.');
    expect(message.count.unitsUsed).toBe(message.text.length + 2); // { and } take two septets each
  });
});

describe('createSmsTemplates — definition-time errors', () => {
  it('names the template and the unknown variable', () => {
    const error = errorOf(() =>
      createSmsTemplates({
        procedures: { '1.001193': { receipt: 'Hồ sơ {dossierCod}, hẹn {returnDate}.' } },
      }),
    );
    expect(error.code).toBe('UNKNOWN_VARIABLE');
    expect(error.field).toBe('procedures.1.001193.receipt');
    expect(error.value).toBe('dossierCod');
    expect(error.message).toMatch(
      /^template '1\.001193\/receipt' uses unknown variable \{dossierCod\}; known variables: agency, dossierCode/,
    );
  });

  it('requires the variables a notice exists for', () => {
    const error = errorOf(() =>
      createSmsTemplates({ templates: { apology: 'Xin lỗi, hồ sơ {dossierCode} bị chậm.' } }),
    );
    expect(error).toMatchObject({
      code: 'MISSING_VARIABLE',
      field: 'templates.apology',
      value: 'newReturnDate',
    });
    expect(error.message).toBe("template 'apology' must use {newReturnDate}: a apology notice needs it");
  });

  it('rejects malformed placeholders', () => {
    expect(
      errorOf(() => createSmsTemplates({ templates: { receipt: 'Hồ sơ {dossierCode {returnDate}' } })).code,
    ).toBe('INVALID_TEMPLATE');
  });

  it('checks the template fits the configured segments with the longest realistic values', () => {
    const long = `${'Bộ phận Một cửa xin thông báo: '.repeat(9)}hồ sơ {dossierCode}, hẹn trả {returnDate}.`;
    const error = errorOf(() => createSmsTemplates({ templates: { receipt: long } }));
    expect(error.code).toBe('TEMPLATE_TOO_LONG');
    expect(error.field).toBe('templates.receipt');
    expect(error.value).toBe(3);
    expect(error.message).toMatch(
      /^template 'receipt' needs 3 segments \(GSM-7, \d+ septets\) with the longest realistic values; the limit is 2 \(maxSegments/,
    );
    expect(
      createSmsTemplates({ templates: { receipt: long }, maxSegments: 3 }).list()[0]?.longest.segments,
    ).toBe(3);
  });

  it('counts diacritics in the fit check when the policy sends them', () => {
    const error = errorOf(() => createSmsTemplates({ policy: 'always-with-diacritics' }));
    expect(error.code).toBe('TEMPLATE_TOO_LONG');
    expect(error.message).toMatch(/^template 'receipt' needs 4 segments \(UCS-2, \d+ UCS-2 code units\)/);
    const sms = createSmsTemplates({ policy: 'always-with-diacritics', maxSegments: 4 });
    expect(sms.render('receipt', { ...VALUES, ...FIXED })).toMatchObject({
      diacritics: true,
      encoding: 'UCS-2',
    });
  });

  it('uses the fixed values, not the longest examples, where they are set', () => {
    // The longest example agency name would not fit in 1 segment; the real one does.
    expect(() => createSmsTemplates({ maxSegments: 1 })).toThrow(/TEMPLATE_TOO_LONG|needs 2 segments/);
    expect(() =>
      createSmsTemplates({
        maxSegments: 1,
        fixedValues: FIXED,
        templates: {
          receipt: '{agency} đã tiếp nhận hồ sơ {dossierCode}, hẹn trả {returnDate}.',
          'supplement-request': 'Hồ sơ {dossierCode} cần bổ sung.',
          'result-ready-early': 'Hồ sơ {dossierCode} đã có kết quả.',
        },
      }),
    ).not.toThrow();
  });

  it('rejects fixed values for unknown variables and ID-like fixed values or literals', () => {
    expect(errorOf(() => createSmsTemplates({ fixedValues: { website: 'x' } }))).toMatchObject({
      code: 'UNKNOWN_VARIABLE',
      field: 'fixedValues.website',
    });
    const fixed = errorOf(() => createSmsTemplates({ fixedValues: { hotline: '001099012345' } }));
    expect(fixed).toMatchObject({
      code: 'PERSONAL_ID_IN_TEXT',
      field: 'fixedValues.hotline',
      value: undefined,
    });
    expect(fixed.message).not.toContain('001099012345');
    const literal = errorOf(() =>
      createSmsTemplates({
        templates: { receipt: 'CCCD 001099012345: hồ sơ {dossierCode}, hẹn {returnDate}.' },
      }),
    );
    expect(literal.code).toBe('PERSONAL_ID_IN_TEXT');
    expect(literal.message).not.toContain('001099012345');
  });

  it('rejects a template text without a GSM-7 form under always-without-diacritics', () => {
    const error = errorOf(() =>
      createSmsTemplates({ templates: { receipt: '🎉 Hồ sơ {dossierCode}, hẹn {returnDate}.' } }),
    );
    expect(error).toMatchObject({ code: 'NOT_GSM7', field: 'templates.receipt' });
    expect(error.message).toMatch(/^template 'receipt': its text holds U\+1F389/);
    expect(() =>
      createSmsTemplates({
        policy: 'cheaper',
        maxSegments: 4,
        templates: { receipt: '🎉 Hồ sơ {dossierCode}, hẹn {returnDate}.' },
      }),
    ).not.toThrow();
  });

  it('reports invalid options with their path', () => {
    expect(errorOf(() => createSmsTemplates({ policy: 'sometimes' as 'cheaper' }))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'policy',
    });
    expect(errorOf(() => createSmsTemplates({ maxSegments: 0 }))).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'maxSegments',
    });
    expect(errorOf(() => createSmsTemplates({ templates: { reciept: 'x' } as never }))).toMatchObject({
      code: 'INVALID_OPTION',
    });
    expect(
      errorOf(() =>
        createSmsTemplates({ variables: { 'bad name': { description: 'x', longestExample: 'x' } } }),
      ),
    ).toMatchObject({
      code: 'INVALID_OPTION',
      field: 'variables.bad name',
    });
  });
});

describe('render — errors', () => {
  const sms = createSmsTemplates({ fixedValues: FIXED });

  it('names the template and the variable of a missing or blank value', () => {
    const missing = errorOf(() => sms.render('receipt', { dossierCode: VALUES.dossierCode }));
    expect(missing).toMatchObject({ code: 'MISSING_VALUE', field: 'values.returnDate' });
    expect(missing.message).toBe("template 'receipt': no value for {returnDate} (missing or blank)");
    expect(errorOf(() => sms.render('receipt', { ...VALUES, returnDate: '  ' })).code).toBe('MISSING_VALUE');
    expect(errorOf(() => sms.render('receipt', { ...VALUES, returnDate: null })).code).toBe('MISSING_VALUE');
  });

  it('refuses a value that looks like a personal ID number, without repeating it', () => {
    for (const id of ['079203001234', '079 203 001234', '123456789']) {
      const error = errorOf(() => sms.render('receipt', { ...VALUES, dossierCode: id }));
      expect(error).toMatchObject({
        code: 'PERSONAL_ID_IN_TEXT',
        field: 'values.dossierCode',
        value: undefined,
      });
      expect(error.message).toMatch(
        /^template 'receipt': the value of \{dossierCode\} looks like a (12|9)-digit personal ID/,
      );
      expect(error.message.replace(/\D/g, '')).not.toContain(id.replace(/\D/g, ''));
      expect(JSON.stringify(error)).not.toContain(id);
    }
  });

  it('checks only the values the template uses', () => {
    expect(() => sms.render('receipt', { ...VALUES, citizenId: '079203001234' })).not.toThrow();
  });

  it('any 12-digit number in any variable is refused', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12}$/),
        fc.constantFrom('dossierCode', 'returnDate', 'agency'),
        fc.constantFrom('', 'CCCD ', 'so: '),
        (id, variable, prefix) => {
          const error = errorOf(() =>
            sms.render('result-ready-early', { ...VALUES, [variable]: prefix + id }),
          );
          expect(error.code).toBe('PERSONAL_ID_IN_TEXT');
          expect(error.message).not.toContain(id);
        },
      ),
    );
  });

  it('refuses a value without a GSM-7 form under always-without-diacritics, naming the variable', () => {
    const error = errorOf(() => sms.render('receipt', { ...VALUES, returnDate: '15/07 🎉' }));
    expect(error).toMatchObject({ code: 'NOT_GSM7', field: 'values.returnDate', value: ['U+1F389'] });
  });

  it('refuses a message longer than the limit and says which values are overlong', () => {
    const error = errorOf(() =>
      sms.render('receipt', { ...VALUES, agency: 'Trung tâm Phục vụ hành chính công '.repeat(7) }),
    );
    expect(error.code).toBe('MESSAGE_TOO_LONG');
    expect(error.message).toMatch(
      /^template 'receipt' renders to 3 segments \(GSM-7, \d+ septets\); the limit is 2; longer than their longestExample: \{agency\}$/,
    );
  });

  it('refuses an unknown notice', () => {
    expect(errorOf(() => sms.render('reminder' as 'receipt', VALUES)).code).toBe('UNKNOWN_TEMPLATE');
  });
});

describe('render — policies', () => {
  const long = `{agency}: hồ sơ {dossierCode} đã có kết quả. ${'Mời ông/bà đến nhận. '.repeat(2)}`;

  it('cheaper keeps diacritics when they cost nothing and drops them when they cost a segment', () => {
    const sms = createSmsTemplates({
      policy: 'cheaper',
      maxSegments: 4,
      fixedValues: FIXED,
      templates: { 'result-ready-on-time': long, 'result-ready-early': 'Hồ sơ {dossierCode} đã có kết quả.' },
    });
    const short = sms.render('result-ready-early', VALUES);
    expect(short.withDiacritics.count.segments).toBe(1);
    expect(short.withoutDiacritics.count.segments).toBe(1);
    expect(short).toMatchObject({
      diacritics: true,
      encoding: 'UCS-2',
      text: 'Hồ sơ 000.00.14.H56-260107-0001 đã có kết quả.',
    });
    const wide = sms.render('result-ready-on-time', VALUES);
    expect(wide.withDiacritics.count.segments).toBeGreaterThan(wide.withoutDiacritics.count.segments);
    expect(wide).toMatchObject({ diacritics: false, encoding: 'GSM-7' });
  });

  it('without diacritics, every rendered default message is GSM-7 for any Vietnamese values', () => {
    const sms = createSmsTemplates({ maxSegments: 3 });
    const word = fc.constantFrom(
      'Đồng',
      'Hưng',
      'Nguyễn',
      'phường',
      'xã',
      'Ỷ',
      'Lạng',
      'Bình',
      'ĐẮK',
      'Lắk',
      '12',
    );
    const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.constantFrom(...NoticeKindSchema.options), text, text, (notice, agency, lookupUrl) => {
        const message = sms.render(notice, { ...VALUES, agency, lookupUrl });
        expect(isGsm7(message.text)).toBe(true);
        expect(message.encoding).toBe('GSM-7');
      }),
    );
  });

  it('the built-in longest examples hold no ID-like number and have a GSM-7 form', () => {
    for (const [name, definition] of Object.entries(DEFAULT_VARIABLES)) {
      expect(findPersonalIdLike(definition.longestExample), name).toBeUndefined();
      expect(isGsm7(withoutDiacritics(definition.longestExample)), name).toBe(true);
    }
  });
});
