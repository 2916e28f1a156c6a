// A binary min-heap ordered by (at, seq): the scheduler's timers and the billing settlement queue.

export interface HeapItem {
  at: number;
  seq: number;
}

export class MinHeap<T extends HeapItem> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i] as T, items[parent] as T)) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < items.length && less(items[l] as T, items[smallest] as T)) smallest = l;
        if (r < items.length && less(items[r] as T, items[smallest] as T)) smallest = r;
        if (smallest === i) break;
        swap(items, i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  clear(): void {
    this.items = [];
  }
}

function less(a: HeapItem, b: HeapItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function swap<T>(items: T[], i: number, j: number): void {
  const t = items[i] as T;
  items[i] = items[j] as T;
  items[j] = t;
}

/**
 * A binary min-heap whose items know their position, so any item can be removed in O(log n): the
 * billing queue drops a task the moment it is settled early (cancelled) or forgotten (evicted).
 */
export class IndexedHeap<T> {
  private items: T[] = [];

  constructor(
    private readonly less: (a: T, b: T) => boolean,
    private readonly setIndex: (item: T, index: number) => void,
    private readonly getIndex: (item: T) => number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.setIndex(item, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  /** Removes the item if it is in the heap. */
  remove(item: T): void {
    const i = this.getIndex(item);
    const items = this.items;
    if (i < 0 || items[i] !== item) return;
    const last = items.pop() as T;
    this.setIndex(item, -1);
    if (i === items.length) return;
    items[i] = last;
    this.setIndex(last, i);
    this.up(i);
    this.down(this.getIndex(last));
  }

  clear(): void {
    for (const item of this.items) this.setIndex(item, -1);
    this.items = [];
  }

  private up(start: number): void {
    const items = this.items;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i] as T, items[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(start: number): void {
    const items = this.items;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < items.length && this.less(items[l] as T, items[smallest] as T)) smallest = l;
      if (r < items.length && this.less(items[r] as T, items[smallest] as T)) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(i: number, j: number): void {
    const items = this.items;
    const a = items[i] as T;
    const b = items[j] as T;
    items[i] = b;
    items[j] = a;
    this.setIndex(b, i);
    this.setIndex(a, j);
  }
}
