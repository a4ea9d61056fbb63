/**
 * How sure a code is: `C` confirmed by two or more independent sources, `S` one source, `R`
 * inferred (unconfirmed).
 */
export type Confidence = 'C' | 'S' | 'R';

/**
 * A target system's codes for one of motcua's values (applicant kinds, identity documents,
 * channels, …), with the period they are known to be in use and where they come from. Targets code
 * these differently (the national portal, ministry adapters, OpenCPS-style systems); a table is
 * dated data, and a newer one sits beside it.
 */
export interface CodeTable<K extends string = string> {
  /** A stable id, e.g. `dvcqg-applicant-kind-2025`. */
  readonly id: string;
  /** The target system, e.g. `dvcqg`. */
  readonly target: string;
  /** The field the codes fill, e.g. `LoaiDoiTuong`. */
  readonly field: string;
  /** First day the codes are known to be in use (`YYYY-MM-DD`), or `null` when not known. */
  readonly validFrom: string | null;
  /** Last day they are in use, or `null` while in force. */
  readonly validTo: string | null;
  /** Where the codes come from. */
  readonly source: string;
  readonly confidence: Confidence;
  /** The target's code of each of motcua's values; a value left out has no known code. */
  readonly codes: Readonly<Partial<Record<K, string>>>;
}

/**
 * The table of `tables` in use on `date` (`YYYY-MM-DD`): the one whose period holds it, the latest
 * starting one when several do. `undefined` when none does.
 *
 * @example
 * ```ts
 * import { tableOn } from '@motcua/connectors';
 * import { DVCQG_CODE_TABLES } from '@motcua/connectors/dvcqg';
 * tableOn(DVCQG_CODE_TABLES.channel, '2026-03-02')?.codes['online-full']; // '2'
 * ```
 */
export function tableOn<K extends string>(
  tables: readonly CodeTable<K>[],
  date: string,
): CodeTable<K> | undefined {
  let found: CodeTable<K> | undefined;
  for (const t of tables) {
    if ((t.validFrom !== null && t.validFrom > date) || (t.validTo !== null && t.validTo < date)) continue;
    if (!found || (t.validFrom ?? '') >= (found.validFrom ?? '')) found = t;
  }
  return found;
}
