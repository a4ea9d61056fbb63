import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalIdLike } from './find-personal-id.js';

describe('findPersonalIdLike', () => {
  it.each([
    ['001099012345', 'personal-id'],
    ['CCCD: 001099012345.', 'personal-id'],
    ['so 001 099 012345', 'personal-id'],
    ['0010 9901 2345', 'personal-id'],
    ['079\u00A0203\u00A0001234', 'personal-id'],
    ['CMND 123456789', 'cmnd'],
    ['123 456 789', 'cmnd'],
    ['ABC123456789', 'cmnd'],
  ])('%s looks like an ID (%s)', (text, kind) => {
    expect(findPersonalIdLike(text)?.kind).toBe(kind);
  });

  it.each([
    ['000.00.14.H56-200203-0118'],
    ['G01.123.45-250107-010001'],
    ['000.00.14.H56-261231-10118'],
    ['16 giờ 30 phút ngày 31/12/2026'],
    ['08.30 07.01.2026'],
    ['0912345678'],
    ['0912 345 678'],
    ['091 234 5678'],
    ['+84912345678'],
    ['01621234567'],
    ['024 3825 1234'],
    ['0283 829 6666 (nhánh 102)'],
    ['1900 123 456'],
    ['Lệ phí 1.000.000 đồng, 125.000.000 đồng'],
    ['0010990123456'],
    [''],
  ])('%s does not', (text) => {
    expect(findPersonalIdLike(text)).toBeUndefined();
  });

  it('finds any 12-digit number wherever it sits, and does not return it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12}$/),
        fc.stringMatching(/^([^0-9]([\s\S]*[^0-9])?)?$/),
        fc.stringMatching(/^([^0-9]([\s\S]*[^0-9])?)?$/),
        (id, before, after) => {
          const found = findPersonalIdLike(before + id + after);
          expect(found).toEqual({ kind: 'personal-id', digits: 12 });
          expect(JSON.stringify(found)).not.toContain(id);
        },
      ),
    );
  });
});
