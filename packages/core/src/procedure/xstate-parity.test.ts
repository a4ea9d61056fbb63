/**
 * XState is the reference: a differential test that walks hand-written machines with XState's own
 * graph tooling (`@xstate/graph`) and checks, for every reachable state and every event, that the
 * compiled table (`compileMachine`) and `Procedure.step` / `Procedure.apply` do what XState's
 * `transition()` does: move to the same state value, context and status, or, where XState does
 * not move, refuse (`null` from the table, a `TransitionError` from the procedure).
 */

import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  assign,
  createMachine,
  type EventObject,
  type StateValue,
  setup,
} from 'xstate';
import {
  officers,
  residenceProcedure,
  residenceReceipt,
  residenceVariant,
  utc,
} from '../../test-support/dossier-harness.js';
import { MotcuaError, TransitionError } from '../errors/index.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { compileMachine } from './compiled-machine.js';
import type { DossierSnapshot, MachineFactory, Procedure } from './define-procedure.js';
import { receiptContext } from './lifecycle-actions.js';

/** Whether XState moved: another state value, context or status (else it kept the snapshot). */
function moved(before: AnyMachineSnapshot, after: AnyMachineSnapshot): boolean {
  return (
    after !== before &&
    (after.context !== before.context ||
      after.status !== before.status ||
      JSON.stringify(after.value) !== JSON.stringify(before.value))
  );
}

/** Every (state, event, next state) XState's graph tooling reaches from the initial state. */
function edgesOf(machine: AnyStateMachine, events: readonly EventObject[], input?: unknown) {
  const map = getAdjacencyMap(machine, {
    events,
    input,
    limit: 5_000,
    // Value and context identify a state: self-transitions and no-ops are edges to the same vertex.
    serializeState: (s) => JSON.stringify({ v: s.value, c: s.context, s: s.status }),
  });
  return adjacencyMapToArray(map) as {
    state: AnyMachineSnapshot;
    event: EventObject;
    nextState: AnyMachineSnapshot;
  }[];
}

/** Whether a snapshot's value is a final state of the machine (not only a done status). */
function inFinalState(machine: AnyStateMachine, state: AnyMachineSnapshot): boolean {
  return machine.resolveState({ value: state.value, context: state.context }).status === 'done';
}

const inc = assign({ n: ({ context }: { context: { n: number } }) => context.n + 1 });

