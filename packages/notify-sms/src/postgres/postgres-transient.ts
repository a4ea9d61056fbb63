/**
 * SQLSTATEs (and classes), Node socket codes and node-postgres messages of a PostgreSQL failure
 * that may succeed if tried again: the same set as `transientPostgresConditions` of
 * `@motcua/adapters/postgres` (a test keeps them equal; notify-sms does not depend on the adapters).
 */
const SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '57014',
  '25P03',
  '25006',
  '55000',
  '55006',
  '53000',
  '53200',
  '53300',
  '53400',
]);
const SQLSTATE_CLASSES = ['08'];
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const MESSAGES = [
  'connection terminated',
  'connection error',
  'not queryable',
  'timeout exceeded when trying to connect',
  'query read timeout',
];

/** The conditions, for the parity test with the adapters' table. */
export const noticeLogTransientConditions = {
  sqlstates: [...SQLSTATES],
  sqlstateClasses: SQLSTATE_CLASSES,
  nodeCodes: [...NODE_CODES],
  messages: MESSAGES,
} as const;

/** Whether a node-postgres / pg-pool / socket error (or one in its `cause` chain) is transient. */
export function isTransientPostgresFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e !== null && e !== undefined && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (SQLSTATES.has(code) || NODE_CODES.has(code) || SQLSTATE_CLASSES.some((k) => code.startsWith(k)))
    ) {
      return true;
    }
    const message = e instanceof Error ? e.message.toLowerCase() : '';
    if (MESSAGES.some((m) => message.includes(m))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
