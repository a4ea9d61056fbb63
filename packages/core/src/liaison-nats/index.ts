/**
 * @packageDocumentation
 * `@motcua/core/liaison-nats` — the liaison transport over NATS JetStream. Needs the `nats` package
 * (an optional peer dependency of `@motcua/core`): `pnpm add nats`.
 */
export type { NatsConnectionState, NatsTransportHealth } from './connection-health.js';
export {
  agencyToken,
  type NatsErrorInfo,
  type NatsTransport,
  type NatsTransportOptions,
  natsTransport,
} from './nats-transport.js';
