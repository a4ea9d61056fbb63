import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';

/** What a compiled machine computes for one event: the next state value, context and status. */
export interface CompiledStep<C> {
  readonly value: StateValue;
  readonly context: C;
  readonly done: boolean;
}

/**
 * A machine's transitions as a plain table, for machines that use only what a dossier lifecycle
 * needs: nested compound states, final states at the top level, `on` transitions (with or without
 * a target) with guards (named, with params, or inline functions) and `assign` actions. Built by
 * {@link compileMachine}.
 */
export interface CompiledMachine<C = unknown> {
  /** The initial state value and whether it is final, for `context` computed from the input. */
  initial(input: unknown): CompiledStep<C>;
  /**
   * The transition `event` takes from `value` with `context`, or `null` where XState keeps the
   * snapshot: no enabled transition, or the enabled one has no action and stays in the same leaf.
   */
  next(value: StateValue, context: C, event: { readonly type: string }): CompiledStep<C> | null;
}

type Assignment = (args: object, params: unknown) => object;
type GuardFn = (args: { context: unknown; event: unknown }, params: unknown) => boolean;

interface Candidate {
  readonly guard: ((context: unknown, event: unknown) => boolean) | null;
  readonly assigns: readonly ((context: object, event: unknown) => object)[];
  /** The leaf entered, or `null` for a targetless transition. */
  readonly target: Leaf | null;
}

interface Leaf {
  readonly key: string;
  readonly value: StateValue;
  readonly done: boolean;
  readonly candidates: Map<string, Candidate[]>;
}

/** Assignments known to return a new whole context: see {@link wholeContext}. */
const wholeContexts = new WeakSet<object>();

/**
 * Marks an `assign` function that always returns a new object beginning with every key of the
 * context it is given, in the context's order (`{ ...context, changes }`), as the lifecycle's actions
 * do. XState merges an assignment's result into a copy of the context (`Object.assign({}, context,
 * result)`), which for such a result gives an object equal to it key for key and in the same key
 * order; the compiled table takes the result itself and saves that copy. The parity tests compare
 * the table's contexts with XState's byte for byte (`JSON.stringify`).
 */
export function wholeContext<F>(assignment: F): F {
  wholeContexts.add(assignment as object);
  return assignment;
}

/** Thrown while compiling one transition: it uses something the table does not model. */
class Unsupported extends Error {}

const noSpawn = () => {
  throw new Error('spawning actors is not supported in dossier machines');
};

/**
 * The dotted name of each state value object a compiled table hands out (frozen, shared by every
 * snapshot in that leaf), so `stateName` and the table find it without walking it.
 */
const leafNames = new WeakMap<object, string>();

/** The dotted name of a state value object made by a compiled table (`processing.appraise`), else `undefined`. */
export function tableLeafName(value: object): string | undefined {
  return leafNames.get(value);
}

/** The state value XState gives a leaf at `path`: `'a'` or `{ a: { b: 'c' } }` (frozen, every level). */
function leafValue(path: readonly string[]): StateValue {
  let value: StateValue = path[path.length - 1]!;
  for (let i = path.length - 2; i >= 0; i--) value = Object.freeze({ [path[i]!]: value });
  if (typeof value === 'object') leafNames.set(value, path.join('.'));
  return value;
}

/** The dotted key of a state value with one active leaf (`processing.appraise`), or `null`. */
function keyOf(value: StateValue): string | null {
  let key = '';
  let v: StateValue = value;
  for (;;) {
    if (typeof v === 'string') return key ? `${key}.${v}` : v;
    const keys = Object.keys(v);
    if (keys.length !== 1) return null;
    const k = keys[0]!;
    key = key ? `${key}.${k}` : k;
    const inner = (v as Record<string, StateValue | undefined>)[k];
    if (inner === undefined) return key;
    v = inner;
  }
}

function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[];
}

/** The leaf a transition into `node` ends in: `node` itself, or its initial descendants. */
function enteredLeaf(node: AnyStateNode): AnyStateNode {
  let n = node;
  while (n.type === 'compound') {
    const initial = n.initial;
    if (initial.actions.length) throw new Unsupported('initial actions');
    const target = initial.target[0];
    if (!target || initial.target.length !== 1) throw new Unsupported('initial target');
    n = target;
  }
  return n;
}

function compileGuard(machine: AnyStateMachine, guard: unknown): Candidate['guard'] {
  if (guard === undefined || guard === null) return null;
  let resolved: unknown = guard;
  let params: unknown;
  // A named guard may be implemented by another guard reference: follow the chain as XState does;
  // the params are those of the reference that resolves to the function.
  for (let depth = 0; typeof resolved !== 'function'; depth++) {
    if (depth > 10) throw new Unsupported('guard chain');
    const ref = resolved as string | { type: string; params?: unknown };
    const name = typeof ref === 'string' ? ref : ref.type;
    params = undefined;
    if (typeof ref === 'object' && 'params' in ref) {
      if (typeof ref.params === 'function') throw new Unsupported('dynamic guard params');
      params = ref.params;
    }
    resolved = (machine.implementations.guards as Record<string, unknown>)[name];
    if (resolved === undefined) throw new Unsupported(`guard ${name} not implemented`);
  }
  if ('check' in (resolved as object)) throw new Unsupported('built-in higher-order guard');
  const fn = resolved as GuardFn;
  return (context, event) => fn({ context, event }, params);
}

