import { createServer, isIP, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { MotcuaError } from '../errors/motcua-error.js';

/** Options of {@link tcpCutProxy}. */
export interface TcpCutProxyOptions {
  /** Where connections are forwarded: a loopback address (default host `127.0.0.1`). */
  readonly target: { readonly host?: string; readonly port: number };
  /** Port to listen on, on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
}

/** What a {@link TcpCutProxy} has seen. */
export interface TcpCutProxyStats {
  /** Connections forwarded. */
  readonly forwarded: number;
  /** Connections refused while cut. */
  readonly refused: number;
  /** Connections destroyed by a cut. */
  readonly severed: number;
  /** Connections open now. */
  readonly open: number;
  /** Connections stalled (black-holed) by {@link TcpCutProxy.stall}. */
  readonly stalled: number;
  readonly cuts: number;
}

/** A loopback TCP proxy that can cut the network between a client and its server. */
export interface TcpCutProxy {
  /** `127.0.0.1:<port>`: give it to the client instead of the server's address. */
  readonly url: string;
  readonly port: number;
  /** Whether the proxy is cut now. */
  isCut(): boolean;
  /** Destroys every open connection (reset) and refuses new ones until {@link TcpCutProxy.heal}. */
  cut(): void;
  /** Accepts and forwards connections again. */
  heal(): void;
  /**
   * Black-holes every open connection: from now on, their bytes are dropped in both directions
   * while both sockets stay open (a half-open network: no reset, no FIN, nothing arrives). New
   * connections are still forwarded.
   */
  stall(): void;
  /** Cuts, waits `ms` milliseconds, heals. */
  cutFor(ms: number): Promise<void>;
  stats(): TcpCutProxyStats;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

/**
 * A TCP proxy on 127.0.0.1 between a client and a server on loopback, for tests of what happens
 * when the network fails: {@link TcpCutProxy.cut} destroys the open connections (as a reset) and
 * refuses new ones, {@link TcpCutProxy.heal} lets them through again. Only loopback targets are
 * accepted.
 *
 * @example
 * ```ts
 * import { natsTransport } from '@motcua/core/liaison-nats';
 * import { tcpCutProxy } from '@motcua/core/testing';
 * const proxy = await tcpCutProxy({ target: { port: 4222 } });
 * const transport = await natsTransport({ servers: proxy.url });
 * await proxy.cutFor(30_000);   // the client sees the server go away for 30 s
 * ```
 */
export async function tcpCutProxy(options: TcpCutProxyOptions): Promise<TcpCutProxy> {
  const host = options.target.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new MotcuaError('INVALID_OPTION', 'target.host must be a loopback address', {
      field: 'target.host',
    });
  }
  const port = options.target.port;
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new MotcuaError('INVALID_OPTION', 'target.port must be a TCP port', { field: 'target.port' });
  }
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const stalledPairs = new Set<{ client: Socket; upstream: Socket }>();
  let cut = false;
  let forwarded = 0;
  let refused = 0;
  let severed = 0;
  let cuts = 0;
  let stalled = 0;

  const server: Server = createServer((client) => {
    if (cut) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    forwarded++;
    const upstream = tcpConnect({ host, port });
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      stalledPairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    // Writes before the upstream connects are buffered by the socket.
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : 0;

  const proxy: TcpCutProxy = {
    url: `127.0.0.1:${listening}`,
    port: listening,
    isCut: () => cut,
    cut() {
      if (cut) return;
      cut = true;
      cuts++;
      for (const pair of [...pairs]) {
        severed++;
        pairs.delete(pair);
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
    },
    heal() {
      cut = false;
    },
    async cutFor(ms) {
      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, ms));
      proxy.heal();
    },
    stall() {
      for (const pair of pairs) {
        if (stalledPairs.has(pair)) continue;
        stalledPairs.add(pair);
        stalled++;
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        // Read and drop: the peers' writes succeed, nothing is delivered.
        pair.client.on('data', () => {});
        pair.upstream.on('data', () => {});
        pair.client.resume();
        pair.upstream.resume();
      }
    },
    stats: () => ({ forwarded, refused, severed, open: pairs.size, cuts, stalled }),
    async close() {
      cut = true;
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        stalledPairs.delete(pair);
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
