import type { Engine } from '@motcua/core';
import type { FastifyInstance } from 'fastify';

/** Options of {@link startService}. */
export interface ServiceOptions {
  readonly app: FastifyInstance;
  readonly engine: Engine;
  /** Default `127.0.0.1`: expose the service through a reverse proxy, not directly. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** How often the engine fires due timers and delivers its outbox (default 1000 ms). */
  readonly timerIntervalMs?: number;
  /** Runs last when the service closes (e.g. closing the store). */
  readonly onClose?: () => Promise<void> | void;
}

/** A running service. */
export interface Service {
  /** `http://host:port` it listens on. */
  readonly url: string;
  /**
   * Stops gracefully: no new connections (requests arriving meanwhile get 503), in-flight requests
   * finish, the timer loop stops after its current round, then `onClose` runs. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Listens, then starts the engine's timer loop (`engine.start()`: deadline warnings, overdue marks,
 * supplementation expiry, outbox delivery). Several processes may run it on one shared store:
 * timers and outbox items are leased, each fires once.
 */
export async function startService(options: ServiceOptions): Promise<Service> {
  const { app, engine } = options;
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
  engine.start({ intervalMs: options.timerIntervalMs ?? 1000 });
  const address = app.server.address();
  const url =
    typeof address === 'object' && address
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : String(address);
  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await engine.stop();
          await options.onClose?.();
        }
      })();
      return closing;
    },
  };
}

/**
 * Closes `service` on SIGINT or SIGTERM (a second signal exits at once) and sets the exit code:
 * 0 after a clean stop, 1 when closing failed.
 */
export function closeOnSignals(service: Service, log: (message: string) => void): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    signalled = true;
    log(`${signal}: stopping (finishing requests in flight and the current timer round)`);
    service.close().then(
      () => {
        log('stopped');
        process.exitCode = 0;
        // Nothing should keep the process alive now; if something does, do not hang the deploy.
        setTimeout(() => process.exit(0), 5000).unref();
      },
      (e: unknown) => {
        log(`stop failed: ${e instanceof Error ? e.name : typeof e}`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
