import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.js';

/** The reference: every item ever scheduled, popped in (instant, insertion order). */
function referenceOrder(ops: readonly Op[], preload: readonly number[]): number[] {
  const pending: { at: number; seq: number; id: number }[] = [];
  let seq = 0;
  let id = 0;
  for (const at of preload) pending.push({ at, seq: seq++, id: id++ });
  const out: number[] = [];
  for (const op of ops) {
    if (op.kind === 'push') pending.push({ at: op.at, seq: seq++, id: id++ });
    else {
      pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const first = pending.shift();
      if (first) out.push(first.id);
    }
  }
  pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return [...out, ...pending.map((p) => p.id)];
}

type Op = { kind: 'push'; at: number } | { kind: 'pop' };

describe('EventQueue (property)', () => {
  it('pops in (instant, insertion) order with pushes, pops and a preloaded backlog interleaved', () => {
    const at = fc.integer({ min: 0, max: 40 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      at.map((a) => ({ kind: 'push' as const, at: a })),
      fc.constant({ kind: 'pop' as const }),
    );
    fc.assert(
      fc.property(fc.array(at, { maxLength: 60 }), fc.array(op, { maxLength: 200 }), (preload, ops) => {
        const q = new EventQueue<number>();
        let id = 0;
        q.preload(preload.map((a) => ({ at: a, item: id++ })));
        const out: number[] = [];
        for (const o of ops) {
          if (o.kind === 'push') q.push(o.at, id++);
          else {
            const peek = q.peekAt();
            const popped = q.pop();
            if (popped) {
              expect(popped.at).toBe(peek);
              out.push(popped.item);
            } else expect(peek).toBe(Number.POSITIVE_INFINITY);
          }
        }
        while (q.size) out.push(q.pop()!.item);
        expect(out).toEqual(referenceOrder(ops, preload));
        expect(q.pop()).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a preload on a queue that is not empty', () => {
    const q = new EventQueue<string>();
    q.push(1, 'a');
    expect(() => q.preload([{ at: 0, item: 'b' }])).toThrow(/not empty/);
  });
});
