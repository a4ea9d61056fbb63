import { invalidOption } from '../shared/connector-error.js';
import type { DvcqgDossierRecord } from './dossier-record.js';
import { NodePostFailure, nodePost } from './node-post.js';
import type { DvcqgStepEntry } from './step-entry.js';

/**
 * The portal's answer to one call, as received: the HTTP status and the parsed body (JSON, or
 * the text when it is not JSON). `httpStatus` is 0 when no answer came (`failure` says why).
 */
export interface DvcqgAnswer {
  readonly httpStatus: number;
  readonly body: unknown;
  /** No answer: the time ran out, or the connection failed or was reset. */
  readonly failure?: 'timeout' | 'network';
  /** The call that answered: the login (`auth`) or the service itself. */
  readonly stage?: 'auth' | 'service';
}

/**
 * How a target takes the dossier sync: the record created, the record updated, the step history
 * pushed. One call each, no retry inside (the engine's outbox retries with backoff); each resolves
 * to the target's answer, a failed connection included, and {@link classifyAnswer} reads it.
 */
export interface DvcqgTransport {
  create(records: readonly DvcqgDossierRecord[]): Promise<DvcqgAnswer>;
  update(records: readonly DvcqgDossierRecord[]): Promise<DvcqgAnswer>;
  steps(entries: readonly DvcqgStepEntry[]): Promise<DvcqgAnswer>;
}

/** Options of {@link lgspEnvelope}. */
export interface LgspEnvelopeOptions {
  /** The LGSP adapter's base URL, e.g. `https://lgsp.example.gov.vn/XrdAdapter/RestService/forward`. */
  readonly url: string;
  /** Path of the login under `url` (default `/auth`). */
  readonly authPath?: string;
  /** Path of the services under `url` (default `/integration`). */
  readonly servicePath?: string;
  /** The unit's identifier code (mã định danh đơn vị, `madonvi`), e.g. `000.00.14.H56`. */
  readonly unitCode: string;
  /** The adapter account: sent to the login only, never logged nor put in an error. */
  readonly credentials: { readonly username: string; readonly password: string };
  /** Time allowed for one call, answer included (default 10 000 ms); then it is aborted. */
  readonly timeoutMs?: number;
  /**
   * A `fetch` to call the adapter with (proxies, tests). Without it, calls go through `node:http(s)`
   * on the default keep-alive agents: about a fifth of `fetch`'s CPU per call.
   */
  readonly fetch?: typeof fetch;
}

/**
 * Posts JSON to `url` and reads the answer (JSON, else text); no answer in time is a `failure`.
 * With `doFetch` it goes through that `fetch`, else through `node:http(s)` ({@link nodePost}).
 */
export async function post(
  doFetch: typeof fetch | undefined,
  url: string,
  body: unknown,
  timeoutMs: number,
  stage: 'auth' | 'service',
  headers: Readonly<Record<string, string>> = {},
): Promise<DvcqgAnswer> {
  const sent = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...headers };
  try {
    let status: number;
    let text: string;
    if (doFetch) {
      const response = await doFetch(url, {
        method: 'POST',
        headers: sent,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } else {
      ({ status, text } = await nodePost(url, JSON.stringify(body), sent, timeoutMs));
    }
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Plain text answers (a step push on some targets): kept as text.
    }
    return { httpStatus: status, body: parsed, stage };
  } catch (e) {
    const name = (e as { name?: unknown } | null)?.name;
    const failure =
      e instanceof NodePostFailure
        ? e.failure
        : name === 'TimeoutError' || name === 'AbortError'
          ? 'timeout'
          : 'network';
    return { httpStatus: 0, body: null, failure, stage };
  }
}

