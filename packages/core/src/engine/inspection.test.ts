/**
 * The engine's inspection stream against XState's own: the same events, in the same order, with
 * what `@statelyai/inspect` reads (the actor's machine, `xstate.init`, snapshots), and masking.
 */

import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { describe, expect, it } from 'vitest';
import { createActor, type InspectionEvent } from 'xstate';
import { DossierEventSchema } from '../model/dossier-events.js';
import { stateName } from '../procedure/define-procedure.js';
import { ProcedureRegistry } from '../procedure/registry.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleProcedure, sampleReceipt } from '../testing/fixtures.js';
import type { EngineLogEntry } from './engine-types.js';
import { type EngineInspectionEvent, maskInspection } from './inspection.js';

const { desk, police, leader } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };
const personalData = ['Phạm Thị Dung', '001190012345', '0912345678', 'Lý Thường Kiệt', 'Phạm Văn Em'];

/** A dossier's life on the engine: receipt, three hand-overs, one refused command. */
async function lifeOnEngine(inspect: (e: EngineInspectionEvent) => void) {
  const { engine, clock } = sampleEngine(new MemoryStore(), { inspect });
  const d = await engine.receive(receipt);
  const events = [
    { type: 'HAND_OVER' as const, actor: desk },
    { type: 'HAND_OVER' as const, actor: police },
    { type: 'HAND_OVER' as const, actor: leader },
  ];
  for (const e of events) {
    clock.advance({ hours: 2 });
    await engine.send(d.code, e);
  }
  await engine.send(d.code, { type: 'HAND_OVER', actor: desk }).catch(() => {}); // refused: not emitted
  return { engine, code: d.code, events };
}

/** What XState's inspection says, without microsteps: type, event type, state value, status. */
function outline(e: InspectionEvent | EngineInspectionEvent) {
  if (e.type === '@xstate.actor') return [e.type];
  if (e.type === '@xstate.event') return [e.type, e.event.type];
  if (e.type === '@xstate.snapshot') {
    const s = e.snapshot as { value: unknown; status: string };
    return [e.type, e.event.type, JSON.stringify(s.value), s.status];
  }
  return [e.type];
}