/** Hand-written machines of the table's subset, each with the events it is walked with. */
const machines: Record<string, { machine: AnyStateMachine; events: EventObject[] }> = {
  'a target without actions (the issue)': {
    machine: createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } }),
    events: [{ type: 'GO' }, { type: 'OTHER' }],
  },
  'self-transitions, targetless no-ops and re-targeted children': {
    machine: createMachine({
      id: 'self',
      context: { n: 0 },
      initial: 'a',
      states: {
        a: {
          on: {
            SELF: 'a',
            COUNT: { target: 'a', guard: ({ context }) => context.n < 2, actions: inc },
            NOP: {},
            EMPTY: { actions: [] },
            GO: 'b',
          },
        },
        b: {
          initial: 'b1',
          on: { INNER: '.b1', SELF: 'b', OUT: '#self.a' },
          states: {
            b1: { on: { NEXT: 'b2', SELF: 'b1' } },
            b2: { on: { SELF: { target: 'b2', actions: inc, guard: ({ context }) => context.n < 3 } } },
          },
        },
      },
    }),
    events: ['SELF', 'COUNT', 'NOP', 'EMPTY', 'GO', 'INNER', 'OUT', 'NEXT'].map((type) => ({ type })),
  },
  'guarded fall-throughs from a leaf to its ancestors': {
    machine: setup({
      types: { context: {} as { n: number }, events: {} as { type: 'E' | 'F' | 'G' } },
      guards: {
        small: ({ context }) => context.n < 2,
        even: ({ context }) => context.n % 2 === 0,
        never: () => false,
      },
      actions: { inc: assign({ n: ({ context }) => context.n + 1 }) },
    }).createMachine({
      id: 'fall',
      context: { n: 0 },
      initial: 'outer',
      on: {
        G: [
          { guard: 'never', target: '.done' },
          { guard: 'even', actions: 'inc' },
        ],
      },
      states: {
        outer: {
          initial: 'inner',
          on: {
            E: [
              { guard: 'even', target: '.other' },
              { guard: 'small', actions: 'inc' },
            ],
            F: [{ guard: 'never', actions: 'inc' }, { target: 'done' }],
          },
          states: {
            inner: {
              on: {
                E: [
                  { guard: 'never', target: 'other' },
                  { guard: ({ context }) => context.n === 1, actions: 'inc' },
                ],
                G: { guard: 'never', target: 'other' },
              },
            },
            other: { on: { E: { guard: 'small', target: 'inner' }, F: 'inner' } },
          },
        },
        done: { type: 'final' },
      },
    }),
    events: [{ type: 'E' }, { type: 'F' }, { type: 'G' }],
  },
  'nested states, targets by id, into compound states and ancestors, root transitions, a final state': {
    machine: createMachine({
      id: 'deep',
      context: { log: [] as string[] },
      initial: 'one',
      on: {
        RESET: '.one',
        NOTE: { actions: assign({ log: ({ context }) => [...context.log, 'note'].slice(-2) }) },
      },
      states: {
        one: {
          initial: 'x',
          states: {
            x: {
              initial: 'x1',
              states: {
                x1: { on: { DOWN: 'x2', ACROSS: '#deep.two', JUMP: '#deep.one.y.y2' } },
                x2: { on: { UP: '#deep.one.y', PARENT: '#deep.one.x', TOP: '#deep' } },
              },
            },
            y: {
              initial: 'y1',
              states: {
                y1: { on: { DOWN: 'y2' } },
                y2: { on: { FINISH: '#deep.end', DOWN: '#deep.one.x' } },
              },
            },
          },
          on: { ACROSS: 'two' },
        },
        two: { initial: 't1', states: { t1: { on: { DOWN: 't2' } }, t2: {} }, on: { BACK: 'one' } },
        end: { type: 'final', on: { RESET: 'two' } },
      },
    }),
    events: ['DOWN', 'UP', 'PARENT', 'TOP', 'ACROSS', 'JUMP', 'FINISH', 'BACK', 'RESET', 'NOTE'].map(
      (type) => ({ type }),
    ),
  },
};

describe('the compiled table follows XState on hand-written machines, edge by edge', () => {
  for (const [name, { machine, events }] of Object.entries(machines)) {
    it(name, () => {
      const table = compileMachine(machine);
      expect(table, 'compiles').not.toBeNull();
      const edges = edgesOf(machine, events);
      let moves = 0;
      for (const { state, event, nextState } of edges) {
        const where = `${JSON.stringify(state.value)} --${event.type}-->`;
        // XState's transition() keeps a done snapshot done even after it leaves the final state;
        // the table knows a state by its value, so it follows one step out of a final state only.
        if (state.status === 'done' && !inFinalState(machine, state)) continue;
        const step = table!.next(state.value as StateValue, state.context, event);
        if (!moved(state, nextState)) {
          expect(step, where).toBeNull();
          continue;
        }
        moves++;
        expect(step, where).toEqual({
          value: nextState.value,
          context: nextState.context,
          done: nextState.status === 'done',
        });
      }
      expect(moves).toBeGreaterThan(0);
    });
  }

  it('replays every shortest path from its own initial state', () => {
    for (const { machine, events } of Object.values(machines)) {
      const table = compileMachine(machine)!;
      for (const path of getShortestPaths(machine, { events, stopWhen: (s) => s.status === 'done' })) {
        let mine = table.initial(undefined);
        for (const { event, state } of path.steps) {
          if (event.type === 'xstate.init') continue;
          const step = table.next(mine.value, mine.context, event);
          if (step) mine = step;
          expect({ value: mine.value, context: mine.context, done: mine.done }).toEqual({
            value: state.value,
            context: state.context,
            done: state.status === 'done',
          });
        }
      }
    }
  });
});

