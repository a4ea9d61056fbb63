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

  it('keeps that order with sorted batches appended to the backlog, and returns the tag of each entry', () => {
    type BatchOp = { kind: 'push'; at: number } | { kind: 'pop' } | { kind: 'batch'; deltas: number[] };
    const at = fc.integer({ min: 0, max: 40 });
    const op: fc.Arbitrary<BatchOp> = fc.oneof(
      at.map((a) => ({ kind: 'push' as const, at: a })),
      fc.constant({ kind: 'pop' as const }),
      fc
        .array(fc.integer({ min: 0, max: 6 }), { maxLength: 8 })
        .map((deltas) => ({ kind: 'batch' as const, deltas })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const q = new EventQueue<number>();
        const pending: { at: number; seq: number; id: number }[] = [];
        const expected: number[] = [];
        const out: number[] = [];
        let id = 0;
        let end = 0; // batches start where the last one ended, or later
        const take = () => {
          pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
          const first = pending.shift();
          if (first) expected.push(first.id);
          const item = q.shift();
          if (item !== undefined) {
            expect(q.lastTag).toBe(item % 256);
            expect(q.lastAt).toBe(first!.at);
            out.push(item);
          }
        };
        for (const o of ops) {
          if (o.kind === 'push') {
            pending.push({ at: o.at, seq: id, id });
            q.push(o.at, id, id % 256);
            id++;
          } else if (o.kind === 'batch') {
            const ats: number[] = [];
            const items: number[] = [];
            for (const delta of o.deltas) {
              end += delta;
              ats.push(end);
              items.push(id);
              pending.push({ at: end, seq: id, id });
              id++;
            }
            q.appendSorted(
              ats,
              items,
              items.map((i) => i % 256),
            );
          } else take();
        }
        while (pending.length) take();
        expect(out).toEqual(expected);
        expect(q.size).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a batch that is not sorted or starts before the waiting backlog ends', () => {
    const q = new EventQueue<string>();
    expect(() => q.appendSorted([2, 1], ['a', 'b'])).toThrow(/not sorted/);
    q.appendSorted([5], ['a']);
    expect(() => q.appendSorted([4], ['b'])).toThrow(/before the waiting backlog/);
  });

  it('refuses a preload on a queue that is not empty', () => {
    const q = new EventQueue<string>();
    q.push(1, 'a');
    expect(() => q.preload([{ at: 0, item: 'b' }])).toThrow(/not empty/);
  });
});
