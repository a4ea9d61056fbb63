import { z } from 'zod';
import type { DossierContext } from './dossier-context.js';
import { onlinePaymentCode, PORTAL_ONLINE_PAYMENT_CODES } from './payment.js';

/** The version of {@link indexFactsOf}'s derivation, stored with the facts (1 since SQLite 007, PostgreSQL 006). */
export const INDEX_FACTS_VERSION = 1;

/**
 * The codes (mã CSDL) of the national population database (Cơ sở dữ liệu quốc gia về dân cư) a
 * component lookup may name, counted by Decision 766's population-data indicator (4.5), with
 * their source: dated data, not a constant of the code.
 */
export const POPULATION_DATABASE_CODES: {
  readonly codes: readonly string[];
  readonly source: string;
} = {
  codes: ['CSDLQGDC'],
  source:
    'Cơ sở dữ liệu quốc gia về dân cư (Law on Residence 68/2020/QH14; Decree 37/2021/NĐ-CP); code as used in the portal dossier sync field MaCSDL',
};

/**
 * The facts of a dossier that the Decision 766/QĐ-TTg index counts (chỉ số đánh giá chất lượng
 * phục vụ người dân, doanh nghiệp), derived from its context at every commit and kept as summary
 * columns so that stores count them in SQL. Instants are ISO strings; durations milliseconds.
 */
export const DossierIndexFactsSchema = z
  .object({
    /** The derivation's version ({@link INDEX_FACTS_VERSION}). */
    version: z.number().int().min(1),
    /** Processing finished (Đã xử lý xong): the result came back to the desk. */
    finishedAt: z.string().nullable(),
    /**
     * The end of processing by the national rule: processing finished when present, else the
     * return, refusal, stop or withdrawal; `null` while none happened (also for an expired dossier,
     * which ended waiting for a supplementation).
     */
    endAt: z.string().nullable(),
    /** Supplementation requests made while processing (yêu cầu bổ sung), online intake requests excluded. */
    supplementRequests: z.number().int().min(0),
    /** Total time between each answered request and its answer, in milliseconds. */
    supplementMs: z.number().int().min(0),
    /** The last supplementation request and its answer (`null` while unanswered). */
    lastRequestAt: z.string().nullable(),
    lastSuppliedAt: z.string().nullable(),
    /** `endAt − receivedAt − supplementMs` when processing finished or the result was returned, else `null`. */
    processingMs: z.number().int().nullable(),
    /** `returned − receivedAt − supplementMs` for a returned dossier, else `null` (the "at return" rule). */
    returnProcessingMs: z.number().int().nullable(),
    /** Result documents issued (ISSUE_RESULT). */
    results: z.number().int().min(0),
    /** At least one result document has an electronic copy (kết quả điện tử). */
    eResult: z.boolean(),
    /** A payment not cancelled with an amount above zero (the dossier bears fees). */
    feeBearing: z.boolean(),
    /** `DuocThanhToanTrucTuyen` of the first payment paid online: 1 portal, 2 ministry or province gateway, 0 none. */
    paidOnline: z.number().int().min(0),
    /** A component has an electronic form: digitised, with a file, reused, from the national store or found in a database. */
    digitised: z.boolean(),
    /** A component reuses an earlier result or digitised paper. */
    reused: z.boolean(),
    /** A component was taken from the citizen's national document store (Kho quản lý dữ liệu điện tử). */
    nationalStore: z.boolean(),
    /** The applicant was verified with VNeID, or a component came from the population database or the national store. */
    populationData: z.boolean(),
    /** The rating: `true` satisfied, `false` dissatisfied (lowest overall answer), `null` not rated. */
    satisfied: z.boolean().nullable(),
    /**
     * `true` for a part a member agency handles in a liaison (hồ sơ liên thông): not a filing of its
     * own (the portal gets the focal dossier), so 1.4 leaves it out. Absent otherwise.
     */
    liaisonMember: z.literal(true).optional(),
  })
  .strict();
