/** Retry schedule of outbox deliveries. */
export interface BackoffOptions {
  /** Attempts before an item becomes a dead letter (default 8). */
  readonly maxAttempts: number;
  /** Delay after the first failure (default 30 s); doubles each time. */
  readonly baseDelayMs: number;
  /** Upper bound of a delay (default 1 h). */
  readonly maxDelayMs: number;
}

/** Default retry schedule. */
export const DEFAULT_BACKOFF: BackoffOptions = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * Delay before attempt `attempt + 1` after `attempt` failures: exponential with "full jitter"
 * (a random share between half and all of the exponential delay), capped.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
