/**
 * A min-heap of scheduled items by instant (ms); ties keep insertion order. The heap keeps its
 * keys in typed arrays (instant, insertion number, tag) beside the items, so comparisons read two
 * numbers from contiguous memory. Items known in advance in bulk (a simulation's arrivals) can wait
 * in a sorted backlog instead of the heap ({@link EventQueue.preload},
 * {@link EventQueue.appendSorted}), which keeps the heap small and the order the same as if each had
 * been pushed. Each entry may carry a small integer tag (0–255) beside its item, so a caller can
 * say what is due without allocating a wrapper object; {@link EventQueue.shift} pops without
 * allocating either.
 *
 * @example
 * ```ts
 * import { EventQueue } from '@motcua/core/simulation';
 * const queue = new EventQueue<string>();
 * queue.push(Date.parse('2026-03-02T09:00:00+07:00'), 'receive');
 * queue.push(Date.parse('2026-03-02T08:00:00+07:00'), 'open desk');
 * queue.pop(); // { at: …, item: 'open desk' }: earliest first
 * ```
 */
export class EventQueue<T> {
  private ats = new Float64Array(64);
  private seqs = new Float64Array(64);
  private tags = new Uint8Array(64);
  private items: (T | undefined)[] = [];
  private length = 0;
  // The backlog: entries in (instant, insertion) order, consumed from `head`.
  private bAts = new Float64Array(0);
  private bSeqs = new Float64Array(0);
  private bTags = new Uint8Array(0);
  private bItems: (T | undefined)[] = [];
  private head = 0;
  private tail = 0;
  private seq = 0;
  /** The instant of the entry last removed by {@link EventQueue.shift}. */
  lastAt = Number.NaN;
  /** The tag of the entry last removed by {@link EventQueue.shift}. */
  lastTag = 0;

  get size(): number {
    return this.length + this.tail - this.head;
  }

  /**
   * Schedules many items at once, as if each were pushed in this order; cheaper than pushing them
   * one by one when they are many. Only on an empty queue.
   */
  preload(items: readonly { readonly at: number; readonly item: T; readonly tag?: number }[]): void {
    if (this.size > 0) throw new Error('EventQueue.preload: the queue is not empty');
    const order = items.map((_, i) => i);
    order.sort((a, b) => items[a]!.at - items[b]!.at || a - b);
    this.appendSorted(
      order.map((i) => items[i]!.at),
      order.map((i) => items[i]!.item),
      order.map((i) => items[i]!.tag ?? 0),
    );
  }

  /**
   * Schedules a batch already in instant order (ties in batch order), as if each item were pushed
   * in that order. The batch must not start before the last instant still waiting in the backlog.
   */
  appendSorted(ats: ArrayLike<number>, items: ArrayLike<T>, tags?: ArrayLike<number>): void {
    const n = ats.length;
    if (items.length !== n || (tags && tags.length !== n))
      throw new Error('EventQueue.appendSorted: instants, items and tags differ in length');
    if (n === 0) return;
    if (this.tail > this.head && ats[0]! < this.bAts[this.tail - 1]!)
      throw new Error('EventQueue.appendSorted: the batch starts before the waiting backlog ends');
    for (let i = 1; i < n; i++)
      if (ats[i]! < ats[i - 1]!) throw new Error('EventQueue.appendSorted: the batch is not sorted');
    this.reserveBacklog(n);
    for (let i = 0; i < n; i++) {
      const j = this.tail++;
      this.bAts[j] = ats[i]!;
      this.bSeqs[j] = this.seq++;
      this.bTags[j] = tags ? tags[i]! : 0;
      this.bItems[j] = items[i];
    }
  }

  push(at: number, item: T, tag = 0): void {
    if (this.length === this.ats.length) this.grow();
    const ats = this.ats;
    const seqs = this.seqs;
    const tags = this.tags;
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
      tags[i] = tags[parent]!;
      items[i] = items[parent];
      i = parent;
    }
    ats[i] = at;
    seqs[i] = seq;
    tags[i] = tag;
    items[i] = item;
  }

  /** The earliest instant, or `Infinity` when empty. */
  peekAt(): number {
    const fromHeap = this.length > 0 ? this.ats[0]! : Number.POSITIVE_INFINITY;
    const fromBacklog = this.head < this.tail ? this.bAts[this.head]! : Number.POSITIVE_INFINITY;
    return Math.min(fromHeap, fromBacklog);
  }

  pop(): { at: number; item: T } | undefined {
    if (this.size === 0) return undefined;
    const item = this.shift() as T;
    return { at: this.lastAt, item };
  }

  /**
   * Removes the earliest entry and returns its item (`undefined` when empty); its instant and tag
   * are then in {@link EventQueue.lastAt} and {@link EventQueue.lastTag}.
   */
  shift(): T | undefined {
    const h = this.head;
    if (
      h < this.tail &&
      (this.length === 0 ||
        this.bAts[h]! < this.ats[0]! ||
        (this.bAts[h] === this.ats[0] && this.bSeqs[h]! < this.seqs[0]!))
    ) {
      const item = this.bItems[h] as T;
      this.bItems[h] = undefined;
      this.lastAt = this.bAts[h]!;
      this.lastTag = this.bTags[h]!;
      this.head = h + 1;
      if (this.head === this.tail) {
        this.head = 0;
        this.tail = 0;
      }
      return item;
    }
    if (this.length === 0) return undefined;
    const ats = this.ats;
    const seqs = this.seqs;
    const tags = this.tags;
    const items = this.items;
    const top = items[0] as T;
    this.lastAt = ats[0]!;
    this.lastTag = tags[0]!;
    const n = --this.length;
    const at = ats[n]!;
    const seq = seqs[n]!;
    const tag = tags[n]!;
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
        tags[i] = tags[m]!;
        items[i] = items[m];
        i = m;
      }
      ats[i] = at;
      seqs[i] = seq;
      tags[i] = tag;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const size = this.ats.length * 2;
    const ats = new Float64Array(size);
    ats.set(this.ats);
    this.ats = ats;
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const tags = new Uint8Array(size);
    tags.set(this.tags);
    this.tags = tags;
  }

  /** Room for `n` more backlog entries: the waiting ones move to the front, the arrays grow if needed. */
  private reserveBacklog(n: number): void {
    const waiting = this.tail - this.head;
    if (this.head > 0) {
      this.bAts.copyWithin(0, this.head, this.tail);
      this.bSeqs.copyWithin(0, this.head, this.tail);
      this.bTags.copyWithin(0, this.head, this.tail);
      for (let i = 0; i < waiting; i++) this.bItems[i] = this.bItems[this.head + i];
      for (let i = waiting; i < this.tail; i++) this.bItems[i] = undefined;
      this.head = 0;
      this.tail = waiting;
    }
    if (waiting + n <= this.bAts.length) return;
    const size = Math.max(64, 2 * this.bAts.length, waiting + n);
    const ats = new Float64Array(size);
    ats.set(this.bAts.subarray(0, waiting));
    this.bAts = ats;
    const seqs = new Float64Array(size);
    seqs.set(this.bSeqs.subarray(0, waiting));
    this.bSeqs = seqs;
    const tags = new Uint8Array(size);
    tags.set(this.bTags.subarray(0, waiting));
    this.bTags = tags;
  }
}