/** Checks the options, naming the first bad one (never its value: it may be a credential). */
function checkOptions(o: LgspEnvelopeOptions): void {
  let url: URL | undefined;
  try {
    url = typeof o.url === 'string' ? new URL(o.url) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw invalidOption('url', 'an http(s) URL');
  for (const f of ['authPath', 'servicePath'] as const) {
    const path = o[f];
    if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/')))
      throw invalidOption(f, 'a path starting with /');
  }
  if (typeof o.unitCode !== 'string' || o.unitCode.trim() === '' || o.unitCode.length > 40)
    throw invalidOption('unitCode', 'the unit identifier code (1 to 40 characters)');
  for (const f of ['username', 'password'] as const) {
    const v = (o.credentials as Record<string, unknown> | undefined)?.[f];
    if (typeof v !== 'string' || v === '') throw invalidOption(`credentials.${f}`, 'required');
  }
  const t = o.timeoutMs;
  if (t !== undefined && (!Number.isInteger(t) || t < 1 || t > 300_000))
    throw invalidOption('timeoutMs', 'an integer from 1 to 300000');
}

/**
 * The LGSP adapter's envelope (the OpenCPS and Hà Giang systems' way to the national portal): a
 * login `{ username, password }` at `authPath` gives a session, then every call is one POST to
 * `servicePath` with `{ session, madonvi, service, isUpdating, data }`: `DongBoHoSoMC` creates the
 * record (`isUpdating: "False"`) or updates it (`"True"`), `CapNhatTienDoHoSoMC` adds step-history
 * entries (a chunk per call). The session is kept until the adapter refuses it (401): the call
 * that met the refusal is answered as is (the outbox tries again, with a new login). Each call is
 * aborted after `timeoutMs`; nothing is retried inside. Bad options throw
 * a `ConnectorError` (`INVALID_OPTION`) naming the option, never its value.
 *
 * @example
 * ```ts
 * import { lgspEnvelope } from '@motcua/connectors/dvcqg';
 * const transport = lgspEnvelope({
 *   url: 'https://lgsp.example.gov.vn/XrdAdapter/RestService/forward',
 *   unitCode: '000.00.14.H56',
 *   credentials: { username: 'motcua-h56', password: process.env.DVCQG_PASSWORD ?? '' },
 *   timeoutMs: 10_000,
 * });
 * ```
 */
export function lgspEnvelope(options: LgspEnvelopeOptions): DvcqgTransport {
  checkOptions(options);
  const doFetch = options.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.url.replace(/\/+$/, '');
  const authUrl = base + (options.authPath ?? '/auth');
  const serviceUrl = base + (options.servicePath ?? '/integration');
  const { credentials, unitCode } = options;
  let session: Promise<string | DvcqgAnswer> | undefined;

  const login = async (): Promise<string | DvcqgAnswer> => {
    const answer = await post(
      doFetch,
      authUrl,
      { username: credentials.username, password: credentials.password },
      timeoutMs,
      'auth',
    );
    const body = answer.body as { error_code?: unknown; session?: unknown } | null;
    if (answer.httpStatus === 200 && Number(body?.error_code) === 0 && typeof body?.session === 'string')
      return body.session;
    return answer;
  };

  const call = async (
    service: string,
    isUpdating: 'True' | 'False' | undefined,
    data: readonly unknown[],
  ) => {
    session ??= login();
    const current = await session;
    if (typeof current !== 'string') {
      session = undefined;
      return current;
    }
    const answer = await post(
      doFetch,
      serviceUrl,
      { session: current, madonvi: unitCode, service, ...(isUpdating ? { isUpdating } : {}), data },
      timeoutMs,
      'service',
    );
    if (answer.httpStatus === 401) session = undefined;
    return answer;
  };

  return {
    create: (records) => call('DongBoHoSoMC', 'False', records),
    update: (records) => call('DongBoHoSoMC', 'True', records),
    steps: (entries) => call('CapNhatTienDoHoSoMC', undefined, entries),
  };
}

/**
 * What an answer means for the sync:
 * - `ok` — the portal took it;
 * - `exists` — the record is already there ("đã tồn tại"): update it instead;
 * - `missing` — an update of a record the portal does not hold ("không tồn tại"): create it;
 * - `retry` — no answer, a timeout, a reset, 5xx, 408, 429, a refused or expired session: try later;
 * - `reject` — refused for good (4xx, an error code): a dead letter, naming the portal's field when
 *   the answer names one.
 *
 * `reason` never carries the portal's message (it may echo personal data): only the status and code.
 */
export type AnswerClass =
  | { readonly kind: 'ok' }
  | { readonly kind: 'exists' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'reject'; readonly reason: string; readonly field?: string };

/** A field path as the portal names them (`NgayHenTra`, `TaiLieuNop[2].DuongDanTaiTepTin`). */
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9_]*(\[\d{1,4}\])?(\.[A-Za-z][A-Za-z0-9_]*(\[\d{1,4}\])?){0,4}$/;