describe('the engine inspection stream', () => {
  it('is the stream XState gives for the same dossier: @xstate.actor, xstate.init, an event and a snapshot per transition', async () => {
    const inspected: EngineInspectionEvent[] = [];
    const { code } = await lifeOnEngine((e) => inspected.push(e));

    // The reference: the same machine under createActor, sent the same (parsed) events.
    const p = sampleProcedure();
    const start = inspected.find((e) => e.type === '@xstate.snapshot')!;
    const c = start.actorRef.getSnapshot().context;
    const reference: InspectionEvent[] = [];
    const input = { ...c, receivedBy: c.receivedBy } as const;
    const actor = createActor(p.machine, { input, inspect: (e) => reference.push(e) }).start();
    for (const e of inspected.filter((x) => x.type === '@xstate.event').slice(1)) {
      if (e.type === '@xstate.event') actor.send(DossierEventSchema.parse(e.event));
    }
    expect(actor.getSnapshot().context).toEqual(inspected.at(-1)!.actorRef.getSnapshot().context);
    const ours = inspected.map(outline);
    const theirs = reference.filter((e) => e.type !== '@xstate.microstep').map(outline);
    expect(ours).toEqual(theirs);
    expect(ours.slice(0, 3)).toEqual([
      ['@xstate.actor'],
      ['@xstate.event', 'xstate.init'],
      ['@xstate.snapshot', 'xstate.init', '{"processing":"receive"}', 'active'],
    ]);

    for (const e of inspected) {
      expect(e.rootId).toBe(code);
      expect(e.actorRef.id).toBe(code);
      expect(e.actorRef.sessionId).toBe(code);
      expect(e.actorRef._parent).toBeUndefined();
      expect(e.actorRef.logic).toBe(p.machine);
    }
    expect(inspected[0]!.actorRef.getSnapshot()).toMatchObject({
      value: { processing: 'receive' },
      status: 'active',
      context: { code },
    });
    const init = inspected[1]!;
    expect(init.type === '@xstate.event' && init.event).toEqual({
      type: 'xstate.init',
      input: { procedure: '1.004194@2025.1', channel: 'in-person' },
    });
  });

  it('is what @statelyai/inspect takes: the machine to draw, the receipt, every event and snapshot', async () => {
    const sent: StatelyInspectionEvent[] = [];
    const inspector = createInspector({ send: (e) => sent.push(e) });
    const { code, events } = await lifeOnEngine((e) => inspector.inspect.next?.(e as never));
    // The inspector hands events on after a macrotask: wait for them (bounded).
    for (let i = 0; i < 100 && sent.length < 9; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sent.map((e) => e.type)).toEqual([
      '@xstate.actor',
      '@xstate.event',
      '@xstate.snapshot',
      ...events.flatMap(() => ['@xstate.event', '@xstate.snapshot']),
    ]);
    const actor = sent[0] as Extract<StatelyInspectionEvent, { type: '@xstate.actor' }>;
    expect(actor).toMatchObject({ sessionId: code, rootId: code, name: sampleProcedure().machine.id });
    const definition = JSON.parse(actor.definition!) as { id: string; states: Record<string, unknown> };
    expect(definition.id).toBe(sampleProcedure().machine.id);
    expect(Object.keys(definition.states)).toContain('processing');
    expect(actor.snapshot).toMatchObject({ value: { processing: 'receive' }, status: 'active' });
    const snapshots = sent.filter((e) => e.type === '@xstate.snapshot');
    expect(snapshots.map((e) => [e.event.type, (e.snapshot as unknown as { value: unknown }).value])).toEqual(
      [
        ['xstate.init', { processing: 'receive' }],
        ['HAND_OVER', { processing: 'appraise' }],
        ['HAND_OVER', { processing: 'approve' }],
        ['HAND_OVER', { processing: 'update' }],
      ],
    );
    for (const e of sent) expect(e.sessionId).toBe(code);
  });

  it('announces a dossier this engine did not receive before its first event', async () => {
    const store = new MemoryStore();
    const { engine: first, clock } = sampleEngine(store);
    const d = await first.receive(receipt);
    const inspected: EngineInspectionEvent[] = [];
    const { engine: second } = sampleEngine(store, { clock, inspect: (e) => inspected.push(e) });
    clock.advance({ hours: 1 });
    await second.send(d.code, { type: 'HAND_OVER', actor: desk });
    clock.advance({ hours: 1 });
    await second.send(d.code, { type: 'HAND_OVER', actor: police });
    expect(inspected.map(outline)).toEqual([
      ['@xstate.actor'],
      ['@xstate.event', 'HAND_OVER'],
      ['@xstate.snapshot', 'HAND_OVER', '{"processing":"appraise"}', 'active'],
      ['@xstate.event', 'HAND_OVER'],
      ['@xstate.snapshot', 'HAND_OVER', '{"processing":"approve"}', 'active'],
    ]);
    // The announcement carries the dossier as it was before the event.
    expect(inspected[0]!.actorRef.getSnapshot().value).toEqual({ processing: 'receive' });
  });

  it('reports fired timers: the machine event when it moves, TIMER:<kind> with the unchanged snapshot when not', async () => {
    const inspected: EngineInspectionEvent[] = [];
    const { engine, clock } = sampleEngine(new MemoryStore(), { inspect: (e) => inspected.push(e) });
    const d = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    clock.set(new Date(Date.parse(d.context.due.legal) + 60_000).toISOString());
    await engine.runDueTimers();
    const fired = inspected
      .slice(5)
      .filter((e) => e.type === '@xstate.snapshot')
      .map(outline);
    expect(fired.map((o) => o[1]).sort()).toEqual([
      'MARK_OVERDUE',
      'TIMER:dossier-warning',
      'TIMER:step-due',
    ]);
    for (const o of fired) expect(o.slice(2)).toEqual(['{"processing":"appraise"}', 'active']);
    const snapshots = inspected.filter((e) => e.type === '@xstate.snapshot');
    const overdue = snapshots.find((e) => e.event.type === 'MARK_OVERDUE')!;
    expect(overdue.snapshot.context.overdue).not.toBeNull();
    const before = snapshots[snapshots.indexOf(overdue) - 1]!;
    expect(before.snapshot.context.overdue).toBeNull();
  });

  it('never fails a committed command: an inspector that throws is logged as a warning', async () => {
    const logs: EngineLogEntry[] = [];
    const { engine } = sampleEngine(new MemoryStore(), {
      inspect: () => {
        throw new Error('inspector down');
      },
      log: (e) => logs.push(e),
    });
    const d = await engine.receive(receipt);
    const after = await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    expect(after.state).toBe('processing.appraise');
    expect((await engine.get(d.code)).version).toBe(2);
    const warnings = logs.filter((l) => l.message === 'inspector failed');
    expect(warnings.map((w) => [w.level, w.code, w.type, w.error])).toEqual([
      ['warn', d.code, 'xstate.init', 'inspector down'],
      ['warn', d.code, 'HAND_OVER', 'inspector down'],
    ]);
  });

  it('takes an observer of XState inspection events, as createActor does (inspector.inspect)', async () => {
    const types: string[] = [];
    const observer = { next: (e: InspectionEvent) => types.push(e.type) };
    const { engine } = sampleEngine(new MemoryStore(), { inspect: observer });
    await engine.receive(receipt);
    expect(types).toEqual(['@xstate.actor', '@xstate.event', '@xstate.snapshot']);
  });
});