function compileActions(machine: AnyStateMachine, actions: readonly unknown[]): Candidate['assigns'] {
  return actions.map((action) => {
    let resolved: unknown = action;
    let params: unknown;
    if (typeof action === 'string' || (typeof action === 'object' && action !== null)) {
      const ref = action as string | { type: string; params?: unknown };
      const name = typeof ref === 'string' ? ref : ref.type;
      if (typeof ref === 'object' && 'params' in ref) {
        if (typeof ref.params === 'function') throw new Unsupported('dynamic action params');
        params = ref.params;
      }
      resolved = (machine.implementations.actions as Record<string, unknown>)[name];
    }
    if (typeof resolved !== 'function') throw new Unsupported('action not implemented');
    const fn = resolved as unknown as { type?: unknown; assignment?: unknown };
    if (fn.type !== 'xstate.assign') throw new Unsupported('non-assign action');
    const assignment = fn.assignment;
    if (typeof assignment === 'function') {
      const assign = assignment as Assignment;
      if (wholeContexts.has(assignment)) {
        // A new whole context: XState's merge into a copy would give an equal object (see wholeContext).
        return (context: object, event: unknown) => {
          const next = assign({ context, event, spawn: noSpawn }, params);
          return next === context ? Object.assign({}, context) : next;
        };
      }
      return (context: object, event: unknown) =>
        Object.assign({}, context, assign({ context, event, spawn: noSpawn }, params));
    }
    if (assignment && typeof assignment === 'object') {
      const props = Object.entries(assignment as Record<string, unknown>);
      return (context: object, event: unknown) => {
        const update: Record<string, unknown> = {};
        for (const [key, prop] of props) {
          update[key] =
            typeof prop === 'function'
              ? (prop as Assignment)({ context, event, spawn: noSpawn }, params)
              : prop;
        }
        return Object.assign({}, context, update);
      };
    }
    throw new Unsupported('assign without an assignment');
  });
}

/**
 * Something in a machine that the compiled table does not model (see {@link compileMachine}):
 * where it is and what it is. A machine with any runs on XState instead of the table.
 */
export interface TableGap {
  /** The id of the state node that holds it, e.g. `1_001193@1.processing.appraise`. */
  readonly state: string;
  /** What it is, e.g. `entry/exit actions` or `HAND_OVER: built-in higher-order guard`. */
  readonly reason: string;
}

/**
 * Compiles an XState v5 machine into a transition table when it uses only what dossier machines
 * use (the standard lifecycle and most hand-written kit machines): compound states, top-level
 * final states, event transitions — with or without a target, with or without actions — whose
 * guards are named (with params) or inline functions and whose actions are `assign`s. Anything
 * else — entry/exit actions, eventless (`always`) or delayed transitions, invoked actors,
 * parallel or history states, wildcard events, built-in higher-order guards (`and`, `or`, `not`),
 * actions other than `assign`, re-entering transitions — gives `null`, and the caller runs XState
 * itself ({@link tableGaps} lists each such place).
 *
 * The table follows XState's own selection: the candidates of the active leaf in document order,
 * then its ancestors'; the first whose guard passes is taken; its assigns run in order, each
 * merged into the context as XState does (`Object.assign({}, context, update)`); the leaf it
 * enters is the target's initial leaf (states have no entry or exit actions here, so exiting and
 * re-entering changes nothing else). Where XState keeps the snapshot — no enabled transition, or
 * one with no action that stays in the same leaf — `next` gives `null`. Equivalence with XState
 * is tested edge by edge with `@xstate/graph` on hand-written machines and on every procedure of
 * the catalogue.
 *
 * @example
 * ```ts
 * import { compileMachine, tableGaps } from '@motcua/core';
 * import { permanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * const table = compileMachine(residence!.machine);
 * if (table === null) console.log(tableGaps(residence!.machine)); // why it runs on XState instead
 * ```
 */
export function compileMachine<C = unknown>(machine: AnyStateMachine): CompiledMachine<C> | null {
  return analyse<C>(machine).table;
}

/**
 * Where a machine uses what the compiled table does not model, one entry per place (`[]` when
 * {@link compileMachine} compiles it). Such a machine still runs, on XState.
 *
 * @example
 * ```ts
 * import { tableGaps } from '@motcua/core';
 * import { permanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * tableGaps(residence!.machine); // [] for the standard lifecycle
 * ```
 */
export function tableGaps(machine: AnyStateMachine): TableGap[] {
  return analyse(machine).gaps;
}

