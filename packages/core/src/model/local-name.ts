import type { ExplainLanguage } from '../calendar/explain.js';

/**
 * Something national data names (tên): its name in Vietnamese exactly as the source gives it, and
 * its English name beside it (a plain translation for readers, never legal text). The dated tables
 * motcua ships (index indicators and groups, the portal's dossier statuses, rating criteria) carry
 * both; a table a vendor writes may leave `nameEn` out.
 */
export interface LocalNamed {
  /** The name in Vietnamese, as the source gives it. */
  readonly name: string;
  /** The name in English, when there is one. */
  readonly nameEn?: string | undefined;
}

/**
 * The name of `named` in `language` (the calendar's `ExplainLanguage`): Vietnamese by default,
 * English when asked for and known, else Vietnamese.
 *
 * @example
 * ```ts
 * import { localName, PORTAL_DOSSIER_STATUSES } from '@motcua/core';
 * const finished = PORTAL_DOSSIER_STATUSES.statuses[8]!;
 * localName(finished); // 'Đã xử lý xong'
 * localName(finished, 'en'); // 'Processing finished'
 * ```
 */
export function localName(named: LocalNamed, language: ExplainLanguage = 'vi'): string {
  return language === 'en' ? (named.nameEn ?? named.name) : named.name;
}
