import { describe, expect, it } from 'vitest';
import { archivedIn, archivedResult, packIfShorter, unpackJson } from './dossier-archive.js';

const value = {
  code: 'H56-260302-0001',
  version: 3,
  persisted: {
    value: 'returned',
    status: 'done',
    context: { code: 'H56-260302-0001', holder: 'desk', note: 'kết quả lần đầu '.repeat(6) },
  },
};

describe('packed values', () => {
  it('reads a value packed in format 1 (written by migration 004’s code)', () => {
    const format1 = Buffer.from(
      'AYNHnoepma6RmYGxgZGugYGBIXJJbKyDWjXASn1kdxIs/THNhxdN0DIHmk+yH+7aX6JQWPpw12KFnIe7lucpHJn4cNfyUoUBlVCqra0FAA==',
      'base64',
    );
    expect(unpackJson(format1)).toEqual(value);
  });

  it('packs in format 3 and reads it back', () => {
    const packed = packIfShorter(JSON.stringify(value));
    expect(typeof packed).not.toBe('string');
    expect((packed as Buffer)[0]).toBe(3);
    expect(unpackJson(packed)).toEqual(value);
    expect(packIfShorter('{"a":1}')).toBe('{"a":1}');
  });

  it('names the archive that holds a value (format 2), and refuses unknown formats', () => {
    expect(archivedIn(archivedResult('000.00.00.H55-260817-0001'))).toBe('000.00.00.H55-260817-0001');
    expect(archivedIn(packIfShorter(JSON.stringify(value)))).toBeUndefined();
    expect(archivedIn('{"a":1}')).toBeUndefined();
    expect(() => unpackJson(Buffer.from([9, 1, 2]))).toThrow(/unknown packed value format 9/);
  });
});
