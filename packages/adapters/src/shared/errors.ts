import { MotcuaError } from '@motcua/core';

/** Stable codes of {@link StoreError}. */
export type StoreErrorCode =
  /** The disk (or the database's size limit) is full: nothing of the failed commit was written. */
  | 'STORE_FULL'
  /** Another connection holds the write lock longer than the busy timeout: nothing was written. */
  | 'STORE_LOCKED'
  /** The database cannot be reached or the connection was lost; the operation may be retried. */
  | 'STORE_UNAVAILABLE'
  /** The tables are missing: call `await store.migrate()` first. */
  | 'STORE_NOT_MIGRATED'
  /** Any other database failure (the driver's error is the `cause`). */
  | 'STORE_FAILED';

/**
 * A failure of the database under a store, translated from the driver's error (kept as `cause`).
 * Version, idempotency and timer races are not StoreErrors: they are core's `StoreConflictError`.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { StoreError } from '@motcua/adapters';
 * declare const engine: Engine;
 * try {
 *   await engine.send('000.00.14.H56-260302-0001', { type: 'HAND_OVER', actor: { officerId: 'desk-1', unitId: 'desk' } }, {
 *     idempotencyKey: 'desk-1:hand-over:0001',
 *   });
 * } catch (e) {
 *   // retryable (locked, connection lost): send again with the same idempotency key
 *   if (e instanceof StoreError && e.retryable) console.warn(e.code);
 *   else throw e;
 * }
 * ```
 */
export class StoreError extends MotcuaError {
  declare readonly code: StoreErrorCode;
  /** True when the same operation may succeed if tried again later (locked, connection lost). */
  readonly retryable: boolean;

  constructor(code: StoreErrorCode, message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(code, message, options.cause === undefined ? {} : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}

/** `STORE_FULL`: the disk or the database size limit is reached; the failed write left nothing behind. */
export class StoreFullError extends StoreError {
  constructor(message: string, cause?: unknown) {
    super('STORE_FULL', message, { cause });
  }
}

/** `STORE_LOCKED`: another connection held the write lock past the busy timeout; nothing was written. */
export class StoreLockedError extends StoreError {
  constructor(message: string, cause?: unknown) {
    super('STORE_LOCKED', message, { cause, retryable: true });
  }
}

/**
 * `STORE_UNAVAILABLE`: the server cannot be reached or dropped the connection. A commit that failed
 * this way either happened whole or not at all; retry the command with the same idempotency key.
 */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', message, { cause, retryable: true });
  }
}

/** `STORE_NOT_MIGRATED`: the store's tables do not exist yet; run `await store.migrate()`. */
export class StoreNotMigratedError extends StoreError {
  constructor(message: string, cause?: unknown) {
    super('STORE_NOT_MIGRATED', message, { cause });
  }
}
