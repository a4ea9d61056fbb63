import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it.each([
    ['0912345678', '09******78'],
    ['+84912345678', '09******78'],
    ['+84 91 234 5678', '09******78'],
    ['84912345678', '09******78'],
    ['0084912345678', '09******78'],
    ['+84 (0) 912 345 678', '09******78'],
    ['01621234567', '01*******67'],
    ['+1 202 555 0123', '+12*******23'],
    ['12345', '*****'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never throws and never shows more than 4 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\+?[0-9 .()-]{0,20}$/)), (input) => {
        expect(maskPhone(input).replace(/\D/g, '').length).toBeLessThanOrEqual(4);
      }),
    );
    expect(maskPhone(undefined)).toBe('***');
    expect(maskPhone({ phone: '0912345678' })).toBe('***');
  });
});
