/**
 * `checkMachine` on hand-written machines (plain XState and the kit's `lifecycleSetup`), and the
 * `machine` option of `defineProcedure`, which runs the same graph checks.
 */

import { describe, expect, it } from 'vitest';
import { and, createMachine, setup } from 'xstate';
import {
  officers,
  residenceReceipt,
  residenceVariant,
  thrown,
  utc,
} from '../../test-support/dossier-harness.js';
import { DefinitionError } from '../errors/dossier-errors.js';
import { checkMachine } from './check-machine.js';
import { compileMachine } from './compiled-machine.js';
import type { MachineFactory } from './define-procedure.js';
import { receiptContext } from './lifecycle-actions.js';

describe('checkMachine on plain XState machines', () => {
  it('finds nothing wrong with a sound machine', () => {
    const m = createMachine({
      id: 'ok',
      initial: 'a',
      states: { a: { on: { GO: 'b', STOP: 'end' } }, b: { on: { BACK: 'a' } }, end: { type: 'final' } },
    });
    expect(checkMachine(m)).toEqual([]);
  });

  it('reports an unreachable state and a dead-end state by id', () => {
    const m = createMachine({
      id: 'bad',
      initial: 'a',
      states: {
        a: { on: { GO: 'stuck', DONE: 'end' } },
        stuck: {},
        orphan: { on: { GO: 'end' } },
        end: { type: 'final' },
      },
    });
    expect(checkMachine(m)).toEqual(
      expect.arrayContaining([
        { kind: 'unreachable', state: 'bad.orphan' },
        { kind: 'dead-end', state: 'bad.stuck' },
      ]),
    );
    expect(checkMachine(m)).toHaveLength(2);
  });

  it('reports states that loop forever with no way to a final state', () => {
    const m = createMachine({
      id: 'loop',
      initial: 'a',
      states: {
        a: { on: { GO: 'b', DONE: 'end' } },
        b: { on: { GO: 'c' } },
        c: { on: { GO: 'b' } },
        end: { type: 'final' },
      },
    });
    expect(checkMachine(m)).toEqual([
      { kind: 'no-way-out', state: 'loop.b' },
      { kind: 'no-way-out', state: 'loop.c' },
    ]);
  });

  it('follows nested initial states and transitions of ancestors', () => {
    const m = createMachine({
      id: 'nested',
      initial: 'work',
      states: {
        work: {
          initial: 'one',
          states: { one: { on: { NEXT: 'two' } }, two: {}, never: {} },
          on: { CLOSE: 'closed' },
        },
        closed: { type: 'final' },
      },
    });
    expect(checkMachine(m)).toEqual([{ kind: 'unreachable', state: 'nested.work.never' }]);
  });
});

describe('checkMachine flags what the compiled table cannot run', () => {
  it('lists each place with its reason, only when asked', () => {
    const m = setup({ guards: { yes: () => true } }).createMachine({
      id: 'gaps',
      initial: 'a',
      states: {
        a: { entry: () => {}, on: { GO: 'b' } },
        b: { on: { END: { target: 'end', guard: and(['yes', 'yes']) }, NOTE: { actions: () => {} } } },
        end: { type: 'final' },
      },
    });
    expect(checkMachine(m)).toEqual([]);
    expect(checkMachine(m, { table: true })).toEqual([
      { kind: 'not-in-table', state: 'gaps.a', reason: 'entry/exit actions' },
      { kind: 'not-in-table', state: 'gaps.b', reason: 'END: built-in higher-order guard' },
      { kind: 'not-in-table', state: 'gaps.b', reason: 'NOTE: non-assign action' },
    ]);
    expect(compileMachine(m)).toBeNull();
  });

  it('finds nothing in a machine of the subset, targets without actions included', () => {
    const m = createMachine({
      id: 'plain',
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { on: { STOP: 'end' } }, end: { type: 'final' } },
    });
    expect(checkMachine(m, { table: true })).toEqual([]);
    expect(compileMachine(m)).not.toBeNull();
  });
});

describe('a hand-written procedure machine (the machine option)', () => {
  /** One step, then the desk returns the result; built with the kit's setup and actions. */
  const minimal: MachineFactory = (kit, env) =>
    kit.createMachine({
      id: 'residence-short',
      context: ({ input }) => receiptContext(env, input),
      initial: 'processing',
      states: {
        processing: {
          on: {
            HAND_OVER: { target: 'resultReady', guard: 'allowed', actions: 'handOver' },
            REFUSE: { target: 'refused', guard: 'allowed', actions: 'refuse' },
          },
        },
        resultReady: {
          on: { RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' } },
        },
        returned: { type: 'final' },
        refused: { type: 'final' },
      },
    });
  const oneStep = [{ id: 'handle', name: 'Giải quyết', unit: 'desk', budget: { workingDays: 7 } }];

  it('runs with the same rules, deadlines and slip as a declarative machine', () => {
    const p = residenceVariant({ steps: oneStep }, { machine: minimal });
    expect(p.machine.id).toBe('residence-short');
    let s = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    expect(s.context.due.legal).toBe(utc('2026-03-11T17:00:00+07:00'));
    const refusal = thrown(() =>
      p.apply(s, { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: officers.police }),
    );
    expect(refusal).toMatchObject({ code: 'NOT_PERMITTED' });
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: officers.desk });
    s = p.apply(s, { type: 'RETURN_RESULT', at: '2026-03-03T10:00:00+07:00', actor: officers.desk });
    expect(s.status).toBe('done');
    expect(s.context.outcome?.result).toBe('EARLY');
    expect(s.context.slip.map((r) => r.kind)).toEqual(['handover', 'result-returned']);
  });

  it('is refused with a DefinitionError naming an unreachable and a dead-end state', () => {
    const broken: MachineFactory = (kit, env) =>
      kit.createMachine({
        id: 'broken',
        context: ({ input }) => receiptContext(env, input),
        initial: 'processing',
        states: {
          processing: { on: { HAND_OVER: { target: 'waiting', actions: 'handOver' } } },
          waiting: {},
          forgotten: { on: { RETURN_RESULT: 'returned' } },
          returned: { type: 'final' },
        },
      });
    const error = thrown(() => residenceVariant({ steps: oneStep }, { machine: broken }));
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as DefinitionError).field).toBe('machine');
    expect((error as Error).message).toContain('unreachable state broken.forgotten');
    expect((error as Error).message).toContain('dead-end state broken.waiting');
  });

  it('still gets the definition checks', () => {
    const error = thrown(() =>
      residenceVariant(
        { steps: [{ id: 'handle', name: 'Giải quyết', unit: 'desk', budget: { workingDays: 8 } }] },
        { machine: minimal },
      ),
    );
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as DefinitionError).field).toBe('steps');
  });
});
