import { toInstant } from '../model/actor.js';
import type { OutboxItem } from '../store/store-types.js';
import { backoffDelay } from './backoff.js';
import { claimRounds } from './claim-rounds.js';
import type { EngineContext } from './engine-context.js';
import { deferralOf, PermanentDeliveryError } from './plugin.js';

/** Attempts at recording a delivered outbox item after a retryable store failure (pauses 50 ms … 800 ms). */
const SETTLE_ATTEMPTS = 6;

/**
 * Records a delivered outbox item. A retryable store failure (a dropped connection, a restarting
 * server) is retried a few times with a growing pause while the lease is still ours; if it still
 * fails, the item stays leased and is delivered again after its lease expires (at least once),
 * which is logged.
 */
async function settleDelivered(ctx: EngineContext, item: OutboxItem): Promise<void> {
  const { store, workerId, clock } = ctx;
  const leaseEnd = item.leaseUntil === null ? Number.POSITIVE_INFINITY : Date.parse(item.leaseUntil);
  for (let attempt = 1; ; attempt++) {
    try {
      await store.settleOutbox(item.id, workerId, { delivered: true });
      return;
    } catch (e) {
      const retryable = (e as { retryable?: unknown } | null)?.retryable === true;
      if (!retryable || attempt >= SETTLE_ATTEMPTS || clock.now().getTime() >= leaseEnd) {
        ctx.log({
          level: 'error',
          message: 'effect delivered but not recorded: it will be delivered again after its lease',
          code: item.code ?? undefined,
          type: item.type,
          error: String((e as Error)?.message ?? e),
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
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
