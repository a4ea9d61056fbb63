/**
 * @packageDocumentation
 * `@motcua/connectors/testing` — the behaviour every `SyncLog` must have, as a vitest suite
 * ({@link syncLogConformanceSuite}) that the memory, SQLite and PostgreSQL logs run, and that a
 * sync log of your own can run too; and a simulator of the national portal on loopback
 * ({@link startDvcqgSimulator}) with its failure modes, for integration tests. ESM only; the suite
 * needs vitest.
 */
export {
  type DvcqgSimulator,
  type SimCall,
  type SimFault,
  type SimRecord,
  type SimService,
  startDvcqgSimulator,
} from './dvcqg-simulator.js';
export { type SyncLogSuiteOptions, syncLogConformanceSuite } from './sync-log-conformance.js';
