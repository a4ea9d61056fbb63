import type { DossierEventInput } from '../model/dossier-events.js';
import { type PersistedDossier, stateName } from '../procedure/define-procedure.js';
import type { ClaimedTimer, StoredDossier } from '../store/store-types.js';
import { commitChange } from './commit-change.js';
import { dossierView, type EngineContext, pluginEffects, procedureOf } from './engine-context.js';
import type { DossierView, EngineEvent } from './engine-types.js';
import type { Idempotency } from './idempotent-commands.js';
import { transitionJournalEntry } from './journal-entries.js';
import type { KindOfTimer, TransitionInfo } from './plugin.js';

/** How a change of an existing dossier came about, besides its event. */
export interface TransitionSource {
  /** The command's idempotency key and fingerprint, stored with its result. */
  readonly idempotency?: Idempotency | undefined;
  /** The timer being fired. */
  readonly firedTimer?: ClaimedTimer;
  /** The journal type of a change that is not a machine event (`TIMER:<kind>`, `LOOKUP:…`). */
  readonly journalType?: string;
  /** The dossier after the event, when the caller already stepped it. */
  readonly stepped?: PersistedDossier;
  /** The dossier after a change that is not a machine event (with `journalType`). */
  readonly rewritten?: PersistedDossier;
}

/**
 * Steps an existing dossier with `event` (unless the caller stepped it or the change is not a
 * machine event), asks the plugins for their effects (a fired timer's `onTimer`, and
 * `onTransition` when the dossier moved) and commits it all with {@link commitChange}.
 */
export async function commitTransition(
  ctx: EngineContext,
  stored: StoredDossier,
  event: EngineEvent & { at: string },
  source: TransitionSource,
): Promise<DossierView> {
  const procedure = procedureOf(ctx, stored.persisted);
  const before = stored.persisted;
  const moves = !source.journalType;
  const after = moves
    ? (source.stepped ?? procedure.step(before, event as DossierEventInput))
    : (source.rewritten ?? before);
  const version = stored.version + 1;
  const now = new Date(event.at);
  const code = after.context.code;
  const { firedTimer } = source;
  const type = source.journalType ?? event.type;
  const beforeState = stateName(before.value);
  const view = dossierView(after, version, procedure.definition);
  const afterState = view.state;
  // The event passed the procedure's schema (or is the engine's own, for a reissued secret).
  const info = {
    type,
    version,
    event,
    before: before.context,
    after: after.context,
    beforeState,
    afterState,
    procedure: procedure.definition,
    calendar: ctx.calendar,
    now,
  } as TransitionInfo;
  const effects = pluginEffects(ctx, code, version, now, (p) =>
    firedTimer
      ? p.onTimer?.({
          // A step's timer row carries its step id (see `pendingDeadlines`).
          timer: firedTimer as KindOfTimer,
          dossier: after.context,
          state: afterState,
          procedure: procedure.definition,
          calendar: ctx.calendar,
          now,
        })
      : p.onTransition?.(info),
  );
  if (firedTimer && moves) {
    for (const e of pluginEffects(ctx, code, version, now, (p) => p.onTransition?.(info))) {
      effects.push({ ...e, id: `${e.id}:t` });
    }
  }
  const result = await commitChange(ctx, {
    before,
    after,
    view,
    version,
    firedTimers: firedTimer ? [...stored.firedTimers, firedTimer.id] : stored.firedTimers,
    journal: transitionJournalEntry(
      code,
      version,
      type,
      event,
      { before: beforeState, after: afterState },
      source.idempotency?.key ?? null,
    ),
    effects,
    idempotency: source.idempotency,
    firedTimer,
  });
  ctx.inspection.transitioned(procedure, type, event, before, after);
  return result;
}
