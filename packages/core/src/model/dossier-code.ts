import type { LocalDate } from '../calendar/local-date.js';
import { parseLocalDate } from '../calendar/local-date.js';
import { MotcuaError } from '../errors/motcua-error.js';

const AGENCY_RE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
const CODE_RE = /^([0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

/** The longest agency code motcua takes (the national codes have about 13 characters). */
const MAX_AGENCY_CODE_LENGTH = 64;

/**
 * Whether `value` is an agency code motcua can put in a dossier code: letters and digits separated by dots.
 *
 * @example
 * ```ts
 * import { isAgencyCode } from '@motcua/core';
 * isAgencyCode('000.00.14.H56'); // true
 * isAgencyCode('H56 '); // false
 * ```
 */
export function isAgencyCode(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_AGENCY_CODE_LENGTH && AGENCY_RE.test(value);
}

/**
 * Whether `value` has the form of a dossier code, `<agency>-<yymmdd>-<NNNN>` (the date is not checked).
 *
 * @example
 * ```ts
 * import { isDossierCodeShape } from '@motcua/core';
 * isDossierCodeShape('000.00.14.H56-260302-0001'); // true
 * isDossierCodeShape('H56/0001'); // false
 * ```
 */
export function isDossierCodeShape(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_AGENCY_CODE_LENGTH + 30 && CODE_RE.test(value);
}

/** The parts of a dossier code (mã hồ sơ). */
export interface DossierCodeParts {
  /** Receiving agency's code, e.g. `'000.00.14.H56'` (Circular 01/2018 art. 19). */
  readonly agency: string;
  /** Receipt date (local), `'YYYY-MM-DD'`. */
  readonly date: LocalDate;
  /** Sequence of the dossier among those the agency received that day, from 1. */
  readonly sequence: number;
}

/**
 * Formats a dossier code `<agency>-<yymmdd>-<sequence>` (Circular 01/2018 art. 19): the sequence
 * has at least 4 digits and grows when needed (Circular 04/2025 art. 13(3) — never truncated).
 * @example
 * ```ts
 * import { formatDossierCode } from '@motcua/core';
 * formatDossierCode({ agency: '000.00.14.H56', date: '2020-02-03', sequence: 118 }); // '000.00.14.H56-200203-0118'
 * ```
 */
export function formatDossierCode(parts: DossierCodeParts): string {
  if (!AGENCY_RE.test(parts.agency)) {
    throw new MotcuaError(
      'INVALID_DOSSIER_CODE',
      `agency: expected letters and digits separated by dots (got "${parts.agency}")`,
      {
        field: 'agency',
        value: parts.agency,
      },
    );
  }
  parseLocalDate(parts.date, 'date');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) {
    throw new MotcuaError(
      'INVALID_DOSSIER_CODE',
      `sequence: expected a whole number ≥ 1 (got ${parts.sequence})`,
      {
        field: 'sequence',
        value: parts.sequence,
      },
    );
  }
  const yymmdd = parts.date.slice(2, 4) + parts.date.slice(5, 7) + parts.date.slice(8, 10);
  return `${parts.agency}-${yymmdd}-${String(parts.sequence).padStart(4, '0')}`;
}

/**
 * Parses a dossier code; the century of `yy` is taken as 20yy.
 * @throws {@link MotcuaError} `INVALID_DOSSIER_CODE`.
 *
 * @example
 * ```ts
 * import { parseDossierCode } from '@motcua/core';
 * parseDossierCode('000.00.14.H56-200203-0118'); // { agency: '000.00.14.H56', date: '2020-02-03', sequence: 118 }
 * ```
 */
export function parseDossierCode(code: string): DossierCodeParts {
  const m = CODE_RE.exec(code);
  if (!m) {
    throw new MotcuaError('INVALID_DOSSIER_CODE', `code: expected <agency>-<yymmdd>-<NNNN> (got "${code}")`, {
      field: 'code',
      value: code,
    });
  }
  const date = `20${m[2]}-${m[3]}-${m[4]}`;
  parseLocalDate(date, 'code');
  return { agency: m[1]!, date, sequence: Number(m[5]) };
}
