import { z } from 'zod';
import { SmsError } from '../errors.js';

/** Options of {@link TokenBucket}: a send rate limit. */
export const RateLimitSchema = z
  .object({
    /** Tokens added per second: the sustained rate. */
    perSecond: z.number().positive(),
    /** Most tokens kept (the burst allowed after a quiet spell); default `perSecond`, at least 1. */
    burst: z.number().positive().optional(),
    /** What one token pays for: a `message` (default; an HTTP request) or a `segment` (an SMPP submit_sm). */
    unit: z.enum(['message', 'segment']).default('message'),
  })
  .strict();
/** A rate limit as written by the caller. */
export type RateLimit = z.input<typeof RateLimitSchema>;

/** Where a {@link TokenBucket} reads the time and how it waits (injectable for tests). */
export interface TokenBucketTiming {
  /** Monotonic milliseconds (default `performance.now()`). */
  now?: () => number;
  /** Waits `ms` milliseconds (default a `setTimeout` promise). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket: `perSecond` tokens a second, at most `burst` kept. {@link TokenBucket.take}
 * waits until enough tokens are there; callers are served first come, first served. Nothing runs
 * in the background: an idle bucket holds no timer.
 *
 * @example
 * ```ts
 * import { TokenBucket } from '@motcua/notify-sms';
 * const bucket = new TokenBucket({ perSecond: 30 });
 * await bucket.take();   // at most 30 sends a second, bursts of 30
 * ```
 */
export class TokenBucket {
  readonly perSecond: number;
  readonly burst: number;
  readonly unit: 'message' | 'segment';
  private tokens: number;
  private last: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private tail: Promise<void> = Promise.resolve();
  /** Total milliseconds callers were made to wait (for reports). */
  waitedMs = 0;

  constructor(options: RateLimit, timing: TokenBucketTiming = {}) {
    const parsed = RateLimitSchema.safeParse(options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = `rateLimit.${(issue?.path ?? []).map(String).join('.')}`;
      throw new SmsError('INVALID_OPTION', `${field}: ${issue?.message ?? 'invalid'}`, { field });
    }
    this.perSecond = parsed.data.perSecond;
    this.burst = Math.max(1, parsed.data.burst ?? parsed.data.perSecond);
    this.unit = parsed.data.unit;
    this.now = timing.now ?? (() => performance.now());
    this.sleep = timing.sleep ?? realSleep;
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Takes `cost` tokens (default 1), waiting as long as needed. A cost above `burst` borrows from later. */
  take(cost = 1): Promise<void> {
    const turn = this.tail.then(() => this.acquire(cost));
    this.tail = turn.catch(() => {});
    return turn;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }

  private async acquire(cost: number): Promise<void> {
    const needed = Math.min(cost, this.burst);
    this.refill();
    while (this.tokens + 1e-9 < needed) {
      const wait = Math.ceil(((needed - this.tokens) / this.perSecond) * 1000);
      this.waitedMs += wait;
      await this.sleep(wait);
      this.refill();
    }
    this.tokens -= cost;
  }
}
