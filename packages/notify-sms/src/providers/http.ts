import { z } from 'zod';
import { SmsError } from '../errors.js';
import {
  type DeliveryReceipt,
  type OutgoingSms,
  type ReceiptStatus,
  receiptStatusOf,
  redactNumbers,
  type SendResult,
  type SmsProvider,
  SmsProviderError,
} from './provider.js';

/** How the HTTP provider authenticates. */
export type HttpAuth =
  | { readonly bearer: string }
  | { readonly basic: { readonly username: string; readonly password: string } }
  | { readonly header: string; readonly value: string };

/** Options of {@link createHttpProvider}. */
export interface HttpProviderOptions {
  /** The gateway's send endpoint; the provider POSTs JSON to it. */
  readonly url: string;
  /** Name in the notice log (default `'http'`). */
  readonly name?: string;
  /** Extra headers (e.g. a brandname or an account id). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly auth?: HttpAuth;
  /**
   * Builds the JSON body from the message (default `{ id, to, text, encoding, segments }`). Map
   * to the gateway's field names here, e.g. `(m) => ({ phone: m.to.slice(1), sms: m.text, brandname: 'UBND' })`.
   */
  readonly body?: (message: OutgoingSms) => unknown;
  /**
   * Reads the gateway's message id from the parsed JSON answer (default: `messageId`, `message_id`
   * or `id` at the top level). When it gives none, the outbox id stands in.
   */
  readonly messageId?: (body: unknown) => string | undefined;
  /** Header carrying the outbox id as idempotency key (default `Idempotency-Key`); `false` for none. */
  readonly idempotencyHeader?: string | false;
  /** Time allowed for one request, answer included (default 10 000 ms); then it is aborted. */
  readonly timeoutMs?: number;
  /** Extra attempts on a network error, a timeout, 5xx, 408 or 429 (default 2). 4xx is never retried. */
  readonly retries?: number;
  /** Delay before the first extra attempt (default 250 ms); doubles each time. */
  readonly retryDelayMs?: number;
  /** Upper bound of a delay between attempts (default 5000 ms); also caps `Retry-After`. */
  readonly maxRetryDelayMs?: number;
  /** Replaces the global `fetch` (tests, proxies). */
  readonly fetch?: typeof fetch;
  /** How the provider waits between attempts (default `setTimeout`). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function defaultMessageId(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['messageId', 'message_id', 'id']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

function authHeaders(auth: HttpAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  if ('basic' in auth) {
    const token = Buffer.from(`${auth.basic.username}:${auth.basic.password}`, 'utf8').toString('base64');
    return { authorization: `Basic ${token}` };
  }
  return { [auth.header]: auth.value };
}

/** Seconds or an HTTP date in a `Retry-After` header, as milliseconds. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * A provider for brandname gateways with a JSON webhook: one POST per message, the outbox id in
 * an idempotency header (so a retry after a lost answer is not sent twice by a gateway that
 * honours it), a timeout per request (AbortController), retries with exponential backoff on
 * network errors, timeouts, 5xx, 408 and 429 (honouring `Retry-After`), and none on other 4xx,
 * which are permanent. Gateway answers never reach an error message (they may echo the number).
 *
 * @example
 * ```ts
 * import { createHttpProvider } from '@motcua/notify-sms';
 * const provider = createHttpProvider({
 *   url: 'https://sms.example.vn/api/send',
 *   auth: { bearer: process.env.SMS_TOKEN! },
 *   body: (m) => ({ to: m.to, content: m.text, unicode: m.encoding === 'UCS-2', ref: m.id }),
 * });
 * ```
 */
export function createHttpProvider(options: HttpProviderOptions): SmsProvider {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const baseDelay = options.retryDelayMs ?? 250;
  const maxDelay = options.maxRetryDelayMs ?? 5000;
  const idempotencyHeader = options.idempotencyHeader ?? 'Idempotency-Key';
  const readId = options.messageId ?? defaultMessageId;
  const buildBody =
    options.body ??
    ((m: OutgoingSms) => ({ id: m.id, to: m.to, text: m.text, encoding: m.encoding, segments: m.segments }));
  const fixedHeaders = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...options.headers,
    ...authHeaders(options.auth),
  };

