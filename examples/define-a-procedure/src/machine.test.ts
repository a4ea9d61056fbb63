/**
 * Step 2: the machine's graph. `checkMachine` finds no unreachable state, no dead end and no state
 * from which no final state can be reached; the same check refuses a broken hand-written machine.
 */
import {
  checkMachine,
  DefinitionError,
  defineProcedure,
  machineToMermaid,
  receiptContext,
  stateName,
} from '@motcua/core';
import { describe, expect, it } from 'vitest';
import {
  maritalStatus2018,
  maritalStatus2025,
  maritalStatusDefinition,
} from './marital-status-certification.js';

describe('the lifecycle machine', () => {
  it.each([
    ['2018.1', maritalStatus2018],
    ['2025.1', maritalStatus2025],
  ])('%s: no unreachable, dead-end or trapped state', (_version, procedure) => {
    expect(checkMachine(procedure.machine)).toEqual([]);
  });

  it('has a state per step, the desk states, the online intake states and the closed states', () => {
    const states = Object.keys(maritalStatus2025.machine.root.states).sort();
    expect(states).toEqual(
      [
        'awaitingPayment',
        'expired',
        'intakeSupplementing',
        'intakeWithdrawn',
        'notAccepted',
        'processing',
        'refused',
        'resultReady',
        'returned',
        'stopped',
        'submitted',
        'supplementing',
        'withdrawn',
      ].sort(),
    );
    expect(Object.keys(maritalStatus2025.machine.root.states.processing!.states)).toEqual([
      'receive',
      'verify',
      'sign',
      'record',
    ]);
    expect(stateName({ processing: 'verify' })).toBe('processing.verify');
  });

  it('draws as a Mermaid state diagram generated from the machine', () => {
    const text = machineToMermaid(maritalStatus2025.machine);
    expect(text).toContain('processing_verify --> processing_sign : HAND_OVER');
    expect(text).toContain('processing_record --> resultReady : HAND_OVER');
    expect(text).toContain('supplementing --> processing_verify : SUPPLEMENT_RECEIVED');
    expect(text).toContain('resultReady --> returned : RETURN_RESULT');
  });

  it('the same check refuses a hand-written machine with a dead end and an unreachable state', () => {
    const error = (() => {
      try {
        defineProcedure(maritalStatusDefinition('2025'), {
          machine: (kit, env) =>
            kit.createMachine({
              id: 'broken',
              context: ({ input }) => receiptContext(env, input),
              initial: 'processing',
              states: {
                processing: { on: { HAND_OVER: 'waiting', RETURN_RESULT: 'returned' } },
                waiting: {},
                orphan: { on: { RETURN_RESULT: 'returned' } },
                returned: { type: 'final' },
              },
            }),
        });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a DefinitionError');
    })();
    expect(error).toBeInstanceOf(DefinitionError);
    expect(error).toMatchObject({ field: 'machine' });
    expect(error.message).toContain('unreachable state broken.orphan');
    expect(error.message).toContain('dead-end state broken.waiting');
  });
});
