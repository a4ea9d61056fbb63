import { describe, expect, it } from 'vitest';
import { and, assign, createMachine, initialTransition, setup, transition } from 'xstate';
import { residenceProcedure } from '../../test-support/dossier-harness.js';
import type { DossierContext } from '../model/dossier-context.js';
import { sampleReceipt } from '../testing/fixtures.js';
import { compileMachine, wholeContext } from './compiled-machine.js';
import { stateName } from './define-procedure.js';
import { pureStepper } from './pure-transition.js';

/** A small machine in the subset: nested states, a targetless assign, params guards, a final. */
const counter = setup({
  types: {
    context: {} as { n: number; log: string[] },
    events: {} as { type: 'INC' | 'GO' | 'END'; by?: number },
  },
  actions: {
    inc: assign(({ context, event }) => ({ n: context.n + (event.by ?? 1) })),
    note: assign({ log: ({ context }, params: { word: string }) => [...context.log, params.word] }),
  },
  guards: {
    below: ({ context }, params: { max: number }) => context.n < params.max,
    alias: { type: 'below', params: { max: 2 } } as never,
  },
}).createMachine({
  context: { n: 0, log: [] },
  initial: 'a',
  states: {
    a: {
      initial: 'a1',
      states: {
        a1: { on: { GO: { target: 'a2', actions: [{ type: 'note', params: { word: 'go' } }] } } },
        a2: {},
      },
      on: {
        INC: [
          { guard: { type: 'below', params: { max: 3 } }, actions: 'inc' },
          { target: 'b', actions: 'inc' },
        ],
      },
    },
    b: { on: { END: { target: 'done', guard: 'alias', actions: 'inc' } } },
    done: { type: 'final' },
  },
});

describe('compileMachine', () => {
  it('compiles the standard lifecycle', () => {
    expect(compileMachine(residenceProcedure().machine)).not.toBeNull();
  });

  it('follows XState on a machine of the subset, event by event', () => {
    const compiled = compileMachine<{ n: number; log: string[] }>(counter)!;
    expect(compiled).not.toBeNull();
    const xs = pureStepper(counter);
    let snap = xs.initial(undefined);
    let mine = compiled.initial(undefined);
    expect(mine.value).toEqual(snap.value);
    expect(mine.context).toEqual(snap.context);
    const events = [
      { type: 'GO' },
      { type: 'GO' },
      { type: 'END' },
      { type: 'INC' },
      { type: 'INC', by: 1 },
      { type: 'INC' },
      { type: 'INC', by: 5 },
      { type: 'END' },
    ] as const;
    for (const e of events) {
      const next = xs.next(snap, e);
      const step = compiled.next(mine.value, mine.context, e);
      if (next === snap || next.context === snap.context) expect(step).toBeNull();
      else {
        expect(step).not.toBeNull();
        expect(step!.value).toEqual(next.value);
        expect(step!.context).toEqual(next.context);
        expect(step!.done).toBe(next.status === 'done');
        snap = next;
        mine = step!;
      }
    }
    expect(mine.value).toBe('b'); // END refused while n ≥ 2 (the aliased guard's own params)
    expect(mine.context).toEqual({ n: 8, log: ['go'] });
  });

  it('declines what the table does not model', () => {
    const withEntry = createMachine({ initial: 'a', states: { a: { entry: assign({}) } } });
    const withAlways = createMachine({ initial: 'a', states: { a: { always: { target: 'b' } }, b: {} } });
    const parallel = createMachine({ type: 'parallel', states: { a: {}, b: {} } });
    const higherOrder = setup({ guards: { yes: () => true } }).createMachine({
      initial: 'a',
      states: { a: { on: { E: { target: 'b', guard: and(['yes', 'yes']), actions: assign({}) } } }, b: {} },
    });
    const nonAssign = createMachine({
      initial: 'a',
      states: { a: { on: { E: { actions: () => {} } } } },
    });
    const delayed = createMachine({ initial: 'a', states: { a: { after: { 10: 'b' } }, b: {} } });
    for (const m of [withEntry, withAlways, parallel, higherOrder, nonAssign, delayed])
      expect(compileMachine(m)).toBeNull();
  });

  it('moves on a transition with a target and no action, as XState does', () => {
    const m = createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } });
    const [start] = initialTransition(m);
    const [moved] = transition(m, start, { type: 'GO' });
    expect(moved.value).toBe('b');
    const compiled = compileMachine(m)!;
    expect(compiled).not.toBeNull();
    expect(compiled.next('a', start.context, { type: 'GO' })).toEqual({
      value: 'b',
      context: start.context,
      done: false,
    });
  });

  it("takes a whole-context assignment as the next context, equal to XState's merge byte for byte", () => {
    type C = { a: number; b: string; c?: number };
    const spread = ({ context }: { context: C }) => ({ ...context, b: `${context.b}!`, c: context.a });
    const same = ({ context }: { context: C }) => context;
    const m = setup({
      types: { context: {} as C, events: {} as { type: 'SPREAD' | 'SAME' } },
      actions: { spread: assign(wholeContext(spread)), same: assign(wholeContext(same)) },
    }).createMachine({
      context: { a: 1, b: 'x' },
      initial: 'a',
      states: { a: { on: { SPREAD: { actions: 'spread' }, SAME: { target: 'b', actions: 'same' } } }, b: {} },
    });
    const compiled = compileMachine<C>(m)!;
    const [start] = initialTransition(m);
    for (const type of ['SPREAD', 'SAME'] as const) {
      const [next] = transition(m, start, { type });
      const step = compiled.next(start.value, start.context, { type })!;
      expect(JSON.stringify(step.context)).toBe(JSON.stringify(next.context));
      // Never the context it was given (an assignment handing it back is copied, as XState does).
      expect(step.context).not.toBe(start.context);
    }
  });

  it('names the values it hands out as stateName and keyOf name a fresh copy of them', () => {
    const p = residenceProcedure();
    const compiled = compileMachine<DossierContext>(p.machine)!;
    const seen = new Set<string>();
    // Walk: every event from every value reached, as the desk and each unit's officer.
    const start = p.start({
      code: 'X',
      secret: 'S',
      agency: 'A',
      receivedAt: '2026-03-02T02:00:00.000Z',
      receivedBy: { officerId: 'd', unitId: p.definition.desk },
      channel: 'in-person',
      ...sampleReceipt,
    });
    let state = { value: start.value, context: start.context };
    for (let i = 0; i < 10; i++) {
      const step = compiled.next(state.value, state.context, {
        type: 'HAND_OVER',
        at: '2026-03-02T03:00:00.000Z',
        actor: { officerId: 'o', unitId: state.context.holder, roles: [] },
      } as never);
      if (!step) break;
      state = step;
      if (typeof step.value === 'object') {
        expect(Object.isFrozen(step.value)).toBe(true);
        const fresh = structuredClone(step.value);
        expect(stateName(step.value)).toBe(stateName(fresh));
        // A fresh copy finds the same leaf.
        expect(compiled.next(fresh, state.context, { type: 'NOTHING' })).toBeNull();
      }
      seen.add(stateName(step.value));
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('rejects a state value the machine does not have', () => {
    const compiled = compileMachine(residenceProcedure().machine)!;
    expect(() => compiled.next('nowhere', {}, { type: 'HAND_OVER' })).toThrow(/not a state of this machine/);
  });
});
