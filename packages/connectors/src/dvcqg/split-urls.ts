import { invalidOption } from '../shared/connector-error.js';
import { type DvcqgTransport, post } from './transport.js';

/** Options of {@link splitUrls}. */
export interface SplitUrlsOptions {
  /** Where new records are posted (thêm mới). */
  readonly createUrl: string;
  /** Where records are updated (cập nhật). */
  readonly updateUrl: string;
  /** Where history entries are posted (đồng bộ tiến trình). */
  readonly stepsUrl: string;
  /** Extra headers (e.g. an API key): sent with every call, never logged nor put in an error. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Time allowed for one call, answer included (default 10 000 ms); then it is aborted. */
  readonly timeoutMs?: number;
  /** A `fetch` to call the URLs with (proxies, tests); without it, `node:http(s)`. */
  readonly fetch?: typeof fetch;
}

/**
 * The portal's dossier sync through three configured URLs, as some provincial systems call it
 * (the Thanh Hóa system's sync service): arrays of records posted to the create and the update
 * URL, history entries to the third, whose answer may be plain text ("… thành công"). No session;
 * any credential goes in `headers`. The answers are classified like the envelope's
 * (`classifyAnswer`), so the sync plugin works the same on either.
 *
 * @example
 * ```ts
 * import { dvcqgSync, splitUrls } from '@motcua/connectors/dvcqg';
 * import { MemorySyncLog } from '@motcua/connectors';
 * const dvcqg = dvcqgSync({
 *   transport: splitUrls({
 *     createUrl: 'https://dvc.example.gov.vn/api/dvcqg/them-moi',
 *     updateUrl: 'https://dvc.example.gov.vn/api/dvcqg/cap-nhat',
 *     stepsUrl: 'https://dvc.example.gov.vn/api/dvcqg/tien-trinh',
 *     headers: { 'x-api-key': process.env.DVCQG_KEY ?? '' },
 *   }),
 *   syncLog: new MemorySyncLog(),
 * });
 * ```
 */
export function splitUrls(options: SplitUrlsOptions): DvcqgTransport {
  for (const f of ['createUrl', 'updateUrl', 'stepsUrl'] as const) {
    let url: URL | undefined;
    try {
      url = typeof options[f] === 'string' ? new URL(options[f]) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw invalidOption(f, 'an http(s) URL');
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(name) || typeof value !== 'string')
      throw invalidOption('headers', 'header names of letters, digits and dashes, text values');
  }
  const t = options.timeoutMs;
  if (t !== undefined && (!Number.isInteger(t) || t < 1 || t > 300_000))
    throw invalidOption('timeoutMs', 'an integer from 1 to 300000');
  const doFetch = options.fetch;
  const timeoutMs = t ?? 10_000;
  const headers = options.headers ?? {};
  return {
    create: (records) => post(doFetch, options.createUrl, records, timeoutMs, 'service', headers),
    update: (records) => post(doFetch, options.updateUrl, records, timeoutMs, 'service', headers),
    steps: (entries) => post(doFetch, options.stepsUrl, entries, timeoutMs, 'service', headers),
  };
}
