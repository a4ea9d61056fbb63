/**
 * @packageDocumentation
 * `@motcua/connectors/testing` — the behaviour every `SyncLog` must have, as a vitest suite
 * ({@link syncLogConformanceSuite}) that the memory, SQLite and PostgreSQL logs run, and that a
 * sync log of your own can run too. ESM only; needs vitest.
 */
export { type SyncLogSuiteOptions, syncLogConformanceSuite } from './sync-log-conformance.js';
