import { createHmac } from 'node:crypto';
import type { DossierStore } from '@motcua/core';

/** Options of {@link LookupThrottle}. */
export interface LookupThrottleOptions {
  /** Where the counts live: the engine's store, shared by every server process on it. */
  readonly store: DossierStore;
  /** Failed lookups allowed per client in one window (default 10). */
  readonly maxFailures?: number;
  /** Length of the window in milliseconds, from the client's first failure (default 15 minutes). */
  readonly windowMs?: number;
  /**
   * Key of the HMAC that turns an address into the counter's key, so that the store never holds
   * an address (personal data). Every process sharing the store must use the same key; set a
   * secret of the deployment (the default is a fixed text, which only hides addresses from a
   * casual reader of the table).
   */
  readonly addressKey?: string;
  /** Where the time is read (default `Date.now`). */
  readonly now?: () => number;
}

/** What {@link LookupThrottle.reserve} answers. */
export interface ThrottleTicket {
  /** False: the client failed too often; refuse the lookup (429) for `retryAfter` seconds. */
  readonly admitted: boolean;
  /** Seconds until the client's window ends (at least 1 when refused, else 0). */
  readonly retryAfter: number;
  /** Give back with {@link LookupThrottle.release} when the lookup was not a failed guess. */
  readonly windowEndsAt: string;
  readonly key: string;
}

/**
 * Slows down guessing of lookup secrets per client (by IP address): each may fail a public lookup
 * `maxFailures` times per window; after that every lookup from it is refused until the window
 * ends. The counts are kept in the store (`reserveLookupAttempt`), so several server processes on
 * one store share them, and a restart keeps them. Each lookup reserves an attempt first (so a burst
 * of parallel requests cannot get more than the limit through) and gives it back unless it failed.
 *
 * This is on top of the engine's own limit per dossier code (whatever the address), which is what
 * protects one dossier from a crowd of addresses.
 */
export class LookupThrottle {
  private readonly store: DossierStore;
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly addressKey: string;
  private readonly now: () => number;

  constructor(options: LookupThrottleOptions) {
    this.store = options.store;
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.addressKey = options.addressKey ?? 'motcua-one-stop-server lookup throttle';
    this.now = options.now ?? Date.now;
    if (!(Number.isInteger(this.maxFailures) && this.maxFailures >= 1))
      throw new RangeError('maxFailures: expected an integer ≥ 1');
    if (!(Number.isInteger(this.windowMs) && this.windowMs >= 1000))
      throw new RangeError('windowMs: expected whole milliseconds ≥ 1000');
    if (typeof this.addressKey !== 'string' || this.addressKey.length === 0)
      throw new RangeError('addressKey: expected a non-empty text');
  }

  /** Counts a lookup of the client before it is made; refused when the client failed too often. */
  async reserve(client: string): Promise<ThrottleTicket> {
    const key = `address:${createHmac('sha256', this.addressKey).update(client).digest('base64url').slice(0, 32)}`;
    const now = this.now();
    const w = await this.store.reserveLookupAttempt({
      key,
      now: new Date(now).toISOString(),
      maxAttempts: this.maxFailures,
      windowMs: this.windowMs,
    });
    return {
      admitted: w.admitted,
      retryAfter: w.admitted ? 0 : Math.max(1, Math.ceil((Date.parse(w.windowEndsAt) - now) / 1000)),
      windowEndsAt: w.windowEndsAt,
      key,
    };
  }

  /** Gives a reserved lookup back: it found its dossier, or was refused before any guess. */
  async release(ticket: ThrottleTicket): Promise<void> {
    if (ticket.admitted) await this.store.releaseLookupAttempt(ticket.key, ticket.windowEndsAt);
  }
}
