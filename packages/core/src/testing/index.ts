/**
 * @packageDocumentation
 * `@motcua/core/testing` — what store adapters and vendors' tests reuse: the store conformance
 * suite (needs vitest), a sample procedure and fixtures, a loopback TCP proxy that cuts the network, a
 * PostgreSQL stand-in that terminates every session as soon as it is ready.
 */

export {
  type TcpCutProxy,
  type TcpCutProxyOptions,
  type TcpCutProxyStats,
  tcpCutProxy,
} from '../liaison-nats/tcp-cut-proxy.js';
export {
  handOverCommit,
  newDossierCommit,
  sampleActors,
  sampleEngine,
  sampleProcedure,
  sampleReceipt,
  testCalendar,
} from './fixtures.js';
export { hostileValue, mutated } from './hostile-values.js';
export { type PgDroppingServer, pgDroppingServer } from './pg-dropping-server.js';
export { sampleResidenceDefinition } from './sample-procedure.js';
export { type ConformanceOptions, storeConformanceSuite } from './store-conformance.js';
