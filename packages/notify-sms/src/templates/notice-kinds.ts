import { z } from 'zod';

/**
 * The notices an applicant gets by SMS.
 * - `receipt` — the dossier was received (Form 01): dossier code, return date, where to look it up.
 * - `supplement-request` — the dossier must be supplemented or corrected (Form 02).
 * - `result-ready-early` — the result is ready before the return date (Decree 61 art. 20).
 * - `result-ready-on-time` — the result is ready on the return date.
 * - `apology` — the result will be late: apology and new return date (Form 04, art. 19(9)).
 */
export const NoticeKindSchema = z.enum([
  'receipt',
  'supplement-request',
  'result-ready-early',
  'result-ready-on-time',
  'apology',
]);
/** See {@link NoticeKindSchema}. */
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

/**
 * Variables each notice's template must use, so an override cannot leave out what the notice is
 * for (a receipt without its return date, an apology without the new date).
 */
export const REQUIRED_VARIABLES: Readonly<Record<NoticeKind, readonly string[]>> = {
  receipt: ['dossierCode', 'returnDate'],
  'supplement-request': ['dossierCode'],
  'result-ready-early': ['dossierCode'],
  'result-ready-on-time': ['dossierCode'],
  apology: ['dossierCode', 'newReturnDate'],
};
