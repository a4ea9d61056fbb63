/**
 * A dossier's life drawn live: the engine's inspection stream through `@statelyai/inspect`'s
 * WebSocket inspector (the client the Stately inspector's local server listens for) to a real
 * WebSocket peer on loopback, masked on the way.
 */

import { createWebSocketInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleProcedure, sampleReceipt } from '../testing/fixtures.js';
import { maskInspection } from './inspection.js';

const { desk, police, leader } = sampleActors;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A WebSocket server on an ephemeral loopback port that keeps every message it receives. */
async function peer(): Promise<{ url: string; received: string[] }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const received: string[] = [];
  server.on('connection', (socket) => socket.on('message', (data) => received.push(String(data))));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}`, received };
}

/** Waits until `done()` holds, polling; fails after `tries` polls (the test stops by itself). */
async function until(done: () => boolean, tries = 500): Promise<void> {
  for (let i = 0; i < tries && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(done()).toBe(true);
}

describe('watching a dossier live with the Stately inspector', () => {
  it('sends the machine, the receipt and every transition over WebSocket, masked', async () => {
    const { url, received } = await peer();
    const inspector = createWebSocketInspector({ url });
    cleanups.push(() => inspector.stop());
    const procedure = sampleProcedure();
    const { engine, clock } = sampleEngine(new MemoryStore(), {
      inspect: maskInspection(inspector.inspect, [procedure]),
    });

    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    const events = [
      { type: 'HAND_OVER' as const, actor: desk },
      { type: 'HAND_OVER' as const, actor: police },
      { type: 'HAND_OVER' as const, actor: leader },
      { type: 'HAND_OVER' as const, actor: police },
      { type: 'RETURN_RESULT' as const, actor: desk },
    ];
    for (const e of events) {
      clock.advance({ hours: 2 });
      await engine.send(d.code, e);
    }
    const expected = 3 + 2 * events.length;
    await until(() => received.length >= expected);
    expect(received).toHaveLength(expected);

    const messages = received.map((m) => JSON.parse(m) as StatelyInspectionEvent);
    expect(messages.map((m) => m.type)).toEqual([
      '@xstate.actor',
      '@xstate.event',
      '@xstate.snapshot',
      ...events.flatMap(() => ['@xstate.event', '@xstate.snapshot']),
    ]);
    for (const m of messages) expect(m).toMatchObject({ sessionId: d.code, rootId: d.code });

    // The machine to draw: the procedure's definition, every state.
    const actor = messages[0] as Extract<StatelyInspectionEvent, { type: '@xstate.actor' }>;
    expect(actor.name).toBe(procedure.machine.id);
    const definition = JSON.parse(actor.definition!) as { id: string; states: Record<string, unknown> };
    expect(definition.id).toBe(procedure.machine.id);
    // (@statelyai/inspect writes keys in sorted order.)
    expect(Object.keys(definition.states).sort()).toEqual(Object.keys(procedure.machine.root.states).sort());
    expect(actor.snapshot).toMatchObject({ value: { processing: 'receive' }, status: 'active' });

    // The receipt as xstate.init, then each event and the state it led to.
    const pairs = messages.slice(1).map((m) => {
      if (m.type !== '@xstate.snapshot') return [m.type, (m as { event?: unknown }).event];
      const snapshot = m.snapshot as unknown as { value: unknown; status: string };
      return [m.event.type, snapshot.value, snapshot.status];
    });
    expect(pairs[0]).toEqual([
      '@xstate.event',
      { type: 'xstate.init', input: { procedure: '1.004194@2025.1', channel: 'in-person' } },
    ]);
    expect(pairs.filter((_, i) => i % 2 === 1)).toEqual([
      ['xstate.init', { processing: 'receive' }, 'active'],
      ['HAND_OVER', { processing: 'appraise' }, 'active'],
      ['HAND_OVER', { processing: 'approve' }, 'active'],
      ['HAND_OVER', { processing: 'update' }, 'active'],
      ['HAND_OVER', 'resultReady', 'active'],
      ['RETURN_RESULT', 'returned', 'done'],
    ]);

    // Masked on the way: no applicant data, no secret on the wire.
    const wire = received.join('\n');
    const secret = (await engine.get(d.code)).context.secret;
    for (const value of [
      'Phạm Thị Dung',
      '001190012345',
      '0912345678',
      'Lý Thường Kiệt',
      'Phạm Văn Em',
      secret,
    ])
      expect(wire.includes(value), value).toBe(false);
    const last = messages.at(-1) as Extract<StatelyInspectionEvent, { type: '@xstate.snapshot' }>;
    expect((last.snapshot as unknown as { context: unknown }).context).toMatchObject({
      applicant: { fullName: 'P. T. D.' },
      secret: '***',
      outcome: { kind: 'returned' },
    });
  });
});
