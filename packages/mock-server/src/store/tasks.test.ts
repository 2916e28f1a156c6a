import { describe, expect, test } from 'vitest';
import { RETENTION_MS, type Timeline } from '../domain/lifecycle.js';
import { TaskRecord } from '../domain/task.js';
import { OrderedTasks, TaskStore } from './tasks.js';

function task(id: string, endAt: number, idempotencyKey: string | null = null): TaskRecord {
  return new TaskRecord(
    {
      id,
      apiKey: 'k',
      model: 'sora-2',
      duration: 10,
      aspectRatio: '16:9',
      removeWatermark: true,
      image: false,
      priceUc: 3737,
      callbackUrl: null,
      failureCode: null,
      scenario: null,
      idempotencyKey,
      fingerprint: idempotencyKey && '{}',
    },
    {
      createdAt: 0,
      processingAt: 1,
      processingMs: 100,
      endAt,
      outcome: 'completed',
      freezeAt: Infinity,
      seed: 1,
    },
  );
}

describe('TaskStore', () => {
  test('a task expires 24 h after it ends: reads stop finding it and it is dropped', () => {
    const removed: string[] = [];
    const store = new TaskStore(10, (t, why) => removed.push(`${t.id}:${why}`));
    store.add(task('a', 1000, 'idem'), 0);
    expect(store.get('a', 1000 + RETENTION_MS - 1)?.id).toBe('a');
    expect(store.get('a', 1000 + RETENTION_MS)).toBeUndefined();
    expect(store.byIdempotencyKey('k', 'idem', 0)).toBeUndefined();
    expect(store.size).toBe(0);
    expect(removed).toEqual(['a:expired']);
  });

  test('a sweep on create drops every expired task, unread ones too', () => {
    const store = new TaskStore(100, () => {});
    for (let i = 0; i < 10; i++) store.add(task(`t${i}`, i % 2 ? 1000 : Number.POSITIVE_INFINITY), 0);
    store.add(task('new', 5_000_000_000), 1000 + RETENTION_MS + 60_000);
    expect([...store.values()].map((t) => t.id)).toEqual(['t0', 't2', 't4', 't6', 't8', 'new']);
  });

  test('beyond maxTasks the oldest are evicted, with their idempotency entry', () => {
    const removed: string[] = [];
    const store = new TaskStore(3, (t, why) => removed.push(`${t.id}:${why}`));
    store.add(task('a', 10, 'ka'), 0);
    store.add(task('b', 10), 0);
    store.add(task('c', 10), 0);
    store.add(task('d', 10), 0);
    expect([...store.values()].map((t) => t.id)).toEqual(['b', 'c', 'd']);
    expect(removed).toEqual(['a:evicted']);
    expect(store.byIdempotencyKey('k', 'ka', 0)).toBeUndefined();
  });

  test('idempotency keys are per API key', () => {
    const store = new TaskStore(10, () => {});
    store.add(task('a', 10, 'same'), 0);
    expect(store.byIdempotencyKey('k', 'same', 0)?.id).toBe('a');
    expect(store.byIdempotencyKey('other', 'same', 0)).toBeUndefined();
  });

  test('clear removes everything and marks the tasks removed', () => {
    const store = new TaskStore(10, () => {});
    const a = task('a', 10);
    store.add(a, 0);
    store.clear();
    expect(store.size).toBe(0);
    expect(a.removed).toBe(true);
  });

  test('eviction stays in creation order through many removals, expired ones included', () => {
    const removed: string[] = [];
    const store = new TaskStore(10, (t, why) => removed.push(`${t.id}:${why}`));
    for (let i = 0; i < 5000; i++) {
      // Every third task ends early and is read after it expired, which removes it out of order.
      const t = task(`t${i}`, i % 3 === 0 ? 0 : 1e15);
      store.add(t, 0);
      if (i % 3 === 0) store.get(t.id, RETENTION_MS);
    }
    const ids = [...store.values()].map((t) => Number(t.id.slice(1)));
    const survivors = Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(ids).toEqual(survivors.slice(-ids.length));
    expect(removed.filter((r) => r.endsWith(':expired'))).toHaveLength(1667);
  });
});

