import { invalidOption } from './connector-error.js';

/** The tables of a durable sync log in a database, named from its `tablePrefix`. */
export interface SyncLogTables {
  /** One row per target and dossier (`<prefix>sync_dossiers`). */
  readonly dossiers: string;
  /** One row per target, dossier and version: the step-history entries (`<prefix>sync_steps`). */
  readonly steps: string;
  /** The migrations applied (`<prefix>sync_migrations`). */
  readonly migrations: string;
}

/** One schema migration of a durable sync log: SQL for the given table names, applied once, in order. */
export interface SyncLogMigration {
  /** 1, 2, …: recorded in the `<prefix>sync_migrations` table. */
  readonly version: number;
  /** E.g. `001_init`. */
  readonly name: string;
  /** The SQL text for these (already quoted) table names; idempotent by itself. */
  readonly sql: (tables: SyncLogTables & { readonly prefix: string }) => string;
}

/** What `migrate()` of a durable sync log did. */
export interface SyncLogMigrationResult {
  /** Names of the migrations this call applied (empty when the tables were up to date). */
  readonly applied: readonly string[];
  /** The schema version after the call. */
  readonly version: number;
}

/** The default `tablePrefix` of the durable sync logs: tables `dvcqg_sync_dossiers`, `dvcqg_sync_steps`, … */
export const DEFAULT_SYNC_TABLE_PREFIX = 'dvcqg_';

const IDENTIFIER = /^([a-z_][a-z0-9_]{0,39})?$/;

/**
 * Checks a table prefix or schema name: lower-case letters, digits and `_` (at most 40), so the
 * names need no quoting rules of their own. The value is not repeated.
 * @throws `ConnectorError` `INVALID_OPTION` naming `field`.
 */
export function checkedIdentifier(field: string, value: unknown, allowEmpty = false): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value) || (!allowEmpty && value === ''))
    throw invalidOption(
      field,
      'expected at most 40 lower-case letters, digits and _, starting with a letter or _',
    );
  return value;
}

/** Checks a sync log's `target` (e.g. `dvcqg`, `igate-moha`). @throws `ConnectorError` `INVALID_OPTION` naming `target`. */
export function checkedTarget(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(value))
    throw invalidOption(
      'target',
      'expected at most 40 lower-case letters, digits and dashes, starting with a letter',
    );
  return value;
}

/** An instant as the canonical text the SQLite columns hold (`…T02:30:00.000Z`), so they compare as text. */
export const canonicalInstant = (value: string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** From `createdAt` to `at`, in ms, never negative. */
export const lagFrom = (createdAt: string, at: Date): number =>
  Math.max(0, at.getTime() - Date.parse(createdAt));

const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

/**
 * Checks what a sync log is asked to record (the same rules in every implementation): a dossier
 * code, positive integer versions, valid instants, non-negative lags. Nothing is stored when it
 * throws. @throws `ConnectorError` `INVALID_OPTION` naming the argument, never its value.
 */
export function checkSyncInput(input: {
  readonly code: unknown;
  readonly version?: unknown;
  readonly versions?: readonly unknown[];
  /** Entries to keep, one per version. */
  readonly keep?: unknown;
  readonly at?: unknown;
  readonly createdAt?: unknown;
  readonly receivedAt?: unknown;
  readonly lagMs?: unknown;
  readonly error?: unknown;
}): void {
  const { code } = input;
  if (typeof code !== 'string' || code.length === 0 || code.length > 200)
    throw invalidOption('code', 'a dossier code of 1 to 200 characters');
  const positive = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
  if ('version' in input && !positive(input.version)) throw invalidOption('version', 'a positive integer');
  if (input.versions?.some((v) => !positive(v))) throw invalidOption('versions', 'positive integers');
  if (
    input.keep !== undefined &&
    (!Array.isArray(input.keep) || input.keep.length !== input.versions?.length)
  )
    throw invalidOption('keep', 'one entry per version');
  if ('at' in input && !isDate(input.at)) throw invalidOption('at', 'a valid Date');
  if ('createdAt' in input && !isInstant(input.createdAt)) throw invalidOption('createdAt', 'an ISO instant');
  if ('receivedAt' in input && input.receivedAt !== null && !isInstant(input.receivedAt))
    throw invalidOption('receivedAt', 'an ISO instant or null');
  if ('lagMs' in input && !(Number.isSafeInteger(input.lagMs) && (input.lagMs as number) >= 0))
    throw invalidOption('lagMs', 'a non-negative integer');
  if ('error' in input && (typeof input.error !== 'string' || input.error.length > 2000))
    throw invalidOption('error', 'a text of at most 2000 characters');
}
