import { createServer, type Server, connect as tcpConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MotcuaError } from '../errors/motcua-error.js';
import { type TcpCutProxy, tcpCutProxy } from './tcp-cut-proxy.js';

/** An echo server on loopback. */
async function echo(): Promise<{ server: Server; port: number }> {
  const server = createServer((s) => s.pipe(s).on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** Connects, writes `text`, and resolves with what comes back or how the connection ended. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    let got = '';
    socket.on('connect', () => socket.write(text));
    socket.on('data', (d) => {
      got += d.toString();
      if (got.length >= text.length) {
        socket.end();
        resolve(got);
      }
    });
    socket.on('error', (e) => resolve(`error:${(e as NodeJS.ErrnoException).code}`));
    socket.on('close', () => resolve(got || 'closed'));
  });
}

describe('tcpCutProxy', () => {
  let proxy: TcpCutProxy | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await proxy?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    proxy = undefined;
    server = undefined;
  });

  it('forwards, cuts open connections and refuses new ones, then heals', async () => {
    const e = await echo();
    server = e.server;
    proxy = await tcpCutProxy({ target: { port: e.port } });
    expect(await roundTrip(proxy.port, 'xin chào')).toBe('xin chào');

    // An open connection is reset by the cut.
    const open = tcpConnect({ host: '127.0.0.1', port: proxy.port });
    await new Promise((resolve) => open.once('connect', resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ended = new Promise((resolve) => open.once('close', resolve));
    open.on('error', () => {});
    proxy.cut();
    await ended;
    expect(proxy.isCut()).toBe(true);
    expect(await roundTrip(proxy.port, 'a')).toMatch(/^(error:ECONNRESET|closed)$/);

    proxy.heal();
    expect(await roundTrip(proxy.port, 'lại')).toBe('lại');
    expect(proxy.stats()).toMatchObject({ forwarded: 3, refused: 1, severed: 1, cuts: 1 });
  });

  it('stalls open connections: bytes dropped both ways, sockets left open; new connections forwarded', async () => {
    const e = await echo();
    server = e.server;
    proxy = await tcpCutProxy({ target: { port: e.port } });
    const open = tcpConnect({ host: '127.0.0.1', port: proxy.port });
    await new Promise((resolve) => open.once('connect', resolve));
    let got = '';
    let closed = false;
    open.on('data', (d) => {
      got += d.toString();
    });
    open.on('close', () => {
      closed = true;
    });
    open.write('một');
    for (let i = 0; i < 100 && got.length < 5; i++) await new Promise((r) => setTimeout(r, 5));
    expect(got).toBe('một');
    proxy.stall();
    open.write('hai');
    // A fresh connection goes through (and its round trip gives the stalled one time to show up).
    expect(await roundTrip(proxy.port, 'ba')).toBe('ba');
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toBe('một');
    expect(closed).toBe(false);
    expect(proxy.stats()).toMatchObject({ stalled: 1, forwarded: 2 });
    open.destroy();
  });

  it('accepts loopback targets only, with a typed error naming the field', async () => {
    const error = await tcpCutProxy({ target: { host: '10.0.0.1', port: 4222 } }).catch((x) => x);
    expect(error).toBeInstanceOf(MotcuaError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', field: 'target.host' });
    expect(String(error)).not.toContain('10.0.0.1');
    await expect(tcpCutProxy({ target: { port: 0 } })).rejects.toMatchObject({ field: 'target.port' });
  });
});