describe('TaskStore removals', () => {
  const reasons = () => {
    const removed: string[] = [];
    return { removed, store: new TaskStore(10, (t, why) => removed.push(`${t.id}:${why}`)) };
  };

  test('an idempotency key stops answering at the very instant its task expires', () => {
    const { removed, store } = reasons();
    store.add(task('a', 1000, 'idem'), 0);
    expect(store.byIdempotencyKey('k', 'idem', 1000 + RETENTION_MS - 1)?.id).toBe('a');
    expect(store.byIdempotencyKey('k', 'idem', 1000 + RETENTION_MS)).toBeUndefined();
    expect(store.has('a')).toBe(false);
    expect(removed).toEqual(['a:expired']);
  });

  test('expireDue and a forced sweep drop what expired by then, exactly at the instant, as expired', () => {
    const { removed, store } = reasons();
    store.add(task('a', 1000), 0);
    store.add(task('b', 2000), 0);
    store.add(task('c', 3000), 0);
    store.expireDue(1000 + RETENTION_MS);
    store.sweep(2000 + RETENTION_MS, true);
    expect(removed).toEqual(['a:expired', 'b:expired']);
    expect([...store.values()].map((t) => t.id)).toEqual(['c']);
  });

  test('removing a task twice reports it once; clear reports each as reset', () => {
    const { removed, store } = reasons();
    const a = task('a', 1000);
    store.add(a, 0);
    store.add(task('b', 1000), 0);
    store.remove(a, 'evicted');
    store.remove(a, 'evicted');
    store.clear();
    expect(removed).toEqual(['a:evicted', 'b:reset']);
  });

  test("a task's removal leaves another task's entry under the same idempotency key alone", () => {
    const { store } = reasons();
    const older = task('a', 1000, 'same');
    store.add(older, 0);
    store.add(task('b', 1000, 'same'), 0);
    store.remove(older, 'evicted');
    expect(store.byIdempotencyKey('k', 'same', 0)?.id).toBe('b');
  });

  test("a key's and a model's list go when their last task goes, not before", () => {
    const { store } = reasons();
    const a = task('a', 1000);
    const b = task('b', 1000);
    store.add(a, 0);
    store.add(b, 0);
    store.remove(a, 'evicted');
    expect(store.ofKey('k')?.size).toBe(1);
    expect(store.ofKey('k', 'sora-2')?.size).toBe(1);
    store.remove(b, 'evicted');
    expect(store.ofKey('k')).toBeUndefined();
    expect(store.ofKey('k', 'sora-2')).toBeUndefined();
    expect(store.ofKey('nobody', 'sora-2')).toBeUndefined();
  });

  test('a task without an idempotency key answers no key, not even one spelled "null"', () => {
    const { store } = reasons();
    store.add(task('a', 1000), 0);
    expect(store.byIdempotencyKey('k', 'null', 0)).toBeUndefined();
  });

  test('the eviction order holds the live tasks after adds, a sweep and a clear', () => {
    const { store } = reasons();
    const order = () => (store as unknown as { order: TaskRecord[] }).order.map((t) => t.id);
    store.add(task('a', 1000), 0);
    store.add(task('b', 5000), 0);
    expect(order()).toEqual(['a', 'b']);
    store.sweep(1000 + RETENTION_MS, true);
    expect(order()).toEqual(['b']);
    store.clear();
    expect(order()).toEqual([]);
    store.expireDue(1e15);
  });

  test('the eviction order stays bounded however many tasks pass through', () => {
    const store = new TaskStore(10, () => {});
    for (let i = 0; i < 6000; i++) store.add(task(`t${i}`, 1e15), 0);
    const order = (store as unknown as { order: TaskRecord[] }).order;
    expect(order.length).toBeLessThan(2 * 1024 + 20);
    expect(store.size).toBe(10);
  });
});

