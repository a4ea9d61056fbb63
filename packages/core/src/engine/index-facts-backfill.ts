import { z } from 'zod';
import { ValidationError } from '../errors/dossier-errors.js';
import { indexFactsOf } from '../model/index-facts.js';
import type { DossierStore, IndexFactsWrite } from '../store/store-types.js';
import { zodIssues } from '../validation/zod-issues.js';

/** What `engine.backfillIndexFacts` takes. */
export interface IndexFactsBackfillOptions {
  /** Dossiers read and written per store transaction (1–1000, default 500). */
  readonly batch?: number;
  /** Stop after this many dossiers examined (default: all); run again to go on. */
  readonly max?: number;
}

/** What `engine.backfillIndexFacts` answers. */
export interface IndexFactsBackfillResult {
  /** Dossiers found without index facts and read. */
  readonly examined: number;
  /** Of them, those whose facts were written (the others were committed meanwhile, with their facts). */
  readonly written: number;
  /** `false` when `max` stopped the run before every dossier without facts was examined. */
  readonly done: boolean;
}

const OptionsSchema = z
  .object({
    batch: z.number().int().min(1).max(1000).default(500),
    max: z.number().int().min(1).optional(),
  })
  .strict();

/**
 * Derives the index facts of the dossiers stored without them from their stored snapshots (with
 * `indexFactsOf`, as every commit does) and writes them, `batch` dossiers per transaction, in code
 * order. Idempotent and resumable: a dossier with facts is never read again, a dossier committed
 * while the run reads it keeps the facts its commit wrote, and a run stopped anywhere (or by `max`)
 * goes on where it left off when run again.
 */
export async function backfillIndexFacts(
  store: DossierStore,
  options: unknown = {},
): Promise<IndexFactsBackfillResult> {
  const parsed = OptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new ValidationError('options', zodIssues(parsed.error, 'options'));
  const { batch, max } = parsed.data;
  let examined = 0;
  let written = 0;
  let after: string | undefined;
  for (;;) {
    const limit = max === undefined ? batch : Math.min(batch, max - examined);
    if (limit === 0) {
      const more = await store.codesWithoutIndexFacts({ after, limit: 1 });
      return { examined, written, done: more.length === 0 };
    }
    const codes = await store.codesWithoutIndexFacts({ after, limit });
    if (codes.length === 0) return { examined, written, done: true };
    const writes: IndexFactsWrite[] = [];
    for (const code of codes) {
      const d = await store.load(code);
      if (d) writes.push({ code, version: d.version, facts: indexFactsOf(d.persisted.context) });
    }
    written += await store.writeIndexFacts(writes);
    examined += codes.length;
    after = codes.at(-1);
  }
}
