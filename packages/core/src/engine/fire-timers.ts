import { ConflictError, MotcuaError } from '../errors/index.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import type { ClaimedTimer } from '../store/store-types.js';
import { claimRounds } from './claim-rounds.js';
import { commitTransition } from './commit-transition.js';
import { type EngineContext, procedureOf } from './engine-context.js';
import { type EngineEvent, SYSTEM_ACTOR } from './engine-types.js';
import { timerFiring } from './timer-rows.js';

/**
 * Fires one claimed timer: its machine event if it has one, plugin effects, and its removal.
 * When a command changed the dossier between the claim and the commit, it is tried again on the
 * new version (the claim is still ours); when another worker fired it, or a command moved the
 * deadline it stood for (its row is gone), it is skipped.
 *
 * The event's time is after the timer's instant (a timer at `T` is claimed only once `T` has
 * passed, see {@link ClaimRequest.due}) and never before the dossier's last event, so the
 * lifecycle's own rules (overdue once the due time has passed, expired once the response limit
 * has) accept it. A machine that has no transition for the event in the dossier's state leaves
 * the event to the plugins: the timer is journalled as `TIMER:<kind>` with the refusal's reason.
 */
async function fireTimer(ctx: EngineContext, timer: ClaimedTimer, now: Date): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const stored = await ctx.store.load(timer.code);
    if (!stored || stored.persisted.status === 'done') return false;
    const { machineEvent, event: firing } = timerFiring(
      timer,
      now.getTime(),
      stored.persisted.context.updatedAt,
      SYSTEM_ACTOR,
    );
    const event = firing as EngineEvent & { at: string };
    let stepped: PersistedDossier | undefined;
    let refused: string | undefined;
    if (machineEvent !== null) {
      try {
        stepped = procedureOf(ctx, stored.persisted).step(stored.persisted, event as DossierEventInput);
      } catch (e) {
        if (!(e instanceof MotcuaError)) throw e;
        refused = e.message;
        ctx.log({
          level: 'warn',
          message: 'timer event refused by the lifecycle',
          code: timer.code,
          type: timer.kind,
          error: e.code,
        });
      }
    }
    try {
      await commitTransition(ctx, stored, stepped ? event : { ...event, ...(refused ? { refused } : {}) }, {
        firedTimer: timer,
        ...(stepped ? { stepped } : { journalType: `TIMER:${timer.kind}` }),
      });
      return true;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      // The dossier moved under us: its timers were rewritten; fire on the new version.
      if (e.reason === 'version' && attempt < 3) continue;
      return false; // another worker fired it, or the timer is gone with the dossier's new deadlines
    }
  }
}

/**
 * Fires every timer due at `now` that this worker claims (see `Engine.runDueTimers`).
 */
export async function runDueTimers(
  ctx: EngineContext,
  now: Date,
): Promise<{ fired: number; skipped: number }> {
  let fired = 0;
  let skipped = 0;
  await claimRounds(
    ctx,
    now,
    (claim) => ctx.store.claimTimers(claim),
    async (timer) => {
      try {
        if (await fireTimer(ctx, timer, now)) fired++;
        else skipped++;
      } catch (e) {
        skipped++;
        ctx.log({
          level: 'warn',
          message: 'timer not fired',
          code: timer.code,
          type: timer.kind,
          error: String((e as Error).message ?? e),
        });
      }
    },
  );
  return { fired, skipped };
}
