import {
  ConflictError,
  type FieldIssue,
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
};

/** What {@link toProblem} answers: the body, and whether the server should log the error as its own fault. */
export interface MappedProblem {
  readonly problem: Problem;
  readonly retryAfter?: number;
  /** A fault of the server (5xx), to be logged. */
  readonly serverFault: boolean;
}

/**
 * Maps an error to a problem response: motcua's `ValidationError` → 400 with the field and every
 * issue, `PermissionError` → 403, `NotFoundError` → 404, `ConflictError` and `TransitionError` →
 * 409, a failed public lookup → 404 (the same for an unknown code and a wrong secret), a busy or
 * unreachable store → 503, anything unexpected → 500 without details.
 */
export function toProblem(error: unknown): MappedProblem {
  if (error instanceof HttpProblem) {
    return {
      problem: problem(error.status, error.code, error.message, error.field ? { field: error.field } : {}),
      ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}),
      serverFault: error.status >= 500,
    };
  }
  if (error instanceof ValidationError) {
    return {
      problem: problem(400, error.code, error.message, {
        ...(error.field ? { field: error.field } : {}),
        issues: error.issues,
      }),
      serverFault: false,
    };
  }
  if (error instanceof PermissionError) {
    return { problem: problem(403, error.code, error.message, { field: 'actor' }), serverFault: false };
  }
  if (error instanceof NotFoundError) {
    return { problem: problem(404, error.code, error.message, { field: 'code' }), serverFault: false };
  }
  if (error instanceof ConflictError) {
    return {
      problem: problem(409, error.code, error.message, { field: 'expectedVersion', retryable: true }),
      serverFault: false,
    };
  }
  if (error instanceof TransitionError) {
    return { problem: problem(409, error.code, error.message, { field: 'type' }), serverFault: false };
  }
  if (error instanceof MotcuaError) {
    if (error.code === 'LOOKUP_FAILED') {
      return {
        problem: problem(404, error.code, 'no dossier matches this code and secret'),
        serverFault: false,
      };
    }
    if (error.code === 'UNKNOWN_PROCEDURE' || error.code === 'NO_VERSION_IN_FORCE') {
      return { problem: problem(422, error.code, error.message, { field: 'procedure' }), serverFault: false };
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