function fieldOf(body: { field?: unknown; message?: unknown }): string | undefined {
  if (typeof body.field === 'string' && body.field.length <= 120 && FIELD_PATH.test(body.field))
    return body.field;
  const named = typeof body.message === 'string' ? /Trường\s+(\S+)/u.exec(body.message)?.[1] : undefined;
  return named && named.length <= 120 && FIELD_PATH.test(named) ? named : undefined;
}

/**
 * Reads the portal's answer with the rules the provincial systems use: success is `error_code`
 * 0 (`0`, `"0"`, `"00"`), or a plain-text answer saying "thành công"; `error_code` 0, 3 or −3 with
 * "đã tồn tại" means the record exists (the Thanh Hóa system's rule).
 *
 * @example
 * ```ts
 * import { classifyAnswer } from '@motcua/connectors/dvcqg';
 * classifyAnswer({ httpStatus: 200, body: { error_code: 3, message: 'Hồ sơ đã tồn tại' } }); // { kind: 'exists' }
 * classifyAnswer({ httpStatus: 400, body: { error_code: 400, message: 'Trường NgayHenTra không hợp lệ' } });
 * // { kind: 'reject', reason: 'HTTP 400, error_code 400', field: 'NgayHenTra' }
 * ```
 */
export function classifyAnswer(answer: DvcqgAnswer): AnswerClass {
  const { httpStatus: status, body } = answer;
  if (answer.failure === 'timeout') return { kind: 'retry', reason: 'no answer in time' };
  if (answer.failure) return { kind: 'retry', reason: 'connection failed' };
  if (answer.stage === 'auth') return { kind: 'retry', reason: `login refused (HTTP ${status})` };
  if (status === 401 || status === 403) return { kind: 'retry', reason: `session refused (HTTP ${status})` };
  if (status === 408 || status === 429 || status >= 500)
    return { kind: 'retry', reason: `portal unavailable (HTTP ${status})` };
  if (typeof body === 'string') {
    if (/đã tồn tại/iu.test(body)) return { kind: 'exists' };
    if (status >= 200 && status < 300 && /thành công/iu.test(body)) return { kind: 'ok' };
    return { kind: 'reject', reason: `HTTP ${status}, not a success answer` };
  }
  const b = (body ?? {}) as { error_code?: unknown; message?: unknown; field?: unknown };
  const raw = b.error_code;
  const code =
    typeof raw === 'number' || (typeof raw === 'string' && /^-?\d{1,6}$/.test(raw)) ? Number(raw) : NaN;
  const message = typeof b.message === 'string' ? b.message : '';
  if ([0, 3, -3].includes(code) && /đã tồn tại/iu.test(message)) return { kind: 'exists' };
  if (code !== 0 && /không tồn tại/iu.test(message) && !fieldOf(b)) return { kind: 'missing' };
  if (status >= 200 && status < 300 && code === 0) return { kind: 'ok' };
  const field = fieldOf(b);
  const reason = `HTTP ${status}, error_code ${Number.isNaN(code) ? 'none' : code}`;
  return field ? { kind: 'reject', reason, field } : { kind: 'reject', reason };
}
