import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  initialTransition,
  transition,
} from 'xstate';

interface InertScope {
  self: { _snapshot: unknown };
  actionExecutor: (action: unknown) => void;
}

/** Pure transitions of one machine: (snapshot, event) → next snapshot, nothing else happens. */
export interface PureStepper {
  initial(input: unknown): AnyMachineSnapshot;
  next(snapshot: AnyMachineSnapshot, event: { type: string }): AnyMachineSnapshot;
}

/**
 * XState v5's `transition()` and `initialTransition()` build a fresh inert actor for every call
 * (~40–70 µs here). This stepper builds that inert actor scope once per machine and reuses it, which
 * is what those functions do inside, minus the rebuild. Actions other than `assign` are not
 * executed (as with `transition()`, whose returned actions motcua never runs: effects go through
 * the engine's outbox). Falls back to the public functions if the scope is not reachable.
 */
export function pureStepper(machine: AnyStateMachine): PureStepper {
  let scope: InertScope | null | undefined;
  const getScope = (): InertScope | null => {
    if (scope !== undefined) return scope;
    try {
      const actor = createActor(machine) as unknown as { _actorScope?: InertScope };
      scope = actor._actorScope && typeof actor._actorScope === 'object' ? actor._actorScope : null;
      if (scope) scope.actionExecutor = () => {};
    } catch {
      scope = null;
    }
    return scope;
  };
  return {
    initial(input) {
      const s = getScope();
      return s
        ? machine.getInitialSnapshot(s as never, input)
        : initialTransition(machine, input as never)[0];
    },
    next(snapshot, event) {
      const s = getScope();
      if (!s) return transition(machine, snapshot as never, event as never)[0] as AnyMachineSnapshot;
      s.self._snapshot = snapshot;
      return machine.transition(snapshot as never, event as never, s as never) as AnyMachineSnapshot;
    },
  };
}