describe('Procedure.step and Procedure.apply follow XState on hand-written kit machines', () => {
  const oneStep = [{ id: 'handle', name: 'Giải quyết', unit: 'desk', budget: { workingDays: 7 } }];
  const at = utc('2026-03-03T09:00:00+07:00');
  /** Events the rules allow the desk officer (so only the machine decides), parsed as XState sees them. */
  const events = [
    { type: 'HAND_OVER', at, actor: officers.desk },
    { type: 'RETURN_RESULT', at, actor: officers.desk, delivery: 'in-person' },
    { type: 'WITHDRAW', at, actor: officers.desk },
    { type: 'SUPPLEMENT_RECEIVED', at, actor: officers.desk },
    { type: 'REFUSE', at, actor: officers.desk, reasons: ['Không đủ điều kiện'] },
  ] as const;

  /** Targets without actions, a self-transition, a guarded fall-through, nested states. */
  const kitMachine: MachineFactory = (kit, env) =>
    kit.createMachine({
      id: 'parity-kit',
      context: ({ input }) => receiptContext(env, input),
      initial: 'processing',
      states: {
        processing: {
          initial: 'intake',
          on: {
            WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'withdraw' },
            REFUSE: 'refused',
          },
          states: {
            intake: {
              on: {
                HAND_OVER: [
                  { guard: ({ event }) => event.actor.unitId === 'police', target: 'review' },
                  { target: 'review' },
                ],
                SUPPLEMENT_RECEIVED: 'intake',
              },
            },
            review: { on: { HAND_OVER: { target: '#parity-kit.resultReady', actions: 'handOver' } } },
          },
        },
        resultReady: {
          on: {
            RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' },
            SUPPLEMENT_RECEIVED: {},
          },
        },
        returned: { type: 'final' },
        withdrawn: { type: 'final' },
        refused: { type: 'final' },
      },
    });

  /** The same machine with an entry action: the table declines it and the procedure runs on XState. */
  const withEntry: MachineFactory = (kit, env) =>
    kit.createMachine({
      id: 'parity-entry',
      context: ({ input }) => receiptContext(env, input),
      initial: 'processing',
      states: {
        processing: { entry: () => {}, on: { HAND_OVER: 'resultReady', REFUSE: 'refused' } },
        resultReady: {
          on: { RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' } },
        },
        returned: { type: 'final' },
        refused: { type: 'final' },
      },
    });

  const cases: [string, Procedure, boolean][] = [
    [
      'a kit machine of the table subset',
      residenceVariant({ steps: oneStep }, { machine: kitMachine }),
      true,
    ],
    [
      'a kit machine that runs on XState',
      residenceVariant({ steps: oneStep }, { machine: withEntry }),
      false,
    ],
  ];

  for (const [name, p, tabled] of cases) {
    it(name, () => {
      expect(compileMachine(p.machine) !== null).toBe(tabled);
      const receipt = residenceReceipt('2026-03-02T09:00:00+07:00');
      const edges = edgesOf(p.machine, events, {
        ...receipt,
        receivedAt: utc(receipt.receivedAt as string),
        receivedBy: officers.desk,
      });
      let moves = 0;
      for (const { state, event, nextState } of edges) {
        const where = `${JSON.stringify(state.value)} --${event.type}-->`;
        if (state.status === 'done') continue; // a closed dossier refuses everything (rules, not XState)
        const persisted = p.persist(state as unknown as DossierSnapshot);
        const viaStep = attempt(() => p.step(persisted, event as DossierEventInput));
        const viaApply = attempt(() =>
          p.apply(state as unknown as DossierSnapshot, event as DossierEventInput),
        );
        if (!moved(state, nextState)) {
          expect(viaStep, where).toBeInstanceOf(TransitionError);
          expect(viaApply, where).toBeInstanceOf(TransitionError);
          continue;
        }
        moves++;
        const expected = p.persist(nextState as unknown as DossierSnapshot);
        expect(viaStep, where).toEqual(expected);
        expect(JSON.stringify(viaStep), where).toBe(JSON.stringify(expected));
        expect(
          viaApply instanceof MotcuaError ? viaApply : p.persist(viaApply as DossierSnapshot),
          where,
        ).toEqual(expected);
      }
      expect(moves).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('Procedure.step follows XState on the standard lifecycle', () => {
  it('for every state the walk reaches and every event, by every officer and the engine', () => {
    const p = residenceProcedure();
    expect(compileMachine(p.machine)).not.toBeNull();
    const receipt = residenceReceipt('2026-03-02T09:00:00+07:00');
    const input = { ...receipt, receivedAt: utc(receipt.receivedAt as string), receivedBy: officers.desk };
    const at = utc('2026-03-20T09:00:00+07:00'); // past the due time: MARK_OVERDUE is allowed
    const events = Object.values(officers).flatMap((actor) => [
      { type: 'HAND_OVER', at, actor },
      { type: 'SEND_BACK', at, actor, toStep: 'appraise', reason: 'Bổ sung thẩm định' },
      { type: 'REQUEST_SUPPLEMENT', at, actor, items: [{ name: 'CT01' }], reason: 'Thiếu' },
      { type: 'SUPPLEMENT_RECEIVED', at, actor },
      { type: 'APOLOGIZE', at, actor, reason: 'Chờ xác minh', newDue: utc('2026-03-27T17:00:00+07:00') },
      { type: 'RETURN_RESULT', at, actor, delivery: 'in-person' },
      { type: 'REFUSE', at, actor, reasons: ['Không đủ điều kiện'] },
      { type: 'WITHDRAW', at, actor },
      { type: 'STOP', at, actor },
      { type: 'MARK_OVERDUE', at, actor },
      { type: 'EXPIRE', at, actor },
    ]);
    const map = getAdjacencyMap(p.machine, {
      events,
      input,
      limit: 5_000,
      // A dossier's state: where it is and what the rules look at (not the growing slip).
      serializeState: (s) => {
        const c = s.context as DossierSnapshot['context'];
        return JSON.stringify([s.value, c.holder, c.supplements.length, !!c.apology, !!c.overdue, s.status]);
      },
    });
    const edges = adjacencyMapToArray(map) as {
      state: AnyMachineSnapshot;
      event: EventObject;
      nextState: AnyMachineSnapshot;
    }[];
    let moves = 0;
    const states = new Set<string>();
    for (const { state, event, nextState } of edges) {
      if (state.status === 'done') continue;
      states.add(JSON.stringify(state.value));
      const where = `${JSON.stringify(state.value)} --${event.type} by ${(event as unknown as { actor: { unitId: string } }).actor.unitId}-->`;
      const viaStep = attempt(() =>
        p.step(p.persist(state as unknown as DossierSnapshot), event as DossierEventInput),
      );
      if (!moved(state, nextState)) {
        expect(viaStep, where).toBeInstanceOf(MotcuaError);
        continue;
      }
      moves++;
      expect(viaStep, where).toEqual(p.persist(nextState as unknown as DossierSnapshot));
      // Byte for byte (key order too): the table takes the lifecycle actions' contexts uncopied.
      expect(JSON.stringify(viaStep), where).toBe(
        JSON.stringify(p.persist(nextState as unknown as DossierSnapshot)),
      );
    }
    expect(states.size).toBeGreaterThanOrEqual(6);
    expect(moves).toBeGreaterThan(30);
  });
});

function attempt<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (error) {
    return error as Error;
  }
}

describe('Procedure.step follows XState on the standard lifecycle with payments', () => {
  it('for every state the walk reaches and every payment event, through the wait for payments', () => {
    const p = residenceVariant({
      fees: [
        { id: 'registration', name: 'Lệ phí', kind: 'charge', amountVnd: 20_000, collection: 'at-intake' },
        {
          id: 'appraisal',
          name: 'Phí thẩm định',
          kind: 'fee',
          amountVnd: 150_000,
          collection: 'before-result',
          payBeforeResult: true,
        },
        { id: 'exempt', name: 'Miễn', kind: 'charge', amountVnd: 5_000, collection: 'waived' },
      ],
    });
    expect(compileMachine(p.machine)).not.toBeNull();
    const receipt = residenceReceipt('2026-03-02T09:00:00+07:00');
    const input = { ...receipt, receivedAt: utc(receipt.receivedAt as string), receivedBy: officers.desk };
    const at = utc('2026-03-04T09:00:00+07:00');
    const paymentId = 'payment-1';
    const events = [officers.desk, officers.police, officers.leader].flatMap((actor) => [
      { type: 'HAND_OVER', at, actor },
      { type: 'REQUEST_PAYMENT', at, actor, items: [{ feeId: 'appraisal' }] },
      { type: 'REQUEST_PAYMENT', at, actor, items: [{ feeId: 'exempt' }] },
      { type: 'START_PAYMENT', at, actor, paymentId, channel: 'national-portal', transactionCode: 'T-1' },
      { type: 'RECORD_PAYMENT', at, actor, paymentId, channel: 'national-portal' },
      { type: 'RECORD_PAYMENT', at, actor, items: [{ feeId: 'registration' }], channel: 'desk' },
      { type: 'CANCEL_PAYMENT', at, actor, paymentId, reason: 'Nhầm' },
      { type: 'REFUND_PAYMENT', at, actor, paymentId, reason: 'Hoàn' },
      { type: 'RECORD_PAYMENT', at, actor, paymentId: 'payment-2', channel: 'provincial-gateway' },
      { type: 'CANCEL_PAYMENT', at, actor, paymentId: 'payment-2', reason: 'Nhầm' },
      { type: 'WAIVE_FEE', at, actor, items: [{ feeId: 'appraisal' }], reason: 'Hộ nghèo' },
      { type: 'REQUEST_SUPPLEMENT', at, actor, items: [{ name: 'CT01' }], reason: 'Thiếu' },
      { type: 'SUPPLEMENT_RECEIVED', at, actor },
      { type: 'RETURN_RESULT', at, actor, delivery: 'in-person' },
      { type: 'REFUSE', at, actor, reasons: ['Không đủ điều kiện'] },
      { type: 'STOP', at, actor },
    ]);
    const map = getAdjacencyMap(p.machine, {
      events,
      input,
      limit: 100_000,
      serializeState: (s) => {
        const c = s.context as DossierSnapshot['context'];
        // Where the payments stand, not how many cycles of request and cancel led there.
        const list = c.payments ?? [];
        const payments = [
          Math.min(list.length, 3),
          ...list.slice(0, 2).map((x) => x.status),
          c.feeExemptions?.length ?? 0,
        ];
        const open =
          c.steps[c.steps.length - 1]?.endedAt === null ? c.steps[c.steps.length - 1]!.stepId : null;
        return JSON.stringify([s.value, open, c.holder, c.supplements.length, payments, !!c.pause, s.status]);
      },
    });
    const edges = adjacencyMapToArray(map) as {
      state: AnyMachineSnapshot;
      event: EventObject;
      nextState: AnyMachineSnapshot;
    }[];
    let moves = 0;
    const states = new Set<string>();
    const paymentMoves = new Set<string>();
    for (const { state, event, nextState } of edges) {
      if (state.status === 'done') continue;
      states.add(JSON.stringify(state.value));
      const where = `${JSON.stringify(state.value)} --${event.type} by ${(event as unknown as { actor: { unitId: string } }).actor.unitId}-->`;
      const viaStep = attempt(() =>
        p.step(p.persist(state as unknown as DossierSnapshot), event as DossierEventInput),
      );
      if (!moved(state, nextState)) {
        expect(viaStep, where).toBeInstanceOf(MotcuaError);
        continue;
      }
      moves++;
      if (event.type.endsWith('_PAYMENT'))
        paymentMoves.add(`${JSON.stringify(state.value)} ${event.type} ${JSON.stringify(nextState.value)}`);
      expect(JSON.stringify(viaStep), where).toBe(
        JSON.stringify(p.persist(nextState as unknown as DossierSnapshot)),
      );
    }
    expect(states).toContain('"awaitingPayment"');
    // Into the wait from processing and from a ready result, and back to each.
    const moves6 = [...paymentMoves];
    expect(moves6.some((m) => m.includes('REQUEST_PAYMENT "awaitingPayment"') && m.startsWith('{'))).toBe(
      true,
    );
    expect(moves6).toContain('"resultReady" REQUEST_PAYMENT "awaitingPayment"');
    expect(moves6).toContain('"awaitingPayment" RECORD_PAYMENT "resultReady"');
    expect(moves6).toContain('"awaitingPayment" CANCEL_PAYMENT "resultReady"');
    expect(moves6.some((m) => m.startsWith('"awaitingPayment" RECORD_PAYMENT {"processing"'))).toBe(true);
    expect(moves).toBeGreaterThan(50);
  });
});
