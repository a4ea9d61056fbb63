import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature header's name: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-motcua-signature';
/** The header naming which key signed (so keys can be rotated). */
export const KEY_ID_HEADER = 'x-motcua-key-id';

/**
 * The signature header of `body` sent at `now` with `secret`: `t=<unix seconds>,v1=<hex>` where
 * the hex is HMAC-SHA256 over `"<t>.<body>"` (the body exactly as sent).
 *
 * @example
 * ```ts
 * import { signBody } from '@motcua/connectors/sector-webhook';
 * signBody('{"eventId":"e1"}', 'a-long-shared-secret', new Date('2026-03-02T02:00:00Z'));
 * // 't=1772416800,v1=…'
 * ```
 */
export function signBody(body: string, secret: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
}

/** Why a signature is refused, or `null` when it is good and within the window. */
export function signatureProblem(
  header: string | undefined,
  body: string,
  secret: string,
  now: Date,
  windowSeconds: number,
): 'missing' | 'malformed' | 'bad' | 'stale' | null {
  if (!header) return 'missing';
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return 'bad';
  if (Math.abs(now.getTime() / 1000 - t) > windowSeconds) return 'stale';
  return null;
}
