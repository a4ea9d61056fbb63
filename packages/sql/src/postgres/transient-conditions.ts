/** How a {@link TransientPostgresCondition} recognises an error. */
export type TransientPostgresMatch =
  /** The error's `code` is this SQLSTATE. */
  | 'sqlstate'
  /** The error's `code` is a SQLSTATE of this class (its first two characters). */
  | 'sqlstate-class'
  /** The error's `code` is this Node.js system error code (a socket's). */
  | 'node-code'
  /** The error's message contains this text (node-postgres' own errors, which carry no code). */
  | 'message';

/** One condition under which a PostgreSQL operation failed for now but may succeed if tried again. */
export interface TransientPostgresCondition {
  readonly match: TransientPostgresMatch;
  /** The SQLSTATE, class, Node code or message text. */
  readonly value: string;
  /** What it means, in a few words. */
  readonly meaning: string;
}

/**
 * Every failure the PostgreSQL stores treat as transient: the database refused or lost the
 * connection, ran out of a resource for now, or cancelled a statement that ran past
 * `statement_timeout` (`postgresFailureKind` gives `unavailable`). The engine's `PostgresStore`
 * answers each with the retryable `STORE_UNAVAILABLE` (HTTP 503 in the example server), the SMS
 * plugin's `PostgresNoticeLog` with `NOTICE_LOG_UNAVAILABLE`. A transaction that failed this way
 * was rolled back whole or committed whole; retry the command with the same idempotency key. Any
 * other failure is `failed`, except the ones with a kind of their own: `53100` disk full (`full`),
 * `55P03` lock not available (`locked`), `40001` / `40P01` serialization failure / deadlock
 * (`conflict`), `42P01` / `3F000` missing tables or schema (`not-migrated`).
 */
export const transientPostgresConditions: readonly TransientPostgresCondition[] = [
  { match: 'sqlstate-class', value: '08', meaning: 'connection exception (cannot connect, connection lost)' },
  {
    match: 'sqlstate',
    value: '57P01',
    meaning: 'admin_shutdown: backend terminated (pg_terminate_backend, fast shutdown)',
  },
  {
    match: 'sqlstate',
    value: '57P02',
    meaning: 'crash_shutdown: another backend crashed, the server restarts',
  },
  {
    match: 'sqlstate',
    value: '57P03',
    meaning: 'cannot_connect_now: the server is starting up or shutting down',
  },
  { match: 'sqlstate', value: '57P05', meaning: 'idle_session_timeout: the server closed an idle session' },
  { match: 'sqlstate', value: '57014', meaning: 'query_canceled: statement_timeout or a cancel request' },
  { match: 'sqlstate', value: '25P03', meaning: 'idle_in_transaction_session_timeout: session closed' },
  {
    match: 'sqlstate',
    value: '25006',
    meaning: 'read_only_sql_transaction: connected to a standby (failover)',
  },
  {
    match: 'sqlstate',
    value: '55000',
    meaning: 'object_not_in_prerequisite_state: database not accepting connections (ALLOW_CONNECTIONS false)',
  },
  { match: 'sqlstate', value: '55006', meaning: 'object_in_use: the database is being accessed or altered' },
  { match: 'sqlstate', value: '53000', meaning: 'insufficient_resources' },
  { match: 'sqlstate', value: '53200', meaning: 'out_of_memory' },
  { match: 'sqlstate', value: '53300', meaning: 'too_many_connections (max_connections reached)' },
  { match: 'sqlstate', value: '53400', meaning: 'configuration_limit_exceeded' },
  { match: 'node-code', value: 'ECONNREFUSED', meaning: 'nothing listens at the address' },
  { match: 'node-code', value: 'ECONNRESET', meaning: 'the connection was reset' },
  { match: 'node-code', value: 'ECONNABORTED', meaning: 'the connection was aborted' },
  { match: 'node-code', value: 'EPIPE', meaning: 'written to a closed connection' },
  { match: 'node-code', value: 'ETIMEDOUT', meaning: 'the connection or TCP keepalive timed out' },
  { match: 'node-code', value: 'EHOSTUNREACH', meaning: 'no route to the host' },
  { match: 'node-code', value: 'ENETUNREACH', meaning: 'no route to the network' },
  { match: 'node-code', value: 'ENOTFOUND', meaning: 'the host name does not resolve (DNS)' },
  { match: 'node-code', value: 'EAI_AGAIN', meaning: 'DNS temporarily failed' },
  {
    match: 'message',
    value: 'Connection terminated',
    meaning: 'node-postgres: the connection ended (also by connection timeout)',
  },
  { match: 'message', value: 'connection error', meaning: 'node-postgres: the connection failed' },
  {
    match: 'message',
    value: 'not queryable',
    meaning: 'node-postgres: the client already lost its connection',
  },
  {
    match: 'message',
    value: 'timeout exceeded when trying to connect',
    meaning: 'pg-pool: no connection within connectionTimeoutMs',
  },
  {
    match: 'message',
    value: 'Query read timeout',
    meaning: 'node-postgres: no answer within queryTimeoutMs',
  },
];

const codes = new Set(
  transientPostgresConditions
    .filter((c) => c.match !== 'message' && c.match !== 'sqlstate-class')
    .map((c) => c.value),
);
const classes = transientPostgresConditions.filter((c) => c.match === 'sqlstate-class').map((c) => c.value);
const messages = transientPostgresConditions
  .filter((c) => c.match === 'message')
  .map((c) => c.value.toLowerCase());

/**
 * Whether `error` (from node-postgres, pg-pool or a socket; its `cause` chain is followed) is one of
 * the {@link transientPostgresConditions}.
 *
 * @example
 * ```ts
 * import { isTransientPostgresError } from '@motcua/sql/postgres';
 * isTransientPostgresError(Object.assign(new Error('terminating connection'), { code: '57P01' })); // true
 * isTransientPostgresError(Object.assign(new Error('duplicate key'), { code: '23505' })); // false
 * ```
 */
export function isTransientPostgresError(error: unknown): boolean {
  for (let e = error, depth = 0; e !== null && e !== undefined && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (codes.has(code) || classes.some((k) => code.startsWith(k)))) return true;
    const message = e instanceof Error ? e.message.toLowerCase() : '';
    if (messages.some((m) => message.includes(m))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
