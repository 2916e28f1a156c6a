import { describe, expect, test } from 'vitest';
import { IndexedHeap, MinHeap } from './heap.js';
import { createRandom } from './random.js';

interface Item {
  at: number;
  seq: number;
  index: number;
}

describe('heaps', () => {
  test('MinHeap pops in (at, seq) order', () => {
    const random = createRandom('heap');
    const heap = new MinHeap<{ at: number; seq: number }>();
    const items = Array.from({ length: 500 }, (_, seq) => ({ at: random.int(50), seq }));
    for (const item of items) heap.push(item);
    const popped = [];
    while (heap.size) popped.push(heap.pop());
    expect(popped).toEqual([...items].sort((a, b) => a.at - b.at || a.seq - b.seq));
    expect(heap.pop()).toBeUndefined();
  });

  test('IndexedHeap keeps order through random pushes, pops and removals', () => {
    const random = createRandom('indexed');
    const heap = new IndexedHeap<Item>(
      (a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq),
      (item, index) => {
        item.index = index;
      },
      (item) => item.index,
    );
    const model = new Set<Item>();
    let seq = 0;
    for (let step = 0; step < 5000; step++) {
      const op = random.int(10);
      if (op < 5) {
        const item = { at: random.int(100), seq: seq++, index: -1 };
        heap.push(item);
        model.add(item);
      } else if (op < 8 && model.size) {
        const victim = [...model][random.int(model.size)] as Item;
        heap.remove(victim);
        model.delete(victim);
        expect(victim.index).toBe(-1);
      } else {
        const expected = [...model].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        const top = heap.pop();
        expect(top).toBe(expected);
        if (top) model.delete(top);
      }
      expect(heap.size).toBe(model.size);
    }
    const rest = [];
    while (heap.size) rest.push(heap.pop());
    expect(rest).toEqual([...model].sort((a, b) => a.at - b.at || a.seq - b.seq));
  });

  test('removing an item twice, or one never pushed, changes nothing', () => {
    const heap = new IndexedHeap<Item>(
      (a, b) => a.at < b.at,
      (item, index) => {
        item.index = index;
      },
      (item) => item.index,
    );
    const a = { at: 1, seq: 0, index: -1 };
    const b = { at: 2, seq: 1, index: -1 };
    heap.push(a);
    heap.push(b);
    heap.remove(a);
    heap.remove(a);
    heap.remove({ at: 0, seq: 9, index: 0 });
    expect(heap.size).toBe(1);
    expect(heap.peek()).toBe(b);
  });
});
