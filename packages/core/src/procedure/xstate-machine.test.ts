/**
 * `procedure.machine` is a real XState v5 machine: `createActor` runs it with a receipt as input,
 * inspection sees its events and snapshots, `actor.send` drives it exactly like `procedure.apply`,
 * and its definition serialises to JSON for Stately's inspector and visualiser.
 */

import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, createActor, type InspectionEvent } from 'xstate';
import { officers, residenceProcedure, residenceReceipt, utc } from '../../test-support/dossier-harness.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import type { ReceiptInput } from './lifecycle-actions.js';

const p = residenceProcedure();

/** The receipt as the machine takes it (validated; roles present). */
const receipt: ReceiptInput = {
  ...(residenceReceipt('2026-03-02T09:00:00+07:00') as Omit<ReceiptInput, 'receivedAt' | 'receivedBy'>),
  receivedAt: '2026-03-02T09:00:00+07:00',
  receivedBy: officers.desk,
};

/** Events in their parsed form, as `actor.send` expects them (UTC instants, roles, defaults). */
const events: DossierEvent[] = [
  { type: 'HAND_OVER', at: utc('2026-03-02T10:00:00+07:00'), actor: officers.desk },
  {
    type: 'HAND_OVER',
    at: utc('2026-03-04T15:00:00+07:00'),
    actor: officers.police,
    receiver: { officerId: 'leader-1', name: 'Lê Văn Cường' },
  },
  {
    type: 'APOLOGIZE',
    at: utc('2026-03-05T09:00:00+07:00'),
    actor: officers.leader,
    reason: 'Chờ xác minh',
    newDue: utc('2026-03-13T17:00:00+07:00'),
  },
  { type: 'HAND_OVER', at: utc('2026-03-05T10:00:00+07:00'), actor: officers.leader },
  { type: 'HAND_OVER', at: utc('2026-03-06T10:00:00+07:00'), actor: officers.police },
  {
    type: 'RETURN_RESULT',
    at: utc('2026-03-09T08:00:00+07:00'),
    actor: officers.desk,
    delivery: 'in-person',
  },
];

describe('the procedure machine under createActor', () => {
  it('starts from a receipt, is inspectable, and ends in the same state and context as apply', () => {
    const inspected: InspectionEvent[] = [];
    const actor = createActor(p.machine, { input: receipt, inspect: (e) => inspected.push(e) });
    actor.start();
    let pure = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    expect(actor.getSnapshot().value).toEqual({ processing: 'receive' });
    expect(actor.getSnapshot().context).toEqual(pure.context);

    for (const event of events) {
      actor.send(event);
      pure = p.apply(pure, event);
      const live = actor.getSnapshot() as AnyMachineSnapshot;
      expect(live.value).toEqual(pure.value);
      expect(live.context).toEqual(pure.context);
    }
    expect(actor.getSnapshot().status).toBe('done');
    expect((actor.getSnapshot().context as DossierContext).outcome?.result).toBe('EARLY');

    const types = new Set(inspected.map((e) => e.type));
    expect(types).toEqual(
      new Set(['@xstate.actor', '@xstate.event', '@xstate.snapshot', '@xstate.microstep']),
    );
    const sent = inspected
      .filter((e): e is Extract<InspectionEvent, { type: '@xstate.event' }> => e.type === '@xstate.event')
      .map((e) => e.event.type);
    expect(sent).toEqual(['xstate.init', ...events.map((e) => e.type)]);
  });

  it('ignores an event its guards refuse, as apply refuses it', () => {
    const actor = createActor(p.machine, { input: receipt }).start();
    const before = actor.getSnapshot();
    actor.send({ type: 'HAND_OVER', at: utc('2026-03-02T10:00:00+07:00'), actor: officers.police });
    expect(actor.getSnapshot()).toBe(before);
    actor.send({
      type: 'SEND_BACK',
      at: utc('2026-03-02T10:00:00+07:00'),
      actor: officers.desk,
      toStep: 'update',
      reason: 'x',
    });
    expect(actor.getSnapshot().value).toEqual({ processing: 'receive' });
  });
});

describe('the procedure machine as data', () => {
  it('serialises its definition to JSON with every state, description and meta', () => {
    const json = JSON.parse(JSON.stringify(p.machine.toJSON())) as {
      id: string;
      states: Record<string, { states?: Record<string, { meta?: unknown; description?: string }> }>;
    };
    expect(json.id).toBe('1_004194@2025_1');
    expect(Object.keys(json.states)).toEqual([
      'processing',
      'supplementing',
      'awaitingPayment',
      'resultReady',
      'submitted',
      'intakeSupplementing',
      'notAccepted',
      'intakeWithdrawn',
      'returned',
      'refused',
      'withdrawn',
      'stopped',
      'expired',
    ]);
    expect(Object.keys(json.states.processing!.states!)).toEqual([
      'receive',
      'appraise',
      'approve',
      'update',
    ]);
    expect(json.states.processing!.states!.appraise).toMatchObject({
      description: 'Thẩm định — Cán bộ đăng ký cư trú',
      meta: { stepId: 'appraise', unit: 'police', budget: { workingDays: 4 }, kind: 'appraisal' },
    });
    expect(JSON.stringify(p.machine.definition)).toBe(JSON.stringify(p.machine.toJSON()));
  });

  it('lists the events each state accepts', () => {
    const appraise = p.machine.getStateNodeById('1_004194@2025_1.processing.appraise');
    expect([...appraise.ownEvents].sort()).toEqual(['HAND_OVER', 'SEND_BACK']);
    const supplementing = p.machine.getStateNodeById('1_004194@2025_1.supplementing');
    expect([...supplementing.ownEvents].sort()).toEqual([
      'CANCEL_PAYMENT',
      'EXPIRE',
      'RECORD_COMPONENTS',
      'RECORD_PAYMENT',
      'REFUND_PAYMENT',
      'REFUSE',
      'REQUEST_PAYMENT',
      'START_PAYMENT',
      'STOP',
      'SUPPLEMENT_RECEIVED',
      'TRANSFER_ORIGINALS',
      'WAIVE_FEE',
      'WITHDRAW',
    ]);
    const awaiting = p.machine.getStateNodeById('1_004194@2025_1.awaitingPayment');
    expect([...awaiting.ownEvents].sort()).toEqual([
      'CANCEL_PAYMENT',
      'RECORD_PAYMENT',
      'REFUND_PAYMENT',
      'REFUSE',
      'REQUEST_PAYMENT',
      'START_PAYMENT',
      'STOP',
      'TRANSFER_ORIGINALS',
      'WAIVE_FEE',
      'WITHDRAW',
    ]);
  });
});
