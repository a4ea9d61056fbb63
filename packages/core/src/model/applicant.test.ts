/**
 * The applicant and the representative: kinds, identity documents checked by type, the VNeID flag,
 * a representative refused by procedures filed in person, and every identifying field masked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residenceReceipt, residenceVariant, thrown } from '../../test-support/dossier-harness.js';
import { ValidationError } from '../errors/dossier-errors.js';
import { ApplicantSchema, IdentityDocumentSchema } from './applicant.js';
import { maskPersonalData } from './personal-data.js';

const fields = (e: unknown) => (e as ValidationError).issues.map((i) => i.field);

describe('identity documents', () => {
  it('checks the number against the type', () => {
    for (const [type, number] of [
      ['personal-id', '001190012345'],
      ['legacy-id', '123456789'],
      ['passport', 'C1234567'],
      ['tax-code', '0312345678'],
      ['tax-code', '0312345678-001'],
    ] as const) {
      expect(IdentityDocumentSchema.safeParse({ type, number }).success).toBe(true);
    }
    for (const [type, number] of [
      ['personal-id', '123456789'],
      ['legacy-id', '001190012345'],
      ['passport', 'c1234567'],
      ['tax-code', '031234567'],
      ['tax-code', '0312345678-1'],
    ] as const) {
      const r = IdentityDocumentSchema.safeParse({ type, number });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['number']);
      // The message names what is expected, never the number given.
      expect(r.error?.issues[0]?.message).not.toContain(number);
    }
  });

  it('a personal ID is exactly 12 digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (number) => {
        const ok = IdentityDocumentSchema.safeParse({ type: 'personal-id', number }).success;
        return ok === (number.length === 12);
      }),
    );
  });
});

describe('the applicant at receipt', () => {
  const p = residenceVariant({});
  const receive = (applicant: unknown, q = p) =>
    q.receive(residenceReceipt('2026-03-02T09:00:00+07:00', { applicant: applicant as never }));

  it('keeps the kind, the documents, the VNeID flag and the representative', () => {
    const applicant = {
      kind: 'household-business',
      fullName: 'Phạm Thị Dung',
      organisation: 'Hộ kinh doanh Tạp hóa Dung',
      documents: [{ type: 'tax-code', number: '0312345678' }],
      vneidVerified: true,
      representative: {
        fullName: 'Phạm Văn Em',
        idNumber: '001090012345',
        phone: '0912345678',
        authorisation: { document: 'Giấy ủy quyền số 12/2026', date: '2026-02-20' },
      },
    };
    expect(receive(applicant).context.applicant).toEqual(applicant);
  });

  it('an enterprise, household business or agency names the organisation', () => {
    const error = thrown(() => receive({ kind: 'enterprise', fullName: 'Nguyễn Văn An' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(fields(error)).toContain('applicant.organisation');
    expect(receive({ kind: 'citizen', fullName: 'Nguyễn Văn An' }).context.applicant.kind).toBe('citizen');
  });

  it('a bad document is named by its place, an unknown kind too', () => {
    const error = thrown(() =>
      receive({ kind: 'robot', fullName: 'Nguyễn Văn An', documents: [{ type: 'passport', number: '12' }] }),
    );
    expect(fields(error)).toEqual(
      expect.arrayContaining(['applicant.kind', 'applicant.documents[0].number']),
    );
  });

  it('a procedure filed in person refuses a representative; others take one', () => {
    const inPerson = residenceVariant({ representation: 'not-allowed' });
    const withRepresentative = { fullName: 'Phạm Thị Dung', representative: { fullName: 'Phạm Văn Em' } };
    const error = thrown(() => receive(withRepresentative, inPerson));
    expect(error).toBeInstanceOf(ValidationError);
    expect(fields(error)).toEqual(['applicant.representative']);
    expect(receive({ fullName: 'Phạm Thị Dung' }, inPerson).context.applicant.fullName).toBe('Phạm Thị Dung');
    expect(receive(withRepresentative).context.applicant.representative?.fullName).toBe('Phạm Văn Em');
  });
});

describe('masking', () => {
  it('masks every identifying field of the applicant and the representative', () => {
    const masked = maskPersonalData(ApplicantSchema, {
      kind: 'citizen',
      fullName: 'Phạm Thị Dung',
      documents: [{ type: 'passport', number: 'C1234567' }],
      representative: {
        fullName: 'Phạm Văn Em',
        idNumber: '001090012345',
        phone: '0912345678',
        address: '12 Lý Thường Kiệt',
        documents: [{ type: 'legacy-id', number: '123456789' }],
      },
    });
    const text = JSON.stringify(masked);
    for (const secret of [
      'Phạm Thị Dung',
      'C1234567',
      'Phạm Văn Em',
      '001090012345',
      '0912345678',
      'Lý Thường',
      '123456789',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(masked).toMatchObject({ kind: 'citizen', documents: [{ type: 'passport', number: 'C1***567' }] });
  });
});
