import {
  AckPolicy,
  type ConnectionOptions,
  ConsumerEvents,
  type ConsumerMessages,
  connect,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { MotcuaError } from '../errors/motcua-error.js';
import type { LiaisonMessage } from '../liaison/liaison-message.js';
import {
  type LiaisonHandler,
  type LiaisonSubscription,
  type LiaisonTransport,
  TransportUnavailableError,
} from '../liaison/transport.js';
import {
  type ConnectionMonitor,
  monitorConnection,
  type NatsConnectionState,
  type NatsTransportHealth,
} from './connection-health.js';

/** What {@link NatsTransportOptions.onError} is told besides the error (no personal data). */
export interface NatsErrorInfo {
  /** The agency whose message or consumer failed; absent for connection-level errors. */
  readonly agency?: string;
  /** The message's id, when one message failed. */
  readonly id?: string;
  /** For connection-level errors: the connection's state (`reconnecting` after a loss, `closed` when it is gone for good). */
  readonly connection?: NatsConnectionState;
}

/** Options of {@link natsTransport}. */
export interface NatsTransportOptions {
  /** Server URLs (default `'127.0.0.1:4222'`). Ignored when `connection` is given. */
  readonly servers?: string | string[];
  /**
   * An open connection to use (it is not closed by `close()`). Its reconnect settings are its own:
   * open it with `maxReconnectAttempts: -1` so that it is never given up.
   */
  readonly connection?: NatsConnection;
  /**
   * Further options of the client's `connect` (credentials, TLS, name…). The options below, when
   * given, take precedence over the same settings here; the defaults below apply when neither is.
   */
  readonly connectOptions?: Omit<ConnectionOptions, 'servers'>;
  /**
   * Reconnect attempts after the connection is lost before the client gives up for good (default
   * -1: forever). The NATS client's own default, 10, gives up after about 20 s.
   */
  readonly maxReconnectAttempts?: number;
  /** Wait between reconnect attempts to the same server (default 2 s). */
  readonly reconnectTimeWaitMs?: number;
  /**
   * How often the client pings the server (default 30 s); after two pings unanswered the
   * connection counts as lost, so a silent network cut is noticed within about a minute.
   */
  readonly pingIntervalMs?: number;
  /** How long a publish waits for the server's acknowledgement (default 5 s). */
  readonly publishTimeoutMs?: number;
  /**
   * How long one pull request for messages lives (default 10 s, at least 1 s). The server sends
   * heartbeats at half of it; when two are missed the consumer is checked, and set up again if the
   * server lost it.
   */
  readonly pullExpiresMs?: number;
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
  /**
   * Called when a handler fails, a message cannot be read, a consumer has to be set up again, or
   * the connection is lost (`info.connection: 'reconnecting'`) or closed for good
   * (`'closed'`). No personal data is passed.
   */
  readonly onError?: (error: unknown, info: NatsErrorInfo) => void;
  /** Called whenever the connection's state changes, with the transport's health. */
  readonly onStatus?: (health: NatsTransportHealth) => void;
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
  /** The connection's state, without asking the server. */
  state(): NatsConnectionState;
  /** The transport's health: state, counts, every subscription, and a round trip to the server when connected. */
  health(): Promise<NatsTransportHealth>;
}

/**
 * An agency id as one subject token (and consumer name): letters, digits and `-` stay; every
 * other character (`.` included) becomes `_<hex>_`, so distinct ids stay distinct.
 *
 * @example
 * ```ts
 * import { agencyToken } from '@motcua/core/liaison-nats';
 * agencyToken('cong-an-xa'); // 'cong-an-xa'
 * agencyToken('000.00.14.H56'); // '000_2e_00_2e_14_2e_H56': one subject token
 * ```
 */
export function agencyToken(agency: string): string {
  return [...agency]
    .map((c) => (/[A-Za-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`))
    .join('');
}

const sleep = (ms: number, until: Promise<unknown>) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void until.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** One agency's subscription: its handler and the consumer being read. */
interface Running {
  readonly agency: string;
  messages: ConsumerMessages | undefined;
  consuming: boolean;
  stopped: boolean;
  stop: () => void;
  readonly stopping: Promise<void>;
  loop: Promise<void>;
}

/**
 * A liaison transport over NATS JetStream: one stream with a subject per agency
 * (`<prefix>.<agency>`), one durable pull consumer per agency with explicit acks. A message is
 * acknowledged only after its handler succeeded; a failed handler gets it again after
 * `retryDelayMs` (and the server redelivers anything not acknowledged within `ackWaitMs`, e.g.
 * after a crash or a lost connection). Publishing sets the message id as `Nats-Msg-Id`, so the
 * server drops a republished duplicate within its window. Handoffs survive either side
 * restarting: the stream and the consumers are durable (file storage).
 *
 * A lost connection is tried again forever by default (`maxReconnectAttempts`); meanwhile
 * `publish` throws {@link TransportUnavailableError} (the liaison plugin holds its outbox items
 * and tries again), `onError` and `onStatus` are told, and `health()` says so. Once it is back,
 * each agency's durable consumer is read again from where it stopped (set up again if the server
 * lost it).
 *
 * @example
 * ```ts
 * import { liaisonPlugin } from '@motcua/core';
 * import { natsTransport } from '@motcua/core/liaison-nats';
 * const transport = await natsTransport({
 *   servers: 'nats://127.0.0.1:4222',
 *   onError: (error, info) => console.error('liaison transport', info, error),
 * });
 * const plugin = liaisonPlugin({ agency: 'cong-an-xa', transport });
 * ```
 */
export async function natsTransport(options: NatsTransportOptions = {}): Promise<NatsTransport> {
  const stream = options.stream ?? 'MOTCUA_LIAISON';
  const prefix = options.subjectPrefix ?? 'motcua.liaison';
  const durablePrefix = options.durablePrefix ?? 'motcua-liaison';
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const reconnectTimeWait = options.reconnectTimeWaitMs ?? options.connectOptions?.reconnectTimeWait ?? 2000;
  const publishTimeout = options.publishTimeoutMs ?? 5000;
  const pullExpires = Math.max(1000, options.pullExpiresMs ?? 10_000);
  const report = options.onError ?? (() => {});
  const onError = (error: unknown, info: NatsErrorInfo) => {
    try {
      report(error, info);
    } catch {
      // A failing error handler must not stop the transport.
    }
  };
  const own = !options.connection;
  const nc =
    options.connection ??
    (await connect({
      ...options.connectOptions,
      servers: options.servers ?? '127.0.0.1:4222',
      maxReconnectAttempts:
        options.maxReconnectAttempts ?? options.connectOptions?.maxReconnectAttempts ?? -1,
      reconnectTimeWait,
      pingInterval: options.pingIntervalMs ?? options.connectOptions?.pingInterval ?? 30_000,
    }));
  const streamConfig = {
    name: stream,
    subjects: [`${prefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
  };
  let jsm: JetStreamManager;
  let js: JetStreamClient;
  const ensureStream = async () => {
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add(streamConfig);
    }
  };
  try {
    jsm = await nc.jetstreamManager();
    js = nc.jetstream();
    await ensureStream();
  } catch (e) {
    if (own) await nc.close();
    throw e;
  }
  const subject = (agency: string) => `${prefix}.${agencyToken(agency)}`;
  const durable = (agency: string) => `${durablePrefix}-${agencyToken(agency)}`;
  const running = new Set<Running>();
  let closed = false;

  const counted = () => ({
    ...monitor.counts(),
    subscriptions: [...running].map((r) => ({ agency: r.agency, consuming: r.consuming })),
  });
  const snapshot = (rttMs: number | null): NatsTransportHealth => {
    const c = counted();
    return {
      ...c,
      rttMs,
      healthy: c.state === 'connected' && rttMs !== null && c.subscriptions.every((s) => s.consuming),
    };
  };
  const monitor: ConnectionMonitor = monitorConnection(nc, {
    onError: (error, connection) => onError(error, { connection }),
    onChange: () => {
      try {
        options.onStatus?.(snapshot(null));
      } catch {
        // As onError.
      }
    },
  });

  const ensureConsumer = async (agency: string) => {
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
  };

  /** Sets the agency's consumer up (the stream too, if the server lost it) and starts reading it. */
  const open = async (agency: string): Promise<ConsumerMessages> => {
    try {
      await ensureConsumer(agency);
    } catch {
      await ensureStream();
      await ensureConsumer(agency);
    }
    const consumer = await js.consumers.get(stream, durable(agency));
    // One message at a time: none sits unacknowledged in a client buffer when the subscription stops.
    return consumer.consume({ max_messages: 1, expires: pullExpires });
  };

  const handleOne = async (agency: string, handler: LiaisonHandler, m: JsMsg) => {
    let message: LiaisonMessage;
    try {
      message = JSON.parse(new TextDecoder().decode(m.data)) as LiaisonMessage;
    } catch (e) {
      onError(e, { agency });
      m.term('not JSON');
      return;
    }
    try {
      await handler(message);
    } catch (e) {
      onError(e, { agency, id: message.id });
      m.nak(retryDelayMs);
      return;
    }
    try {
      await m.ackAck();
    } catch (e) {
      // The ack did not reach the server: it redelivers, and the handler's idempotency absorbs it.
      onError(e, { agency, id: message.id });
    }
  };

  /** Reads `messages` until it ends; a consumer or stream the server lost ends it, to be set up again. */
  const consume = async (entry: Running, handler: LiaisonHandler, messages: ConsumerMessages) => {
    void (async () => {
      for await (const s of await messages.status()) {
        if (
          s.type === ConsumerEvents.ConsumerDeleted ||
          s.type === ConsumerEvents.ConsumerNotFound ||
          s.type === ConsumerEvents.StreamNotFound
        ) {
          onError(
            new MotcuaError('LIAISON_CONSUMER_LOST', `the durable consumer of ${entry.agency} is gone`),
            { agency: entry.agency },
          );
          messages.stop();
          break;
        }
      }
    })().catch(() => {});
    for await (const m of messages) await handleOne(entry.agency, handler, m);
  };

  /** Keeps an agency's consumer read until the subscription stops or the connection is closed for good. */
  const supervise = async (entry: Running, handler: LiaisonHandler, first: ConsumerMessages) => {
    let messages: ConsumerMessages | undefined = first;
    let failures = 0;
    while (!entry.stopped && !closed) {
      if (!messages) {
        if (monitor.state() === 'closed') break;
        if (monitor.state() !== 'connected') {
          await Promise.race([monitor.changed(), entry.stopping]);
          continue;
        }
        try {
          messages = await open(entry.agency);
        } catch (e) {
          failures++;
          onError(e, { agency: entry.agency });
          await sleep(Math.min(30_000, retryDelayMs * 2 ** Math.min(failures, 5)), entry.stopping);
          continue;
        }
      }
      entry.messages = messages;
      entry.consuming = true;
      if (entry.stopped) messages.stop();
      try {
        await consume(entry, handler, messages);
        failures = 0;
      } catch (e) {
        if (!entry.stopped && !closed) onError(e, { agency: entry.agency });
      }
      entry.consuming = false;
      entry.messages = undefined;
      messages = undefined;
      if (!entry.stopped && !closed) await sleep(retryDelayMs, entry.stopping);
    }
  };

  return {
    connection: nc,
    stream,
    subject,
    durable,
    state: () => monitor.state(),
    async health() {
      let rtt: number | null = null;
      if (monitor.state() === 'connected') {
        let timer: ReturnType<typeof setTimeout> | undefined;
        rtt = await Promise.race([
          nc.rtt().catch(() => null),
          new Promise<null>((resolve) => {
            timer = setTimeout(() => resolve(null), publishTimeout);
          }),
        ]);
        clearTimeout(timer);
      }
      return snapshot(rtt);
    },
    async publish(message: LiaisonMessage) {
      if (closed) throw new MotcuaError('LIAISON_TRANSPORT_CLOSED', 'liaison transport closed');
      const state = monitor.state();
      if (state === 'closed') {
        throw new MotcuaError('LIAISON_TRANSPORT_CLOSED', 'the NATS connection is closed for good');
      }
      if (state === 'reconnecting') {
        throw new TransportUnavailableError('NATS is unreachable; reconnecting', reconnectTimeWait);
      }
      try {
        await js.publish(subject(message.to), new TextEncoder().encode(JSON.stringify(message)), {
          msgID: message.id,
          timeout: publishTimeout,
        });
      } catch (e) {
        // Lost while publishing: the message may or may not be stored; publishing it again is
        // safe (the server drops a duplicate id within its window, the receiver is idempotent).
        if (monitor.state() === 'reconnecting') {
          throw new TransportUnavailableError('NATS is unreachable; reconnecting', reconnectTimeWait, {
            cause: e,
          });
        }
        throw e;
      }
    },
    async subscribe(agency: string, handler: LiaisonHandler): Promise<LiaisonSubscription> {
      if (closed) throw new MotcuaError('LIAISON_TRANSPORT_CLOSED', 'liaison transport closed');
      if (monitor.state() === 'closed') {
        throw new MotcuaError('LIAISON_TRANSPORT_CLOSED', 'the NATS connection is closed for good');
      }
      const first = await open(agency);
      let stop: () => void = () => {};
      const stopping = new Promise<void>((resolve) => {
        stop = resolve;
      });
      const entry: Running = {
        agency,
        messages: first,
        consuming: true,
        stopped: false,
        stop,
        stopping,
        loop: Promise.resolve(),
      };
      entry.loop = supervise(entry, handler, first);
      running.add(entry);
      const end = async () => {
        entry.stopped = true;
        entry.stop();
        entry.messages?.stop();
        await entry.loop;
      };
      return {
        async stop() {
          if (!running.delete(entry)) return;
          await end();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      const entries = [...running];
      for (const entry of entries) {
        entry.stopped = true;
        entry.stop();
        entry.messages?.stop();
      }
      await Promise.all(entries.map((e) => e.loop));
      running.clear();
      const connected = monitor.state() === 'connected';
      monitor.stop();
      if (own && !nc.isClosed()) {
        if (connected) await nc.drain().catch(() => nc.close());
        else await nc.close();
      }
    },
  };
}
