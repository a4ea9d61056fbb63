import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** Mermaid-safe id of a state node. */
function idOf(node: AnyStateNode): string {
  return node.path.length ? node.path.join('_').replace(/[^\w]/g, '_') : 'root';
}

function label(node: AnyStateNode): string {
  const key = node.key;
  const description = node.description ? `: ${node.description.replace(/["\n]/g, ' ')}` : '';
  return `${key}${description}`;
}

/**
 * A Mermaid `stateDiagram-v2` of a machine, generated from its state nodes and transitions (never
 * drawn by hand): compound states nest, guarded transitions show their event, final states end in
 * `[*]`; a top-level `submitted` state (online filings) starts from `[*]` too. Works for any XState v5 machine; the docs render the procedures' lifecycles with it.
 * @example
 * ```ts
 * import { machineToMermaid } from '@motcua/core';
 * import { permanentResidence } from '@motcua/procedures';
 * const [procedure] = permanentResidence.versions;
 * console.log(machineToMermaid(procedure!.machine)); // stateDiagram-v2 …
 * ```
 */
export function machineToMermaid(machine: AnyStateMachine): string {
  const lines: string[] = ['stateDiagram-v2'];
  const edges = new Set<string>();
  const render = (node: AnyStateNode, indent: string) => {
    const children = Object.values(node.states) as AnyStateNode[];
    const initial = (node.initial?.target ?? []) as AnyStateNode[];
    for (const target of initial) lines.push(`${indent}[*] --> ${idOf(target)}`);
    // Online filings start in a top-level `submitted` state (`Procedure.submit`).
    const submitted = node === machine.root ? node.states.submitted : undefined;
    if (submitted) lines.push(`${indent}[*] --> ${idOf(submitted as AnyStateNode)} : SUBMIT`);
    for (const child of children) {
      if (child.type === 'history') continue;
      const grandChildren = Object.values(child.states) as AnyStateNode[];
      if (grandChildren.length) {
        lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`);
        render(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${idOf(child)} : ${label(child)}`);
      }
      if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
    }
  };
  render(machine.root, '  ');
  const collect = (node: AnyStateNode) => {
    for (const [event, list] of node.transitions) {
      for (const t of list) {
        for (const target of (t.target ?? []) as AnyStateNode[]) {
          edges.add(`  ${idOf(node)} --> ${idOf(target)} : ${event}`);
        }
      }
    }
    for (const child of Object.values(node.states) as AnyStateNode[]) collect(child);
  };
  collect(machine.root);
  lines.push(...edges);
  return `${lines.join('\n')}\n`;
}