/** See {@link DossierIndexFactsSchema}. */
export type DossierIndexFacts = z.infer<typeof DossierIndexFactsSchema>;

const ENDING_OUTCOMES = new Set(['returned', 'refused', 'stopped', 'withdrawn']);

/**
 * Whether a rating says "dissatisfied": its `overall` answer is 0 (Không hài lòng in the Decree 61
 * set), or, for a set without an `overall` criterion, any answer is 0.
 */
function satisfiedOf(rating: DossierContext['rating']): boolean | null {
  if (!rating) return null;
  const overall = rating.scores.overall;
  if (overall !== undefined) return overall > 0;
  return !Object.values(rating.scores).some((s) => s === 0);
}

/**
 * The index facts of a dossier (see {@link DossierIndexFactsSchema}), from its context alone: the
 * engine derives them in its one commit path, so every store keeps the same values.
 *
 * @example
 * ```ts
 * import { indexFactsOf, type DossierContext } from '@motcua/core';
 * declare const context: DossierContext;
 * const facts = indexFactsOf(context);
 * facts.endAt; // processing finished, else the return, refusal, stop or withdrawal
 * ```
 */
export function indexFactsOf(c: DossierContext): DossierIndexFacts {
  const received = Date.parse(c.receivedAt);
  let supplementMs = 0;
  for (const s of c.supplements) {
    if (s.receivedAt !== null)
      supplementMs += Math.max(0, Date.parse(s.receivedAt) - Date.parse(s.requestedAt));
  }
  const last = c.supplements.at(-1);
  const finishedAt = c.finishedAt ?? null;
  const outcome = c.outcome;
  const endAt = finishedAt ?? (outcome && ENDING_OUTCOMES.has(outcome.kind) ? outcome.at : null);
  const completedAt = finishedAt ?? (outcome?.kind === 'returned' ? outcome.at : null);
  const elapsed = (at: string | null) =>
    at === null ? null : Math.max(0, Date.parse(at) - received - supplementMs);
  const payments = c.payments ?? [];
  let paidOnline = 0;
  for (const p of payments) {
    if (p.paidAt === undefined) continue;
    paidOnline = onlinePaymentCode(PORTAL_ONLINE_PAYMENT_CODES, p.channel ?? 'desk');
    if (paidOnline > 0) break;
  }
  const components = c.components ?? [];
  const fromPopulation = (x: (typeof components)[number]) =>
    x.source === 'database' &&
    x.database?.answer === 'found' &&
    POPULATION_DATABASE_CODES.codes.includes(x.database.code);
  return {
    version: INDEX_FACTS_VERSION,
    finishedAt,
    endAt,
    supplementRequests: c.supplements.length,
    supplementMs,
    lastRequestAt: last?.requestedAt ?? null,
    lastSuppliedAt: last?.receivedAt ?? null,
    processingMs: elapsed(completedAt),
    returnProcessingMs: elapsed(outcome?.kind === 'returned' ? outcome.at : null),
    results: c.results?.length ?? 0,
    eResult: (c.results ?? []).some((r) => r.electronicCopy !== undefined),
    feeBearing: payments.some((p) => p.status !== 'cancelled' && p.totalVnd > 0),
    paidOnline,
    digitised: components.some(
      (x) =>
        x.digitised ||
        x.file !== undefined ||
        x.source === 'reused' ||
        x.source === 'national-store' ||
        (x.source === 'database' && x.database?.answer === 'found'),
    ),
    reused: components.some((x) => x.source === 'reused'),
    nationalStore: components.some((x) => x.source === 'national-store'),
    populationData:
      c.applicant.vneidVerified === true ||
      components.some((x) => fromPopulation(x) || x.source === 'national-store'),
    satisfied: satisfiedOf(c.rating),
    ...(c.liaison?.role === 'member' ? { liaisonMember: true as const } : {}),
  };
}