function analyse<C>(machine: AnyStateMachine): { table: CompiledMachine<C> | null; gaps: TableGap[] } {
  const gaps: TableGap[] = [];
  const table = build<C>(machine, gaps);
  return { table: gaps.length ? null : table, gaps };
}

/** The table, or `null` with `gaps` filled. */
function build<C>(machine: AnyStateMachine, gaps: TableGap[]): CompiledMachine<C> | null {
  const root = machine.root as AnyStateNode;
  const gap = (node: AnyStateNode, reason: string) => gaps.push({ state: node.id, reason });
  const check = (node: AnyStateNode) => {
    if (node.type === 'parallel' || node.type === 'history') gap(node, `${node.type} state`);
    if (node.type === 'final' && node.parent && node.parent !== root) gap(node, 'nested final state');
    if (node.entry.length || node.exit.length) gap(node, 'entry/exit actions');
    if (node.always?.length) gap(node, 'eventless (always) transitions');
    if (node.after.length) gap(node, 'delayed (after) transitions');
    if (node.invoke.length) gap(node, 'invoked actors');
    for (const child of childrenOf(node)) check(child);
  };
  check(root);
  if (root.type !== 'compound') gap(root, 'root is not a compound state');

  const leaves = new Map<AnyStateNode, Leaf>();
  const collect = (node: AnyStateNode) => {
    const children = childrenOf(node);
    if (children.length === 0) {
      leaves.set(node, {
        key: node.path.join('.'),
        value: leafValue(node.path),
        done: node.type === 'final',
        candidates: new Map(),
      });
    }
    for (const child of children) collect(child);
  };
  collect(root);
  const leafOf = (node: AnyStateNode): Leaf => {
    const leaf = leaves.get(node);
    if (!leaf) throw new Unsupported('target is not a leaf');
    return leaf;
  };

  // Each node's own transitions, compiled once; a leaf's candidates are its own, then its ancestors'.
  const own = new Map<AnyStateNode, Map<string, Candidate[]>>();
  const compileNode = (node: AnyStateNode) => {
    const byEvent = new Map<string, Candidate[]>();
    for (const [eventType, transitions] of node.transitions) {
      if (eventType.includes('*')) {
        gap(node, `${eventType}: wildcard event`);
        continue;
      }
      const list: Candidate[] = [];
      for (const t of transitions) {
        try {
          if (t.reenter) throw new Unsupported('re-entering transition');
          const targets = t.target as readonly AnyStateNode[] | undefined;
          if (targets && targets.length > 1) throw new Unsupported('several targets');
          const targetNode = targets?.[0];
          list.push({
            guard: compileGuard(machine, t.guard),
            assigns: compileActions(machine, t.actions),
            target: targetNode ? leafOf(enteredLeaf(targetNode)) : null,
          });
        } catch (e) {
          if (!(e instanceof Unsupported)) throw e;
          gap(node, `${eventType}: ${e.message}`);
        }
      }
      byEvent.set(eventType, list);
    }
    own.set(node, byEvent);
    for (const child of childrenOf(node)) compileNode(child);
  };
  compileNode(root);
  if (gaps.length) return null;

  for (const [node, leaf] of leaves) {
    for (let n: AnyStateNode | undefined = node; n; n = n.parent) {
      for (const [eventType, list] of own.get(n)!) {
        const into = leaf.candidates.get(eventType);
        if (into) into.push(...list);
        else leaf.candidates.set(eventType, [...list]);
      }
    }
  }

  const byKey = new Map<string, Leaf>();
  for (const leaf of leaves.values()) byKey.set(leaf.key, leaf);
  let initialLeaf: Leaf;
  try {
    initialLeaf = leafOf(enteredLeaf(root));
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    gap(root, e.message);
    return null;
  }
  const contextConfig = (machine.config as { context?: unknown }).context;

  return {
    initial(input) {
      const made =
        typeof contextConfig === 'function'
          ? (contextConfig as (args: object) => object)({ input, spawn: noSpawn })
          : (contextConfig ?? {});
      return {
        value: initialLeaf.value,
        context: Object.assign({}, {}, made) as C,
        done: initialLeaf.done,
      };
    },
    next(value, context, event) {
      // A value the table handed out is known by its identity; any other is read.
      const known = typeof value === 'object' ? leafNames.get(value) : value;
      const key = known ?? keyOf(value);
      const leaf = key === null ? undefined : byKey.get(key);
      if (!leaf) throw new Error(`state ${JSON.stringify(value)} is not a state of this machine`);
      const candidates = leaf.candidates.get(event.type);
      if (!candidates) return null;
      for (const c of candidates) {
        if (c.guard && !c.guard(context, event)) continue;
        const target = c.target ?? leaf;
        // No action and the same leaf: XState keeps the snapshot as it is.
        if (c.assigns.length === 0 && target === leaf) return null;
        let next = context as object;
        for (const assign of c.assigns) next = assign(next, event);
        // Once done, a snapshot stays done under XState's transition(), wherever it goes.
        return { value: c.target ? target.value : value, context: next as C, done: leaf.done || target.done };
      }
      return null;
    },
  };
}