describe("OrderedTasks (a key's tasks for the caller's list)", () => {
  function ordered(n: number) {
    const list = new OrderedTasks();
    for (let i = 0; i < n; i++) list.items.push(task(`t${i}`, 1000 + i));
    const drop = (...ids: number[]) => {
      for (const i of ids) {
        (list.items.find((t) => t.id === `t${i}`) as TaskRecord).removed = true;
        list.removed();
      }
    };
    const ids = (offset: number, limit: number, where?: (t: Timeline) => boolean) => {
      const page = list.page(where, offset, limit);
      return [page.tasks.map((t) => t.id), page.total];
    };
    return { list, drop, ids };
  }

  test('pages newest first by index, however deep', () => {
    const { ids } = ordered(10);
    expect(ids(0, 3)).toEqual([['t9', 't8', 't7'], 10]);
    expect(ids(8, 3)).toEqual([['t1', 't0'], 10]);
    expect(ids(10, 3)).toEqual([[], 10]);
  });

  test('front holes move the head; a few holes inside are skipped; many are compacted', () => {
    const { list, drop, ids } = ordered(10);
    drop(0, 1);
    expect(ids(7, 5)).toEqual([['t2'], 8]);
    expect([list.head, list.holes]).toEqual([2, 0]);
    drop(5);
    expect(ids(3, 3)).toEqual([['t6', 't4', 't3'], 7]);
    expect(list.holes).toBe(1);
    drop(3, 4, 6, 8);
    expect(ids(0, 10)).toEqual([['t9', 't7', 't2'], 3]);
    expect([list.items.length, list.head, list.holes]).toEqual([3, 0, 0]);
  });

  test('a test scans every live task and counts the matches; removing the last says so', () => {
    const { drop, ids, list } = ordered(6);
    drop(4);
    const even = (t: Timeline) => t.endAt % 2 === 0;
    expect(ids(1, 1, even)).toEqual([['t0'], 2]);
    drop(0, 1, 2, 3);
    expect(list.size).toBe(1);
    (list.items.find((t) => t.id === 't5') as TaskRecord).removed = true;
    expect(list.removed()).toBe(true);
  });

  test('with a test, removed tasks are neither listed nor counted', () => {
    const { drop, ids } = ordered(6);
    drop(4);
    expect(ids(0, 10, () => true)).toEqual([['t5', 't3', 't2', 't1', 't0'], 5]);
  });

  test('with holes inside, a page reaches the oldest task', () => {
    const { drop, ids } = ordered(10);
    drop(5);
    expect(ids(8, 5)).toEqual([['t0'], 9]);
  });

  test('a list whose every task is removed pages empty', () => {
    const { drop, ids } = ordered(3);
    drop(0, 1, 2);
    expect(ids(0, 5)).toEqual([[], 0]);
  });

  test('holes are compacted once they are more than half the list, not at half', () => {
    const { list, drop, ids } = ordered(6);
    drop(1, 3, 4);
    expect(ids(0, 10)).toEqual([['t5', 't2', 't0'], 3]);
    expect([list.items.length, list.holes]).toEqual([6, 3]);
    drop(2);
    expect(ids(0, 10)).toEqual([['t5', 't0'], 2]);
    expect(list.items.map((t) => t.id)).toEqual(['t0', 't5']);
    expect([list.head, list.holes]).toEqual([0, 0]);
  });

  test('a head at exactly 1024 is not trimmed, however short the list', () => {
    const { list, drop, ids } = ordered(2000);
    drop(...Array.from({ length: 1024 }, (_, i) => i));
    expect(ids(975, 5)).toEqual([['t1024'], 976]);
    expect([list.items.length, list.head]).toEqual([2000, 1024]);
  });

  test('the passed-over front is trimmed once the head is past 1024 and past half the list', () => {
    const { list, drop, ids } = ordered(2200);
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    drop(...range(0, 1024));
    expect(ids(1175, 5)).toEqual([['t1024'], 1176]);
    expect([list.items.length, list.head]).toEqual([2200, 1024]);
    drop(...range(1024, 1100));
    expect(ids(0, 1)).toEqual([['t2199'], 1100]);
    expect([list.items.length, list.head]).toEqual([2200, 1100]);
    drop(...range(1100, 1200));
    expect(ids(999, 5)).toEqual([['t1200'], 1000]);
    expect([list.items.length, list.head, list.items[0]?.id]).toEqual([1000, 0, 't1200']);
  });
});
