/**
 * @packageDocumentation
 * `@motcua/core/liaison-nats` — the liaison transport over NATS JetStream. Needs the `nats` package
 * (an optional peer dependency of `@motcua/core`): `pnpm add nats`.
 */
import {
  AckPolicy,
  type ConsumerMessages,
  connect,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
import type { LiaisonMessage } from '../liaison/liaison-message.js';
import type { LiaisonHandler, LiaisonSubscription, LiaisonTransport } from '../liaison/transport.js';

/** Options of {@link natsTransport}. */
export interface NatsTransportOptions {
  /** Server URLs (default `'127.0.0.1:4222'`). Ignored when `connection` is given. */
  readonly servers?: string | string[];
  /** An open connection to use (it is not closed by `close()`). */
  readonly connection?: NatsConnection;
  /** JetStream stream holding the messages (default `'MOTCUA_LIAISON'`). */
  readonly stream?: string;
  /** Subject prefix: agency `a` receives on `<prefix>.<a>` (default `'motcua.liaison'`). */
  readonly subjectPrefix?: string;
  /** Prefix of the durable consumer names, one per agency (default `'motcua-liaison'`). */
  readonly durablePrefix?: string;
  /** How long the server waits for an ack before redelivering (default 30 s). */
  readonly ackWaitMs?: number;
  /** Delay before a message whose handler failed is redelivered (default 1 s). */
  readonly retryDelayMs?: number;
  /** Deliveries of one message at most (default -1: unlimited). */
  readonly maxDeliver?: number;
  /** The server drops a message whose id it saw within this window (default 2 min). */
  readonly duplicateWindowMs?: number;
  /** Called when a handler fails or a message cannot be read (no personal data is passed). */
  readonly onError?: (error: unknown, info: { agency: string; id?: string }) => void;
}

/** The NATS JetStream transport. */
export interface NatsTransport extends LiaisonTransport {
  /** The connection (yours if you passed one). */
  readonly connection: NatsConnection;
  /** The stream's name. */
  readonly stream: string;
  /** The subject an agency receives on. */
  subject(agency: string): string;
  /** The durable consumer's name of an agency. */
  durable(agency: string): string;
}

/**
 * An agency id as one subject token (and consumer name): letters, digits and `-` stay; every
 * other character (`.` included) becomes `_<hex>_`, so distinct ids stay distinct.
 */
export function agencyToken(agency: string): string {
  return [...agency]
    .map((c) => (/[A-Za-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`))
    .join('');
}

/**
 * A liaison transport over NATS JetStream: one stream with a subject per agency
 * (`<prefix>.<agency>`), one durable pull consumer per agency with explicit acks. A message is
 * acknowledged only after its handler succeeded; a failed handler gets it again after
 * `retryDelayMs` (and the server redelivers anything not acknowledged within `ackWaitMs`, e.g.
 * after a crash). Publishing sets the message id as `Nats-Msg-Id`, so the server drops a
 * republished duplicate within its window. Handoffs survive either side restarting: the stream
 * and the consumers are durable (file storage).
 *
 * @example
 * ```ts
 * import { natsTransport } from '@motcua/core/liaison-nats';
 * const transport = await natsTransport({ servers: 'nats://127.0.0.1:4222' });
 * const plugin = liaisonPlugin({ agency: 'cong-an-xa', transport });
 * ```
 */
export async function natsTransport(options: NatsTransportOptions = {}): Promise<NatsTransport> {
  const stream = options.stream ?? 'MOTCUA_LIAISON';
  const prefix = options.subjectPrefix ?? 'motcua.liaison';
  const durablePrefix = options.durablePrefix ?? 'motcua-liaison';
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const onError = options.onError ?? (() => {});
  const own = !options.connection;
  const nc = options.connection ?? (await connect({ servers: options.servers ?? '127.0.0.1:4222' }));
  let jsm: JetStreamManager;
  let js: JetStreamClient;
  try {
    jsm = await nc.jetstreamManager();
    js = nc.jetstream();
    const config = {
      name: stream,
      subjects: [`${prefix}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
    };
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add(config);
    }
  } catch (e) {
    if (own) await nc.close();
    throw e;
  }
  const subject = (agency: string) => `${prefix}.${agencyToken(agency)}`;
  const durable = (agency: string) => `${durablePrefix}-${agencyToken(agency)}`;
  const running = new Set<{ messages: ConsumerMessages; done: Promise<void> }>();
  let closed = false;

  return {
    connection: nc,
    stream,
    subject,
    durable,
    async publish(message: LiaisonMessage) {
      if (closed) throw new Error('liaison transport closed');
      await js.publish(subject(message.to), new TextEncoder().encode(JSON.stringify(message)), {
        msgID: message.id,
      });
    },
    async subscribe(agency: string, handler: LiaisonHandler): Promise<LiaisonSubscription> {
      if (closed) throw new Error('liaison transport closed');
      const name = durable(agency);
      try {
        await jsm.consumers.info(stream, name);
      } catch {
        await jsm.consumers.add(stream, {
          durable_name: name,
          filter_subject: subject(agency),
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: nanos(options.ackWaitMs ?? 30_000),
          max_deliver: options.maxDeliver ?? -1,
        });
      }
      const consumer = await js.consumers.get(stream, name);
      // One message at a time: none sits unacknowledged in a client buffer when the subscription stops.
      const messages = await consumer.consume({ max_messages: 1 });
      const done = (async () => {
        for await (const m of messages) {
          let message: LiaisonMessage;
          try {
            message = JSON.parse(new TextDecoder().decode(m.data)) as LiaisonMessage;
          } catch (e) {
            onError(e, { agency });
            m.term('not JSON');
            continue;
          }
          try {
            await handler(message);
          } catch (e) {
            onError(e, { agency, id: message.id });
            m.nak(retryDelayMs);
            continue;
          }
          try {
            await m.ackAck();
          } catch (e) {
            // The ack did not reach the server: it redelivers, and the handler's idempotency absorbs it.
            onError(e, { agency, id: message.id });
          }
        }
      })();
      const entry = { messages, done };
      running.add(entry);
      return {
        async stop() {
          if (!running.delete(entry)) return;
          messages.stop();
          await done;
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const entry of running) entry.messages.stop();
      await Promise.all([...running].map((e) => e.done));
      running.clear();
      if (own) await nc.drain();
    },
  };
}