  /** One request: a result, or an error saying whether another attempt may help. */
  const attempt = async (
    message: OutgoingSms,
    body: string,
  ): Promise<SendResult | { retry: SmsProviderError; afterMs?: number }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          ...fixedHeaders,
          ...(idempotencyHeader === false ? {} : { [idempotencyHeader]: message.id }),
        },
        body,
        signal: controller.signal,
      });
      const text = await response.text();
      if (response.ok) {
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        return { providerMessageId: readId(parsed) ?? message.id };
      }
      const what = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        const afterMs = retryAfterMs(response.headers.get('retry-after'));
        return {
          retry: new SmsProviderError(true, `gateway answered ${what}`, { status: response.status }),
          ...(afterMs === undefined ? {} : { afterMs }),
        };
      }
      throw new SmsProviderError(false, `gateway refused the message: ${what}`, { status: response.status });
    } catch (e) {
      if (e instanceof SmsProviderError) throw e;
      const reason = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : `network error: ${redactNumbers(e instanceof Error ? (describeCause(e) ?? e.message) : String(e))}`;
      return { retry: new SmsProviderError(true, `gateway unreachable (${reason})`) };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    name: options.name ?? 'http',
    async send(message) {
      const body = JSON.stringify(buildBody(message));
      let last: SmsProviderError | undefined;
      for (let i = 0; i <= retries; i++) {
        const outcome = await attempt(message, body);
        if (!('retry' in outcome)) return outcome;
        last = outcome.retry;
        if (i === retries) break;
        const backoff = Math.min(maxDelay, baseDelay * 2 ** i);
        await sleep(Math.min(maxDelay, outcome.afterMs ?? backoff));
      }
      throw new SmsProviderError(
        true,
        `${last?.message ?? 'gateway unavailable'} after ${retries + 1} attempts`,
        {
          ...(last?.status === undefined ? {} : { status: last.status }),
        },
      );
    },
  };
}

function describeCause(e: Error): string | undefined {
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? code : cause.message;
  }
  return undefined;
}

/** Where {@link parseHttpDeliveryReceipt} finds the fields of a gateway's receipt webhook. */
export interface HttpReceiptMapping {
  /** Field of the gateway message id (default: `messageId`, `message_id` or `id`); dots for nesting. */
  readonly idField?: string;
  /** Field of the status word (default: `status`, `stat` or `state`); dots for nesting. */
  readonly statusField?: string;
  /** Field of the error code, when the gateway sends one (default: `error` or `err`). */
  readonly errorField?: string;
  /** Extra status words, e.g. `{ '0': 'delivered', '2': 'failed' }`; checked before the built-in ones. */
  readonly statuses?: Readonly<Record<string, ReceiptStatus>>;
}

const ReceiptBodySchema = z.record(z.string(), z.unknown());

function pick(body: Record<string, unknown>, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function first(body: Record<string, unknown>, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const value = pick(body, path);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/**
 * Reads a delivery-receipt webhook of an HTTP gateway (a JSON body, as text or parsed) into a
 * {@link DeliveryReceipt}. The status word goes through `statuses`, then `receiptStatusOf`.
 * Throws `INVALID_RECEIPT` without the id or with an unknown status; the error never repeats the body.
 *
 * @example
 * ```ts
 * import { parseHttpDeliveryReceipt } from '@motcua/notify-sms';
 * const receipt = parseHttpDeliveryReceipt('{"messageId":"gw-42","status":"DELIVERED"}');
 * // then: await engine.command('sms.deliveryReceipt', receipt)
 * ```
 */
export function parseHttpDeliveryReceipt(body: unknown, mapping: HttpReceiptMapping = {}): DeliveryReceipt {
  let value = body;
  if (typeof value === 'string' || value instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof value === 'string' ? value : Buffer.from(value).toString('utf8'));
    } catch {
      throw new SmsError('INVALID_RECEIPT', 'delivery receipt: the body is not JSON', { field: 'body' });
    }
  }
  const parsed = ReceiptBodySchema.safeParse(value);
  if (!parsed.success) {
    throw new SmsError('INVALID_RECEIPT', 'delivery receipt: expected a JSON object', { field: 'body' });
  }
  const record = parsed.data;
  const idPaths = mapping.idField ? [mapping.idField] : ['messageId', 'message_id', 'id'];
  const statusPaths = mapping.statusField ? [mapping.statusField] : ['status', 'stat', 'state'];
  const id = first(record, idPaths);
  if (id === undefined) {
    throw new SmsError('INVALID_RECEIPT', `delivery receipt: no message id in ${idPaths.join(' / ')}`, {
      field: idPaths[0] ?? 'id',
    });
  }
  const word = first(record, statusPaths);
  const status =
    word === undefined ? undefined : (mapping.statuses?.[word] ?? receiptStatusOf(word.replace(/\s/g, '')));
  if (word === undefined || status === undefined) {
    throw new SmsError(
      'INVALID_RECEIPT',
      `delivery receipt: ${word === undefined ? 'no status' : 'unknown status'} in ${statusPaths.join(' / ')}`,
      { field: statusPaths[0] ?? 'status', ...(word === undefined ? {} : { value: word.slice(0, 20) }) },
    );
  }
  const error = first(record, mapping.errorField ? [mapping.errorField] : ['error', 'err']);
  return {
    providerMessageId: id,
    status,
    raw: word,
    ...(error === undefined ? {} : { error: redactNumbers(error).slice(0, 40) }),
  };
}
