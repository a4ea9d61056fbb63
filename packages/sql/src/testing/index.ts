/**
 * @packageDocumentation
 * `@motcua/sql/testing` — the PostgreSQL test server helper the stores' tests share: the server
 * from `MOTCUA_PG_URL`, fresh schemas per run, and `describePostgres`, which fails under `CI=true`
 * when the server is missing and skips elsewhere. ESM only; needs vitest and pg. Importing it
 * probes the server once (top-level await).
 */
export {
  describePostgres,
  dropSchema,
  freshSchema,
  PG_URL,
  type PgTestMode,
  pgTestMode,
  testPool,
} from './postgres-test-server.js';
