import { toInstant } from '../model/actor.js';
import type { OutboxItem } from '../store/store-types.js';
import { backoffDelay } from './backoff.js';
import { claimRounds } from './claim-rounds.js';
import type { EngineContext } from './engine-context.js';
import { deferralOf, PermanentDeliveryError } from './plugin.js';

/** Longest pause between attempts at recording a delivered outbox item. */
const SETTLE_MAX_PAUSE_MS = 800;

/**
 * Records a delivered outbox item. A retryable store failure (a dropped connection, a restarting
 * server) is retried with a growing pause (50 ms doubling to 800 ms) for up to one lease of real
 * time, whether or not the lease has run out meanwhile: the store records the settlement only
 * while the row is still this worker's, so a late attempt is harmless, and while nobody has taken
 * the row over it prevents a second delivery. If it still fails, the item stays leased and is
 * delivered again after its lease expires (at least once), which is logged. A settlement that
 * ends after the lease (a slow gateway or store, a loaded machine) is logged as a possible second
 * delivery too: with the workers' clocks in step, a silent duplicate cannot happen.
 */
async function settleDelivered(ctx: EngineContext, item: OutboxItem): Promise<void> {
  const { store, workerId, clock, leaseMs } = ctx;
  const leaseEnd = item.leaseUntil === null ? Number.POSITIVE_INFINITY : Date.parse(item.leaseUntil);
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await store.settleOutbox(item.id, workerId, { delivered: true });
      // Recorded only while the row was still ours: once the lease has ended, another worker may
      // have claimed the item before this settlement reached the store, and delivered it again.
      if (clock.now().getTime() >= leaseEnd) {
        ctx.log({
          level: 'warn',
          message: 'effect recorded after its lease ran out: another worker may have delivered it again',
          code: item.code ?? undefined,
          type: item.type,
        });
      }
      return;
    } catch (e) {
      const retryable = (e as { retryable?: unknown } | null)?.retryable === true;
      const pause = Math.min(25 * 2 ** attempt, SETTLE_MAX_PAUSE_MS);
      if (!retryable || waited + pause > leaseMs) {
        ctx.log({
          level: 'error',
          message: 'effect delivered but not recorded: it will be delivered again after its lease',
          code: item.code ?? undefined,
          type: item.type,
          error: String((e as Error)?.message ?? e),
        });
        return;
      }
      waited += pause;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * Delivers every outbox item due at `now` that this worker claims, through the plugin that asked
 * for it (see `Engine.deliverOutbox`): delivered items are recorded, failures retried with
 * backoff and, at the end, dead-lettered; a plugin's deferral (quiet hours, a cap) holds an item.
 */
export async function deliverOutbox(
  ctx: EngineContext,
  now: Date,
): Promise<{ delivered: number; failed: number; dead: number }> {
  const { store, workerId, backoff, random } = ctx;
  let delivered = 0;
  let failed = 0;
  let dead = 0;
  await claimRounds(
    ctx,
    now,
    (claim) => store.claimOutbox(claim),
    async (item) => {
      const plugin = ctx.pluginByName.get(item.type.slice(0, item.type.indexOf('.')));
      let accepted = false;
      try {
        if (!plugin?.deliver) throw new PermanentDeliveryError(`no plugin delivers ${item.type}`);
        await plugin.deliver(item, { now, attempt: item.attempts + 1 });
        accepted = true;
      } catch (e) {
        const until = deferralOf(e);
        if (until) {
          // Held by the plugin (quiet hours, a cap): not a failure, not counted, never dead.
          const retryAt = toInstant(new Date(Math.max(until.getTime(), now.getTime() + 1000)));
          const error = e instanceof Error ? e.message : String(e);
          await store.settleOutbox(item.id, workerId, {
            delivered: false,
            error,
            retryAt,
            deferred: true,
          });
          failed++;
          return;
        }
        const attempt = item.attempts + 1;
        const permanent = e instanceof PermanentDeliveryError || attempt >= backoff.maxAttempts;
        const error = e instanceof Error ? e.message : String(e);
        const retryAt = permanent
          ? null
          : toInstant(new Date(now.getTime() + backoffDelay(attempt, backoff, random)));
        await store.settleOutbox(item.id, workerId, { delivered: false, error, retryAt });
        if (permanent) dead++;
        else failed++;
        ctx.log({
          level: permanent ? 'error' : 'warn',
          message: permanent ? 'effect dead-lettered' : 'effect failed, will retry',
          code: item.code ?? undefined,
          type: item.type,
          error,
        });
      }
      if (accepted) {
        // Delivered: record it, and never treat a lost connection here as a failed delivery
        // (that would queue a second delivery of an effect that already happened).
        await settleDelivered(ctx, item);
        delivered++;
      }
    },
  );
  return { delivered, failed, dead };
}
