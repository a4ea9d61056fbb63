import { IdempotencyKeyError } from '../errors/index.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { dossierView, type EngineContext, loadDossier, procedureOf } from './engine-context.js';
import type { DossierView } from './engine-types.js';

/** A command's idempotency key and the fingerprint of the command (and its caller) it was used for. */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * What an idempotency key keeps: the first result (the dossier as that command left it, so a
 * replay returns exactly what the first application returned) and the command's fingerprint.
 * The applicant and the application are left out — personal data stays in the dossier's snapshot
 * only — and taken back from the snapshot on replay: both are set at receipt and never change.
 * So is the control slip, kept once in the store: only its length is recorded, and the replay
 * takes that many rows from the dossier's slip (rows are only ever appended). Keys stored by
 * earlier versions hold the slip itself, or only `code` and `version`.
 */
interface IdempotencyRecord {
  readonly code: string;
  readonly version: number;
  readonly fingerprint?: string;
  /** Rows of the control slip the first result had (absent: the slip is in `persisted`). */
  readonly slipRows?: number;
  readonly persisted?: Omit<PersistedDossier, 'context'> & {
    readonly context: Omit<DossierContext, 'applicant' | 'application' | 'slip'> &
      Partial<Pick<DossierContext, 'slip'>>;
  };
}

/** The record stored with a key in the commit that applies its command. */
export function idempotencyRecord(
  persisted: PersistedDossier,
  version: number,
  idempotency: Idempotency,
): IdempotencyRecord {
  const { applicant: _a, application: _b, slip, ...context } = persisted.context;
  return {
    code: persisted.context.code,
    version,
    fingerprint: idempotency.fingerprint,
    slipRows: slip.length,
    persisted: { ...persisted, context },
  };
}

/**
 * The first result of an idempotency key, when it has one: exactly the view the first command
 * returned. @throws {@link IdempotencyKeyError} when the key names another command.
 */
async function firstResult(ctx: EngineContext, idempotency: Idempotency): Promise<DossierView | undefined> {
  const first = (await ctx.store.idempotentResult(idempotency.key)) as IdempotencyRecord | undefined;
  if (first === undefined || first === null) return undefined;
  if (first.fingerprint !== undefined && first.fingerprint !== idempotency.fingerprint) {
    throw new IdempotencyKeyError();
  }
  const stored = await loadDossier(ctx, first.code);
  if (first.persisted) {
    const { applicant, application } = stored.persisted.context;
    const slip = first.persisted.context.slip ?? stored.persisted.context.slip.slice(0, first.slipRows);
    const context = { ...first.persisted.context, applicant, application, slip } as DossierContext;
    return dossierView(
      { ...first.persisted, context },
      first.version,
      procedureOf(ctx, stored.persisted).definition,
    );
  }
  // A key stored before results were kept: the dossier now, under the first version number.
  return {
    ...dossierView(stored.persisted, stored.version, procedureOf(ctx, stored.persisted).definition),
    version: first.version,
  };
}

/**
 * Runs a command under an idempotency key: the first result when the key was used by the same
 * command; otherwise the command, and when it fails (lost a race, or was refused because the same
 * command was applied meanwhile) the first result if there now is one.
 */
export async function keyed(
  ctx: EngineContext,
  idempotency: Idempotency | undefined,
  run: () => Promise<DossierView>,
): Promise<DossierView> {
  if (!idempotency) return run();
  const first = await firstResult(ctx, idempotency);
  if (first) return first;
  try {
    return await run();
  } catch (e) {
    let again: DossierView | undefined;
    try {
      again = await firstResult(ctx, idempotency);
    } catch (check) {
      if (check instanceof IdempotencyKeyError) throw check;
      throw e;
    }
    if (again) return again;
    throw e;
  }
}
