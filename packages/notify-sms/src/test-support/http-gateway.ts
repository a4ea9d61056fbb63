/**
 * A real HTTP SMS gateway for tests and the benchmark: node:http on 127.0.0.1 (port 0). It records
 * every request, answers as told (200 / 500 / 400 / 429 / no answer / answer lost), and honours the
 * idempotency key the way a brandname gateway does: a key already accepted gets the same message id
 * and is not sent to the handset again. Not part of the package API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the gateway answers one request. */
type HttpBehaviour =
  | 'ok'
  | 'error-500'
  | 'error-503-retry-after'
  | 'error-400'
  | 'error-429'
  /** Never answers (the client's timeout aborts it). */
  | 'hang'
  /** Accepts the message (it goes to the handset), then drops the connection: the answer is lost. */
  | 'drop-after-accept'
  /** Accepts the message, but answers only when the test calls `releaseHeld()` (a slow gateway). */
  | 'held';

interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly behaviour: HttpBehaviour;
}

export interface HttpGateway {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Messages that reached the handset, by idempotency key (or a fresh id when there was none). */
  readonly handset: Map<string, { messageId: string; body: unknown }>;
  /** Queues behaviours for the next requests (then `ok`). */
  next(...behaviours: HttpBehaviour[]): void;
  /** Answers the requests held by the `held` behaviour (200, accepted). */
  releaseHeld(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startHttpGateway(
  options: { idempotencyHeader?: string; path?: string } = {},
): Promise<HttpGateway> {
  const header = (options.idempotencyHeader ?? 'Idempotency-Key').toLowerCase();
  const queue: HttpBehaviour[] = [];
  const requests: RecordedRequest[] = [];
  const handset = new Map<string, { messageId: string; body: unknown }>();
  const hanging = new Set<ServerResponse>();
  const held: (() => void)[] = [];
  let counter = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const behaviour = queue.shift() ?? 'ok';
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers, body, behaviour });
      const accept = () => {
        const key = headers[header] ?? `no-key-${++counter}`;
        let known = handset.get(key);
        if (!known) {
          known = { messageId: `gw-${String(handset.size + 1).padStart(6, '0')}`, body };
          handset.set(key, known);
        }
        return known.messageId;
      };
      const json = (status: number, value: unknown, extra: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...extra });
        res.end(JSON.stringify(value));
      };
      switch (behaviour) {
        case 'ok':
          json(200, { messageId: accept(), status: 'accepted' });
          return;
        case 'error-500':
          json(500, { error: 'internal error' });
          return;
        case 'error-503-retry-after':
          json(503, { error: 'busy' }, { 'retry-after': '0' });
          return;
        case 'error-400':
          // A gateway may echo the number it refused: it must not reach the provider's error.
          json(400, { error: `invalid destination ${(body as { to?: string }).to ?? ''}` });
          return;
        case 'error-429':
          json(429, { error: 'slow down' });
          return;
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        case 'drop-after-accept':
          accept();
          req.socket.destroy();
          return;
        case 'held': {
          const messageId = accept();
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          held.push(() => json(200, { messageId, status: 'accepted' }));
          return;
        }
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/send'}`,
    requests,
    handset,
    next: (...behaviours) => queue.push(...behaviours),
    releaseHeld() {
      for (const answer of held.splice(0)) answer();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
