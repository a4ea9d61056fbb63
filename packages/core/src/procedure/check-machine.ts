import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { tableGaps } from './compiled-machine.js';

/**
 * A finding about a machine: a structural problem (`unreachable`, `dead-end`, `no-way-out`), or,
 * when asked for with `{ table: true }`, a place the compiled table does not model
 * (`not-in-table`: the machine runs on XState, with the same results, about 3× slower).
 */
export interface MachineProblem {
  readonly kind: 'unreachable' | 'dead-end' | 'no-way-out' | 'not-in-table';
  /** The state's id, e.g. `1_001193@1.processing.appraise`. */
  readonly state: string;
  /** For `not-in-table`: what the table does not model there, e.g. `entry/exit actions`. */
  readonly reason?: string;
}

/** Options of {@link checkMachine}. */
export interface CheckMachineOptions {
  /**
   * Also list, as `not-in-table` findings, every place the compiled table does not model
   * (see `compileMachine`): such a machine is not wrong, it runs on XState instead of the table.
   */
  readonly table?: boolean;
}

function allNodes(node: AnyStateNode, out: AnyStateNode[] = []): AnyStateNode[] {
  out.push(node);
  for (const child of Object.values(node.states) as AnyStateNode[]) allNodes(child, out);
  return out;
}

/** The atomic states a transition into `node` can land in. */
function entered(node: AnyStateNode): AnyStateNode[] {
  if (node.type === 'atomic' || node.type === 'final') return [node];
  if (node.type === 'history')
    return node.parent ? (Object.values(node.parent.states) as AnyStateNode[]).flatMap(entered) : [];
  if (node.type === 'parallel') return (Object.values(node.states) as AnyStateNode[]).flatMap(entered);
  const initial = node.initial?.target ?? [];
  return (initial as AnyStateNode[]).flatMap(entered);
}

/** Targets of every transition available in an atomic state (its own and its ancestors'). */
function successors(node: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) {
    for (const list of n.transitions.values()) {
      for (const t of list)
        for (const target of (t.target ?? []) as AnyStateNode[]) out.push(...entered(target));
    }
    for (const t of n.always ?? [])
      for (const target of (t.target ?? []) as AnyStateNode[]) out.push(...entered(target));
  }
  return out;
}

/**
 * Checks a machine's graph: every state reachable from the start (the initial state, and a
 * top-level `submitted` state where online filings start), no non-final state without a
 * way out, and a final state reachable from every state. Works on any XState v5 machine, so
 * hand-written procedure machines get the same checks as declarative ones. With
 * `{ table: true }`, also flags what the compiled table cannot run (`not-in-table`, with the
 * reason): `defineProcedure` refuses a machine with structural problems, never one with
 * `not-in-table` findings (it runs on XState).
 * @example
 * ```ts
 * import { checkMachine } from '@motcua/core';
 * import { permanentResidence } from '@motcua/procedures';
 * const [procedure] = permanentResidence.versions;
 * checkMachine(procedure!.machine, { table: true }); // [] when the compiled table runs every transition
 * ```
 */
export function checkMachine(machine: AnyStateMachine, options: CheckMachineOptions = {}): MachineProblem[] {
  const nodes = allNodes(machine.root).filter((n) => n.type !== 'history');
  const atomics = nodes.filter((n) => n.type === 'atomic' || n.type === 'final');
  const edges = new Map<AnyStateNode, AnyStateNode[]>();
  for (const a of atomics) edges.set(a, a.type === 'final' ? [] : successors(a));

  const reached = new Set<AnyStateNode>();
  // Online filings start in a top-level `submitted` state (see `Procedure.submit`): a second start.
  const submitted = (machine.root.states as Record<string, AnyStateNode>).submitted;
  const queue = [...entered(machine.root), ...(submitted ? entered(submitted) : [])];
  while (queue.length) {
    const n = queue.pop()!;
    if (reached.has(n)) continue;
    reached.add(n);
    queue.push(...(edges.get(n) ?? []));
  }
  const reachedAny = new Set<AnyStateNode>();
  for (const n of reached) for (let p: AnyStateNode | undefined = n; p; p = p.parent) reachedAny.add(p);

  const canFinish = new Set(atomics.filter((a) => a.type === 'final'));
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of atomics) {
      if (!canFinish.has(a) && (edges.get(a) ?? []).some((s) => canFinish.has(s))) {
        canFinish.add(a);
        changed = true;
      }
    }
  }
  const problems: MachineProblem[] = [];
  for (const n of nodes) if (!reachedAny.has(n)) problems.push({ kind: 'unreachable', state: n.id });
  for (const a of atomics) {
    if (a.type === 'final' || !reached.has(a)) continue;
    if ((edges.get(a) ?? []).length === 0) problems.push({ kind: 'dead-end', state: a.id });
    else if (!canFinish.has(a)) problems.push({ kind: 'no-way-out', state: a.id });
  }
  if (options.table) {
    for (const gap of tableGaps(machine)) problems.push({ kind: 'not-in-table', ...gap });
  }
  return problems;
}