describe('maskInspection', () => {
  it('masks the tagged personal fields and the secret in every snapshot, and keeps events to their ids', async () => {
    const masked: EngineInspectionEvent[] = [];
    const raw: EngineInspectionEvent[] = [];
    const mask = maskInspection((e) => masked.push(e), new ProcedureRegistry([sampleProcedure()]));
    await lifeOnEngine((e) => {
      raw.push(e);
      mask(e);
    });
    expect(masked.map(outline)).toEqual(raw.map(outline));
    const secret = raw[0]!.actorRef.getSnapshot().context.secret;
    const everything = JSON.stringify(
      masked.map((e) => ({
        ...e,
        actorRef: { ...e.actorRef, logic: null, snapshot: e.actorRef.getSnapshot() },
      })),
    );
    for (const value of [...personalData, secret]) expect(everything.includes(value), value).toBe(false);
    const last = masked.at(-1)!;
    expect(last.type === '@xstate.snapshot' && last.snapshot.context).toMatchObject({
      applicant: { fullName: 'P. T. D.', idNumber: '00*******345', phone: '09*****678' },
      application: { address: '***', householdHead: 'P. V. E.', members: 3 },
      secret: '***',
    });
    expect(last.type === '@xstate.snapshot' && last.event).toEqual({
      type: 'HAND_OVER',
      at: expect.any(String),
      actor: { officerId: 'leader-1', unitId: 'leader', roles: ['agency-head'] },
    });
    // The engine's own snapshots are untouched.
    expect(raw.at(-1)!.actorRef.getSnapshot().context.applicant.fullName).toBe('Phạm Thị Dung');
  });

  it('feeds telemetry as the guide shows (typed events, masked)', async () => {
    const emitted: object[] = [];
    const telemetry = { emit: (x: object) => emitted.push(x) };
    const toTelemetry = (e: EngineInspectionEvent) => {
      if (e.type !== '@xstate.snapshot') return;
      telemetry.emit({
        code: e.rootId,
        event: e.event.type,
        state: stateName(e.snapshot.value),
        status: e.snapshot.status,
        holder: e.snapshot.context.holder,
      });
    };
    const { code } = await lifeOnEngine(maskInspection(toTelemetry, [sampleProcedure()]));
    expect(emitted.map((x) => Object.values(x).slice(1).join(' '))).toEqual([
      'xstate.init processing.receive active desk',
      'HAND_OVER processing.appraise active police',
      'HAND_OVER processing.approve active leader',
      'HAND_OVER processing.update active police',
    ]);
    expect(emitted[0]).toMatchObject({ code });
  });

  it('hides the whole application of a procedure it does not know', async () => {
    const masked: EngineInspectionEvent[] = [];
    const mask = maskInspection((e) => masked.push(e), []);
    await lifeOnEngine(mask);
    expect(masked[0]!.actorRef.getSnapshot().context.application).toBe('***');
  });
});
