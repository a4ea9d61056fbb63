interface Entry<T> {
  at: number;
  seq: number;
  item: T;
}

/**
 * A min-heap of scheduled items by instant (ms); ties keep insertion order. Items known in
 * advance in bulk (a simulation's arrivals) can be {@link EventQueue.preload}ed: they wait in one
 * sorted array instead of the heap, which keeps the heap small and the order the same as if each
 * had been pushed.
 */
export class EventQueue<T> {
  private readonly heap: Entry<T>[] = [];
  private backlog: Entry<T>[] = [];
  private next = 0;
  private seq = 0;

  get size(): number {
    return this.heap.length + this.backlog.length - this.next;
  }

  /**
   * Schedules many items at once, as if each were pushed in this order; cheaper than pushing them
   * one by one when they are many. Only on an empty queue.
   */
  preload(items: readonly { readonly at: number; readonly item: T }[]): void {
    if (this.size > 0) throw new Error('EventQueue.preload: the queue is not empty');
    this.backlog = items.map(({ at, item }) => ({ at, seq: this.seq++, item }));
    this.backlog.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.next = 0;
  }

  push(at: number, item: T): void {
    const h = this.heap;
    h.push({ at, seq: this.seq++, item });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(h[parent]!, h[i]!)) break;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  /** The earliest instant, or `Infinity` when empty. */
  peekAt(): number {
    const fromHeap = this.heap[0]?.at ?? Number.POSITIVE_INFINITY;
    const fromBacklog = this.backlog[this.next]?.at ?? Number.POSITIVE_INFINITY;
    return Math.min(fromHeap, fromBacklog);
  }

  pop(): { at: number; item: T } | undefined {
    const h = this.heap;
    const top = h[0];
    const waiting = this.backlog[this.next];
    if (waiting && (!top || this.less(waiting, top))) {
      this.next++;
      if (this.next === this.backlog.length) {
        this.backlog = [];
        this.next = 0;
      }
      return { at: waiting.at, item: waiting.item };
    }
    if (!top) return undefined;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return { at: top.at, item: top.item };
  }

  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}
