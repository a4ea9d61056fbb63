import { toInstant } from '../model/actor.js';
import type { ClaimRequest } from '../store/store-types.js';
import type { EngineContext } from './engine-context.js';

/** Rows claimed per batch by the timer and outbox rounds. */
const BATCH = 100;

/**
 * Claims due rows in batches and handles each while its lease holds. Every batch's lease is
 * computed from the clock when it is claimed (not from the round's start), a row whose lease has
 * (nearly) run out is left for whoever claims it next, and a round claims no new batch once it
 * has run for half a lease.
 */
export async function claimRounds<T extends { readonly leaseUntil: string | null }>(
  ctx: EngineContext,
  due: Date,
  claim: (request: ClaimRequest) => Promise<T[]>,
  handle: (row: T) => Promise<void>,
): Promise<void> {
  const { clock, leaseMs } = ctx;
  const dueAt = toInstant(due);
  const started = clock.now().getTime();
  const margin = Math.min(leaseMs / 10, 5000);
  for (;;) {
    const batch = await claim({
      due: dueAt,
      now: toInstant(clock.now()),
      limit: BATCH,
      owner: ctx.workerId,
      leaseMs,
    });
    for (const row of batch) {
      if (row.leaseUntil !== null && clock.now().getTime() > Date.parse(row.leaseUntil) - margin) continue;
      await handle(row);
    }
    if (batch.length < BATCH || clock.now().getTime() - started >= leaseMs / 2) return;
  }
}
