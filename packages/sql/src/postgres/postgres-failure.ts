import type { SqlFailureKind } from '../failure-kind.js';
import { isTransientPostgresError } from './transient-conditions.js';

/**
 * Classifies an error from node-postgres, pg-pool or a socket: `full` (`53100`), `unavailable`
 * (one of the {@link transientPostgresConditions}, or a pool already ended), `locked` (`55P03`),
 * `conflict` (`40001` serialization failure, `40P01` deadlock), `not-migrated` (`42P01` undefined
 * table, `3F000` invalid schema), otherwise `failed`.
 *
 * @example
 * ```ts
 * import { postgresFailureKind } from '@motcua/sql/postgres';
 * postgresFailureKind(Object.assign(new Error('terminating connection'), { code: '57P01' })); // 'unavailable'
 * ```
 */
export function postgresFailureKind(error: unknown): SqlFailureKind {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '53100') return 'full';
  if (isTransientPostgresError(error) || /Cannot use a pool after calling end/i.test(message)) {
    return 'unavailable';
  }
  if (code === '55P03') return 'locked';
  if (code === '40001' || code === '40P01') return 'conflict';
  if (code === '42P01' || code === '3F000') return 'not-migrated';
  return 'failed';
}
