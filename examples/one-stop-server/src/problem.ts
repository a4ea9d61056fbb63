import {
  ConflictError,
  type FieldIssue,
  IdempotencyKeyError,
  LookupLockedError,
  MotcuaError,
  NotFoundError,
  PermissionError,
  TransitionError,
  ValidationError,
} from '@motcua/core';

/**
 * A problem response body (RFC 9457 `application/problem+json`). `code` is motcua's stable error
 * code (or this server's), `field` the input at fault. Values from the request are never copied
 * into one: they may be personal data.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly field?: string;
  readonly issues?: readonly FieldIssue[];
  /** True when the same request may succeed later (a conflict, a busy store). */
  readonly retryable?: boolean;
}

/** An HTTP-level failure raised by this server (missing actor, bad header, throttled lookup). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly field?: string,
    /** Seconds, sent as `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:motcua:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/** Fixed details for the framework's own client errors: its messages may quote the body. */
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported content type: send application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the JSON body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the body is too large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the content length does not match the body',
  URI_TOO_LONG: 'a part of the path is too long',
  BAD_URL: 'the URL is malformed',
};

/** What {@link toProblem} answers: the body, and whether the server should log the error as its own fault. */
export interface MappedProblem {
  readonly problem: Problem;
  readonly retryAfter?: number;
  /** A fault of the server (5xx), to be logged. */
  readonly serverFault: boolean;
}

/**
 * Fixed details for motcua's error codes. Never the error's own message: it may quote the request
 * (a dossier code, a procedure code, an unknown key's name, capped but still the caller's text).
 */
const DETAILS: Record<string, string> = {
  VALIDATION_FAILED: 'the request is invalid: see issues',
  NOT_PERMITTED: 'the actor may not do this to the dossier now',
  NOT_FOUND: 'nothing with this code was found',
  CONFLICT: 'the dossier changed meanwhile: read it again and retry',
  INVALID_TRANSITION: 'this event does not apply to the dossier in its current state',
  IDEMPOTENCY_KEY_REUSED: 'this Idempotency-Key was used for another request: send a new key',
  UNKNOWN_PROCEDURE: 'no procedure (or no such version) with this code',
  NO_VERSION_IN_FORCE: 'the procedure has no version in force on the receipt date',
  LOOKUP_FAILED: 'no dossier matches this code and secret',
  LOOKUP_LOCKED:
    'too many failed lookups of this dossier code; try again after Retry-After seconds, or ask the desk for a new secret',
  INVALID_INPUT: 'the message is invalid: see field',
  FILING_NOT_FOUND: 'no filing with this id has arrived yet: retry later',
  INVALID_INDEX_QUERY: 'the index query is invalid: see field',
};

/** A field path safe to send back: the path as motcua built it, or the top-level field only. */
function safeField(field: string): string {
  if (/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*|\[\d{1,6}\])*$/.test(field) && field.length <= 120)
    return field;
  const top = /^[A-Za-z][A-Za-z0-9]{0,40}/.exec(field);
  return top ? top[0] : 'body';
}

/** Issues as sent back: safe fields, and messages that never quote the caller (unknown keys unnamed). */
function safeIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.slice(0, 50).map((i) => ({
    field: safeField(i.field),
    message: i.message.startsWith('unknown key') ? 'unknown key(s)' : i.message.slice(0, 200),
  }));
}

/**
 * Maps an error to a problem response: motcua's `ValidationError` → 400 with the field and every
 * issue, `PermissionError` → 403, `NotFoundError` → 404, `ConflictError` and `TransitionError` →
 * 409, a reused idempotency key → 422, an invalid national-index query (unknown version, indicator, part) → 400 with the field, a failed public lookup → 404 (the same for an unknown code
 * and a wrong secret), a dossier code locked by too many failed lookups → 429 with `Retry-After`, a busy or unreachable store → 503, anything unexpected → 500 without
 * details. Details are fixed texts per code: nothing the caller sent is copied back.
 */
export function toProblem(error: unknown): MappedProblem {
  if (error instanceof HttpProblem) {
    return {
      problem: problem(error.status, error.code, error.message, error.field ? { field: error.field } : {}),
      ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
      serverFault: error.status >= 500,
    };
  }
  const fixed = (status: number, e: MotcuaError, extra: Partial<Problem> = {}): MappedProblem => ({
    problem: problem(status, e.code, DETAILS[e.code] ?? 'the request could not be done', extra),
    serverFault: false,
  });
  if (error instanceof ValidationError) {
    const issues = safeIssues(error.issues);
    return fixed(400, error, { ...(issues[0] ? { field: issues[0].field } : {}), issues });
  }
  if (error instanceof PermissionError) return fixed(403, error, { field: 'actor' });
  if (error instanceof NotFoundError) return fixed(404, error, { field: 'code' });
  if (error instanceof ConflictError) return fixed(409, error, { field: 'expectedVersion', retryable: true });
  if (error instanceof TransitionError) return fixed(409, error, { field: 'type' });
  if (error instanceof IdempotencyKeyError) return fixed(422, error, { field: 'Idempotency-Key' });
  if (error instanceof LookupLockedError) {
    return { ...fixed(429, error, { field: 'code', retryable: true }), retryAfter: error.retryAfterSeconds };
  }
  if (error instanceof MotcuaError) {
    if (error.code === 'LOOKUP_FAILED') return fixed(404, error);
    // The connectors' inbound messages (a portal filing or request).
    if (error.code === 'INVALID_INPUT')
      return fixed(400, error, error.field ? { field: safeField(error.field) } : {});
    // The national index: an unknown version, indicator or part.
    if (error.code === 'INVALID_INDEX_QUERY')
      return fixed(400, error, error.field ? { field: safeField(error.field) } : {});
    if (error.code === 'FILING_NOT_FOUND') return fixed(409, error, { field: 'filingId', retryable: true });
    if (error.code === 'UNKNOWN_PROCEDURE' || error.code === 'NO_VERSION_IN_FORCE') {
      return fixed(422, error, { field: error.field === 'version' ? 'version' : 'procedure' });
    }
    if (error.code === 'STORE_LOCKED' || error.code === 'STORE_UNAVAILABLE') {
      return {
        problem: problem(503, error.code, 'the store is busy or unreachable; retry', { retryable: true }),
        retryAfter: 1,
        serverFault: true,
      };
    }
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  const code = (error as { code?: unknown }).code;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const name = typeof code === 'string' ? code : 'BAD_REQUEST';
    const detail =
      FRAMEWORK_DETAILS[name] ??
      (error instanceof SyntaxError || name === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'the body is not valid JSON'
        : (TITLES[status] ?? 'bad request').toLowerCase());
    return { problem: problem(status, name, detail), serverFault: false };
  }
  return { problem: problem(500, 'INTERNAL', 'the server failed; the error was logged'), serverFault: true };
}
