/**
 * Personal data (Decree 13/2023, Law 91/2025): fields tagged with `personal()` are masked by
 * `maskPersonalData`, through objects, optionals, arrays and nesting; untagged fields are kept.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { ApplicantSchema } from './applicant.js';
import { maskPersonalData, maskValue, personal, personalDataRegistry } from './personal-data.js';

describe('maskPersonalData', () => {
  it('masks the applicant: name, ID number, phone, email, address; keeps the organisation', () => {
    const applicant = {
      fullName: 'Phạm Thị Dung',
      idNumber: '001190012345',
      phone: '0912345678',
      email: 'dung.pham@example.vn',
      address: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội',
      organisation: 'Công ty TNHH Sao Mai',
      representative: { fullName: 'Lê Văn Tám', idNumber: '079203001234' },
    };
    expect(maskPersonalData(ApplicantSchema, applicant)).toEqual({
      fullName: 'P. T. D.',
      idNumber: '00*******345',
      phone: '09*****678',
      email: 'd***@example.vn',
      address: '***',
      organisation: 'Công ty TNHH Sao Mai',
      representative: { fullName: 'L. V. T.', idNumber: '07*******234' },
    });
    // The input is not changed, and no masked output holds a personal value.
    expect(applicant.fullName).toBe('Phạm Thị Dung');
    const text = JSON.stringify(maskPersonalData(ApplicantSchema, applicant));
    for (const v of [
      'Dung',
      '001190012345',
      '0912345678',
      'dung.pham',
      'Lý Thường Kiệt',
      'Tám',
      '079203001234',
    ])
      expect(text).not.toContain(v);
  });

  it('leaves absent optional fields absent and unknown keys as they are', () => {
    expect(maskPersonalData(ApplicantSchema, { fullName: 'An' })).toEqual({ fullName: 'A.' });
    expect(maskPersonalData(ApplicantSchema, { fullName: 'An', note: 'free text' })).toEqual({
      fullName: 'A.',
      note: 'free text',
    });
    expect(maskPersonalData(ApplicantSchema, null)).toBeNull();
  });

  it('masks an application by its own tags (the sample: address and household head; members kept)', () => {
    const schema = sampleResidenceDefinition.application;
    expect(
      maskPersonalData(schema, {
        address: '12 Lý Thường Kiệt, Hoàn Kiếm',
        householdHead: 'Phạm Văn Em',
        members: 3,
      }),
    ).toEqual({ address: '***', householdHead: 'P. V. E.', members: 3 });
  });

  it('works through arrays, nullables, defaults and pipes', () => {
    const schema = z.object({
      members: z.array(z.object({ name: personal(z.string(), 'name'), relation: z.string() })),
      contact: personal(z.string(), 'phone').nullable(),
      email: personal(z.string(), 'email').default('none@example.vn'),
      id: personal(z.string(), 'id-number').transform((s) => s.trim()),
      other: personal(z.string(), 'other'),
    });
    expect(
      maskPersonalData(schema, {
        members: [
          { name: 'Nguyễn Văn A', relation: 'con' },
          { name: 'Trần B', relation: 'vợ' },
        ],
        contact: null,
        email: 'x@example.vn',
        id: '001190012345',
        other: 'nhóm máu O',
      }),
    ).toEqual({
      members: [
        { name: 'N. V. A.', relation: 'con' },
        { name: 'T. B.', relation: 'vợ' },
      ],
      contact: null,
      email: 'x***@example.vn',
      id: '00*******345',
      other: '***',
    });
  });

  it('tags are kept in the registry', () => {
    const s = personal(z.string(), 'address');
    expect(personalDataRegistry.get(s)).toEqual({ personal: 'address' });
  });
});

describe('maskValue', () => {
  it.each([
    ['001190012345', 'id-number', '00*******345'],
    ['12345', 'id-number', '*****'],
    ['+84912345678', 'phone', '+8*******678'],
    ['a@b.vn', 'email', 'a***@b.vn'],
    ['no-at-sign', 'email', '***'],
    ['  Phạm   Dung ', 'name', 'P. D.'],
    ['', 'name', ''],
    ['12 Lý Thường Kiệt', 'address', '***'],
  ] as const)('%j as %s → %j', (value, kind, masked) => {
    expect(maskValue(value, kind)).toBe(masked);
  });
});
