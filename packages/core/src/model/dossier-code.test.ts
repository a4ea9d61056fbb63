/**
 * The dossier code (mã hồ sơ, Circular 01/2018 art. 19): `<agency>-<yymmdd>-<sequence>`, the
 * sequence at least 4 digits and growing beyond when needed (Circular 04/2025 art. 13(3)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from '../errors/calendar-error.js';
import { MotcuaError } from '../errors/motcua-error.js';
import { type DossierCodeParts, formatDossierCode, parseDossierCode } from './dossier-code.js';

const errorOf = (fn: () => unknown): MotcuaError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MotcuaError);
    return error as MotcuaError;
  }
  throw new Error('expected an error');
};

describe('formatDossierCode / parseDossierCode', () => {
  it.each([
    [{ agency: '000.00.14.H56', date: '2020-02-03', sequence: 118 }, '000.00.14.H56-200203-0118'],
    [{ agency: '000.17.22.H56', date: '2021-05-31', sequence: 1 }, '000.17.22.H56-210531-0001'],
    [{ agency: 'H56', date: '2026-02-12', sequence: 9999 }, 'H56-260212-9999'],
  ] as const)('%o ↔ %s', (parts, code) => {
    expect(formatDossierCode(parts)).toBe(code);
    expect(parseDossierCode(code)).toEqual(parts);
  });

  it('sequences of 10000 and more grow beyond 4 digits, never truncated', () => {
    expect(formatDossierCode({ agency: 'H56', date: '2026-03-02', sequence: 10000 })).toBe(
      'H56-260302-10000',
    );
    expect(formatDossierCode({ agency: 'H56', date: '2026-03-02', sequence: 1234567 })).toBe(
      'H56-260302-1234567',
    );
    expect(parseDossierCode('H56-260302-10000').sequence).toBe(10000);
    expect(parseDossierCode('000.00.14.H56-260302-0012345').sequence).toBe(12345);
  });

  it('round-trips any valid parts (years 2000–2099: YY is read as 20YY)', () => {
    const segment = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHXYZabcxyz'),
      minLength: 1,
      maxLength: 4,
    });
    const agency = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
    const date = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const sequence = fc.integer({ min: 1, max: 99_999_999 });
    fc.assert(
      fc.property(agency, date, sequence, (a, d, n) => {
        const parts: DossierCodeParts = { agency: a, date: d, sequence: n };
        const code = formatDossierCode(parts);
        expect(code.split('-')[2]!.length).toBe(Math.max(4, String(n).length));
        expect(parseDossierCode(code)).toEqual(parts);
      }),
    );
  });

  it.each(['', 'H56-', 'H56.', '.H56', '000..14', 'Hà Nội', 'H56 '])('a bad agency %j', (agency) => {
    const error = errorOf(() => formatDossierCode({ agency, date: '2026-03-02', sequence: 1 }));
    expect(error).toMatchObject({ code: 'INVALID_DOSSIER_CODE', field: 'agency' });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('a bad sequence %d', (sequence) => {
    const error = errorOf(() => formatDossierCode({ agency: 'H56', date: '2026-03-02', sequence }));
    expect(error).toMatchObject({ code: 'INVALID_DOSSIER_CODE', field: 'sequence' });
  });

  it.each(['2026-02-30', '2026-13-01', '26-03-02', '2026/03/02', ''])('a bad date %j', (date) => {
    const error = errorOf(() => formatDossierCode({ agency: 'H56', date, sequence: 1 }));
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
  });

  it.each([
    '',
    'H56',
    'H56-260302',
    'H56-260302-001',
    'H56-2603020-0001',
    'H56-26032-0001',
    'H56_x-260302-0001',
    'H56-260302-0001-1',
    ' H56-260302-0001',
  ])('an unparsable code %j', (code) => {
    expect(errorOf(() => parseDossierCode(code))).toMatchObject({
      code: 'INVALID_DOSSIER_CODE',
      field: 'code',
    });
  });

  it('an impossible date inside a code', () => {
    const error = errorOf(() => parseDossierCode('H56-260230-0001'));
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ code: 'INVALID_DATE', field: 'code' });
  });
});
