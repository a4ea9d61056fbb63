/**
 * A min-heap of scheduled items by instant (ms); ties keep insertion order. The heap keeps its
 * keys in typed arrays (instant, insertion number) beside the items, so comparisons read two
 * numbers from contiguous memory. Items known in advance in bulk (a simulation's arrivals) can be
 * {@link EventQueue.preload}ed: they wait in one sorted array instead of the heap, which keeps the
 * heap small and the order the same as if each had been pushed.
 */
export class EventQueue<T> {
  private ats = new Float64Array(64);
  private seqs = new Float64Array(64);
  private items: (T | undefined)[] = [];
  private length = 0;
  private backlog: { at: number; seq: number; item: T }[] = [];
  private next = 0;
  private seq = 0;

  get size(): number {
    return this.length + this.backlog.length - this.next;
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
    if (this.length === this.ats.length) this.grow();
    const ats = this.ats;
    const seqs = this.seqs;
    const items = this.items;
    const seq = this.seq++;
    let i = this.length++;
    // Sift up: move parents down until the new key's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pa = ats[parent]!;
      if (pa < at || (pa === at && seqs[parent]! < seq)) break;
      ats[i] = pa;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    ats[i] = at;
    seqs[i] = seq;
    items[i] = item;
  }

  /** The earliest instant, or `Infinity` when empty. */
  peekAt(): number {
    const fromHeap = this.length > 0 ? this.ats[0]! : Number.POSITIVE_INFINITY;
    const fromBacklog = this.backlog[this.next]?.at ?? Number.POSITIVE_INFINITY;
    return Math.min(fromHeap, fromBacklog);
  }

  pop(): { at: number; item: T } | undefined {
    const waiting = this.backlog[this.next];
    if (
      waiting &&
      (this.length === 0 ||
        waiting.at < this.ats[0]! ||
        (waiting.at === this.ats[0]! && waiting.seq < this.seqs[0]!))
    ) {
      this.next++;
      if (this.next === this.backlog.length) {
        this.backlog = [];
        this.next = 0;
      }
      return { at: waiting.at, item: waiting.item };
    }
    if (this.length === 0) return undefined;
    const ats = this.ats;
    const seqs = this.seqs;
    const items = this.items;
    const top = { at: ats[0]!, item: items[0] as T };
    const n = --this.length;
    const at = ats[n]!;
    const seq = seqs[n]!;
    const item = items[n];
    items[n] = undefined;
    if (n > 0) {
      // Sift down the last entry from the root.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let m = l;
        if (r < n && (ats[r]! < ats[l]! || (ats[r] === ats[l] && seqs[r]! < seqs[l]!))) m = r;
        if (at < ats[m]! || (at === ats[m] && seq < seqs[m]!)) break;
        ats[i] = ats[m]!;
        seqs[i] = seqs[m]!;
        items[i] = items[m];
        i = m;
      }
      ats[i] = at;
      seqs[i] = seq;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const ats = new Float64Array(this.ats.length * 2);
    ats.set(this.ats);
    this.ats = ats;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
