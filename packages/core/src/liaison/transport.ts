import { MotcuaError } from '../errors/motcua-error.js';
import type { LiaisonMessage } from './liaison-message.js';

/**
 * Thrown by a transport's `publish` while its broker cannot be reached and the transport is
 * reconnecting: nothing is wrong with the message. The liaison plugin holds the outbox item for
 * `retryAfterMs` instead of counting a failed attempt, so an outage never turns handoffs into dead
 * letters (code `LIAISON_TRANSPORT_UNAVAILABLE`).
 */
export class TransportUnavailableError extends MotcuaError {
  /** How long to wait before publishing again. */
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options: { cause?: unknown } = {}) {
    super('LIAISON_TRANSPORT_UNAVAILABLE', message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * Handles one message for an agency. Resolving acknowledges it; throwing leaves it to be delivered
 * again later (at least once). Handlers must be idempotent (the liaison plugin uses the message id
 * as the idempotency key of the command it runs).
 */
export type LiaisonHandler = (message: LiaisonMessage) => Promise<void>;

/** A running subscription. */
export interface LiaisonSubscription {
  /** Stops delivering (waits for the message being handled); undelivered messages stay queued. */
  stop(): Promise<void>;
}

/**
 * How liaison messages travel between the engines of the focal desk and the member agencies:
 * one durable queue per agency, at-least-once delivery, redelivery when a handler fails.
 * Implementations: {@link inProcessTransport} (one process) and `natsTransport` from
 * `@motcua/core/liaison-nats` (NATS JetStream).
 */
export interface LiaisonTransport {
  /**
   * Publishes a message to `message.to`; resolves once the transport has it durably. Throws
   * {@link TransportUnavailableError} while the broker is unreachable.
   */
  publish(message: LiaisonMessage): Promise<void>;
  /** Delivers the messages addressed to `agency` to `handler`, including those sent while nobody listened. */
  subscribe(agency: string, handler: LiaisonHandler): Promise<LiaisonSubscription>;
  /** Stops every subscription and releases connections. */
  close(): Promise<void>;
}

/** Options of {@link inProcessTransport}. */
export interface InProcessTransportOptions {
  /** Wait before redelivering a message whose handler failed (default 10 ms). */
  readonly retryDelayMs?: number;
  /** Deliveries of one message before it is set aside as a dead letter (default 100). */
  readonly maxAttempts?: number;
  /** Drops a message whose id was already published (as JetStream's duplicate window does; default true). */
  readonly dedupe?: boolean;
}

/** The in-process transport, with what tests need to wait for it. */
export interface InProcessTransport extends LiaisonTransport {
  /** Resolves when no message waits for a subscribed agency and no handler is running. */
  idle(): Promise<void>;
  /** Messages queued (for one agency, or all). */
  pending(agency?: string): number;
  /** Messages set aside after `maxAttempts` failed deliveries. */
  deadLetters(): readonly { readonly message: LiaisonMessage; readonly error: string }[];
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A liaison transport inside one process (the default; for one engine that is both focal desk and
 * member agency, for tests and simulations): an async queue per agency, kept while nobody
 * subscribes, delivered in order, at least once; a handler error redelivers the message after
 * `retryDelayMs`. Messages are copied as JSON, as on a real transport.
 *
 * @example
 * ```ts
 * import { inProcessTransport, liaisonPlugin } from '@motcua/core';
 * const transport = inProcessTransport(); // one process: the focal desk and the member agencies
 * const commune = liaisonPlugin({ agency: 'ubnd-xa', transport });
 * const police = liaisonPlugin({ agency: 'cong-an-xa', transport });
 * await transport.idle(); // in tests: wait until every handoff is handled
 * ```
 */
export function inProcessTransport(options: InProcessTransportOptions = {}): InProcessTransport {
  const retryDelayMs = options.retryDelayMs ?? 10;
  const maxAttempts = options.maxAttempts ?? 100;
  const dedupe = options.dedupe ?? true;
  const queues = new Map<string, { message: string; attempts: number }[]>();
  const handlers = new Map<string, LiaisonHandler>();
  const running = new Map<string, Promise<void>>();
  const seen = new Set<string>();
  const dead: { message: LiaisonMessage; error: string }[] = [];
  let closed = false;

  const queue = (agency: string) => {
    let q = queues.get(agency);
    if (!q) {
      q = [];
      queues.set(agency, q);
    }
    return q;
  };

  const run = async (agency: string) => {
    const q = queue(agency);
    while (!closed && q.length > 0) {
      const handler = handlers.get(agency);
      if (!handler) return;
      const item = q[0]!;
      try {
        await handler(JSON.parse(item.message) as LiaisonMessage);
        q.shift();
      } catch (e) {
        item.attempts++;
        if (item.attempts >= maxAttempts) {
          q.shift();
          dead.push({
            message: JSON.parse(item.message) as LiaisonMessage,
            error: String((e as Error)?.message ?? e),
          });
        } else {
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        }
      }
    }
  };

  const kick = (agency: string) => {
    if (closed || running.has(agency) || !handlers.has(agency)) return;
    const p = run(agency).finally(() => {
      running.delete(agency);
      if (queue(agency).length && handlers.has(agency)) kick(agency);
    });
    running.set(agency, p);
  };

  return {
    async publish(message) {
      if (closed) throw new Error('liaison transport closed');
      if (dedupe) {
        if (seen.has(message.id)) return;
        seen.add(message.id);
      }
      queue(message.to).push({ message: JSON.stringify(message), attempts: 0 });
      kick(message.to);
    },
    async subscribe(agency, handler) {
      if (closed) throw new Error('liaison transport closed');
      if (handlers.has(agency)) throw new Error(`agency ${agency} already has a subscriber`);
      handlers.set(agency, handler);
      kick(agency);
      return {
        async stop() {
          if (handlers.get(agency) === handler) handlers.delete(agency);
          await running.get(agency);
        },
      };
    },
    async close() {
      closed = true;
      handlers.clear();
      await Promise.all(running.values());
    },
    async idle() {
      for (;;) {
        await tick();
        const waiting = [...handlers.keys()].some((a) => queue(a).length > 0);
        if (!waiting && running.size === 0) return;
        await Promise.all(running.values());
      }
    },
    pending(agency) {
      if (agency !== undefined) return queue(agency).length;
      let n = 0;
      for (const q of queues.values()) n += q.length;
      return n;
    },
    deadLetters: () => dead,
  };
}
