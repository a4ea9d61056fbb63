import type { SqlFailure, SqlFailureKind } from '../failure-kind.js';
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

/**
 * What a log on PostgreSQL reports for a driver error: its kind and message, `where` first (e.g.
 * `PostgresSyncLog.ack`): a full disk says nothing was written, an unavailable server to retry, a
 * lock or a conflict (`locked`) that nothing was written, a missing table or schema says
 * `notMigrated` (what to run).
 *
 * @example
 * ```ts
 * import { describePostgresFailure } from '@motcua/sql/postgres';
 * const error = Object.assign(new Error('relation does not exist'), { code: '42P01' });
 * describePostgresFailure(error, {
 *   where: 'PostgresSyncLog.ack', notMigrated: 'schema "motcua" has no dvcqg_sync_dossiers table: run await syncLog.migrate()',
 * }).kind; // 'not-migrated'
 * ```
 */
export function describePostgresFailure(
  error: unknown,
  context: { readonly where: string; readonly notMigrated: string },
): SqlFailure {
  const { where } = context;
  const message = error instanceof Error ? error.message : String(error);
  switch (postgresFailureKind(error)) {
    case 'full':
      return { kind: 'full', message: `${where}: the PostgreSQL disk is full; nothing was written` };
    case 'unavailable':
      return {
        kind: 'unavailable',
        message: `${where}: PostgreSQL is unavailable for now (${message}); retry`,
      };
    case 'locked':
    case 'conflict':
      return { kind: 'locked', message: `${where}: ${message}; nothing was written, retry` };
    case 'not-migrated':
      return { kind: 'not-migrated', message: `${where}: ${context.notMigrated}` };
    default:
      return { kind: 'failed', message: `${where}: ${message}` };
  }
}
