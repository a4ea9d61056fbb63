/** Options of {@link LookupThrottle}. */
export interface LookupThrottleOptions {
  /** Failed lookups allowed per client in one window (default 10). */
  readonly maxFailures?: number;
  /** Length of the window in milliseconds (default 15 minutes). */
  readonly windowMs?: number;
  /** Clients remembered at most (default 10,000): the oldest windows are dropped first. */
  readonly maxClients?: number;
  /** Where the time is read (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * Slows down guessing of lookup secrets: each client (by IP address) may fail a public lookup
 * `maxFailures` times per window; after that every lookup from it is refused until the window
 * ends. Successful lookups are not counted and do not reset the count. In memory, per process:
 * with several processes behind a balancer, use a shared limiter (Redis, the gateway) instead.
 */
export class LookupThrottle {
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(options: LookupThrottleOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? Date.now;
    if (!(Number.isInteger(this.maxFailures) && this.maxFailures >= 1))
      throw new RangeError(`maxFailures: expected an integer ≥ 1, got ${this.maxFailures}`);
    if (!(this.windowMs > 0)) throw new RangeError(`windowMs: expected a duration > 0, got ${this.windowMs}`);
  }

  /** Seconds the client must wait before looking up again, or 0 when it may look up now. */
  retryAfter(client: string): number {
    const w = this.windows.get(client);
    if (!w) return 0;
    const now = this.now();
    if (now >= w.resetAt) {
      this.windows.delete(client);
      return 0;
    }
    return w.failures >= this.maxFailures ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  /** Counts a failed lookup of the client. */
  fail(client: string): void {
    const now = this.now();
    const w = this.windows.get(client);
    if (w && now < w.resetAt) {
      w.failures++;
      return;
    }
    this.windows.delete(client);
    this.windows.set(client, { failures: 1, resetAt: now + this.windowMs });
    if (this.windows.size > this.maxClients) this.prune(now);
  }

  private prune(now: number): void {
    for (const [client, w] of this.windows) if (now >= w.resetAt) this.windows.delete(client);
    // Insertion order is the order windows opened: drop the oldest.
    for (const client of this.windows.keys()) {
      if (this.windows.size <= this.maxClients) break;
      this.windows.delete(client);
    }
  }
}
