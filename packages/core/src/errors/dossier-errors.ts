import { describeValue, MotcuaError, safeText } from './motcua-error.js';

/** One problem found in input data: where, and why. */
export interface FieldIssue {
  /** Path of the field, e.g. `application.child.birthDate`. */
  readonly field: string;
  readonly message: string;
}

/**
 * Input data (an application, an event, a definition) failed its schema. `issues` lists every
 * field with its reason; values are not echoed, since they may hold personal data.
 *
 * @example
 * ```ts
 * import { type Engine, ValidationError } from '@motcua/core';
 * declare const engine: Engine;
 * try {
 *   await engine.receive({
 *     procedure: '1.004194', channel: 'in-person', actor: { officerId: 'desk-1', unitId: 'desk' },
 *     applicant: { fullName: '' }, application: {},
 *   });
 * } catch (e) {
 *   if (e instanceof ValidationError) for (const issue of e.issues) console.log(issue.field, issue.message);
 * }
 * ```
 */
export class ValidationError extends MotcuaError {
  readonly issues: readonly FieldIssue[];

  constructor(what: string, issues: readonly FieldIssue[]) {
    // At most 50 issues, each capped: a huge or hostile input never comes back whole.
    const kept = issues
      .slice(0, 50)
      .map((i) => ({ field: safeText(i.field, 200), message: safeText(i.message, 300) }));
    if (issues.length > kept.length)
      kept.push({ field: '…', message: `${issues.length - kept.length} more issue(s)` });
    const list = kept.map((i) => `${i.field}: ${i.message}`).join('; ');
    super('VALIDATION_FAILED', `${safeText(what, 100)} is invalid — ${list}`, { field: kept[0]?.field });
    this.issues = kept;
  }
}

/** A procedure definition breaks a rule (budgets over the limit, a step without a unit, …). */
export class DefinitionError extends MotcuaError {
  constructor(procedure: string, field: string, reason: string, value?: unknown) {
    super(
      'INVALID_DEFINITION',
      `procedure ${procedure}: ${field}: ${reason}${value === undefined ? '' : ` (got ${describeValue(value)})`}`,
      { field, value },
    );
  }
}

/** The actor may not act on the dossier in its current state (it does not hold it, or lacks the role). */
export class PermissionError extends MotcuaError {
  constructor(dossierCode: string, eventType: string, reason: string) {
    super('NOT_PERMITTED', `dossier ${dossierCode}: ${eventType} refused — ${reason}`, { field: 'actor' });
  }
}

/** The event does not apply in the dossier's current state (e.g. an event on a closed dossier). */
export class TransitionError extends MotcuaError {
  readonly state: string;

  constructor(dossierCode: string, eventType: string, state: string, reason: string) {
    super(
      'INVALID_TRANSITION',
      `dossier ${dossierCode}: ${eventType} not allowed in state ${state} — ${reason}`,
      {
        field: 'event.type',
        value: eventType,
      },
    );
    this.state = state;
  }
}

/**
 * Another command changed the dossier first (optimistic concurrency): nothing was written.
 * Load the dossier again and retry.
 */
export class ConflictError extends MotcuaError {
  readonly retryable = true;
  /**
   * What collided, when the store said: `version` (another command changed the dossier first),
   * `idempotency` (the key was used), `timer` (another worker fired the timer).
   */
  readonly reason: 'version' | 'idempotency' | 'timer' | undefined;

  constructor(dossierCode: string, detail: string, reason?: 'version' | 'idempotency' | 'timer') {
    super('CONFLICT', `dossier ${dossierCode}: ${detail}; retry`, { field: 'version' });
    this.reason = reason;
  }
}

/** No dossier (or no procedure) with that code. */
export class NotFoundError extends MotcuaError {
  constructor(what: string, code: string) {
    super('NOT_FOUND', `${what} ${code} not found`, { field: 'code', value: code });
  }
}

/**
 * An idempotency key already names another command — other content, another dossier or another
 * caller — so the command was not applied and nothing was written. A retry must repeat the first
 * command exactly; a new command needs a new key. (HTTP: 422, as the Idempotency-Key drafts advise.)
 */
export class IdempotencyKeyError extends MotcuaError {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'idempotencyKey: this key was used for another command; send a new key for a new command',
      { field: 'idempotencyKey' },
    );
  }
}

/**
 * The public lookup (tra cứu) of this dossier code is locked: too many failed guesses of its
 * secret in the current window, from any address. Nothing was compared. It heals by itself at
 * `retryAt` (HTTP: 429 with `Retry-After`); the desk may also reissue the secret, which lifts it.
 * The error is the same for codes that exist and codes that do not.
 */
export class LookupLockedError extends MotcuaError {
  readonly retryable = true;
  /** When the window ends and lookups of the code are answered again (ISO 8601, UTC). */
  readonly retryAt: string;
  /** Whole seconds from `now` to `retryAt` (at least 1): the `Retry-After` value. */
  readonly retryAfterSeconds: number;

  constructor(retryAt: string, now: Date) {
    super('LOOKUP_LOCKED', 'too many failed lookups of this dossier code; try again later', {
      field: 'code',
    });
    this.retryAt = retryAt;
    this.retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 1000));
  }
}
