import { createServer, type Server, type Socket } from 'node:net';

/** A {@link pgDroppingServer} listening on loopback. */
export interface PgDroppingServer {
  /** `postgres://motcua@127.0.0.1:<port>/motcua`: give it to the client under test. */
  readonly url: string;
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

const message = (type: string, body: Buffer): Buffer => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};

const int32 = (...values: number[]): Buffer => {
  const b = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) b.writeInt32BE(v, i * 4);
  return b;
};

/** An ErrorResponse: severity FATAL, SQLSTATE `57P01`, as PostgreSQL sends it on `pg_terminate_backend`. */
const terminated = (): Buffer => {
  const field = (tag: string, text: string) => Buffer.from(`${tag}${text}\0`, 'utf8');
  return message(
    'E',
    Buffer.concat([
      field('S', 'FATAL'),
      field('V', 'FATAL'),
      field('C', '57P01'),
      field('M', 'terminating connection due to administrator command'),
      Buffer.from([0]),
    ]),
  );
};

/**
 * A minimal PostgreSQL wire-protocol (v3) server on 127.0.0.1 for tests of the worst-timed fault:
 * every connection is accepted (AuthenticationOk, BackendKeyData, ReadyForQuery) and then, in the
 * same TCP segment, terminated as `pg_terminate_backend` does (FATAL `57P01`) and closed. A client
 * therefore fails in the very turn its pool hands it out, before any caller could attach an
 * `'error'` listener after `await pool.connect()`.
 *
 * @example
 * ```ts
 * import { PostgresStore } from '@motcua/adapters/postgres';
 * import { pgDroppingServer } from '@motcua/core/testing';
 * import { expect } from 'vitest';
 * const server = await pgDroppingServer();
 * const store = new PostgresStore({ connectionString: server.url });
 * await expect(store.load('X')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
 * ```
 */
export async function pgDroppingServer(): Promise<PgDroppingServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 8) {
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        buffered = buffered.subarray(length);
        if (code === 80_877_103 || code === 80_877_104) {
          socket.write('N'); // SSL or GSS encryption request: not supported here
          continue;
        }
        // The startup message: the session is ready, and at once it is terminated.
        socket.end(
          Buffer.concat([
            message('R', int32(0)),
            message('K', int32(4242, 4242)),
            message('Z', Buffer.from('I', 'latin1')),
            terminated(),
          ]),
        );
        return;
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `postgres://motcua@127.0.0.1:${port}/motcua`,
    port,
    connections: () => accepted,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
