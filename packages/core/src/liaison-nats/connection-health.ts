import { DebugEvents, Events, type NatsConnection } from 'nats';
import { MotcuaError } from '../errors/motcua-error.js';

/**
 * Where a transport's NATS connection stands: `connected`; `reconnecting` (lost, the client is
 * trying again: publishing is held, the consumers resume once it is back); `closed` (for good:
 * `close()` was called, or the client gave up after its reconnect attempts).
 */
export type NatsConnectionState = 'connected' | 'reconnecting' | 'closed';

/** The health of a NATS transport (no personal data). */
export interface NatsTransportHealth {
  readonly state: NatsConnectionState;
  /** Connected, the server answered a round trip, and every subscription is consuming. */
  readonly healthy: boolean;
  /** When the state last changed (ISO instant, the system clock). */
  readonly since: string;
  /** Connections lost since the transport was opened. */
  readonly disconnects: number;
  /** Connections regained since the transport was opened. */
  readonly reconnects: number;
  /** The last connection-level error's message, if any. */
  readonly lastError: string | null;
  /** Round trip to the server in milliseconds, measured by `health()` when connected. */
  readonly rttMs: number | null;
  /** Each agency subscribed through this transport: whether its durable consumer is being read. */
  readonly subscriptions: readonly { readonly agency: string; readonly consuming: boolean }[];
}

/** What a connection monitor reports to. */
export interface ConnectionMonitorOptions {
  /** Called when the connection is lost (`reconnecting`), closed unexpectedly, or the server reports an error. */
  readonly onError: (error: unknown, state: NatsConnectionState) => void;
  /** Called on every change of state. */
  readonly onChange: (state: NatsConnectionState) => void;
}

/** Follows a NATS connection's state from its status events. */
export interface ConnectionMonitor {
  state(): NatsConnectionState;
  /** The connection-level part of the health. */
  counts(): Pick<NatsTransportHealth, 'state' | 'since' | 'disconnects' | 'reconnects' | 'lastError'>;
  /** Resolves at the next change of state (or when the monitor stops). */
  changed(): Promise<void>;
  /** Stops following and counts the connection closed (before the transport closes it, or lets go of one it was given). */
  stop(): void;
}

/**
 * Follows `nc`'s status events: `disconnect` → `reconnecting` (reported as an error), `reconnect`
 * → `connected`, the connection closing → `closed` (reported as an error unless the monitor was
 * stopped first), server errors reported as they come.
 */
export function monitorConnection(nc: NatsConnection, options: ConnectionMonitorOptions): ConnectionMonitor {
  let state: NatsConnectionState = nc.isClosed() ? 'closed' : 'connected';
  let since = new Date().toISOString();
  let disconnects = 0;
  let reconnects = 0;
  let lastError: string | null = null;
  let stopped = false;
  let wake: () => void = () => {};
  let next = new Promise<void>((resolve) => {
    wake = resolve;
  });

  const set = (to: NatsConnectionState) => {
    if (to === state) return;
    state = to;
    since = new Date().toISOString();
    const resolve = wake;
    next = new Promise<void>((r) => {
      wake = r;
    });
    resolve();
    options.onChange(to);
  };
  const fail = (error: unknown) => {
    lastError = error instanceof Error ? error.message : String(error);
    options.onError(error, state);
  };

  const status = nc.status();
  void (async () => {
    for await (const s of status) {
      if (stopped) break;
      switch (s.type) {
        case Events.Disconnect:
          disconnects++;
          set('reconnecting');
          fail(new MotcuaError('LIAISON_TRANSPORT_DISCONNECTED', 'NATS connection lost; reconnecting'));
          break;
        case DebugEvents.Reconnecting:
          set('reconnecting');
          break;
        case Events.Reconnect:
          reconnects++;
          set('connected');
          break;
        case Events.Error:
          fail(
            new MotcuaError('LIAISON_TRANSPORT_ERROR', `NATS server reported an error (${String(s.data)})`),
          );
          break;
        default:
          break;
      }
    }
  })().catch((e) => fail(e));
  void nc.closed().then((err) => {
    if (stopped) return;
    set('closed');
    fail(
      new MotcuaError('LIAISON_TRANSPORT_CLOSED', 'NATS connection closed for good', {
        ...(err ? { cause: err } : {}),
      }),
    );
  });

  return {
    state: () => state,
    counts: () => ({ state, since, disconnects, reconnects, lastError }),
    changed: () => next,
    stop() {
      if (stopped) return;
      stopped = true;
      (status as { stop?: () => void }).stop?.();
      set('closed');
    },
  };
}
