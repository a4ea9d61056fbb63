import { ConflictError } from '../errors/index.js';
import { toInstant } from '../model/actor.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import {
  type ClaimedTimer,
  type JournalEntry,
  type OutboxEffect,
  StoreConflictError,
} from '../store/store-types.js';
import { dossierTimers, type EngineContext } from './engine-context.js';
import type { DossierView } from './engine-types.js';
import { type Idempotency, idempotencyRecord } from './idempotent-commands.js';

/** One change of a dossier, as every command and timer makes it: what the commit writes. */
export interface DossierChange {
  /** The dossier before (`null` at receipt) and after. */
  readonly before: PersistedDossier | null;
  readonly after: PersistedDossier;
  /** The answer: `after` at `version` with its summary (`dossierView`). */
  readonly view: DossierView;
  /** The version the change makes (1 at receipt); the store expects the one before it. */
  readonly version: number;
  /** Ids of the dossier's timers already fired, this one included. */
  readonly firedTimers: readonly string[];
  readonly journal: JournalEntry;
  readonly effects: readonly OutboxEffect[];
  readonly idempotency?: Idempotency | undefined;
  /** The timer this change fires (its claim is released in the same commit). */
  readonly firedTimer?: ClaimedTimer | undefined;
}

/**
 * Commits one change in one store transaction — the snapshot at its new version, the journal
 * entry (with `enteredAt`: the clock's now, or a timer's own instant), the new control-slip rows, the timers the dossier now owes, the plugins' outbox effects,
 * the idempotency record and the fired timer's release — and returns the dossier as the command's
 * answer. The one commit of the engine: receipts, events, lookups' secrets and timers all use it.
 * @throws {@link ConflictError} (with the store's reason) when another writer got there first.
 */
export async function commitChange(ctx: EngineContext, change: DossierChange): Promise<DossierView> {
  const { before, after, version, idempotency, firedTimer, view: result } = change;
  const code = after.context.code;
  try {
    await ctx.store.commit({
      dossier: {
        summary: result.summary,
        persisted: after,
        version,
        expectedVersion: version - 1,
        firedTimers: change.firedTimers,
      },
      // When it was entered: now, or for a timer the instant it fires at (timers are never late).
      journal: {
        ...change.journal,
        enteredAt: firedTimer ? change.journal.at : toInstant(ctx.clock.now()),
      },
      slipRows: before ? after.context.slip.slice(before.context.slip.length) : after.context.slip,
      timers: dossierTimers(ctx, after.context, change.firedTimers),
      outbox: [...change.effects],
      idempotency: idempotency
        ? { key: idempotency.key, result: idempotencyRecord(after, version, idempotency) }
        : null,
      firedTimer: firedTimer ? { id: firedTimer.id, leaseOwner: firedTimer.leaseOwner } : null,
    });
  } catch (e) {
    if (e instanceof StoreConflictError) throw new ConflictError(code, e.message, e.reason);
    throw e;
  }
  ctx.log({
    level: 'info',
    message: before ? 'transition' : 'received',
    code,
    type: change.journal.type,
    officerId: change.journal.actor.officerId,
    unitId: change.journal.actor.unitId,
  });
  return result;
}
